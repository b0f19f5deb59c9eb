"""import_registrations: summary, idempotent re-import, matching, prune, dry run, one transaction."""

from __future__ import annotations

import hashlib
import sqlite3
import uuid
from collections.abc import Iterator, Sequence
from pathlib import Path

import pytest

from kiosk.domain.model import Category, Event, Status, Verdict, Workshop
from kiosk.service import Kiosk, KioskError
from kiosk.service.importer import import_registrations
from kiosk.store import attendees as attendee_store
from kiosk.store import import_staging
from tests.conftest import FakeClock

HEADER = ("Billet", "Prénom", "Nom", "Email", "Structure", "Catégorie", "Atelier", "Statut")
ROWS = [
    ("T-001", "Hélène", "Dupont", "helene.dupont@example.org", "La Ruche", "Association", "Se loger", "Validé"),
    ("T-002", "Jean-Baptiste", "de La Fontaine", "jb@example.org", "", "Citoyen", "", "Validé"),
    ("T-003", "Zoé", "Nguyễn", "ZOE@Example.org", "Inter-Made", "Entreprise", "Se nourrir", "Validé"),
    ("T-004", "Karim", "Benali", "", "", "", "", "Remboursé"),
    ("T-005", "Łukasz", "Kowalski", "lukasz@example.org", "", "", "", ""),
]


def write_csv(path: Path, rows: Sequence[Sequence[str]], header: Sequence[str] = HEADER) -> Path:
    lines = [";".join(header)] + [";".join(row) for row in rows]
    path.write_text("\r\n".join(lines) + "\r\n", encoding="utf-8")
    return path


def checksum(db: Path) -> str:
    """Every row of every table (FTS shadow tables included), in a stable order."""
    conn = sqlite3.connect(db)
    try:
        return hashlib.sha256("\n".join(conn.iterdump()).encode()).hexdigest()
    finally:
        conn.close()


@pytest.fixture
def forum(data_dir: Path, clock: FakeClock) -> Iterator[Kiosk]:
    k = Kiosk.open(data_dir, device_name="door-1", clock=clock)
    k.create_event(Event(
        id=str(uuid.uuid4()), name="Forum", capacity=500,
        workshops=(Workshop("Se loger", 30), Workshop("Se nourrir")),
        categories=(Category("Association"), Category("Entreprise"), Category("Citoyen")),
    ))
    yield k
    k.close()


def people(k: Kiosk) -> dict[str, tuple[object, ...]]:
    return {a.ticket_code or a.email or a.id: (a.first_name, a.last_name, a.email, a.status.value)
            for a in attendee_store.iterate(k.conn, k.event.id)}


def test_first_import_summary(forum: Kiosk, tmp_path: Path) -> None:
    rows = [*ROWS[:3], ("", "", "", "nobody@example.org", "", "", "", ""), *ROWS[3:]]
    calls: list[tuple[int, int]] = []
    phases: list[tuple[str, int]] = []  # each phase as it starts, with the rows counted by then
    report = import_registrations(forum, write_csv(tmp_path / "export.csv", rows),
                                  progress=lambda done, total: calls.append((done, total)),
                                  phase=lambda name: phases.append((name, len(calls))))
    # "cancelled" counts the rows imported as cancelled: Karim's "Remboursé".
    assert (report.added, report.updated, report.unchanged, report.cancelled) == (5, 0, 0, 1)
    assert [(s.line, s.reason) for s in report.skipped] == [(5, "no name")]
    assert report.missing == [] and not report.dry_run
    assert calls[-1] == (5, 5)
    # Rows are counted while matched, all of them before the write; the file's own rows (5) are the total.
    assert phases == [("read", 0), ("match", 0), ("write", len(calls)), ("index", len(calls))]
    got = people(forum)
    assert got["T-001"] == ("Hélène", "Dupont", "helene.dupont@example.org", "valid")
    assert got["T-004"][3] == "cancelled"  # "Remboursé"
    stats = forum.stats()
    assert (stats.registered, stats.cancelled, stats.by_workshop["Se loger"].registered) == (4, 1, 1)
    assert forum.find("T-001").source == "import:export.csv"
    json = report.to_json()
    assert json["skipped"] == [{"line": 5, "reason": "no name", "key": "no_name"}] and json["added"] == 5
    # Where the time went, phase by phase in order; the door waited only for "write".
    assert list(report.seconds) == ["read", "match", "stage", "write", "index"]
    assert all(s >= 0 for s in report.seconds.values()) and json["seconds"] == {
        phase: round(s, 4) for phase, s in report.seconds.items()}


