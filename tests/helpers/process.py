"""`python -m kiosk ARGS` as a real process: the one way the tests run the application as a shell would.

Every child gets the same clean environment: no data dir, hub, hub password or language inherited from
the test run (``KIOSK_DATA_DIR``, ``KIOSK_HUB``, ``PGPASSWORD``, ``LC_ALL``, ``LC_MESSAGES`` dropped; ``LANG=C.UTF-8``
names no language, so the kiosk's own default, French, applies unless ``--lang`` says otherwise), the
device name a test gives, and any other variable it adds. A timeout bounds every run: a hung child
fails its test instead of the suite.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

from kiosk.paths import READY_FILE_ENV

ROOT = Path(__file__).resolve().parents[2]
DROPPED = ("KIOSK_DATA_DIR", "KIOSK_HUB", "PGPASSWORD", "LC_ALL", "LC_MESSAGES")


def environment(*, device: str | None = None, env: Mapping[str, str] | None = None) -> dict[str, str]:
    """The test run's environment as a child kiosk gets it (see the module's docstring)."""
    child = {k: v for k, v in os.environ.items() if k not in DROPPED}
    child["LANG"] = "C.UTF-8"
    if device is not None:
        child["KIOSK_DEVICE"] = device
    child.update(env or {})
    return child


def command(data_dir: Path | None, *args: str | bytes, faketime: Sequence[str] = ()) -> list[str | bytes]:
    """The command line; ``faketime``: its arguments (``("-f", "+2h")``, ``("2027-03-15 12:00:00",)``)."""
    cmd: list[str | bytes] = [sys.executable, "-m", "kiosk"]
    if data_dir is not None:
        cmd += ["--data-dir", str(data_dir)]
    cmd += args
    return ["faketime", *faketime, *cmd] if faketime else cmd


def run_kiosk(data_dir: Path | None, *args: str | bytes, device: str | None = None,
              env: Mapping[str, str] | None = None, input: str | None = None, timeout: float = 120,
              faketime: Sequence[str] = (), cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    """Run `kiosk [--data-dir DATA_DIR] ARGS` to its end: exit status, stdout and stderr as text."""
    return subprocess.run(command(data_dir, *args, faketime=faketime), cwd=cwd, env=environment(device=device, env=env),
                          input=input, capture_output=True, text=True, timeout=timeout)


def run_kiosk_bytes(data_dir: Path | None, *args: str, device: str | None = None,
                    env: Mapping[str, str] | None = None, timeout: float = 120) -> subprocess.CompletedProcess[bytes]:
    """The same, its output as the bytes the process wrote (what a terminal would receive)."""
    return subprocess.run(command(data_dir, *args), cwd=ROOT, env=environment(device=device, env=env),
                          capture_output=True, timeout=timeout)


def kiosk_ok(data_dir: Path | None, *args: str, device: str | None = None, env: Mapping[str, str] | None = None,
             input: str | None = None, timeout: float = 120, faketime: Sequence[str] = ()) -> str:
    """Run it, require exit status 0 (failing with what it said on stderr); its stdout."""
    done = run_kiosk(data_dir, *args, device=device, env=env, input=input, timeout=timeout, faketime=faketime)
    assert done.returncode == 0, (args, done.returncode, done.stderr)
    return done.stdout


def start_kiosk(data_dir: Path, *args: str, log: Path | None = None, device: str | None = None,
                env: Mapping[str, str] | None = None) -> subprocess.Popen[bytes]:
    """Start `kiosk --data-dir DATA_DIR ARGS` in the background: stdout and stderr into ``log`` (a watcher
    that runs until stopped, see ``stop``), or into pipes for ``communicate()`` when there is no log."""
    env = environment(device=device, env=env)
    if log is None:
        return subprocess.Popen(command(data_dir, *args), cwd=ROOT, env=env, stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE)
    with log.open("wb") as out:
        return subprocess.Popen(command(data_dir, *args), cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT)


def start_watcher(data_dir: Path, hub: str, *, log: Path, device: str | None = None,
                  env: Mapping[str, str] | None = None, timeout: float = 60) -> subprocess.Popen[bytes]:
    """Start `kiosk sync --hub HUB --watch` and return once it has done its first round and listens to the
    hub (it touches the file ``$KIOSK_TEST_READY_FILE`` names): what happens at the hub from then on reaches it."""
    ready = log.with_name(log.name + ".ready")
    ready.unlink(missing_ok=True)
    proc = start_kiosk(data_dir, "sync", "--hub", hub, "--watch", log=log, device=device,
                       env={**(env or {}), READY_FILE_ENV: str(ready)})
    try:
        wait_until(lambda: ready.exists() or proc.poll() is not None, timeout=timeout,
                   what=f"the watcher of {data_dir} listening")
        assert proc.poll() is None, log.read_text(errors="replace")
    except BaseException:
        stop(proc)
        raise
    return proc


def stop(proc: subprocess.Popen[bytes], timeout: float = 15) -> None:
    """SIGTERM, then SIGKILL if it is still there after ``timeout`` s."""
    if proc.poll() is None:
        proc.terminate()
    try:
        proc.wait(timeout)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait(timeout)


def wait_until(condition: Callable[[], bool], *, timeout: float = 30, what: str = "the condition") -> None:
    """Poll ``condition`` until it holds; fail after ``timeout`` s (a bound for a broken run, not a measure)."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout} s waiting for {what}")
        time.sleep(0.02)
