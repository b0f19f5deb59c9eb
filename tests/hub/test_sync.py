"""Replication through a real PostgreSQL: convergence, set union, commit-order cursor, faults."""

from __future__ import annotations

import contextlib
import random
import threading
import time
import uuid
from collections.abc import Callable
from typing import Any

import psycopg
import pytest

from kiosk.adapters.hub import replica
from kiosk.adapters.hub.connection import HubError
from kiosk.domain.merge import duplicate_entries
from kiosk.domain.model import Direction, Verdict
from kiosk.service import Kiosk
from kiosk.service.errors import KioskError
from kiosk.service.sync.round import sync_once
from kiosk.store import replication as replication_store
from tests.conftest import FakeClock
from tests.helpers.process import wait_until
from tests.hub.pg import PgServer
from tests.hub.slow_push import BATCH, SCANS, arrived, pushing, slow_pushes

MakeKiosk = Callable[..., Kiosk]


def derived(k: Kiosk) -> tuple[set[str], dict[str, tuple[Any, ...]]]:
    scans = {r[0] for r in k.conn.execute("SELECT id FROM scans")}
    presence = {r[0]: tuple(r[1:]) for r in k.conn.execute(
        "SELECT id, first_entry_at, first_entry_device, last_scan_at, inside FROM attendees")}
    return scans, presence


def hub_scan_ids(url: str) -> list[str]:
    with psycopg.connect(url) as conn:
        return [str(r[0]) for r in conn.execute("SELECT id FROM scans")]


def test_a_check_in_on_a_is_known_to_b_after_sync(make_kiosk: MakeKiosk, hub: str) -> None:
    a, b = make_kiosk("poste-A"), make_kiosk("poste-B")
    assert a.check_in("PLUS20-0001").verdict is Verdict.ACCEPTED
    assert sync_once(a, hub).pushed == 1
    summary = sync_once(b, hub)
    assert (summary.pushed, summary.pulled, summary.queued) == (0, 1, 0)
    again = b.check_in("PLUS20-0001")
    assert again.verdict is Verdict.ALREADY_CHECKED_IN
    assert again.first_entry_device == "poste-A"


def test_both_admitted_offline_both_scans_stay_and_the_guest_counts_once(make_kiosk: MakeKiosk, hub: str) -> None:
    a, b = make_kiosk("poste-A"), make_kiosk("poste-B")
    assert a.check_in("PLUS20-0003").verdict is Verdict.ACCEPTED
    b.clock.advance(30)  # type: ignore[attr-defined]
    assert b.check_in("PLUS20-0003").verdict is Verdict.ACCEPTED
    for k in (a, b, a):
        sync_once(k, hub)
    assert derived(a) == derived(b)
    assert len(derived(a)[0]) == 2 and len(hub_scan_ids(hub)) == 2
    assert a.stats().checked_in == b.stats().checked_in == 1
    for k in (a, b):  # the later one is the duplicate, on both kiosks
        dups = duplicate_entries(replication_store.scans_of_guests_entered_twice(k.conn, k.event.id))
        assert [(d.first.device_name, d.duplicate.device_name) for d in dups] == [("poste-A", "poste-B")]


def test_sync_is_idempotent_and_a_second_round_moves_nothing(make_kiosk: MakeKiosk, hub: str) -> None:
    a = make_kiosk("poste-A")
    for i in range(1, 6):
        a.check_in(f"PLUS20-{i:04d}")
    first = sync_once(a, hub)
    assert first.pushed == 5
    rows = replication_store.unsent_scans(a.conn, 10)
    assert rows == []
    with psycopg.connect(hub) as conn:  # the same batch pushed again (a retry) adds nothing
        again = [r for r in (tuple(x) for x in a.conn.execute(
            "SELECT id, event_id, attendee_id, code, kind, verdict, target_id, device_id, device_name, staff,"
            " reason, device_time, hlc FROM scans"))]
        replica.push_scans(conn, again)
    assert len(hub_scan_ids(hub)) == 5
    second = sync_once(a, hub)
    assert (second.pushed, second.pulled, second.queued) == (0, 0, 0)


