"""Every platform's export layout, imported without --map: every field of every row, re-import, version 2.

Each layout is the platform's documented or published column order (source in the comment); the files
are written the way the platform writes them (delimiter, encoding, BOM). Version 2 is the export an hour
before doors: guest 1 cancelled, guest 2 renamed, guest 3 removed.
"""

from __future__ import annotations

import csv
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from kiosk.domain.model import Event
from kiosk.service import Kiosk
from kiosk.service.importer import import_registrations
from kiosk.store import attendees as attendee_store
from tests.conftest import FakeClock


@dataclass(frozen=True)
class Guest:
    first: str
    last: str
    email: str | None
    org: str | None
    category: str | None
    n: int  # position in the export, for codes, ids and timestamps


GUESTS = [
    Guest("Hélène", "Dupont", "helene.dupont@example.org", "La Ruche", "Plein tarif", 1),
    Guest("Jean-Pierre", "de La Fontaine", "jp@example.org", None, "Tarif réduit", 2),
    Guest("Zoé", "Nguyễn", "zoe@example.org", "Inter-Made", "Plein tarif", 3),
    Guest("Karim", "Benali", "karim@example.org", None, "Bénévole", 4),
    # A family booked by one parent: three guests, one e-mail (Hi.Events, HelloAsso, Eventbrite do that).
    Guest("Paul", "Martin", "famille.martin@example.org", None, "Enfant", 5),
    Guest("Camille", "Martin", "famille.martin@example.org", None, "Enfant", 6),
    Guest("Inès", "Martin", "famille.martin@example.org", None, "Plein tarif", 7),
]
RENAMED = "Nguyễn-Moreau"


@dataclass(frozen=True)
class Layout:
    header: list[str]
    row: Callable[[Guest, bool], list[str]]  # (guest, cancelled) -> cells
    delimiter: str = ","
    encoding: str = "utf-8"
    code: Callable[[Guest], str | None] = lambda g: None  # the ticket code kiosk must keep
    # What the platform exports of the guest (some layouts have no e-mail, organisation or category).
    fields: tuple[str, ...] = ("email", "org", "category")
    title: list[str] | None = None  # lines above the header
    has_status: bool = True  # without a status column, a cancelled guest is a row the organiser deleted


def _dt(g: Guest) -> str:
    return f"2026-11-{g.n:02d} 10:{g.n:02d}:00"


