"""A column whose header names a ticket's code and whose values repeat across people is refused, its
repeats listed, nothing written (issue 28): its guests would get no code to scan. Only order references
(and bare words such as "Code", Hi.Events' product "Ticket ID") may repeat."""

from __future__ import annotations

import csv
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from kiosk.domain.model import Event
from kiosk.importing import ImportFileError, parse_registration_file
from kiosk.service import Kiosk
from kiosk.service.errors import ImportRefused
from kiosk.service.importer import import_registrations
from tests.conftest import FakeClock

# Eventbrite's "Attendee summary" report (as in tests/service/test_import_platforms.py), exported from an event
# where the organiser gave one group booking one barcode: three people, one code (lines 2-4), and a pair (5-6).
EVENTBRITE = ["Order #", "Order Date", "First Name", "Last Name", "Email", "Quantity", "Ticket Type", "Attendee #",
              "Attendee Status", "Company", "Barcode #"]
PEOPLE = [("Hélène", "Dupont", "981", "GRP-0001"), ("Jean", "Dupont", "981", "GRP-0001"),
          ("Zoé", "Dupont", "981", "grp-0001"), ("Karim", "Benali", "982", "GRP-0002"),
          ("Inès", "Benali", "982", "GRP-0002"), ("Paul", "Martin", "983", "77000006001")]


def eventbrite(path: Path, people: list[tuple[str, str, str, str]] = PEOPLE) -> Path:
    with path.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow(EVENTBRITE)
        for n, (first, last, order, code) in enumerate(people, start=1):
            writer.writerow([order, "2026-11-20 10:00", first, last, f"{first.lower()}@example.org", "1",
                             "Plein tarif", f"77{n:05d}", "Attending", "", code])
    return path


@pytest.fixture
def forum(data_dir: Path, clock: FakeClock) -> Iterator[Kiosk]:
    k = Kiosk.open(data_dir, device_name="organiser", clock=clock)
    k.create_event(Event(id=str(uuid.uuid4()), name="Forum"))
    yield k
    k.close()


def test_a_barcode_column_whose_codes_repeat_is_refused_with_its_repeats(forum: Kiosk, tmp_path: Path) -> None:
    export = eventbrite(tmp_path / "eventbrite.csv")
    with pytest.raises(ImportRefused) as refused:
        import_registrations(forum, export)
    assert refused.value.key == "repeated_ticket_codes"
    assert refused.value.message("en") == (
        "eventbrite.csv: column 'Barcode #' gives the ticket codes, but codes in it repeat across people: "
        "'GRP-0001' (lines 2, 3, 4), 'GRP-0002' (lines 5, 6); every guest needs a code of their own "
        "(if it is an order reference, ignore the column: --map \"Barcode #=ignore\")")
    assert refused.value.message("fr") == (
        "eventbrite.csv : la colonne « Barcode # » donne les codes de billet, mais des codes y reviennent pour "
        "plusieurs personnes : « GRP-0001 » (lignes 2, 3, 4), « GRP-0002 » (lignes 5, 6) ; chaque invité·e doit "
        "avoir le sien (si c'est une référence de commande, ignorez la colonne : --map \"Barcode #=ignore\")")
    assert forum.stats().registered == 0


@pytest.mark.parametrize("header", ["Code-barres", "Numéro de billet", "Ticket secret", "Secret du billet",
                                    "Code billet", "QR code"])
def test_every_header_naming_a_ticket_code_is_held_to_it(tmp_path: Path, header: str) -> None:
    path = tmp_path / "export.csv"
    path.write_text(f"Prénom;Nom;{header}\n" + "".join(f"P{i};N{i};C{i % 3}\n" for i in range(9)), encoding="utf-8")
    with pytest.raises(ImportFileError) as refused:
        parse_registration_file(path)
    assert refused.value.key == "repeated_ticket_codes" and refused.value.values["count"] == 3


@pytest.mark.parametrize("header", ["Order #", "Numéro de commande", "Code", "Ticket ID"])
def test_order_references_and_bare_words_may_repeat(tmp_path: Path, header: str) -> None:
    path = tmp_path / "export.csv"
    path.write_text(f"Prénom;Nom;{header}\n" + "".join(f"P{i};N{i};C{i % 3}\n" for i in range(9)), encoding="utf-8")
    parsed = parse_registration_file(path)
    assert len(parsed.records) == 9 and all(r.ticket_code is None for r in parsed.records)


def test_a_unique_code_column_beside_a_repeated_barcode_is_used(tmp_path: Path) -> None:
    """pretix-like: a "Ticket secret" per ticket chosen, a shared "Barcode" left aside, nothing refused."""
    path = tmp_path / "export.csv"
    path.write_text("Prénom;Nom;Ticket secret;Barcode\n" + "".join(f"P{i};N{i};S{i};B{i % 2}\n" for i in range(6)),
                    encoding="utf-8")
    parsed = parse_registration_file(path)
    assert parsed.code_source == "Ticket secret" and [r.ticket_code for r in parsed.records][:2] == ["S0", "S1"]


def test_one_repeated_code_is_still_the_duplicate_with_its_two_lines(tmp_path: Path) -> None:
    people = [(f, la, o, "EB-0" if i in (0, 3) else f"EB-{i}") for i, (f, la, o, _c) in enumerate(PEOPLE)]
    with pytest.raises(ImportFileError) as refused:
        parse_registration_file(eventbrite(tmp_path / "eventbrite.csv", people))
    assert refused.value.key == "duplicate_ticket_code" and refused.value.values["line"] == 5


def test_mapping_the_column_away_imports_the_guests_without_codes(forum: Kiosk, tmp_path: Path) -> None:
    report = import_registrations(forum, eventbrite(tmp_path / "eventbrite.csv"), overrides={"Barcode #": "ignore"})
    assert report.added == 6 and report.code_source is None
