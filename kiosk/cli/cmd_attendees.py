"""`kiosk search`, `kiosk register`, `kiosk edit`, `kiosk stats`, `kiosk history`."""

from __future__ import annotations

from typing import Any

from kiosk.cli.context import EXIT_OK, Context


def register(sub: Any) -> None:
    search = sub.add_parser("search", help="find attendees by name, organisation, email or code")
    search.add_argument("text")
    search.add_argument("--limit", type=int, default=20)
    search.add_argument("--json", action="store_true")
    search.set_defaults(handler=_search)
    reg = sub.add_parser("register", help="register a walk-in guest")
    reg.add_argument("--first-name", required=True)
    reg.add_argument("--last-name", required=True)
    reg.add_argument("--email")
    reg.add_argument("--organisation")
    reg.add_argument("--category")
    reg.add_argument("--workshop")
    reg.add_argument("--checkin", action="store_true", help="check the guest in at once")
    reg.add_argument("--device", metavar="NAME", help="this kiosk's display name")
    reg.add_argument("--json", action="store_true")
    reg.set_defaults(handler=_register)
    edit = sub.add_parser("edit", help="correct a guest's name, e-mail, organisation, category or workshop")
    edit.add_argument("attendee", help="attendee id or ticket code")
    for option in ("--first-name", "--last-name", "--email", "--organisation", "--category", "--workshop"):
        edit.add_argument(option, metavar="TEXT", help="new value ('' clears it, names excepted)")
    edit.add_argument("--json", action="store_true")
    edit.set_defaults(handler=_edit)
    stats = sub.add_parser("stats", help="registered, arrived, inside now, per workshop and category")
    stats.add_argument("--json", action="store_true")
    stats.set_defaults(handler=_stats)
    history = sub.add_parser("history", help="the scans of one attendee")
    history.add_argument("attendee", help="attendee id or ticket code")
    history.add_argument("--json", action="store_true")
    history.set_defaults(handler=_history)


def attendee_json(k: Any, a: Any) -> dict[str, Any]:
    p = k.presence(a.id)
    return {**a.public(), "ticket_code": a.ticket_code, "email": a.email, "status": a.status.value,
            "source": a.source, "checked_in": p.checked_in, "first_entry_at": p.first_entry_at,
            "inside": p.inside}


def _search(ctx: Context) -> int:
    k = ctx.kiosk()
    found = k.search(ctx.args.text, limit=max(1, ctx.args.limit))
    rows = [attendee_json(k, a) for a in found]
    lines = [f"{r['ticket_code'] or '-':<14} {a.full_name:<32} {a.organisation or '':<30} "
             f"{ctx.text('cancelled') if a.cancelled else (ctx.text('checked_in') if r['checked_in'] else '')}"
             .rstrip() for r, a in zip(rows, found, strict=True)]
    ctx.emit(rows, "\n".join(lines) if lines else ctx.text("no_match"))
    return 0


def _register(ctx: Context) -> int:
    from kiosk.cli.cmd_checkin import exit_status, result_json, verdict_line

    a = ctx.args
    k = ctx.kiosk()
    result = k.register(first_name=a.first_name, last_name=a.last_name, email=a.email, organisation=a.organisation,
                        category=a.category, workshop=a.workshop, checkin=a.checkin, device_name=ctx.device_name)
    payload = {"created": result.created, "attendee": attendee_json(k, result.attendee),
               "checkin": result_json(result.checkin, ctx.lang) if result.checkin else None}
    human = ctx.text("registered" if result.created else "already_registered", name=result.attendee.full_name,
                     code=result.attendee.ticket_code)
    if result.checkin:
        human += "\n" + verdict_line(ctx, result.checkin)
    ctx.emit(payload, human)
    return exit_status(result.checkin) if result.checkin else EXIT_OK


def _edit(ctx: Context) -> int:
    from kiosk.service.editing import FIELDS

    k = ctx.kiosk()
    done = k.edit(ctx.args.attendee, **{f: getattr(ctx.args, f) for f in FIELDS})
    payload = {"changed": list(done.changed), "attendee": attendee_json(k, done.attendee)}
    ctx.emit(payload, ctx.text("edited", name=done.attendee.full_name, code=done.attendee.ticket_code or "-",
                               fields=", ".join(done.changed)))
    return EXIT_OK


def _stats(ctx: Context) -> int:
    # The door's counters (what the window's header shows): kept up to date at every scan, they read in
    # milliseconds what replaying the whole log took seconds to fold (5 s at 100,000 scans); the
    # property test in tests/service/test_one_count.py holds the two to the same figures.
    s = ctx.kiosk().stats()
    cap = f"/{s.capacity}" if s.capacity is not None else ""
    other = ctx.text("stats_other", n=s.inside_other) if s.inside_other else ""
    lines = [ctx.text("stats", registered=s.registered, checked_in=s.checked_in, inside=s.inside, cap=cap + other,
                      walk_ins=s.walk_ins, cancelled=s.cancelled)]
    for title, table in (("workshop", s.by_workshop), ("category", s.by_category)):
        for name, f in table.items():
            lines.append(ctx.text("stats_row", title=ctx.text(title), name=name, checked_in=f.checked_in,
                                  registered=f.registered, inside=f.inside))
    ctx.emit(s.to_json(), "\n".join(lines))
    return 0


def _history(ctx: Context) -> int:
    from kiosk.domain.rules import local_timestamp

    k = ctx.kiosk()
    a = k.find(ctx.args.attendee)
    scans = k.history(a.id)
    rows = [{"id": s.id, "kind": s.kind.value, "verdict": s.verdict.value, "device": s.device_name,
             "device_time": s.device_time, "target_id": s.target_id, "staff": s.staff, "reason": s.reason}
            for s in scans]
    lines = [f"{local_timestamp(s.device_time)}  {s.kind.value:<8} {s.verdict.value:<18} {s.device_name}"
             + (f"  ({s.staff}: {s.reason})" if s.reason else "") for s in scans]
    ctx.emit({"attendee": attendee_json(k, a), "scans": rows}, a.full_name + "\n" + "\n".join(lines))
    return 0
