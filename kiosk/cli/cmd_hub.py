"""`kiosk hub init|status URL`, `kiosk sync [--hub URL]` and `kiosk join URL`: several kiosks through a PostgreSQL hub.

URL is a libpq connection string (``postgresql://kiosk@10.0.0.2/door?sslmode=require`` or
``host=... dbname=...``). Put the password in ``~/.pgpass`` or ``PGPASSWORD`` rather than in the URL:
kiosk never prints it, and remembers a URL only without it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from kiosk.cli.context import EXIT_USAGE, Context
from kiosk.paths import HUB_ENV

EXIT_OFFLINE = 3  # the hub could not be used; the kiosk keeps working and keeps its queue


def register(sub: Any) -> None:
    hub = sub.add_parser("hub", help="the PostgreSQL hub several kiosks replicate through")
    actions = hub.add_subparsers(dest="action", metavar="ACTION", required=True)
    init = actions.add_parser("init", help="create or upgrade the hub's schema (safe to run again)")
    init.add_argument("url", help="libpq connection string (password: ~/.pgpass or PGPASSWORD)")
    init.add_argument("--json", action="store_true")
    init.set_defaults(handler=_init)
    status = actions.add_parser("status", help="kiosks seen, last contact, what each had queued, clock offset")
    status.add_argument("url", help="libpq connection string")
    status.add_argument("--json", action="store_true")
    status.set_defaults(handler=_status)
    add = actions.add_parser("add-door", help="create a hub login of its own for a new door and print its pairing code")
    add.add_argument("name", help="the door's name, e.g. \"Accueil 2\"")
    add.add_argument("--hub",
                     help=f"the hub's libpq connection string with its administrator login (default: ${HUB_ENV})")
    add.add_argument("--host", help="the hub's address as the doors reach it (default: the one in --hub)")
    add.add_argument("--qr", metavar="FILE", help="also write the pairing QR code to this PNG file")
    add.add_argument("--json", action="store_true")
    add.set_defaults(handler=_add_door)
    listed = actions.add_parser("doors", help="the doors paired on the hub, their state and last contact")
    listed.add_argument("--hub", help=f"the hub's libpq connection string (default: ${HUB_ENV})")
    listed.add_argument("--json", action="store_true")
    listed.set_defaults(handler=_doors)
    revoke = actions.add_parser("revoke-door", help="disable a door's hub login (a laptop lost or gone home)")
    revoke.add_argument("name")
    revoke.add_argument("--hub", help=f"the hub's libpq connection string (default: ${HUB_ENV})")
    revoke.add_argument("--json", action="store_true")
    revoke.set_defaults(handler=_revoke_door)
    sync = sub.add_parser("sync", help="one round with the hub: push this kiosk's scans, pull the others'")
    sync.add_argument("--hub", help=f"libpq connection string (default: ${HUB_ENV}, then the last one used)")
    sync.add_argument("--watch", action="store_true",
                      help="keep syncing: at once when this kiosk stores something or another kiosk pushes "
                      "(LISTEN/NOTIFY), else every 5 s; with auto-print on, also prints the badges a paused "
                      "printer held")
    sync.add_argument("--json", action="store_true")
    sync.set_defaults(handler=_sync)
    join = sub.add_parser("join", help="make this fresh data dir a replica of an event on the hub")
    join.add_argument("url", nargs="?", help="libpq connection string (password: ~/.pgpass or PGPASSWORD)")
    join.add_argument("--pairing", metavar="CODE",
                      help="the pairing code the organiser's 'kiosk hub add-door' printed (- reads it from stdin)")
    join.add_argument("--event", help="event id (needed when the hub holds several)")
    join.add_argument("--fingerprint", metavar="FP",
                      help="the organiser's ticket key fingerprint ('kiosk keys show' on the organiser's machine)")
    join.add_argument("--json", action="store_true")
    join.set_defaults(handler=_join)
    dup = sub.add_parser("duplicates", help="guests admitted at two kiosks while offline (Entrées en double)")
    dup.add_argument("--walk-ins", action="store_true",
                     help="walk-ins registered for one person at two kiosks, to merge or dismiss")
    dup.add_argument("--json", action="store_true")
    dup.set_defaults(handler=_duplicates)


def _init(ctx: Context) -> int:
    from kiosk.adapters.hub import schema
    from kiosk.adapters.hub.connection import HubError, connect, describe, redact

    try:
        conn = connect(ctx.args.url)
        try:
            before, after = schema.upgrade(conn)
        finally:
            conn.close()
    except HubError as exc:
        return _offline(ctx, str(exc))
    except Exception as exc:
        if type(exc).__module__.startswith("psycopg"):
            return _offline(ctx, describe(exc, ctx.args.url))
        raise
    where = redact(ctx.args.url)
    human = (f"Hub schema v{after} at {where} (already up to date)" if before == after
             else f"Hub schema v{before} → v{after} at {where}")
    ctx.emit({"hub": where, "schema_before": before, "schema": after}, human)
    return 0


def _status(ctx: Context) -> int:
    from kiosk.adapters.hub import replica
    from kiosk.adapters.hub.connection import HubError, connect, redact

    try:
        conn = connect(ctx.args.url)
        try:
            found = replica.status(conn)
        finally:
            conn.close()
    except HubError as exc:
        return _offline(ctx, str(exc))
    where = redact(ctx.args.url)
    lines = [ctx.text("hub_status", hub=where, schema=found.schema_version, scans=found.scans,
                      kiosks=len(found.devices))]
    for d in found.devices:
        offset = "?" if d.offset_ms is None else f"{d.offset_ms / 1000:+.1f} s"
        waiting = d.queued + d.queued_guests + d.queued_prints + d.queued_links
        detail = ctx.text("hub_queued_detail", scans=d.queued, guests=d.queued_guests, prints=d.queued_prints,
                          links=d.queued_links) if waiting != d.queued else ""
        lines.append(ctx.text("hub_kiosk", name=d.name, when=d.last_contact, scans=d.scans, queued=waiting,
                              detail=detail, offset=offset, id=d.id[:8]))
        lines.extend(_standing_line(ctx, s) for s in d.events)
        if not d.events:
            lines.append(ctx.text("hub_unreported"))
    payload: dict[str, Any] = {"hub": where, "schema": found.schema_version, "scans": found.scans,
                               "kiosks": [{**d.__dict__, "events": [s.__dict__ for s in d.events]}
                                          for d in found.devices]}
    refused = _local_refusals(ctx)
    if refused is not None:
        from kiosk.domain.messages import refused_message

        payload["refused"] = refused.to_json()
        said = refused_message(refused.total, refused.by_device, ctx.lang)
        if said is not None:
            lines.append(said)
    ctx.emit(payload, "\n".join(lines))
    return 0


def _standing_line(ctx: Context, s: Any) -> str:
    """One kiosk's standing for one event (kiosk.adapters.hub.standing.Standing): up to date, behind, differs."""
    from kiosk.adapters.hub.standing import BEHIND, DIFFERS

    if s.state == DIFFERS:
        missing = s.hub_guests - s.guests
        state = ctx.text("hub_differs", scans=s.scans, expected=s.expected) if s.scans != s.expected or not missing \
            else ctx.text("hub_differs_guests", missing=missing)
    elif s.state == BEHIND:
        parts = [ctx.text("hub_scans_n", n=s.scans_behind)] if s.scans_behind else []
        parts += [ctx.text("hub_guests_n", n=s.guests_behind)] if s.guests_behind else []
        state = ctx.text("hub_behind", what=ctx.text("hub_and").join(parts))
        state += ctx.text("hub_waiting", n=s.waiting) if s.waiting else ""
    else:
        state = ctx.text("hub_up_to_date")
    return ctx.text("hub_event", event=s.event_name, state=state, scans=s.scans, guests=s.guests,
                    hub_scans=s.hub_scans, hub_guests=s.hub_guests)


