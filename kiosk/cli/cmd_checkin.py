"""`kiosk checkin`, `kiosk undo`, `kiosk override`: the door, from a terminal."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from kiosk.cli.context import EXIT_OK, EXIT_REFUSED, Context

if TYPE_CHECKING:
    from kiosk.domain.model import CheckinResult


def register(sub: Any) -> None:
    checkin = sub.add_parser("checkin", help="check a ticket code (or signed payload) in or out")
    checkin.add_argument("code")
    checkin.add_argument("--exit", action="store_true", help="record an exit instead of an entry")
    checkin.add_argument("--device", metavar="NAME", help="this kiosk's display name (default: settings,"
                         " $KIOSK_DEVICE or host name); the device id stays the data dir's")
    checkin.add_argument("--json", action="store_true")
    checkin.set_defaults(handler=_checkin)
    undo = sub.add_parser("undo", help="revert the last scan of this device")
    undo.add_argument("--device", metavar="NAME", help="this kiosk's display name")
    undo.add_argument("--staff", help="who undid it (recorded in the log)")
    undo.add_argument("--reason", help="why (recorded in the log)")
    undo.add_argument("--json", action="store_true")
    undo.set_defaults(handler=_undo)
    override = sub.add_parser("override", help="let a guest in anyway (recorded with who and why)")
    override.add_argument("attendee", help="attendee id or ticket code")
    override.add_argument("--reason", required=True)
    override.add_argument("--staff", required=True, help="who decided")
    override.add_argument("--device", metavar="NAME", help="this kiosk's display name")
    override.add_argument("--json", action="store_true")
    override.set_defaults(handler=_override)


def verdict_line(ctx: Context, result: Any) -> str:
    """The verdict sentence for a terminal: as at the door, but the first entry's time is local
    with its UTC offset (the window shows 18:42; a terminal log may be read elsewhere, later)."""
    from kiosk.domain.messages import verdict_message
    from kiosk.domain.rules import local_timestamp

    return verdict_message(result.verdict, result.attendee, when=local_timestamp(result.first_entry_at),
                           device=result.first_entry_device, lang=ctx.lang)


def result_json(result: CheckinResult, lang: str = "fr") -> dict[str, object]:
    """A check-in as `--json` prints it, its verdict worded in ``lang``."""
    from kiosk.domain.messages import checkin_message

    return {
        "verdict": result.verdict.value,
        "attendee": result.attendee.public() if result.attendee else None,
        "first_entry_at": result.first_entry_at,
        "first_entry_device": result.first_entry_device,
        "scan_id": result.scan.id if result.scan else None,
        "message": checkin_message(result, lang),
        "repeated": result.repeated,
    }


def exit_status(result: Any) -> int:
    """0 when the guest may pass, 1 for a refusal: the same for `checkin` and `register --checkin`."""
    return EXIT_OK if result.verdict.admits else EXIT_REFUSED


def _checkin(ctx: Context) -> int:
    from kiosk.domain.model import Direction

    direction = Direction.EXIT if ctx.args.exit else Direction.ENTRY
    result = ctx.kiosk().check_in(ctx.args.code, direction=direction, device_name=ctx.device_name)
    ctx.emit(result_json(result, ctx.lang), verdict_line(ctx, result))
    return exit_status(result)


def _undo(ctx: Context) -> int:
    from kiosk.domain.rules import local_timestamp

    undone = ctx.kiosk().undo(device_name=ctx.device_name, staff=ctx.args.staff, reason=ctx.args.reason)
    if undone is None:
        ctx.emit({"undone": None}, ctx.text("nothing_to_undo"))
        return EXIT_REFUSED
    payload = {"undone": {"scan_id": undone.id, "kind": undone.kind.value, "code": undone.code,
                          "attendee_id": undone.attendee_id, "device_time": undone.device_time}}
    ctx.emit(payload, ctx.text("undone", kind=undone.kind.value, code=undone.code,
                               when=local_timestamp(undone.device_time)))
    return EXIT_OK


def _override(ctx: Context) -> int:
    k = ctx.kiosk()
    attendee = k.find(ctx.args.attendee)
    result = k.override(attendee.id, reason=ctx.args.reason, staff=ctx.args.staff, device_name=ctx.device_name)
    ctx.emit(result_json(result, ctx.lang), verdict_line(ctx, result))
    return EXIT_OK
