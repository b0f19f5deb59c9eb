"""Pushing to and pulling from the hub: plain rows in, plain rows out (no kiosk objects).

Scans are immutable and named by UUID: a push is ``INSERT ... ON CONFLICT DO NOTHING``, so pushing
the same batch twice (a retry after the hub went away mid-push) adds nothing, and the receipt times
returned are those of the first arrival. A pull reads rows in ``seq`` order (see kiosk.adapters.hub.schema).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, cast

from kiosk.adapters.hub.schema import WRITE_LOCK
from kiosk.adapters.hub.standing import HubSide, Standing, judge, parse
from kiosk.domain.merge import MERGED_FIELDS

if TYPE_CHECKING:
    import psycopg

CHANNEL = "kiosk_hub"  # NOTIFY channel: payload is the event id of what changed
_UTC_TEXT = """to_char(received_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')"""
SCAN_FIELDS = (
    "id", "event_id", "attendee_id", "code", "kind", "verdict", "target_id", "device_id", "device_name",
    "staff", "reason", "device_time", "hlc",
)
_UUID_FIELDS = {"id", "event_id", "attendee_id", "target_id", "device_id"}


def push_scans(conn: psycopg.Connection[tuple[object, ...]], rows: Sequence[Sequence[object]]) -> list[tuple[str, str]]:
    """Store scans (SCAN_FIELDS tuples) once; return (id, hub receipt time) for each of them."""
    if not rows:
        return []
    with conn.transaction():
        conn.execute(
            "CREATE TEMP TABLE IF NOT EXISTS incoming_scans ("
            + ", ".join(f"{f} text" for f in SCAN_FIELDS) + ", n serial) ON COMMIT DELETE ROWS"
        )
        with conn.cursor().copy(f"COPY incoming_scans ({', '.join(SCAN_FIELDS)}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)
        # The lock is held to COMMIT: seq order is commit order, so no pull cursor skips these rows.
        conn.execute("SELECT pg_advisory_xact_lock(%s)", (WRITE_LOCK,))
        cast = ", ".join(f"{f}::uuid" if f in _UUID_FIELDS else f for f in SCAN_FIELDS)
        conn.execute(
            f"INSERT INTO scans(seq, {', '.join(SCAN_FIELDS)}) SELECT nextval('hub_seq'), {cast}"
            " FROM (SELECT DISTINCT ON (id) * FROM incoming_scans ORDER BY id, n) i ORDER BY n"
            " ON CONFLICT (id) DO NOTHING"
        )
        receipts = conn.execute(
            f"SELECT s.id::text, {_UTC_TEXT} FROM scans s JOIN incoming_scans i ON s.id = i.id::uuid"
        ).fetchall()
        conn.execute("SELECT pg_notify(%s, 'scans')", (CHANNEL,))
    return [(str(a), str(b)) for a, b in receipts]


@dataclass(frozen=True)
class Pulled:
    rows: list[tuple[object, ...]]  # SCAN_FIELDS + received_at
    cursor: int  # the highest seq read (the next pull starts after it)


def pull_scans(conn: psycopg.Connection[tuple[object, ...]], after: int, limit: int) -> Pulled:
    """Up to ``limit`` scans committed after seq ``after``, in seq (= commit) order."""
    cols = ", ".join(f"{f}::text" if f in _UUID_FIELDS else f for f in SCAN_FIELDS)
    found = conn.execute(
        f"SELECT {cols}, {_UTC_TEXT}, seq FROM scans WHERE seq > %s ORDER BY seq LIMIT %s", (after, limit)
    ).fetchall()
    conn.rollback()  # end the read transaction: a long-lived idle one would hold back VACUUM
    if not found:
        return Pulled([], after)
    return Pulled([tuple(r[:-1]) for r in found], int(str(found[-1][-1])))


def hub_now(conn: psycopg.Connection[tuple[object, ...]]) -> str:
    """The hub's clock now, in the store's time form: what a round measures pulled stamps against."""
    row = conn.execute(f"SELECT {_UTC_TEXT.replace('received_at', 'clock_timestamp()')}").fetchone()
    conn.rollback()
    return str(row[0]) if row else ""


def record_contact(
    conn: psycopg.Connection[tuple[object, ...]], device_id: str, name: str, machine_id: str,
    device_now: str, queued: int, *, queued_guests: int = 0, queued_prints: int = 0, queued_links: int = 0,
    holds: Sequence[dict[str, object]] = (),
) -> int:
    """Note that a kiosk talked to the hub, what it still had queued (scans, guests, badges printed,
    merge decisions) and what it held per event (kiosk.store.sync.holdings); return its clock offset
    from the hub's in ms."""
    from psycopg.types.json import Jsonb

    with conn.transaction():
        row = conn.execute(
            "INSERT INTO devices(id, name, machine_id, offset_ms, queued, queued_guests, queued_prints,"
            " queued_links, holds) VALUES (%s::uuid, %s, %s,"
            " (extract(epoch from %s::timestamptz - clock_timestamp()) * 1000)::bigint, %s, %s, %s, %s, %s)"
            " ON CONFLICT (id) DO UPDATE SET name = excluded.name, machine_id = excluded.machine_id,"
            " last_contact = now(), offset_ms = excluded.offset_ms, queued = excluded.queued,"
            " queued_guests = excluded.queued_guests, queued_prints = excluded.queued_prints,"
            " queued_links = excluded.queued_links, holds = excluded.holds RETURNING offset_ms",
            (device_id, name, machine_id, device_now, queued, queued_guests, queued_prints, queued_links,
             Jsonb(list(holds))),
        ).fetchone()
    return int(str(row[0])) if row and row[0] is not None else 0


@dataclass(frozen=True)
class DeviceSeen:
    id: str
    name: str
    last_contact: str
    offset_ms: int | None
    queued: int
    scans: int
    queued_guests: int = 0
    queued_prints: int = 0
    queued_links: int = 0
    events: tuple[Standing, ...] = ()  # what it held per event against the hub (empty: never said)


@dataclass(frozen=True)
class HubStatus:
    schema_version: int
    hub_id: str
    scans: int
    devices: list[DeviceSeen]


def status(conn: psycopg.Connection[tuple[object, ...]]) -> HubStatus:
    from kiosk.adapters.hub import schema

    version = schema.version(conn)
    hub_id_row = conn.execute("SELECT value FROM hub_meta WHERE key = 'hub_id'").fetchone()
    total = conn.execute("SELECT count(*) FROM scans").fetchone()
    rows = conn.execute(
        "SELECT d.id::text, d.name, to_char(d.last_contact AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS'),"
        " d.offset_ms, d.queued, (SELECT count(*) FROM scans s WHERE s.device_id = d.id),"
        " d.queued_guests, d.queued_prints, d.queued_links, d.holds"
        " FROM devices d ORDER BY d.last_contact DESC"
    ).fetchall()
    seen = [DeviceSeen(str(r[0]), str(r[1]), str(r[2]), None if r[3] is None else int(str(r[3])),
                       int(str(r[4])), int(str(r[5])), int(str(r[6])), int(str(r[7])), int(str(r[8])),
                       _standings(conn, str(r[0]), r[9])) for r in rows]
    conn.rollback()
    return HubStatus(version, str(hub_id_row[0]) if hub_id_row else "", int(str(total[0])) if total else 0, seen)


_ID_BITS = "('x' || substr(id::text, 1, 8))::bit(32)::bigint"  # as kiosk.store.sync.id_bits reads an id


def _standings(conn: psycopg.Connection[tuple[object, ...]], device_id: str, holds: object) -> tuple[Standing, ...]:
    """What a kiosk said it held at its last contact, per event, against what the hub holds by its cursors."""
    found: list[Standing] = []
    for entry in holds if isinstance(holds, list) else []:
        reported = parse(entry)
        if reported is None:
            continue
        mine = "(seq <= %(cursor)s OR device_id = %(device)s::uuid)"
        args = {"cursor": reported.scan_cursor, "device": device_id, "event": reported.event_id,
                "guests": reported.guest_cursor}
        scans = conn.execute(
            f"SELECT count(*) FILTER (WHERE {mine}), coalesce(sum({_ID_BITS}) FILTER (WHERE {mine}), 0),"
            " count(*) FILTER (WHERE NOT " + mine + "), count(*) FROM scans WHERE event_id = %(event)s::uuid",
            args).fetchone()
        guests = conn.execute("SELECT count(*), count(*) FILTER (WHERE seq > %(guests)s) FROM attendees"
                              " WHERE event_id = %(event)s::uuid", args).fetchone()
        name = conn.execute("SELECT body->>'name' FROM events WHERE id = %(event)s::uuid", args).fetchone()
        assert scans is not None and guests is not None
        hub = HubSide(*(int(str(v)) for v in scans), *(int(str(v)) for v in guests))
        found.append(judge(reported, hub, str(name[0]) if name and name[0] is not None else reported.event_id))
    return tuple(found)


def last_contacts(conn: psycopg.Connection[tuple[object, ...]]) -> list[tuple[str, str, str]]:
    """(device id, name, last contact UTC ISO-8601) of every kiosk that ever synced (the heartbeat)."""
    rows = conn.execute(
        "SELECT id::text, name, to_char(last_contact AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"')"
        " FROM devices ORDER BY name").fetchall()
    conn.rollback()
    return [(str(a), str(b), str(c)) for a, b, c in rows]


# --- guest links (merge decisions) and badges printed: immutable rows, pushed once, pulled by seq ----
LINK_FIELDS = ("id", "event_id", "kind", "keep_id", "other_id", "device_id", "device_name", "made_at", "hlc")
PRINT_FIELDS = ("id", "event_id", "attendee_id", "device_id", "device_name", "printed_at")
HELP_FIELDS = ("id", "event_id", "kind", "call_id", "device_id", "device_name", "at", "staff")
_ROW_UUIDS = {"id", "event_id", "keep_id", "other_id", "device_id", "attendee_id", "call_id"}


def _push_facts(conn: psycopg.Connection[tuple[object, ...]], table: str, fields: Sequence[str],
                rows: Sequence[Sequence[object]]) -> list[tuple[str, str]]:
    """Store immutable rows once (``table`` is one of this module's, never input); (id, receipt) each."""
    if not rows:
        return []
    cols = ", ".join(fields)
    marks = ", ".join("%s::uuid" if f in _ROW_UUIDS else "%s" for f in fields)
    with conn.transaction():
        conn.execute("SELECT pg_advisory_xact_lock(%s)", (WRITE_LOCK,))
        with conn.cursor() as cur:
            cur.executemany(f"INSERT INTO {table}(seq, {cols}) VALUES (nextval('hub_seq'), {marks})"
                            " ON CONFLICT (id) DO NOTHING", [tuple(r) for r in rows])
        receipts = conn.execute(f"SELECT id::text, {_UTC_TEXT} FROM {table} WHERE id = ANY(%s::uuid[])",
                                ([str(r[0]) for r in rows],)).fetchall()
        conn.execute("SELECT pg_notify(%s, %s)", (CHANNEL, table))
    return [(str(a), str(b)) for a, b in receipts]


def _pull_facts(conn: psycopg.Connection[tuple[object, ...]], table: str, fields: Sequence[str], after: int,
                limit: int, event_ids: Sequence[str]) -> Pulled:
    cols = ", ".join(f"{f}::text" if f in _ROW_UUIDS else f for f in fields)
    found = conn.execute(
        f"SELECT {cols}, {_UTC_TEXT}, seq FROM {table} WHERE seq > %s AND event_id = ANY(%s::uuid[])"
        " ORDER BY seq LIMIT %s", (after, list(event_ids), limit)).fetchall()
    conn.rollback()
    if not found:
        return Pulled([], after)
    return Pulled([tuple(r[:-1]) for r in found], int(str(found[-1][-1])))


def push_links(conn: psycopg.Connection[tuple[object, ...]],
               rows: Sequence[Sequence[object]]) -> list[tuple[str, str]]:
    return _push_facts(conn, "guest_links", LINK_FIELDS, rows)


def pull_links(conn: psycopg.Connection[tuple[object, ...]], after: int, limit: int,
               event_ids: Sequence[str]) -> Pulled:
    return _pull_facts(conn, "guest_links", LINK_FIELDS, after, limit, event_ids)


def push_prints(conn: psycopg.Connection[tuple[object, ...]],
                rows: Sequence[Sequence[object]]) -> list[tuple[str, str]]:
    return _push_facts(conn, "badge_prints", PRINT_FIELDS, rows)


def pull_prints(conn: psycopg.Connection[tuple[object, ...]], after: int, limit: int,
                event_ids: Sequence[str]) -> Pulled:
    return _pull_facts(conn, "badge_prints", PRINT_FIELDS, after, limit, event_ids)


def push_help_calls(conn: psycopg.Connection[tuple[object, ...]],
                    rows: Sequence[Sequence[object]]) -> list[tuple[str, str]]:
    return _push_facts(conn, "help_calls", HELP_FIELDS, rows)


def pull_help_calls(conn: psycopg.Connection[tuple[object, ...]], after: int, limit: int,
                    event_ids: Sequence[str]) -> Pulled:
    return _pull_facts(conn, "help_calls", HELP_FIELDS, after, limit, event_ids)


# --- guests and events -----------------------------------------------------------------
def push_guests(conn: psycopg.Connection[tuple[object, ...]], records: Sequence[dict[str, object]],
                horizon: str = "9999") -> int:
    """Merge guests (wire dicts: id, event_id, fields, source, source_device, created_at) into the hub's
    copies, field by field (kiosk.domain.merge); a guest whose merge changes nothing keeps its seq.
    A field of the hub's copy that fails kiosk.domain.pulled (malformed, or stamped after ``horizon``:
    written by hand or by a clock far ahead) takes no part in the merge, so the push heals it instead
    of losing to it forever. Returns how many changed."""
    from psycopg.types.json import Jsonb

    from kiosk.domain import authority
    from kiosk.domain.merge import is_provisional, merge_records, versions, wire
    from kiosk.domain.pulled import guest_fields

    if not records:
        return 0
    ids = [str(r["id"]) for r in records]
    changed: list[tuple[str, str, Jsonb]] = []
    with conn.transaction():
        conn.execute("SELECT pg_advisory_xact_lock(%s)", (WRITE_LOCK,))
        organisers: dict[str, Any] = {}
        keys: dict[str, list[Any]] = {}
        for event_id, organiser_device, pem in conn.execute(
                "SELECT id::text, body->>'organiser_device', public_keys FROM events WHERE id = ANY(%s::uuid[])",
                (sorted({str(r["event_id"]) for r in records}),)).fetchall():
            organisers[str(event_id)] = organiser_device
            keys[str(event_id)] = authority.parse_keys(str(pem))
        existing: dict[str, Any] = dict(conn.execute(  # type: ignore[arg-type]
            "SELECT id::text, fields FROM attendees WHERE id = ANY(%s::uuid[])", (ids,)).fetchall())
        for r in records:
            organiser = organisers.get(str(r["event_id"]))
            incoming: dict[str, Any] = dict(r)
            old = existing.get(str(r["id"]))
            trusted = keys.get(str(r["event_id"])) or []
            if trusted:  # a status signed by no key of the event's (written here by hand) takes no part
                incoming = _verified_status(incoming, trusted)
                old = None if old is None else _verified_status(old, trusted)
            if old is not None:
                held = old.get("fields") if isinstance(old, dict) else None
                sound, _problems = guest_fields(held if isinstance(held, dict) else {}, horizon)
                merged = wire(merge_records(versions(sound, organiser), versions(incoming["fields"], organiser)))
                if merged == held:
                    continue
                # A door's provisional guest (from a ticket) takes the organiser's source and dates.
                keep = incoming if not isinstance(old, dict) or (
                    is_provisional(sound) and not is_provisional(incoming["fields"])) else old
                incoming = {**keep, "fields": merged}
            changed.append((str(r["id"]), str(r["event_id"]), Jsonb(incoming)))
            existing[str(r["id"])] = incoming
        if changed:
            with conn.cursor() as cur:
                cur.executemany(
                    "INSERT INTO attendees(id, event_id, seq, fields)"
                    " VALUES (%s::uuid, %s::uuid, nextval('hub_seq'), %s)"
                    " ON CONFLICT (id) DO UPDATE SET fields = excluded.fields, seq = excluded.seq",
                    changed,
                )
            conn.execute("SELECT pg_notify(%s, 'guests')", (CHANNEL,))
    return len(changed)


def _verified_status(record: dict[str, Any], trusted: Sequence[Any]) -> dict[str, Any]:
    """A guest's wire record without a status signature that ``trusted`` keys do not verify."""
    from kiosk.domain import authority

    fields = record.get("fields") or {}
    status = fields.get("status")
    if not isinstance(status, list) or len(status) < 4 or authority.status_verifies(
            str(record.get("event_id")), str(record.get("id")), status, trusted):
        return record
    return {**record, "fields": {f: v for f, v in fields.items() if f != "status"}}


_GUEST_COLUMNS = ", ".join(
    [f"fields->>'{k}'" for k in ("id", "event_id", "source", "source_device", "created_at")]
    + [f"fields#>>'{{fields,{f},{i}}}'" for f in MERGED_FIELDS for i in range(3)]
    + ["fields#>>'{fields,status,3}'"])  # the organiser's signature of the status (kiosk.domain.authority)


def pull_guest_rows(conn: psycopg.Connection[tuple[object, ...]], after: int, limit: int,
                    event_ids: Sequence[str]) -> tuple[list[tuple[str | None, ...]], int]:
    """Up to ``limit`` guests changed after seq ``after`` as flat text rows: id, event_id, source,
    source_device, created_at, then value, stamp, device of each of MERGED_FIELDS (NULLs for a field the
    document lacks), then the status's signature (NULL when unsigned). Taken apart by the hub:
    decoding 100,000 JSON documents in Python took 3x longer.
    The page's seqs are chosen first, so the hub sorts numbers, not documents."""
    found = conn.execute(
        f"SELECT {_GUEST_COLUMNS}, seq FROM attendees WHERE seq IN (SELECT seq FROM attendees WHERE seq > %s"
        " AND event_id = ANY(%s::uuid[]) ORDER BY seq LIMIT %s) ORDER BY seq",
        (after, list(event_ids), limit),
    ).fetchall()
    conn.rollback()
    if not found:
        return [], after
    rows = cast(list[tuple[str | None, ...]], [r[:-1] for r in found])  # ->> gives text or NULL
    return rows, int(str(found[-1][-1]))


def guest_record(row: Sequence[str | None]) -> dict[str, object]:
    """A row of :func:`pull_guest_rows` in the wire form (id, event_id, fields, source, source_device,
    created_at) that merges take."""
    fields = {f: [row[5 + 3 * i], row[6 + 3 * i], row[7 + 3 * i]] for i, f in enumerate(MERGED_FIELDS)
              if row[6 + 3 * i] is not None}
    signature = row[5 + 3 * len(MERGED_FIELDS)] if len(row) > 5 + 3 * len(MERGED_FIELDS) else None
    if signature and "status" in fields:
        fields["status"].append(signature)
    return {"id": row[0], "event_id": row[1], "fields": fields, "source": row[2], "source_device": row[3],
            "created_at": row[4]}


def push_event(conn: psycopg.Connection[tuple[object, ...]], body: dict[str, object], public_keys: str,
               key_signatures: Sequence[str] = (), horizon: str = "9999") -> str:
    """Publish an event; the first device to push it is its organiser. Later pushes merge their
    fields into the hub's copy field by field (kiosk.domain.merge.merge_event_wires, signatures
    kept with the versions they sign): the hub's row changes, and gets a new seq, only when the merge
    changes something. A field of the hub's copy that fails its check (kiosk.domain.pulled) takes no
    part (healed here). The public keys are replaced only by a key set signed with a key the hub
    already holds (a rotation), or set by the organiser when there are none. Kiosks check all of it
    again against the key they pinned: the hub is a convenience, not the authority. Returns the
    organiser device."""
    from psycopg.types.json import Jsonb

    from kiosk.domain import authority
    from kiosk.domain.merge import event_body, event_from_values, merge_event_wires
    from kiosk.domain.pulled import event as event_checked

    with conn.transaction():
        conn.execute("SELECT pg_advisory_xact_lock(%s)", (WRITE_LOCK,))
        row = conn.execute("SELECT body, public_keys FROM events WHERE id = %s::uuid", (body["id"],)).fetchone()
        if row is None:
            first = {**body, "key_signatures": list(key_signatures)}
            conn.execute("INSERT INTO events(id, seq, body, public_keys) VALUES (%s::uuid, nextval('hub_seq'), %s, %s)",
                         (body["id"], Jsonb(first), public_keys))
            conn.execute("SELECT pg_notify(%s, 'events')", (CHANNEL,))
            return str(body["organiser_device"])
        old: dict[str, Any] = dict(row[0])  # type: ignore[call-overload]
        organiser = str(old.get("organiser_device"))
        keys = str(row[1])
        if public_keys and public_keys != keys and _may_replace_keys(str(body["id"]), keys, public_keys,
                                                                     key_signatures, body, organiser):
            keys = public_keys
        incoming: Any = body.get("fields") or {}
        # A field of the hub's copy that fails its check (kiosk.domain.pulled) takes no part: healed here.
        sound, _problems = event_checked({**old, "id": body["id"], "organiser_device": body["organiser_device"]},
                                         horizon)
        held: Any = sound or {}
        trusted = authority.parse_keys(keys)
        if trusted:  # a signed event: what its keys did not sign (written here by hand) takes no part
            held, incoming = (authority.signed_fields(str(body["id"]), f, trusted)[0] for f in (held, incoming))
        merged = merge_event_wires(held, incoming)
        event = event_from_values(str(body["id"]), {f: v[0] for f, v in merged.items()})
        new = event_body(event, organiser, merged) if merged else old
        new = {**new, "key_signatures": list(key_signatures) if keys == public_keys else old.get("key_signatures", [])}
        if new != old or keys != row[1]:
            conn.execute("UPDATE events SET body = %s, public_keys = %s, seq = nextval('hub_seq') WHERE id = %s::uuid",
                         (Jsonb(new), keys, body["id"]))
            conn.execute("SELECT pg_notify(%s, 'events')", (CHANNEL,))
        return organiser


def _may_replace_keys(event_id: str, held: str, offered: str, signatures: Sequence[str],
                      body: dict[str, object], organiser: str) -> bool:
    """A new key set is taken when one of the keys held signed it; with none held, from the organiser."""
    from kiosk.domain import authority

    trusted = authority.parse_keys(held)
    if not trusted:
        return str(body["organiser_device"]) == organiser
    statement = authority.key_set(event_id, authority.parse_keys(offered))
    return any(authority.verifies(s, statement, trusted) for s in signatures)


def events(
    conn: psycopg.Connection[tuple[object, ...]], after: int = 0
) -> tuple[list[tuple[dict[str, object], str]], int]:
    """(event body, public keys PEM) of events changed after ``after``, and the new cursor."""
    found = conn.execute("SELECT body, public_keys, seq FROM events WHERE seq > %s ORDER BY seq", (after,)).fetchall()
    conn.rollback()
    if not found:
        return [], after
    return [(dict(r[0]), str(r[1])) for r in found], int(str(found[-1][2]))  # type: ignore[call-overload]


class Listener:
    """A connection of its own that LISTENs on CHANNEL: ``wait`` returns when another kiosk pushed
    something, or after ``timeout`` seconds. psycopg errors (the hub went away) propagate."""

    def __init__(self, url: str) -> None:
        from kiosk.adapters.hub.connection import connect

        self.conn = connect(url, autocommit=True)
        self.conn.execute(f"LISTEN {CHANNEL}")

    def wait(self, timeout: float) -> bool:
        """Block at most ``timeout`` seconds (on the socket: no busy loop); True when a NOTIFY came."""
        heard = False
        for _ in self.conn.notifies(timeout=timeout, stop_after=1):
            heard = True
        return heard

    def close(self) -> None:
        import contextlib

        with contextlib.suppress(Exception):
            self.conn.close()


def doors_seen(conn: psycopg.Connection[tuple[object, ...]], event_id: str) -> list[tuple[str, str, float, int | None]]:
    """(device id, name, seconds since its last contact by the hub's clock, clock offset ms) of each kiosk
    that said it holds ``event_id`` at its last contact: the doors of that evening, for the readiness check."""
    rows = conn.execute(
        "SELECT id::text, name, extract(epoch FROM clock_timestamp() - last_contact)::float8, offset_ms, holds"
        " FROM devices ORDER BY name").fetchall()
    conn.rollback()
    found = []
    for device, name, ago, offset, holds in rows:
        held = [parse(h) for h in holds] if isinstance(holds, list) else []
        if any(h is not None and h.event_id == event_id for h in held):
            found.append((str(device), str(name), float(str(ago)), None if offset is None else int(str(offset))))
    return found
