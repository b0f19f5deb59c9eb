"""Search results as a table: name, organisation, category, workshop, status, arrived at."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor

from kiosk.domain.model import Attendee, Presence
from kiosk.domain.rules import local_clock
from kiosk.domain.text import fold
from kiosk.ui.models.rows import Index, RowsModel

ATTENDEE_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 2


@dataclass(frozen=True)
class AttendeeRow:
    attendee: Attendee
    presence: Presence
    named: bool = True  # a search result whose name the searched words start: listed before the others


def status_text(row: AttendeeRow) -> str:
    if row.attendee.cancelled:
        return QCoreApplication.translate("AttendeeModel", "cancelled")
    if row.presence.inside:
        return QCoreApplication.translate("AttendeeModel", "inside")
    if row.presence.checked_in:
        return QCoreApplication.translate("AttendeeModel", "left")
    return QCoreApplication.translate("AttendeeModel", "expected")


def sort_key(row: AttendeeRow, column: int) -> str:
    """What the columns sort by: names without case or accents (Élodie beside Elise, like the CLI),
    then a valid registration before a cancelled one of the same name; by name, a search's name matches
    come first (as the search gave them)."""
    a = row.attendee
    if column == 0:
        return f"{int(not row.named)}\x00{fold(a.last_name)}\x00{fold(a.first_name)}\x00{int(a.cancelled)}"
    if column == 5:
        return row.presence.first_entry_at or ""
    values = (a.organisation, a.category, a.workshop, status_text(row))
    return f"{fold(values[column - 1] or '')}\x00{fold(a.last_name)}\x00{fold(a.first_name)}"


class AttendeeTableModel(RowsModel[AttendeeRow]):
    COLUMNS = 6

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        return (QCoreApplication.translate("AttendeeModel", "Name"),
                QCoreApplication.translate("AttendeeModel", "Organisation"),
                QCoreApplication.translate("AttendeeModel", "Category"),
                QCoreApplication.translate("AttendeeModel", "Workshop"),
                QCoreApplication.translate("AttendeeModel", "Status"),
                QCoreApplication.translate("AttendeeModel", "Arrived at"))[section]

    def _value(self, row: AttendeeRow, column: int) -> str:
        a = row.attendee
        values = (f"{a.last_name.upper()} {a.first_name}", a.organisation or "", a.category or "",
                  a.workshop or "", status_text(row), local_clock(row.presence.first_entry_at) or "")
        return values[column]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._value(row, index.column())
        if role == SORT_ROLE:
            return sort_key(row, index.column())
        if role == ATTENDEE_ROLE:
            return row.attendee
        if role == Qt.ItemDataRole.ForegroundRole and index.column() == 4:
            if row.attendee.cancelled:
                return QColor("#c62828")
            if row.presence.inside:
                return QColor("#1b7f3a")
        return None
