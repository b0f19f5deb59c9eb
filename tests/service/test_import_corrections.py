"""A re-import compares three ways (last imported, current, file): a door's correction stands until the
platform's own value changes; then the file wins and says so; ``overwrite`` forces the file; a database
from before the record (migration 0017) keeps what a door edited and takes the rest from the file."""

from __future__ import annotations

import sqlite3
import uuid
from collections.abc import Iterator, Sequence
from pathlib import Path

import pytest

from kiosk.domain.model import Category, Event, Status, Workshop
from kiosk.service import Kiosk
from kiosk.service.importer import ImportReport, import_registrations
from kiosk.store import attendees as attendee_store
from kiosk.store import import_staging
from tests.conftest import FakeClock

HEADER = ("Billet", "Prénom", "Nom", "Email", "Structure", "Catégorie", "Atelier", "Statut")
ROWS = [
    ("T-001", "Camille", "Moreau", "camille@example.org", "Ruche Marseille", "Association", "Se loger", "Validé"),
    ("T-002", "Jean", "Martin", "jean@example.org", "Inter-Made", "Entreprise", "Se nourrir", "Validé"),
    ("T-003", "Zoé", "Nguyen", "zoe@example.org", "", "Citoyen", "", "Validé"),
]


def write_csv(path: Path, rows: Sequence[Sequence[str]]) -> Path:
    path.write_text("\r\n".join(";".join(r) for r in [HEADER, *rows]) + "\r\n", encoding="utf-8")
    return path


def changed(rows: Sequence[Sequence[str]], code: str, column: str, value: str) -> list[tuple[str, ...]]:
    at = HEADER.index(column)
    return [tuple(value if i == at and r[0] == code else v for i, v in enumerate(r)) for r in rows]


@pytest.fixture
def forum(data_dir: Path, clock: FakeClock) -> Iterator[Kiosk]:
    k = Kiosk.open(data_dir, device_name="organiser", clock=clock)
    k.create_event(Event(
        id=str(uuid.uuid4()), name="Forum",
        workshops=(Workshop("Se loger"), Workshop("Se nourrir")),
        categories=(Category("Association"), Category("Entreprise"), Category("Citoyen")),
    ))
    yield k
    k.close()


def summary(report: ImportReport) -> tuple[object, ...]:
    return ((report.added, report.updated, report.unchanged),
            [(c.attendee.ticket_code, c.fields) for c in report.changed],
            [(c.attendee.ticket_code, c.field, c.current, c.file) for c in report.kept],
            [(c.attendee.ticket_code, c.field, c.current, c.file) for c in report.replaced])


def test_a_re_import_keeps_the_doors_correction(forum: Kiosk, tmp_path: Path) -> None:
    export = write_csv(tmp_path / "inscrits.csv", ROWS)
    import_registrations(forum, export)
    forum.edit("T-001", organisation="La Ruche")  # the door fixes it
    before = forum.find("T-001").updated_at

    again = import_registrations(forum, export)  # the same export, for the late registrations

    assert summary(again) == ((0, 0, 3), [], [("T-001", "organisation", "La Ruche", "Ruche Marseille")], [])
    guest = forum.find("T-001")
    assert guest.organisation == "La Ruche" and guest.updated_at == before
    # Said again at every re-import of that export: the platform still holds the old value.
    assert summary(import_registrations(forum, export))[2] == [
        ("T-001", "organisation", "La Ruche", "Ruche Marseille")]


def test_when_the_platform_changes_the_value_the_file_wins_and_says_whose_correction_it_replaced(
        forum: Kiosk, tmp_path: Path) -> None:
    import_registrations(forum, write_csv(tmp_path / "v1.csv", ROWS))
    forum.edit("T-001", organisation="La Ruche")
    forum.edit("T-002", first_name="Jean-Pierre")
    # On the platform: T-001's organisation and T-002's workshop change; T-002's name does not.
    rows = changed(changed(ROWS, "T-001", "Structure", "La Ruche Marseille"), "T-002", "Atelier", "Se loger")

    report = import_registrations(forum, write_csv(tmp_path / "v2.csv", rows))

    assert summary(report) == (
        (0, 2, 1),
        [("T-001", ("organisation",)), ("T-002", ("workshop",))],
        [("T-002", "first_name", "Jean-Pierre", "Jean")],
        [("T-001", "organisation", "La Ruche", "La Ruche Marseille")])
    assert forum.find("T-001").organisation == "La Ruche Marseille"
    assert (forum.find("T-002").first_name, forum.find("T-002").workshop) == ("Jean-Pierre", "Se loger")
    # What the platform says now is what the next import compares with: the same file changes nothing.
    assert summary(import_registrations(forum, write_csv(tmp_path / "v2.csv", rows)))[:2] == ((0, 0, 3), [])


