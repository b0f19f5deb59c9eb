"""The check every pulled row passes before it touches this kiosk's database, and the clock's sanity.

A round starts by reading the hub's clock: a stamp or time further ahead of it than the allowed skew
(``Settings.max_clock_ahead_s``) is refused, not adopted, so a laptop whose clock runs days ahead
cannot pin every kiosk's clock to its own. Rows that fail kiosk.domain.pulled are quarantined
(kiosk.store.quarantine) in the transaction that moves the pull cursor past them: the round goes on.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any, TypeVar

from kiosk.domain import hlc, rules
from kiosk.store import quarantine

if TYPE_CHECKING:
    from kiosk.service.kiosk import Kiosk

Row = TypeVar("Row", bound=Sequence[Any])
DEFAULT_AHEAD_S = 300.0  # Settings.max_clock_ahead_s's default, for a kiosk without a data dir
FAR_OFF_S = 300.0  # this kiosk's clock further than this from the hub's is said at the door and by sync
OFFLINE_FAR_OFF = timedelta(days=1)  # offline: this far behind what the data dir already recorded


@dataclass(frozen=True)
class Horizon:
    """What a round knows of the hub's clock: its time then, and the latest stamp it accepts."""

    hub_now: str
    stamp: str  # encoded: pulled stamps and times above it are refused


def allowed_ahead_s(kiosk: Kiosk) -> float:
    if kiosk.data_dir is None:
        return DEFAULT_AHEAD_S
    from kiosk import settings

    return max(0.0, settings.load(kiosk.data_dir).max_clock_ahead_s)


def horizon(kiosk: Kiosk, hub_now: str) -> Horizon:
    ahead_ms = int(allowed_ahead_s(kiosk) * 1000)
    return Horizon(hub_now, hlc.Stamp(hlc.to_ms(hub_now) + ahead_ms).encode())


def valid(kiosk: Kiosk, kind: str, rows: Sequence[Row], check: Callable[[Row, str], str | None],
          limit: Horizon, device_at: int, culprit: Callable[[Row, str], object] | None = None) -> list[Row]:
    """``rows`` that pass ``check``; the others quarantined with their reason and the device that wrote
    the refused part (``culprit``, else the row's ``device_at`` column). Call in the transaction that
    moves the cursor past them."""
    kept: list[Row] = []
    now = kiosk.now()
    for row in rows:
        problem = check(row, limit.stamp)
        if problem is None:
            kept.append(row)
            continue
        row_id, device = row[0], row[device_at] if culprit is None else culprit(row, limit.stamp)
        quarantine.put(kiosk.conn, quarantine.Refused(
            kind, row_id if isinstance(row_id, str) else None, device if isinstance(device, str) else None,
            problem), list(row), now)
    return kept


def refuse(kiosk: Kiosk, kind: str, row_id: object, device: object, reason: str, row: object) -> None:
    """Quarantine one refused row or field (in the transaction that moves the cursor past it)."""
    quarantine.put(kiosk.conn, quarantine.Refused(
        kind, row_id if isinstance(row_id, str) else None, device if isinstance(device, str) else None, reason),
        row, kiosk.now())


@dataclass(frozen=True)
class Refusals:
    """What this kiosk refused from the hub, for `kiosk sync`, `hub status` and the Sync light."""

    total: int
    by_device: list[tuple[str, str, int]]  # (device id, its name or '', rows refused), most first

    def to_json(self) -> dict[str, Any]:
        return {"total": self.total,
                "by_device": [{"device_id": d, "name": n, "rows": c} for d, n, c in self.by_device]}


def refusals(kiosk: Kiosk) -> Refusals:
    from kiosk.store import guest_links as link_store

    counts = quarantine.by_device(kiosk.conn)
    names = link_store.device_names(kiosk.conn, [d for d, _ in counts if d])
    return Refusals(sum(n for _, n in counts), [(d, names.get(d, ""), n) for d, n in counts])


def clock_off(local: datetime, hub_now: str | None, newest: str | None) -> datetime | None:
    """This kiosk's clock when it cannot be right, else None: further than FAR_OFF_S from the hub's
    when the hub was reached; offline, more than a day behind the newest moment this data dir already
    recorded (a laptop whose dead clock battery booted it in 2001). Offline, a clock far from the
    event's date is not taken as wrong: organisers prepare days before, and the demo has a fixed date."""
    if hub_now is not None:
        hub = rules.parse_time(hub_now)
        return local if abs((local - hub).total_seconds()) > FAR_OFF_S else None
    if not newest:
        return None
    try:
        latest = rules.parse_time(newest)
    except ValueError:
        return None
    return local if local < latest - OFFLINE_FAR_OFF else None


def newest_record(kiosk: Kiosk) -> str | None:
    """The latest moment this data dir recorded (scans, guests' edits, the last hub contact); None
    when it cannot be read (the warning is advice: it never stops the door)."""
    import sqlite3

    from kiosk.store import sync as sync_store

    try:
        return sync_store.newest_record(kiosk.conn)
    except sqlite3.Error:
        return None
