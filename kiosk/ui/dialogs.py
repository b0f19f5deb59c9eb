"""Modal questions staff answer at the door. Pages call them through a ``Dialogs`` object so tests
can replace the answers without driving a modal event loop."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from kiosk.ui.widgets.plain_label import PlainLabel


@dataclass(frozen=True)
class OverrideAnswer:
    reason: str
    staff: str


class OverrideDialog(QDialog):
    """'Let in anyway': who decides and why; both are written to the scan log."""

    def __init__(self, guest: str, staff: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Let in anyway"))
        self.setAccessibleName("override dialog")
        intro = PlainLabel(self.tr("Let %1 in anyway? This is recorded with your name and reason.").replace("%1",
                                                                                                            guest))
        intro.setWordWrap(True)
        self.reason = QLineEdit()
        self.reason.setAccessibleName("override reason")
        self.reason.setPlaceholderText(self.tr("e.g. lost phone, checked ID"))
        self.staff = QLineEdit(staff)
        self.staff.setAccessibleName("staff name")
        self.staff.setPlaceholderText(self.tr("Your first name (asked once)"))
        form = QFormLayout()
        form.addRow(PlainLabel(self.tr("Reason")), self.reason)
        form.addRow(PlainLabel(self.tr("Staff")), self.staff)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("Let in"))
        ok.setAccessibleName("confirm override")
        ok.setEnabled(False)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        for field in (self.reason, self.staff):
            field.textChanged.connect(self._validate)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.resize(520, self.sizeHint().height())

    def _validate(self) -> None:
        ok = bool(self.reason.text().strip() and self.staff.text().strip())
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ok)

    def answer(self) -> OverrideAnswer:
        return OverrideAnswer(self.reason.text().strip(), self.staff.text().strip())


def plain_box(icon: QMessageBox.Icon, title: str, text: str, parent: QWidget | None) -> QMessageBox:
    """A message box whose text is shown as typed: names and codes in it are data, never markup."""
    box = QMessageBox(icon, title, "", QMessageBox.StandardButton.NoButton, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setText(text)
    return box


MAX_INFO_WIDTH = 1000  # px: a summary box stays on a 1280x720 laptop's screen; longer lines wrap


def info_box(title: str, text: str, parent: QWidget | None) -> QMessageBox:
    """A summary (an import's, a batch of badges'): plain text, one OK, and as wide as its longest line
    (up to MAX_INFO_WIDTH), so lines such as "Rows matched by ticket code, then name + e-mail (39 on ticket
    code)" stay whole: QMessageBox alone wraps at half the screen's width, 400 px on a small one."""
    box = plain_box(QMessageBox.Icon.Information, title, text, parent)
    box.addButton(QMessageBox.StandardButton.Ok)
    box.setAccessibleName("summary")
    _fit_lines(box, text)
    return box


def _fit_lines(box: QMessageBox, text: str) -> None:
    """The box as wide as ``text``'s longest line, up to MAX_INFO_WIDTH (see info_box)."""
    label = box.findChild(QLabel, "qt_msgbox_label")
    if label is not None:
        metrics = label.fontMetrics()
        widest = max(metrics.horizontalAdvance(line) for line in text.splitlines() or [""])
        label.setMinimumWidth(min(widest + metrics.averageCharWidth(), MAX_INFO_WIDTH))


def choice_box(title: str, text: str, yes: str, no: str, parent: QWidget | None) -> tuple[QMessageBox, QWidget]:
    """A summary whose last paragraph is a question (an import that kept corrections): as wide as the
    summary's lines (info_box), the question wrapped to it; two buttons saying what they do, ``no`` the
    default. Returns the box and its ``yes`` button."""
    box = plain_box(QMessageBox.Icon.Question, title, text, parent)
    box.setAccessibleName("summary")
    _fit_lines(box, text.rpartition("\n\n")[0] or text)
    yes_button = box.addButton(yes, QMessageBox.ButtonRole.AcceptRole)
    yes_button.setAccessibleName("confirm")
    no_button = box.addButton(no, QMessageBox.ButtonRole.RejectRole)
    no_button.setAccessibleName("keep")
    box.setDefaultButton(no_button)  # Enter from a stray scanner burst must not choose
    return box, yes_button


class Dialogs:
    """The real, modal implementations."""

    def ask_override(self, parent: QWidget, guest: str, staff: str) -> OverrideAnswer | None:
        dialog = OverrideDialog(guest, staff, parent)
        return dialog.answer() if dialog.exec() == QDialog.DialogCode.Accepted else None

    def confirm(self, parent: QWidget, title: str, text: str, yes: str, no: str = "",
                *, default_yes: bool = False) -> bool:
        """Both buttons say what they do ("Undo the scan" / "Keep"): in French a standard Cancel
        reads "Annuler", the same word as undoing a scan. Enter presses the safe answer, unless
        ``default_yes`` (a check-in chosen from the list: Enter, Enter); Escape always backs out."""
        box = plain_box(QMessageBox.Icon.Question, title, text, parent)
        yes_button = box.addButton(yes, QMessageBox.ButtonRole.AcceptRole)
        yes_button.setAccessibleName("confirm")
        if no:
            no_button = box.addButton(no, QMessageBox.ButtonRole.RejectRole)
        else:
            no_button = box.addButton(QMessageBox.StandardButton.Cancel)
        no_button.setAccessibleName("keep")
        box.setEscapeButton(no_button)
        # A scanner's Enter never reaches a dialog (the wedge filter eats its bursts), so Enter means a
        # person pressed it: it confirms what they asked for, but never a removal (undo).
        box.setDefaultButton(yes_button if default_yes else no_button)
        box.exec()
        return box.clickedButton() is yes_button

    def choose(self, parent: QWidget, title: str, text: str, yes: str, no: str) -> bool:
        """A summary ending with a question (see choice_box): True when ``yes`` was clicked."""
        box, yes_button = choice_box(title, text, yes, no, parent)
        box.exec()
        return box.clickedButton() is yes_button

    def error(self, parent: QWidget, text: str) -> None:
        box = plain_box(QMessageBox.Icon.Warning, QCoreApplication.translate("Dialogs", "Kiosk"), text, parent)
        box.addButton(QMessageBox.StandardButton.Ok)
        box.exec()

    def info(self, parent: QWidget, title: str, text: str) -> None:
        info_box(title, text, parent).exec()

    def open_file(self, parent: QWidget, title: str, filters: str) -> Path | None:
        path, _chosen = QFileDialog.getOpenFileName(parent, title, str(Path.home()), filters)
        return Path(path) if path else None

    def save_file(self, parent: QWidget, title: str, suggested: str, filters: str) -> Path | None:
        path, _chosen = QFileDialog.getSaveFileName(parent, title, str(Path.home() / suggested), filters)
        return Path(path) if path else None
