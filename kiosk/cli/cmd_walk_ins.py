"""`kiosk waitlist`: the walk-ins who came when the venue was full, for staff to call in."""

from __future__ import annotations

from typing import Any

from kiosk.cli.context import Context


def register(sub: Any) -> None:
    waitlist = sub.add_parser("waitlist", help="walk-ins waiting for a place (the venue was full)")
    waitlist.add_argument("--json", action="store_true")
    waitlist.set_defaults(handler=_waitlist)


def _waitlist(ctx: Context) -> int:
    from kiosk.domain.rules import local_clock

    entries = ctx.kiosk().waitlist()
    rows = [{"first_name": e.first_name, "last_name": e.last_name, "email": e.email, "organisation": e.organisation,
             "workshop": e.workshop, "contact_ok": e.contact_ok, "since": e.created_at, "device_id": e.device_id}
            for e in entries]
    lines = [f"{local_clock(e.created_at) or '':>5}  {e.first_name} {e.last_name}  {e.organisation or ''}  "
             f"{e.email or ''}".rstrip() for e in entries]
    ctx.emit(rows, "\n".join(lines) if lines else ctx.text("waitlist_empty"))
    return 0