LAYOUTS: dict[str, Layout] = {
    # HelloAsso billetterie, "Exporter les participants" (HelloAsso help centre, export des
    # participants d'une billetterie): ';', UTF-8 with BOM; custom fields ("Structure") at the end.
    "helloasso-billetterie": Layout(
        ["Référence commande", "Date de la commande", "Statut de la commande", "Nom participant",
         "Prénom participant", "Nom payeur", "Prénom payeur", "Email payeur", "Raison sociale",
         "Moyen de paiement", "Billet", "Tarif", "Montant tarif", "Code Promo", "Numéro de billet",
         "Email participant", "Structure"],
        lambda g, c: [f"10{g.n // 2}", _dt(g), "Remboursé" if c else "Validé", g.last, g.first, "Martin", "Paul",
                      "payeur@example.org", "SARL Payeur", "Carte bancaire", "Forum 2026", g.category or "",
                      "25,00", "", f"2100{g.n:04d}", g.email or "", g.org or ""],
        delimiter=";", encoding="utf-8-sig", code=lambda g: f"2100{g.n:04d}"),
    # HelloAsso adhésions, "Exporter les adhérents": no ticket number; one order per member, so the
    # order reference never repeats and serves as the code (it would not if an order held two members).
    "helloasso-adhesions": Layout(
        ["Référence commande", "Date de la commande", "Statut de la commande", "Nom adhérent", "Prénom adhérent",
         "Nom payeur", "Prénom payeur", "Email payeur", "Raison sociale", "Date de naissance", "Tarif",
         "Montant tarif", "Email adhérent", "Structure"],
        lambda g, c: [f"20{g.n}", _dt(g), "Annulé" if c else "Validé", g.last, g.first, g.last, g.first,
                      g.email or "", "", "01/01/1990", g.category or "", "10,00", g.email or "", g.org or ""],
        delimiter=";", encoding="utf-8-sig", code=lambda g: f"20{g.n}"),
    # Eventbrite "Attendee summary" report (Eventbrite help centre, attendee summary report), English.
    "eventbrite-en": Layout(
        ["Order #", "Order Date", "Prefix", "First Name", "Last Name", "Suffix", "Email", "Quantity",
         "Price Tier", "Ticket Type", "Attendee #", "Group", "Order Type", "Currency", "Total Paid",
         "Fees Paid", "Eventbrite Fees", "Eventbrite Payment Processing", "Attendee Status", "Company",
         "Barcode #"],
        lambda g, c: [f"98{g.n // 3}", _dt(g), "", g.first, g.last, "", g.email or "", "1", "", g.category or "",
                      f"77{g.n:05d}", "", "Eventbrite Completed", "EUR", "25", "1", "1", "0",
                      "Not Attending" if c else "Attending", g.org or "", f"77{g.n:05d}001"],
        code=lambda g: f"77{g.n:05d}001"),
    # Eventbrite "Récapitulatif des participants", French interface: ';' for French Excel.
    "eventbrite-fr": Layout(
        ["N° de commande", "Date de commande", "Prénom", "Nom", "E-mail", "Quantité", "Type de billet",
         "N° de participant", "Statut du participant", "Entreprise", "Code-barres n°"],
        lambda g, c: [f"98{g.n // 3}", _dt(g), g.first, g.last, g.email or "", "1", g.category or "",
                      f"77{g.n:05d}", "Ne participe pas" if c else "Participe", g.org or "", f"77{g.n:05d}001"],
        delimiter=";", code=lambda g: f"77{g.n:05d}001"),
    # Weezevent "Export des participants" (Weezevent help: export de la liste des participants):
    # ';', UTF-8 with BOM, the barcode is what the ticket's QR holds.
    "weezevent": Layout(
        ["Code-barre", "Nom", "Prénom", "E-mail", "Tarif", "Date d'achat", "Statut", "Société", "ID commande"],
        lambda g, c: [f"WZ{g.n:08d}", g.last, g.first, g.email or "", g.category or "", _dt(g),
                      "Annulé" if c else "Valide", g.org or "", f"{g.n // 2}"],
        delimiter=";", encoding="utf-8-sig", code=lambda g: f"WZ{g.n:08d}"),
    # Billetweb "Export des participants" (Billetweb documentation, export Excel/CSV): custom form fields
    # come as "Label - #id"; "Valide" Oui/Non; a title line above the header.
    "billetweb": Layout(
        ["Billet", "Commande", "Date", "Tarif", "Nom", "Prénom", "Email", "Payé", "Valide", "Structure - #12",
         "Atelier choisi - #13"],
        lambda g, c: [f"T{g.n:06d}", f"C{g.n // 2}", _dt(g), g.category or "", g.last, g.first, g.email or "",
                      "Oui", "Non" if c else "Oui", g.org or "", ""],
        delimiter=";", code=lambda g: f"T{g.n:06d}", title=["Forum 2026 - participants"]),
    # Google Forms responses sheet, downloaded as CSV, French (the "Horodateur" column is Google's).
    "google-forms": Layout(
        ["Horodateur", "Adresse e-mail", "Prénom", "Nom", "Nom de votre structure", "Profil"],
        lambda g, c: [f"{g.n:02d}/11/2026 10:{g.n:02d}:00", g.email or "", g.first, g.last, g.org or "",
                      g.category or ""], has_status=False),
    # Google Forms without the e-mail question, English: the timestamp is the only identity.
    "google-forms-no-email": Layout(
        ["Timestamp", "First name", "Last name", "Organization"],
        lambda g, c: [f"11/{g.n:02d}/2026 10:{g.n:02d}:00", g.first, g.last, g.org or ""],
        fields=("org",), has_status=False),
    # Meetup "Download attendee list" (Meetup help: attendee list export): one full-name column.
    "meetup": Layout(
        ["Name", "User ID", "Title", "Event Host", "RSVP", "Guests", "RSVPed on", "Joined Group on",
         "URL of Member Profile"],
        lambda g, c: [f"{g.first} {g.last}", f"user {1000 + g.n}", "", "No", "No" if c else "Yes", "0", _dt(g),
                      "2025-01-01", f"https://www.meetup.com/members/{1000 + g.n}/"],
        fields=()),
    # Hi.Events attendee export (Hi.Events source, AttendeesExport headings): "Public ID" is in the QR;
    # "Ticket ID" is the product's id, shared by every attendee of that ticket type.
    "hi-events": Layout(
        ["ID", "First Name", "Last Name", "Email", "Status", "Is Checked In", "Checked In At", "Ticket ID",
         "Ticket Name", "Event ID", "Public ID", "Short ID", "Created Date", "Last Updated Date", "Notes"],
        lambda g, c: [str(g.n), g.first, g.last, g.email or "", "CANCELLED" if c else "ACTIVE", "No", "",
                      "3" if g.category == "Enfant" else "2", g.category or "", "1", f"A-{g.n:04X}X", f"a{g.n}",
                      _dt(g), _dt(g), ""],
        code=lambda g: f"A-{g.n:04X}X", fields=("email", "category")),
    # Indico registrations export (indico/modules/events/registration/util.py,
    # generate_spreadsheet_from_registrations): ID, Name, the form's fields, then the special columns.
    "indico": Layout(
        ["ID", "Name", "First Name", "Last Name", "Email Address", "Affiliation", "Registration date",
         "Registration state", "Price", "Checked in", "Check-in date"],
        lambda g, c: [str(g.n), f"{g.first} {g.last}", g.first, g.last, g.email or "", g.org or "", _dt(g),
                      "Withdrawn" if c else "Completed", "0", "No", ""],
        fields=("email", "org")),
}