def test_a_dry_run_has_no_write_phases(forum: Kiosk, tmp_path: Path) -> None:
    phases: list[str] = []
    report = import_registrations(forum, write_csv(tmp_path / "export.csv", ROWS), dry_run=True,
                                  phase=phases.append)
    assert list(report.seconds) == ["read", "match"] and phases == ["read", "match"] and people(forum) == {}


def test_reimport_is_idempotent_and_keeps_checkins(forum: Kiosk, tmp_path: Path, clock: FakeClock) -> None:
    path = write_csv(tmp_path / "export.csv", ROWS)
    import_registrations(forum, path)
    ids = {code: forum.find(code).id for code in ("T-001", "T-002", "T-003", "T-004", "T-005")}
    assert forum.check_in("T-001").verdict is Verdict.ACCEPTED
    clock.advance(60)
    again = import_registrations(forum, path)
    assert (again.added, again.updated, again.unchanged, again.cancelled, again.missing) == (0, 0, 5, 1, [])
    # A changed name is an update of the same person; the check-in is kept.
    changed = [("T-001", "Hélène", "Dupont-Moreau", *ROWS[0][3:]), *ROWS[1:]]
    clock.advance(60)
    third = import_registrations(forum, write_csv(tmp_path / "export-2.csv", changed))
    assert (third.added, third.updated, third.unchanged) == (0, 1, 4)
    helene = forum.find("T-001")
    assert (helene.id, helene.last_name) == (ids["T-001"], "Dupont-Moreau")
    assert forum.presence(helene.id).checked_in and forum.stats().checked_in == 1
    assert [a.id for a in forum.search("dupont moreau")] == [helene.id]  # index follows the change
    assert forum.search("dupont hel") == [helene]
    assert {code: forum.find(code).id for code in ids} == ids
    assert forum.conn.execute("SELECT count(*) FROM scans").fetchone()[0] == 1


def test_match_on_code_then_on_normalised_email(forum: Kiosk, tmp_path: Path) -> None:
    first = [("", "Ann", "Lee", "Ann.Lee@Example.org", "", "", "", ""), ROWS[0]]
    import_registrations(forum, write_csv(tmp_path / "a.csv", first))
    ann = attendee_store.by_email(forum.conn, forum.event.id, "ann.lee@example.org")[0]
    assert ann.ticket_code is None
    # The platform now has a code for Ann, and Hélène changed her email: both matched, nobody added.
    second = [("T-900", "Ann", "Lee", "  ann.lee@EXAMPLE.org", "", "", "", ""),
              ("T-001", "Hélène", "Dupont", "h.dupont@example.net", *ROWS[0][4:])]
    report = import_registrations(forum, write_csv(tmp_path / "b.csv", second))
    assert (report.added, report.updated) == (0, 2)
    assert forum.find("T-900").id == ann.id
    assert forum.find("T-001").email == "h.dupont@example.net"
    assert len(people(forum)) == 2


def test_one_payer_email_for_several_tickets(forum: Kiosk, tmp_path: Path) -> None:
    rows = [("T-1", "Ann", "Lee", "payer@example.org", "", "", "", ""),
            ("T-2", "Bob", "Lee", "payer@example.org", "", "", "", "")]
    path = write_csv(tmp_path / "a.csv", rows)
    assert import_registrations(forum, path).added == 2
    assert import_registrations(forum, path).unchanged == 2


def test_missing_reported_and_cancelled_only_with_prune(forum: Kiosk, tmp_path: Path) -> None:
    import_registrations(forum, write_csv(tmp_path / "a.csv", ROWS))
    walk_in = forum.register(first_name="Wanda", last_name="Walk").attendee
    shorter = write_csv(tmp_path / "b.csv", [r for r in ROWS if r[0] != "T-002"])
    report = import_registrations(forum, shorter)
    assert [a.ticket_code for a in report.missing] == ["T-002"]  # the walk-in is not "missing"
    assert report.pruned == 0 and forum.find("T-002").status is Status.VALID
    pruned = import_registrations(forum, shorter, prune=True)
    assert (pruned.pruned, pruned.missing, pruned.unchanged) == (1, [], 4)
    assert forum.find("T-002").status is Status.CANCELLED
    assert forum.attendee(walk_in.id).status is Status.VALID
    # Back in the next export: valid again, same person.
    back = import_registrations(forum, write_csv(tmp_path / "c.csv", ROWS))
    assert (back.updated, back.added) == (1, 0) and forum.find("T-002").status is Status.VALID


