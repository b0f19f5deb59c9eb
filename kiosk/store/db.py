"""SQLite connection, pragmas and versioned migrations.

The store is the only layer that speaks SQL. A connection is opened in autocommit mode
(``isolation_level=None``) so that every write goes through :func:`transaction`, which
makes the boundaries of durable work explicit.
"""

from __future__ import annotations

import errno
import os
import re
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from importlib import resources
from pathlib import Path

BUSY_TIMEOUT_MS = 5000
WAL_AUTOCHECKPOINT = 4000  # pages (see connect)
PRIVATE_DIR, PRIVATE_FILE = 0o700, 0o600  # as kiosk.files (which the store may not import): guests' data


class StoreError(Exception):
    """A database problem that a user can act on (path, permissions, newer schema)."""


class NewerSchemaError(StoreError):
    """The file was written by a newer kiosk: refused untouched (the CLI and the window word it)."""

    def __init__(self, found: int, supported: int) -> None:
        self.found, self.supported = found, supported
        super().__init__(f"database schema v{found} is newer than this kiosk (v{supported}): upgrade kiosk")


def _migration_scripts() -> list[tuple[int, str, str]]:
    """All ``NNNN_name.sql`` files shipped in ``kiosk/store/migrations``, in order."""
    found: list[tuple[int, str, str]] = []
    for entry in resources.files("kiosk.store.migrations").iterdir():
        match = re.fullmatch(r"(\d{4})_(\w+)\.sql", entry.name)
        if match:
            found.append((int(match.group(1)), match.group(2), entry.read_text(encoding="utf-8")))
    found.sort()
    return found


def schema_version(conn: sqlite3.Connection) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def latest_version() -> int:
    scripts = _migration_scripts()
    return scripts[-1][0] if scripts else 0


def migrate(conn: sqlite3.Connection) -> int:
    """Bring the schema up to date, one version per transaction; return the new version."""
    current = schema_version(conn)
    scripts = _migration_scripts()
    if scripts and current > scripts[-1][0]:
        raise NewerSchemaError(current, scripts[-1][0])
    for version, name, sql in scripts:
        if version <= current:
            continue
        # executescript() commits first; wrap the script so a failing migration leaves nothing.
        try:
            conn.executescript(f"BEGIN IMMEDIATE;\n{sql}\nPRAGMA user_version = {version};\nCOMMIT;")
        except sqlite3.Error as exc:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise StoreError(f"cannot upgrade the database to v{version} ({name}): {exc}") from exc
        current = version
    return current


def connect(path: Path, *, migrate_schema: bool = True) -> sqlite3.Connection:
    """Open (creating if needed) the event database with the pragmas kiosk relies on.

    WAL lets the GUI and a CLI command share the file; ``synchronous=FULL`` makes every
    acknowledged check-in survive a power cut (WAL + NORMAL may lose the last commits). A new file is
    created 0600 in a 0700 folder whatever the umask: SQLite gives its WAL and SHM the database
    file's mode, so the guests' data is never readable by another local user.
    """
    path.parent.mkdir(parents=True, exist_ok=True, mode=PRIVATE_DIR)
    if not path.exists():
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT, PRIVATE_FILE))  # an empty file is a new database
    try:
        conn = sqlite3.connect(
            str(path), timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None, check_same_thread=False
        )
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
    except sqlite3.DatabaseError as exc:
        raise StoreError(f"cannot open database {path}: {exc}") from exc
    except UnicodeDecodeError:  # SQLite's message quoted the damaged schema's bytes
        conn.close()
        damaged = sqlite3.DatabaseError("database disk image is malformed: its schema cannot be read")
        raise StoreError(f"cannot open database {path}: {damaged}") from damaged
    if str(mode).lower() != "wal":
        raise StoreError(f"cannot enable WAL on {path} (got {mode})")
    conn.execute("PRAGMA synchronous = FULL")
    # 32 MB of page cache (SQLite's default is 2 MB): the indexes of a 100,000-guest event then stay in
    # memory, which halves the time of a large import (random inserts into the id/code/email indexes).
    conn.execute("PRAGMA cache_size = -32768")
    # SQLite copies the WAL back into the database inside the COMMIT that crosses this many pages. A
    # check-in writes ~10 pages: at the default 1000 that is a 5-25 ms stall every ~100 check-ins
    # (exactly the p99); at 4000, a 4x rarer one with less total I/O (pages rewritten between
    # checkpoints are copied once). The WAL file then peaks at ~16 MB.
    conn.execute(f"PRAGMA wal_autocheckpoint = {WAL_AUTOCHECKPOINT}")
    conn.execute("PRAGMA foreign_keys = ON")
    conn.row_factory = sqlite3.Row
    if migrate_schema:
        try:
            migrate(conn)
        except BaseException:
            conn.close()  # a refused (newer) or failed upgrade must not keep the file locked
            raise
    return conn


