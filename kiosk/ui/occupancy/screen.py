"""The occupancy screen: inside now against capacity in very large type, arrivals, walk-ins, workshops,
categories, the arrivals chart, the time and the kiosks. Read only, and no personal data: it faces the room.

It refreshes from a change signal, not a blind re-query: every 200 ms it asks SQLite's ``data_version``
(one pragma) and folds only the log's new rows when another connection committed. It opens at once and
reads a long log (100,000 scans) in steps, saying so, rather than holding its thread (and the door
window's, when opened from it) until it is all folded. Type sizes follow the
window's height, so the same screen reads from 5 m on a 1080p monitor and fits a 1366x768 projector.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QFont, QFontMetrics, QKeySequence, QResizeEvent, QShortcut
from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QLayout, QPushButton, QVBoxLayout, QWidget

from kiosk import settings as settings_mod
from kiosk.domain import rules
from kiosk.domain.occupancy import Figures, GroupFigures
from kiosk.service import Kiosk
from kiosk.service.occupancy import KioskStatus, KioskStatuses, Occupancy
from kiosk.ui.i18n import counted
from kiosk.ui.occupancy import look
from kiosk.ui.occupancy.chart import ArrivalsChart
from kiosk.ui.occupancy.gauge import Gauge
from kiosk.ui.occupancy.staff import StaffActions
from kiosk.ui.widgets.elided_label import ElidedLabel
from kiosk.ui.widgets.plain_label import PlainLabel

POLL_MS = 200
REPLAY_STEP = 20_000  # scans a step folds while the first load or a merge's replay catches up (~0.1 s)
MAX_GROUP_ROWS = 6
INSIDE_TYPE, CAPACITY_TYPE = 23, 7  # the big number and its capacity, in hundredths of the height
REFERENCE_LINE = 1.17  # DejaVu Sans' line spacing per pixel of type, for which the sizes were set


def _percent(part: int, whole: int) -> str:
    return f"{round(100 * part / whole)} %" if whole else "—"


class GroupRow(QWidget):
    """One workshop or category: its name, arrived / registered, and a bar against its capacity. A bar
    warns (amber at 90 %, red when full) only where there is a capacity to warn about: a category whose
    guests all came is good news, not an alarm."""

    def __init__(self, parent: QWidget | None = None, *, warn: bool = True) -> None:
        super().__init__(parent)
        layout = QGridLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setHorizontalSpacing(12)
        layout.setVerticalSpacing(2)
        self.name = ElidedLabel()
        self.numbers = PlainLabel()
        self.numbers.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.bar = Gauge(amber=0.9, red=1.0) if warn else Gauge(amber=float("inf"), red=float("inf"))
        layout.addWidget(self.name, 0, 0)
        layout.addWidget(self.numbers, 0, 1)
        layout.addWidget(self.bar, 1, 0, 1, 2)
        layout.setColumnStretch(0, 1)

    def show_group(self, name: str, g: GroupFigures) -> None:
        self.name.setText(name)
        text = self.tr("%1 / %2 arrived").replace("%1", counted(g.arrived)).replace("%2", counted(g.registered))
        if g.capacity:
            text += " · " + self.tr("%1 places").replace("%1", counted(g.capacity))
        self.numbers.setText(text)
        whole = g.capacity or g.registered
        self.bar.set_ratio(g.arrived / whole if whole else None)


class LocalStatuses:
    """Kiosk statuses as the occupancy fold knows them: this machine's log, plus the hub's last contacts
    as of this kiosk's last sync. Tests hand the screen another ``KioskStatuses``."""

    def __init__(self, occupancy: Occupancy) -> None:
        self.occupancy = occupancy

    def statuses(self) -> list[KioskStatus]:
        return self.occupancy.statuses()