def test_dry_run_writes_nothing(forum: Kiosk, data_dir: Path, tmp_path: Path) -> None:
    import_registrations(forum, write_csv(tmp_path / "a.csv", ROWS[:2]))
    before = checksum(data_dir / "kiosk.db")
    changed = [("T-001", "Hélène", "Martin", *ROWS[0][3:]), *ROWS[2:]]
    report = import_registrations(forum, write_csv(tmp_path / "b.csv", changed), dry_run=True, prune=True)
    assert report.dry_run and (report.added, report.updated, report.pruned) == (3, 1, 1)
    assert checksum(data_dir / "kiosk.db") == before


def test_a_file_is_one_transaction(forum: Kiosk, data_dir: Path, tmp_path: Path,
                                   monkeypatch: pytest.MonkeyPatch) -> None:
    import_registrations(forum, write_csv(tmp_path / "a.csv", ROWS[:2]))
    before = checksum(data_dir / "kiosk.db")
    real_apply = import_staging.apply_staged_updates
    calls = {"n": 0}

    def failing_apply(*args: object, **kwargs: object) -> None:
        calls["n"] += 1
        real_apply(*args, **kwargs)  # type: ignore[arg-type]
        raise sqlite3.OperationalError("disk I/O error")  # the machine fails half-way: rows in, changes made

    monkeypatch.setattr(import_staging, "apply_staged_updates", failing_apply)
    rows = [("T-001", "Hélène", "Martin", *ROWS[0][3:]), ("T-002", "JB", "Fontaine", *ROWS[1][3:]), *ROWS[2:]]
    with pytest.raises(KioskError, match=r"^b\.csv: cannot write the database \(disk I/O error\); nothing"):
        import_registrations(forum, write_csv(tmp_path / "b.csv", rows))
    assert calls["n"] == 1
    assert checksum(data_dir / "kiosk.db") == before  # 3 inserts and 1 update rolled back
    assert not forum.conn.in_transaction


def test_values_are_stored_verbatim(forum: Kiosk, tmp_path: Path) -> None:
    nasty = [
        ("X-1", "<script>alert('x')</script>", "O'Brien", "", "'; DROP TABLE attendees; --", "", "", ""),
        ("X-2", "Robert\"); DROP TABLE scans;--", "=1+1", "", "<b>Inc</b> & Co", "", "", ""),
        ("X-3", "👩‍🔬 Marie", "Curie-Skłodowska", "", "% _ \\ *", "", "", ""),
    ]
    path = tmp_path / "nasty.csv"
    path.write_text(";".join(HEADER) + "\n" + "\n".join(
        ";".join('"' + v.replace('"', '""') + '"' for v in row) for row in nasty) + "\n", encoding="utf-8")
    assert import_registrations(forum, path).added == 3
    got = {a.ticket_code: (a.first_name, a.last_name, a.organisation) for a in attendee_store.iterate(forum.conn,
                                                                                                      forum.event.id)}
    assert got == {row[0]: (row[1], row[2], row[4]) for row in nasty}
    assert forum.conn.execute("SELECT count(*) FROM attendees").fetchone()[0] == 3
    assert [a.ticket_code for a in forum.search("script")] == ["X-1"]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4, "binary|not supported|cannot"),
        (b"", "empty"),
        (b"Couleur;Taille\nrouge;M\n", "no first/last/full name column"),
        (";".join(HEADER).encode() + b"\nT-1;Ann;Lee;;;;;\nT-2;Bob;Ray;;;;;\nt-1;Cy;Doe;;;;;\n",
         "duplicate ticket code"),
        (";".join(HEADER).encode() + b"\nT-1;Ann;Lee;;;;;\nT-2;" + b"N" * 5000 + b";Ray;;;;;\n", "longer than"),
        # Different texts, one code once normalised (full-width digit): refused, not a crash.
        (";".join(HEADER).encode() + "\nA1;Ann;Lee;;;;;\nA\uff11;Bob;Ray;;;;;\n".encode(), "duplicate ticket code"),
    ],
    ids=["binary", "empty", "no-name-column", "duplicate-codes", "5000-char-name", "normalised-duplicate"],
)
def test_bad_files_change_nothing(forum: Kiosk, data_dir: Path, tmp_path: Path, content: bytes,
                                  message: str) -> None:
    import_registrations(forum, write_csv(tmp_path / "good.csv", ROWS))
    before = checksum(data_dir / "kiosk.db")
    path = tmp_path / "bad.csv"
    path.write_bytes(content)
    with pytest.raises(KioskError, match=message) as caught:
        import_registrations(forum, path)
    assert "\n" not in str(caught.value) and str(caught.value).startswith("bad.csv: ")
    assert checksum(data_dir / "kiosk.db") == before
    assert not forum.conn.in_transaction


