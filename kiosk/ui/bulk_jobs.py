"""The Kiosk menu's bulk jobs, Import registrations… and Badges PDF for everyone…, with a progress dialog.

Each job opens its OWN Kiosk (its own SQLite connection) on a TaskRunner thread (kiosk.service.jobs);
the UI thread only shows progress and, at the end, a summary or one clear error sentence.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from kiosk.badges.batch import BatchResult
from kiosk.domain.demo import is_demo
from kiosk.importing import identity_words, worded
from kiosk.importing.messages import changes_lines
from kiosk.service import Kiosk, KioskError
from kiosk.service.errors import Refused, StorageError
from kiosk.service.importer import ImportReport
from kiosk.service.jobs import badges_in_thread, import_in_thread
from kiosk.ui.background import Task, TaskProgress, TaskRunner
from kiosk.ui.dialogs import Dialogs
from kiosk.ui.i18n import counted

IMPORT_FILTERS = "Registrations (*.csv *.tsv *.txt *.xlsx *.xls *.ods);;All files (*)"
MAX_SKIPPED_LINES = 15


def import_summary(report: ImportReport, lang: str) -> str:
    """The summary staff read after an import: counts, then skipped rows and encoding warnings with their
    line numbers, the parser's reasons worded in the window's language ``lang``."""
    def t(text: str, value: int) -> str:
        return text.replace("%1", counted(value))  # "100 000" (line numbers below stay as an editor shows them)

    lines = [t(QCoreApplication.translate("BulkJobs", "Added: %1"), report.added),
             t(QCoreApplication.translate("BulkJobs", "Updated: %1"), report.updated),
             t(QCoreApplication.translate("BulkJobs", "Unchanged: %1"), report.unchanged),
             t(QCoreApplication.translate("BulkJobs", "Cancelled: %1"), report.cancelled),
             t(QCoreApplication.translate("BulkJobs", "Skipped: %1"), len(report.skipped))]
    lines += _identity_lines(report, lang)
    lines += _numbered([(row.line, row.reason) for row in report.skipped], lang)
    if report.warnings:
        lines.append(t(QCoreApplication.translate("BulkJobs", "Encoding warnings: %1"), len(report.warnings)))
        lines += _numbered(report.warnings, lang)
    # Each updated guest's fields, the doors' corrections kept or replaced: the import's own sentences (as the
    # CLI's), capitalised like the lines above them here.
    lines += [line if line.startswith(" ") else line[:1].upper() + line[1:] for line in changes_lines(
        [(c.attendee.full_name, c.fields) for c in report.changed],
        [(c.attendee.full_name, c.field, c.current, c.file) for c in report.kept],
        [(c.attendee.full_name, c.field, c.current, c.file) for c in report.replaced], lang)]
    if report.missing:
        # %1, not %n: lupdate reads QCoreApplication.translate() as singular only, and Qt then finds no French
        # for a count of 2 or more. Worded so the number needs no plural.
        n = len(report.missing)
        lines.append(t(QCoreApplication.translate(
            "BulkJobs", "Missing from this file, kept as they are: %1"), n))
        lines += _listed([f"{a.ticket_code or ''}  {a.full_name}".strip() for a in report.missing[:MAX_SKIPPED_LINES]],
                         n)
    return "\n".join(lines)


def _identity_lines(report: ImportReport, lang: str) -> list[str]:
    """Which sheet was read, which column the ticket codes (the QR) come from and how rows were told apart
    from the guests already here: what staff check before trusting a re-import."""
    lines = []
    if report.sheet:
        lines.append(QCoreApplication.translate("BulkJobs", "Sheet: “%1”").replace("%1", report.sheet))
    if report.code_source:
        lines.append(QCoreApplication.translate("BulkJobs", "Ticket code read from the column “%1”").replace(
            "%1", report.code_source))
    matched = ", ".join(QCoreApplication.translate("BulkJobs", "%1 on %2").replace("%1", counted(n)).replace(
        "%2", identity_words(how, lang)) for how, n in report.matches.items())
    how = identity_words(report.matched_by, lang) + (f" ({matched})" if matched else "")
    lines.append(QCoreApplication.translate("BulkJobs", "Rows matched by %1").replace("%1", how))
    return lines


def _numbered(entries: list[tuple[int, str]], lang: str) -> list[str]:
    """The first MAX_SKIPPED_LINES entries as "line 12: reason", then how many more are left out."""
    line = QCoreApplication.translate("BulkJobs", "line %1: %2")
    return _listed([line.replace("%1", str(number)).replace("%2", worded(text, lang))
                    for number, text in entries[:MAX_SKIPPED_LINES]], len(entries))


def _listed(first: list[str], total: int) -> list[str]:
    """``first`` (at most MAX_SKIPPED_LINES of ``total`` entries) indented, then how many more are left out."""
    lines = ["  " + entry for entry in first]
    more = total - len(first)
    if more > 0:
        lines.append("  " + QCoreApplication.translate("BulkJobs", "…and %1 more").replace("%1", counted(more)))
    return lines


def error_sentence(error: object, lang: str) -> str:
    """One sentence for staff, in the window's language ``lang``: a refusal (an import's among them)
    worded from its key, the storage's reason, the service's own words for another KioskError, the kind
    of failure otherwise."""
    if isinstance(error, Refused):
        return error.message(lang)
    if isinstance(error, StorageError):
        return error.reason(lang)
    if isinstance(error, KioskError | OSError):
        return str(error)
    return QCoreApplication.translate("BulkJobs", "unexpected error (%1)").replace("%1", type(error).__name__)


def safe_file_name(text: str) -> str:
    return re.sub(r"[^\w.-]+", "-", text).strip("-.") or "badges"


class BulkJobs(QObject):
    """Runs the menu's bulk jobs (a registrations file imported, every guest's badge drawn) one at a time;
    ``dataChanged`` after an import so the window refreshes figures."""

    dataChanged = Signal()

    def __init__(self, kiosk: Kiosk, data_dir: Path, runner: TaskRunner, dialogs: Dialogs, parent: QWidget,
                 badge_format: Callable[[], str]) -> None:
        super().__init__(parent)
        self.kiosk, self.data_dir, self.runner, self.dialogs = kiosk, data_dir, runner, dialogs
        self.window, self.badge_format = parent, badge_format
        self.progress: QProgressDialog | None = None
        self.task: Task | None = None
        self.last_message = ""

    @property
    def busy(self) -> bool:
        return self.task is not None and self.task.running

    def import_registrations(self, path: Path | None = None, *, overwrite: bool = False) -> Task | None:
        """Ask for a file (unless given), import it off the UI thread, then say what changed. ``overwrite``:
        the file's values replace the doors' corrections too (offered after an import that kept some)."""
        if self.busy:
            return None
        path = path or self.dialogs.open_file(self.window, self.tr("Import registrations"), IMPORT_FILTERS)
        if path is None:
            return None
        k = self.kiosk
        if not overwrite and is_demo(k.event) and not self.dialogs.confirm(
                self.window, self.tr("Import registrations"),
                self.tr("This kiosk is on the #Plus20 demo event: the guests of %1 would join its fictitious "
                        "guests, whose codes open the door too. For your own event, create it first "
                        "(kiosk event create --name \"…\", see the organiser's guide), then import."
                        ).replace("%1", path.name),
                self.tr("Import into the demo"), self.tr("Do not import")):
            return None
        self._show_progress(self.tr("Importing %1…").replace("%1", path.name), self.tr("Import registrations"))
        stopped = self.tr("Import of %1 stopped, nothing was changed: %2").replace("%1", path.name)
        return self._start(
            lambda progress: import_in_thread(self.data_dir, k.device_name, k.lang, path, progress,
                                              overwrite=overwrite), "import",
            on_done=lambda report: self._imported(path, report),
            on_failed=lambda error: self._failed(stopped.replace("%2", error_sentence(error, k.lang))),
            on_phase=lambda phase: self._import_phase(path, phase))

    def badges_pdf(self, output: Path | None = None) -> Task | None:
        """Ask where to save, render every guest's badge off the UI thread, then say where it is."""
        if self.busy:
            return None
        suggested = safe_file_name(f"badges-{self.kiosk.event.name}") + ".pdf"
        output = output or self.dialogs.save_file(self.window, self.tr("Badges PDF for everyone"), suggested,
                                                  "PDF (*.pdf)")
        if output is None:
            return None
        k, fmt = self.kiosk, self.badge_format()
        self._show_progress(self.tr("Drawing the badges…"), self.tr("Badges PDF for everyone"))
        return self._start(
            lambda progress: badges_in_thread(self.data_dir, k.device_name, k.lang, fmt, output, progress), "badges",
            on_done=self._rendered,
            on_failed=lambda error: self._failed(self.tr("Could not write the badges PDF: %1").replace(
                "%1", error_sentence(error, k.lang))))

    # --- progress and results ------------------------------------------------------------
    def _start(self, fn: Callable[[TaskProgress], object], name: str, *, on_done: Callable[[Any], None],
               on_failed: Callable[[BaseException], None], on_phase: Callable[[str], None] | None = None) -> Task:
        """Run ``fn`` on the runner: the progress dialog follows it and is closed before the result is said."""
        def closed_then(then: Callable[[Any], None]) -> Callable[[Any], None]:
            def close_and_say(outcome: Any) -> None:
                self._close_progress()
                then(outcome)
            return close_and_say

        self.task = self.runner.start(fn, name, on_done=closed_then(on_done), on_failed=closed_then(on_failed),
                                      on_progress=self._progressed, on_phase=on_phase)
        return self.task

    def _show_progress(self, label: str, title: str) -> None:
        dialog = QProgressDialog(label, "", 0, 0, self.window)
        dialog.setWindowTitle(title)
        dialog.setAccessibleName("progress")
        dialog.setCancelButton(None)  # the work is one transaction: no half import
        dialog.setWindowModality(Qt.WindowModality.NonModal)  # the door keeps scanning meanwhile
        dialog.setMinimumDuration(0)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.resize(460, dialog.sizeHint().height())
        dialog.show()
        self.progress = dialog

    def _progressed(self, done: int, total: int) -> None:
        if self.progress is not None and total > 0:
            self.progress.setMaximum(total)
            self.progress.setValue(min(done, total))

    def _import_phase(self, path: Path, phase: str) -> None:
        """Each phase in words; the bar counts rows only while they are matched, and is a busy bar
        (maximum 0) while the file is read, written and indexed: a full bar for seconds would say done."""
        labels = {
            "read": self.tr("Reading %1…"),
            "match": self.tr("Comparing %1 with the guests already here…"),
            "write": self.tr("Saving the guests of %1…"),
            "index": self.tr("Indexing the guests of %1 for search…"),
        }
        if self.progress is None or phase not in labels:
            return
        self.progress.setLabelText(labels[phase].replace("%1", path.name))
        if phase != "match":
            self.progress.setMaximum(0)
            self.progress.setValue(0)

    def _close_progress(self, _result: object = None) -> None:
        if self.progress is not None:
            self.progress.close()
            self.progress.deleteLater()
            self.progress = None

    def _imported(self, path: Path, report: ImportReport) -> None:
        self.dataChanged.emit()
        self.last_message = import_summary(report, self.kiosk.lang)
        title = self.tr("Imported %1").replace("%1", path.name)
        if not report.kept or report.overwrite:
            self.dialogs.info(self.window, title, self.last_message)
            return
        # Corrections the file would have reverted were kept: the summary asks whether to keep them (the
        # default: a stray Enter keeps them) or to put the file's values in their place (imported again).
        question = self.tr("The file still gives these guests the values of the previous import: the "
                           "corrections made since then were kept. Keep them, or put the file's values in "
                           "their place?")
        if self.dialogs.choose(self.window, title, f"{self.last_message}\n\n{question}",
                               self.tr("Use the file's values"), self.tr("Keep the corrections")):
            self.import_registrations(path, overwrite=True)

    def _rendered(self, result: BatchResult) -> None:
        self.last_message = self.tr("%n badge(s) on %1 page(s): %2", "", result.badges).replace(
            "%1", str(result.pages)).replace("%2", str(result.output))
        self.dialogs.info(self.window, self.tr("Badges PDF for everyone"), self.last_message)

    def _failed(self, sentence: str) -> None:
        self.last_message = sentence
        self.dialogs.error(self.window, sentence)