def _local_refusals(ctx: Context) -> Any:
    """What this kiosk (the data dir's, when it holds one) refused from the hub: quarantined rows by device."""
    from kiosk.paths import database
    from kiosk.service.sync.checks import refusals

    if not database(ctx.data_dir).exists():
        return None
    return refusals(ctx.kiosk())


def _hub_url(ctx: Context) -> str | None:
    from kiosk.service.sync.round import hub_url

    return ctx.args.hub or hub_url(ctx.kiosk())


def _sync(ctx: Context) -> int:
    from kiosk.adapters.hub.connection import HubError, strip_password
    from kiosk.service.sync.round import sync_once
    from kiosk.store import meta, transaction

    url = _hub_url(ctx)
    if not url:
        return ctx.fail(f"no hub: give --hub URL or set ${HUB_ENV}")
    k = ctx.kiosk()
    if ctx.args.watch:
        import sys

        from kiosk.service.sync.watch import watch

        _print_beside(ctx)
        watch(k, url, report=lambda line: print(line, file=sys.stderr if line.startswith("hub") else sys.stdout,
                                                flush=True), on_round=_ready_once())
        return 0
    try:
        summary = sync_once(k, url)
    except HubError as exc:
        _clock_offline(ctx, k)
        return _offline(ctx, str(exc))
    if ctx.args.hub:
        with transaction(k.conn):
            meta.put(k.conn, "hub_url", strip_password(url))
    ctx.emit(summary.__dict__, "\n".join([summary.line(), *sync_warnings(summary, ctx.lang)]))
    return 0


