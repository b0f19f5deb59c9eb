"""Doors paired by a code: the organiser adds a door (a login of its own on the hub, shown as a pairing
code and QR code), the new laptop reads the code and joins the evening with that login, its password
kept in a private passfile in the data dir, the organiser's key fingerprint pinned."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from kiosk import files, paths
from kiosk.domain.demo import is_demo
from kiosk.domain.pairing import Pairing, PairingError, parse
from kiosk.service.errors import KioskError
from kiosk.store import events as event_store
from kiosk.store import purge as purge_store
from kiosk.store import transaction

if TYPE_CHECKING:
    from kiosk.adapters.hub.doors import DoorLogin
    from kiosk.service.kiosk import Kiosk
    from kiosk.service.sync.join import Joined


def add_door(kiosk: Kiosk, admin_url: str, name: str, *, host: str | None = None) -> Pairing:
    """A login for the door ``name`` of this kiosk's active event, and the code that pairs it. ``host``:
    the hub's address as the doors reach it, when the organiser's own differs (e.g. localhost)."""
    import psycopg

    from kiosk.adapters.hub import doors
    from kiosk.adapters.hub.connection import HubError, connect, describe, redact
    from kiosk.service.sync.round import schema_check

    event = kiosk.event
    if is_demo(event):
        raise KioskError("the demo cannot be shared with doors: create the real event first")
    params = psycopg.conninfo.conninfo_to_dict(admin_url)
    conn = connect(admin_url)
    try:
        schema_check(conn, redact(admin_url))
        role, password = doors.add(conn, name, event.id)
    except psycopg.Error as exc:
        raise HubError(describe(exc, admin_url)) from None
    finally:
        conn.close()
    where = host or str(params.get("host") or params.get("hostaddr") or "localhost")
    return Pairing(where, int(str(params.get("port") or 5432)), str(params.get("dbname") or params.get("user")),
                   role, password, event.id, " ".join(name.split()), _fingerprint(kiosk))


def _fingerprint(kiosk: Kiosk) -> str | None:
    from kiosk.domain import authority as rules
    from kiosk.service import authority

    key = authority.signer(kiosk)
    return rules.fingerprint(key.public_key()) if key is not None else None


def read(text: str) -> Pairing:
    """The pairing in a scanned or pasted text, or KioskError saying why it is not one."""
    try:
        return parse(text)
    except PairingError as exc:
        raise KioskError(str(exc)) from None


def join_paired(kiosk: Kiosk, pairing: Pairing) -> Joined:
    """Join the paired evening with the door's own login. A laptop that only holds the demo (what `make
    run` leaves) may join: the fictitious demo is removed first; any other event is refused by join."""
    from kiosk.service.sync.join import join

    if kiosk.data_dir is None:
        raise KioskError("pairing needs a data dir")
    held = event_store.all_events(kiosk.conn)
    if held and all(is_demo(e) for e in held) and pairing.event_id not in {e.id for e in held}:
        with transaction(kiosk.conn):
            for event in held:
                purge_store.forget_event(kiosk.conn, event.id)
        kiosk.forget_event()
    passfile = paths.hub_passfile(kiosk.data_dir)
    files.write_bytes(passfile, _passfile_line(pairing).encode())  # 0600: libpq ignores a wider passfile
    url = f"{pairing.conninfo()} passfile='{_quoted(str(passfile))}'"
    return join(kiosk, url, pairing.event_id, fingerprint=pairing.fingerprint)


def _passfile_line(p: Pairing) -> str:
    def esc(value: str) -> str:
        return value.replace("\\", "\\\\").replace(":", "\\:")

    return f"{esc(p.host)}:{p.port}:{esc(p.dbname)}:{esc(p.user)}:{esc(p.password)}\n"


def _quoted(value: str) -> str:
    return value.replace("\\", "\\\\").replace("'", "\\'")


def listed(admin_url: str) -> list[DoorLogin]:
    from kiosk.adapters.hub import doors
    from kiosk.adapters.hub.connection import connect

    conn = connect(admin_url)
    try:
        return doors.listed(conn)
    finally:
        conn.close()


def revoke(admin_url: str, name: str) -> DoorLogin:
    from kiosk.adapters.hub import doors
    from kiosk.adapters.hub.connection import connect

    conn = connect(admin_url)
    try:
        return doors.revoke(conn, name)
    finally:
        conn.close()


@dataclass(frozen=True)
class HubAccess:
    """What the window learns when it tries a hub: reachable, and whether its schema is ready."""

    url: str  # the connection string to remember: no password (it is in the private passfile)
    schema: int  # 0: an empty database (kiosk hub init makes it a hub)
    latest: int


def hub_url_with_password(kiosk: Kiosk, host: str, port: int, dbname: str, user: str, password: str) -> str:
    """The organiser's hub connection, its password kept in the data dir's private passfile (as a
    paired door's): what the window's "Connect the hub" remembers."""
    if kiosk.data_dir is None:
        raise KioskError("connecting a hub needs a data dir")
    fields = (host, dbname, user)
    if not all(fields) or any(c in v for v in fields for c in " '\\\n") or not 0 < port < 65536:
        raise KioskError("the hub's address, database and login are needed, without spaces or quotes")
    passfile = paths.hub_passfile(kiosk.data_dir)
    pairing = Pairing(host, port, dbname, user, password, "", "")
    files.write_bytes(passfile, _passfile_line(pairing).encode())
    return f"{pairing.conninfo()} passfile='{_quoted(str(passfile))}'"


def try_hub(url: str, *, init: bool = False) -> HubAccess:
    """Connect to ``url`` and read its schema version (``init``: create or upgrade it, as kiosk hub init).
    Raises HubError in one line (wrong password, unreachable, not PostgreSQL)."""
    import psycopg

    from kiosk.adapters.hub import schema
    from kiosk.adapters.hub.connection import HubError, connect, describe, strip_password

    conn = connect(url)
    try:
        current = schema.upgrade(conn)[1] if init else schema.version(conn)
        conn.rollback()
    except psycopg.Error as exc:
        raise HubError(describe(exc, url)) from None
    finally:
        conn.close()
    return HubAccess(strip_password(url), current, schema.LATEST)


def remember_hub(kiosk: Kiosk, url: str) -> None:
    """This kiosk syncs with ``url`` from now on (the window's sync loop and `kiosk sync`)."""
    from kiosk.adapters.hub.connection import strip_password
    from kiosk.store import meta

    with transaction(kiosk.conn):
        meta.put(kiosk.conn, "hub_url", strip_password(url))
