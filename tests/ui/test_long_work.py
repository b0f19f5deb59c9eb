"""Kiosk menu → Import registrations… and Badges PDF for everyone…: real files, real SQLite, real threads."""

from __future__ import annotations

import csv
import itertools
import time
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer

from kiosk.service import Kiosk
from kiosk.ui.background import TaskRunner
from kiosk.ui.main_window import MainWindow

if TYPE_CHECKING:
    from pytestqt.qtbot import QtBot

    from tests.ui.conftest import MakeWindow, ScriptedDialogs


def write_registrations(path: Path, count: int) -> Path:
    with path.open("w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f, delimiter=";")
        writer.writerow(["Prénom", "Nom", "E-mail", "Code billet", "Organisation"])
        for i in range(count):
            writer.writerow([f"Inès{i}", f"Zorglub{i:05d}", f"guest{i}@example.org", f"IMP-{i:05d}", "Acme"])
        writer.writerow(["", "", "", "IMP-NONAME", ""])  # no name at all: skipped, with its line number
    return path


def test_import_from_the_menu_runs_off_the_ui_thread(make_window: MakeWindow, kiosk: Kiosk, dialogs: ScriptedDialogs,
                                                     tmp_path: Path,
                                                      qtbot: QtBot) -> None:
    window: MainWindow = make_window()
    before = kiosk.stats().registered
    dialogs.chosen_file = write_registrations(tmp_path / "inscriptions.csv", 20_000)
    ticks: list[float] = []
    heartbeat = QTimer()
    heartbeat.timeout.connect(lambda: ticks.append(time.monotonic()))
    heartbeat.start(20)
    window.import_action.trigger()
    task = window.long_work.task
    assert task is not None and task.running
    progress = window.long_work.progress
    assert progress is not None and progress.isVisible() and "inscriptions.csv" in progress.labelText()
    steps: list[tuple[int, int]] = []
    task.progressed.connect(lambda done, total: steps.append((done, total)))
    qtbot.waitUntil(lambda: not task.running, timeout=30_000)
    heartbeat.stop()

    assert steps and steps[-1] == (20_000, 20_000)
    gaps = [b - a for a, b in itertools.pairwise(ticks)]
    assert len(ticks) > 5 and max(gaps) < 0.5, f"UI thread blocked for {max(gaps):.2f} s"
    assert window.long_work.progress is None  # closed before the summary
    title, summary = dialogs.infos[-1]
    assert "inscriptions.csv" in title
    assert "Added: 20000" in summary and "Skipped: 1" in summary and "line 20002" in summary
    assert kiosk.stats().registered == before + 20_000
    assert str(before + 20_000) in window.header.figures.text()
    assert kiosk.find("IMP-01234").last_name == "Zorglub01234"


def test_bad_file_says_why_and_changes_nothing(make_window: MakeWindow, kiosk: Kiosk, dialogs: ScriptedDialogs,
                                               tmp_path: Path, qtbot: QtBot) -> None:
    window = make_window()
    bad = tmp_path / "export.csv"
    bad.write_text("foo;bar\n1;2\n", encoding="utf-8")
    before = kiosk.stats().registered
    dialogs.chosen_file = bad
    window.import_action.trigger()
    qtbot.waitUntil(lambda: bool(dialogs.errors), timeout=10_000)
    assert len(dialogs.errors) == 1 and "\n" not in dialogs.errors[0]
    assert "export.csv" in dialogs.errors[0] and "name column" in dialogs.errors[0]
    assert "nothing was changed" in dialogs.errors[0]
    assert not dialogs.infos and window.long_work.progress is None
    assert kiosk.stats().registered == before


def test_cancelled_file_dialog_does_nothing(make_window: MakeWindow, dialogs: ScriptedDialogs) -> None:
    window = make_window()
    dialogs.chosen_file = None
    window.import_action.trigger()
    window.badges_action.trigger()
    assert window.long_work.task is None and len(dialogs.file_requests) == 2


def test_badges_pdf_for_everyone(make_window: MakeWindow, kiosk: Kiosk, dialogs: ScriptedDialogs, tmp_path: Path,
                                 qtbot: QtBot) -> None:
    window = make_window()
    dialogs.chosen_file = tmp_path / "tous.pdf"
    window.badges_action.trigger()
    task = window.long_work.task
    assert task is not None
    steps: list[tuple[int, int]] = []
    task.progressed.connect(lambda done, total: steps.append((done, total)))
    qtbot.waitUntil(lambda: not task.running, timeout=30_000)
    guests = sum(1 for a in kiosk.attendees() if not a.cancelled)
    assert steps and steps[-1] == (guests, guests)
    assert (tmp_path / "tous.pdf").read_bytes().startswith(b"%PDF")
    assert str(guests) in dialogs.infos[-1][1] and "tous.pdf" in dialogs.infos[-1][1]
    assert "badges-" in dialogs.file_requests[-1]  # a suggested file name named after the event


def test_task_runner_reports_results_errors_and_progress(qtbot: QtBot) -> None:
    runner = TaskRunner(synchronous=True)

    def work(progress) -> str:  # type: ignore[no-untyped-def]
        progress(2, 2)
        return "done"

    task = runner.start(work)
    assert task.result == "done" and not task.running
    failing = runner.start(lambda _progress: 1 / 0)
    assert isinstance(failing.error, ZeroDivisionError)
    threaded = TaskRunner()
    later = threaded.start(lambda _progress: 42)
    qtbot.waitUntil(lambda: not later.running, timeout=5000)
    assert later.result == 42
    threaded.shutdown()
    runner.shutdown()
