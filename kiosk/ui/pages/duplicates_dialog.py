"""'Entrées en double': guests admitted at two kiosks that could not see each other, and walk-ins
registered twice for one person, offered for merging. Lists only: the decisions go through the
presenter (kiosk/ui/presenters/duplicates.py) to the service; nothing is merged without a person."""

from __future__ import annotations

from PySide6.QtCore import Signal, SignalInstance
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kiosk.domain.model import Attendee
from kiosk.domain.rules import local_clock
from kiosk.service.duplicates import Snapshot, WalkInPairView
from kiosk.ui.widgets.plain_label import PlainLabel


def _table(columns: list[str], accessible: str) -> QTableWidget:
    table = QTableWidget(0, len(columns))
    table.setAccessibleName(accessible)
    table.setHorizontalHeaderLabels(columns)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.horizontalHeader().setStretchLastSection(True)
    table.verticalHeader().hide()
    return table


def _fill(table: QTableWidget, rows: list[tuple[str, ...]]) -> None:
    table.setRowCount(len(rows))
    for r, values in enumerate(rows):
        for c, value in enumerate(values):
            table.setItem(r, c, QTableWidgetItem(value))  # items show text as text, never markup
    table.resizeColumnsToContents()


class DuplicatesDialog(QDialog):
    mergeRequested = Signal(str, str)  # keep id, other id
    dismissRequested = Signal(str, str)
    refreshRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Duplicate entries"))
        self.setAccessibleName("duplicates")
        self.pairs: list[WalkInPairView] = []
        title_font = QFont()
        title_font.setBold(True)
        title_font.setPointSize(14)
        entries_title = PlainLabel(self.tr("Duplicate entries"))
        entries_title.setFont(title_font)
        entries_hint = PlainLabel(self.tr(
            "Admitted at two kiosks that could not see each other: both scans are kept, the guest counts once."))
        entries_hint.setWordWrap(True)
        self.entries = _table([self.tr("Guest"), self.tr("Ticket code"), self.tr("First entry"),
                               self.tr("Duplicate entry")], "duplicate entries")
        self.entries_empty = PlainLabel(self.tr("No duplicate entry."))
        pairs_title = PlainLabel(self.tr("Walk-ins registered twice"))
        pairs_title.setFont(title_font)
        pairs_hint = PlainLabel(self.tr(
            "Same name and the same e-mail or organisation, registered at two kiosks. Nothing is merged "
            "until you decide."))
        pairs_hint.setWordWrap(True)
        self.pairs_table = _table([self.tr("Guest"), self.tr("Registered at"), self.tr("Also registered at")],
                                  "walk-ins registered twice")
        self.pairs_empty = PlainLabel(self.tr("No walk-in registered twice."))
        self.merge_button = QPushButton(self.tr("Same person: merge"))
        self.merge_button.setAccessibleName("merge")
        self.dismiss_button = QPushButton(self.tr("Not the same person"))
        self.dismiss_button.setAccessibleName("not the same person")
        for button in (self.merge_button, self.dismiss_button):
            button.setEnabled(False)
        self.merge_button.clicked.connect(lambda: self._decide(self.mergeRequested))
        self.dismiss_button.clicked.connect(lambda: self._decide(self.dismissRequested))
        self.pairs_table.itemSelectionChanged.connect(self._selection_changed)
        self.status = PlainLabel("")
        self.status.setAccessibleName("duplicates status")
        actions = QHBoxLayout()
        actions.addWidget(self.merge_button)
        actions.addWidget(self.dismiss_button)
        actions.addStretch(1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.refresh_button = buttons.addButton(self.tr("Refresh"), QDialogButtonBox.ButtonRole.ActionRole)
        self.refresh_button.clicked.connect(self.refreshRequested.emit)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (entries_title, entries_hint, self.entries, self.entries_empty, pairs_title, pairs_hint,
                       self.pairs_table, self.pairs_empty):
            layout.addWidget(widget, 1 if isinstance(widget, QTableWidget) else 0)
        layout.addLayout(actions)
        layout.addWidget(self.status)
        layout.addWidget(buttons)
        self.resize(1080, 600)  # fits a 1366x768 laptop with the window behind it

    def show_loading(self) -> None:
        self.status.setText(self.tr("Looking for duplicates…"))

    def show_snapshot(self, snapshot: Snapshot) -> None:
        self.status.setText("")
        _fill(self.entries, [(d.name, d.ticket_code or "—", self._at(d.first.device_name, d.first.at),
                              self._at(d.duplicate.device_name, d.duplicate.at)) for d in snapshot.entries])
        self.pairs = list(snapshot.pairs)
        _fill(self.pairs_table, [(p.keep.full_name, self._who(p.keep, p.keep_device),
                                  self._who(p.other, p.other_device)) for p in self.pairs])
        self.entries_empty.setVisible(not snapshot.entries)
        self.pairs_empty.setVisible(not snapshot.pairs)
        self._selection_changed()

    def show_problem(self, text: str) -> None:
        self.status.setText(text)

    def _at(self, device: str, iso: str) -> str:
        return f"{device} · {local_clock(iso) or iso}"

    def _who(self, guest: Attendee, device: str) -> str:
        contact = " · ".join(p for p in (guest.email, guest.organisation) if p)
        return f"{self._at(device, guest.created_at)} — {contact}" if contact else self._at(device, guest.created_at)

    def selected_pair(self) -> WalkInPairView | None:
        rows = {i.row() for i in self.pairs_table.selectedIndexes()}
        return self.pairs[min(rows)] if rows and min(rows) < len(self.pairs) else None

    def _selection_changed(self) -> None:
        chosen = self.selected_pair() is not None
        self.merge_button.setEnabled(chosen)
        self.dismiss_button.setEnabled(chosen)

    def _decide(self, signal: SignalInstance) -> None:
        pair = self.selected_pair()
        if pair is not None:
            signal.emit(pair.keep.id, pair.other.id)
