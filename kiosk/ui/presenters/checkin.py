"""The check-in flow at the door, as plain Python.

The presenter owns the state (ready or showing a verdict, entry/exit mode, recent scans, the verdict
timeout) and calls a narrow view interface. It never imports Qt, so its tests need no widget, and the
page that renders it stays thin.
"""

from __future__ import annotations

import logging
import sqlite3
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Protocol, TypeVar

from kiosk.domain import rules
from kiosk.domain.model import Attendee, CheckinResult, Direction, Scan, ScanKind, Verdict
from kiosk.service import KioskError
from kiosk.service.errors import StorageError, StorageKind
from kiosk.service.roles import DoorOperations
from kiosk.ui.presenters.busy_retry import BusyRetry, Timer, is_storage_fault

log = logging.getLogger(__name__)

RECENT_LIMIT = 20
# A QR held in front of the camera is read many times a second: the same camera code is one scan
# while it keeps being seen, until it has been out of view this long.
CAMERA_HOLD_S = 1.5
# A fault stays on screen at least this long: staff must read it, and scan again.
FAILURE_MIN_S = 8.0


T = TypeVar("T")


class Source(StrEnum):
    CAMERA = "camera"
    WEDGE = "wedge"  # handheld scanner typing as a keyboard
    MANUAL = "manual"  # code typed in the entry field


@dataclass(frozen=True)
class VerdictState:
    """Everything the verdict panel shows; the view turns it into translated words."""

    verdict: Verdict
    attendee: Attendee | None
    code: str
    direction: Direction
    first_entry_local: str | None = None  # "18:42" in local time
    first_entry_device: str | None = None
    can_override: bool = False
    repeated: bool = False
    overridden: bool = False
    badge_printed: tuple[str, str] | None = None  # (kiosk, "18:42") of the latest badge, here or elsewhere


@dataclass(frozen=True)
class FailureState:
    """A scan that could not be written: shown instead of a verdict, never over an old one. ``retrying``:
    the database is busy (an import holds it) and the presenter tries again by itself for RETRY_FOR_S."""

    code: str
    kind: StorageKind
    detail: str
    retrying: bool = False



@dataclass(frozen=True)
class RecentScan:
    """One row of the recent-scans list."""

    scan: Scan
    name: str
    undone: bool

    @property
    def undoable(self) -> bool:
        return not self.undone and rules.can_undo(self.scan.kind)


class CheckinView(Protocol):
    """What the presenter needs from the page."""

    def show_ready(self, direction: Direction) -> None: ...
    def show_verdict(self, state: VerdictState) -> None: ...
    def show_mode(self, direction: Direction) -> None: ...
    def show_recent(self, rows: Sequence[RecentScan]) -> None: ...
    def show_error(self, message: str) -> None: ...
    def show_failure(self, state: FailureState) -> None: ...
    def play_sound(self, verdict: Verdict) -> None: ...
    def stats_changed(self) -> None: ...



