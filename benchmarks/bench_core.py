"""Core benchmark: import, check-in, search and stats on a large event, in a temporary data dir.

Usage: .venv/bin/python benchmarks/bench_core.py [--attendees 100000] [--scans 100000] [--seed 7]

Steps: generate a registration export (benchmarks/gen_registrations.py when present), import it
through ``import_registrations``; record a sample of scans with ``Kiosk.check_in`` and the bulk of
the log with a direct insert into the scan table, then ``rebuild_presence``; then measure check-in
(decision + durable write), search typed keystroke by keystroke, stats, and the database size.
Prints one table with the targets next to the figures; exit status 1 when a target is missed.
"""

from __future__ import annotations

import argparse
import csv
import random
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from kiosk.domain.model import Category, Direction, Event, Workshop  # noqa: E402
from kiosk.domain.rules import format_time  # noqa: E402
from kiosk.domain.text import fold  # noqa: E402
from kiosk.service import Kiosk  # noqa: E402
from kiosk.service.importer import import_registrations  # noqa: E402

DEVICES = ("door-1", "door-2", "door-3", "desk")
SAMPLE_CHECKINS = 1_000  # of the generated log, recorded through Kiosk.check_in
MEASURED_CHECKINS = 2_000
SEARCH_NAMES = 50
STATS_CALLS = 200


@dataclass
class Row:
    metric: str
    value: str
    target: str = ""
    ok: bool | None = None


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    k = (len(ordered) - 1) * p / 100
    lo, hi = int(k), min(int(k) + 1, len(ordered) - 1)
    return ordered[lo] + (ordered[hi] - ordered[lo]) * (k - lo)


def timed_ms(fn: Callable[[], object]) -> float:
    start = time.perf_counter()
    fn()
    return (time.perf_counter() - start) * 1000


# --------------------------------------------------------------------------- registration file


def generate_file(n: int, out: Path, seed: int) -> str:
    generator = ROOT / "benchmarks" / "gen_registrations.py"
    if generator.exists():
        subprocess.run([sys.executable, str(generator), str(n), str(out), "--seed", str(seed)], check=True)
        return "gen_registrations.py"
    _fallback_generate(n, out, seed)
    return "built-in generator"


def _fallback_generate(n: int, out: Path, seed: int) -> None:
    rng = random.Random(seed)
    firsts = ("Hélène", "Jean-Pierre", "Zoé", "Léa", "François", "Anaïs", "Jérôme", "Camille", "Loïc", "Inès")
    lasts = ("Dupont", "Martin", "de La Fontaine", "Lefèvre", "Müller", "N'Diaye", "Le Goff", "Durand")
    with out.open("w", encoding="utf-8-sig", newline="") as fh:
        w = csv.writer(fh, delimiter=";")
        w.writerow(("Numéro de billet", "Prénom", "Nom", "Email", "Structure", "Atelier", "Statut"))
        for i in range(n):
            first, last = rng.choice(firsts), rng.choice(lasts)
            w.writerow((f"B{i:09d}", first, last, f"p{i}@example.org", rng.choice(("", "Mairie", "Asso")),
                        rng.choice(("", "Atelier A", "Atelier B")), "Remboursé" if rng.random() < 0.03 else "Validé"))


# --------------------------------------------------------------------------- scan log