class OccupancyScreen(QWidget):
    """The organisers' screen. ``refreshed`` is emitted after each repaint of the figures (tests wait on it)."""

    refreshed = Signal()

    def __init__(self, kiosk: Kiosk, parent: QWidget | None = None, *, occupancy: Occupancy | None = None,
                 statuses: KioskStatuses | None = None, staff: StaffActions | None = None,
                 amber: float | None = None, red: float | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        # Not kept: the screen holds the read-only figures and the PIN-guarded staff actions only.
        self.occupancy = occupancy or Occupancy.for_kiosk(kiosk, load_step=REPLAY_STEP)
        self.status_source = statuses or LocalStatuses(self.occupancy)
        settings = settings_mod.load(kiosk.data_dir) if kiosk.data_dir else settings_mod.Settings()
        self.gauge = Gauge(amber=amber or settings.occupancy_amber, red=red or settings.occupancy_red)
        self.staff = staff or StaffActions(kiosk, self.occupancy, self)
        self.figures_shown: Figures | None = None
        self.setObjectName("occupancy")
        self.setWindowTitle(self.tr("Occupancy") + " — " + " ".join(self.occupancy.event.name.split()))
        self.setStyleSheet(f"#occupancy {{ background: {look.BACKGROUND}; }} QLabel {{ color: {look.TEXT}; }}"
                           f" QFrame#panel {{ background: {look.PANEL}; border-radius: 10px; }}"
                           f" QPushButton {{ color: {look.MUTED}; background: {look.PANEL};"
                           f" border: 1px solid #555; border-radius: 6px; padding: 4px 10px; }}")
        self._build()
        self._timer = QTimer(self)
        self._timer.setInterval(POLL_MS)
        self._timer.timeout.connect(self.poll)
        self._timer.start()
        self._next_step = QTimer(self)  # the next step of a long read, once the events meanwhile are handled
        self._next_step.setSingleShot(True)
        self._next_step.setInterval(0)
        self._next_step.timeout.connect(self.poll)
        self._ticks = 0
        self._clock = QTimer(self)
        self._clock.setInterval(1000)
        self._clock.timeout.connect(self._tick)
        self._clock.start()
        self.escape = QShortcut(QKeySequence("Esc"), self)
        self.escape.activated.connect(self.close)
        self.show_figures()
        if self.occupancy.replaying:  # a long log: its first steps, once the window is up
            self._next_step.start()

    # --- structure ---------------------------------------------------------------------
    def _build(self) -> None:
        self._unit = 10.8  # a hundredth of the height, less for fonts with tall lines (_apply_sizes)
        root = QVBoxLayout(self)
        # The type follows the height (resizeEvent): the window must not be held at the minimum its
        # type had at a bigger size (1080p), or it could never be made smaller, nor its type shrink.
        root.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        header = QHBoxLayout()
        self.title = ElidedLabel(" ".join(self.occupancy.event.name.split()))
        self.title.setStyleSheet(f"color: {look.BRAND};")
        self.clock = PlainLabel()
        self.clock.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        header.addWidget(self.title, 1)
        header.addWidget(self.clock)
        root.addLayout(header)

        body = QHBoxLayout()
        left = self._panel()
        left_layout = QVBoxLayout(left)
        self.inside_caption = PlainLabel(self.tr("Inside now"))
        self.inside_caption.setStyleSheet(f"color: {look.MUTED};")
        number_row = QHBoxLayout()
        self.inside = PlainLabel("0")
        self.capacity = PlainLabel()
        self.capacity.setStyleSheet(f"color: {look.MUTED};")
        self.capacity.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom)
        number_row.addWidget(self.inside, 0, Qt.AlignmentFlag.AlignBottom)
        number_row.addWidget(self.capacity, 1, Qt.AlignmentFlag.AlignBottom)
        self.level_words = PlainLabel()
        self.arrived = PlainLabel()
        self.others = PlainLabel()
        self.others.setStyleSheet(f"color: {look.MUTED};")
        left_layout.addWidget(self.inside_caption)
        left_layout.addLayout(number_row)
        left_layout.addWidget(self.gauge)
        left_layout.addWidget(self.level_words)
        left_layout.addStretch(1)
        left_layout.addWidget(self.arrived)
        left_layout.addWidget(self.others)
        body.addWidget(left, 5)

        right = self._panel()
        right_layout = QVBoxLayout(right)
        self.workshops_title = PlainLabel(self.tr("Workshops"))
        self.workshops_title.setStyleSheet(f"color: {look.BRAND};")
        right_layout.addWidget(self.workshops_title)
        self.workshop_rows = [GroupRow() for _ in range(MAX_GROUP_ROWS)]
        for row in self.workshop_rows:
            right_layout.addWidget(row)
        self.categories_title = PlainLabel(self.tr("Categories"))
        self.categories_title.setStyleSheet(f"color: {look.BRAND};")
        right_layout.addSpacing(8)
        right_layout.addWidget(self.categories_title)
        self.category_lines = [GroupRow(warn=False) for _ in range(MAX_GROUP_ROWS)]
        for line in self.category_lines:
            right_layout.addWidget(line)
        right_layout.addStretch(1)
        body.addWidget(right, 4)
        root.addLayout(body, 5)

        chart_panel = self._panel()
        chart_layout = QVBoxLayout(chart_panel)
        self.chart = ArrivalsChart()
        chart_layout.addWidget(self.chart)
        root.addWidget(chart_panel, 3)

        footer = QHBoxLayout()
        self.kiosks = ElidedLabel()
        self.kiosks.setStyleSheet(f"color: {look.MUTED};")
        footer.addWidget(self.kiosks, 1)
        self.evacuation_button = QPushButton(self.tr("Evacuation list (staff)…"))
        self.evacuation_button.clicked.connect(lambda: self.staff.evacuation_list())
        self.checkout_button = QPushButton(self.tr("Check everyone out (staff)…"))
        self.checkout_button.clicked.connect(self._check_everyone_out)
        for button in (self.evacuation_button, self.checkout_button):
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # a scanner's Enter never presses them
            footer.addWidget(button)
        root.addLayout(footer)

    @staticmethod
    def _panel() -> QFrame:
        frame = QFrame()
        frame.setObjectName("panel")
        return frame

    # --- sizes -------------------------------------------------------------------------
    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._apply_sizes()

    def _apply_sizes(self) -> None:
        """Type in proportion to the height: 1080 px gives a 230 px "inside" and 34 px captions with
        DejaVu Sans; a font with taller lines (Noto Sans, the default where it is installed: +17 %)
        gets smaller type, so the same lines still fit the screen's height."""
        probe = QFont(self.font())
        probe.setPixelSize(100)
        spacing = QFontMetrics(probe).lineSpacing() / 100
        unit = max(self.height(), 400) / 100 * min(1.0, REFERENCE_LINE / spacing)
        self._unit = unit

        def size(widget: QWidget, factor: float, bold: bool = False) -> None:
            font = QFont(widget.font())
            font.setPixelSize(max(10, round(unit * factor)))
            font.setBold(bold)
            widget.setFont(font)

        size(self.title, 3.6, True)
        size(self.clock, 5.2, True)
        size(self.inside_caption, 3.4)
        size(self.inside, INSIDE_TYPE, True)
        size(self.capacity, CAPACITY_TYPE, True)
        size(self.level_words, 3.2, True)
        size(self.arrived, 3.6, True)
        size(self.others, 2.9)
        for title in (self.workshops_title, self.categories_title):
            size(title, 3.0, True)
        for row in self.workshop_rows:
            size(row.name, 2.9, True)
            size(row.numbers, 2.6)
            row.bar.setFixedHeight(max(8, round(unit * 1.1)))
        for line in self.category_lines:
            size(line.name, 2.4)
            size(line.numbers, 2.2)
            line.bar.setFixedHeight(max(6, round(unit * 0.7)))
        size(self.kiosks, 1.9)
        for button in (self.evacuation_button, self.checkout_button):
            size(button, 1.6)
        self.gauge.setFixedHeight(max(14, round(unit * 3.2)))
        self.chart.setFont(self.font())
        self._fit_number()

    def _fit_number(self) -> None:
        """The big number and its capacity shrink together to the panel's width: "14 115 / 15 000" at
        the height's type size would be cut on a 1366-pixel-wide screen (a large event)."""
        unit = self._unit
        room = self.gauge.width() - 12  # the panel's inner width (the gauge spans it), less the row's spacing
        sizes = {self.inside: unit * INSIDE_TYPE, self.capacity: unit * CAPACITY_TYPE}

        def need(scale: float) -> int:
            total = 0
            for label, px in sizes.items():
                font = QFont(label.font())
                font.setPixelSize(max(10, round(px * scale)))
                total += QFontMetrics(font).horizontalAdvance(label.text())
            return total

        scale = 1.0
        if room > 0 and need(1.0) > room:
            scale = max(0.2, room / need(1.0))
            while scale > 0.2 and need(scale) > room:  # rounding to whole pixels: step down until it fits
                scale -= 0.02
        for label, px in sizes.items():
            if label.font().pixelSize() != max(10, round(px * scale)):  # each refresh: no relayout for nothing
                font = QFont(label.font())
                font.setPixelSize(max(10, round(px * scale)))
                label.setFont(font)

    # --- refreshing --------------------------------------------------------------------
    def poll(self) -> None:
        """The 200 ms tick: one pragma when nothing changed; fold and repaint when something did."""
        if self.occupancy.changed():
            self.occupancy.refresh(step=REPLAY_STEP)
            self.show_figures()
            if self.occupancy.replaying:
                self._next_step.start()

    def _tick(self) -> None:
        self.clock.setText(datetime.now().strftime("%H:%M"))
        self._ticks += 1
        if self._ticks % 30 == 0:
            self.show_figures()  # the chart's time axis moves on even when nobody passes the door

    def show_figures(self) -> None:
        if not self.occupancy.loaded:
            self._show_loading()
            return
        f = self.occupancy.figures()
        self.figures_shown = f
        self.clock.setText(datetime.now().strftime("%H:%M"))
        self.inside.setText(counted(f.in_room))
        self.capacity.setText(f" / {counted(f.capacity)}" if f.capacity else "")
        self._fit_number()
        self.gauge.set_ratio(f.fill_ratio)
        words = {"ok": "", "amber": self.tr("Nearly full"), "red": self.tr("Full: hold the door")}
        percent = f"{round(100 * f.fill_ratio)} %" if f.fill_ratio is not None else ""
        state = self.gauge.level
        self.level_words.setText("  ".join(part for part in (percent, words[state]) if part))
        self.level_words.setStyleSheet(f"color: {look.GAUGE[state] if state != 'ok' else look.MUTED};")
        self.arrived.setText(self.tr("Arrived %1 / %2 registered · %3").replace("%1", counted(f.arrived))
                             .replace("%2", counted(f.registered)).replace("%3", _percent(f.arrived, f.registered)))
        self.others.setText(self.tr("Walk-ins %1 · Not yet arrived %2").replace("%1", counted(f.walk_ins))
                            .replace("%2", counted(f.not_arrived)))
        self._groups(f)
        self.chart.set_bins(f.timeline)
        self._statuses()
        self.refreshed.emit()

    def _show_loading(self) -> None:
        """The first load's progress, never zeros that would read as an empty room."""
        self.figures_shown = None
        self.clock.setText(datetime.now().strftime("%H:%M"))
        self.inside.setText("…")
        self.capacity.setText("")
        self.gauge.set_ratio(None)
        reading = self.tr("Reading the log of scans… %1 %").replace(
            "%1", str(round(100 * self.occupancy.load_progress())))
        self.level_words.setText(reading)
        self.level_words.setStyleSheet(f"color: {look.MUTED};")
        self.arrived.setText("")
        self.others.setText("")
        for row in (*self.workshop_rows, *self.category_lines):
            row.setVisible(False)
        self.workshops_title.setVisible(False)
        self.categories_title.setVisible(False)
        self.chart.set_bins((), empty_text=reading)
        self._statuses()
        self.refreshed.emit()

    def _groups(self, f: Figures) -> None:
        workshops = list(f.by_workshop.items())[:MAX_GROUP_ROWS]
        for i, row in enumerate(self.workshop_rows):
            row.setVisible(i < len(workshops))
            if i < len(workshops):
                row.show_group(*workshops[i])
        categories = [(n, g) for n, g in f.by_category.items() if g.registered][:MAX_GROUP_ROWS]
        self.categories_title.setVisible(bool(categories))
        self.workshops_title.setVisible(bool(workshops))
        for i, line in enumerate(self.category_lines):
            line.setVisible(i < len(categories))
            if i < len(categories):
                line.show_group(*categories[i])

    def _statuses(self) -> None:
        parts = []
        for status in self.status_source.statuses()[:6]:
            when = rules.local_clock(status.last_contact) or "—"
            name = " ".join(status.device_name.split())
            if not status.online:  # a shape and words, not colour alone
                parts.append(self.tr("▲ %1: silent since %2 (last scan %3)").replace("%1", name)
                             .replace("%2", rules.local_clock(status.hub_contact) or "—").replace("%3", when))
                continue
            parts.append(self.tr("%1: last scan %2").replace("%1", name).replace("%2", when))
        self.kiosks.setText("   ·   ".join(parts) if parts else self.tr("No scan yet on this kiosk"))

    def _check_everyone_out(self) -> None:
        if self.staff.check_everyone_out() is not None:
            self.occupancy.refresh(force=True)
            self.show_figures()

    def closeEvent(self, event: QCloseEvent) -> None:
        self._timer.stop()
        self._next_step.stop()
        self._clock.stop()
        self.occupancy.close()
        super().closeEvent(event)
