"""The Kiosk menu's bulk jobs (Import registrations…, Badges PDF for everyone…): real files, SQLite, threads."""

from __future__ import annotations

import csv
import time
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from kiosk.domain.model import Event
from kiosk.service import Kiosk
from kiosk.service.errors import StorageError, StorageKind, WorkshopFull
from kiosk.ui import i18n
from kiosk.ui.background import TaskRunner
from kiosk.ui.bulk_jobs import error_sentence
from kiosk.ui.i18n import counted
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
    ticks: list[float] = []  # the UI thread's heartbeat while the import runs
    heartbeat = QTimer()
    heartbeat.timeout.connect(lambda: ticks.append(time.monotonic()) if window.bulk_jobs.task is not None
                              and window.bulk_jobs.task.running else None)
    heartbeat.start(20)
    window.import_action.trigger()
    task = window.bulk_jobs.task
    assert task is not None and task.running
    progress = window.bulk_jobs.progress
    assert progress is not None and progress.isVisible() and "inscriptions.csv" in progress.labelText()
    steps: list[tuple[int, int]] = []
    task.progressed.connect(lambda done, total: steps.append((done, total)))
    seen: list[tuple[str, str, int, int]] = []  # phase, the dialog's label then, its maximum, rows counted

    def phased(phase: str) -> None:
        assert progress is not None  # connected after the window's own slot: the label is already new
        seen.append((phase, progress.labelText(), progress.maximum(), len(steps)))

    task.phased.connect(phased)
    qtbot.waitUntil(lambda: not task.running, timeout=30_000)
    heartbeat.stop()

    assert steps and steps[-1] == (20_000, 20_000)
    # Said in words phase by phase; no count while reading, writing and indexing (a busy bar, maximum 0),
    # never a full bar standing for seconds: every row counted before "write".
    assert [(phase, label, maximum) for phase, label, maximum, _ in seen] == [
        ("read", "Reading inscriptions.csv…", 0),
        ("match", "Comparing inscriptions.csv with the guests already here…", 0),
        ("write", "Saving the guests of inscriptions.csv…", 0),
        ("index", "Indexing the guests of inscriptions.csv for search…", 0)]
    assert seen[2][3] == len(steps) and seen[1][3] == 0
    # The UI thread went on handling its events while the import ran (on the UI thread, no tick could
    # fire before it ended). How long its pauses were is measured by bench_import, not asserted here.
    assert len(ticks) > 5
    assert window.bulk_jobs.progress is None  # closed before the summary
    title, summary = dialogs.infos[-1]
    assert "inscriptions.csv" in title
    assert f"Added: {counted(20_000)}" in summary and "Skipped: 1" in summary and "line 20002" in summary
    assert kiosk.stats().registered == before + 20_000
    assert counted(before + 20_000) in window.header.figures.text()  # "20 143" in French, "20,143" in English
    assert kiosk.find("IMP-01234").last_name == "Zorglub01234"


def test_bad_file_says_why_and_changes_nothing(make_window: MakeWindow, kiosk: Kiosk, dialogs: ScriptedDialogs,
                                               tmp_path: Path, qtbot: QtBot) -> None:
    kiosk.lang = "en"  # the English window (no translator installed): the import's words in English too
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
    assert not dialogs.infos and window.bulk_jobs.progress is None
    assert kiosk.stats().registered == before


def write_mixed_export(path: Path) -> Path:
    """Ten UTF-8 rows, one Windows-1252 row pasted in (line 12), one row without a name (line 13)."""
    rows = "".join(f"MIX-{i};Hélène{i};Dupont\n" for i in range(10))
    path.write_bytes(("Billet;Prénom;Nom\n" + rows).encode() + b"MIX-99;Zo\xe9;Martin\n;;\nMIX-100;;\n")
    return path


