"""Rows tampered with on the hub (through SQL, as anyone with the shared login could) never stop a
kiosk: each malformed kind is quarantined with its reason and device, the cursor moves past it, what
is valid keeps flowing, and every command still works. Real PostgreSQL, real kiosk processes."""

from __future__ import annotations

import json
import subprocess
import uuid
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import psycopg
import pytest
from psycopg.types.json import Jsonb

from kiosk.domain.rules import format_time
from kiosk.service import Kiosk
from kiosk.service.sync.round import sync_once
from kiosk.store import hlc as hlc_store
from kiosk.store import quarantine
from kiosk.store import replication as replication_store
from tests.helpers.process import run_kiosk, start_kiosk, stop

MakeKiosk = Callable[..., Kiosk]
ROOT = Path(__file__).resolve().parents[2]
INTRUDER = "6a4f0a9e-1111-4c3b-9d5e-000000000bad"


def hub_now(minutes: float = 0) -> str:
    return format_time(datetime.now(UTC) + timedelta(minutes=minutes))


def tamper(url: str, sql: str, params: tuple[Any, ...] = ()) -> None:
    with psycopg.connect(url) as conn:
        conn.execute(sql, params)


def forged_scan(url: str, event_id: str, attendee_id: str, **columns: object) -> str:
    now = hub_now()
    row: dict[str, object] = dict(id=str(uuid.uuid4()), event_id=event_id, attendee_id=attendee_id,
                                  code="PLUS20-0001", kind="entry", verdict="accepted", device_id=INTRUDER,
                                  device_name="intrus", device_time=now, hlc=now)
    row.update(columns)
    tamper(url, f"INSERT INTO scans(seq, {', '.join(row)}) VALUES (nextval('hub_seq'), "
                f"{', '.join(['%s'] * len(row))})", tuple(row.values()))
    return str(row["id"])


def refused(k: Kiosk) -> list[tuple[str, str | None, str | None, str]]:
    return [(r.kind, r.row_id, r.device_id, r.reason) for r, _at in quarantine.latest(k.conn)]


def pair(make_kiosk: MakeKiosk, hub: str) -> tuple[Kiosk, Kiosk]:
    a, b = make_kiosk("poste-A"), make_kiosk("poste-B")
    for k in (a, b):
        sync_once(k, hub)
    return a, b


SCAN_CASES = {
    "hlc not a stamp": ({"hlc": "not a stamp"}, "stamp is not a clock stamp"),
    "hlc the old spelling past 9999": ({"hlc": "2026-11-30T18:00:00.000Z#10000"}, "stamp is not a clock stamp"),
    "device time not a time": ({"device_time": "hier soir"}, "device time is not a time"),
    "unknown kind": ({"kind": "teleport"}, "unknown scan kind"),
    "unknown verdict": ({"verdict": "maybe"}, "unknown verdict"),
    "stamp far ahead": ({"hlc": "9999-12-31T23:59:59.999Z"}, "stamp 9999-12-31T23:59:59.999Z is ahead"),
    "stamp ten minutes ahead": ({"hlc": "+10"}, "is ahead of the hub's clock"),
    "huge device name": ({"device_name": "x" * 5_000_000}, "device name is 5,000,000 characters long"),
}


@pytest.mark.parametrize("case", list(SCAN_CASES))
def test_a_malformed_scan_is_quarantined_and_the_round_goes_on(make_kiosk: MakeKiosk, hub: str, case: str) -> None:
    a, b = pair(make_kiosk, hub)
    columns, reason = SCAN_CASES[case]
    if columns.get("hlc") == "+10":
        columns = {"hlc": hub_now(10), "device_time": hub_now(10)}
    guest = a.find("PLUS20-0001")
    bad = forged_scan(hub, a.event.id, guest.id, **columns)
    a.check_in("PLUS20-0002")
    sync_once(a, hub)  # a good scan after the bad one
    summary = sync_once(b, hub)
    assert (summary.pulled, summary.refused) == (1, 1), summary
    [(kind, row_id, device, why)] = refused(b)
    assert (kind, row_id, device) == ("scan", bad, INTRUDER)
    assert reason in why, why
    assert b.conn.execute("SELECT count(*) FROM scans WHERE id = ?", (bad,)).fetchone()[0] == 0
    again = sync_once(b, hub)  # the cursor moved past it: nothing pulled, nothing refused twice
    assert (again.pulled, again.refused) == (0, 0)
    assert replication_store.cursor(b.conn, schema_hub_id(hub)) >= summary.cursor
    assert (b.stats().checked_in, b.stats().inside) == (1, 1)  # PLUS20-0002 only: the forged entry is not here
    assert b.check_in("PLUS20-0002").verdict.value == "already_checked_in"
    if "ahead" in case:  # this kiosk's clock was not dragged to the forged stamp
        assert hlc_store.clock(b.conn).wall_ms < datetime.now(UTC).timestamp() * 1000 + 600_000