def _ready_once() -> Callable[[object], None]:
    """After the watch's first round it listens to the hub: then, once, paths.say_ready (for tests)."""
    from kiosk.paths import say_ready

    said = False

    def ready(_summary: object) -> None:
        nonlocal said
        if not said:
            said = True
            say_ready()

    return ready


def _print_beside(ctx: Context) -> None:
    """With auto-print on, the watcher beside a door also runs its print queue: badges queued by
    `kiosk checkin` while the printer was paused come out when it is back, with nobody at the kiosk."""
    if not ctx.settings.auto_print:
        return
    from kiosk.adapters.printing import PrinterError
    from kiosk.service.print_runner import PrintRunner

    try:
        PrintRunner(ctx.print_queue()).start()
    except PrinterError as exc:
        ctx.say(f"printing: {exc}")


def sync_warnings(summary: Any, lang: str) -> list[str]:
    """The lines after a round's summary: rows refused from the hub (by device), a clock far off."""
    from kiosk.domain.messages import clock_message, refused_message
    from kiosk.domain.rules import local_timestamp

    lines = []
    refused = refused_message(sum(n for _, _, n in summary.refused_by_device), list(summary.refused_by_device),
                              lang)
    if refused is not None:
        lines.append(refused)
    if summary.clock_off is not None:
        lines.append(clock_message(str(local_timestamp(summary.clock_off))[:16], lang))
    return lines


def _clock_offline(ctx: Context, k: Any) -> None:
    """No hub to compare with: a clock behind what this data dir already recorded is said all the same."""
    from kiosk.domain.messages import clock_message
    from kiosk.domain.rules import format_time, local_timestamp
    from kiosk.service.sync.checks import clock_off, newest_record

    moment = clock_off(k.clock(), None, newest_record(k))
    if moment is not None:
        ctx.say(clock_message(str(local_timestamp(format_time(moment)))[:16], ctx.lang))


def _join(ctx: Context) -> int:
    from kiosk.adapters.hub.connection import HubError
    from kiosk.service.sync.join import join

    try:
        if ctx.args.pairing is not None:
            joined = _join_paired(ctx)
            if joined is None:
                return EXIT_USAGE
        elif ctx.args.url:
            joined = join(ctx.kiosk(), ctx.args.url, ctx.args.event, fingerprint=ctx.args.fingerprint,
                          confirm=_ask_fingerprint(ctx) if not ctx.args.json else None)
        else:
            return ctx.fail("join: give the hub's URL, or --pairing CODE")
    except HubError as exc:
        return _offline(ctx, str(exc))
    ctx.emit(joined.__dict__, ctx.text("joined", name=joined.event_name, event_id=joined.event_id,
                                       guests=joined.guests, scans=joined.scans,
                                       fingerprints=", ".join(joined.fingerprints) or ctx.text("no_key")))
    return 0


