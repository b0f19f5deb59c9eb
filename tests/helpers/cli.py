"""`kiosk ARGS` run in-process on a data dir, as a test fixture hands it out."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from kiosk.cli.main import main

Run = Callable[..., tuple[int, str, str]]


def in_process(capsys: pytest.CaptureFixture[str], data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> Run:
    """A runner of `kiosk ARGS` on ``data_dir`` returning (exit status, stdout, stderr), under a locale
    that names no language (so the kiosk's own default, French, applies unless --lang says otherwise)."""
    for var in ("LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")

    def run(*args: str) -> tuple[int, str, str]:
        capsys.readouterr()
        try:
            code = main(["--data-dir", str(data_dir), *args])
        except SystemExit as exc:
            code = int(exc.code or 0)
        out, err = capsys.readouterr()
        return code, out, err

    return run


def on_a_terminal(args: list[str], cwd: Path, env: dict[str, str]) -> tuple[int, str, str]:
    """Run ``args`` with stderr on a real pseudo-terminal (as at a shell): (exit status, stdout, what the
    terminal received on stderr)."""
    import os
    import pty
    import subprocess

    leader, follower = pty.openpty()
    try:
        done = subprocess.run(args, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=follower, timeout=120)
        os.close(follower)
        drawn = b""
        while True:
            try:
                chunk = os.read(leader, 4096)
            except OSError:  # the terminal's other side is closed: all of it read
                break
            if not chunk:
                break
            drawn += chunk
    finally:
        os.close(leader)
    return done.returncode, done.stdout.decode(), drawn.decode()
