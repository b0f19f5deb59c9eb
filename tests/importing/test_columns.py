"""Header -> field mapping, --map parsing and overrides."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.importing import FIELDS, ImportFileError, parse_map_option, parse_registration_file
from kiosk.importing.columns import map_columns, normalize, resolve_overrides


def _map(headers: list[str]) -> dict[str, str]:
    return map_columns(headers).mapping


def test_fields_constant() -> None:
    assert FIELDS == (
        "ticket_code", "first_name", "last_name", "full_name", "email", "organisation", "category",
        "workshop", "status", "row_id", "position_id", "submitted_at", "ignore",
    )


def test_normalize() -> None:
    assert normalize("  Prénom\u00a0du   Participant ") == "prenom du participant"
    assert normalize("E-MAIL") == "e mail"
    assert normalize("N° de billet") == "n de billet"
    assert normalize("Barcode #") == "barcode number"
    assert normalize("\ufeffÉtat") == "etat"


def test_helloasso() -> None:
    headers = [
        "Référence commande", "Date de la commande", "Statut de la commande", "Nom participant",
        "Prénom participant", "Nom payeur", "Prénom payeur", "Email payeur", "Raison sociale", "Tarif",
        "Montant tarif", "Numéro de billet", "Code Promo",
    ]
    assert _map(headers) == {
        "last_name": "Nom participant",
        "first_name": "Prénom participant",
        "email": "Email payeur",
        "organisation": "Raison sociale",
        "category": "Tarif",
        "ticket_code": "Numéro de billet",
        "status": "Statut de la commande",
    }


def test_participant_beats_payer_regardless_of_column_order() -> None:
    headers = ["Nom payeur", "Prénom payeur", "Email payeur", "Email participant", "Prénom participant",
               "Nom participant"]
    assert _map(headers) == {
        "last_name": "Nom participant",
        "first_name": "Prénom participant",
        "email": "Email participant",
    }


def test_weezevent() -> None:
    headers = ["Prénom", "Nom", "Email", "Code-barre", "Billet", "Catégorie", "Date d'achat", "Société"]
    assert _map(headers) == {
        "first_name": "Prénom",
        "last_name": "Nom",
        "email": "Email",
        "ticket_code": "Code-barre",
        "category": "Catégorie",
        "organisation": "Société",
    }


def test_weezevent_billet_becomes_category_when_barcode_present_and_no_category() -> None:
    assert _map(["Nom", "Prénom", "Billet", "Code-barres"]) == {
        "last_name": "Nom", "first_name": "Prénom", "ticket_code": "Code-barres", "category": "Billet",
    }


def test_eventbrite() -> None:
    headers = [
        "Order #", "Order Date", "First Name", "Last Name", "Email", "Quantity", "Ticket Type", "Attendee #",
        "Barcode #", "Order Type", "Total Paid", "Attendee Status", "Company", "Job Title",
    ]
    assert _map(headers) == {
        "first_name": "First Name",
        "last_name": "Last Name",
        "email": "Email",
        "category": "Ticket Type",
        "ticket_code": "Barcode #",
        "status": "Attendee Status",
        "organisation": "Company",
        "row_id": "Attendee #",  # the platform's own id of the attendee: how re-imports find them
    }


def test_pretix() -> None:
    headers = [
        "Order code", "Position ID", "Status", "Email", "Order date", "Product", "Variation", "Price",
        "Attendee name", "Attendee name: Title", "Attendee name: Given name", "Attendee name: Family name",
        "Company", "Secret",
    ]
    assert _map(headers) == {
        "ticket_code": "Secret",
        "status": "Status",
        "email": "Email",
        "category": "Product",
        "full_name": "Attendee name",
        "first_name": "Attendee name: Given name",
        "last_name": "Attendee name: Family name",
        "organisation": "Company",
        "position_id": "Position ID",
    }


def test_pretix_without_secret_uses_order_code() -> None:
    assert _map(["Order code", "Attendee name", "Product"]) == {
        "ticket_code": "Order code", "full_name": "Attendee name", "category": "Product",
    }


def test_google_forms_french_and_english() -> None:
    fr = ["Horodateur", "Adresse e-mail", "Prénom", "Nom", "Nom de votre structure",
          "Quel atelier souhaitez-vous suivre ?", "Profil", "Code postal"]
    assert _map(fr) == {
        "email": "Adresse e-mail",
        "first_name": "Prénom",
        "last_name": "Nom",
        "organisation": "Nom de votre structure",
        "workshop": "Quel atelier souhaitez-vous suivre ?",
        "category": "Profil",
        "submitted_at": "Horodateur",  # the response's own time: a stable identity without e-mail
    }
    en = ["Timestamp", "Email Address", "First name", "Last name", "Organization"]
    assert _map(en) == {
        "email": "Email Address", "first_name": "First name", "last_name": "Last name",
        "organisation": "Organization", "submitted_at": "Timestamp",
    }


@pytest.mark.parametrize(
    ("header", "field"),
    [
        ("Prénom", "first_name"), ("PRENOM", "first_name"), ("first_name", "first_name"),
        ("Firstname", "first_name"), ("Given name", "first_name"),
        ("Nom", "last_name"), ("NOM", "last_name"), ("Nom de famille", "last_name"), ("Surname", "last_name"),
        ("Family name", "last_name"), ("last-name", "last_name"),
        ("Nom complet", "full_name"), ("Nom et prénom", "full_name"), ("NOM Prénom", "full_name"),
        ("Full Name", "full_name"), ("Name", "full_name"), ("Participant", "full_name"),
        ("Attendee name", "full_name"), ("Nom & prénom", "full_name"),
        ("E-mail", "email"), ("Courriel", "email"), ("Adresse email", "email"), ("Adresse e-mail", "email"),
        ("Mail", "email"), ("Email address", "email"), ("email", "email"),
        ("Structure", "organisation"), ("Organisation", "organisation"), ("Organization", "organisation"),
        ("Entreprise", "organisation"), ("Société", "organisation"), ("Company", "organisation"),
        ("Association", "organisation"), ("Employeur", "organisation"),
        ("Billet", "ticket_code"), ("Ticket", "ticket_code"), ("Code", "ticket_code"),
        ("Code-barres", "ticket_code"), ("Barcode", "ticket_code"), ("Numéro de billet", "ticket_code"),
        ("N° de billet", "ticket_code"), ("Order code", "ticket_code"), ("Ticket code", "ticket_code"),
        ("Secret", "ticket_code"), ("Référence billet", "ticket_code"),
        ("Atelier", "workshop"), ("Workshop", "workshop"), ("Session", "workshop"),
        ("Catégorie", "category"), ("Type", "category"), ("Profil", "category"), ("Tarif", "category"),
        ("Ticket type", "category"), ("Type de billet", "category"), ("Formule", "category"),
        ("Statut", "status"), ("Status", "status"), ("État", "status"), ("ETAT", "status"),
    ],
)
def test_synonyms(header: str, field: str) -> None:
    # A name column is always present so the mapping is meaningful; it never steals the tested header.
    mapping = map_columns([header, "Zzz"]).indexes
    assert mapping.get(field) == 0, map_columns([header]).mapping


@pytest.mark.parametrize(
    "header",
    ["Code postal", "Code promo", "Prix du billet", "Montant tarif", "Date de la commande",
     "Adresse de la structure", "Newsletter email opt-in", "Nom de l'événement", "Pseudonymization ID",
     "Invoice address state", "Valid from"],
)
def test_unrelated_headers_stay_unmapped(header: str) -> None:
    assert map_columns([header]).indexes == {}


@pytest.mark.parametrize(
    ("headers", "field", "expected"),
    [
        # pretix positions: the order's "Email" comes first, the attendee's own wins.
        (["Order code", "Email", "Attendee name", "Attendee email"], "email", "Attendee email"),
        (["Attendee company", "Company"], "organisation", "Attendee company"),
        # HelloAsso: "Raison sociale" is the payer's company, the participant's "Structure" wins.
        (["Nom participant", "Raison sociale", "Structure"], "organisation", "Structure"),
        (["Nom participant", "Raison sociale"], "organisation", "Raison sociale"),
        # Billetweb numbers custom fields: the number does not veto the match.
        (["Nom", "Structure - #12", "Atelier (#3)"], "organisation", "Structure - #12"),
        (["Nom", "Valide"], "status", "Valide"),
        (["Name", "RSVP"], "status", "RSVP"),
        (["Name", "Registration state"], "status", "Registration state"),
        # The QR holds pretix's secret / Hi.Events' public id, never the order code.
        (["Order code", "Attendee name", "Ticket secret"], "ticket_code", "Ticket secret"),
        (["Code de commande", "Nom du participant", "Secret du billet"], "ticket_code", "Secret du billet"),
        (["ID", "First Name", "Public ID", "Order ID"], "ticket_code", "Public ID"),
    ],
)
def test_attendee_columns_win(headers: list[str], field: str, expected: str) -> None:
    assert _map(headers)[field] == expected


def test_billetweb_numbered_custom_fields() -> None:
    assert _map(["Nom", "Prénom", "Atelier choisi - #7"])["workshop"] == "Atelier choisi - #7"


def test_accept_vetoes_a_candidate() -> None:
    headers = ["Code de commande", "Statut", "État", "Nom"]
    mapping = map_columns(headers, accept=lambda field, col: (field, col) != ("ticket_code", 0)).mapping
    assert "ticket_code" not in mapping and mapping["status"] == "Statut"
    mapping = map_columns(["Nom", "État"], accept=lambda field, col: field != "status").mapping
    assert mapping == {"last_name": "Nom"}


def test_each_field_once_first_exact_wins() -> None:
    assert _map(["Email", "E-mail", "Nom", "Nom"]) == {"email": "Email", "last_name": "Nom"}


# --------------------------------------------------------------------------- --map


def test_parse_map_option() -> None:
    assert parse_map_option(["Mon prénom=first_name", " Mon nom = last_name ", "Remarques=ignore",
                             "a=b=email"]) == {
        "Mon prénom": "first_name",
        "Mon nom": "last_name",
        "Remarques": "ignore",
        "a=b": "email",
    }


@pytest.mark.parametrize("item", ["Prénom", "=first_name", "Prénom=", "Prénom=prenom", "Prénom=nickname"])
def test_parse_map_option_bad_item(item: str) -> None:
    with pytest.raises(ImportFileError, match="invalid --map item") as info:
        parse_map_option([item])
    assert "first_name" in str(info.value)  # lists valid fields


def test_parse_map_option_duplicate_header() -> None:
    with pytest.raises(ImportFileError, match="twice"):
        parse_map_option(["Prénom=first_name", "prenom=last_name"])


def test_resolve_overrides_rejects_unknown_field_and_double_field() -> None:
    with pytest.raises(ImportFileError, match="invalid field 'nick'"):
        resolve_overrides({"A": "nick"})
    with pytest.raises(ImportFileError, match="'email' is mapped to two columns"):
        resolve_overrides({"A": "email", "B": "email"})


def _csv(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "f.csv"
    path.write_text(text, encoding="utf-8")
    return path


def test_overrides_win_and_ignore_drops(tmp_path: Path) -> None:
    path = _csv(
        tmp_path,
        "Identifiant;Mon prénom;Mon nom;Email;Courriel pro;Atelier\n"
        "X1;Ana;Silva;perso@example.org;pro@example.org;Vélo\n",
    )
    parsed = parse_registration_file(
        path,
        {"mon prenom": "first_name", "MON NOM": "last_name", "Courriel pro": "email", "Atelier": "ignore",
         "identifiant": "ticket_code"},
    )
    assert parsed.mapping == {
        "first_name": "Mon prénom",
        "last_name": "Mon nom",
        "email": "Courriel pro",
        "ticket_code": "Identifiant",
    }
    rec = parsed.records[0]
    assert (rec.ticket_code, rec.first_name, rec.last_name, rec.email, rec.workshop) == (
        "X1", "Ana", "Silva", "pro@example.org", None,
    )


def test_override_can_swap_auto_detected_columns(tmp_path: Path) -> None:
    path = _csv(tmp_path, "Nom;Prénom\nAna;Silva\n")  # organiser filled the columns the wrong way round
    rec = parse_registration_file(path, {"Nom": "first_name", "Prénom": "last_name"}).records[0]
    assert (rec.first_name, rec.last_name) == ("Ana", "Silva")


def test_override_makes_header_row_without_known_name(tmp_path: Path) -> None:
    path = _csv(tmp_path, "Qui;Ticket\nAna Silva;T1\n")
    rec = parse_registration_file(path, {"Qui": "full_name"}).records[0]
    assert (rec.first_name, rec.last_name, rec.ticket_code) == ("Ana", "Silva", "T1")


def test_override_with_absent_header_lists_headers(tmp_path: Path) -> None:
    path = _csv(tmp_path, "Prénom;Nom;Email\nAna;Silva;a@b.fr\n")
    with pytest.raises(ImportFileError) as info:
        parse_registration_file(path, {"Mon prénom": "first_name"})
    message = str(info.value)
    assert message.startswith("column 'Mon prénom' given in the column mapping is not in the file; ")
    assert "'Prénom', 'Nom', 'Email'" in message
    assert "\n" not in message


def test_override_absent_and_no_name_column(tmp_path: Path) -> None:
    path = _csv(tmp_path, "Foo;Bar\n1;2\n")
    with pytest.raises(ImportFileError, match=r"not in the file; headers are: 'Foo', 'Bar'"):
        parse_registration_file(path, {"Baz": "full_name"})


def test_override_invalid_field_in_mapping(tmp_path: Path) -> None:
    path = _csv(tmp_path, "Prénom;Nom\nAna;Silva\n")
    with pytest.raises(ImportFileError, match="invalid field"):
        parse_registration_file(path, {"Prénom": "given"})
