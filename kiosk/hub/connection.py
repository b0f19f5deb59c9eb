"""Opening the hub: a libpq connection string in, one clear line out when it fails.

The URL is handed to libpq as it is (TLS options such as ``sslmode=verify-full`` pass through);
a password may come from the URL, ``~/.pgpass`` or ``PGPASSWORD``. Whatever this module prints or
raises shows the URL without its password (``redact``).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # psycopg is imported by the functions that connect: `kiosk --help` stays fast
    import psycopg

CONNECT_TIMEOUT_S = 5


class HubError(Exception):
    """The hub cannot be used now (unreachable, refused, too old): one line for the user.
    The kiosk keeps working offline; what it made stays queued."""


def redact(url: str) -> str:
    """The connection string without its password, for messages and logs."""
    url = re.sub(r"(://[^:/@?#]*):[^@/?#]*@", r"\1:***@", url)
    url = re.sub(r"(?i)(\bpassword\s*=\s*)('(?:[^'\\]|\\.)*'|\S+)", r"\1***", url)
    return re.sub(r"(?i)([?&]password=)[^&#]*", r"\1***", url)


def describe(exc: Exception, url: str) -> str:
    """One line saying why the hub could not be used, never the password."""
    text = " ".join(str(exc).split())
    low = text.lower()
    where = redact(url)
    if "password authentication failed" in low or "no password supplied" in low or "authentication failed" in low:
        return f"hub refused the credentials ({where}): check the user and password (URL, ~/.pgpass or PGPASSWORD)"
    if "does not exist" in low and "database" in low:
        return f"hub database does not exist ({where}): create it, then run `kiosk hub init URL`"
    if "connection refused" in low or "could not connect" in low or "timeout" in low or "timed out" in low:
        return f"hub unreachable ({where}): is PostgreSQL running and the network up? Working offline."
    if "server closed the connection" in low or "terminating connection" in low or "consuming input failed" in low:
        return f"hub connection lost ({where}): nothing was lost, the next sync goes on from here"
    if "invalid" in low and ("dsn" in low or "connection" in low or "uri" in low):
        return f"not a PostgreSQL connection string: {where}"
    return f"hub error ({where}): {redact(text)}"


def connect(url: str, *, autocommit: bool = False) -> psycopg.Connection[tuple[object, ...]]:
    """A connection to the hub, or HubError with one clear line."""
    import psycopg

    try:
        params = psycopg.conninfo.conninfo_to_dict(url)
    except psycopg.ProgrammingError:
        raise HubError(f"not a PostgreSQL connection string: {redact(url)}") from None
    params.setdefault("connect_timeout", CONNECT_TIMEOUT_S)
    params.setdefault("application_name", "kiosk")
    try:
        return psycopg.connect(**params, autocommit=autocommit)  # type: ignore[arg-type]
    except psycopg.Error as exc:
        raise HubError(describe(exc, url)) from None


def strip_password(url: str) -> str:
    """The connection string with no password at all, to remember (the password stays in ~/.pgpass)."""
    import psycopg

    params = psycopg.conninfo.conninfo_to_dict(url)
    params.pop("password", None)
    return psycopg.conninfo.make_conninfo(**params)  # type: ignore[arg-type]