def _write(path: Path, layout: Layout, guests: list[Guest], cancelled: set[int]) -> Path:
    with path.open("w", encoding=layout.encoding, newline="") as fh:
        writer = csv.writer(fh, delimiter=layout.delimiter, lineterminator="\r\n")
        if layout.title:
            writer.writerow(layout.title)
        writer.writerow(layout.header)
        for g in guests:
            writer.writerow(layout.row(g, g.n in cancelled))
    return path


def _expected(layout: Layout, guests: list[Guest], cancelled: set[int]) -> list[tuple[object, ...]]:
    return sorted((layout.code(g), g.first, g.last, g.email if "email" in layout.fields else None,
                   g.org if "org" in layout.fields else None, g.category if "category" in layout.fields else None,
                   g.n in cancelled) for g in guests)


def _stored(k: Kiosk) -> list[tuple[object, ...]]:
    return sorted((a.ticket_code, a.first_name, a.last_name, a.email, a.organisation, a.category,
                   a.status.value == "cancelled") for a in attendee_store.iterate(k.conn, k.event.id))


@pytest.fixture
def forum(data_dir: Path, clock: FakeClock) -> Iterator[Kiosk]:
    k = Kiosk.open(data_dir, device_name="door-1", clock=clock)
    k.create_event(Event(id=str(uuid.uuid4()), name="Forum 2026"))
    yield k
    k.close()


