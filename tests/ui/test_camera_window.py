"""The real camera path: a video file with a QR code stands in for the webcam.

Frames go through CameraStream and LatestFrameDecoder on their threads, come back to the UI
thread as signals, and end as a verdict on screen and a row in the database.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from kiosk.domain.model import ScanKind, Verdict
from kiosk.service import Kiosk
from kiosk.ui.main_window import MainWindow
from kiosk.ui.widgets.header import Light
from tests.helpers.doors import hand_over
from tests.ui.conftest import panel_verdict

if TYPE_CHECKING:
    from pytestqt.qtbot import QtBot

    from tests.conftest import FakeClock
    from tests.ui.conftest import MakeWindow

video = pytest.importorskip("tests.helpers.video")


@pytest.fixture(scope="module")
def videos(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("videos")
    out = {}
    for name, payload in (("guest", "PLUS20-0001"), ("other", "PLUS20-0009"), ("unknown", "ZZ-NOT-A-TICKET")):
        path = folder / f"{name}.avi"
        video.write_qr_video(path, payload, appear_at=10, frames=45)
        out[name] = path
    return out


def run_camera(window: MainWindow, qtbot: QtBot, source: Path | str) -> None:
    window.camera_source = str(source)
    window.start_camera()
    qtbot.waitUntil(lambda: panel_verdict(window) is not None, timeout=10_000)


def test_qr_in_video_checks_the_guest_in(make_window: MakeWindow, kiosk: Kiosk, qtbot: QtBot,
                                         videos: dict[str, Path]) -> None:
    window = make_window()
    run_camera(window, qtbot, videos["guest"])
    guest = kiosk.find("PLUS20-0001")
    assert panel_verdict(window) is Verdict.ACCEPTED
    assert window.checkin_page.panel.name.text() == guest.full_name
    assert kiosk.presence(guest.id).inside
    entries = [s for s in kiosk.history(guest.id) if s.kind is ScanKind.ENTRY]
    assert len(entries) == 1  # read on many frames, recorded once
    qtbot.waitUntil(lambda: window.checkin_page.camera_view.frames_shown > 0, timeout=5000)


def test_duplicate_from_camera_shows_when_and_where(make_window: MakeWindow, kiosk: Kiosk, clock: FakeClock,
                                                    qtbot: QtBot, videos: dict[str, Path], tmp_path: Path) -> None:
    door2 = Kiosk.open(tmp_path / "door-2", device_name="door-2", clock=clock)  # another door: its own data dir
    door2.create_demo()
    door2.check_in_attendee(door2.find("PLUS20-0009").id)
    hand_over(door2, kiosk)
    door2.close()
    clock.advance(300)
    window = make_window()
    run_camera(window, qtbot, videos["other"])
    assert panel_verdict(window) is Verdict.ALREADY_CHECKED_IN
    assert "door-2" in window.checkin_page.panel.hint.text()


def test_unknown_code_from_camera(make_window: MakeWindow, qtbot: QtBot, videos: dict[str, Path]) -> None:
    window = make_window()
    run_camera(window, qtbot, videos["unknown"])
    assert panel_verdict(window) is Verdict.UNKNOWN
    assert window.checkin_page.panel.search_button.isVisible()


def test_missing_camera_file_shows_lost_and_retries(make_window: MakeWindow, tmp_path: Path, qtbot: QtBot) -> None:
    window = make_window()
    seen: list[object] = []
    window.camera_source = str(tmp_path / "no-such-video.avi")
    window.start_camera()
    assert window.camera is not None
    window.camera.statusChanged.connect(seen.append)
    qtbot.waitUntil(lambda: window.header.camera.state is Light.ERROR, timeout=5000)
    assert window.checkin_page.camera_view.message  # "Camera lost — reconnecting…"
    qtbot.waitUntil(lambda: len(seen) >= 2, timeout=8000)  # it keeps trying
    window.stop_camera()


def test_video_that_ends_is_reported_without_crash(make_window: MakeWindow, qtbot: QtBot,
                                                   videos: dict[str, Path]) -> None:
    window = make_window()
    seen: list[str] = []
    window.camera_source = str(videos["guest"])
    window.start_camera()
    assert window.camera is not None
    window.camera.statusChanged.connect(
        lambda status: seen.append(window.checkin_page.camera_view.message + "|" + status.state.value))
    qtbot.waitUntil(lambda: any(s.endswith("|ended") for s in seen), timeout=10_000)
    ended = next(s for s in seen if s.endswith("|ended"))
    assert ended.split("|")[0]  # a sentence over the preview, not a frozen last frame
    assert window.header.camera.state is not Light.OFF