def schema_hub_id(url: str) -> str:
    with psycopg.connect(url) as conn:
        row = conn.execute("SELECT value FROM hub_meta WHERE key = 'hub_id'").fetchone()
    return str(row[0]) if row else ""


def _guest_fields(url: str, guest_id: str) -> dict[str, Any]:
    with psycopg.connect(url) as conn:
        row = conn.execute("SELECT fields FROM attendees WHERE id = %s", (guest_id,)).fetchone()
    assert row is not None
    return dict(row[0])


def _set_guest(url: str, guest_id: str, doc: dict[str, Any]) -> None:
    tamper(url, "UPDATE attendees SET fields = %s, seq = nextval('hub_seq') WHERE id = %s", (Jsonb(doc), guest_id))


@pytest.mark.parametrize("field, value, stamp, reason", [
    ("first_name", "x" * 5_000_000, None, "first_name is 5,000,000 characters long (at most 1,000)"),
    ("status", "banned", None, "unknown status: 'banned'"),
    ("status", "cancelled", "9999-12-31T23:59:59.999Z", "status's stamp 9999-12-31T23:59:59.999Z is ahead"),
    ("email", "a@b.c", "1969-07-20T20:17:00.000Z", "email's stamp 1969-07-20T20:17:00.000Z is before"),
])
def test_a_malformed_guest_edit_is_quarantined_and_never_replaces_the_good_value(
        make_kiosk: MakeKiosk, hub: str, field: str, value: str, stamp: str | None, reason: str) -> None:
    a, b = pair(make_kiosk, hub)
    a.edit("PLUS20-0003", first_name="Zoé")  # the guest travels to the hub with her fields
    sync_once(a, hub)
    sync_once(b, hub)
    guest = b.find("PLUS20-0003")
    doc = _guest_fields(hub, guest.id)
    doc["fields"][field] = [value, stamp or hub_now(), INTRUDER]
    _set_guest(hub, guest.id, doc)
    summary = sync_once(b, hub)
    assert summary.refused == 1
    [(kind, row_id, device, why)] = refused(b)
    assert (kind, row_id, device) == ("guest", guest.id, INTRUDER) and reason in why, why
    after = b.find("PLUS20-0003")
    assert (after.first_name, after.status, after.email) == ("Zoé", guest.status, guest.email)


def test_a_malformed_new_guest_is_refused_on_the_bulk_path_and_the_others_arrive(
        make_kiosk: MakeKiosk, hub: str) -> None:
    a = make_kiosk("poste-A")
    sync_once(a, hub)
    bad_ids = []
    for i, (column, value) in enumerate([("id", "not-a-uuid"), ("first_name", "x" * 5_000_000),
                                         ("status", "vip")]):
        guest_id = str(uuid.uuid4())
        now = hub_now()
        fields = {f: [v, now, INTRUDER] for f, v in (("ticket_code", f"EVIL-{i}"), ("first_name", "Eve"),
                                                      ("last_name", "Intrus"), ("status", "valid"))}
        doc: dict[str, Any] = {"id": guest_id, "event_id": a.event.id, "source": "manual",
                               "source_device": INTRUDER, "created_at": now, "fields": fields}
        if column == "id":
            doc["id"] = value
        else:
            fields[column][0] = value
        tamper(hub, "INSERT INTO attendees(id, event_id, seq, fields) VALUES (%s, %s, nextval('hub_seq'), %s)",
               (guest_id, a.event.id, Jsonb(doc)))
        bad_ids.append(guest_id)
    door = Kiosk.open(a.data_dir.parent / "door", device_name="door")  # type: ignore[union-attr]
    try:
        from kiosk.service.sync.join import join

        joined = join(door, hub)
        assert joined.guests == 152  # the demo's, none of the forged
        assert {r[0] for r in refused(door)} == {"guest"} and len(refused(door)) == 3
        assert door.find("PLUS20-0001") is not None
    finally:
        door.close()


