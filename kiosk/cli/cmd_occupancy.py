"""`kiosk present`, `kiosk report`, `kiosk checkout-all`, `kiosk pin set`: the organisers' commands.

The figures come from the occupancy fold (kiosk.service.occupancy); reportlab is imported only when a
PDF is asked for."""

from __future__ import annotations

import getpass
import sys
from pathlib import Path
from typing import Any

from kiosk.cli.context import EXIT_REFUSED, Context, MessageError


def register(sub: Any) -> None:
    present = sub.add_parser("present", help="evacuation list: everyone inside now, by last name")
    present.add_argument("--pdf", metavar="OUT.pdf", type=Path, help="write a printable A4 list")
    present.add_argument("--lang", choices=("fr", "en"), help="language of the PDF (default: settings)")
    present.add_argument("--json", action="store_true")
    present.set_defaults(handler=_present)
    report = sub.add_parser("report", help="after-event attendance report (aggregates only, no names)")
    report.add_argument("-o", "--output", metavar="OUT.pdf", type=Path, help="write the A4 report")
    report.add_argument("--lang", choices=("fr", "en"), default="fr", help="report language (default: fr)")
    report.add_argument("--json", action="store_true")
    report.set_defaults(handler=_report)
    checkout = sub.add_parser("checkout-all", help="close the evening: check out everyone still inside")
    checkout.add_argument("--staff", default="staff", help="who closed the evening (kept in the log)")
    checkout.add_argument("--device", metavar="NAME", help="this kiosk's name for this run")
    checkout.add_argument("--json", action="store_true")
    checkout.set_defaults(handler=_checkout_all)
    pin = sub.add_parser("pin", help="the staff PIN of the occupancy screen's protected buttons")
    pin_sub = pin.add_subparsers(dest="pin_command", metavar="ACTION", required=True)
    pin_set = pin_sub.add_parser("set", help="set the staff PIN (from --pin, or read from stdin)")
    pin_set.add_argument("--pin", help="the new PIN, 4 to 12 digits (default: read a line from stdin)")
    pin_set.set_defaults(handler=_pin_set)


def plain(text: object) -> str:
    """Data for a terminal: control characters (escape sequences, bidi overrides) shown, not obeyed."""
    return "".join(ch if ch.isprintable() else f"\\u{ord(ch):04x}" for ch in str(text))


def _occupancy(ctx: Context) -> Any:
    from kiosk.service.occupancy import Occupancy

    k = ctx.kiosk()
    return Occupancy(k.conn, event=k.event, clock=k.clock)


def _present(ctx: Context) -> int:
    from kiosk.domain import rules
    from kiosk.reports.data import present_json

    occupancy = _occupancy(ctx)
    people = occupancy.present()
    made_at = rules.format_time(occupancy.clock())
    if ctx.args.pdf is not None:
        from kiosk.reports.evacuation import write_evacuation_pdf

        write_evacuation_pdf(ctx.args.pdf, occupancy.event, people, made_at,
                             lang=ctx.args.lang or ctx.settings.language)
        from kiosk.service.purge import Purge

        Purge(ctx.kiosk()).record_written(ctx.args.pdf, kind="present")  # names in it: the purge deletes it
        ctx.say(ctx.text("evacuation_written", count=len(people), file=ctx.args.pdf))
    lines = [ctx.text("present_head", count=len(people), time=rules.local_clock(made_at))]
    lines += ["  ".join(part for part in (f"{plain(p.last_name.upper())}, {plain(p.first_name)}",
                                         plain(p.organisation or ""), rules.local_clock(p.arrived_at) or "") if part)
              for p in people]
    ctx.emit(present_json(occupancy.event, people, made_at), "\n".join(lines))
    return 0


def _report(ctx: Context) -> int:
    from kiosk.domain import rules
    from kiosk.reports.data import report_json

    if ctx.args.output is None and not ctx.json:
        raise MessageError("report_where")
    occupancy = _occupancy(ctx)
    figures = occupancy.figures(with_peak=True, until_now=False)
    made_at = rules.format_time(occupancy.clock())
    if ctx.args.output is not None:
        from kiosk.reports.attendance import write_report_pdf

        write_report_pdf(ctx.args.output, occupancy.event, figures, made_at, lang=ctx.args.lang)
        ctx.say(ctx.text("report_written", file=ctx.args.output))
    ctx.emit(report_json(occupancy.event, figures, made_at), None)
    return 0


def _checkout_all(ctx: Context) -> int:
    from kiosk.service.occupancy import checkout_all

    count = checkout_all(ctx.kiosk(), staff=ctx.args.staff, device_name=ctx.args.device)
    ctx.emit({"checked_out": count}, ctx.text("checked_out", count=count))
    return 0


def _pin_set(ctx: Context) -> int:
    from kiosk.service.pin import StaffPin, valid_pin

    pin = ctx.args.pin
    if pin is None:
        pin = getpass.getpass(ctx.text("pin_prompt")) if sys.stdin.isatty() else sys.stdin.readline().strip()
    if not valid_pin(pin):
        ctx.say(ctx.text("pin_invalid"))
        return EXIT_REFUSED
    StaffPin(ctx.data_dir).set(pin)
    ctx.say(ctx.text("pin_set"))
    return 0
