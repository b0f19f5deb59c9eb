"""Writing a file so that readers see the old version or the new one, never half of either.

Why: a kiosk writes PDFs, keys and spreadsheets onto USB sticks and small cards that fill up,
and processes get killed (a closed laptop lid, a ^C, the OOM killer). Writing in place
truncates the old file first, so a full disk leaves an empty private key and a kill leaves
half a PDF. Here the data goes to a hidden temp file in the same folder (same filesystem, so
the rename is atomic), is flushed and fsynced, and only then renamed over the target.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO

PART = ".part"  # suffix of the temp files; ``.name.XXXX.part`` beside the target

# Everything kiosk writes holds personal data (guests' names, who is inside) or is for one user: private
# whatever the umask. A file 0600, a folder of its own 0700.
PRIVATE_FILE = 0o600
PRIVATE_DIR = 0o700
PRIVATE_UMASK = 0o077


def _fsync_dir(directory: Path) -> None:
    """Make the rename itself durable (POSIX); a no-op where folders cannot be opened (Windows)."""
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


@contextlib.contextmanager
def atomic_write(path: Path, *, mode: int | None = None) -> Iterator[IO[bytes]]:
    """Open a binary temp file beside ``path``; on a clean exit it replaces ``path``.

    On any exception (ENOSPC included) the temp file is removed and ``path`` is untouched.
    ``mode``: the new file's permission bits; default PRIVATE_FILE (0600), whatever the umask: it
    never exists with wider ones.
    """
    path = Path(path)
    directory = path.parent
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=PART, dir=directory)
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as out:
            os.chmod(tmp, mode if mode is not None else PRIVATE_FILE)
            yield out
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    _fsync_dir(directory)


def write_bytes(path: Path, data: bytes, *, mode: int | None = None) -> None:
    """``path.write_bytes(data)``, atomically (see ``atomic_write``)."""
    with atomic_write(path, mode=mode) as out:
        out.write(data)


def private_dir(path: Path) -> Path:
    """``path`` as a folder of kiosk's own (the data dir, the PDF folder, keys): created 0700, and
    narrowed to 0700 when it is wider (parents the user made are left alone)."""
    path = Path(path)
    path.mkdir(parents=True, exist_ok=True, mode=PRIVATE_DIR)
    if os.stat(path).st_mode & 0o077:
        os.chmod(path, PRIVATE_DIR)
    return path


def tighten_tree(root: Path) -> int:
    """Narrow ``root`` and everything under it to 0700 folders and 0600 files (bits for the group or
    others removed; symlinks not followed). Returns how many were changed: 0 once it is private."""
    changed = 0
    stack = [Path(root)]
    while stack:
        folder = stack.pop()
        try:
            if os.lstat(folder).st_mode & 0o077:
                os.chmod(folder, PRIVATE_DIR)
                changed += 1
            entries = list(os.scandir(folder))
        except OSError:
            continue  # gone, or not ours to change: the open that follows says what is wrong
        for entry in entries:
            try:
                if entry.is_dir(follow_symlinks=False):
                    stack.append(Path(entry.path))
                elif entry.is_file(follow_symlinks=False) and entry.stat(follow_symlinks=False).st_mode & 0o077:
                    os.chmod(entry.path, entry.stat(follow_symlinks=False).st_mode & 0o700 or PRIVATE_FILE)
                    changed += 1
            except OSError:
                continue
    return changed


def private_umask() -> int:
    """Make every file this process creates private (0600 / 0700), SQLite's WAL, logs and PDFs
    included; returns the old umask. Called first by the CLI and the window."""
    return os.umask(PRIVATE_UMASK)
