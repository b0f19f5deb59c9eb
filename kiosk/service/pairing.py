"""Doors paired by a code: the organiser adds a door (a login of its own on the hub, shown as a pairing
code and QR code), the new laptop reads the code and joins the evening with that login, its password
kept in a private passfile in the data dir, the organiser's key fingerprint pinned."""

from __future__ import annotations

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
