"""The header: event name, door figures, device name and status lights (camera, printer, sync)."""

from __future__ import annotations

from enum import StrEnum

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPaintEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from kiosk.service import Stats
from kiosk.ui.i18n import counted
from kiosk.ui.printing import PrinterSnapshot
from kiosk.ui.widgets.elided_label import ElidedLabel
from kiosk.ui.widgets.plain_label import PlainLabel, plain_tooltip


class Light(StrEnum):
    OK = "ok"
    WARN = "warn"
    ERROR = "error"
    OFF = "off"  # not configured


LIGHT_COLORS = {Light.OK: "#2e7d32", Light.WARN: "#f9a825", Light.ERROR: "#c62828", Light.OFF: "#9e9e9e"}
LIGHT_MARKS = {Light.OK: "●", Light.WARN: "▲", Light.ERROR: "✖", Light.OFF: "○"}  # shape, not colour alone


MAX_LIGHT_WIDTH = 320  # px; a long printer message must not widen the window


class Dot(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.color = QColor(LIGHT_COLORS[Light.OFF])
        self.setFixedSize(16, 16)

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(self.color)
        painter.drawEllipse(self.rect().adjusted(1, 1, -1, -1))


class StatusLight(QWidget):
    """A coloured dot and words: 'Camera: OK', 'Printer: not configured'..."""

    def __init__(self, label: str, accessible: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.label = label
        self.state = Light.OFF
        self.dot = Dot()
        self.text = PlainLabel()
        self.setAccessibleName(accessible)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(self.dot)
        layout.addWidget(self.text)

    def set_state(self, state: Light, detail: str) -> None:
        self.state = state
        self.dot.color = QColor(LIGHT_COLORS[state])
        self.dot.update()
        full = self.tr("%1: %2").replace("%1", self.label).replace("%2", detail)
        self.text.setText(self.text.fontMetrics().elidedText(full, Qt.TextElideMode.ElideRight, MAX_LIGHT_WIDTH))
        self.setToolTip(plain_tooltip(f"{LIGHT_MARKS[state]} {full}"))
        self.setAccessibleDescription(f"{state.value}: {detail}")


class Header(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("header")
        self.setStyleSheet("QFrame#header { background: #eceff1; border-bottom: 1px solid #cfd8dc; }")
        self.event_name = ElidedLabel()  # a long event name must not widen the window
        font = QFont()
        font.setPointSize(17)
        font.setBold(True)
        self.event_name.setFont(font)
        self.event_name.setAccessibleName("event name")
        self.figures = PlainLabel()
        big = QFont()
        big.setPointSize(15)
        self.figures.setFont(big)
        self.figures.setAccessibleName("door figures")
        self.device = ElidedLabel()
        self.device.setAccessibleName("device name")
        self.duplicates = QPushButton()  # shown when other kiosks' sync brought duplicates to look at
        self.duplicates.setAccessibleName("duplicates to check")
        self.duplicates.setStyleSheet("QPushButton { background: #fff3e0; color: #8a4b00; border: 1px solid #f9a825;"
                                      " border-radius: 4px; padding: 2px 10px; font-weight: bold; }")
        self.duplicates.hide()
        self.clock_warning = PlainLabel()  # this computer's clock cannot be right: said plainly, in words
        self.clock_warning.setAccessibleName("clock warning")
        self.clock_warning.setStyleSheet("QLabel { background: #ffebee; color: #b71c1c; border: 1px solid #e53935;"
                                         " border-radius: 4px; padding: 2px 10px; font-weight: bold; }")
        self.clock_warning.hide()
        self.camera = StatusLight(self.tr("Camera"), "camera status")
        self.printer = StatusLight(self.tr("Printer"), "printer status")
        self.sync = StatusLight(self.tr("Sync"), "sync status")
        self.sync.set_state(Light.OFF, self.tr("not configured"))
        self.camera.set_state(Light.OFF, self.tr("not started"))
        self.printer.set_state(Light.OFF, self.tr("not configured"))

        left = QVBoxLayout()
        left.setSpacing(2)
        left.addWidget(self.event_name)
        left.addWidget(self.figures)
        right = QVBoxLayout()
        right.setSpacing(2)
        top = QHBoxLayout()
        top.setSpacing(12)
        top.addStretch(1)
        top.addWidget(self.clock_warning)
        top.addWidget(self.duplicates)
        top.addWidget(self.device)
        right.addLayout(top)
        lights = QHBoxLayout()
        lights.setSpacing(18)
        for light in (self.camera, self.printer, self.sync):
            lights.addWidget(light)
        right.addLayout(lights)
        row = QHBoxLayout(self)
        row.setContentsMargins(16, 8, 16, 8)
        row.addLayout(left, 1)
        row.addLayout(right)

    def show_printer(self, state: PrinterSnapshot | None) -> None:
        """The printer light from the queue's polled state (None: just rebuilt, not asked yet)."""
        if state is None:
            self.printer.set_state(Light.WARN, self.tr("starting"))
        elif not state.ok:
            self.printer.set_state(Light.ERROR, self.tr("unavailable"))  # the banner says why
        elif state.needs_banner:
            self.printer.set_state(Light.ERROR, self.tr("%n badge(s) failed", "", state.failed))
        else:
            self.printer.set_state(Light.OK, self.tr("ready"))

    def set_duplicates(self, count: int) -> None:
        """'▲ 2 duplicates to check' (a shape, not colour alone); hidden when there are none."""
        self.duplicates.setText(self.tr("▲ %n duplicate(s) to check", "", count))
        self.duplicates.setVisible(count > 0)

    def set_clock_warning(self, text: str | None) -> None:
        """'▲ this laptop's clock says 2001-01-01 12:00: set the time'; hidden when the clock is sane."""
        self.clock_warning.setText(f"▲ {text}" if text else "")
        self.clock_warning.setVisible(bool(text))

    def set_event(self, name: str, device: str) -> None:
        self.event_name.setText(name)
        self.device.setText(self.tr("Kiosk: %1").replace("%1", device))

    def set_stats(self, stats: Stats) -> None:
        arrived = self.tr("Arrived %1 / %2").replace("%1", counted(stats.checked_in)).replace(
            "%2", counted(stats.registered))
        inside = self.tr("Inside now %1").replace("%1", counted(stats.inside))
        if stats.capacity:
            inside += " / " + counted(stats.capacity)
        self.figures.setText(f"{arrived}    ·    {inside}")