def test_overwrite_forces_the_files_values(forum: Kiosk, tmp_path: Path) -> None:
    export = write_csv(tmp_path / "inscrits.csv", ROWS)
    import_registrations(forum, export)
    forum.edit("T-001", organisation="La Ruche", workshop="Se nourrir")

    dry = import_registrations(forum, export, overwrite=True, dry_run=True)
    assert forum.find("T-001").organisation == "La Ruche"  # a dry run writes nothing
    report = import_registrations(forum, export, overwrite=True)

    assert summary(report) == summary(dry) == (
        (0, 1, 2), [("T-001", ("organisation", "workshop"))], [],
        [("T-001", "organisation", "La Ruche", "Ruche Marseille"), ("T-001", "workshop", "Se nourrir", "Se loger")])
    assert report.overwrite and report.to_json()["overwrite"] is True
    guest = forum.find("T-001")
    assert (guest.organisation, guest.workshop) == ("Ruche Marseille", "Se loger")


def test_a_correction_matching_the_file_is_no_correction_any_more(forum: Kiosk, tmp_path: Path) -> None:
    """The door typed what the platform now says: nothing to keep or replace, and a later door edit of
    another field is still a correction."""
    import_registrations(forum, write_csv(tmp_path / "v1.csv", ROWS))
    forum.edit("T-003", organisation="Collectif Zoé")
    rows = changed(ROWS, "T-003", "Structure", "Collectif Zoé")
    assert summary(import_registrations(forum, write_csv(tmp_path / "v2.csv", rows))) == ((0, 0, 3), [], [], [])
    forum.edit("T-003", category="Association")
    assert summary(import_registrations(forum, write_csv(tmp_path / "v2.csv", rows)))[2] == [
        ("T-003", "category", "Association", "Citoyen")]


def test_each_file_brings_what_it_brings_and_the_next_compares_with_it(forum: Kiosk, tmp_path: Path) -> None:
    """Export A, door edit, export B changes the value (file wins), the door corrects again, export B once
    more: the second correction stands (B is now what was last imported)."""
    import_registrations(forum, write_csv(tmp_path / "a.csv", ROWS))
    forum.edit("T-002", email="jean.martin@example.org")
    rows = changed(ROWS, "T-002", "Email", "j.martin@example.org")
    b = write_csv(tmp_path / "b.csv", rows)
    assert summary(import_registrations(forum, b))[3] == [
        ("T-002", "email", "jean.martin@example.org", "j.martin@example.org")]
    forum.edit("T-002", email="jean.martin@example.org")
    report = import_registrations(forum, b)
    assert summary(report)[2:] == ([("T-002", "email", "jean.martin@example.org", "j.martin@example.org")], [])
    assert forum.find("T-002").email == "jean.martin@example.org"


def test_the_record_costs_nothing_until_an_edit_and_a_re_import_writes_no_row(forum: Kiosk, tmp_path: Path) -> None:
    """Migration 0017: an imported guest's record says "as the row" (''); a door's edit turns it into the
    values the import brought; an unchanged re-import writes no row: no edit counted, nothing queued for the hub."""
    export = write_csv(tmp_path / "inscrits.csv", ROWS)
    import_registrations(forum, export)

    def stored() -> dict[str, str | None]:
        return dict(forum.conn.execute("SELECT ticket_code, imported FROM attendees"))

    assert stored() == {"T-001": "", "T-002": "", "T-003": ""}
    forum.edit("T-003", organisation="Collectif Zoé", workshop="Se loger")
    forum.edit("T-003", organisation="Collectif Z")  # a second edit keeps what the import brought
    assert stored()["T-003"] == "\x1f".join(("T-003", "Zoé", "Nguyen", "zoe@example.org", "", "Citoyen", "", "valid"))
    assert import_staging.read_imported(stored()["T-003"]) == {
        "ticket_code": "T-003", "first_name": "Zoé", "last_name": "Nguyen", "email": "zoe@example.org",
        "organisation": None, "category": "Citoyen", "workshop": None, "status": "valid"}
    mark = attendee_store.change_mark(forum.conn)
    outbox = forum.conn.execute("SELECT count(*) FROM attendee_outbox").fetchone()[0]
    before = stored()
    assert summary(import_registrations(forum, export))[2] == [
        ("T-003", "organisation", "Collectif Z", None), ("T-003", "workshop", "Se loger", None)]
    assert attendee_store.change_mark(forum.conn) == mark and stored() == before
    assert forum.conn.execute("SELECT count(*) FROM attendee_outbox").fetchone()[0] == outbox
    # The platform changes T-001's name: the file's update leaves its record "as the row" again.
    import_registrations(forum, write_csv(tmp_path / "v2.csv", changed(ROWS, "T-001", "Prénom", "Camila")))
    assert stored() == {**before, "T-001": ""} and forum.find("T-001").first_name == "Camila"


def forget_records(db: Path) -> None:
    """The database as a kiosk from before migration 0017 left it: no import recorded what it brought."""
    conn = sqlite3.connect(db)
    with conn:
        conn.execute("UPDATE attendees SET imported = NULL")
    conn.close()


