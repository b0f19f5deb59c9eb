"""Walk-in self-service: submit → guest created, checked in, badge job queued (one transaction).

Usage: .venv/bin/python benchmarks/bench_self_service.py [--guests 400] [--registered 5000]

A real data dir with an event of ``--registered`` guests (so the duplicate look-ups search a real
index), the real print queue (PDF folder backend, not started: the job is queued, not rendered),
and the SelfService facade the screen uses. Target: p95 < 200 ms. Exit status 1 when missed.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from kiosk.adapters.printing import make_printer  # noqa: E402
from kiosk.domain.demo import demo_event  # noqa: E402
from kiosk.domain.walkin import WalkInForm  # noqa: E402
from kiosk.service import Kiosk  # noqa: E402
from kiosk.service.printing import PrintQueue  # noqa: E402
from kiosk.service.self_service import Outcome, SelfService  # noqa: E402

TARGET_P95_MS = 200.0


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    k = (len(ordered) - 1) * p / 100
    lo, hi = int(k), min(int(k) + 1, len(ordered) - 1)
    return ordered[lo] + (ordered[hi] - ordered[lo]) * (k - lo)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--guests", type=int, default=400)
    parser.add_argument("--registered", type=int, default=5000)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="kiosk-bench-ss-"))
    try:
        kiosk = Kiosk.open(work / "data", device_name="walk-in")
        event = demo_event()
        from dataclasses import replace

        kiosk.create_event(replace(event, capacity=args.registered + args.guests + 10, workshops=()))
        for i in range(args.registered):
            kiosk.register(first_name=f"Guest{i}", last_name=f"Registered{i % 997}", email=f"g{i}@example.org")
        queue = PrintQueue(kiosk, make_printer("pdf", str(work / "printed"), data_dir=work / "data"))
        service = SelfService(kiosk, queue_badge=lambda a: queue.enqueue(a.id))
        times: list[float] = []
        for i in range(args.guests):
            form = WalkInForm(first_name=f"Walk{i}", last_name=f"In{i}", email=f"walk{i}@example.org",
                              organisation="Association Test", consent=True)
            started = time.perf_counter()
            answer = service.submit(form)
            times.append((time.perf_counter() - started) * 1000)
            assert answer.outcome is Outcome.WELCOME and answer.badge_queued, answer
        assert queue.pending_count() == args.guests
        kiosk.close()
    finally:
        shutil.rmtree(work, ignore_errors=True)
    p50, p95, worst = percentile(times, 50), percentile(times, 95), max(times)
    ok = p95 < TARGET_P95_MS
    print(f"{'metric':<48} {'value':>12}  target")
    print(f"{'submit → badge queued, p50 (ms)':<48} {p50:>12.1f}")
    print(f"{'submit → badge queued, p95 (ms)':<48} {p95:>12.1f}  < {TARGET_P95_MS:.0f}  {'ok' if ok else 'MISSED'}")
    print(f"{'submit → badge queued, max (ms)':<48} {worst:>12.1f}")
    print(f"({args.guests} walk-ins on an event of {args.registered} registered guests)")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
