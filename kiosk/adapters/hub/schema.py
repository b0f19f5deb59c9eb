"""The hub's schema: versioned, each version applied once in its own transaction.

``hub init`` brings a database up to ``LATEST`` (idempotent); kiosks refuse a hub that is older
(with the command that upgrades it) or newer (upgrade kiosk) than they speak.

Pull order. Every row a kiosk can pull carries ``seq``, taken from one sequence by a transaction
that holds the hub's write lock (``pg_advisory_xact_lock``) until it commits. So seq order is commit
order: a reader that sees seq N has seen every committed row below N, and its cursor (the highest
seq pulled) never passes a row still to commit. A plain sequence without the lock would let a
slower transaction commit seq 5 after a reader took 6 and moved past it.
"""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING

from kiosk.adapters.hub.connection import HubError

if TYPE_CHECKING:
    import psycopg

WRITE_LOCK = 0x6B696F736B  # "kiosk": the advisory lock every writer of pullable rows takes

MIGRATIONS: tuple[str, ...] = (
    # v1: the scan log and the kiosks seen
    """
    CREATE TABLE hub_meta (key text PRIMARY KEY, value text NOT NULL);
    CREATE SEQUENCE hub_seq;
    CREATE TABLE scans (
        id           uuid PRIMARY KEY,
        seq          bigint NOT NULL UNIQUE,
        event_id     uuid NOT NULL,
        attendee_id  uuid,
        code         text NOT NULL,
        kind         text NOT NULL,
        verdict      text NOT NULL,
        target_id    uuid,
        device_id    uuid NOT NULL,
        device_name  text NOT NULL,
        staff        text,
        reason       text,
        device_time  text NOT NULL,
        hlc          text NOT NULL,
        received_at  timestamptz NOT NULL DEFAULT clock_timestamp()
    );
    CREATE INDEX scans_event_seq ON scans(event_id, seq);
    CREATE TABLE devices (
        id            uuid PRIMARY KEY,
        name          text NOT NULL,
        machine_id    text,
        first_seen    timestamptz NOT NULL DEFAULT now(),
        last_contact  timestamptz NOT NULL DEFAULT now(),
        offset_ms     bigint,          -- device clock minus hub clock at the last contact
        queued        integer NOT NULL DEFAULT 0   -- what it still had to push then
    );
    """,
    # v2: events and guests, merged field by field (kiosk.domain.merge)
    """
    CREATE TABLE events (
        id           uuid PRIMARY KEY,
        seq          bigint NOT NULL,
        body         jsonb NOT NULL,     -- the event row, workshops and categories
        public_keys  text NOT NULL DEFAULT ''   -- PEM public keys only: kiosks verify, never sign
    );
    CREATE TABLE attendees (
        id        uuid PRIMARY KEY,
        event_id  uuid NOT NULL,
        seq       bigint NOT NULL UNIQUE,
        fields    jsonb NOT NULL         -- {field: [value, hlc, device, organiser]}
    );
    CREATE INDEX attendees_event_seq ON attendees(event_id, seq);
    """,
    # v3 (self-contained: safe whatever step comes before it): staff decisions about two guest records
    # (merge / distinct), badges printed at each kiosk, and what each kiosk still had queued by kind
    """
    CREATE TABLE IF NOT EXISTS guest_links (
        id           uuid PRIMARY KEY,
        seq          bigint NOT NULL UNIQUE,
        event_id     uuid NOT NULL,
        kind         text NOT NULL,
        keep_id      uuid NOT NULL,
        other_id     uuid NOT NULL,
        device_id    uuid NOT NULL,
        device_name  text NOT NULL,
        made_at      text NOT NULL,
        hlc          text NOT NULL,
        received_at  timestamptz NOT NULL DEFAULT clock_timestamp()
    );
    CREATE INDEX IF NOT EXISTS guest_links_event_seq ON guest_links(event_id, seq);
    CREATE TABLE IF NOT EXISTS badge_prints (
        id           uuid PRIMARY KEY,
        seq          bigint NOT NULL UNIQUE,
        event_id     uuid NOT NULL,
        attendee_id  uuid NOT NULL,
        device_id    uuid NOT NULL,
        device_name  text NOT NULL,
        printed_at   text NOT NULL,
        received_at  timestamptz NOT NULL DEFAULT clock_timestamp()
    );
    CREATE INDEX IF NOT EXISTS badge_prints_event_seq ON badge_prints(event_id, seq);
    ALTER TABLE devices ADD COLUMN IF NOT EXISTS queued_guests integer NOT NULL DEFAULT 0;
    ALTER TABLE devices ADD COLUMN IF NOT EXISTS queued_prints integer NOT NULL DEFAULT 0;
    ALTER TABLE devices ADD COLUMN IF NOT EXISTS queued_links integer NOT NULL DEFAULT 0;
    """,
    # v4 (self-contained): what each kiosk held at its last contact, per event (scans the hub knows, their
    # digest, pull cursors, guests: kiosk.store.sync.holdings), so `hub status` says who lags or differs
    """
    ALTER TABLE devices ADD COLUMN IF NOT EXISTS holds jsonb NOT NULL DEFAULT '[]';
    """,
    # v5 (self-contained): doors paired with a login of their own (kiosk.adapters.hub.doors). A door's
    # PostgreSQL role reads its evening and writes only its own device's rows (row-level security); every
    # other login (the owner, an older shared login) is as before. (SELECT f()) is computed once a query.
    """
    CREATE TABLE IF NOT EXISTS door_logins (
        role        text PRIMARY KEY,
        name        text NOT NULL UNIQUE,
        event_id    uuid NOT NULL,
        device_id   uuid,               -- claimed by the door at its first contact
        created_at  timestamptz NOT NULL DEFAULT now(),
        revoked_at  timestamptz
    );
    CREATE OR REPLACE FUNCTION kiosk_is_door() RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER
        SET search_path = pg_catalog, public
        AS $$ SELECT EXISTS (SELECT 1 FROM door_logins WHERE role = session_user) $$;
    CREATE OR REPLACE FUNCTION kiosk_door_event() RETURNS uuid LANGUAGE sql STABLE SECURITY DEFINER
        SET search_path = pg_catalog, public
        AS $$ SELECT event_id FROM door_logins WHERE role = session_user AND revoked_at IS NULL $$;
    CREATE OR REPLACE FUNCTION kiosk_door_device() RETURNS uuid LANGUAGE sql STABLE SECURITY DEFINER
        SET search_path = pg_catalog, public
        AS $$ SELECT device_id FROM door_logins WHERE role = session_user AND revoked_at IS NULL $$;
    CREATE OR REPLACE FUNCTION kiosk_claim_device(wanted uuid) RETURNS uuid
        LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, public
        AS $$
            UPDATE door_logins SET device_id = wanted
             WHERE role = session_user AND device_id IS NULL AND revoked_at IS NULL;
            SELECT device_id FROM door_logins WHERE role = session_user;
        $$;
    DO $$
    DECLARE t text;
    BEGIN
        FOREACH t IN ARRAY ARRAY['events', 'attendees', 'scans', 'guest_links', 'badge_prints', 'devices'] LOOP
            EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
            EXECUTE format('DROP POLICY IF EXISTS not_a_door ON %I', t);
            EXECUTE format('CREATE POLICY not_a_door ON %I USING (NOT (SELECT kiosk_is_door()))'
                           ' WITH CHECK (NOT (SELECT kiosk_is_door()))', t);
        END LOOP;
        FOREACH t IN ARRAY ARRAY['scans', 'guest_links', 'badge_prints'] LOOP
            EXECUTE format('DROP POLICY IF EXISTS door_reads ON %I', t);
            EXECUTE format('CREATE POLICY door_reads ON %I FOR SELECT'
                           ' USING (event_id = (SELECT kiosk_door_event()))', t);
            EXECUTE format('DROP POLICY IF EXISTS door_writes_its_own ON %I', t);
            EXECUTE format('CREATE POLICY door_writes_its_own ON %I FOR INSERT WITH CHECK'
                           ' (device_id = (SELECT kiosk_door_device()) AND event_id = (SELECT kiosk_door_event()))', t);
        END LOOP;
    END $$;
    DROP POLICY IF EXISTS door_reads ON events;
    CREATE POLICY door_reads ON events FOR SELECT USING (id = (SELECT kiosk_door_event()));
    DROP POLICY IF EXISTS door_guests ON attendees;
    CREATE POLICY door_guests ON attendees USING (event_id = (SELECT kiosk_door_event()))
        WITH CHECK (event_id = (SELECT kiosk_door_event()));
    DROP POLICY IF EXISTS door_reads ON devices;
    CREATE POLICY door_reads ON devices FOR SELECT USING (true);
    DROP POLICY IF EXISTS door_own_device ON devices;
    CREATE POLICY door_own_device ON devices FOR INSERT WITH CHECK (id = (SELECT kiosk_door_device()));
    DROP POLICY IF EXISTS door_own_device_update ON devices;
    CREATE POLICY door_own_device_update ON devices FOR UPDATE USING (id = (SELECT kiosk_door_device()))
        WITH CHECK (id = (SELECT kiosk_door_device()));
    """,
    # v6 (self-contained): calls for help from a walk-in screen and their answers (immutable, pulled by seq)
    """
    CREATE TABLE IF NOT EXISTS help_calls (
        id           uuid PRIMARY KEY,
        seq          bigint NOT NULL UNIQUE,
        event_id     uuid NOT NULL,
        kind         text NOT NULL,
        call_id      uuid NOT NULL,
        device_id    uuid NOT NULL,
        device_name  text NOT NULL,
        at           text NOT NULL,
        staff        text,
        received_at  timestamptz NOT NULL DEFAULT clock_timestamp()
    );
    CREATE INDEX IF NOT EXISTS help_calls_event_seq ON help_calls(event_id, seq);
    ALTER TABLE help_calls ENABLE ROW LEVEL SECURITY;
    DROP POLICY IF EXISTS not_a_door ON help_calls;
    CREATE POLICY not_a_door ON help_calls USING (NOT (SELECT kiosk_is_door()))
        WITH CHECK (NOT (SELECT kiosk_is_door()));
    DROP POLICY IF EXISTS door_reads ON help_calls;
    CREATE POLICY door_reads ON help_calls FOR SELECT USING (event_id = (SELECT kiosk_door_event()));
    DROP POLICY IF EXISTS door_writes_its_own ON help_calls;
    CREATE POLICY door_writes_its_own ON help_calls FOR INSERT
        WITH CHECK (device_id = (SELECT kiosk_door_device()) AND event_id = (SELECT kiosk_door_event()));
    """,
)
LATEST = len(MIGRATIONS)


