"""Kiosk → "Ready for the evening?" in the window: the list of `kiosk check`, off the UI thread, plain
text, checked again on demand; a screenshot at 1366x768 for the docs."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from kiosk.service import Kiosk
from kiosk.ui import i18n
from kiosk.ui.pages.readiness_dialog import ReadinessDialog
from tests.ui.conftest import MakeWindow

DOCS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"


def test_the_demo_is_said_not_ready_with_what_to_do(qapp: QApplication, make_window: MakeWindow, kiosk: Kiosk,
                                                   qtbot: QtBot) -> None:
    translators = i18n.install(qapp, "fr")
    try:
        said_in_french(make_window, qtbot)
    finally:
        for translator in translators:
            qapp.removeTranslator(translator)


def said_in_french(make_window: MakeWindow, qtbot: QtBot) -> None:
    window = make_window()
    dialog = window.open_readiness()
    qtbot.waitUntil(lambda: bool(dialog.lines), timeout=20000)
    shown = dialog.texts()
    assert "fail: L'événement actif est la démo" in shown
    assert any(text.startswith("ok: ") and "invités" in text for text in shown)
    assert dialog.summary.text().startswith("Pas encore prêt")
    assert dialog.again.isEnabled()
    from PySide6.QtWidgets import QLabel

    qtbot.waitUntil(lambda: any(label.isVisible() and "démo" in label.text()
                                for label in dialog.findChildren(QLabel)))  # shown at the next event loop turn
    if os.environ.get("KIOSK_SCREENSHOTS", "1") == "1":
        DOCS.mkdir(parents=True, exist_ok=True)
        window.grab().save(str(DOCS / "readiness-window.png"))
        dialog.grab().save(str(DOCS / "readiness.png"))
    dialog.close()


def test_an_event_name_with_markup_is_shown_as_text(make_window: MakeWindow, kiosk: Kiosk, qtbot: QtBot) -> None:
    from kiosk.domain.readiness import FAIL, Line

    window = make_window()
    dialog = ReadinessDialog(lambda: [Line("event", FAIL, "Événement : <b>Gala</b>", "fix <i>it</i>")],
                             window.runner, window)
    dialog.refresh()
    qtbot.waitUntil(lambda: bool(dialog.lines), timeout=20000)
    from PySide6.QtWidgets import QLabel

    texts = [label.text() for label in dialog.findChildren(QLabel)]
    assert "Événement : <b>Gala</b>" in texts
    assert all(label.textFormat() == label.textFormat().PlainText for label in dialog.findChildren(QLabel)
               if "<b>" in label.text() or "<i>" in label.text())
    dialog.close()
