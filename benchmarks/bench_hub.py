"""Hub benchmark: a throw-away PostgreSQL, 10 simulated kiosks, 100,000 scans, a 100,000-guest join.

Usage: .venv/bin/python benchmarks/bench_hub.py [--scans 100000] [--kiosks 10] [--guests 100000]

Steps: start PostgreSQL (tests/hub/pg.py: own data dir and port); `hub init`;
1. ingest: 10 threads, one per kiosk, push 10,000 scans each in batches of 5,000 (scans/s at the hub);
2. converge: 10 kiosks (data dirs) each holding its own 10,000 scans sync until every one holds all
   100,000 (wall time; each kiosk syncs once to push, then once more to pull what came later);
3. join: an organiser imports 100,000 guests and syncs; a fresh kiosk runs `join` (target < 10 s), and a
   door paired with its own login (add-door, then join through row-level security) does (target < 10 s);
4. A→B: B runs the `sync --watch` loop; a check-in on A and A's sync, until B knows, 20 times (p95).
Prints one table; exit status 1 when a target is missed.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import threading
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from kiosk.domain.model import Event, Scan, ScanKind, Verdict  # noqa: E402
from kiosk.service import Kiosk  # noqa: E402
from kiosk.service.sync.join import join  # noqa: E402
from kiosk.service.sync.round import sync_once  # noqa: E402
from kiosk.store import scans as scan_store  # noqa: E402
from kiosk.store import transaction  # noqa: E402
from tests.hub.pg import PgServer  # noqa: E402


def _scan_rows(device: str, n: int, event: str) -> list[tuple[object, ...]]:
    t = "2026-11-30T18:00:00.000Z"
    return [(str(uuid.uuid4()), event, None, f"C{i}", "entry", "accepted", None, device, "bench", None, None,
             t, f"{t}#{i:04d}") for i in range(n)]


def ingest(url: str, kiosks: int, total: int) -> float:
    import psycopg

    from kiosk.adapters.hub import replica

    event = str(uuid.uuid4())
    per = total // kiosks
    batches = [_scan_rows(str(uuid.uuid4()), per, event) for _ in range(kiosks)]

    def push(rows: list[tuple[object, ...]]) -> None:
        with psycopg.connect(url) as conn:
            for i in range(0, len(rows), 5000):
                replica.push_scans(conn, rows[i:i + 5000])

    threads = [threading.Thread(target=push, args=(b,)) for b in batches]
    start = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return total / (time.perf_counter() - start)


def converge(url: str, root: Path, kiosks: int, total: int) -> float:
    ks = [Kiosk.open(root / f"k{i}", device_name=f"poste-{i}") for i in range(kiosks)]
    per = total // kiosks
    for k in ks:
        k.create_demo()
        guests = [r[0] for r in k.conn.execute("SELECT id FROM attendees")]
        device = k.device()
        with transaction(k.conn):
            for i in range(per):
                scan_store.append(k.conn, Scan(
                    id=str(uuid.uuid4()), event_id=k.event.id, attendee_id=guests[i % len(guests)],
                    code="X", kind=ScanKind.ENTRY if (i // len(guests)) % 2 == 0 else ScanKind.EXIT,
                    verdict=Verdict.ACCEPTED, device_id=device.id, device_name=device.name,
                    device_time=k.now()))
    start = time.perf_counter()
    for k in ks:
        sync_once(k, url)
    for k in ks:
        sync_once(k, url)
    elapsed = time.perf_counter() - start
    counts = {k.conn.execute("SELECT count(*) FROM scans").fetchone()[0] for k in ks}
    assert counts == {total}, counts
    for k in ks:
        k.close()
    return elapsed


def join_time(url: str, root: Path, guests: int) -> tuple[float, int, float]:
    """(a fresh kiosk's join with the hub's own login, guests, pairing a door + its join with its own login
    through row-level security)."""
    from benchmarks.gen_registrations import generate
    from kiosk import paths
    from kiosk.domain import authority
    from kiosk.service import keys as key_store
    from kiosk.service.importer import import_registrations

    root.mkdir(parents=True)
    export = root / "guests.csv"
    generate(guests, export)
    org = Kiosk.open(root / "organiser", device_name="organiser")
    org.create_event(Event(id=str(uuid.uuid4()), name="Bench"))
    import_registrations(org, export)
    key_store.init_keys(paths.keys_dir(root / "organiser"))  # a signed event: the door checks what it pulls
    org.reload_keys()
    fingerprint = authority.fingerprint(org.services.keys.public[0])
    sync_once(org, url)
    org.close()
    fresh = Kiosk.open(root / "fresh", device_name="fresh")
    start = time.perf_counter()
    joined = join(fresh, url, fingerprint=fingerprint)
    elapsed = time.perf_counter() - start
    fresh.close()
    from kiosk.service.pairing import add_door, join_paired

    org = Kiosk.open(root / "organiser", device_name="organiser")
    door = Kiosk.open(root / "paired", device_name="Accueil 2")
    start = time.perf_counter()
    paired = join_paired(door, add_door(org, url, "Accueil 2"))
    paired_s = time.perf_counter() - start
    assert paired.guests == joined.guests, (paired.guests, joined.guests)
    door.close()
    org.close()
    return elapsed, joined.guests, paired_s


def a_to_b(url: str, root: Path, rounds: int = 20) -> float:
    """B runs `sync --watch` (LISTEN/NOTIFY + 5 s poll) on a thread; A checks a guest in and syncs;
    the time until B's database knows the guest is in."""
    from kiosk.service.sync.watch import watch

    a = Kiosk.open(root / "a", device_name="A")
    b = Kiosk.open(root / "b", device_name="B")
    for k in (a, b):
        k.create_demo(force=True)
    sync_once(a, url)
    stop = threading.Event()
    worker = threading.Thread(target=watch, args=(b, url), kwargs={"stop": stop.is_set})
    worker.start()
    time.sleep(1.0)
    times = []
    try:
        for i in range(rounds):
            code = f"PLUS20-{i + 1:04d}"
            start = time.perf_counter()
            a.check_in(code)
            sync_once(a, url)
            guest = a.find(code).id
            while not b.presence(guest).checked_in and time.perf_counter() - start < 10:
                time.sleep(0.005)
            times.append(time.perf_counter() - start)
    finally:
        stop.set()
        worker.join()
    a.close()
    b.close()
    return sorted(times)[int(0.95 * (len(times) - 1))]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scans", type=int, default=100_000)
    parser.add_argument("--kiosks", type=int, default=10)
    parser.add_argument("--guests", type=int, default=100_000)
    args = parser.parse_args()
    root = Path(tempfile.mkdtemp(prefix="kiosk-bench-hub-"))
    root.chmod(0o755)
    server = PgServer(root / "pg")
    try:
        server.init()
        server.start()
        from kiosk.adapters.hub import schema
        from kiosk.adapters.hub.connection import connect

        urls = [server.create_db(f"bench{i}") for i in range(4)]
        for url in urls:
            conn = connect(url)
            schema.upgrade(conn)
            conn.close()
        rate = ingest(urls[0], args.kiosks, args.scans)
        conv = converge(urls[1], root / "conv", args.kiosks, args.scans)
        joined, n, paired = join_time(urls[2], root / "join", args.guests)
        p95 = a_to_b(urls[3], root / "ab")
    finally:
        server.stop("immediate")
        shutil.rmtree(root, ignore_errors=True)
    rows = [
        (f"hub ingest, {args.kiosks} kiosks x {args.scans // args.kiosks} scans", f"{rate:,.0f} scans/s",
         ">= 5,000 scans/s", rate >= 5000),
        (f"all {args.kiosks} kiosks converged on {args.scans:,} scans", f"{conv:.1f} s", "(figure)", True),
        (f"fresh kiosk joins {n:,} guests", f"{joined:.1f} s", "< 10 s", joined < 10),
        (f"door paired (own login, row-level security) joins {n:,}", f"{paired:.1f} s", "< 10 s", paired < 10),
        ("A check-in known to B (B watching, A synced), p95", f"{p95 * 1000:.0f} ms", "< 2 s", p95 < 2),
    ]
    for what, value, target, ok in rows:
        print(f"{what:<58} {value:>16}  target {target:<18} {'ok' if ok else 'MISSED'}")
    return 0 if all(ok for *_, ok in rows) else 1


if __name__ == "__main__":
    raise SystemExit(main())