def test_pull_cursor_never_skips_a_row_that_commits_late(hub: str) -> None:
    """A pusher whose transaction takes seq N and commits after another took N+1 (made slow by a
    trigger on the hub): a reader that moved its cursor past N+1 would never see N. Under the
    hub's write lock the second pusher waits, so the reader sees both."""
    with psycopg.connect(hub, autocommit=True) as admin:
        admin.execute("CREATE FUNCTION slow() RETURNS trigger LANGUAGE plpgsql AS"
                      " $$BEGIN IF NEW.code = 'SLOW' THEN PERFORM pg_sleep(0.6); END IF; RETURN NEW; END$$")
        admin.execute("CREATE TRIGGER slow BEFORE INSERT ON scans FOR EACH ROW EXECUTE FUNCTION slow()")
    event = str(uuid.uuid4())

    def row(code: str) -> tuple[object, ...]:
        return (str(uuid.uuid4()), event, None, code, "entry", "accepted", None, str(uuid.uuid4()), "d",
                None, None, "2026-11-30T18:00:00.000Z", "2026-11-30T18:00:00.000Z")

    pushed: list[str] = []

    def push(rows: list[tuple[object, ...]]) -> None:
        with psycopg.connect(hub) as conn:
            replica.push_scans(conn, rows)
        pushed.extend(str(r[0]) for r in rows)

    seen: list[str] = []
    cursor = 0
    slow = threading.Thread(target=push, args=([row("SLOW")],))
    slow.start()
    with psycopg.connect(hub, autocommit=True) as admin:  # the slow pusher is in its trigger: it holds seq 1
        wait_until(lambda: admin.execute("SELECT count(*) FROM pg_stat_activity WHERE wait_event = 'PgSleep'"
                                         " AND datname = current_database()").fetchone() == (1,),
                   timeout=30, what="the slow pusher in its insert")
    fast = [threading.Thread(target=push, args=([row(f"F{i}") for i in range(3)],)) for _ in range(4)]
    for t in fast:
        t.start()
    with psycopg.connect(hub) as reader:
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline and (len(seen) < 13 or any(t.is_alive() for t in (slow, *fast))):
            got = replica.pull_scans(reader, cursor, 2)
            seen.extend(str(r[0]) for r in got.rows)
            cursor = got.cursor
            time.sleep(0.01)
    for t in (slow, *fast):
        t.join()
    assert len(pushed) == 13
    assert sorted(seen) == sorted(pushed)


def test_three_kiosks_random_online_offline_converge(make_kiosk: MakeKiosk, hub: str) -> None:
    rng = random.Random(20261130)
    kiosks = [make_kiosk(f"poste-{n}", FakeClock()) for n in "ABC"]
    online = [True, False, True]
    for step in range(240):
        k = rng.randrange(3)
        kiosks[k].clock.advance(rng.randint(1, 40))  # type: ignore[attr-defined]
        action = rng.random()
        if action < 0.6:
            direction = Direction.EXIT if rng.random() < 0.3 else Direction.ENTRY
            kiosks[k].check_in(f"PLUS20-{rng.randint(1, 12):04d}", direction=direction)
        elif action < 0.7:
            online[k] = not online[k]
        elif online[k]:
            sync_once(kiosks[k], hub, batch=rng.choice([1, 3, 50]))
        if step % 60 == 59:
            with contextlib.suppress(KioskError):  # nothing of its own to undo yet
                kiosks[rng.randrange(3)].undo()
    for _ in range(2):
        for each in rng.sample(kiosks, 3):
            sync_once(each, hub)
    states = [derived(k) for k in kiosks]
    assert states[0] == states[1] == states[2]
    assert states[0][0] == set(hub_scan_ids(hub))
    assert len(states[0][0]) > 100
    assert len({k.stats().checked_in for k in kiosks}) == 1


