"""Purge benchmark: erase an event of 100,000 guests and 100,000 scans, vacuum included.

Usage: .venv/bin/python benchmarks/bench_purge.py [--rows 100000] [--seed 42]

In a fresh temporary data dir: import a generated export (benchmarks/gen_registrations.py), add one scan
per guest (entries, some exits and overrides with a staff name and a reason), fold presence, make the
after-event report; then time ``kiosk.service.purge.Purge.purge`` (files, erasure, VACUUM, WAL truncated)
and compare the report made after it with the one made before, figure by figure.
Targets: the purge under 30 s; the database file after it at most a tenth of its size before (both sizes
printed); the report unchanged. Exit status 1 when a target is missed.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
import uuid
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from gen_registrations import generate  # noqa: E402

from kiosk.domain import rules  # noqa: E402
from kiosk.domain.model import Event  # noqa: E402
from kiosk.reports.data import report_json  # noqa: E402
from kiosk.service import Kiosk  # noqa: E402
from kiosk.service.importer import import_registrations  # noqa: E402
from kiosk.service.occupancy import Occupancy  # noqa: E402
from kiosk.service.purge import Purge  # noqa: E402
from kiosk.store import transaction  # noqa: E402

TARGET_SECONDS = 30.0
TARGET_SHRINK = 10.0


def add_scans(k: Kiosk, rng: random.Random) -> int:
    """One scan per guest over a 3-hour evening: entries, and one in fifty an override with a staff name."""
    device = k.device()
    rows = []
    start = rules.parse_time("2026-11-30T17:00:00.000Z").timestamp()
    guests = [(str(r[0]), str(r[1] or "")) for r in k.conn.execute(
        "SELECT id, ticket_code FROM attendees WHERE event_id = ?", (k.event.id,))]
    for i, (guest, code) in enumerate(guests):
        moment = rules.format_time(datetime.fromtimestamp(start + rng.uniform(0, 3 * 3600), UTC))
        kind = "override" if i % 50 == 0 else "entry"
        staff, reason = ("Bénédicte Responsable-Accueil", f"billet oublié par {code}") if kind == "override" else (
            None, None)
        rows.append((str(uuid.uuid4()), k.event.id, guest, code, kind, "accepted", None, device.id, "bench-door",
                     staff, reason, moment, None, moment))
    with transaction(k.conn):
        k.conn.executemany(
            "INSERT INTO scans(id, event_id, attendee_id, code, kind, verdict, target_id, device_id, device_name,"
            " staff, reason, device_time, received_at, hlc) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)", rows)
    k.rebuild_presence()
    return len(rows)


def report(k: Kiosk) -> dict[str, object]:
    k.forget_event()
    figures = Occupancy(k.conn, event=k.event, clock=k.clock).figures(with_peak=True, until_now=False)
    payload = report_json(k.event, figures, "-")
    return payload


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=42)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="bench-purge-") as tmp:
        base = Path(tmp)
        export = base / "export.csv"
        generate(args.rows, export, seed=args.seed)
        k = Kiosk.open(base / "data", device_name="bench")
        k.create_event(Event(id=str(uuid.uuid4()), name="Bench", starts_at="2026-11-30T18:00:00+01:00"))
        import_registrations(k, export)
        scans = add_scans(k, random.Random(args.seed))
        guests = int(k.conn.execute("SELECT count(*) FROM attendees").fetchone()[0])
        before = report(k)
        k.checkpoint()
        purge = Purge(k)
        size_before = purge.database_bytes()
        started = time.perf_counter()
        done = purge.purge(k.event.id)
        seconds = time.perf_counter() - started
        size_after = purge.database_bytes()
        after = report(k)
        k.close()
    print(f"purge of {guests:,} guests and {scans:,} scans (vacuum included)")
    checks = [
        (f"purge time {seconds:.1f} s", f"< {TARGET_SECONDS:.0f} s", seconds < TARGET_SECONDS),
        (f"database {size_before / 1e6:.1f} MB -> {size_after / 1e6:.1f} MB ({size_before / max(size_after, 1):.1f}x)",
         f">= {TARGET_SHRINK:.0f}x smaller", size_after * TARGET_SHRINK <= size_before),
        (f"report after == before ({done.guests:,} guests erased)", "equal", after == before),
    ]
    missed = False
    for what, target, ok in checks:
        missed |= not ok
        print(f"  {'ok    ' if ok else 'MISSED'} {what:<60} target {target}")
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
