"""Personal data private on disk (issue 21): under a umask of 022 (files 0644, folders 0755 by default),
every file kiosk writes, in its data dir or for the user, is 0600 and its own folders 0700; an existing
data dir made by an older kiosk is narrowed when opened, and that is said once."""

from __future__ import annotations

import logging
import os
import stat
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from kiosk.service import Kiosk
from kiosk.service.print_runner import PrintRunner
from tests.helpers.process import run_kiosk


@pytest.fixture(autouse=True)
def umask_022() -> Iterator[None]:
    """Every test here runs under the most common umask, which leaves new files readable by all."""
    old = os.umask(0o022)
    yield
    os.umask(old)


def modes(root: Path) -> dict[str, int]:
    found = {".": stat.S_IMODE(root.stat().st_mode)}
    for path in root.rglob("*"):
        found[str(path.relative_to(root))] = stat.S_IMODE(path.lstat().st_mode)
    return found


def wider(root: Path) -> dict[str, str]:
    """Everything under ``root`` that is not a 0700 folder or a 0600 file."""
    return {name: oct(mode) for name, mode in modes(root).items()
            if mode != (0o700 if (root / name).is_dir() else 0o600)}


def cli(data: Path, *args: str) -> subprocess.CompletedProcess[str]:
    done = run_kiosk(data, *args, device="door-1")
    assert done.returncode == 0, (args, done.stderr)
    return done

def test_every_file_the_commands_write_is_private(tmp_path: Path) -> None:
    data, out = tmp_path / "data", tmp_path / "out"
    out.mkdir()
    cli(data, "demo")
    cli(data, "checkin", "PLUS20-0001")
    cli(data, "keys", "init")
    cli(data, "tickets", "-o", str(out / "tickets"), "--attendee", "PLUS20-0001")
    cli(data, "badge", "PLUS20-0001", "-o", str(out / "badge.pdf"))
    cli(data, "export", str(out / "guests.csv"))
    cli(data, "export", str(out / "guests.xlsx"))
    cli(data, "report", "-o", str(out / "report.pdf"))
    cli(data, "present", "--pdf", str(out / "present.pdf"))
    cli(data, "pin", "set", "--pin", "4821")
    written = [p for p in out.rglob("*") if p.is_file()]
    assert {p.suffix for p in written} >= {".pdf", ".png", ".csv", ".xlsx"}
    assert {str(p.relative_to(out)): oct(stat.S_IMODE(p.stat().st_mode)) for p in written
            if stat.S_IMODE(p.stat().st_mode) != 0o600} == {}
    assert (data / "kiosk.db").exists() and (data / "keys").is_dir() and (data / "staff-pin.json").exists()
    assert wider(data) == {}


def test_the_database_its_wal_and_shm_and_the_badge_folder_are_private_in_process(
        tmp_path: Path) -> None:
    from kiosk.adapters.printing import make_printer
    from kiosk.service.printing import PrintQueue

    data = tmp_path / "fresh"
    kiosk = Kiosk.open(data, device_name="door-1")
    try:
        kiosk.create_demo()
        kiosk.check_in("PLUS20-0003")
        assert (data / "kiosk.db-wal").exists() and (data / "kiosk.db-shm").exists()
        queue = PrintQueue(kiosk, make_printer("pdf", str(data / "printed"), data_dir=data))
        try:
            queue.enqueue(kiosk.find("PLUS20-0003").id)
            assert PrintRunner(queue).process_once() is not None
        finally:
            queue.stop()
        assert [p.suffix for p in (data / "printed").iterdir()] == [".pdf"]
        assert wider(data) == {}
    finally:
        kiosk.close()


def test_the_windows_log_is_private(tmp_path: Path) -> None:
    from kiosk.ui.app import configure_logging

    root = logging.getLogger()
    before = list(root.handlers)
    # A window opened earlier in this process (another test) left its log handler: set it aside, so this
    # one's is made here, as at a real start.
    earlier = [h for h in before if getattr(h, "_kiosk", False)]
    for handler in earlier:
        root.removeHandler(handler)
    try:
        configure_logging(tmp_path / "gui")
        logging.getLogger("kiosk.test").warning("a guest's name")
    finally:
        for handler in [h for h in root.handlers if h not in before]:
            handler.close()
            root.removeHandler(handler)
        for handler in earlier:
            root.addHandler(handler)
    assert wider(tmp_path / "gui") == {}


def test_an_old_data_dir_is_narrowed_when_opened_and_that_is_said_once(tmp_path: Path,
                                                                       caplog: pytest.LogCaptureFixture) -> None:
    data = tmp_path / "old"
    first = Kiosk.open(data, device_name="door-1")
    first.create_demo()
    first.close()
    for path in [data, *data.rglob("*")]:  # as an older kiosk left it
        os.chmod(path, 0o755 if path.is_dir() else 0o644)
    (data / "printed").mkdir(mode=0o755)
    (data / "printed" / "badge.pdf").write_bytes(b"%PDF")
    with caplog.at_level(logging.WARNING):
        Kiosk.open(data, device_name="door-1").close()
        said = [r for r in caplog.records if "other users" in r.getMessage()]
        assert len(said) == 1 and str(data) in said[0].getMessage()
        assert wider(data) == {}
        caplog.clear()
        Kiosk.open(data, device_name="door-1").close()
        assert not [r for r in caplog.records if "other users" in r.getMessage()]  # once
    said_by_cli = run_kiosk(data, "stats", timeout=60)
    assert "other users" not in said_by_cli.stderr
    os.chmod(data, 0o755)
    said_by_cli = run_kiosk(data, "stats", timeout=60)
    assert said_by_cli.returncode == 0 and "restreint au propriétaire" in said_by_cli.stderr
    assert stat.S_IMODE(data.stat().st_mode) == 0o700
