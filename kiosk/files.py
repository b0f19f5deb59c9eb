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


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


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
    ``mode``: the new file's permission bits (e.g. 0o600 for a private key; it never exists
    with wider ones); default: what a plain ``open`` would give (0o666 minus the umask).
    """
    path = Path(path)
    directory = path.parent
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=PART, dir=directory)
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as out:
            os.chmod(tmp, mode if mode is not None else 0o666 & ~_umask())
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