def test_the_french_window_says_in_french_why_a_file_is_refused_and_what_was_skipped(
        qapp: QApplication, make_window: MakeWindow, kiosk: Kiosk, dialogs: ScriptedDialogs, tmp_path: Path,
        qtbot: QtBot) -> None:
    translators = i18n.install(qapp, "fr")
    try:
        assert kiosk.lang == "fr"
        window = make_window()
        before = kiosk.stats().registered
        dialogs.chosen_file = tmp_path / "export.csv"
        dialogs.chosen_file.write_text("foo;bar\n1;2\n", encoding="utf-8")
        window.import_action.trigger()
        qtbot.waitUntil(lambda: bool(dialogs.errors), timeout=10_000)
        assert dialogs.errors == [
            "Import de export.csv arrêté, rien n’a été modifié : export.csv : aucune colonne de prénom, de nom ou "
            "de nom complet ; les en-têtes sont : « foo », « bar »"]
        assert kiosk.stats().registered == before

        dialogs.chosen_file = write_mixed_export(tmp_path / "collage.csv")
        window.import_action.trigger()
        qtbot.waitUntil(lambda: bool(dialogs.infos), timeout=10_000)
        _title, summary = dialogs.infos[-1]
        assert summary.splitlines() == [
            "Ajoutés : 11", "Mis à jour : 0", "Inchangés : 0", "Annulés : 0", "Ignorés : 1",
            "Code de billet lu dans la colonne « Billet »", "Lignes reconnues par code de billet, puis nom + e-mail",
            "  ligne 14 : pas de nom",
            "Avertissements d’encodage : 1",
            "  ligne 12 : texte Windows-1252 dans un fichier UTF-8, lu comme du Windows-1252"]
    finally:
        i18n.remove(qapp, translators)


def test_the_english_window_words_the_same_summary_in_english(make_window: MakeWindow, kiosk: Kiosk,
                                                              dialogs: ScriptedDialogs, tmp_path: Path,
                                                              qtbot: QtBot) -> None:
    kiosk.lang = "en"
    window = make_window()
    dialogs.chosen_file = write_mixed_export(tmp_path / "collage.csv")
    window.import_action.trigger()
    qtbot.waitUntil(lambda: bool(dialogs.infos), timeout=10_000)
    lines = dialogs.infos[-1][1].splitlines()
    assert lines[4:] == ["Skipped: 1", "Ticket code read from the column “Billet”",
                         "Rows matched by ticket code, then name + e-mail", "  line 14: no name",
                         "Encoding warnings: 1",
                         "  line 12: Windows-1252 text in a UTF-8 file, read as Windows-1252"]


def test_a_second_export_lists_who_is_missing_from_it_in_the_windows_language(
        qapp: QApplication, make_window: MakeWindow, kiosk: Kiosk, dialogs: ScriptedDialogs, tmp_path: Path,
        qtbot: QtBot) -> None:
    translators = i18n.install(qapp, "fr")
    try:
        window = make_window()
        first, second = tmp_path / "veille.csv", tmp_path / "jour-j.csv"
        rows = [f"JJ-{i};Zoé{i};Martin\n" for i in range(1, 21)]
        first.write_text("Billet;Prénom;Nom\n" + "".join(rows), encoding="utf-8")
        second.write_text("Billet;Prénom;Nom\n" + "".join(rows[:2]), encoding="utf-8")  # 18 guests left out
        labels: list[str] = []
        for path in (first, second):
            dialogs.chosen_file = path
            shown = len(dialogs.infos)
            window.import_action.trigger()
            task, progress = window.bulk_jobs.task, window.bulk_jobs.progress
            assert task is not None and progress is not None
            task.phased.connect(lambda _phase, p=progress: labels.append(p.labelText()))
            qtbot.waitUntil(lambda: len(dialogs.infos) > shown, timeout=10_000)  # noqa: B023 (waited for here)
        assert labels[4:] == ["Lecture du fichier jour-j.csv…",
                              "Comparaison du fichier jour-j.csv avec les invité·es déjà là…",
                              "Enregistrement des invité·es du fichier jour-j.csv…",
                              "Indexation pour la recherche des invité·es du fichier jour-j.csv…"]
        lines = dialogs.infos[-1][1].splitlines()
        assert lines[:3] == ["Ajoutés : 0", "Mis à jour : 0", "Inchangés : 2"]
        assert "Lignes reconnues par code de billet, puis nom + e-mail (2 par code de billet)" in lines
        gone = lines.index("Absent·es de ce fichier, gardé·es tel·les quel·les : 18")
        listed = sorted(range(3, 21), key=str)[:15]  # as the guest list sorts them: by name, "Zoé10" before "Zoé3"
        assert lines[gone + 1:] == [f"  JJ-{i}  Zoé{i} Martin" for i in listed] + ["  … et 3 de plus"]
        assert kiosk.find("JJ-20").status.value == "valid"  # left as they are: no --prune in the window
    finally:
        i18n.remove(qapp, translators)


