"""CheckinPresenter with a recording view and a fake timer: the door's flow without any widget."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from kiosk.domain.model import Direction, ScanKind, Verdict
from kiosk.service import Kiosk
from kiosk.service.errors import StorageKind
from kiosk.ui.presenters.busy_retry import RETRY_FOR_S, RETRY_MS
from kiosk.ui.presenters.checkin import (
    CAMERA_HOLD_S,
    CheckinPresenter,
    FailureState,
    RecentScan,
    Source,
    VerdictState,
)

if TYPE_CHECKING:
    from tests.conftest import FakeClock


class FakeTimer:
    def __init__(self) -> None:
        self.running_ms: int | None = None

    def start(self, ms: int) -> None:
        self.running_ms = ms

    def stop(self) -> None:
        self.running_ms = None


class RecordingView:
    def __init__(self) -> None:
        self.verdicts: list[VerdictState] = []
        self.ready: list[Direction] = []
        self.modes: list[Direction] = []
        self.recent: list[RecentScan] = []
        self.errors: list[str] = []
        self.sounds: list[Verdict] = []
        self.stats_calls = 0
        self.failures: list[FailureState] = []

    def show_failure(self, state: FailureState) -> None:
        self.failures.append(state)

    def show_ready(self, direction: Direction) -> None:
        self.ready.append(direction)

    def show_verdict(self, state: VerdictState) -> None:
        self.verdicts.append(state)

    def show_mode(self, direction: Direction) -> None:
        self.modes.append(direction)

    def show_recent(self, rows: Sequence[RecentScan]) -> None:
        self.recent = list(rows)

    def show_error(self, message: str) -> None:
        self.errors.append(message)

    def play_sound(self, verdict: Verdict) -> None:
        self.sounds.append(verdict)

    def stats_changed(self) -> None:
        self.stats_calls += 1


class Mono:
    def __init__(self) -> None:
        self.t = 100.0

    def __call__(self) -> float:
        return self.t


Setup = tuple[CheckinPresenter, RecordingView, FakeTimer, Mono]


@pytest.fixture
def setup(kiosk: Kiosk) -> Setup:
    view, timer, mono = RecordingView(), FakeTimer(), Mono()
    presenter = CheckinPresenter(kiosk, view, timer, timeout_s=4.0, monotonic=mono)
    presenter.start()
    return presenter, view, timer, mono


def test_accept_shows_verdict_sound_timeout_and_recent(setup: Setup, kiosk: Kiosk) -> None:
    presenter, view, timer, _ = setup
    assert view.ready == [Direction.ENTRY] and view.modes == [Direction.ENTRY]
    assert presenter.scan("PLUS20-0001")
    state = view.verdicts[-1]
    assert state.verdict is Verdict.ACCEPTED and state.attendee is not None
    assert view.sounds == [Verdict.ACCEPTED]
    assert timer.running_ms == 4000
    assert view.recent[0].scan.kind is ScanKind.ENTRY and view.recent[0].name == state.attendee.full_name
    assert kiosk.stats().checked_in == 1
    presenter.on_timeout()
    assert presenter.current is None and view.ready[-1] is Direction.ENTRY


def test_duplicate_shows_when_and_where_and_offers_override(setup: Setup, kiosk: Kiosk, clock: FakeClock) -> None:
    presenter, view, _, _ = setup
    presenter.scan("PLUS20-0002")
    clock.advance(60)
    presenter.scan("PLUS20-0002")
    state = view.verdicts[-1]
    assert state.verdict is Verdict.ALREADY_CHECKED_IN
    assert state.first_entry_local and state.first_entry_device == "door-1"
    assert state.can_override
    assert presenter.override("lost wristband", "Anna")
    assert view.verdicts[-1].overridden and view.verdicts[-1].verdict is Verdict.ACCEPTED
    assert any(s.kind is ScanKind.OVERRIDE and s.staff == "Anna" for s in kiosk.recent_scans(5))


def test_the_staff_name_is_asked_once_never_the_computers_name(setup: Setup, kiosk: Kiosk,
                                                                clock: FakeClock) -> None:
    """The override dialog is offered no name at first (it used to offer the host name, 'vm'), then the
    name given at the first override; an undo records it too."""
    presenter, view, _, _ = setup
    assert presenter.staff == "" and kiosk.device_name != ""
    presenter.scan("PLUS20-0002")
    clock.advance(60)
    presenter.scan("PLUS20-0002")
    assert presenter.override("lost wristband", "Anna")
    assert presenter.staff == "Anna"
    undone = next(row for row in view.recent[-1:] + view.recent if row.undoable)
    assert presenter.undo(undone.scan.id)
    assert any(s.kind is ScanKind.UNDO and s.staff == "Anna" for s in kiosk.recent_scans(5))


def test_unknown_and_empty(setup: Setup) -> None:
    presenter, view, _, _ = setup
    assert not presenter.scan("   ")
    presenter.scan("NOPE-123")
    assert view.verdicts[-1].verdict is Verdict.UNKNOWN and not view.verdicts[-1].can_override


def test_camera_holds_a_code_in_view(setup: Setup, clock: FakeClock) -> None:
    presenter, view, _, mono = setup
    assert presenter.scan("PLUS20-0003", source=Source.CAMERA)
    for _ in range(10):  # the QR stays in front of the camera, read every frame
        mono.t += 0.2
        clock.advance(0.2)
        assert not presenter.scan("PLUS20-0003", source=Source.CAMERA)
    presenter.on_timeout()
    mono.t += 0.2
    assert not presenter.scan("PLUS20-0003", source=Source.CAMERA)  # still in view after the timeout
    mono.t += CAMERA_HOLD_S + 1
    clock.advance(CAMERA_HOLD_S + 1)
    assert presenter.scan("PLUS20-0003", source=Source.CAMERA)  # shown again later: a new scan
    assert view.verdicts[-1].verdict is Verdict.ALREADY_CHECKED_IN
    # the wedge and the keyboard are never held back
    assert presenter.scan("PLUS20-0003", source=Source.WEDGE)


def test_exit_mode_and_undo(setup: Setup, kiosk: Kiosk, clock: FakeClock) -> None:
    presenter, view, _, _ = setup
    presenter.scan("PLUS20-0004")
    clock.advance(10)
    presenter.toggle_direction()
    assert view.modes[-1] is Direction.EXIT and presenter.current is None
    presenter.scan("PLUS20-0004")
    assert view.verdicts[-1].verdict is Verdict.EXIT_RECORDED
    assert kiosk.stats().inside == 0
    latest = presenter.latest_undoable()
    assert latest is not None and latest.scan.kind is ScanKind.EXIT
    assert presenter.undo(latest.scan.id)
    assert kiosk.stats().inside == 1
    assert view.recent[0].undone and not view.recent[0].undoable
    assert presenter.latest_undoable() is not None  # the entry is still undoable
    assert not presenter.undo(latest.scan.id)  # twice: refused, shown as an error
    assert view.errors


def test_pick_from_search_and_cancelled(setup: Setup, kiosk: Kiosk) -> None:
    presenter, view, _, _ = setup
    guest = kiosk.search("PLUS20-0010")[0] if kiosk.search("PLUS20-0010") else kiosk.find("PLUS20-0010")
    assert presenter.check_in_attendee(guest.id)
    assert view.verdicts[-1].verdict in (Verdict.ACCEPTED, Verdict.CANCELLED)
    cancelled = next(a for a in (kiosk.find(f"PLUS20-{i:04d}") for i in range(1, 153)) if a.cancelled)
    presenter.scan(cancelled.ticket_code or "")
    assert view.verdicts[-1].verdict is Verdict.CANCELLED and view.verdicts[-1].can_override
    assert view.sounds[-1] is Verdict.CANCELLED


def test_pause_and_resume_timeout(setup: Setup) -> None:
    presenter, _, timer, _ = setup
    presenter.scan("PLUS20-0005")
    presenter.pause_timeout()
    assert timer.running_ms is None
    presenter.resume_timeout()
    assert timer.running_ms == 4000


def test_timeout_checkpoints_the_wal_while_the_door_is_idle(setup: Setup, monkeypatch: pytest.MonkeyPatch) -> None:
    presenter, _view, _timer, _mono = setup
    done: list[tuple[int, int]] = []
    real = presenter.kiosk.checkpoint
    def checkpoint() -> tuple[int, int]:
        done.append(real())
        return done[-1]

    monkeypatch.setattr(presenter.kiosk, "checkpoint", checkpoint)
    presenter.scan("PLUS20-0001")
    assert done == []  # never on the scan path
    presenter.on_timeout()
    assert len(done) == 1 and done[0][0] > 0 and done[0][0] == done[0][1]


# --- a busy database (an import's write transaction, another process) ---------------------------

def _busy_setup(kiosk: Kiosk) -> tuple[CheckinPresenter, RecordingView, FakeTimer, Mono]:
    kiosk.wait_for_writers(50)  # the window waits 200 ms; shorter here
    view, timer, retry, mono = RecordingView(), FakeTimer(), FakeTimer(), Mono()
    presenter = CheckinPresenter(kiosk, view, timer, timeout_s=4.0, monotonic=mono, retry_timer=retry)
    presenter.start()
    return presenter, view, retry, mono


def _hold_the_lock(data_dir: Path) -> sqlite3.Connection:
    other = sqlite3.connect(str(data_dir / "kiosk.db"), isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    return other


def test_a_scan_on_a_busy_database_waits_and_is_recorded_once_it_is_free(kiosk: Kiosk, data_dir: Path) -> None:
    presenter, view, retry, mono = _busy_setup(kiosk)
    other = _hold_the_lock(data_dir)
    try:
        assert presenter.scan("PLUS20-0001")  # taken in hand, not refused
        assert view.failures[-1].retrying and view.failures[-1].code == "PLUS20-0001"
        assert retry.running_ms == RETRY_MS and view.sounds == [] and view.verdicts == []
        assert not presenter.scan("PLUS20-0001")  # scanned again meanwhile: already on its way
        assert presenter.scan("PLUS20-0002")  # the next guest queues behind
        mono.t += 0.25
        presenter.on_retry()  # still busy: waits on
        assert retry.running_ms == RETRY_MS and view.verdicts == []
    finally:
        other.rollback()
        other.close()
    mono.t += 0.25
    presenter.on_retry()
    assert [v.code for v in view.verdicts] == ["PLUS20-0001", "PLUS20-0002"]  # in the order they came
    assert all(v.verdict is Verdict.ACCEPTED for v in view.verdicts)
    assert view.sounds == [Verdict.ACCEPTED, Verdict.ACCEPTED]
    assert kiosk.presence(kiosk.find("PLUS20-0001").id).inside
    assert kiosk.presence(kiosk.find("PLUS20-0002").id).inside


def test_a_database_busy_for_too_long_says_not_recorded(kiosk: Kiosk, data_dir: Path) -> None:
    presenter, view, _retry, mono = _busy_setup(kiosk)
    other = _hold_the_lock(data_dir)
    try:
        presenter.scan("PLUS20-0003")
        mono.t += RETRY_FOR_S + 0.1
        presenter.on_retry()
    finally:
        other.rollback()
        other.close()
    final = view.failures[-1]
    assert not final.retrying and final.kind is StorageKind.LOCKED and final.code == "PLUS20-0003"
    assert view.sounds == [Verdict.INVALID]
    assert not kiosk.presence(kiosk.find("PLUS20-0003").id).inside
    assert presenter.scan("PLUS20-0003")  # the staff scan again once it is free: recorded
    assert view.verdicts[-1].verdict is Verdict.ACCEPTED


def test_without_a_retry_timer_a_busy_database_is_not_recorded_at_once(setup: Setup, kiosk: Kiosk,
                                                                      data_dir: Path) -> None:
    presenter, view, _, _ = setup
    kiosk.wait_for_writers(50)
    other = _hold_the_lock(data_dir)
    try:
        assert not presenter.scan("PLUS20-0004")
    finally:
        other.rollback()
        other.close()
    assert view.failures[-1].kind is StorageKind.LOCKED and not view.failures[-1].retrying