def build_log(k: Kiosk, rng: random.Random, bulk: int, reserved: set[str]) -> list[tuple[object, ...]]:
    """Rows for the scans table: arrivals spread over the evening, double scans at another door,
    exits and re-entries, cancelled and unknown tickets - the mix a real door produces."""
    event = k.event
    devices = [k.device(name) for name in DEVICES]
    people = [(r[0], r[1], r[2]) for r in k.conn.execute(
        "SELECT id, ticket_code, status FROM attendees WHERE event_id = ? AND first_entry_at IS NULL",
        (event.id,)) if r[0] not in reserved]
    rng.shuffle(people)
    start = datetime.now(UTC) - timedelta(hours=5)
    rows: list[tuple[object, ...]] = []

    def add(attendee: str | None, code: str, kind: str, verdict: str, at: datetime) -> None:
        d = rng.choice(devices)
        rows.append((str(uuid.uuid4()), event.id, attendee, code, kind, verdict, None, d.id, d.name, None, None,
                     format_time(at), None))

    for attendee_id, code, status in people:
        if len(rows) >= bulk:
            break
        at = start + timedelta(seconds=abs(rng.gauss(5400, 3000)))
        if status == "cancelled":
            add(attendee_id, code, "refused", "cancelled", at)
            continue
        add(attendee_id, code, "entry", "accepted", at)
        if rng.random() < 0.08:
            add(attendee_id, code, "refused", "already_checked_in", at + timedelta(seconds=rng.uniform(4, 600)))
        if rng.random() < 0.15:
            out_at = at + timedelta(minutes=rng.uniform(10, 120))
            add(attendee_id, code, "exit", "exit_recorded", out_at)
            if rng.random() < 0.5:
                add(attendee_id, code, "entry", "accepted", out_at + timedelta(minutes=rng.uniform(5, 60)))
        if rng.random() < 0.02:
            add(None, f"X{rng.randrange(10**9):09d}", "refused", "unknown", at + timedelta(seconds=1))
    while len(rows) < bulk:  # a small event with a long log: unknown tickets fill the rest
        add(None, f"X{rng.randrange(10**9):09d}", "refused", "unknown", start + timedelta(seconds=len(rows)))
    return rows[:bulk]


def insert_log(k: Kiosk, rows: list[tuple[object, ...]]) -> None:
    k.conn.execute("BEGIN IMMEDIATE")
    k.conn.executemany(
        "INSERT INTO scans(id, event_id, attendee_id, code, kind, verdict, target_id, device_id, device_name,"
        " staff, reason, device_time, received_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)", rows)
    k.conn.execute("COMMIT")


# --------------------------------------------------------------------------- main


