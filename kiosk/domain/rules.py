"""The door's rules: from what is known about a guest to a verdict. Pure and total."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from kiosk.domain.model import Attendee, Direction, Presence, Scan, ScanKind, Verdict

REPEAT_WINDOW = timedelta(seconds=3)


def decide(direction: Direction, attendee: Attendee | None, presence: Presence) -> Verdict:
    """Verdict for a recognised (or not) ticket. Re-entry after an exit is accepted."""
    if attendee is None:
        return Verdict.UNKNOWN
    if attendee.cancelled:
        return Verdict.CANCELLED
    if direction is Direction.ENTRY:
        return Verdict.ALREADY_CHECKED_IN if presence.inside else Verdict.ACCEPTED
    return Verdict.EXIT_RECORDED if presence.inside else Verdict.NOT_INSIDE


UNDOABLE = frozenset({ScanKind.ENTRY, ScanKind.EXIT, ScanKind.OVERRIDE})  # what an undo may revert


def can_undo(kind: ScanKind) -> bool:
    """Only scans that changed who is inside can be undone (not refusals, not undos)."""
    return kind in UNDOABLE


def scan_kind(verdict: Verdict) -> ScanKind:
    """How a decided scan is written to the log."""
    if verdict is Verdict.ACCEPTED:
        return ScanKind.ENTRY
    if verdict is Verdict.EXIT_RECORDED:
        return ScanKind.EXIT
    return ScanKind.REFUSED


def scan_intent(scan: Scan) -> Direction | None:
    """Which way the guest meant to go, as far as the verdict depends on it; None when the verdict is
    the same whichever way (unknown, cancelled, invalid, wrong event) or the scan is an undo."""
    if scan.kind in (ScanKind.ENTRY, ScanKind.OVERRIDE) or scan.verdict is Verdict.ALREADY_CHECKED_IN:
        return Direction.ENTRY
    if scan.kind is ScanKind.EXIT or scan.verdict is Verdict.NOT_INSIDE:
        return Direction.EXIT
    return None


def is_repeat(
    previous: Scan | None, code: str, direction: Direction, now: datetime, window: timedelta = REPEAT_WINDOW
) -> bool:
    """The same code again on the same device within the window, with the same intent, is the same
    scan (a QR held in front of the camera is read many times a second). An exit right after an entry
    (or after "already checked in") is a new decision and is recorded; so is anything after an undo."""
    if previous is None or previous.code != code or previous.kind is ScanKind.UNDO:
        return False
    intent = scan_intent(previous)
    if intent is not None and intent is not direction:
        return False
    return now - parse_time(previous.device_time) < window


def can_override(verdict: Verdict) -> bool:
    """'Let in anyway' is offered only where a person is known and was refused."""
    return verdict in (Verdict.ALREADY_CHECKED_IN, Verdict.CANCELLED)


def format_time(moment: datetime) -> str:
    """UTC ISO-8601 with milliseconds, the one time format in the store."""
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.") + f"{moment.microsecond // 1000:03d}Z"


def parse_time(text: str) -> datetime:
    return datetime.fromisoformat(text.replace("Z", "+00:00"))


def local_clock(iso: str | None) -> str | None:
    """'18:42' in the machine's time zone: what staff at the door read (None for text that is no time)."""
    if not iso:
        return None
    try:
        return parse_time(iso).astimezone().strftime("%H:%M")
    except (ValueError, OverflowError, OSError):  # a pulled scan's device time can be anything
        return None


def local_timestamp(iso: str | None) -> str | None:
    """'2026-11-30 18:02:11+01:00': the machine's local time with its UTC offset, for a terminal
    (a log read later, maybe elsewhere, must say which clock it is). Text that is no time is kept."""
    if not iso:
        return None
    try:
        moment = parse_time(iso)
    except ValueError:
        return iso
    if moment.tzinfo is None:
        return moment.isoformat(sep=" ", timespec="seconds")
    return moment.astimezone().isoformat(sep=" ", timespec="seconds")
