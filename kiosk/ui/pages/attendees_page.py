"""Attendees page: everyone before typing, as-you-type name search, check in, guest details.

The search runs on the UI thread (FTS, ~1 ms) after a 150 ms pause in typing. Before anything
is typed the page lists guests by last name, capped at BROWSE_LIMIT rows for very large events.

Keyboard first: while the search field has the focus, the arrows and Page Up/Down move the
selection in the list, and Enter checks the selected guest in (after one confirmation whose default
is the check-in); in the list itself Enter does the same and Space opens the guest's details. A name
typed, Enter, Enter: the guest is in without touching the mouse.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QModelIndex, QObject, QSortFilterProxyModel, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from kiosk.domain.model import Attendee
from kiosk.domain.text import names_match, tokens
from kiosk.service.roles import AttendeeDirectory
from kiosk.ui.dialogs import Dialogs
from kiosk.ui.i18n import counted
from kiosk.ui.models.attendees import ATTENDEE_ROLE, SORT_ROLE, AttendeeRow, AttendeeTableModel
from kiosk.ui.pages.attendee_detail import AttendeeDetailDialog
from kiosk.ui.printing import PrintSeam
from kiosk.ui.widgets.plain_label import PlainLabel

DEBOUNCE_MS = 150
RESULT_LIMIT = 100
BROWSE_LIMIT = 500
_ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
_MOVES = {Qt.Key.Key_Down: 1, Qt.Key.Key_Up: -1, Qt.Key.Key_PageDown: 10, Qt.Key.Key_PageUp: -10}


class AttendeesPage(QWidget):
    def __init__(self, kiosk: AttendeeDirectory, dialogs: Dialogs, printing: PrintSeam,
                 check_in: Callable[[str], None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("attendees page")
        self.kiosk, self.dialogs, self.printing, self._check_in = kiosk, dialogs, printing, check_in
        self.search_field = QLineEdit()
        self.search_field.setAccessibleName("search attendees")
        self.search_field.setPlaceholderText(self.tr("Name, organisation, e-mail or ticket code…"))
        self.search_field.setClearButtonEnabled(True)
        font = self.search_field.font()
        font.setPointSize(18)
        self.search_field.setFont(font)
        self.debounce = QTimer(self)
        self.debounce.setSingleShot(True)
        self.debounce.setInterval(DEBOUNCE_MS)
        self.debounce.timeout.connect(self.run_search)
        self.search_field.textChanged.connect(lambda _text: self.debounce.start())
        self.search_field.installEventFilter(self)

        self.model = AttendeeTableModel()
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.table = QTableView()
        self.table.setAccessibleName("attendee results")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)  # A→Z with the arrow saying so
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setDefaultSectionSize(40)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        # Measured on the rows in view, not on all 500 of the list (Qt's default): each page switch and
        # each search asked every row for every column's text, 0.25 s of the window's thread.
        header.setResizeContentsPrecision(0)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.doubleClicked.connect(self._open_index)
        self.table.installEventFilter(self)
        self.summary = PlainLabel()
        self.summary.setAccessibleName("search summary")

        self.check_in_button = QPushButton(self.tr("Check in…"))
        self.check_in_button.setAccessibleName("check in selected guest")
        self.check_in_button.clicked.connect(self.check_in_selected)
        self.details_button = QPushButton(self.tr("Details…"))
        self.details_button.setAccessibleName("guest details")
        self.details_button.clicked.connect(self.open_selected)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())

        buttons = QHBoxLayout()
        buttons.addWidget(self.summary, 1)
        buttons.addWidget(self.details_button)
        buttons.addWidget(self.check_in_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addWidget(self.search_field)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.run_search()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """The keyboard route from the search field and the list to a check-in (see the module)."""
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return False
        if event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            return False
        key = event.key()
        if watched is self.search_field:
            if key in _MOVES:
                self._move_selection(_MOVES[Qt.Key(key)])
                return True
            if key in _ENTER:
                if self.debounce.isActive():  # typed faster than the search: show what Enter acts on
                    self.run_search()
                self.check_in_selected()
                return True
        elif watched is self.table:
            if key in _ENTER:
                self.check_in_selected()
                return True
            if key == Qt.Key.Key_Space:
                self.open_selected()
                return True
        return False

    def _move_selection(self, step: int) -> None:
        rows = self.proxy.rowCount()
        if rows == 0:
            return
        current = self.table.selectionModel().selectedRows()
        row = current[0].row() + step if current else 0
        row = max(0, min(rows - 1, row))
        self.table.selectRow(row)
        self.table.scrollTo(self.proxy.index(row, 0))

    def focus_search(self, text: str = "") -> None:
        if text:
            self.search_field.setText(text)
        self.search_field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_field.selectAll()

    def run_search(self) -> None:
        self.debounce.stop()
        text = self.search_field.text().strip()
        found = self.kiosk.search(text, limit=RESULT_LIMIT) if text else \
            self.kiosk.attendees(sort="last_name", limit=BROWSE_LIMIT + 1)
        capped = not text and len(found) > BROWSE_LIMIT
        found = found[:BROWSE_LIMIT]
        words = tokens(text)
        self.model.set_rows([AttendeeRow(a, self.kiosk.presence(a.id),
                                         not words or names_match(words, a.first_name, a.last_name))
                             for a in found])
        if not text and capped:
            self.summary.setText(self.tr("First %1 guests by last name: type to search.").replace(
                "%1", counted(BROWSE_LIMIT)))
        elif not text:
            self.summary.setText(self.tr("%n guest(s) registered. Type a name to search.", "", len(found)))
        elif not found:
            self.summary.setText(self.tr("No guest found."))
        else:
            self.summary.setText(self.tr("%n guest(s) found", "", len(found)))
        if found:
            self.table.selectRow(0)
        self._update_buttons()

    def selected(self) -> Attendee | None:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].data(ATTENDEE_ROLE) if rows else None

    def _update_buttons(self) -> None:
        chosen = self.selected()
        self.check_in_button.setEnabled(chosen is not None and not chosen.cancelled)
        self.details_button.setEnabled(chosen is not None)

    def check_in_selected(self) -> None:
        attendee = self.selected()
        if attendee is None:
            return
        text = self.tr("Check in %1?").replace("%1", attendee.full_name)
        extra = " · ".join(p for p in (attendee.organisation, attendee.category) if p)
        if extra:
            text += "\n" + extra
        if self.dialogs.confirm(self, self.tr("Check in"), text, self.tr("Check in"), default_yes=True):
            self._check_in(attendee.id)
            self.run_search()

    def _open_index(self, index: QModelIndex) -> None:
        attendee = index.data(ATTENDEE_ROLE)
        if attendee is not None:
            self.open_details(attendee)

    def open_selected(self) -> None:
        attendee = self.selected()
        if attendee is not None:
            self.open_details(attendee)

    def open_details(self, attendee: Attendee) -> AttendeeDetailDialog:
        dialog = AttendeeDetailDialog(self.kiosk, attendee, self.printing, self)
        dialog.open()
        return dialog