def run(attendees: int, scans: int, seed: int, keep: bool) -> int:
    rng = random.Random(seed)
    tmp = Path(tempfile.mkdtemp(prefix="kiosk-bench-core-"))
    rows: list[Row] = []
    phases: list[tuple[str, float]] = []
    try:
        source = tmp / "registrations.csv"
        t = time.perf_counter()
        how = generate_file(attendees, source, seed)
        phases.append((f"generate {attendees:,} registrations ({how})", time.perf_counter() - t))

        k = Kiosk.open(tmp / "data", device_name="door-1")
        k.create_event(Event(
            id=str(uuid.uuid4()), name="Bench", capacity=attendees,
            workshops=(Workshop("Atelier A – Vélo", 40_000), Workshop("Atelier B – Compost"),
                       Workshop("Atelier C – Réparation"), Workshop("Table ronde")),
            categories=(Category("Plein tarif"), Category("Tarif réduit"), Category("Bénévole")),
        ))
        t = time.perf_counter()
        report = import_registrations(k, source)
        elapsed = time.perf_counter() - t
        rate = report.added / elapsed
        rows.append(Row("import rate (import_registrations)", f"{rate:,.0f} rows/s", ">= 20,000 rows/s",
                        rate >= 20_000))
        phases.append((f"import: added {report.added:,}, skipped {len(report.skipped)}", elapsed))

        codes = [r[0] for r in k.conn.execute(
            "SELECT ticket_code FROM attendees WHERE status = 'valid' AND ticket_code IS NOT NULL ORDER BY rowid")]
        rng.shuffle(codes)
        sample_n = min(SAMPLE_CHECKINS, scans, len(codes) // 4)
        measured_fresh = codes[sample_n:sample_n + int(MEASURED_CHECKINS * 0.85)]
        sample = codes[:sample_n]

        t = time.perf_counter()
        for i, code in enumerate(sample):
            k.check_in(code, device_name=DEVICES[i % len(DEVICES)])
        phases.append((f"{len(sample):,} scans through Kiosk.check_in", time.perf_counter() - t))

        reserved_ids = {r[0] for r in k.conn.execute(
            f"SELECT id FROM attendees WHERE ticket_code IN ({','.join('?' * len(measured_fresh))})",
            measured_fresh)} if measured_fresh else set()
        t = time.perf_counter()
        log = build_log(k, rng, max(0, scans - len(sample)), reserved_ids)
        insert_log(k, log)
        phases.append((f"{len(log):,} scans inserted directly", time.perf_counter() - t))
        t = time.perf_counter()
        rebuilt = k.rebuild_presence()
        phases.append((f"rebuild_presence ({rebuilt:,} attendees with scans)", time.perf_counter() - t))
        total_scans = k.conn.execute("SELECT count(*) FROM scans").fetchone()[0]

        # Check-in: mostly new arrivals, some guests already inside (refused), on several doors.
        inside = [r[0] for r in k.conn.execute(
            "SELECT ticket_code FROM attendees WHERE inside = 1 AND ticket_code IS NOT NULL LIMIT ?",
            (MEASURED_CHECKINS - len(measured_fresh),))]
        batch = measured_fresh + inside
        rng.shuffle(batch)
        times: list[float] = []
        verdicts: dict[str, int] = {}
        for i, code in enumerate(batch):
            t = time.perf_counter()
            result = k.check_in(code, direction=Direction.ENTRY, device_name=DEVICES[i % 3])
            times.append((time.perf_counter() - t) * 1000)
            verdicts[result.verdict.value] = verdicts.get(result.verdict.value, 0) + 1
        p50, p99 = percentile(times, 50), percentile(times, 99)
        rows.append(Row(f"check-in p50 ({len(times):,}: {verdicts})", f"{p50:.2f} ms"))
        rows.append(Row("check-in p99 (decision + durable write)", f"{p99:.2f} ms", "< 5 ms", p99 < 5))
        rows.append(Row("check-in p99.9 / max (WAL checkpoints)",
                        f"{percentile(times, 99.9):.1f} / {max(times):.1f} ms"))

        # Search, typed keystroke by keystroke.
        names = [f"{r[0]} {r[1]}" for r in k.conn.execute(
            "SELECT first_name, last_name FROM attendees WHERE event_id = ?", (k.event.id,))]
        picked = random.Random(seed + 1).sample(names, min(SEARCH_NAMES, len(names)))
        search_times: list[float] = []
        for name in picked:
            typed = fold(name)
            for end in range(1, len(typed) + 1):
                search_times.append(timed_ms(lambda q=typed[:end]: k.search(q)))
        s95 = percentile(search_times, 95)
        rows.append(Row(f"search p50 ({len(search_times):,} keystrokes, {len(picked)} names)",
                        f"{percentile(search_times, 50):.2f} ms"))
        rows.append(Row("search p95 (typed keystroke by keystroke)", f"{s95:.2f} ms", "< 10 ms", s95 < 10))

        stats_times = [timed_ms(k.stats) for _ in range(STATS_CALLS)]
        st95 = percentile(stats_times, 95)
        rows.append(Row(f"stats p50 ({STATS_CALLS} calls)", f"{percentile(stats_times, 50):.2f} ms"))
        rows.append(Row("stats p95", f"{st95:.2f} ms", "< 20 ms", st95 < 20))

        undo_times = [timed_ms(lambda: k.undo(device_name="door-1")) for _ in range(20)]
        rows.append(Row("undo p95 (20 in a row, one door)", f"{percentile(undo_times, 95):.2f} ms"))

        k.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        k.close()
        size = (tmp / "data" / "kiosk.db").stat().st_size / 1e6
        rows.append(Row(f"database size ({attendees:,} attendees, {total_scans:,} scans)", f"{size:.1f} MB"))
    finally:
        if keep:
            print(f"kept: {tmp}")
        else:
            shutil.rmtree(tmp, ignore_errors=True)

    print(f"kiosk core benchmark — SQLite {sqlite3.sqlite_version}, Python {sys.version.split()[0]}")
    print()
    for label, seconds in phases:
        print(f"  {label:<62} {seconds:7.2f} s")
    print()
    width = max(len(r.metric) for r in rows) + 2
    print(f"{'metric':<{width}} {'value':>16}  {'target':<18} result")
    print("-" * (width + 44))
    for r in rows:
        mark = "" if r.ok is None else ("ok" if r.ok else "MISSED")
        print(f"{r.metric:<{width}} {r.value:>16}  {r.target:<18} {mark}")
    return 0 if all(r.ok is not False for r in rows) else 1


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="kiosk core benchmark")
    parser.add_argument("--attendees", type=int, default=100_000)
    parser.add_argument("--scans", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--keep", action="store_true", help="keep the temporary data dir")
    args = parser.parse_args(argv)
    if args.attendees < 100 or args.scans < 0:
        parser.error("--attendees must be >= 100 and --scans >= 0")
    started = time.perf_counter()
    status = run(args.attendees, args.scans, args.seed, args.keep)
    print(f"\ntotal {time.perf_counter() - started:.1f} s")
    return status


if __name__ == "__main__":
    raise SystemExit(main())
