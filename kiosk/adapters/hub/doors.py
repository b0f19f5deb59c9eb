"""Door logins on the hub: each door laptop gets a PostgreSQL role of its own, with a random password,
member of this hub's door group, which may read the evening and write only its own device's rows
(row-level security, hub schema v5). Revoking a door disables its login and ends its sessions; what
it already pushed stays. Run with the organiser's (admin) connection: creating roles takes CREATEROLE."""

from __future__ import annotations

import secrets
import string
from dataclasses import dataclass
from typing import TYPE_CHECKING

from kiosk.adapters.hub.connection import HubError

if TYPE_CHECKING:
    import psycopg

_ALPHABET = string.ascii_letters + string.digits
READS = ("hub_meta", "events", "attendees", "scans", "guest_links", "badge_prints", "devices", "help_calls")
INSERTS = ("attendees", "scans", "guest_links", "badge_prints", "devices", "help_calls")
UPDATES = ("attendees", "devices")


@dataclass(frozen=True)
class DoorLogin:
    name: str
    role: str
    event_id: str
    device_id: str | None  # None until the door's first contact
    created_at: str
    revoked_at: str | None
    last_contact: str | None  # the door's device, as the hub last heard of it

    def to_json(self) -> dict[str, object]:
        return dict(self.__dict__)


def group_role(conn: psycopg.Connection[tuple[object, ...]]) -> str:
    """This hub's door group: named after the hub id, so two hubs on one server never share doors."""
    row = conn.execute("SELECT value FROM hub_meta WHERE key = 'hub_id'").fetchone()
    if row is None:
        raise HubError("the hub has no id: run kiosk hub init first")
    return "kiosk_doors_" + str(row[0]).replace("-", "")[:12]


def ensure_group(conn: psycopg.Connection[tuple[object, ...]]) -> str:
    """The door group exists with exactly what a door needs (safe to run again)."""
    from psycopg import sql

    group = group_role(conn)
    if conn.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (group,)).fetchone() is None:
        conn.execute(sql.SQL("CREATE ROLE {} NOLOGIN").format(sql.Identifier(group)))
    ident = sql.Identifier(group)
    conn.execute(sql.SQL("GRANT CONNECT ON DATABASE {} TO {}").format(
        sql.Identifier(str(conn.info.dbname)), ident))
    conn.execute(sql.SQL("GRANT USAGE ON SCHEMA public TO {}").format(ident))
    conn.execute(sql.SQL("GRANT SELECT ON {} TO {}").format(sql.SQL(", ").join(map(sql.Identifier, READS)), ident))
    conn.execute(sql.SQL("GRANT INSERT ON {} TO {}").format(sql.SQL(", ").join(map(sql.Identifier, INSERTS)), ident))
    conn.execute(sql.SQL("GRANT UPDATE ON {} TO {}").format(sql.SQL(", ").join(map(sql.Identifier, UPDATES)), ident))
    conn.execute(sql.SQL("GRANT USAGE ON SEQUENCE hub_seq TO {}").format(ident))
    return group


def add(conn: psycopg.Connection[tuple[object, ...]], name: str, event_id: str) -> tuple[str, str]:
    """A new login for the door ``name`` of ``event_id``: (role, password). One transaction."""
    import psycopg
    from psycopg import sql

    name = " ".join(name.split())
    if not name or len(name) > 60 or not name.isprintable():
        raise HubError("a door's name is 1 to 60 printable characters")
    try:
        with conn.transaction():
            if conn.execute("SELECT 1 FROM door_logins WHERE name = %s", (name,)).fetchone() is not None:
                raise HubError(f"a door named {name!r} already exists (revoke it first, or choose another name)")
            if conn.execute("SELECT 1 FROM events WHERE id = %s::uuid", (event_id,)).fetchone() is None:
                raise HubError("the hub does not hold this event yet: sync the organiser's kiosk first")
            group = ensure_group(conn)
            role = f"{group.replace('kiosk_doors_', 'kiosk_door_')}_{secrets.token_hex(4)}"
            password = "".join(secrets.choice(_ALPHABET) for _ in range(32))
            conn.execute(sql.SQL("CREATE ROLE {} LOGIN PASSWORD {} IN ROLE {}").format(
                sql.Identifier(role), sql.Literal(password), sql.Identifier(group)))
            conn.execute("INSERT INTO door_logins(role, name, event_id) VALUES (%s, %s, %s::uuid)",
                         (role, name, event_id))
    except psycopg.errors.InsufficientPrivilege:
        raise HubError("this hub login may not create logins for doors (it needs CREATEROLE): "
                       "use the hub's administrator login") from None
    return role, password


def listed(conn: psycopg.Connection[tuple[object, ...]]) -> list[DoorLogin]:
    rows = conn.execute(
        "SELECT l.name, l.role, l.event_id::text, l.device_id::text,"
        " to_char(l.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS'),"
        " to_char(l.revoked_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS'),"
        " to_char(d.last_contact AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS')"
        " FROM door_logins l LEFT JOIN devices d ON d.id = l.device_id ORDER BY l.created_at, l.name").fetchall()
    conn.rollback()
    return [DoorLogin(*(None if v is None else str(v) for v in row)) for row in rows]  # type: ignore[arg-type]


def revoke(conn: psycopg.Connection[tuple[object, ...]], name: str) -> DoorLogin:
    """Disable the door's login and end its open sessions; its past rows stay."""
    from psycopg import sql

    with conn.transaction():
        row = conn.execute("SELECT role FROM door_logins WHERE name = %s", (" ".join(name.split()),)).fetchone()
        if row is None:
            raise HubError(f"no door named {name!r} on this hub (kiosk hub doors lists them)")
        role = str(row[0])
        conn.execute(sql.SQL("ALTER ROLE {} NOLOGIN").format(sql.Identifier(role)))
        conn.execute("UPDATE door_logins SET revoked_at = coalesce(revoked_at, now()) WHERE role = %s", (role,))
    conn.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = %s", (role,))
    conn.rollback()
    return next(d for d in listed(conn) if d.role == role)


def claim_device(conn: psycopg.Connection[tuple[object, ...]], device_id: str) -> None:
    """A door's login is bound to the first device that uses it: a copy of its data dir on another
    laptop (another device id) is refused. Nothing for a login that is not a door's."""
    row = conn.execute("SELECT kiosk_is_door(), kiosk_claim_device(%s::uuid)", (device_id,)).fetchone()
    conn.commit()
    if row is not None and row[0] and row[1] is not None and str(row[1]) != device_id:
        raise HubError("this door's hub login belongs to another laptop: pair this one as a new door")


def is_door(conn: psycopg.Connection[tuple[object, ...]]) -> bool:
    row = conn.execute("SELECT kiosk_is_door()").fetchone()
    conn.rollback()
    return bool(row and row[0])


def waiting(conn: psycopg.Connection[tuple[object, ...]], event_id: str) -> list[str]:
    """Doors of ``event_id`` given a login that has never connected (empty for a login that may not
    read the list: a door's own)."""
    import psycopg

    try:
        rows = conn.execute("SELECT name FROM door_logins WHERE event_id = %s::uuid AND device_id IS NULL"
                            " AND revoked_at IS NULL ORDER BY name", (event_id,)).fetchall()
    except psycopg.errors.InsufficientPrivilege:
        rows = []
    conn.rollback()
    return [str(r[0]) for r in rows]
