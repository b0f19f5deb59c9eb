"""Modal questions staff answer at the door. Pages call them through a ``Dialogs`` object so tests
can replace the answers without driving a modal event loop."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication
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
        intro = QLabel(self.tr("Let %1 in anyway? This is recorded with your name and reason.").replace("%1", guest))
        intro.setWordWrap(True)
        self.reason = QLineEdit()
        self.reason.setAccessibleName("override reason")
        self.reason.setPlaceholderText(self.tr("e.g. lost phone, checked ID"))
        self.staff = QLineEdit(staff)
        self.staff.setAccessibleName("staff name")
        form = QFormLayout()
        form.addRow(self.tr("Reason"), self.reason)
        form.addRow(self.tr("Staff"), self.staff)
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


class Dialogs:
    """The real, modal implementations."""

    def ask_override(self, parent: QWidget, guest: str, staff: str) -> OverrideAnswer | None:
        dialog = OverrideDialog(guest, staff, parent)
        return dialog.answer() if dialog.exec() == QDialog.DialogCode.Accepted else None

    def confirm(self, parent: QWidget, title: str, text: str, yes: str) -> bool:
        box = QMessageBox(QMessageBox.Icon.Question, title, text, QMessageBox.StandardButton.NoButton, parent)
        yes_button = box.addButton(yes, QMessageBox.ButtonRole.AcceptRole)
        yes_button.setAccessibleName("confirm")
        no_button = box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(no_button)  # Enter from a stray scanner burst must not confirm
        box.exec()
        return box.clickedButton() is yes_button

    def error(self, parent: QWidget, text: str) -> None:
        QMessageBox.warning(parent, QCoreApplication.translate("Dialogs", "Kiosk"), text)

    def info(self, parent: QWidget, title: str, text: str) -> None:
        box = QMessageBox(QMessageBox.Icon.Information, title, text, QMessageBox.StandardButton.Ok, parent)
        box.setAccessibleName("summary")
        box.exec()

    def open_file(self, parent: QWidget, title: str, filters: str) -> Path | None:
        path, _chosen = QFileDialog.getOpenFileName(parent, title, str(Path.home()), filters)
        return Path(path) if path else None

    def save_file(self, parent: QWidget, title: str, suggested: str, filters: str) -> Path | None:
        path, _chosen = QFileDialog.getSaveFileName(parent, title, str(Path.home() / suggested), filters)
        return Path(path) if path else None