def version(conn: psycopg.Connection[tuple[object, ...]]) -> int:
    """The hub's schema version; 0 for an empty database."""
    row = conn.execute("SELECT to_regclass('hub_meta') IS NOT NULL").fetchone()
    if not row or not row[0]:
        return 0
    found = conn.execute("SELECT value FROM hub_meta WHERE key = 'schema_version'").fetchone()
    return int(str(found[0])) if found else 0


def upgrade(conn: psycopg.Connection[tuple[object, ...]], target: int = LATEST) -> tuple[int, int]:
    """Apply the missing versions up to ``target``; return (before, after). Safe to run twice, and
    by two organisers at once (the write lock serialises them)."""
    with conn.transaction():
        conn.execute("SELECT pg_advisory_xact_lock(%s)", (WRITE_LOCK,))
        before = version(conn)
        if before > LATEST:
            raise HubError(f"hub schema v{before} is newer than this kiosk (v{LATEST}): upgrade kiosk")
        for number in range(before + 1, target + 1):
            conn.execute(MIGRATIONS[number - 1].encode())
            conn.execute(
                "INSERT INTO hub_meta(key, value) VALUES ('schema_version', %s)"
                " ON CONFLICT (key) DO UPDATE SET value = excluded.value", (str(number),),
            )
        conn.execute(
            "INSERT INTO hub_meta(key, value) VALUES ('hub_id', %s) ON CONFLICT (key) DO NOTHING",
            (str(uuid.uuid4()),),
        )
    return before, max(before, target)


def check(conn: psycopg.Connection[tuple[object, ...]], url_shown: str) -> str:
    """The hub's id if its schema is the one this kiosk speaks, else HubError saying what to run."""
    current = version(conn)
    conn.rollback()
    if current == 0:
        raise HubError(f"no kiosk hub at {url_shown}: run `kiosk hub init URL` on the organiser's machine")
    if current < LATEST:
        raise HubError(f"hub schema v{current} is older than this kiosk (v{LATEST}): run `kiosk hub init URL`")
    if current > LATEST:
        raise HubError(f"hub schema v{current} is newer than this kiosk (v{LATEST}): upgrade kiosk")
    row = conn.execute("SELECT value FROM hub_meta WHERE key = 'hub_id'").fetchone()
    conn.rollback()
    return str(row[0]) if row else ""