@pytest.mark.parametrize("capacity", ["abc", "-5", "1e9"])
def test_a_malformed_capacity_leaves_the_capacity_as_it_was(make_kiosk: MakeKiosk, hub: str, capacity: str) -> None:
    a, b = pair(make_kiosk, hub)
    before = b.event.capacity
    assert before == 180
    with psycopg.connect(hub) as conn:
        row = conn.execute("SELECT body FROM events WHERE id = %s", (a.event.id,)).fetchone()
        assert row is not None
        body = dict(row[0])
        organiser = body["organiser_device"]
        body["fields"]["capacity"] = [capacity, hub_now(), organiser]
        body["fields"]["venue"] = ["La Friche", hub_now(), organiser]  # a sound edit alongside
        conn.execute("UPDATE events SET body = %s, seq = nextval('hub_seq') WHERE id = %s", (Jsonb(body), a.event.id))
    summary = sync_once(b, hub)
    event = b.event
    assert (event.capacity, event.venue) == (180, "La Friche")
    with psycopg.connect(hub) as conn:
        row = conn.execute("SELECT body FROM events WHERE id = %s", (a.event.id,)).fetchone()
    assert row is not None
    # Either b pulled it and refused the capacity, or b published the event first and its push healed
    # the hub's copy (the malformed field takes no part in the merge): never applied either way.
    if summary.refused:
        assert "capacity is not a whole number" in refused(b)[0][3]
    else:
        assert dict(row[0])["fields"]["capacity"][0] == "180"
    sync_once(a, hub)
    assert (a.event.capacity, a.event.venue) == (180, "La Friche")


def test_a_far_future_stamp_on_the_hub_is_healed_by_the_next_correction(make_kiosk: MakeKiosk, hub: str) -> None:
    """Before: a first name stamped 9999-12-31 won every merge, and a correction never reached the
    other kiosks. Now every kiosk refuses it, and the next push of that guest replaces it on the hub."""
    a, b = pair(make_kiosk, hub)
    a.edit("PLUS20-0004", first_name="Zoé")
    sync_once(a, hub)
    sync_once(b, hub)
    guest_id = a.find("PLUS20-0004").id
    doc = _guest_fields(hub, guest_id)
    doc["fields"]["first_name"] = ["Poison", "9999-12-31T23:59:59.999Z", INTRUDER]
    _set_guest(hub, guest_id, doc)
    assert sync_once(b, hub).refused == 1
    a.edit("PLUS20-0004", first_name="Zoée")
    sync_once(a, hub)
    assert _guest_fields(hub, guest_id)["fields"]["first_name"][0] == "Zoée"
    sync_once(b, hub)
    assert b.find("PLUS20-0004").first_name == a.find("PLUS20-0004").first_name == "Zoée"


def test_malformed_links_and_badge_prints_are_quarantined(make_kiosk: MakeKiosk, hub: str) -> None:
    a, b = pair(make_kiosk, hub)
    g1, g2 = a.find("PLUS20-0005").id, a.find("PLUS20-0006").id
    now = hub_now()
    tamper(hub, "INSERT INTO guest_links(id, seq, event_id, kind, keep_id, other_id, device_id, device_name,"
                " made_at, hlc) VALUES (%s, nextval('hub_seq'), %s, 'absorb', %s, %s, %s, 'intrus', %s, %s)",
           (str(uuid.uuid4()), a.event.id, g1, g2, INTRUDER, now, now))
    tamper(hub, "INSERT INTO badge_prints(id, seq, event_id, attendee_id, device_id, device_name, printed_at)"
                " VALUES (%s, nextval('hub_seq'), %s, %s, %s, 'intrus', 'tout à l''heure')",
           (str(uuid.uuid4()), a.event.id, g1, INTRUDER))
    summary = sync_once(b, hub)
    assert summary.refused == 2
    assert sorted(r[0] for r in refused(b)) == ["link", "print"]
    assert sync_once(b, hub).refused == 0


