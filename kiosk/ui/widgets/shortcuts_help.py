"""F1: every action of the door without the mouse, in one short list a volunteer can read."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QGridLayout, QVBoxLayout, QWidget

from kiosk.ui.widgets.plain_label import PlainLabel

# (keys, what they do): the keys are written as on the keyboard, the words translated.
SHORTCUTS: tuple[tuple[str, str], ...] = (
    ("F1", QCoreApplication.translate("Shortcuts", "This list of keys")),
    ("F2", QCoreApplication.translate("Shortcuts", "Switch between entry and exit mode")),
    ("Ctrl+F", QCoreApplication.translate("Shortcuts", "Find a guest by name")),
    ("↑ ↓", QCoreApplication.translate("Shortcuts", "In the guest list: move the selection")),
    ("Enter", QCoreApplication.translate("Shortcuts", "In the guest list: check the selected guest in")),
    ("Space", QCoreApplication.translate("Shortcuts", "In the guest list: the guest's details")),
    ("Ctrl+Z", QCoreApplication.translate("Shortcuts", "Undo the latest entry or exit")),
    ("Tab", QCoreApplication.translate("Shortcuts", "Go to the next button or field")),
    ("Esc", QCoreApplication.translate("Shortcuts", "Back to the check-in, ready for the next guest")),
    ("Ctrl+Q", QCoreApplication.translate("Shortcuts", "Quit")),
)


def key_name(keys: str) -> str:
    """Keys as the keyboard labels them in the window's language (Entrée, Espace, Échap)."""
    names = {"Enter": QCoreApplication.translate("Shortcuts", "Enter"),
             "Space": QCoreApplication.translate("Shortcuts", "Space"),
             "Esc": QCoreApplication.translate("Shortcuts", "Esc")}
    return names.get(keys, keys)


class ShortcutsHelp(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Keys of the door"))
        self.setAccessibleName("keyboard shortcuts")
        grid = QGridLayout()
        grid.setHorizontalSpacing(24)
        for row, (keys, words) in enumerate(SHORTCUTS):
            key = PlainLabel(key_name(keys))
            key.setStyleSheet("font-weight: bold; padding: 2px 8px; border: 1px solid #90a4ae; border-radius: 4px;")
            key.setAlignment(Qt.AlignmentFlag.AlignCenter)
            grid.addWidget(key, row, 0)
            grid.addWidget(PlainLabel(QCoreApplication.translate("Shortcuts", words)), row, 1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(grid)
        layout.addWidget(close)