@pytest.mark.parametrize("platform", list(LAYOUTS))
def test_platform_export(forum: Kiosk, tmp_path: Path, platform: str) -> None:
    layout = LAYOUTS[platform]
    v1 = _write(tmp_path / f"{platform}.csv", layout, GUESTS, set())
    report = import_registrations(forum, v1)
    assert (report.added, report.skipped, report.warnings) == (len(GUESTS), [], [])
    assert _stored(forum) == _expected(layout, GUESTS, set())
    ids = {(a.first_name, a.last_name): a.id for a in attendee_store.iterate(forum.conn, forum.event.id)}

    # Check Camille in (found by name: the door's way for code-less guests), then re-import: nothing moves.
    camille = next(a for a in attendee_store.iterate(forum.conn, forum.event.id) if a.first_name == "Camille")
    forum.check_in_attendee(camille.id)
    again = import_registrations(forum, v1)
    assert (again.added, again.updated, again.unchanged, again.missing) == (0, 0, len(GUESTS), [])
    assert {(a.first_name, a.last_name): a.id for a in attendee_store.iterate(forum.conn, forum.event.id)} == ids
    assert forum.presence(camille.id).checked_in and forum.attendee(camille.id).first_name == "Camille"

    # Version 2: Hélène cancelled, Jean-Pierre removed, Zoé renamed (a form has no status: there the
    # organiser deletes Hélène's row, and she is reported missing with Jean-Pierre).
    renamed = Guest(GUESTS[2].first, RENAMED, *[getattr(GUESTS[2], f) for f in ("email", "org", "category", "n")])
    v2_guests = [GUESTS[0], renamed, *GUESTS[3:]] if layout.has_status else [renamed, *GUESTS[3:]]
    cancelled = {1} if layout.has_status else set()
    v2 = _write(tmp_path / f"{platform}-v2.csv", layout, v2_guests, cancelled)
    second = import_registrations(forum, v2)
    changed = 2 if layout.has_status else 1
    assert (second.added, second.updated, second.unchanged) == (0, changed, len(GUESTS) - 3), second.matches
    gone = ["de La Fontaine"] if layout.has_status else ["Dupont", "de La Fontaine"]
    assert sorted(a.last_name for a in second.missing) == gone
    assert second.cancelled == len(cancelled)
    stored = _stored(forum)
    assert [s for s in stored if s[2] not in gone] == _expected(layout, v2_guests, cancelled)
    assert forum.attendee(ids[("Zoé", "Nguyễn")]).last_name == RENAMED  # the same guest, renamed
    assert forum.presence(camille.id).checked_in and forum.attendee(camille.id).first_name == "Camille"


def test_google_form_answered_twice_is_one_guest(forum: Kiosk, tmp_path: Path) -> None:
    layout = LAYOUTS["google-forms"]
    again = Guest("Hélène", "Dupont", "helene.dupont@example.org", "La Ruche (Rennes)", "Bénévole", 9)
    path = _write(tmp_path / "form.csv", layout, [*GUESTS, again], set())
    report = import_registrations(forum, path)
    assert report.added == len(GUESTS)
    assert [(s.line, s.reason) for s in report.skipped] == [
        (2, "same person as line 9 (name and e-mail): the later answer is kept")]
    helene = [a for a in attendee_store.iterate(forum.conn, forum.event.id) if a.first_name == "Hélène"]
    assert [(a.organisation, a.category) for a in helene] == [("La Ruche (Rennes)", "Bénévole")]
    assert import_registrations(forum, path).unchanged == len(GUESTS)


def test_shared_email_never_rotates_identities(forum: Kiosk, tmp_path: Path) -> None:
    """Hi.Events without its Public ID column: the family shares one e-mail; names tell them apart."""
    layout = LAYOUTS["hi-events"]
    header = [h for h in layout.header if h != "Public ID"]
    drop = layout.header.index("Public ID")
    path = tmp_path / "hi.csv"
    rows = [layout.row(g, False) for g in GUESTS]
    with path.open("w", encoding="utf-8", newline="") as fh:
        csv.writer(fh).writerows([header, *[r[:drop] + r[drop + 1:] for r in rows]])
    import_registrations(forum, path)
    ids = {a.first_name: a.id for a in attendee_store.iterate(forum.conn, forum.event.id)}
    # The same file with the family in another order: each keeps their own record.
    shuffled = tmp_path / "hi-2.csv"
    with shuffled.open("w", encoding="utf-8", newline="") as fh:
        csv.writer(fh).writerows([header, *[r[:drop] + r[drop + 1:] for r in reversed(rows)]])
    report = import_registrations(forum, shuffled)
    assert (report.added, report.updated) == (0, 0)
    assert {a.first_name: a.id for a in attendee_store.iterate(forum.conn, forum.event.id)} == ids