# --- real processes ----------------------------------------------------------------------------
def cli(data: Path, *args: str, device: str = "poste-B", skew: str | None = None) -> subprocess.CompletedProcess[str]:
    return run_kiosk(data, *args, device=device, faketime=("-f", skew) if skew else (), timeout=180)

def test_after_every_kind_of_tampering_every_command_still_works(tmp_path: Path, hub: str) -> None:
    a, b = tmp_path / "a", tmp_path / "b"
    for data, device in ((a, "poste-A"), (b, "poste-B")):
        assert cli(data, "demo", device=device).returncode == 0
        assert cli(data, "sync", "--hub", hub, device=device).returncode == 0
    assert cli(a, "checkin", "PLUS20-0007", device="poste-A").returncode == 0
    assert cli(a, "sync", "--hub", hub, device="poste-A").returncode == 0
    with psycopg.connect(hub) as conn:
        event_id, guest_id, doc = conn.execute(
            "SELECT event_id::text, id::text, fields FROM attendees"
            " WHERE fields#>>'{fields,ticket_code,0}' = 'PLUS20-0007'").fetchone() or ("", "", {})
    for columns in ({"device_time": "pas une heure"}, {"hlc": "n'importe quoi"}, {"kind": "teleport"},
                    {"verdict": "peut-être"}, {"hlc": "9999-12-31T23:59:59.999Z"}):
        forged_scan(hub, event_id, guest_id, **columns)
    doc = dict(doc)
    doc["fields"]["first_name"] = ["x" * 5_000_000, hub_now(), INTRUDER]
    _set_guest(hub, guest_id, doc)
    synced = cli(b, "sync", "--hub", hub)
    assert synced.returncode == 0, synced.stderr
    assert "Traceback" not in synced.stderr
    assert "6 ligne(s) reçue(s) du hub refusée(s)" in synced.stdout and "intrus" not in synced.stdout, synced.stdout
    assert "6 de 6a4f0a9e" in synced.stdout  # the forged device has never synced: its id is what is known
    english = cli(b, "--lang", "en", "sync", "--hub", hub)
    assert "6 row(s) pulled from the hub refused and kept aside (6 from 6a4f0a9e)" in english.stdout, english.stdout
    as_json = json.loads(cli(b, "sync", "--hub", hub, "--json").stdout)
    assert as_json["refused"] == 0 and as_json["refused_by_device"] == [[INTRUDER, "", 6]]
    status = json.loads(cli(b, "hub", "status", hub, "--json").stdout)
    assert status["refused"] == {"total": 6, "by_device": [{"device_id": INTRUDER, "name": "", "rows": 6}]}
    assert "6 ligne(s) reçue(s) du hub refusée(s)" in cli(b, "hub", "status", hub).stdout
    stats = cli(b, "stats", "--json")
    assert stats.returncode == 0 and json.loads(stats.stdout)["checked_in"] == 1, stats.stderr
    for args in (("report", "--json"), ("present", "--json"), ("badge", "PLUS20-0007", "-o", str(tmp_path / "b.pdf")),
                 ("present", "--pdf", str(tmp_path / "present.pdf")), ("report", "-o", str(tmp_path / "r.pdf"))):
        done = cli(b, *args)
        assert done.returncode == 0 and "Traceback" not in done.stderr, (args, done.stderr)
    checkin = json.loads(cli(b, "checkin", "PLUS20-0007", "--json").stdout)
    assert checkin["verdict"] == "already_checked_in" and len(json.dumps(checkin)) < 2000


