"""`kiosk event create|edit|show|list|use` and `kiosk demo`."""

from __future__ import annotations

from typing import Any

from kiosk.cli.context import Context, UsageError


def register(sub: Any) -> None:
    event = sub.add_parser("event", help="create or show the event of this data dir")
    actions = event.add_subparsers(dest="action", metavar="ACTION", required=True)
    create = actions.add_parser("create", help="create the event (it becomes the active one)")
    create.add_argument("--name", required=True)
    create.add_argument("--starts", help="start, ISO 8601 (2026-11-30T18:00+01:00)")
    create.add_argument("--venue")
    create.add_argument("--capacity", type=int, help="how many people the venue holds")
    create.add_argument("--workshop", action="append", default=[], metavar="NAME[:CAPACITY]")
    create.add_argument("--category", action="append", default=[], metavar="NAME[:#COLOUR]")
    create.add_argument("--tagline")
    create.add_argument("--privacy-notice", metavar="TEXT",
                        help="who processes walk-ins' data, why and for how long (shown beside the consent box)")
    create.add_argument("--retention", metavar="PERIOD",
                        help="how long guests' data is kept after the event: 90d, 12w, 3m (default 3m)")
    create.add_argument("--case-sensitive-codes", action="store_true",
                        help="ticket codes differ by case (default: matched case-insensitively)")
    create.add_argument("--json", action="store_true")
    create.set_defaults(handler=_create)
    edit = actions.add_parser("edit", help="change the active event (each field stamped, merged through the hub)")
    for option in ("--name", "--starts", "--venue", "--capacity", "--tagline", "--privacy-notice"):
        edit.add_argument(option, metavar="TEXT", help="new value ('' clears it, the name excepted)")
    edit.add_argument("--retention", metavar="PERIOD",
                      help="how long guests' data is kept after the event: 90d, 12w, 3m (default 3m)")
    edit.add_argument("--workshop", action="append", default=[], metavar="NAME[:CAPACITY]", help="add or change")
    edit.add_argument("--category", action="append", default=[], metavar="NAME[:#COLOUR]", help="add or change")
    edit.add_argument("--remove", action="append", default=[], metavar="NAME", help="drop a workshop or category")
    edit.add_argument("--json", action="store_true")
    edit.set_defaults(handler=_edit)
    show = actions.add_parser("show", help="show the active event")
    show.add_argument("--json", action="store_true")
    show.set_defaults(handler=_show)
    listing = actions.add_parser("list", help="the events of this data dir (* marks the active one)")
    listing.add_argument("--json", action="store_true")
    listing.set_defaults(handler=_list)
    use = actions.add_parser("use", help="make another event of this data dir the active one")
    use.add_argument("event", metavar="ID", help="event id (or a unique prefix of it, or its exact name)")
    use.add_argument("--json", action="store_true")
    use.set_defaults(handler=_use)
    demo = sub.add_parser("demo", help="create the #Plus20 demo event: 152 fictitious guests (9 cancelled)")
    demo.add_argument("--force", action="store_true",
                      help="make the demo the active event even though this data dir serves another one")
    demo.add_argument("--json", action="store_true")
    demo.set_defaults(handler=_demo)


_PALETTE = ("#2e7d32", "#1565c0", "#ef6c00", "#6a1b9a", "#c62828", "#00838f", "#5d4037", "#455a64")


def _parse_workshop(text: str) -> Any:
    from kiosk.domain.model import Workshop

    name, _, cap = text.rpartition(":") if ":" in text else (text, "", "")
    name = name.strip()
    if not name:
        raise UsageError(f"bad --workshop {text!r}: expected NAME or NAME:CAPACITY")
    if cap.strip():
        if not cap.strip().isdigit():
            raise UsageError(f"bad --workshop {text!r}: capacity must be a whole number")
        return Workshop(name, int(cap))
    return Workshop(name)


def _parse_category(text: str, position: int) -> Any:
    from kiosk.domain.model import Category

    name, _, colour = text.partition(":#")
    if not name.strip():
        raise UsageError(f"bad --category {text!r}")
    return Category(name.strip(), f"#{colour}" if colour else _PALETTE[position % len(_PALETTE)])


def _check_starts(starts: str | None) -> None:
    from datetime import datetime

    if starts:
        try:
            datetime.fromisoformat(starts)
        except ValueError as exc:
            raise UsageError(f"--starts {starts!r} is not an ISO 8601 date-time") from exc


def _retention(text: str | None) -> str | None:
    """The stored form of --retention ('' and None: the default), or a usage error saying why not."""
    from kiosk.domain import retention

    if not text:
        return None
    try:
        return retention.parse(text)
    except retention.RetentionError as exc:
        raise UsageError(f"--retention {exc}") from exc