def test_an_older_database_keeps_the_fields_a_door_edited_and_takes_the_others_from_the_file(
        data_dir: Path, clock: FakeClock, tmp_path: Path) -> None:
    k = Kiosk.open(data_dir, device_name="organiser", clock=clock)
    try:
        k.create_event(Event(id=str(uuid.uuid4()), name="Forum", workshops=(Workshop("Se loger"),
                                                                             Workshop("Se nourrir"))))
        import_registrations(k, write_csv(tmp_path / "v1.csv", ROWS))
        k.edit("T-001", organisation="La Ruche")
    finally:
        k.close()
    forget_records(data_dir / "kiosk.db")
    k = Kiosk.open(data_dir, device_name="organiser", clock=clock)
    try:
        # The platform changed T-001's workshop (never edited here) and T-002's organisation.
        rows = changed(changed(ROWS, "T-001", "Atelier", "Se nourrir"), "T-002", "Structure", "Inter-Made SAS")
        report = import_registrations(k, write_csv(tmp_path / "v2.csv", rows))
        assert summary(report) == (
            (0, 2, 1), [("T-001", ("workshop",)), ("T-002", ("organisation",))],
            [("T-001", "organisation", "La Ruche", "Ruche Marseille")], [])
        guest = k.find("T-001")
        assert (guest.organisation, guest.workshop) == ("La Ruche", "Se nourrir")
        assert k.find("T-002").organisation == "Inter-Made SAS"
        # Every matched guest now has its record: the next import compares three ways.
        assert k.conn.execute("SELECT count(*) FROM attendees WHERE imported IS NULL").fetchone()[0] == 0
        moved = changed(rows, "T-001", "Structure", "La Ruche Marseille")
        again = import_registrations(k, write_csv(tmp_path / "v3.csv", moved))
        assert summary(again)[3] == [("T-001", "organisation", "La Ruche", "La Ruche Marseille")]
        # --overwrite on an old database: the file's values.
    finally:
        k.close()


def test_an_older_database_with_overwrite_takes_the_file(data_dir: Path, clock: FakeClock, tmp_path: Path) -> None:
    k = Kiosk.open(data_dir, device_name="organiser", clock=clock)
    try:
        k.create_event(Event(id=str(uuid.uuid4()), name="Forum"))
        export = write_csv(tmp_path / "v1.csv", [(*r[:5], "", "", "") for r in ROWS])
        import_registrations(k, export)
        k.edit("T-002", last_name="Martin-Duval")
    finally:
        k.close()
    forget_records(data_dir / "kiosk.db")
    k = Kiosk.open(data_dir, device_name="organiser", clock=clock)
    try:
        assert summary(import_registrations(k, export, dry_run=True))[2] == [
            ("T-002", "last_name", "Martin-Duval", "Martin")]
        report = import_registrations(k, export, overwrite=True)
        assert summary(report)[3] == [("T-002", "last_name", "Martin-Duval", "Martin")]
        assert k.find("T-002").last_name == "Martin"
    finally:
        k.close()


def test_prune_then_back_in_the_export_is_the_platforms_word_not_a_correction(
        forum: Kiosk, tmp_path: Path) -> None:
    import_registrations(forum, write_csv(tmp_path / "a.csv", ROWS))
    import_registrations(forum, write_csv(tmp_path / "b.csv", ROWS[:2]), prune=True)
    assert forum.find("T-003").status is Status.CANCELLED
    back = import_registrations(forum, write_csv(tmp_path / "c.csv", ROWS))
    assert summary(back) == ((0, 1, 2), [("T-003", ("status",))], [], [])
    assert forum.find("T-003").status is Status.VALID


def test_a_door_cancelling_a_guest_is_a_correction_too(forum: Kiosk, tmp_path: Path) -> None:
    export = write_csv(tmp_path / "inscrits.csv", ROWS)
    import_registrations(forum, export)
    guest = forum.find("T-003")
    with forum.conn:
        attendee_store.update(forum.conn, guest, {"status": Status.CANCELLED}, case_sensitive=False,
                              now=forum.now(), device_id=forum.device().id)
    report = import_registrations(forum, export)
    assert summary(report)[2] == [("T-003", "status", "cancelled", "valid")]
    assert forum.find("T-003").status is Status.CANCELLED


def test_the_json_names_fields_and_corrections(forum: Kiosk, tmp_path: Path) -> None:
    import_registrations(forum, write_csv(tmp_path / "a.csv", ROWS))
    forum.edit("T-001", organisation="La Ruche")
    report = import_registrations(forum, write_csv(tmp_path / "b.csv", changed(ROWS, "T-002", "Nom", "Martín")))
    payload = report.to_json()
    guest = forum.find("T-002")
    assert payload["changed"] == [{"id": guest.id, "ticket_code": "T-002", "name": "Jean Martin",
                                   "fields": ["last_name"]}]
    assert payload["corrections_kept"] == [{
        "id": forum.find("T-001").id, "ticket_code": "T-001", "name": "Camille Moreau", "field": "organisation",
        "current": "La Ruche", "file": "Ruche Marseille"}]
    assert payload["corrections_replaced"] == [] and payload["overwrite"] is False
