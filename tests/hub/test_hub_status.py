"""`kiosk hub status` compares what each kiosk said it held at its last contact with the hub: up to
date, behind by N scans (not pulled yet, or waiting for their guest), or different (a scan lost)."""

from __future__ import annotations

import json
import sqlite3
import uuid
from collections.abc import Callable
from pathlib import Path

import psycopg

from kiosk.adapters.hub import replica
from kiosk.adapters.hub.standing import BEHIND, DIFFERS, UP_TO_DATE, HubSide, Reported, judge, parse
from kiosk.service import Kiosk
from kiosk.service.sync.round import sync_once
from tests.helpers.process import run_kiosk

MakeKiosk = Callable[..., Kiosk]
ROOT = Path(__file__).resolve().parents[2]


def standings(url: str) -> dict[str, tuple[str, int, int]]:
    with psycopg.connect(url) as conn:
        found = replica.status(conn)
    return {d.name: (d.events[0].state, d.events[0].scans_behind, d.events[0].guests_behind) for d in found.devices}


def lose_a_scan_behind_the_cursors(url: str, event_id: str) -> None:
    """What issue 25's defect left behind: a scan the hub has, behind every kiosk's cursor, that no
    kiosk stored (here: given a seq below them, so no pull ever fetches it)."""
    with psycopg.connect(url) as conn:
        conn.execute(
            "INSERT INTO scans(id, seq, event_id, code, kind, verdict, device_id, device_name, device_time, hlc)"
            " VALUES (%s, -1, %s, 'PLUS20-0009', 'entry', 'accepted', %s, 'poste-Z', '2026-11-30T17:00:00.000Z',"
            " '2026-11-30T17:00:00.000Z-0000-z')", (str(uuid.uuid4()), event_id, str(uuid.uuid4())))


def test_the_hub_says_which_kiosk_is_up_to_date_behind_or_different(make_kiosk: MakeKiosk, hub: str) -> None:
    a, b = make_kiosk("poste-A"), make_kiosk("poste-B")
    for k in (a, b, a):
        sync_once(k, hub)
    assert standings(hub) == {"poste-A": (UP_TO_DATE, 0, 0), "poste-B": (UP_TO_DATE, 0, 0)}
    b.register(first_name="Inès", last_name="Sur-Place", checkin=True)
    b.check_in("PLUS20-0004")
    sync_once(b, hub)
    assert standings(hub) == {"poste-A": (BEHIND, 2, 1), "poste-B": (UP_TO_DATE, 0, 0)}
    sync_once(a, hub)
    assert standings(hub)["poste-A"] == (UP_TO_DATE, 0, 0)
    lose_a_scan_behind_the_cursors(hub, a.event.id)
    assert standings(hub) == {"poste-A": (DIFFERS, 0, 0), "poste-B": (DIFFERS, 0, 0)}
    b.check_in("PLUS20-0005")  # B's own new scan: it holds it, and is behind on nothing else
    sync_once(b, hub)
    assert standings(hub) == {"poste-A": (DIFFERS, 1, 0), "poste-B": (DIFFERS, 0, 0)}


def _reported(**changes: int) -> Reported:
    base = {"scans": 10, "digest": 1234, "waiting": 0, "unsent": 0, "guests": 150, "scan_cursor": 40,
            "guest_cursor": 30}
    return Reported(str(uuid.uuid4()), **{**base, **changes})


def test_the_judgement_of_one_kiosk_and_event() -> None:
    hub = HubSide(expected=10, expected_digest=1234, after_cursor=0, scans=10, guests=150, guests_after_cursor=0)
    assert judge(_reported(), hub, "#Plus20").state == UP_TO_DATE
    later = HubSide(10, 1234, after_cursor=3, scans=13, guests=151, guests_after_cursor=1)
    behind = judge(_reported(), later, "#Plus20")
    assert (behind.state, behind.scans_behind, behind.guests_behind) == (BEHIND, 3, 1)
    waiting = judge(_reported(waiting=2), hub, "#Plus20")  # pulled, stored once their guest comes
    assert (waiting.state, waiting.scans_behind) == (BEHIND, 2)
    assert judge(_reported(scans=9), hub, "#Plus20").state == DIFFERS  # one behind the cursor is lost
    assert judge(_reported(digest=999), hub, "#Plus20").state == DIFFERS  # as many, not the same ones
    clash = HubSide(10, 1234, 0, 10, guests=151, guests_after_cursor=0)  # pulled past, still not here
    assert judge(_reported(), clash, "#Plus20").state == DIFFERS