def checkpoint(conn: sqlite3.Connection) -> tuple[int, int]:
    """PASSIVE WAL checkpoint (never waits for readers): (frames in the WAL, frames checkpointed)."""
    _busy, log, done = conn.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone()
    return int(log), int(done)


@contextmanager
def bulk_commit(conn: sqlite3.Connection) -> Iterator[None]:
    """A bulk write's COMMIT neither checkpoints nor syncs (``synchronous=NORMAL``, no automatic
    checkpoint meanwhile): the writer makes it durable itself with :func:`sync_wal` and folds it into the
    database with :func:`checkpoint` afterwards, beside its other clean-up, before it reports success."""
    conn.execute("PRAGMA wal_autocheckpoint = 0")
    conn.execute("PRAGMA synchronous = NORMAL")
    try:
        yield
    finally:
        conn.execute("PRAGMA synchronous = FULL")
        conn.execute(f"PRAGMA wal_autocheckpoint = {WAL_AUTOCHECKPOINT}")


def sync_wal(path: Path) -> None:
    """fsync the database's WAL: what a ``synchronous=FULL`` COMMIT would have done (see bulk_commit).
    Any descriptor of a file flushes all of its written pages."""
    wal = path.with_name(path.name + "-wal")
    fd = os.open(wal, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def set_busy_timeout(conn: sqlite3.Connection, ms: int) -> None:
    """How long a write waits for another writer. The window's UI thread must never freeze at the
    door: it waits briefly and shows "not recorded" instead of five seconds of a dead window."""
    conn.execute(f"PRAGMA busy_timeout = {int(ms)}")


@contextmanager
def transaction(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """``BEGIN IMMEDIATE`` … ``COMMIT``: take the write lock up front so that a busy
    database waits (busy_timeout) instead of failing half-way through."""
    if conn.in_transaction:
        yield conn  # nested: the outer transaction owns commit/rollback
        return
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
    except BaseException:
        # SQLite rolls back by itself on some errors (disk full, I/O error): a second ROLLBACK would
        # fail and hide the error that matters.
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")


@contextmanager
def savepoint(conn: sqlite3.Connection, name: str = "one_row") -> Iterator[sqlite3.Connection]:
    """Inside a transaction: undo only what the block wrote if it raises (one pulled row that cannot
    be applied is set aside; the rows before it in the batch stay)."""
    conn.execute(f"SAVEPOINT {name}")
    try:
        yield conn
    except BaseException:
        if conn.in_transaction:
            conn.execute(f"ROLLBACK TO {name}")
            conn.execute(f"RELEASE {name}")
        raise
    conn.execute(f"RELEASE {name}")


@contextmanager
def snapshot(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """A deferred read transaction: a consistent view without taking the write lock."""
    if conn.in_transaction:
        yield conn
        return
    conn.execute("BEGIN")
    try:
        yield conn
    finally:
        if conn.in_transaction:
            conn.execute("COMMIT")


def quick_check(target: Path | sqlite3.Connection, *, max_problems: int = 10) -> list[str]:
    """``PRAGMA quick_check``: the problems SQLite finds in the file (pages, b-trees, record
    formats; not index contents), at most ``max_problems``; an empty list when it is sound.

    Given a path it opens its own read-only connection, so the window can run it off the UI thread.
    A file that is not a database at all, or damaged past opening, is reported as a problem too.
    Other failures (missing file, locked, unreadable) raise sqlite3.Error or OSError as they are.
    """
    if isinstance(target, sqlite3.Connection):
        return _quick_check(target, max_problems)
    if not target.is_file():
        raise FileNotFoundError(errno.ENOENT, "no database file", str(target))
    conn = sqlite3.connect(f"{target.resolve().as_uri()}?mode=ro", uri=True, timeout=BUSY_TIMEOUT_MS / 1000,
                           check_same_thread=False)
    try:
        return _quick_check(conn, max_problems)
    finally:
        conn.close()


def _quick_check(conn: sqlite3.Connection, max_problems: int) -> list[str]:
    try:
        rows = conn.execute(f"PRAGMA quick_check({int(max_problems)})").fetchall()
    except sqlite3.DatabaseError as exc:
        if getattr(exc, "sqlite_errorcode", None) not in (sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB):
            raise
        return [str(exc)]
    # One row may hold several lines, headed "*** in database main ***": keep the problems themselves.
    problems = [line for row in rows for line in str(row[0]).splitlines() if line and not line.startswith("***")]
    return [] if problems == ["ok"] else problems[:max_problems]
