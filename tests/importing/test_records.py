"""Rows -> records: name splitting, status, verbatim values, skipped rows, record-level file errors."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest

from kiosk.importing import (
    ImportFileError,
    ImportRecord,
    ParsedFile,
    SkippedRow,
    parse_registration_file,
    split_full_name,
)
from kiosk.importing.records import is_cancelled_status

REPO = Path(__file__).resolve().parents[2]


def _parse(tmp_path: Path, text: str, encoding: str = "utf-8") -> ParsedFile:
    path = tmp_path / "export.csv"
    path.write_bytes(text.encode(encoding))
    return parse_registration_file(path)


# --------------------------------------------------------------------------- full names


@pytest.mark.parametrize(
    ("full", "first", "last"),
    [
        ("Dupont, Hélène", "Hélène", "Dupont"),
        ("  Dupont ,  Hélène  ", "Hélène", "Dupont"),
        ("de La Fontaine, Jean-Pierre", "Jean-Pierre", "de La Fontaine"),
        ("Hélène Dupont", "Hélène", "Dupont"),
        ("Jean-Pierre de La Fontaine", "Jean-Pierre", "de La Fontaine"),
        ("Ludwig van Beethoven", "Ludwig", "van Beethoven"),
        ("Marie Le Pen", "Marie", "Le Pen"),
        ("Jean d'Ormesson", "Jean", "d'Ormesson"),
        ("Anne Marie du Bois", "Anne Marie", "du Bois"),
        ("Ana dos Santos", "Ana", "dos Santos"),
        ("Osama bin Laden", "Osama", "bin Laden"),
        ("DUPONT Hélène", "Hélène", "DUPONT"),
        ("DE LA FONTAINE Jean-Pierre", "Jean-Pierre", "DE LA FONTAINE"),
        ("D'ORMESSON Jean", "Jean", "D'ORMESSON"),
        ("Hélène DUPONT", "Hélène", "DUPONT"),
        ("HÉLÈNE DUPONT", "HÉLÈNE", "DUPONT"),
        ("José García López", "José", "García López"),
        ("Madonna", "Madonna", ""),
        ("  Cher  ", "Cher", ""),
        ("", "", ""),
    ],
)
def test_split_full_name(full: str, first: str, last: str) -> None:
    assert split_full_name(full) == (first, last)


def test_full_name_column_split_in_file(tmp_path: Path) -> None:
    parsed = _parse(
        tmp_path,
        "Nom complet,Email\n"
        '"Dupont, Hélène",h@example.fr\n'
        "Jean-Pierre de La Fontaine,jp@example.fr\n"
        "DUPONT Hélène,\n"
        "Prince,\n",
    )
    assert parsed.mapping == {"full_name": "Nom complet", "email": "Email"}
    assert [(r.first_name, r.last_name) for r in parsed.records] == [
        ("Hélène", "Dupont"),
        ("Jean-Pierre", "de La Fontaine"),
        ("Hélène", "DUPONT"),
        ("Prince", ""),
    ]


def test_full_name_is_fallback_when_first_and_last_empty(tmp_path: Path) -> None:
    parsed = _parse(
        tmp_path,
        "Attendee name,Attendee name: Given name,Attendee name: Family name,Secret\n"
        "Ana Silva,Ana Maria,Silva Costa,s1\n"
        "Paul Martin,,,s2\n"
        ",Léa,,s3\n",
    )
    assert [(r.first_name, r.last_name) for r in parsed.records] == [
        ("Ana Maria", "Silva Costa"),
        ("Paul", "Martin"),
        ("Léa", ""),
    ]


# --------------------------------------------------------------------------- status


@pytest.mark.parametrize(
    "value",
    ["Annulé", "annulée", "ANNULE", "Remboursé", "Remboursée", "Refunded", "Cancelled", "canceled",
     "Canceled by attendee", "Void", "Deleted", "Not Attending", "Commande annulée", "CANCELED",
     # Billetweb "Valide", Meetup "RSVP", Indico "Registration state", Eventbrite FR, and friends.
     "Non", "No", "Waitlist", "Withdrawn", "Rejected", "Refusé", "Désisté", "Désistée", "Ne participe pas",
     "Not attending", "expired", "CANCELLED", "Déclinée"],
)
def test_cancelled_statuses(value: str) -> None:
    assert is_cancelled_status(value) is True


@pytest.mark.parametrize("value", ["Validé", "Paid", "paid", "Attending", "Checked In", "En attente", "", "OK",
                                   "Oui", "Yes", "Participe", "Completed", "ACTIVE", "Payé", "Valide"])
def test_active_statuses(value: str) -> None:
    assert is_cancelled_status(value) is False


def test_status_words_are_known_and_other_words_are_not() -> None:
    from kiosk.importing.statuses import status_meaning

    assert (status_meaning("Payé"), status_meaning("Remboursé"), status_meaning("No")) == (
        False, True, True)
    assert status_meaning("Île-de-France") is None and status_meaning("NY") is None


def test_address_state_column_is_not_a_status(tmp_path: Path) -> None:
    parsed = _parse(tmp_path, "Prénom;Nom;État\nAnn;Lee;Bretagne\nBob;Ray;Annulé\nCy;Doe;Normandie\n")
    assert "status" not in parsed.mapping and not any(r.cancelled for r in parsed.records)
    parsed = _parse(tmp_path, "Prénom;Nom;État\nAnn;Lee;Validé\nBob;Ray;Annulé\n")
    assert parsed.mapping["status"] == "État" and [r.cancelled for r in parsed.records] == [False, True]


def test_status_column_in_file(tmp_path: Path) -> None:
    parsed = _parse(
        tmp_path,
        "Prénom;Nom;Statut\nA;Un;Validé\nB;Deux;Remboursée\nC;Trois;\nD;Quatre;Canceled by attendee\n",
    )
    assert [r.cancelled for r in parsed.records] == [False, True, False, True]


def test_no_status_column_means_not_cancelled(tmp_path: Path) -> None:
    assert [r.cancelled for r in _parse(tmp_path, "Prénom;Nom\nA;Annulé\n").records] == [False]


# --------------------------------------------------------------------------- values


def test_values_kept_verbatim(tmp_path: Path) -> None:
    parsed = _parse(
        tmp_path,
        "Prénom;Nom;Structure;Catégorie;Atelier;Email;Billet\n"
        "<b>Ana</b>;\"'; DROP TABLE attendees; --\";=HYPERLINK(\"http://x\");+33 6 12;@SUM(A1);"
        "  Ana.SILVA@Example.FR  ;  t-01  \n"
        'élodie;mcDONALD;"<script>alert(1)</script>";-2;"a""b";;T-02\n',
    )
    first, second = parsed.records
    assert first == ImportRecord(
        line=2,
        ticket_code="t-01",
        first_name="<b>Ana</b>",
        last_name="'; DROP TABLE attendees; --",
        email="Ana.SILVA@Example.FR",
        organisation="=HYPERLINK(\"http://x\")",
        category="+33 6 12",
        workshop="@SUM(A1)",
        cancelled=False,
    )
    assert (second.first_name, second.last_name, second.organisation, second.category, second.workshop) == (
        "élodie", "mcDONALD", "<script>alert(1)</script>", "-2", 'a"b',
    )
    assert second.email is None


def test_sql_text_in_quoted_field_verbatim(tmp_path: Path) -> None:
    parsed = _parse(tmp_path, 'Prénom,Nom\nRobert,"\'); DROP TABLE students;--"\n')
    assert parsed.records[0].last_name == "'); DROP TABLE students;--"


@pytest.mark.parametrize(
    ("email", "kept"),
    [
        ("ana@example.fr", "ana@example.fr"),
        ("ana.silva+kiosk@sub.example.co.uk", "ana.silva+kiosk@sub.example.co.uk"),
        ("ana@", None),
        ("ana", None),
        ("ana@example", None),
        ("ana silva@example.fr", None),
        ("a@b.fr; c@d.fr", None),
        ("a@@b.fr", None),
        ("N/A", None),
    ],
)
def test_email_validation(tmp_path: Path, email: str, kept: str | None) -> None:
    parsed = _parse(tmp_path, f"Prénom\tNom\tEmail\nAna\tSilva\t{email}\n")
    assert len(parsed.records) == 1
    assert parsed.records[0].email == kept
    assert parsed.skipped == []


def test_empty_optional_values_are_none(tmp_path: Path) -> None:
    rec = _parse(tmp_path, "Prénom;Nom;Email;Billet;Structure;Tarif;Atelier\nA;B; ; ;;  ;\n").records[0]
    assert (rec.ticket_code, rec.email, rec.organisation, rec.category, rec.workshop) == (None,) * 5


def test_short_rows_are_padded(tmp_path: Path) -> None:
    rec = _parse(tmp_path, "Prénom;Nom;Email;Billet\nAna;Silva\n").records[0]
    assert (rec.first_name, rec.last_name, rec.email, rec.ticket_code) == ("Ana", "Silva", None, None)


# --------------------------------------------------------------------------- header detection, skipped rows


def test_header_not_on_first_line(tmp_path: Path) -> None:
    parsed = _parse(
        tmp_path,
        "Liste des participants - Nom de l'événement : Festival 2025;;;\n"
        "Exporté le 01/02/2025;;;\n"
        ";;;\n"
        "Numéro de billet;Nom participant;Prénom participant;Statut de la commande\n"
        "101;Dupont;Hélène;Validé\n"
        "102;Martin;Paul;Annulé\n",
    )
    assert parsed.mapping["last_name"] == "Nom participant"
    assert [(r.line, r.ticket_code, r.cancelled) for r in parsed.records] == [(5, "101", False), (6, "102", True)]


def test_header_beyond_ten_rows_not_found(tmp_path: Path) -> None:
    text = "".join(f"Titre {i}\n" for i in range(10)) + "Prénom;Nom\nA;B\n"
    with pytest.raises(ImportFileError, match="no first/last/full name column found; headers are: 'Titre 0'"):
        _parse(tmp_path, text)


def test_skipped_rows_reported_with_lines(tmp_path: Path) -> None:
    parsed = _parse(
        tmp_path,
        "Prénom;Nom;Email;Billet\n"
        "Ana;Silva;a@example.fr;1\n"
        ";;b@example.fr;2\n"
        ";;;\n"
        "\n"
        "  ;  ;  ;  \n"
        "Paul;;;3\n"
        ";Martin;;4\n"
        "Prénom;Nom;Email;Billet\n"
        "Total;;;\n"
        ";;;5\n",
    )
    assert [(r.line, r.ticket_code) for r in parsed.records] == [(2, "1"), (7, "3"), (8, "4"), (10, None)]
    assert parsed.skipped == [
        SkippedRow(3, "no name"),
        SkippedRow(9, "repeated header row"),
        SkippedRow(11, "no name"),
    ]


def test_header_only_file_is_refused(tmp_path: Path) -> None:
    # With --prune, an empty export would cancel everybody: it is refused before anything is compared.
    with pytest.raises(ImportFileError, match="header row but no registrations"):
        _parse(tmp_path, "Prénom;Nom;Email\r\n")
    with pytest.raises(ImportFileError, match="header row but no registrations"):
        _parse(tmp_path, "Prénom;Nom;Email\r\n;;\r\n;;nobody@example.org\r\n")


def test_no_name_column(tmp_path: Path) -> None:
    with pytest.raises(ImportFileError) as info:
        _parse(tmp_path, "Email;Billet;Statut\na@b.fr;1;Validé\n")
    assert str(info.value) == "no first/last/full name column found; headers are: 'Email', 'Billet', 'Statut'"


# --------------------------------------------------------------------------- record-level file errors


def test_duplicate_ticket_codes_case_and_space_insensitive(tmp_path: Path) -> None:
    with pytest.raises(ImportFileError) as info:
        _parse(tmp_path, "Prénom;Nom;Billet\nA;A;x1\nB;B;X2\nC;C;x3\n\nD;D;  X1 \n")
    assert str(info.value) == "duplicate ticket code 'X1' on lines 2 and 6"


def test_a_case_sensitive_event_keeps_codes_differing_only_by_case(tmp_path: Path) -> None:
    path = tmp_path / "cs.csv"
    path.write_text("Prénom;Nom;Billet\nA;A;abc123\nB;B;ABC123\n", encoding="utf-8")
    assert len(parse_registration_file(path, case_sensitive=True).records) == 2


def test_rows_without_ticket_code_are_not_duplicates(tmp_path: Path) -> None:
    assert len(_parse(tmp_path, "Prénom;Nom;Billet\nA;A;\nB;B;\n").records) == 2


def test_mapped_field_too_long_names_line_and_column(tmp_path: Path) -> None:
    text = "Prénom;Nom;Structure\nA;B;ok\nC;D;" + "x" * 1001 + "\n"
    with pytest.raises(ImportFileError) as info:
        _parse(tmp_path, text)
    assert str(info.value) == "line 3: the value in column 'Structure' is longer than 1,000 characters"


def test_field_of_exactly_1000_characters_is_fine(tmp_path: Path) -> None:
    rec = _parse(tmp_path, "Prénom;Nom;Structure\nA;B;" + "x" * 1000 + "\n").records[0]
    assert rec.organisation == "x" * 1000


def test_long_unmapped_free_text_is_accepted(tmp_path: Path) -> None:
    # Google Forms comments can be long: only the columns we store are limited to 1,000 characters.
    rec = _parse(tmp_path, "Prénom;Nom;Commentaire\nA;B;" + "blabla " * 500 + "\n").records[0]
    assert (rec.first_name, rec.last_name) == ("A", "B")


def test_xlsx_end_to_end_with_sheet_line_numbers(tmp_path: Path) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(["Export Weezevent"])
    ws.append(["Prénom", "Nom", "Email", "Code-barre", "Catégorie", "Statut"])
    ws.append(["Hélène", "Dupont", "h@example.fr", 4012345678901.0, "Adulte", "Validé"])
    ws.append([None, None, "x@example.fr", 4012345678902, None, None])
    ws.append(["Paul", "Martin", "pas un email", "4012345678903", "Enfant", "Remboursé"])
    path = tmp_path / "weez.xlsx"
    wb.save(path)
    parsed = parse_registration_file(path)
    assert parsed.records == [
        ImportRecord(3, "4012345678901", "Hélène", "Dupont", "h@example.fr", None, "Adulte", None, False),
        ImportRecord(5, "4012345678903", "Paul", "Martin", None, None, "Enfant", None, True),
    ]
    assert parsed.skipped == [SkippedRow(4, "no name")]


# --------------------------------------------------------------------------- benchmark generator


def test_generator_output_parses_completely(tmp_path: Path) -> None:
    out = tmp_path / "gen.csv"
    subprocess.run(
        [sys.executable, str(REPO / "benchmarks" / "gen_registrations.py"), "3000", str(out), "--seed", "7"],
        check=True,
    )
    data = out.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf") and b"\r\n" in data
    parsed = parse_registration_file(out)
    assert len(parsed.records) == 3000
    assert parsed.skipped == []
    assert parsed.delimiter == ";"
    assert parsed.records[0].line == 4  # title line, blank line, header
    assert any(r.cancelled for r in parsed.records)
    assert any(r.workshop for r in parsed.records)
    # line numbers strictly increase and account for quoted multi-line comments
    lines = [r.line for r in parsed.records]
    assert lines == sorted(set(lines))
    physical = data.count(b"\n")
    assert lines[-1] <= physical and lines[-1] > 3003
    # same seed -> same file
    out2 = tmp_path / "gen2.csv"
    subprocess.run(
        [sys.executable, str(REPO / "benchmarks" / "gen_registrations.py"), "3000", str(out2), "--seed", "7"],
        check=True,
    )
    assert out2.read_bytes() == data


def test_initials_are_a_first_name_but_short_surnames_stay_surnames() -> None:
    from kiosk.importing import split_full_name

    assert split_full_name("JP Dupont") == ("JP", "Dupont")
    assert split_full_name("JB Martin") == ("JB", "Martin")
    assert split_full_name("LI Wei") == ("Wei", "LI")
    assert split_full_name("DUPONT Hélène") == ("Hélène", "DUPONT")


def test_a_worker_thread_import_defers_only_the_full_collections() -> None:
    """On the window's worker thread the GC keeps collecting young garbage (the switch is process-wide);
    only its full collections wait, and the thresholds come back when the last import ends."""
    import gc
    import threading

    from kiosk.importing.records import paused_gc

    before = gc.get_threshold()
    seen: list[tuple[bool, tuple[int, ...]]] = []
    inside, release = threading.Barrier(3), threading.Event()

    def work() -> None:
        with paused_gc():
            inside.wait()
            release.wait()
            seen.append((gc.isenabled(), gc.get_threshold()))

    workers = [threading.Thread(target=work) for _ in range(2)]
    for w in workers:
        w.start()
    inside.wait()  # both imports running at once
    release.set()
    for w in workers:
        w.join()
    assert seen == [(True, (before[0], before[1], 1_000_000))] * 2
    assert gc.get_threshold() == before and gc.isenabled()
    with paused_gc():  # the main thread (a CLI run): paused altogether
        assert not gc.isenabled()
    assert gc.isenabled()