def test_a_second_export_is_written_in_one_statement_per_kind_of_change(forum: Kiosk, tmp_path: Path) -> None:
    """A re-import's changes are staged and written together: each changed field carries the import's one
    HLC stamp and the others keep theirs; the door figures, the search index and the sync outbox follow."""
    from tests.store.test_counts import assert_counts_fresh

    import_registrations(forum, write_csv(tmp_path / "v1.csv", ROWS))
    conn = forum.conn
    ids = {str(a.ticket_code): a.id for a in attendee_store.iterate(conn, forum.event.id)}
    forum.check_in("T-002")
    forum.edit(ids["T-005"], organisation="Coop")  # a local edit before the second export: its stamp stays
    before = {code: attendee_store.field_stamps(conn, i) for code, i in ids.items()}
    conn.execute("DELETE FROM attendee_outbox")
    v2 = [
        ("T-001", "Hélène", "Martin", *ROWS[0][3:]),  # renamed
        ("T-002", *ROWS[1][1:6], "Se nourrir", "Validé"),  # moved to a workshop (and checked in)
        ("T-003", *ROWS[2][1:7], "Annulé"),  # cancelled
        ROWS[3], (*ROWS[4][:4], "Coop", *ROWS[4][5:]),
    ]
    report = import_registrations(forum, write_csv(tmp_path / "v2.csv", v2))
    assert (report.updated, report.unchanged) == (3, 2)

    changed = {"T-001": {"last_name"}, "T-002": {"workshop"}, "T-003": {"status"}}
    after = {code: attendee_store.field_stamps(conn, i) for code, i in ids.items()}
    stamps = {after[code][f] for code, fields in changed.items() for f in fields}
    assert len(stamps) == 1  # one write, one tick
    stamp = stamps.pop()
    assert stamp[1] == forum.device().id and stamp > before["T-005"]["organisation"]
    for code in ids:
        assert after[code] == {**before[code], **{f: stamp for f in changed.get(code, ())}}
    assert people(forum)["T-001"][1] == "Martin" and people(forum)["T-003"][3] == "cancelled"
    assert attendee_store.get(conn, ids["T-002"]).workshop == "Se nourrir"  # type: ignore[union-attr]
    assert_counts_fresh(conn)
    assert [a.ticket_code for a in attendee_store.search(conn, forum.event.id, "martin")] == ["T-001"]
    conn.execute("INSERT INTO attendees_fts(attendees_fts, rank) VALUES ('integrity-check', 1)")
    assert {r[0] for r in conn.execute("SELECT attendee_id FROM attendee_outbox")} == {ids[c] for c in changed}


def test_a_guest_registered_while_the_file_is_matched_is_matched_again_under_the_lock(
        forum: Kiosk, data_dir: Path, tmp_path: Path, clock: FakeClock, monkeypatch: pytest.MonkeyPatch) -> None:
    """The file is matched without the write lock; a walk-in registered at the door meanwhile (another
    connection) is seen under the lock, and the file's row for that person matches it: one guest, not two."""
    door = Kiosk.open(data_dir, device_name="door-2", clock=clock)
    real_stage = import_staging.stage_new
    calls = {"n": 0}

    def stage_and_register(*args: object, **kwargs: object) -> None:
        calls["n"] += 1
        if calls["n"] == 1:  # between the matching and the write transaction
            door.register(first_name="Łukasz", last_name="Kowalski", email="lukasz@example.org")
        real_stage(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(import_staging, "stage_new", stage_and_register)
    try:
        rows = [*ROWS[:4], ("", *ROWS[4][1:])]  # Łukasz's row has no ticket code
        report = import_registrations(forum, write_csv(tmp_path / "a.csv", rows))
    finally:
        door.close()
    assert calls["n"] == 2  # staged again after matching again
    assert (report.added, report.matches) == (4, {"name + e-mail": 1})
    assert [a.source for a in attendee_store.iterate(forum.conn, forum.event.id)
            if a.last_name == "Kowalski"] == ["walk-in"]