def test_a_laptop_whose_clock_says_2001_is_told_to_set_the_time(tmp_path: Path, hub: str) -> None:
    import shutil

    if shutil.which("faketime") is None:
        pytest.skip("no faketime")
    b = tmp_path / "b"
    assert cli(b, "demo").returncode == 0
    said = cli(b, "sync", "--hub", hub, skew="@2001-01-01 12:00:00", )
    assert said.returncode == 0, said.stderr
    assert "l'horloge de cet ordinateur indique 2001-01-01 12:00 : mettez-la à l'heure" in said.stdout, said.stdout
    english = cli(b, "--lang", "en", "sync", "--hub", hub, skew="@2001-01-01 12:00:00")
    assert "this laptop's clock says 2001-01-01 12:00: set the time" in english.stdout
    on_time = cli(b, "sync", "--hub", hub)
    assert "horloge" not in on_time.stdout
    nowhere = "postgresql://kiosk@127.0.0.1:1/nowhere"  # offline: judged against what this data dir recorded
    offline = cli(b, "sync", "--hub", nowhere, skew="@2001-01-01 12:00:00")
    assert offline.returncode == 3 and "l'horloge de cet ordinateur indique 2001-01-01 12:00" in offline.stderr
    assert "horloge" not in cli(b, "sync", "--hub", nowhere).stderr


def test_an_edit_giving_a_guest_another_guests_ticket_code_is_set_aside(make_kiosk: MakeKiosk, hub: str) -> None:
    """Well formed, but it cannot be applied here (two guests cannot hold one code): set aside, the
    rows around it in the page are applied, and the round goes on."""
    a, b = pair(make_kiosk, hub)
    a.edit("PLUS20-0008", first_name="Zoé")
    a.edit("PLUS20-0010", first_name="Inès")
    sync_once(a, hub)
    sync_once(b, hub)
    guest_id = a.find("PLUS20-0008").id
    doc = _guest_fields(hub, guest_id)
    doc["fields"]["ticket_code"] = ["PLUS20-0009", hub_now(), INTRUDER]
    _set_guest(hub, guest_id, doc)
    a.edit("PLUS20-0010", first_name="Inès-Marie")
    sync_once(a, hub)
    summary = sync_once(b, hub)
    assert summary.refused == 1
    [(kind, row_id, _device, why)] = refused(b)
    assert (kind, row_id) == ("guest", guest_id) and why.startswith("cannot be applied here"), why
    assert b.find("PLUS20-0010").first_name == "Inès-Marie"
    assert b.find("PLUS20-0008").id == guest_id and b.find("PLUS20-0009").id != guest_id
    assert sync_once(b, hub).refused == 0


def test_sync_watch_keeps_running_past_a_malformed_row(tmp_path: Path, hub: str) -> None:
    """Before: a scan whose stamp is not a stamp ended `sync --watch` with a traceback. Now it is
    quarantined and the watcher goes on pulling what comes next."""
    import sqlite3
    import time

    a, b = tmp_path / "a", tmp_path / "b"
    for data, device in ((a, "poste-A"), (b, "poste-B")):
        assert cli(data, "demo", device=device).returncode == 0
        assert cli(data, "sync", "--hub", hub, device=device).returncode == 0
    with psycopg.connect(hub) as conn:
        event_id, guest_id = conn.execute(
            "SELECT event_id::text, id::text FROM attendees"
            " WHERE fields#>>'{fields,ticket_code,0}' = 'PLUS20-0011'").fetchone() or ("", "")
    watcher = start_kiosk(b, "sync", "--hub", hub, "--watch", log=tmp_path / "watch.log", device="poste-B")
    try:
        forged_scan(hub, event_id, guest_id, hlc="pas un tampon")
        assert cli(a, "checkin", "PLUS20-0012", device="poste-A").returncode == 0
        assert cli(a, "sync", "--hub", hub, device="poste-A").returncode == 0
        deadline = time.monotonic() + 90
        arrived = 0
        while time.monotonic() < deadline and not arrived:
            time.sleep(0.5)
            db = sqlite3.connect(b / "kiosk.db")
            try:
                arrived = db.execute("SELECT count(*) FROM scans WHERE device_name = 'poste-A'").fetchone()[0]
            finally:
                db.close()
        assert arrived == 1
        while time.monotonic() < deadline and "refused" not in (tmp_path / "watch.log").read_text():
            time.sleep(0.5)  # the round's line is said after its wait for the next NOTIFY
        assert watcher.poll() is None, (tmp_path / "watch.log").read_text()
    finally:
        stop(watcher)
    said = (tmp_path / "watch.log").read_text()
    assert "Traceback" not in said and "1 refused" in said, said