def _create(ctx: Context) -> int:
    import uuid

    from kiosk.domain.model import Event

    a = ctx.args
    _check_starts(a.starts)
    kept = _retention(a.retention)
    if a.capacity is not None and a.capacity < 0:
        raise UsageError("--capacity must be positive")
    event = Event(
        id=str(uuid.uuid4()), name=a.name.strip(), starts_at=a.starts, venue=a.venue, capacity=a.capacity,
        tagline=a.tagline, codes_case_sensitive=a.case_sensitive_codes, privacy_notice=a.privacy_notice,
        retention=kept,
        workshops=tuple(_parse_workshop(w) for w in a.workshop),
        categories=tuple(_parse_category(c, i) for i, c in enumerate(a.category)),
    )
    created = ctx.kiosk().create_event(event)
    ctx.emit(event_json(created), ctx.text("event_created", name=created.name, id=created.id))
    return 0


def _edit(ctx: Context) -> int:
    a = ctx.args
    _check_starts(a.starts)
    if a.capacity and not a.capacity.strip().isdigit():
        raise UsageError("--capacity must be a whole number (or '' for none)")
    given = {"name": a.name, "starts_at": a.starts, "venue": a.venue, "capacity": a.capacity, "tagline": a.tagline,
             "privacy_notice": a.privacy_notice}
    kept = _retention(a.retention)
    k = ctx.kiosk()
    if a.retention is not None:
        from kiosk.service.purge import Purge

        edited = Purge(k).set_retention(kept)
        if not any(v is not None for v in given.values()) and not (a.workshop or a.category or a.remove):
            ctx.emit(event_json(edited), ctx.text("event_edited", name=edited.name, id=edited.id))
            return 0
    known = len(k.event.categories)
    edited = k.edit_event(workshops=[_parse_workshop(w) for w in a.workshop],
                          categories=[_parse_category(c, known + i) for i, c in enumerate(a.category)],
                          remove=a.remove, **{f: v for f, v in given.items() if v is not None})
    ctx.emit(event_json(edited), ctx.text("event_edited", name=edited.name, id=edited.id))
    return 0


def event_json(event: Any) -> dict[str, Any]:
    return {
        "id": event.id, "name": event.name, "starts_at": event.starts_at, "venue": event.venue,
        "capacity": event.capacity, "tagline": event.tagline, "codes_case_sensitive": event.codes_case_sensitive,
        "retention": event.retention,
        "workshops": [{"name": w.name, "capacity": w.capacity} for w in event.workshops],
        "categories": [{"name": c.name, "color": c.color} for c in event.categories],
    }


def _show(ctx: Context) -> int:
    from kiosk.domain.rules import local_timestamp

    k = ctx.kiosk()
    event, stats = k.event, k.stats()
    payload = {**event_json(event), "registered": stats.registered, "checked_in": stats.checked_in,
               "inside": stats.inside, "data_dir": str(ctx.data_dir)}
    workshops = ", ".join(w.name + (f" ({w.capacity})" if w.capacity is not None else "") for w in event.workshops)
    fields = (("id", event.id), ("starts", local_timestamp(event.starts_at)), ("venue", event.venue),
              ("capacity", event.capacity if event.capacity is not None else "-"), ("workshops", workshops),
              ("categories", ", ".join(c.name for c in event.categories)))
    lines = [event.name, *(f"  {ctx.text('label_' + key)}{value}" for key, value in fields if value)]
    lines.append("  " + ctx.text("counts", registered=stats.registered, checked_in=stats.checked_in,
                                 inside=stats.inside))
    lines.append(f"  {ctx.text('label_data_dir')}{ctx.data_dir}")
    ctx.emit(payload, "\n".join(lines))
    return 0


def _list(ctx: Context) -> int:
    from kiosk.domain.rules import local_timestamp
    from kiosk.service.stats import compute_stats
    from kiosk.store import attendees as attendee_store

    k = ctx.kiosk()
    active = k.active_event_id()
    rows, lines = [], []
    for event in k.events():
        registered = compute_stats(event, attendee_store.stats_rows(k.conn, event.id)).registered
        rows.append({**event_json(event), "active": event.id == active, "registered": registered})
        lines.append(f"{'*' if event.id == active else ' '} {event.id}  {event.name}"
                     + (f"  {local_timestamp(event.starts_at)}" if event.starts_at else "")
                     + "  " + ctx.text("guests", registered=registered))
    ctx.emit(rows, "\n".join(lines) if lines else ctx.text("no_events"))
    return 0


def _use(ctx: Context) -> int:
    event = ctx.kiosk().use_event(ctx.args.event)
    ctx.emit(event_json(event), ctx.text("event_used", name=event.name, id=event.id))
    return 0


def _demo(ctx: Context) -> int:
    k = ctx.kiosk()
    event = k.create_demo(force=ctx.args.force)
    stats = k.stats()
    total = stats.registered + stats.cancelled
    ctx.emit({**event_json(event), "guests": total, "cancelled": stats.cancelled},
             ctx.text("demo_ready", name=event.name, total=total, cancelled=stats.cancelled))
    return 0
