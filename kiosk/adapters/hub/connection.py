"""Opening the hub: a libpq connection string in, one clear line out when it fails.

The URL is handed to libpq as it is (TLS options such as ``sslmode=verify-full`` pass through);
a password may come from the URL, ``~/.pgpass`` or ``PGPASSWORD``. Whatever this module prints or
raises shows the URL without its password (``redact``).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # psycopg is imported by the functions that connect: `kiosk --help` stays fast
    import psycopg

CONNECT_TIMEOUT_S = 5


class HubError(Exception):
    """The hub cannot be used now (unreachable, refused, too old): one line for the user.
    The kiosk keeps working offline; what it made stays queued."""


_QUERY_PASSWORD = re.compile(r"(?i)([?&]password=)(.*?)(?=&[A-Za-z_]+=|#|$)")
_KV_PASSWORD = re.compile(r"(?i)(\bpassword\s*=\s*)('(?:[^'\\]|\\.)*'|\S+)")


def _secrets(url: str) -> list[str]:
    """Every piece of ``url`` that may be a password, however libpq would read it: the parsed
    password (plain and percent-encoded), a query or key=value ``password``, and whatever sits
    between ``user:`` and the last ``@`` of a URI (an unescaped ``/`` or ``@`` in a password makes
    libpq read part of it as the host or the database)."""
    from urllib.parse import quote, unquote

    found: list[str] = [m.group(2) for m in _QUERY_PASSWORD.finditer(url)]
    if "://" not in url:
        found += [m.group(2).strip("'") for m in _KV_PASSWORD.finditer(url)]
    written = _uri_password(url)
    if written is not None:
        found.append(written)
    try:
        import psycopg

        parsed = psycopg.conninfo.conninfo_to_dict(url).get("password")
    except Exception:  # not parseable (or no psycopg): the textual rules above still apply
        parsed = None
    if isinstance(parsed, str):
        found.append(parsed)
    found += [quote(s, safe="") for s in found] + [unquote(s) for s in found]
    return sorted({s for s in found if len(s) >= 3}, key=len, reverse=True)


def _uri_password(url: str) -> str | None:
    """What a URI holds between ``user:`` and its last ``@`` (outside a query ``password=``)."""
    if "://" not in url:
        return None
    rest = _QUERY_PASSWORD.sub("", url.split("://", 1)[1])
    userinfo = rest[: rest.rfind("@")] if "@" in rest else ""
    return userinfo.split(":", 1)[1] if ":" in userinfo else None


def redact(url: str) -> str:
    """The connection string without its password, for messages and logs. A URI keeps its user
    and shows ``***`` for everything between ``user:`` and the last ``@``; a ``password=`` (query
    or key=value) shows ``***``; any other copy of the password left (as libpq would parse it) is
    hidden too."""
    shown = _QUERY_PASSWORD.sub(r"\1***", url)
    if "://" not in shown:
        shown = _KV_PASSWORD.sub(r"\1***", shown)
    else:
        scheme, rest = shown.split("://", 1)
        if "@" in rest:
            at = rest.rfind("@")
            userinfo = rest[:at]
            if ":" in userinfo:
                user = userinfo.split(":", 1)[0]
                userinfo = f"{user}:***" if not re.search(r"[/?#]", user) else "***"
            shown = f"{scheme}://{userinfo}{rest[at:]}"
    return redact_text(shown, url)


def redact_text(text: str, url: str) -> str:
    """``text`` (an error from libpq or psycopg, which may echo the connection string) with every
    possible password of ``url`` replaced by ``***``."""
    for secret in _secrets(url):
        text = text.replace(secret, "***")
    return text


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
    return f"hub error ({where}): {redact_text(redact(text), url)}"


def connect(url: str, *, autocommit: bool = False) -> psycopg.Connection[tuple[object, ...]]:
    """A connection to the hub, or HubError with one clear line."""
    import psycopg

    try:
        params = psycopg.conninfo.conninfo_to_dict(url)
    except psycopg.ProgrammingError:
        raise HubError(f"not a PostgreSQL connection string: {redact(url)}") from None
    _refuse_misread(url, params)
    params.setdefault("connect_timeout", CONNECT_TIMEOUT_S)
    params.setdefault("application_name", "kiosk")
    try:
        return psycopg.connect(**params, autocommit=autocommit)  # type: ignore[arg-type]
    except psycopg.Error as exc:
        raise HubError(describe(exc, url)) from None


def _refuse_misread(url: str, params: Mapping[str, object]) -> None:
    """HubError when libpq reads a URI's password as something else: an unescaped ``/``, ``?`` or
    ``@`` in it puts part of it in the host, port or database, where a message would show it."""
    from urllib.parse import unquote

    written = _uri_password(url)
    if written is not None and unquote(written) != params.get("password"):
        raise HubError("the hub's password must be percent-encoded in the URL (/ as %2F, @ as %40),"
                       f" or kept in ~/.pgpass or PGPASSWORD: {redact(url)}")


def strip_password(url: str) -> str:
    """The connection string with no password at all, to remember (the password stays in ~/.pgpass).
    A string libpq reads with a piece of the password elsewhere (an unescaped ``/`` or ``@`` in it:
    the host or database then holds it) is refused rather than remembered."""
    import psycopg

    params = psycopg.conninfo.conninfo_to_dict(url)
    _refuse_misread(url, params)
    params.pop("password", None)
    return psycopg.conninfo.make_conninfo(**params)  # type: ignore[arg-type]