def test_an_import_into_the_demo_event_asks_first(make_window: MakeWindow, kiosk: Kiosk, dialogs: ScriptedDialogs,
                                                  tmp_path: Path, qtbot: QtBot) -> None:
    """`make run` opens on the demo: a real export imported from the window would sit among its fictitious
    guests, whose codes open the door. The window asks; "Do not import" changes nothing."""
    kiosk.lang = "en"
    window = make_window()
    before = kiosk.stats().registered
    dialogs.chosen_file = write_registrations(tmp_path / "inscriptions.csv", 3)
    dialogs.confirm_answer = False
    assert window.bulk_jobs.import_registrations() is None
    assert "#Plus20 demo event" in dialogs.questions[-1] and "inscriptions.csv" in dialogs.questions[-1]
    assert dialogs.buttons[-1] == ("Import into the demo", "Do not import")
    assert kiosk.stats().registered == before and not dialogs.infos
    dialogs.confirm_answer = True  # a try-out with one's own file: the demo takes it
    task = window.bulk_jobs.import_registrations()
    assert task is not None
    qtbot.waitUntil(lambda: not task.running, timeout=10_000)
    assert kiosk.stats().registered == before + 3


def test_an_import_into_a_real_event_asks_nothing(make_window: MakeWindow, kiosk: Kiosk, dialogs: ScriptedDialogs,
                                                  tmp_path: Path, qtbot: QtBot) -> None:
    kiosk.create_event(Event(id="e-real", name="Assemblée générale"))
    window = make_window()
    dialogs.chosen_file = write_registrations(tmp_path / "inscriptions.csv", 3)
    task = window.bulk_jobs.import_registrations()
    assert task is not None and dialogs.questions == []
    qtbot.waitUntil(lambda: not task.running, timeout=10_000)
    assert kiosk.stats().registered == 3


def test_error_sentence_words_refusals_in_the_windows_language() -> None:
    full = WorkshopFull("Se loger", 40, 40)
    assert error_sentence(full, "fr") == "l'atelier « Se loger » est complet (40/40)"
    assert error_sentence(full, "en") == "workshop 'Se loger' is full (40/40)"
    busy = StorageError(StorageKind.LOCKED)
    assert error_sentence(busy, "fr").startswith("base de données occupée")
    assert error_sentence(busy, "en").startswith("database busy")


def test_cancelled_file_dialog_does_nothing(make_window: MakeWindow, dialogs: ScriptedDialogs) -> None:
    window = make_window()
    dialogs.chosen_file = None
    window.import_action.trigger()
    window.badges_action.trigger()
    assert window.bulk_jobs.task is None and len(dialogs.file_requests) == 2


def test_badges_pdf_for_everyone(make_window: MakeWindow, kiosk: Kiosk, dialogs: ScriptedDialogs, tmp_path: Path,
                                 qtbot: QtBot) -> None:
    window = make_window()
    dialogs.chosen_file = tmp_path / "tous.pdf"
    window.badges_action.trigger()
    task = window.bulk_jobs.task
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

    heard: list[object] = []  # synchronous: the work runs inside start(), which must still reach the callbacks
    task = runner.start(work, on_done=heard.append, on_progress=lambda done, total: heard.append((done, total)),
                        on_finished=lambda: heard.append("finished"))
    assert task.result == "done" and not task.running
    assert heard == [(2, 2), "done", "finished"]
    failing = runner.start(lambda _progress: 1 / 0, on_failed=heard.append, on_done=heard.append)
    assert isinstance(failing.error, ZeroDivisionError) and heard[-1] is failing.error
    threaded = TaskRunner()
    answers: list[object] = []
    later = threaded.start(lambda _progress: 42, on_done=answers.append)
    qtbot.waitUntil(lambda: not later.running, timeout=5000)
    assert later.result == 42 and answers == [42]
    threaded.shutdown()
    runner.shutdown()
