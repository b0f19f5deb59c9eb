"""Fixtures for the window: a real Kiosk on a temp database, scripted dialogs, silent sounds."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from PySide6.QtWidgets import QApplication, QWidget

from kiosk.domain.model import Verdict
from kiosk.service import Kiosk
from kiosk.settings import Settings
from kiosk.ui import qtcompat
from kiosk.ui.app import default_screens
from kiosk.ui.dialogs import Dialogs, OverrideAnswer
from kiosk.ui.main_window import MainWindow
from kiosk.ui.printing import PrintSeam
from kiosk.ui.sounds import SoundPlayer

MakeWindow = Callable[..., MainWindow]  # the make_window fixture: keyword options -> a shown window

if TYPE_CHECKING:
    from pytestqt.qtbot import QtBot


class ScriptedDialogs(Dialogs):
    """Answers modal questions from the test instead of a person (no nested event loop)."""

    def __init__(self) -> None:
        self.confirm_answer = True
        self.override_answer: OverrideAnswer | None = OverrideAnswer("lost phone", "Anna")
        self.questions: list[str] = []
        self.buttons: list[tuple[str, str]] = []
        self.defaults: list[str] = []  # the button Enter would press, per confirmation
        self.errors: list[str] = []
        self.infos: list[tuple[str, str]] = []
        self.chosen_file: Path | None = None  # what the file dialogs "choose"
        self.file_requests: list[str] = []

    def ask_override(self, parent: QWidget, guest: str, staff: str) -> OverrideAnswer | None:
        self.questions.append(f"override {guest} ({staff})")
        return self.override_answer

    def confirm(self, parent: QWidget, title: str, text: str, yes: str, no: str = "",
                *, default_yes: bool = False) -> bool:
        self.questions.append(text)
        self.buttons.append((yes, no))
        self.defaults.append(yes if default_yes else no or "cancel")
        return self.confirm_answer

    def choose(self, parent: QWidget, title: str, text: str, yes: str, no: str) -> bool:
        return self.confirm(parent, title, text, yes, no)

    def error(self, parent: QWidget, text: str) -> None:
        self.errors.append(text)

    def info(self, parent: QWidget, title: str, text: str) -> None:
        self.infos.append((title, text))

    def open_file(self, parent: QWidget, title: str, filters: str) -> Path | None:
        self.file_requests.append(title)
        return self.chosen_file

    def save_file(self, parent: QWidget, title: str, suggested: str, filters: str) -> Path | None:
        self.file_requests.append(f"{title}: {suggested}")
        return self.chosen_file


class SteppingClock:
    """Each reading is ``step`` seconds after the previous one (typing speed under test control)."""

    def __init__(self, step: float) -> None:
        self.t = 1000.0
        self.step = step

    def __call__(self) -> float:
        self.t += self.step
        return self.t


class FakeBadgePrinter:
    def __init__(self) -> None:
        self.printed: list[str] = []

    def print_badge(self, attendee: object) -> None:
        self.printed.append(getattr(attendee, "full_name", "?"))


@pytest.fixture(autouse=True, scope="session")
def refcount_guard(qapp: QApplication) -> None:
    """The installed PySide6 must not corrupt reference counts (see kiosk.ui.qtcompat)."""
    qtcompat.check()


@pytest.fixture
def dialogs() -> ScriptedDialogs:
    return ScriptedDialogs()


@pytest.fixture
def sounds() -> SoundPlayer:
    return SoundPlayer(True, backend=lambda _path: None)


@pytest.fixture
def make_window(qtbot: QtBot, kiosk: Kiosk, data_dir: Path, dialogs: ScriptedDialogs,
                sounds: SoundPlayer) -> Iterator[MakeWindow]:
    """Build a MainWindow (no camera unless given), shown at 1366x768, closed after the test."""
    made: list[MainWindow] = []

    def make(*, camera: str = "", printing: PrintSeam | None = None, settings: Settings | None = None,
             **kwargs: object) -> MainWindow:
        kwargs.setdefault("screens", default_screens())  # the Screens menu, as kiosk.ui.app composes it
        window = MainWindow(kiosk, settings or Settings(camera=camera, sounds=True), data_dir,
                            camera_source=camera, printing=printing, dialogs=dialogs, sounds=sounds,
                            **kwargs)  # type: ignore[arg-type]
        qtbot.addWidget(window)
        window.resize(1366, 768)
        window.show()
        qtbot.waitExposed(window)
        made.append(window)
        return window

    yield make
    for window in made:
        window.shutdown()


@pytest.fixture
def window(make_window: MakeWindow) -> Iterator[MainWindow]:
    yield make_window()


def panel_verdict(window: MainWindow) -> Verdict | None:
    return window.checkin_page.panel.verdict


def focus(widget: QWidget) -> None:
    widget.activateWindow()
    widget.setFocus()
    QApplication.processEvents()
