"""Real pretix exports (tests/fixtures/pretix, written by pretix's own exporters: see regenerate.py there).

Every file imports without --map: every field of every attendee as pretix holds it, re-import changes
nothing, and version 2 (one order cancelled, one attendee renamed, one order deleted) is applied to the
same people.
"""

from __future__ import annotations

import csv
import io
import json
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from kiosk.domain.model import Event
from kiosk.importing import parse_registration_file
from kiosk.service import Kiosk, KioskError
from kiosk.service.importer import import_registrations
from kiosk.store import attendees as attendee_store
from tests.conftest import FakeClock

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "pretix"
EXPECTED: dict[str, list[dict[str, object]]] = json.loads((FIXTURES / "expected.json").read_text("utf-8"))
# Files holding every position (the order data export) and files holding the check-in list.
POSITIONS = ["en-positions.csv", "fr-positions.csv", "en-orderdata.xlsx", "fr-orderdata.xlsx"]
CHECKIN = ["en-checkin-secret.csv", "fr-checkin-secret.csv", "en-checkin.csv", "fr-checkin.csv"]


@pytest.fixture
def forum(data_dir: Path, clock: FakeClock) -> Iterator[Kiosk]:
    k = Kiosk.open(data_dir, device_name="door-1", clock=clock)
    k.create_event(Event(id=str(uuid.uuid4()), name="Forum 2026"))
    yield k
    k.close()


def _people(k: Kiosk) -> dict[str, tuple[object, ...]]:
    return {a.ticket_code or a.id: (a.first_name, a.last_name, a.email, a.organisation, a.category,
                                    a.status.value == "cancelled")
            for a in attendee_store.iterate(k.conn, k.event.id)}


def _expected(version: str) -> dict[str, tuple[object, ...]]:
    return {str(p["ticket_code"]): (p["first_name"], p["last_name"], p["email"], p["organisation"], p["category"],
                                    p["cancelled"]) for p in EXPECTED[version]}


@pytest.mark.parametrize("name", POSITIONS)
def test_order_data_every_field_reimport_and_version_two(forum: Kiosk, name: str) -> None:
    v1, v2 = FIXTURES / f"pretix-v1-{name}", FIXTURES / f"pretix-v2-{name}"
    report = import_registrations(forum, v1)
    # 40 attendees (not the 35 buyers of the "Orders" sheet), the QR secret as ticket code.
    assert (report.added, report.skipped, report.warnings) == (40, [], [])
    assert report.mapping["ticket_code"] in ("Ticket secret", "Secret du billet")
    assert report.mapping["email"] in ("Attendee email", "E-mail du participant")
    assert "status" in report.mapping and report.mapping["status"] in ("Status", "Statut")  # never "État"
    if name.endswith(".xlsx"):
        assert report.sheet in ("Order positions", "Position de commande")
    assert _people(forum) == _expected("v1")
    assert report.cancelled == sum(1 for p in EXPECTED["v1"] if p["cancelled"])
    ids = {a.ticket_code: a.id for a in attendee_store.iterate(forum.conn, forum.event.id)}

    again = import_registrations(forum, v1)
    assert (again.added, again.updated, again.unchanged, again.missing) == (0, 0, 40, [])

    second = import_registrations(forum, v2)
    assert (second.added, second.updated, second.unchanged) == (0, 2, 37)  # K05Q5 cancelled, Zoé renamed
    assert [a.ticket_code for a in second.missing] == [
        p["ticket_code"] for p in EXPECTED["v1"] if p["order"] == "K30Q0"]  # the deleted order
    got = _people(forum)
    assert {code: got[code] for code in _expected("v2")} == _expected("v2")
    assert {a.ticket_code: a.id for a in attendee_store.iterate(forum.conn, forum.event.id)} == ids


@pytest.mark.parametrize("name", CHECKIN)
def test_checkin_list_with_and_without_secret(forum: Kiosk, name: str) -> None:
    v1, v2 = FIXTURES / f"pretix-v1-{name}", FIXTURES / f"pretix-v2-{name}"
    report = import_registrations(forum, v1)
    assert report.added == 36 and report.skipped == [] and "status" not in report.mapping  # "State"/"État"
    # The check-in list holds the paid tickets only ("p"), each with its attendee's name and product.
    listed = {p["ticket_code"]: p for p in EXPECTED["v1"] if not p["cancelled"] and p["order_status"] == "p"}
    attendees = list(attendee_store.iterate(forum.conn, forum.event.id))
    names = sorted((a.first_name, a.last_name, a.category) for a in attendees)
    assert names == sorted((p["first_name"], p["last_name"], p["category"]) for p in listed.values())
    if "secret" in name:
        assert {a.ticket_code for a in attendees} == set(listed)
    else:
        # No secret column: the repeating order code is no ticket code; rows are told apart by name + e-mail.
        assert all(a.ticket_code is None for a in attendees)
        assert report.matched_by == "name + e-mail"
    again = import_registrations(forum, v1)
    assert (again.added, again.updated, again.unchanged) == (0, 0, 36)
    second = import_registrations(forum, v2)
    # K05Q5 cancelled: gone from the list, reported missing. Zoé renamed: the same guest, found by her
    # code, or without codes by her e-mail (nobody else has it). K30Q0 was pending: never on the list.
    assert (second.added, second.updated, len(second.missing)) == (0, 1, 1)
    assert second.missing[0].last_name == "de La Fontaine"


def test_positions_without_secret_fall_back_to_order_code_and_position(tmp_path: Path) -> None:
    rows = list(csv.reader(io.StringIO((FIXTURES / "pretix-v1-en-positions.csv").read_text("utf-8"))))
    drop = rows[0].index("Ticket secret")
    out = tmp_path / "no-secret.csv"
    with out.open("w", encoding="utf-8", newline="") as fh:
        csv.writer(fh).writerows([r[:drop] + r[drop + 1:] for r in rows])
    parsed = parse_registration_file(out)
    assert parsed.code_source == "Order code + Position ID"
    assert [r.ticket_code for r in parsed.records] == [f"{p['order']}-{p['position']}" for p in EXPECTED["v1"]]


def test_several_sheets_need_a_choice_when_both_hold_attendees(forum: Kiosk, tmp_path: Path) -> None:
    import openpyxl

    book = openpyxl.Workbook()
    first = book.active
    assert first is not None
    first.title = "Samedi"
    second = book.create_sheet("Dimanche")
    for sheet, who in ((first, "Ann"), (second, "Bob")):
        sheet.append(["Prénom", "Nom", "Billet"])
        sheet.append([who, "Lee", f"{who}-1"])
    book.save(tmp_path / "two.xlsx")
    with pytest.raises(KioskError, match=r"several sheets hold names \('Samedi', 'Dimanche'\): choose one with "
                                         r"--sheet NAME"):
        import_registrations(forum, tmp_path / "two.xlsx")
    report = import_registrations(forum, tmp_path / "two.xlsx", sheet="dimanche")
    assert report.added == 1 and report.sheet == "Dimanche" and forum.find("Bob-1").first_name == "Bob"
    with pytest.raises(KioskError, match="no sheet 'Lundi' in the workbook; sheets are: 'Samedi', 'Dimanche'"):
        import_registrations(forum, tmp_path / "two.xlsx", sheet="Lundi")
