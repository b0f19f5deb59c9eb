"""Settings → Printing: backend, printer, badge format, auto-print, test badge, where badges go.

A section of the settings page (its own file to keep the page short). It only edits values;
the window rebuilds the print queue when they are saved and answers "Print a test badge".
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QPushButton,
    QWidget,
)

from kiosk import paths
from kiosk.badges import layouts
from kiosk.settings import Settings
from kiosk.ui.widgets.plain_label import PlainLabel


class PrintingSection(QGroupBox):
    testRequested = Signal()
    refreshRequested = Signal()  # the window lists printers off the UI thread (lpstat may be slow)

    def __init__(self, data_dir: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Badge printing"))
        self.setAccessibleName("printing settings")
        self.data_dir = data_dir
        self.backend = QComboBox()
        self.backend.setAccessibleName("printer backend")
        self.backend.addItem(self.tr("PDF files in a folder"), "pdf")
        self.backend.addItem(self.tr("CUPS printer"), "cups")
        self.backend.addItem(self.tr("System printer (Qt)"), "qt")
        self.backend.currentIndexChanged.connect(lambda _i: self._update_hint())
        self.printer = QComboBox()
        self.printer.setEditable(True)
        self.printer.setAccessibleName("printer name")
        self.refresh_button = QPushButton(self.tr("Find printers"))
        self.refresh_button.setAccessibleName("find printers")
        self.refresh_button.clicked.connect(self.refreshRequested)
        printer_row = QHBoxLayout()
        printer_row.addWidget(self.printer, 1)
        printer_row.addWidget(self.refresh_button)
        self.badge_format = QComboBox()
        self.badge_format.setAccessibleName("badge format")
        for index, layout in enumerate(layouts.FORMATS.values()):  # sizes read the same in French and English
            per_page = f", {layout.badges_per_page}/page" if layout.badges_per_page > 1 else ""
            self.badge_format.addItem(f"{layout.name} — {layout.page_w_mm:g} × {layout.page_h_mm:g} mm{per_page}",
                                      layout.name)
            self.badge_format.setItemData(index, layout.description, Qt.ItemDataRole.ToolTipRole)
        self.auto_print = QCheckBox(self.tr("Print a badge automatically at each entry"))
        self.auto_print.setAccessibleName("auto print")
        self.test_button = QPushButton(self.tr("Print a test badge"))
        self.test_button.setAccessibleName("print test badge")
        self.test_button.setToolTip(self.tr("Saves these settings, then prints the first guest's badge"))
        self.test_button.clicked.connect(self.testRequested)
        self.destination = PlainLabel()
        self.destination.setAccessibleName("print destination")
        self.destination.setWordWrap(True)
        self.result = PlainLabel()
        self.result.setAccessibleName("test badge result")
        self.result.setWordWrap(True)
        test_row = QHBoxLayout()
        test_row.addWidget(self.test_button)
        test_row.addStretch(1)

        for combo in (self.backend, self.printer, self.badge_format):  # long names must not widen the window
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(16)
        form = QFormLayout(self)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.addRow(PlainLabel(self.tr("Send badges to")), self.backend)
        form.addRow(PlainLabel(self.tr("Printer")), printer_row)
        form.addRow(PlainLabel(self.tr("Badge format")), self.badge_format)
        form.addRow(self.auto_print)
        form.addRow(PlainLabel(self.tr("Now printing to")), self.destination)
        form.addRow(test_row)
        form.addRow(self.result)

    def load(self, current: Settings) -> None:
        self.backend.setCurrentIndex(max(0, self.backend.findData(current.printer_backend)))
        self.printer.clear()
        self.printer.addItem(current.printer_name, current.printer_name)
        self.printer.setCurrentIndex(0)
        self.badge_format.setCurrentIndex(max(0, self.badge_format.findData(current.badge_format)))
        self.auto_print.setChecked(current.auto_print)
        self._update_hint()

    def values(self, current: Settings) -> Settings:
        return replace(current, printer_backend=str(self.backend.currentData()),
                       printer_name=self.printer_name(),
                       badge_format=str(self.badge_format.currentData()), auto_print=self.auto_print.isChecked())

    def printer_name(self) -> str:
        """The chosen printer's name (not its label with "(default)"), or what was typed."""
        text = self.printer.currentText().strip()
        index = self.printer.currentIndex()
        data = self.printer.itemData(index) if index >= 0 else None
        return str(data) if data is not None and self.printer.itemText(index).strip() == text else text

    def set_printers(self, names: list[tuple[str, bool]]) -> None:
        """Offer the system's printers; what was typed stays, the default printer is marked."""
        text = self.printer.currentText()
        self.printer.clear()
        for name, default in names:
            self.printer.addItem(name + (" " + self.tr("(default)") if default else ""), name)
        index = self.printer.findData(text)
        if index < 0:
            self.printer.insertItem(0, text, text)
            index = 0
        self.printer.setCurrentIndex(index)
        self.result.setText(self.tr("%n printer(s) found", "", len(names)) if names
                            else self.tr("No printer found on this computer."))

    def set_destination(self, where: str) -> None:
        self.destination.setText(where or self.tr("printing is not set up"))

    def show_result(self, text: str) -> None:
        self.result.setText(text)

    def _update_hint(self) -> None:
        line = self.printer.lineEdit()
        if line is None:
            return
        if self.backend.currentData() == "pdf":
            line.setPlaceholderText(self.tr("Folder; empty: %1").replace("%1", str(paths.print_dir(self.data_dir))))
        else:
            line.setPlaceholderText(self.tr("Empty: the system's default printer"))
