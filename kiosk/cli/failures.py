"""A command's failure in one line a person can act on, in the command's language: every command's
errors come through here (kiosk.cli.main), and `kiosk gui`'s start-up dialog says the same line."""

from __future__ import annotations

import sqlite3

from kiosk.cli.context import Context, MessageError, UsageError
from kiosk.domain.os_errors import os_reason


def describe(exc: Exception, ctx: Context) -> str | None:
    """The one line for a failure a person can act on, in the command's language; None for a bug
    (which keeps its traceback). Every command's errors come through here."""

    from kiosk import paths
    from kiosk.service.errors import (
        KioskError,
        NoEventError,
        NoSuchAttendeeError,
        NoSuchEventError,
        OtherEventActiveError,
        Refused,
        StorageError,
    )
    from kiosk.store.db import NewerSchemaError, StoreError

    if isinstance(exc, MessageError):
        return ctx.text(exc.key, **exc.values)
    if isinstance(exc, Refused):
        return exc.message(ctx.lang)
    if isinstance(exc, NoEventError):
        return ctx.text("no_event")
    if isinstance(exc, OtherEventActiveError):
        return ctx.text("demo_refused", name=exc.active_name)
    if isinstance(exc, NoSuchAttendeeError):
        return ctx.text("no_such_attendee", ref=exc.ref)
    if isinstance(exc, NoSuchEventError):
        return ctx.text("ambiguous_event" if exc.ambiguous else "no_such_event", ref=exc.ref)
    if isinstance(exc, sqlite3.Error):  # a read the service did not wrap
        exc = StorageError.from_exception(exc, paths.database(ctx.data_dir)) or exc
    if isinstance(exc, StorageError):
        return exc.reason(ctx.lang)
    if isinstance(exc, NewerSchemaError):
        return ctx.text("newer_database", path=paths.database(ctx.data_dir), found=exc.found, supported=exc.supported)
    if isinstance(exc, UsageError | KioskError | StoreError):
        return str(exc)
    if isinstance(exc, OSError):  # a file given on the command line, the data dir...
        return ctx.text("io_error", what=exc.filename or type(exc).__name__, why=os_reason(exc).message(ctx.lang))
    return None
