"""The check-in page: mode bar, verdict panel, camera preview, recent scans, manual entry.

A thin view: it implements CheckinView for the presenter and forwards what staff do to it.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QImage, QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QButtonGroup,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QMenu,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from kiosk.domain.model import Direction, ScanKind, Verdict
from kiosk.domain.rules import local_clock
from kiosk.ui import theme
from kiosk.ui.dialogs import Dialogs
from kiosk.ui.models.recent import ROW_ROLE, RecentScansModel
from kiosk.ui.presenters.checkin import CheckinPresenter, FailureState, RecentScan, Source, VerdictState
from kiosk.ui.printing import PrintSeam
from kiosk.ui.sounds import SoundPlayer
from kiosk.ui.widgets.camera_view import CameraView
from kiosk.ui.widgets.plain_label import PlainLabel
from kiosk.ui.widgets.printer_banner import PrinterBanner
from kiosk.ui.widgets.verdict_panel import VerdictPanel

PANEL_MIN_HEIGHT, PANEL_MAX_HEIGHT = 176, 290


class CheckinPage(QWidget):
    statsChanged = Signal()
    searchRequested = Signal(str)

    def __init__(self, sounds: SoundPlayer, dialogs: Dialogs, printing: PrintSeam,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("check-in page")
        self.sounds, self.dialogs, self.printing = sounds, dialogs, printing
        self.presenter: CheckinPresenter | None = None
        self.direction = Direction.ENTRY
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.retry_timer = QTimer(self)  # a scan waiting for a busy database (CheckinPresenter.on_retry)
        self.retry_timer.setSingleShot(True)

        self.mode_bar = QFrame()
        self.mode_bar.setObjectName("modeBar")
        self.mode_label = PlainLabel()
        self.mode_label.setAccessibleName("mode label")
        font = self.mode_label.font()
        font.setPointSize(18)
        font.setBold(True)
        self.mode_label.setFont(font)
        self.entry_button = self._mode_button(self.tr("Entry"), "entry mode", Direction.ENTRY)
        self.exit_button = self._mode_button(self.tr("Exit"), "exit mode", Direction.EXIT)
        self.mode_group = QButtonGroup(self)
        self.mode_group.addButton(self.entry_button)
        self.mode_group.addButton(self.exit_button)
        mode_row = QHBoxLayout(self.mode_bar)
        mode_row.setContentsMargins(16, 4, 16, 4)
        mode_row.addWidget(self.mode_label, 1)
        mode_row.addWidget(PlainLabel(self.tr("F2 switches")))
        mode_row.addWidget(self.entry_button)
        mode_row.addWidget(self.exit_button)

        self.panel = VerdictPanel(min_height=PANEL_MIN_HEIGHT)
        self.panel.printing_available = printing.available
        self.camera_view = CameraView()

        self.recent_model = RecentScansModel()
        self.recent_view = QTableView()
        self.recent_view.setAccessibleName("recent scans")
        self.recent_view.setModel(self.recent_model)
        self.recent_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.recent_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.recent_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.recent_view.verticalHeader().hide()
        header = self.recent_view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.recent_view.verticalHeader().setDefaultSectionSize(28)
        self.recent_view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.recent_view.customContextMenuRequested.connect(self._recent_menu)
        self.undo_button = QPushButton(self.tr("Undo selected scan…"))
        self.undo_button.setAccessibleName("undo selected scan")
        self.undo_button.setToolTip(self.tr("Ctrl+Z undoes the latest entry or exit"))
        self.undo_button.clicked.connect(self.undo_selected)
        recent_box = QVBoxLayout()
        recent_title = PlainLabel(self.tr("Last scans at this kiosk"))
        recent_title.setStyleSheet("font-weight: bold;")
        recent_box.addWidget(recent_title)
        recent_box.addWidget(self.recent_view, 1)
        recent_box.addWidget(self.undo_button)

        self.code_field = QLineEdit()
        self.code_field.setAccessibleName("ticket code")
        self.code_field.setPlaceholderText(self.tr("Type a ticket code and press Enter"))
        self.code_field.returnPressed.connect(self.submit_code)
        self.code_button = QPushButton(self.tr("Check code"))
        self.code_button.setAccessibleName("check code")
        self.code_button.clicked.connect(self.submit_code)
        manual = QHBoxLayout()
        manual.addWidget(self.code_field, 1)
        manual.addWidget(self.code_button)

        middle = QHBoxLayout()
        middle.addWidget(self.camera_view, 3)
        middle.addLayout(recent_box, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        self.printer_banner = PrinterBanner()
        layout.addWidget(self.printer_banner)
        layout.addWidget(self.mode_bar)
        layout.addWidget(self.panel)
        layout.addLayout(middle, 1)
        layout.addLayout(manual)

        self.panel.searchRequested.connect(lambda: self.searchRequested.emit(""))
        self.panel.overrideRequested.connect(self.ask_override)
        self.panel.printRequested.connect(self.print_current)

    def resizeEvent(self, event: QResizeEvent) -> None:
        """The verdict panel takes ~40 % of the page: big on a 1080p screen, the code field still
        on screen at 720 px. Set from the page's height only, so it never jumps between verdicts."""
        super().resizeEvent(event)
        self.panel.set_target_height(max(PANEL_MIN_HEIGHT, min(PANEL_MAX_HEIGHT, int(self.height() * 0.40))))

    def _mode_button(self, text: str, accessible: str, direction: Direction) -> QPushButton:
        button = QPushButton(text)
        button.setCheckable(True)
        button.setAccessibleName(accessible)
        button.setMinimumWidth(140)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        button.clicked.connect(lambda: self._set_direction(direction))
        return button

    def _set_direction(self, direction: Direction) -> None:
        if self.presenter is not None:
            self.presenter.set_direction(direction)

    def attach(self, presenter: CheckinPresenter) -> None:
        self.presenter = presenter
        self.timer.timeout.connect(presenter.on_timeout)
        self.retry_timer.timeout.connect(presenter.on_retry)
        presenter.start()

    # --- CheckinView -------------------------------------------------------------------
    def show_ready(self, direction: Direction) -> None:
        self.panel.show_ready(direction)
        self.focus_code_field()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.focus_code_field()

    def focus_code_field(self) -> None:
        """The code field has the focus whenever nothing else needs it: a code typed by hand and Enter
        work at once. Not while a dialog is up or the staff is typing elsewhere on this page."""
        if not self.isVisible() or QApplication.activeModalWidget() is not None:
            return
        focused = QApplication.focusWidget()
        if isinstance(focused, QLineEdit) and focused is not self.code_field and self.isAncestorOf(focused):
            return
        self.code_field.setFocus(Qt.FocusReason.OtherFocusReason)

    def show_verdict(self, state: VerdictState) -> None:
        self.panel.show_verdict(state)
        self.focus_code_field()  # the next guest's code, typed by hand, goes straight in

    def show_mode(self, direction: Direction) -> None:
        self.direction = direction
        exit_mode = direction is Direction.EXIT
        color = theme.accent(direction)
        self.mode_bar.setStyleSheet(
            f"QFrame#modeBar {{ background: {color}; border-radius: 8px; }}"
            " QFrame#modeBar QLabel { color: white; }"
            " QFrame#modeBar QPushButton { background: rgba(255,255,255,0.25); color: white; border: none; }"
            " QFrame#modeBar QPushButton:checked { background: white; color: " + color + "; font-weight: bold; }")
        self.mode_label.setText(self.tr("EXIT mode — scans record guests leaving") if exit_mode
                                else self.tr("ENTRY mode — scans let guests in"))
        (self.exit_button if exit_mode else self.entry_button).setChecked(True)

    def show_recent(self, rows: Sequence[RecentScan]) -> None:
        self.recent_model.set_rows(rows)
        self.undo_button.setEnabled(any(r.undoable for r in rows))

    def show_error(self, message: str) -> None:
        self.dialogs.error(self, message)

    def show_failure(self, state: FailureState) -> None:
        self.panel.show_failure(state)

    def play_sound(self, verdict: Verdict) -> None:
        self.sounds.play(verdict)

    def stats_changed(self) -> None:
        self.statsChanged.emit()

    # --- inputs ------------------------------------------------------------------------
    def on_camera_codes(self, texts: list[str]) -> None:
        if self.presenter is not None and texts:
            self.presenter.scan(texts[0], source=Source.CAMERA)

    def on_burst(self, raw: str, alternatives: list[str]) -> None:
        if self.presenter is not None:
            self.presenter.scan(raw, source=Source.WEDGE, alternatives=alternatives)

    def submit_code(self) -> None:
        text = self.code_field.text().strip()
        if text and self.presenter is not None:
            self.code_field.clear()
            self.presenter.scan(text, source=Source.MANUAL)

    def set_camera_frame(self, image: QImage) -> None:
        self.camera_view.set_frame(image)

    # --- staff actions -----------------------------------------------------------------
    def ask_override(self) -> None:
        presenter = self.presenter
        if presenter is None or presenter.current is None or presenter.current.attendee is None:
            return
        presenter.pause_timeout()
        answer = self.dialogs.ask_override(self, presenter.current.attendee.full_name, presenter.staff)
        if answer is None:
            presenter.resume_timeout()
            return
        presenter.override(answer.reason, answer.staff)

    def print_current(self) -> None:
        presenter = self.presenter
        if presenter and presenter.current and presenter.current.attendee and self.printing.available:
            self.printing.print_badge(presenter.current.attendee)

    def undo_latest(self) -> None:
        if self.presenter is not None:
            self._undo(self.presenter.latest_undoable())

    def undo_selected(self) -> None:
        indexes = self.recent_view.selectionModel().selectedRows()
        row = indexes[0].data(ROW_ROLE) if indexes else None
        if row is None and self.presenter is not None:
            row = self.presenter.latest_undoable()
        self._undo(row)

    def _undo(self, row: RecentScan | None) -> None:
        if row is None or not row.undoable or self.presenter is None:
            return
        who = row.name or row.scan.code
        when = local_clock(row.scan.device_time) or ""
        if row.scan.kind is ScanKind.EXIT:
            text = self.tr("Undo the exit of %1 at %2?")
        elif row.scan.kind is ScanKind.OVERRIDE:
            text = self.tr("Undo the staff-approved entry of %1 at %2?")
        else:
            text = self.tr("Undo the entry of %1 at %2?")
        text = text.replace("%1", who).replace("%2", when)
        if self.dialogs.confirm(self, self.tr("Undo scan"), text, self.tr("Undo the scan"), self.tr("Keep")):
            self.presenter.undo(row.scan.id)

    def _recent_menu(self, pos: QPoint) -> None:
        index = self.recent_view.indexAt(pos)
        row = index.data(ROW_ROLE) if index.isValid() else None
        if row is None:
            return
        menu = QMenu(self)
        action = menu.addAction(self.tr("Undo this scan…"))
        action.setEnabled(row.undoable)
        action.triggered.connect(lambda: self._undo(row))
        menu.exec(self.recent_view.viewport().mapToGlobal(pos))
