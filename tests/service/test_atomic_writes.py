"""Files the kiosk writes are all-or-nothing: a full disk (a real 64 KiB tmpfs) or a SIGKILL in the
middle of writing leaves the old file intact and never an empty or half file."""

from __future__ import annotations

import contextlib
import errno
import os
import signal
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from kiosk import files
from kiosk.cli.main import main
from kiosk.service import Kiosk
from kiosk.service.keys import PRIVATE, PUBLIC, init_keys
from tests.helpers.process import kiosk_ok, start_kiosk

ROOT = Path(__file__).resolve().parents[2]


def _fill(directory: Path) -> None:
    """Write zeros until the filesystem says ENOSPC: the disk of a kiosk after a long night."""
    with (directory / "filler").open("wb", buffering=0) as out:
        with pytest.raises(OSError) as full:
            while True:
                out.write(b"\0" * 512)
        assert full.value.errno == errno.ENOSPC
    probe = directory / "probe"
    with pytest.raises(OSError):
        probe.write_bytes(b"x" * 10)
    probe.unlink(missing_ok=True)


@contextlib.contextmanager
def _tmpfs(mnt: Path, size: str) -> Iterator[Path]:
    """A real tmpfs of ``size`` (needs root: mount); the test is skipped where it cannot be mounted."""
    mnt.mkdir()
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(mnt)], capture_output=True,
                          check=False)
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.decode().strip()}")
    try:
        yield mnt
    finally:
        # lazily if a file is still open (a failing test's traceback holds it): never leave it mounted
        if subprocess.run(["umount", str(mnt)], capture_output=True, check=False).returncode != 0:
            subprocess.run(["umount", "-l", str(mnt)], check=False)


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    with _tmpfs(tmp_path / "disk", "64k") as mnt:
        yield mnt


@pytest.fixture
def ticket_disk(tmp_path: Path) -> Iterator[Path]:
    """Room for one ticket (PDF with logo and fonts, QR PNG, mailing.csv), not for two."""
    with _tmpfs(tmp_path / "disk", "1m") as mnt:
        yield mnt


def test_keys_init_on_a_full_disk_leaves_no_key_file(small_disk: Path,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    keys = small_disk / "keys"
    keys.mkdir()
    _fill(small_disk)
    assert main(["keys", "init", "--dir", str(keys)]) == 2
    assert "cannot write the key pair" in capsys.readouterr().err
    assert sorted(p.name for p in keys.iterdir()) == []  # no empty private key, no temp file


def test_keys_init_force_on_a_full_disk_keeps_the_old_pair(small_disk: Path) -> None:
    keys = small_disk / "keys"
    init_keys(keys)
    old = (keys / PRIVATE).read_bytes(), (keys / PUBLIC).read_bytes()
    _fill(small_disk)
    assert main(["keys", "init", "--dir", str(keys), "--force"]) == 2
    assert ((keys / PRIVATE).read_bytes(), (keys / PUBLIC).read_bytes()) == old
    assert sorted(p.name for p in keys.iterdir()) == [PRIVATE, PUBLIC]


def test_badges_pdf_on_a_full_disk_keeps_the_old_pdf(kiosk: Kiosk, small_disk: Path,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    out = small_disk / "badges.pdf"
    out.write_bytes(b"%PDF-1.4 the old batch\n")
    _fill(small_disk)
    assert main(["--lang", "en", "badges", "--all", "-o", str(out)]) == 2
    assert out.read_bytes() == b"%PDF-1.4 the old batch\n"
    assert sorted(p.name for p in small_disk.iterdir()) == ["badges.pdf", "filler"]
    assert "cannot write" in capsys.readouterr().err


def test_atomic_write_is_private_whatever_the_umask(tmp_path: Path) -> None:
    mask = os.umask(0o022)
    try:
        files.write_bytes(tmp_path / "secret", b"k", mode=0o600)
        files.write_bytes(tmp_path / "plain", b"p")
        files.write_bytes(tmp_path / "shared", b"s", mode=0o644)  # asked for explicitly
    finally:
        os.umask(mask)
    assert (tmp_path / "secret").stat().st_mode & 0o777 == 0o600
    assert (tmp_path / "plain").stat().st_mode & 0o777 == 0o600  # personal data by default (issue 21)
    assert (tmp_path / "shared").stat().st_mode & 0o777 == 0o644


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_badges_killed_while_writing_leave_the_old_pdf(kiosk: Kiosk, data_dir: Path, tmp_path: Path) -> None:
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    out = out_dir / "badges.pdf"
    assert main(["badges", "--all", "-o", str(out), "--format", "a6"]) == 0
    old = out.read_bytes()
    old_stat = out.stat()
    command = ("badges", "--all", "-o", str(out), "--format", "a4-8")
    child = start_kiosk(data_dir, *command)
    deadline = time.monotonic() + 60
    # Kill it as soon as it has started writing: the target changed, or a file appeared beside it.
    while time.monotonic() < deadline and child.poll() is None:
        now = out.stat() if out.exists() else None
        if now is None or (now.st_size, now.st_mtime_ns, now.st_ino) != (
                old_stat.st_size, old_stat.st_mtime_ns, old_stat.st_ino) or len(list(out_dir.iterdir())) > 1:
            break
        time.sleep(0.002)
    assert child.poll() is None, "the batch finished before it could be killed"
    child.send_signal(signal.SIGKILL)
    child.wait(10)
    assert out.read_bytes() == old  # the old batch, whole
    info = subprocess.run(["pdfinfo", str(out)], capture_output=True, text=True, check=True).stdout
    assert "Pages:" in info
    # Run to the end: the new batch replaces the old one and no temp file is left behind.
    kiosk_ok(data_dir, *command)
    assert out.read_bytes() != old
    left = [p.name for p in out_dir.iterdir() if p.name != "badges.pdf"]
    assert len(left) <= 1 and all(n.startswith(".badges.pdf.") and n.endswith(files.PART) for n in left), left


def test_tickets_on_a_full_disk_keep_the_old_files(kiosk: Kiosk, data_dir: Path, ticket_disk: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    from kiosk import paths

    init_keys(paths.keys_dir(data_dir))
    out = ticket_disk / "tickets"
    assert main(["tickets", "-o", str(out), "--attendee", "PLUS20-0001"]) == 0
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    assert sorted(p.suffix for p in out.iterdir()) == [".csv", ".pdf", ".png"]
    capsys.readouterr()
    _fill(ticket_disk)
    assert main(["--lang", "en", "tickets", "-o", str(out), "--attendee", "PLUS20-0001"]) == 2
    assert "cannot write" in capsys.readouterr().err
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before  # whole, and no temp file beside
