"""Errors the service layer raises for the CLI and the window to show as one clear line.

``StorageError`` is the door's "Non enregistré — …": SQLite (or the disk under it) refused, so nothing
was recorded. Its ``kind`` says what a person can do about it; ``reason(lang)`` says it in words.
"""

from __future__ import annotations

import errno
import functools
import os
import sqlite3
from collections.abc import Callable
from enum import StrEnum
from pathlib import Path
from typing import Any, Concatenate, ParamSpec, TypeVar

from kiosk.domain.os_errors import OsReason, os_reason


class KioskError(Exception):
    """A refusal a person can act on (bad input, missing event, full workshop...)."""


class NoEventError(KioskError):
    def __init__(self) -> None:
        super().__init__("no event in this data dir: run 'kiosk demo' or 'kiosk event create --name ...'")


class Refused(KioskError):
    """A refusal as data: a key and its values. The CLI and the window word it in their language
    (kiosk.domain.messages.refusal_message); ``str()`` is the English sentence, for logs."""

    def __init__(self, key: str, **values: object) -> None:
        from kiosk.domain.messages import refusal_message

        self.key, self.values = key, values
        super().__init__(refusal_message(key, "en", **values))

    def message(self, lang: str) -> str:
        from kiosk.domain.messages import refusal_message

        return refusal_message(self.key, lang, **self.values)


class ImportRefused(Refused):
    """An import refused, as data: the file's name, then a sentence of kiosk/importing/messages.py (the
    parser's ImportFileError keeps its key and values through here) worded "{file}: …" by each edge."""

    def __init__(self, file: str, key: str, **values: object) -> None:
        self.file, self.key, self.values = file, key, values
        KioskError.__init__(self, self.message("en"))

    def message(self, lang: str) -> str:
        from kiosk.importing.messages import import_message

        sentence = import_message(self.key, lang, **self.values)
        return import_message("in_file", lang, file=self.file, sentence=sentence)


class VenueFull(Refused):
    """The venue holds as many people as its capacity: nobody more is checked in."""

    def __init__(self, inside: int, capacity: int) -> None:
        super().__init__("venue_full", inside=inside, capacity=capacity)
        self.inside, self.capacity = inside, capacity


class WorkshopFull(Refused):
    def __init__(self, workshop: str, taken: int, capacity: int) -> None:
        super().__init__("workshop_full", workshop=workshop, taken=taken, capacity=capacity)
        self.workshop, self.taken, self.capacity = workshop, taken, capacity


class OtherEventActiveError(KioskError):
    """The demo would replace the event this data dir serves: asked only with ``force``."""

    def __init__(self, active_name: str) -> None:
        self.active_name = active_name
        super().__init__(f"this data dir serves the event {active_name!r}: "
                         "'kiosk demo --force' makes the demo the active event (the other is kept)")


class NoSuchAttendeeError(KioskError):
    def __init__(self, ref: str) -> None:
        self.ref = ref
        super().__init__(f"no attendee with id or ticket code {ref!r}")


class NoSuchEventError(KioskError):
    def __init__(self, ref: str, *, ambiguous: bool = False) -> None:
        self.ref, self.ambiguous = ref, ambiguous
        what = "several events match" if ambiguous else "no event matches"
        super().__init__(f"{what} {ref!r}: see 'kiosk event list'")


class StorageKind(StrEnum):
    LOCKED = "locked"  # another writer held the lock past busy_timeout (a long import, another kiosk)
    FULL = "full"  # no space left for the database or its WAL
    READONLY = "readonly"  # the file, its folder or the whole disk is read-only
    CORRUPT = "corrupt"  # "database disk image is malformed", not a database, failed quick_check
    UNAVAILABLE = "unavailable"  # cannot be opened or created (missing disk, a file where a folder should be)


_REASONS: dict[str, dict[StorageKind, str]] = {
    "fr": {
        StorageKind.LOCKED: "base de données occupée par un autre programme (un import ?) : réessayez dans un instant",
        StorageKind.FULL: "disque plein : libérez de la place",
        StorageKind.READONLY: "base de données en lecture seule (fichier, dossier ou disque)",
        StorageKind.CORRUPT: "base de données endommagée : arrêtez les kiosques, gardez une copie du fichier, "
                             "puis voyez « Recovery » dans le guide de l'organisation (docs/organiser.md)",
        StorageKind.UNAVAILABLE: "base de données inaccessible",
    },
    "en": {
        StorageKind.LOCKED: "database busy with another program (an import?): try again in a moment",
        StorageKind.FULL: "disk full: free some space",
        StorageKind.READONLY: "database is read-only (file, folder or disk)",
        StorageKind.CORRUPT: "database damaged: stop the kiosks, keep a copy of the file, "
                             "then see 'Recovery' in the organiser's guide (docs/organiser.md)",
        StorageKind.UNAVAILABLE: "database unavailable",
    },
}

