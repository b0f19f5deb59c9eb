"""Badge and printing figures: `python benchmarks/bench_badges.py` (targets in brackets).

1. one badge rendered to PDF, p50 [< 30 ms]
2. 1,000 badges in one PDF [< 10 s]
3. check-in -> badge job submitted to CUPS, p50 [< 200 ms] (starts a private cupsd; needs root
   and Debian cups + printer-driver-cups-pdf, otherwise skipped)
"""

from __future__ import annotations

import io
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from kiosk.badges import content, engine, fonts, layouts
from kiosk.badges.content import BadgeContent
from kiosk.service.print_runner import PrintRunner


def _badge(i: int) -> BadgeContent:
    return BadgeContent(f"Marie-Noëlle {i}", "de La Fontaine", "Coopérative Les Paniers du Panier", "Association",
                        "#ef6c00", "Se loger", f"PLUS20-{i:05d}", "#Plus20 — La Ruche Marseille × Inter-Made",
                        "30 novembre 2026 · 18:00", "Ensemble pour une économie sociale et solidaire",
                        content.default_logo())


def one_badge(runs: int = 60) -> tuple[float, float]:
    fonts.fonts()
    engine.render([_badge(0)], layouts.get("a6"), io.BytesIO())  # warm-up: fonts, logo
    times = []
    for i in range(1, runs + 1):
        started = time.perf_counter()
        engine.render([_badge(i)], layouts.get("a6"), io.BytesIO())  # a new QR each time
        times.append((time.perf_counter() - started) * 1000)
    times.sort()
    return statistics.median(times), times[int(len(times) * 0.95) - 1]


def thousand(fmt: str) -> tuple[float, int]:
    out = io.BytesIO()
    started = time.perf_counter()
    engine.render((_badge(10_000 + i) for i in range(1000)), layouts.get(fmt), out)
    return time.perf_counter() - started, len(out.getvalue())


def checkin_to_cups(runs: int = 20) -> tuple[float, float] | str:
    from tests.printing.cups_server import CupsServer, missing

    why = missing()
    if why:
        return f"skipped: {why}"
    from kiosk.adapters.printing.cups import CupsPrinter
    from kiosk.service import Kiosk
    from kiosk.service.printing import PrintQueue

    server = CupsServer().start()
    os.environ["CUPS_SERVER"] = str(server.socket)
    try:
        with tempfile.TemporaryDirectory() as tmp:
            kiosk = Kiosk.open(Path(tmp), device_name="bench")
            kiosk.create_demo()
            queue = PrintQueue(kiosk, CupsPrinter(server.queue), default_format="ql62")
            queue.enqueue(kiosk.find("PLUS20-0150").id)
            runner = PrintRunner(queue)
            runner.process_once()  # warm-up
            times = []
            for i in range(1, runs + 1):
                started = time.perf_counter()
                result = kiosk.check_in(f"PLUS20-{i:04d}")
                if result.attendee is None:
                    continue
                job = queue.enqueue(result.attendee.id)
                while True:  # the queue may still be settling the previous job
                    sent = runner.process_once()
                    if sent is not None and sent.id == job.id:
                        break
                assert sent.cups_job_id, sent
                times.append((time.perf_counter() - started) * 1000)
            kiosk.close()
        return statistics.median(times), max(times)
    finally:
        server.stop()


def verdict(ok: bool) -> str:
    return "ok" if ok else "MISSED"


def main() -> int:
    """Exit status 1 when a target is missed (make bench names the file)."""
    missed = False
    p50, p95 = one_badge()
    missed |= p50 >= 30
    print(f"one badge (a6) rendered:        p50 {p50:6.1f} ms   p95 {p95:6.1f} ms   [target p50 < 30 ms] "
          f"{verdict(p50 < 30)}")
    for fmt in ("a6", "a4-8"):
        seconds, size = thousand(fmt)
        missed |= seconds >= 10
        print(f"1,000 badges in one PDF ({fmt:>4}): {seconds:6.2f} s    {size / 1e6:5.1f} MB      [target < 10 s] "
              f"{verdict(seconds < 10)}")
    result = checkin_to_cups()
    if isinstance(result, str):
        print(f"check-in -> job submitted to CUPS: {result}")
    else:
        missed |= result[0] >= 200
        print(f"check-in -> job submitted to CUPS: p50 {result[0]:6.1f} ms  max {result[1]:6.1f} ms  "
              f"[target p50 < 200 ms] {verdict(result[0] < 200)}")
    return 1 if missed else 0


if __name__ == "__main__":
    raise SystemExit(main())