def test_hub_stopped_mid_push_then_restarted_loses_and_doubles_nothing(
        make_kiosk: MakeKiosk, pg_server: PgServer, hub: str) -> None:
    a = make_kiosk("poste-A")
    _many_scans(a, SCANS)
    slow_pushes(hub)  # each batch holds its transaction open a while: the stop lands inside one
    done = threading.Event()

    def stop_when_half_there() -> None:
        with psycopg.connect(hub, autocommit=True) as watch:
            while not done.is_set():
                if arrived(watch) >= 2 * BATCH and pushing(watch):
                    break
                time.sleep(0.005)
        pg_server.stop("immediate")

    stopper = threading.Thread(target=stop_when_half_there)
    stopper.start()
    with pytest.raises(HubError) as lost:
        sync_once(a, hub, batch=BATCH)
    done.set()
    stopper.join()
    assert str(lost.value).startswith("hub ")
    assert 0 < replication_store.count_unsent(a.conn) < SCANS
    assert a.check_in("PLUS20-0150").verdict is Verdict.ACCEPTED  # the door goes on
    pg_server.start()
    summary = sync_once(a, hub)
    assert summary.queued == 0
    ids = hub_scan_ids(hub)
    assert len(ids) == len(set(ids)) == SCANS + 1
    assert set(ids) == derived(a)[0]


def _many_scans(k: Kiosk, n: int) -> None:
    """n real scans through the service: entries and exits of the demo's guests."""
    for i in range(n):
        k.clock.advance(1)  # type: ignore[attr-defined]
        guest = f"PLUS20-{i % 150 + 1:04d}"
        k.check_in(guest, direction=Direction.EXIT if (i // 150) % 2 else Direction.ENTRY)


def test_connection_dropped_mid_pull_resumes_where_it_stopped(
        make_kiosk: MakeKiosk, hub: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """The hub ends B's connection (pg_terminate_backend) after a few pulled batches: sync says so
    in one line, B keeps what it stored, and the next round pulls the rest without duplicates."""
    a, b = make_kiosk("poste-A"), make_kiosk("poste-B")
    _many_scans(a, 600)
    sync_once(a, hub)
    real_pull = replica.pull_scans
    calls = {"n": 0}

    def dropping_pull(conn: psycopg.Connection[Any], after: int, limit: int) -> replica.Pulled:
        calls["n"] += 1
        if calls["n"] == 4:
            with psycopg.connect(hub, autocommit=True) as admin:
                admin.execute("SELECT pg_terminate_backend(%s)", (conn.info.backend_pid,))
        return real_pull(conn, after, limit)

    monkeypatch.setattr(replica, "pull_scans", dropping_pull)
    with pytest.raises(HubError) as dropped:
        sync_once(b, hub, batch=50)
    assert str(dropped.value).startswith("hub connection lost")
    kept = len(derived(b)[0])
    assert kept == 150  # three batches of 50 were stored before the drop
    monkeypatch.setattr(replica, "pull_scans", real_pull)
    assert sync_once(b, hub).pulled == 450
    assert derived(a) == derived(b)


def test_online_a_check_in_on_a_reaches_b_on_the_hubs_notify(make_kiosk: MakeKiosk, hub: str) -> None:
    """B runs the watch loop (LISTEN/NOTIFY) with a poll it would not reach in the test's run: A's
    check-in, once A pushed it, reaches B through the hub's NOTIFY. How soon: bench_hub's "A→B"."""
    from kiosk.service.sync.watch import watch

    a, b = make_kiosk("poste-A"), make_kiosk("poste-B")
    sync_once(a, hub)
    stop = threading.Event()
    lines: list[str] = []
    listening = threading.Event()  # set after B's first round: B waits on the hub from then on
    worker = threading.Thread(target=watch, args=(b, hub),
                              kwargs={"poll_s": 3600.0, "stop": stop.is_set, "report": lines.append,
                                      "on_round": lambda _s: listening.set()})
    worker.start()
    try:
        assert listening.wait(60)
        for i in range(1, 4):
            code = f"PLUS20-{i:04d}"
            a.check_in(code)
            sync_once(a, hub)
            guest = a.find(code).id
            wait_until(lambda: b.presence(guest).checked_in, timeout=60, what=f"{code} at B")  # noqa: B023
    finally:
        stop.set()
        worker.join(timeout=10)
    assert not worker.is_alive()
    assert b.check_in("PLUS20-0001").first_entry_device == "poste-A"  # "(poste A, 18:42)" at B's door
    assert any("pulled" in line for line in lines)