class CheckinPresenter:
    """Ready -> verdict -> (timeout | Esc | next scan) -> ready."""

    def __init__(
        self, kiosk: DoorOperations, view: CheckinView, timer: Timer, *, timeout_s: float = 4.0,
        staff: str = "", monotonic: Callable[[], float] = time.monotonic, retry_timer: Timer | None = None,
    ) -> None:
        self.kiosk = kiosk
        self.view = view
        self.timer = timer
        self.retry_timer = retry_timer  # None: a busy database is "not recorded" at once
        self.retry = BusyRetry(retry_timer, monotonic=monotonic)  # scans that wait for the database's lock
        self.timeout_s = timeout_s
        # Who is at this door: asked the first time it matters (an override), then remembered for the
        # window's life. Never the computer's name: a verdict said "au poste « vm »" for a person.
        self.staff = staff
        self._monotonic = monotonic
        self.direction = Direction.ENTRY
        self.current: VerdictState | None = None
        self.recent: list[RecentScan] = []
        self._camera_code: str | None = None
        self._camera_seen_at = 0.0
        self._names: dict[str, str] = {}
        # Called with the guest of each new accepted entry (auto-print of badges when enabled).

    # --- lifecycle -------------------------------------------------------------------
    def start(self) -> None:
        self.view.show_mode(self.direction)
        self.view.show_ready(self.direction)
        self.refresh_recent()

    def back_to_ready(self) -> None:
        """Timeout or Esc: clear the verdict so the next guest sees 'ready'."""
        self.timer.stop()
        self.current = None
        self.view.show_ready(self.direction)

    def on_timeout(self) -> None:
        self.back_to_ready()
        # The door is idle now: fold the WAL in here rather than in the middle of the next check-in.
        try:
            self.kiosk.checkpoint()
        except sqlite3.Error:
            log.warning("idle checkpoint failed", exc_info=True)

    def pause_timeout(self) -> None:
        """Staff is acting on the verdict (a dialog is open): keep it on screen."""
        self.timer.stop()

    def resume_timeout(self) -> None:
        if self.current is not None:
            self.timer.start(int(self.timeout_s * 1000))

    # --- mode ------------------------------------------------------------------------
    def set_direction(self, direction: Direction) -> None:
        if direction is self.direction:
            return
        self.direction = direction
        self.view.show_mode(direction)
        self.back_to_ready()

    def toggle_direction(self) -> None:
        self.set_direction(Direction.EXIT if self.direction is Direction.ENTRY else Direction.ENTRY)

    # --- scanning --------------------------------------------------------------------
    def scan(self, raw: str, *, source: Source = Source.MANUAL, alternatives: Sequence[str] = ()) -> bool:
        """A code from the camera, the handheld scanner or the entry field. False if ignored."""
        text = raw.strip()
        if not text:
            return False
        if source is Source.CAMERA and self._camera_holds(text):
            return False
        if self.retry.waiting(text):
            return False  # scanned again while it waits for the lock: it is already on its way
        direction = self.direction
        return self._write(text, lambda: self.kiosk.check_in(text, direction=direction,
                                                            alternatives=tuple(alternatives)),
                           lambda result: self._show(result, text))

    def _write(self, code: str, operation: Callable[[], T], then: Callable[[T], None]) -> bool:
        """One write through the service, then ``then`` with its result. A refusal goes to a dialog, a
        fault of the storage to the panel ("not recorded"): False, nothing else shown. A busy database
        (an import's transaction) is tried again by itself (on_retry), behind any write already
        waiting: True, and the panel says to wait."""
        written = self.retry.run(code, operation, then, lambda exc: self._failed(code, exc))
        if written is not None:
            return written
        self.current = None
        self.timer.stop()
        self.view.show_failure(FailureState(code=code, kind=StorageKind.LOCKED, detail="", retrying=True))
        return True

    def _failed(self, code: str, exc: BaseException) -> None:
        if is_storage_fault(exc):
            self._not_recorded(code, exc)
        else:
            self.view.show_error(str(exc))

    def on_retry(self) -> None:
        """The retry timer: the waiting writes in order, until one still finds the database busy."""
        self.retry.on_timer()

    def _not_recorded(self, code: str, exc: BaseException) -> None:
        """The write failed: say so on the panel (the last guest's green must not stay there)."""
        storage = StorageError.from_exception(exc)
        kind = storage.kind if storage is not None else StorageKind.UNAVAILABLE
        log.error("scan %r not recorded (%s): %s", code[:80], kind.value, exc)
        self.current = None
        self.view.show_failure(FailureState(code=code, kind=kind, detail=str(exc)))
        self.view.play_sound(Verdict.INVALID)
        self.timer.start(int(max(self.timeout_s, FAILURE_MIN_S) * 1000))

    def _camera_holds(self, text: str) -> bool:
        now = self._monotonic()
        same = text == self._camera_code
        held = same and (now - self._camera_seen_at < CAMERA_HOLD_S
                         or (self.current is not None and self.current.code == text))
        self._camera_code, self._camera_seen_at = text, now
        return held

    def check_in_attendee(self, attendee_id: str) -> bool:
        """A guest picked from the name search (after the page's confirmation)."""
        direction = self.direction
        return self._write(attendee_id, lambda: self.kiosk.check_in_attendee(attendee_id, direction=direction),
                           lambda result: self._show(result, result.scan.code if result.scan else ""))

    def override(self, reason: str, staff: str | None = None) -> bool:
        """'Let in anyway' for the guest on screen (already inside, or cancelled ticket)."""
        state = self.current
        if state is None or not state.can_override or state.attendee is None:
            return False
        guest, who = state.attendee, staff or self.staff
        if who:
            self.staff = who  # asked once: the next override's dialog offers it
        return self._write(state.code, lambda: self.kiosk.override(guest.id, reason=reason, staff=who),
                           lambda result: self._show(result, state.code, overridden=True))

    def _badge(self, result: CheckinResult) -> tuple[str, str] | None:
        """Where and when this guest's badge was last printed (another door's, pulled from the hub, too)."""
        if result.attendee is None or result.verdict not in (Verdict.ACCEPTED, Verdict.ALREADY_CHECKED_IN):
            return None
        try:
            printed = self.kiosk.badges_printed(result.attendee.id)
        except KioskError:
            return None
        return (printed[0].device_name, rules.local_clock(printed[0].at) or "?") if printed else None

    def _show(self, result: CheckinResult, code: str, *, overridden: bool = False) -> None:
        state = VerdictState(
            verdict=result.verdict, attendee=result.attendee, code=code, direction=self.direction,
            first_entry_local=rules.local_clock(result.first_entry_at), first_entry_device=result.first_entry_device,
            can_override=rules.can_override(result.verdict) and result.attendee is not None,
            repeated=result.repeated, overridden=overridden, badge_printed=self._badge(result),
        )
        self.current = state
        self.view.show_verdict(state)
        if not result.repeated:
            self.view.play_sound(result.verdict)
        self.timer.start(int(self.timeout_s * 1000))
        self.refresh_recent()
        self.view.stats_changed()

    # --- recent scans and undo ---------------------------------------------------------
    def refresh_recent(self) -> None:
        scans = self.kiosk.recent_scans(RECENT_LIMIT * 3, device_name=self.kiosk.device_name)
        undone = {s.target_id for s in scans if s.kind is ScanKind.UNDO}
        rows = [RecentScan(s, self._name(s.attendee_id), s.id in undone)
                for s in scans if s.kind is not ScanKind.UNDO]
        self.recent = rows[:RECENT_LIMIT]
        self.view.show_recent(self.recent)

    def _name(self, attendee_id: str | None) -> str:
        if attendee_id is None:
            return ""
        if attendee_id not in self._names:
            try:
                self._names[attendee_id] = self.kiosk.attendee(attendee_id).full_name
            except KioskError:
                self._names[attendee_id] = "?"
        return self._names[attendee_id]

    def latest_undoable(self) -> RecentScan | None:
        return next((row for row in self.recent if row.undoable), None)

    def undo(self, scan_id: str) -> bool:
        """Revert one entry/exit/override (the page asked for confirmation first)."""
        return self._write("undo", lambda: self.kiosk.undo(scan_id=scan_id, staff=self.staff or None),
                           lambda _undone: self._undone())

    def _undone(self) -> None:
        if self.current is not None and self.current.attendee is not None:
            self.back_to_ready()
        self.refresh_recent()
        self.view.stats_changed()