_BY_SQLITE_CODE = {
    sqlite3.SQLITE_BUSY: StorageKind.LOCKED, sqlite3.SQLITE_LOCKED: StorageKind.LOCKED,
    sqlite3.SQLITE_FULL: StorageKind.FULL,
    sqlite3.SQLITE_READONLY: StorageKind.READONLY, sqlite3.SQLITE_PERM: StorageKind.READONLY,
    sqlite3.SQLITE_CORRUPT: StorageKind.CORRUPT, sqlite3.SQLITE_NOTADB: StorageKind.CORRUPT,
}
_BY_ERRNO = {
    errno.ENOSPC: StorageKind.FULL, errno.EDQUOT: StorageKind.FULL,
    errno.EROFS: StorageKind.READONLY, errno.EACCES: StorageKind.READONLY, errno.EPERM: StorageKind.READONLY,
}


class StorageError(KioskError):
    """SQLite or the file system refused a read or write: nothing was recorded.

    ``kind`` (StorageKind), ``path`` (the database file, when known), ``detail`` (SQLite's or the OS's
    own words). ``str()`` is an English line for logs; ``reason(lang)`` is what staff read.
    """

    def __init__(self, kind: StorageKind, path: Path | None = None, detail: str = "") -> None:
        self.kind, self.path, self.detail = kind, path, detail
        super().__init__(self.reason("en"))

    def reason(self, lang: str = "fr") -> str:
        """One line: what happened, in ``lang``, then the path and SQLite's words for the curious."""
        text = _REASONS.get(lang, _REASONS["fr"])[self.kind]
        detail = self.detail.message(lang) if isinstance(self.detail, OsReason) else self.detail
        extra = " — ".join(part for part in (str(self.path) if self.path else "", detail) if part)
        return f"{text} ({extra})" if extra else text

    @classmethod
    def from_exception(cls, exc: BaseException, path: Path | None = None) -> StorageError | None:
        """The StorageError behind a sqlite3.Error or OSError (also when wrapped as the cause of
        another exception); None when ``exc`` is no storage failure (a plain SQL error is a bug)."""
        if isinstance(exc, StorageError):
            return exc
        cause = exc if isinstance(exc, sqlite3.Error | OSError) else exc.__cause__
        if isinstance(cause, sqlite3.Error):
            kind = _sqlite_kind(cause, path)
            return None if kind is None else cls(kind, path, str(cause))
        if isinstance(cause, OSError):
            kind = _BY_ERRNO.get(cause.errno or 0, StorageKind.UNAVAILABLE)
            return cls(kind, path, os_reason(cause, with_file=True))
        return None


def _sqlite_kind(exc: sqlite3.Error, path: Path | None) -> StorageKind | None:
    """None for SQLITE_ERROR and the like: a wrong statement or schema is a bug, not the disk."""
    code = getattr(exc, "sqlite_errorcode", None)
    kind = _BY_SQLITE_CODE.get(code & 0xFF) if isinstance(code, int) else None
    if kind is None:
        text = str(exc).lower()
        kind = (StorageKind.LOCKED if "locked" in text else StorageKind.FULL if "full" in text
                else StorageKind.READONLY if "readonly" in text or "read-only" in text
                # "Could not decode to UTF-8 column …": a page overwritten inside a row's text
                else StorageKind.CORRUPT if "malformed" in text or "not a database" in text
                or "could not decode to utf-8" in text
                else None if isinstance(code, int) and code & 0xFF == sqlite3.SQLITE_ERROR
                else StorageKind.UNAVAILABLE)
    if kind is None:
        return None
    if kind is StorageKind.UNAVAILABLE and path is not None:
        # "disk I/O error" / "unable to open database file" hide the cause: look at the disk itself.
        if _nearly_full(path):
            kind = StorageKind.FULL  # no room for the -shm file: SQLITE_IOERR_SHMSIZE
        elif _read_only(path):
            kind = StorageKind.READONLY  # the folder cannot take the WAL and -shm files
    return kind


def _nearly_full(path: Path) -> bool:
    """Less room left than a WAL's first frames and its 32 KB shared-memory file."""
    try:
        stat = os.statvfs(path.parent)
    except OSError:
        return False
    return stat.f_bavail * stat.f_frsize < 256 * 1024


def _read_only(path: Path) -> bool:
    """Is the database (or the folder its WAL and shared-memory files go in) read-only? Probed for
    real: root ignores permission bits but not ``chattr +i`` or a read-only mount."""
    try:
        if os.statvfs(path.parent).f_flag & os.ST_RDONLY:
            return True
        with open(path, "r+b"):
            return False
    except FileNotFoundError:
        return False
    except OSError as exc:
        return exc.errno in (errno.EROFS, errno.EACCES, errno.EPERM)


P = ParamSpec("P")
R = TypeVar("R")


def storage_guard(method: Callable[Concatenate[Any, P], R]) -> Callable[Concatenate[Any, P], R]:
    """Turn the sqlite3/OS errors of a service write into a StorageError naming the database file
    (``self.db_path``), so the CLI and the window get one typed error, never a raw traceback."""

    @functools.wraps(method)
    def guarded(self: Any, /, *args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return method(self, *args, **kwargs)
        except (sqlite3.Error, OSError) as exc:
            storage = StorageError.from_exception(exc, getattr(self, "db_path", None))
            if storage is None:
                raise  # not the storage: a bug keeps its traceback
            raise storage from exc

    return guarded
