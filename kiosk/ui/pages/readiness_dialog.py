"""Kiosk → "Ready for the evening?": the readiness list (kiosk.domain.readiness) in a dialog, checked on a
worker thread (the hub may take seconds to answer) and checked again on demand."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from kiosk.domain.readiness import FAIL, OK, Line, ready
from kiosk.ui.background import TaskRunner

MARKS = {OK: ("✓", "#1b7f3b"), "warn": ("!", "#a15c00"), FAIL: ("✗", "#b3261e")}


def plain(text: str, parent: QWidget | None = None) -> QLabel:
    label = QLabel(text, parent)
    label.setTextFormat(Qt.TextFormat.PlainText)  # event names and hub errors are data, never markup
    label.setWordWrap(True)
    return label


class ReadinessDialog(QDialog):
    def __init__(self, check: Callable[[], list[Line]], runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._check, self._runner = check, runner
        self.setWindowTitle(self.tr("Ready for the evening?"))
        self.resize(720, 520)
        self.summary = plain("")
        font = self.summary.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.summary.setFont(font)
        self._rows = QWidget()
        self._grid = QGridLayout(self._rows)
        self._grid.setColumnStretch(1, 1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self._rows)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.again = QPushButton(self.tr("Check again"))
        buttons.addButton(self.again, QDialogButtonBox.ButtonRole.ActionRole)
        self.again.clicked.connect(self.refresh)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(scroll, 1)
        layout.addWidget(buttons)
        self.lines: list[Line] = []

    def refresh(self) -> None:
        self.again.setEnabled(False)
        self.summary.setText(self.tr("Checking…"))
        self._runner.start(lambda _progress: self._check(), "readiness", on_done=self.show_lines,
                           on_failed=lambda error: self.summary.setText(self.tr("The check failed: %1").replace(
                               "%1", str(error).splitlines()[0] if str(error) else "?")),
                           on_finished=lambda: self.again.setEnabled(True))

    def show_lines(self, lines: object) -> None:
        if not isinstance(lines, list):
            return
        self.lines = list(lines)
        while self._grid.count():
            item = self._grid.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        for row, line in enumerate(self.lines):
            mark, colour = MARKS.get(line.state, ("?", "#000000"))
            badge = plain(mark)
            badge.setStyleSheet(f"color: {colour}; font-weight: bold; font-size: 18px;")
            badge.setAccessibleName(line.state)
            self._grid.addWidget(badge, row, 0, Qt.AlignmentFlag.AlignTop)
            self._grid.addWidget(self._line_text(line), row, 1)
        self._grid.setRowStretch(len(self.lines), 1)
        red = sum(line.state == FAIL for line in self.lines)
        self.summary.setText(self.tr("Ready for the evening.") if ready(self.lines)
                             else self.tr("Not ready yet: %n thing(s) to fix.", "", red))

    @staticmethod
    def _line_text(line: Line) -> QWidget:
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 4)
        column.addWidget(plain(line.text))
        if line.fix:
            fix = plain("→ " + line.fix)
            fix.setStyleSheet("color: #444444;")
            column.addWidget(fix)
        return box

    def texts(self) -> Sequence[str]:
        """What the dialog shows, line by line (for tests and screen readers)."""
        return [f"{line.state}: {line.text}" for line in self.lines]
