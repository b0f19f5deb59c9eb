"""A real X display (Xvfb) and the window started as `make run` starts it, driven by xdotool.

A USB scanner is a keyboard: `xdotool type` sends, through the X server, a Shift press and release
around every capital exactly as a scanner does, so these tests see what Qt really receives.
"""

from __future__ import annotations

import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

from kiosk.paths import READY_FILE_ENV

ROOT = Path(__file__).resolve().parents[2]
TOOLS = ("Xvfb", "xdotool", "setxkbmap")
# Xvfb and xdotool stand in for the keyboard and the kernel, which stamp a key press when it happens
# whatever the load. A starved Xvfb stamps XTest keys when it gets round to them: late and clumped,
# which no real keyboard does. So, where we may (root, as in CI), they run ahead of the load, as the
# input side of a real X server does.
HARDWARE = ["nice", "-n", "-10"] if os.geteuid() == 0 else []


def missing_tools() -> str | None:
    absent = [t for t in TOOLS if shutil.which(t) is None]
    return f"missing {', '.join(absent)} (apt-get install xvfb xdotool x11-xkb-utils)" if absent else None


class XServer:
    """Xvfb on a free display number, 1366x768 like a door laptop."""

    def __init__(self, size: str = "1366x768") -> None:
        self.display = self._free_display()
        self.proc = subprocess.Popen(
            [*HARDWARE, "Xvfb", self.display, "-screen", "0", f"{size}x24", "-nolisten", "tcp", "-noreset"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 10
        while not Path(f"/tmp/.X11-unix/X{self.display[1:]}").exists():
            if self.proc.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"Xvfb {self.display} did not start")
            time.sleep(0.05)
        self.env = {**os.environ, "DISPLAY": self.display, "QT_QPA_PLATFORM": "xcb"}
        self.run("setxkbmap", "-layout", "us")

    @staticmethod
    def _free_display() -> str:
        # pytest-xdist workers (gw0, gw1…) look in ranges of their own: two never race for one number.
        worker = os.environ.get("PYTEST_XDIST_WORKER", "gw0")[2:]
        first = 140 + 120 * (int(worker) if worker.isdigit() else 0)
        for number in range(first, first + 120):
            if not Path(f"/tmp/.X11-unix/X{number}").exists() and not Path(f"/tmp/.X{number}-lock").exists():
                return f":{number}"
        raise RuntimeError("no free X display number")

    def run(self, *args: str, timeout: float = 30) -> str:
        done = subprocess.run(list(args), env=self.env, capture_output=True, text=True, timeout=timeout)
        if done.returncode != 0:
            raise RuntimeError(f"{' '.join(args)}: {done.stderr.strip()}")
        return done.stdout

    def layout(self, name: str) -> None:
        self.run("setxkbmap", "-layout", name)

    def stop(self) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(5)
        except subprocess.TimeoutExpired:
            self.proc.kill()


class KioskWindow:
    """`python main.py --data-dir DIR gui --no-camera` on the X server, its window found by pid."""

    def __init__(self, x: XServer, data_dir: Path, *extra: str) -> None:
        self.x, self.data_dir = x, data_dir
        self.ready = data_dir / "window.ready"  # touched by the window after its first paint
        self.ready.unlink(missing_ok=True)
        env = {**x.env, "KIOSK_CACHE_DIR": str(data_dir / ".cache"), READY_FILE_ENV: str(self.ready)}
        env.pop("KIOSK_DATA_DIR", None)
        self.log = (data_dir / "window.out").open("w")
        self.proc = subprocess.Popen([sys.executable, "main.py", "--data-dir", str(data_dir), "gui", "--no-camera",
                                      *extra], cwd=ROOT, env=env, stdout=self.log, stderr=subprocess.STDOUT)
        self.window = self._find_window()
        self.focus()

    def _find_window(self) -> str:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"the window exited with {self.proc.returncode}: {self.output()}")
            found = subprocess.run(["xdotool", "search", "--onlyvisible", "--pid", str(self.proc.pid)],
                                   env=self.x.env, capture_output=True, text=True)
            ids = found.stdout.split()
            if ids and self.ready.exists():  # mapped and painted: it takes keys
                return ids[-1]
            time.sleep(0.2)
        raise RuntimeError("no window appeared")

    def output(self) -> str:
        self.log.flush()
        return (self.data_dir / "window.out").read_text(errors="replace")

    def focus(self) -> None:
        # No window manager here: windowactivate needs one, windowfocus talks to the X server directly.
        self.x.run("xdotool", "windowfocus", "--sync", self.window)

    def geometry(self) -> dict[str, int]:
        out = self.x.run("xdotool", "getwindowgeometry", "--shell", self.window)
        pairs = (line.split("=", 1) for line in out.splitlines() if "=" in line)
        return {k: int(v) for k, v in pairs if v.lstrip("-").isdigit()}

    def type(self, text: str, delay_ms: int = 8, suffix: str = "Return") -> None:
        self.x.run(*HARDWARE, "xdotool", "type", "--delay", str(delay_ms), "--", text)
        if suffix:
            self.x.run(*HARDWARE, "xdotool", "key", suffix)

    def key(self, *keys: str) -> None:
        self.x.run("xdotool", "key", *keys)

    def click(self, x: int, y: int) -> None:
        self.x.run("xdotool", "mousemove", "--window", self.window, str(x), str(y), "click", "1")

    def quit(self, timeout: float = 15) -> int:
        self.focus()
        self.key("ctrl+q")
        try:
            return self.proc.wait(timeout)
        finally:
            self.log.close()

    def kill(self) -> None:
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGKILL)
            self.proc.wait(5)
        self.log.close()


def scans(data_dir: Path) -> list[sqlite3.Row]:
    conn = sqlite3.connect(f"file:{data_dir / 'kiosk.db'}?mode=ro", uri=True, timeout=5)
    conn.row_factory = sqlite3.Row
    try:
        return conn.execute("SELECT code, kind, verdict, attendee_id FROM scans ORDER BY rowid").fetchall()
    finally:
        conn.close()


def wait_for(predicate: Callable[[], bool], timeout: float = 5.0) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.05)
    return predicate()
