"""Presence is a fold over the scan log: who has come in, and who is inside now."""

from __future__ import annotations

import re
from collections.abc import Iterable

from kiosk.domain.model import Presence, Scan, ScanKind

_ENTRY_KINDS = (ScanKind.ENTRY, ScanKind.OVERRIDE)


_WALL = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}\.[0-9]{3}Z")


def replay_key(hlc: str | None, device_time: str, scan_id: str) -> tuple[str, int, str]:
    """The order in which one person's scans are replayed, by the door (here) and by the organisers'
    figures (kiosk.domain.occupancy) alike, so both always agree on who is inside: the HLC stamp, else
    the device time (id breaks ties). The stamp's counter is compared as a number (``#~0510000`` after
    ``#9999``, kiosk.domain.hlc). A scan pulled with neither a stamp nor a time that is one sorts before every timed
    scan: whatever it says is older than what the door did since (an exit, "check everyone out")."""
    for stamp in (hlc, device_time):
        if stamp:
            wall, _, counter = stamp.partition("#")
            if counter.startswith("~") and len(counter) > 3:  # past 9999: '~' + two-digit length + digits
                counter = counter[3:]
            if _WALL.fullmatch(wall) and (not counter or (counter.isascii() and counter.isdigit())):
                return wall, int(counter) if counter else 0, scan_id
    return "", 0, scan_id


def fold_presence(scans: Iterable[Scan]) -> Presence:
    """Presence of one attendee from all of their scans, in any order.

    Scans are replayed in :func:`replay_key` order, so that logs merged from several kiosks give the same
    answer whatever order they arrived in. An ``undo`` cancels its target.
    """
    log = sorted(scans, key=lambda s: replay_key(s.hlc, s.device_time, s.id))
    undone = {s.target_id for s in log if s.kind is ScanKind.UNDO and s.target_id}
    first_at: str | None = None
    first_device: str | None = None
    first_device_id: str | None = None
    last_at: str | None = None
    inside = False
    for scan in log:
        if scan.id in undone or scan.kind not in (*_ENTRY_KINDS, ScanKind.EXIT):
            continue
        last_at = scan.device_time
        if scan.kind in _ENTRY_KINDS:
            inside = True
            if first_at is None:
                first_at, first_device, first_device_id = scan.device_time, scan.device_name, scan.device_id
        else:
            inside = False
    return Presence(first_at, first_device, last_at, inside, first_device_id)
