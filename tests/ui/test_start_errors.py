"""The window that cannot start says why in a dialog (a double-click has no terminal), and where no
dialog can exist (no display) in a log file it names: real read-only mounts, a real newer database."""

from __future__ import annotations

import sqlite3
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from kiosk.cli import cmd_gui
from kiosk.cli.main import main
from kiosk.ui import start_errors
from tests.helpers.faults import mount_point, mount_tmpfs

__all__ = ["mount_point"]  # a fixture


@pytest.fixture
def dialogs(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every start-error box really shown (modal, offscreen counted as seen), its text, then closed."""
    monkeypatch.setattr(start_errors, "HEADLESS_PLATFORMS", ())
    seen: list[str] = []

    def close_when_shown() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            seen.append(f"{box.windowTitle()}\n{box.text()}")
            box.accept()
        else:
            QTimer.singleShot(20, close_when_shown)

    real_exec = QMessageBox.exec

    def exec_and_close(box: QMessageBox) -> int:
        QTimer.singleShot(20, close_when_shown)
        return real_exec(box)

    monkeypatch.setattr(QMessageBox, "exec", exec_and_close)
    return seen


def test_the_box_is_plain_text_with_the_reason_and_the_log(qtbot: QtBot) -> None:
    box = start_errors.start_error_box("kiosk ne peut pas démarrer", "<b>/données</b> : lecture seule",
                                       "Détails dans le journal : /tmp/kiosk.log")
    qtbot.addWidget(box)
    assert box.textFormat().name == "PlainText"  # a path or a name is never markup
    assert "<b>/données</b> : lecture seule" in box.text() and "/tmp/kiosk.log" in box.text()
    assert box.icon() == QMessageBox.Icon.Critical


def test_offscreen_nobody_sees_a_box_so_none_waits(qtbot: QtBot) -> None:
    assert start_errors.show_start_error("titre", "raison") is False


def test_a_data_dir_on_a_read_only_disk_is_told_in_a_dialog(
        qtbot: QtBot, dialogs: list[str], mount_point: Path, capsys: pytest.CaptureFixture[str]) -> None:
    mount_tmpfs(mount_point, "ro")
    status = main(["--data-dir", str(mount_point / "kiosk"), "--lang", "fr", "gui", "--no-camera"])
    assert status == 2
    assert len(dialogs) == 1, dialogs
    assert dialogs[0].startswith("kiosk ne peut pas démarrer\n")
    assert str(mount_point / "kiosk") in dialogs[0]
    assert "kiosk-start-error.log" in dialogs[0]  # the data dir cannot hold the log: the temp dir does
    assert str(mount_point / "kiosk") in capsys.readouterr().err  # and on stderr, as before


def test_a_database_from_a_newer_kiosk_is_told_in_a_dialog_in_english_too(
        qtbot: QtBot, dialogs: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = tmp_path / "data"
    assert main(["--data-dir", str(data), "demo"]) == 0
    with sqlite3.connect(data / "kiosk.db") as conn:
        conn.execute("PRAGMA user_version = 9999")
    status = main(["--data-dir", str(data), "--lang", "en", "gui", "--no-camera"])
    assert status == 2
    assert len(dialogs) == 1, dialogs
    title, _, text = dialogs[0].partition("\n")
    assert title == "kiosk cannot start"
    assert "comes from a newer kiosk (schema v9999" in text and "Nothing was changed" in text
    assert f"Details in the log: {data / 'kiosk.log'}" in text
    assert "newer kiosk" in (data / "kiosk.log").read_text(encoding="utf-8")
    err = capsys.readouterr().err
    assert "newer kiosk" in err and "plus récente" not in err  # one language
    with sqlite3.connect(data / "kiosk.db") as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == 9999  # untouched


def test_no_display_writes_the_reason_to_a_log_it_names(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    for name in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setattr(sys, "platform", "linux")
    data = tmp_path / "data"
    assert main(["--data-dir", str(data), "--lang", "fr"]) == 2  # no command: the window, as a double-click
    err = capsys.readouterr().err
    assert "pas d'écran" in err and f"Détails dans le journal : {data / 'kiosk.log'}" in err
    assert "pas d'écran" in (data / "kiosk.log").read_text(encoding="utf-8")


def test_a_display_of_any_kind_is_enough() -> None:
    assert not cmd_gui.no_display({"DISPLAY": ":0"})
    assert not cmd_gui.no_display({"WAYLAND_DISPLAY": "wayland-0"})
    assert not cmd_gui.no_display({"QT_QPA_PLATFORM": "offscreen"})