def _join_paired(ctx: Context) -> Any:
    import sys

    from kiosk.service.errors import KioskError
    from kiosk.service.pairing import join_paired, read

    text = sys.stdin.read() if ctx.args.pairing == "-" else ctx.args.pairing
    try:
        pairing = read(text)
    except KioskError as exc:
        ctx.fail(ctx.text("pairing_bad", why=str(exc)))
        return None
    return join_paired(ctx.kiosk(), pairing)


def _admin_url(ctx: Context) -> str | None:
    import os

    return ctx.args.hub or os.environ.get(HUB_ENV)


def _add_door(ctx: Context) -> int:
    from kiosk.adapters.hub.connection import HubError
    from kiosk.service.pairing import add_door

    url = _admin_url(ctx)
    if not url:
        return ctx.fail(ctx.text("need_hub_admin", env=HUB_ENV))
    try:
        pairing = add_door(ctx.kiosk(), url, ctx.args.name, host=ctx.args.host)
    except HubError as exc:
        return _offline(ctx, str(exc))
    text = pairing.text()
    if ctx.args.qr:
        _write_qr(text, ctx.args.qr)
        ctx.say(ctx.text("door_qr", path=ctx.args.qr))
    ctx.emit({"door": pairing.door, "role": pairing.user, "event_id": pairing.event_id,
              "fingerprint": pairing.fingerprint, "pairing": text},
             ctx.text("door_added", door=pairing.door, role=pairing.user, text=text))
    return 0


def _write_qr(text: str, path: str) -> None:
    """The pairing as a PNG QR code (private: it holds the door's password)."""
    import io
    from pathlib import Path

    import qrcode

    from kiosk.files import write_bytes

    image = qrcode.make(text, box_size=8, border=4, error_correction=qrcode.constants.ERROR_CORRECT_M)
    out = io.BytesIO()
    image.save(out)
    write_bytes(Path(path), out.getvalue())


def _doors(ctx: Context) -> int:
    from kiosk.adapters.hub.connection import HubError
    from kiosk.service.pairing import listed

    url = _admin_url(ctx)
    if not url:
        return ctx.fail(ctx.text("need_hub_admin", env=HUB_ENV))
    try:
        found = listed(url)
    except HubError as exc:
        return _offline(ctx, str(exc))
    lines = [ctx.text("door_line", name=d.name,
                      state=ctx.text("door_revoked" if d.revoked_at else "door_active" if d.device_id
                                     else "door_waiting"),
                      created=d.created_at, seen=d.last_contact or ctx.text("door_never")) for d in found]
    ctx.emit([d.to_json() for d in found], "\n".join(lines) or ctx.text("doors_none"))
    return 0


def _revoke_door(ctx: Context) -> int:
    from kiosk.adapters.hub.connection import HubError
    from kiosk.service.pairing import revoke

    url = _admin_url(ctx)
    if not url:
        return ctx.fail(ctx.text("need_hub_admin", env=HUB_ENV))
    try:
        door = revoke(url, ctx.args.name)
    except HubError as exc:
        return _offline(ctx, str(exc))
    ctx.emit(door.to_json(), ctx.text("door_revoked_done", name=door.name))
    return 0


def _ask_fingerprint(ctx: Context) -> Callable[[list[str]], bool] | None:
    """On a terminal, the person running join compares the fingerprints with the organiser's."""
    import sys

    if not (sys.stdin.isatty() and sys.stderr.isatty()):
        return None

    def ask(fingerprints: list[str]) -> bool:
        listed = "\n".join(f"  {fp}" for fp in fingerprints)
        sys.stderr.write(f"{ctx.text('join_key_offered')}\n{listed}\n{ctx.text('join_key_same')} ")
        sys.stderr.flush()
        answer = sys.stdin.readline().strip().lower()
        return answer in ("o", "oui", "y", "yes")

    return ask


def _duplicates(ctx: Context) -> int:
    from kiosk.cli.cmd_duplicates import duplicate_entries

    return duplicate_entries(ctx)


def _offline(ctx: Context, message: str) -> int:
    ctx.fail(message)
    return EXIT_OFFLINE