def test_a_kiosks_report_is_input_and_a_bad_one_is_left_out() -> None:
    good = {"event_id": str(uuid.uuid4()), "scans": 1, "digest": 2, "waiting": 0, "unsent": 0, "guests": 3,
            "scan_cursor": 4, "guest_cursor": 5}
    assert parse(good) is not None
    bad: object
    for bad in ("x", [], {**good, "event_id": "'; DROP TABLE scans"}, {**good, "scans": -1},
                {**good, "digest": "many"}, {k: v for k, v in good.items() if k != "guests"}):
        assert parse(bad) is None


def test_an_interleaved_round_against_real_door_processes_then_hub_status(tmp_path: Path, hub: str) -> None:
    """Door B is real `kiosk` processes (walk-in with --checkin, undo, sync) run between every step of
    door A's round; then every door and the hub agree, and `kiosk hub status` says so in both languages."""
    a_dir, b_dir = tmp_path / "a", tmp_path / "b"
    for data, name in ((a_dir, "poste-A"), (b_dir, "poste-B")):
        assert run_kiosk(data, "demo", device=name).returncode == 0
        assert run_kiosk(data, "sync", "--hub", hub, device=name).returncode == 0
    steps: list[str] = []

    def door_b(step: str) -> None:
        steps.append(step)
        if len(steps) > 6:
            return
        made = run_kiosk(b_dir, "register", "--first-name", f"Passant{len(steps)}", "--last-name", "Pendant",
                         "--checkin", device="poste-B")
        assert made.returncode == 0, made.stderr
        if len(steps) % 3 == 0:
            assert run_kiosk(b_dir, "undo", "--staff", "Léa", "--reason", "erreur", device="poste-B").returncode == 0
        assert run_kiosk(b_dir, "sync", device="poste-B").returncode == 0

    a = Kiosk.open(a_dir, device_name="poste-A")
    try:
        sync_once(a, hub, batch=2, between_steps=door_b)
    finally:
        a.close()
    assert {"guests pulled", "scans pulled", "guest page pulled"} <= set(steps)
    for data, name in ((b_dir, "poste-B"), (a_dir, "poste-A")):
        assert run_kiosk(data, "sync", device=name).returncode == 0
    stats = [json.loads(run_kiosk(d, "stats", "--json", device=n).stdout) for d, n in ((a_dir, "poste-A"),
                                                                                        (b_dir, "poste-B"))]
    assert stats[0] == stats[1] and stats[0]["walk_ins"] == 6
    with psycopg.connect(hub) as conn:
        hub_scans = {str(r[0]) for r in conn.execute("SELECT id FROM scans")}
    for data in (a_dir, b_dir):
        local = sqlite3.connect(data / "kiosk.db")
        assert {str(r[0]) for r in local.execute("SELECT id FROM scans")} == hub_scans
        local.close()
    french = run_kiosk(a_dir, "hub", "status", hub, device="poste-A")
    assert french.returncode == 0, french.stderr
    assert french.stdout.count(": à jour") == 2, french.stdout
    english = run_kiosk(a_dir, "hub", "status", hub, "--lang", "en", device="poste-A")
    assert english.stdout.count(": up to date") == 2, english.stdout
    late = run_kiosk(b_dir, "register", "--first-name", "Tard", "--last-name", "Venue", "--checkin", device="poste-B")
    assert late.returncode == 0
    assert run_kiosk(b_dir, "sync", device="poste-B").returncode == 0
    behind = run_kiosk(a_dir, "hub", "status", hub, device="poste-A").stdout
    print(french.stdout, english.stdout, behind, sep="\n")  # shown with -s: what an organiser reads
    assert "en retard de 1 passage(s) et 1 invité·e(s)" in behind, behind
    found = json.loads(run_kiosk(a_dir, "hub", "status", hub, "--json", device="poste-A").stdout)
    by_name = {k["name"]: k["events"][0] for k in found["kiosks"]}
    assert (by_name["poste-A"]["state"], by_name["poste-A"]["scans_behind"]) == ("behind", 1)
    assert by_name["poste-B"]["state"] == "up_to_date"
