"""Start-up of the standalone bundle (`make dist`) against the same from the venv, in the same run.

    .venv/bin/python benchmarks/bench_start.py [--runs 5] [--bundle dist/kiosk]

1. Window: a fresh process to the window's first frame painted (`kiosk gui --first-frame --screenshot`:
   the clock stops at the screenshot file's modification time, written right after the first paint,
   so the process's exit is not counted), on a data dir that already holds the demo event.
   Target (bundle): < 3 s.
2. `kiosk stats`: a fresh process to its exit (the answer printed). Target (bundle): < 0.5 s.
3. The bundle's size on disk, unpacked (symlinks not followed). Target: < 400 MB.

Each figure is the median of --runs runs (the first one of each kind, filling the page cache, is not
counted: "cold" means a new process, not a cold disk). Prints ok/MISSED; exit 1 on a miss. Skips
(exit 0) when no bundle was built.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
WINDOW_TARGET_S, STATS_TARGET_S, SIZE_TARGET_MB = 3.0, 0.5, 400.0


def environment(home: Path) -> dict[str, str]:
    """What a volunteer's session has: a HOME, a PATH, the display (offscreen here)."""
    return {"HOME": str(home), "PATH": "/usr/bin:/bin", "LANG": "fr_FR.UTF-8",
            "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen"),
            "XDG_RUNTIME_DIR": str(home)}


def time_window(program: list[str], data: Path, env: dict[str, str], shot: Path) -> float:
    shot.unlink(missing_ok=True)
    started = time.time()
    subprocess.run([*program, "--data-dir", str(data), "gui", "--no-camera", "--size", "1366x768",
                    "--first-frame", "--screenshot", str(shot)], env=env, check=True, capture_output=True,
                   timeout=120)
    return shot.stat().st_mtime - started


def time_stats(program: list[str], data: Path, env: dict[str, str]) -> float:
    started = time.perf_counter()
    subprocess.run([*program, "--data-dir", str(data), "stats"], env=env, check=True, capture_output=True,
                   timeout=60)
    return time.perf_counter() - started


def median_of(runs: int, measure: Callable[[], float]) -> float:
    measure()  # warm the page cache
    return statistics.median(measure() for _ in range(runs))


def size_mb(folder: Path) -> float:
    return sum(p.lstat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink()) / 1e6


def verdict(value: float, target: float) -> str:
    return "ok" if value < target else "MISSED"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--bundle", type=Path, default=ROOT / "dist" / "kiosk")
    args = parser.parse_args()
    exe = args.bundle / ("kiosk.exe" if sys.platform == "win32" else "kiosk")
    if not exe.exists():
        print(f"bench_start: skipped: no bundle at {args.bundle} (make dist builds it)")
        return 0
    venv_kiosk = Path(sys.executable).parent / "kiosk"
    programs = {"bundle": [str(exe)], "venv": [str(venv_kiosk)]}
    missed = False
    with tempfile.TemporaryDirectory(prefix="kiosk-bench-start-") as tmp:
        home = Path(tmp)
        env = environment(home)
        data = home / "data"
        subprocess.run([str(exe), "--data-dir", str(data), "demo"], env=env, check=True, capture_output=True)
        results: dict[str, tuple[float, float]] = {}
        for name, program in programs.items():
            shot = home / f"{name}.png"
            window = median_of(args.runs, lambda program=program, shot=shot: time_window(program, data, env, shot))
            stats = median_of(args.runs, lambda program=program: time_stats(program, data, env))
            results[name] = (window, stats)
        bundle_window, bundle_stats = results["bundle"]
        venv_window, venv_stats = results["venv"]
        size = size_mb(args.bundle)
        print(f"window to first frame  bundle {bundle_window:.2f} s (venv {venv_window:.2f} s)  "
              f"target < {WINDOW_TARGET_S:.0f} s: {verdict(bundle_window, WINDOW_TARGET_S)}")
        print(f"kiosk stats            bundle {bundle_stats:.2f} s (venv {venv_stats:.2f} s)  "
              f"target < {STATS_TARGET_S} s: {verdict(bundle_stats, STATS_TARGET_S)}")
        print(f"bundle size unpacked   {size:.0f} MB  "
              f"target < {SIZE_TARGET_MB:.0f} MB: {verdict(size, SIZE_TARGET_MB)}")
        print(f"({args.runs} runs each, medians; load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores)")
        missed = (bundle_window >= WINDOW_TARGET_S or bundle_stats >= STATS_TARGET_S or size >= SIZE_TARGET_MB)
    return 1 if missed else 0


if __name__ == "__main__":
    raise SystemExit(main())
