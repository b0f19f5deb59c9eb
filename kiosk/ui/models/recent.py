"""The last scans of this kiosk, newest first: time, guest, verdict, and whether it was undone."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QFont

from kiosk.domain.model import ScanKind, Verdict
from kiosk.ui.presenters.checkin import RecentScan, local_clock
from kiosk.ui.theme import VERDICT_LOOKS

ROW_ROLE = Qt.ItemDataRole.UserRole + 1
Index = QModelIndex | QPersistentModelIndex


def verdict_label(verdict: Verdict, kind: ScanKind | None = None) -> str:
    """Short verdict words for lists (the panel has the long ones)."""
    if kind is ScanKind.OVERRIDE:
        return QCoreApplication.translate("Verdict", "let in by staff")
    labels = {
        Verdict.ACCEPTED: QCoreApplication.translate("Verdict", "accepted"),
        Verdict.ALREADY_CHECKED_IN: QCoreApplication.translate("Verdict", "already checked in"),
        Verdict.UNKNOWN: QCoreApplication.translate("Verdict", "unknown ticket"),
        Verdict.CANCELLED: QCoreApplication.translate("Verdict", "cancelled ticket"),
        Verdict.INVALID: QCoreApplication.translate("Verdict", "invalid code"),
        Verdict.WRONG_EVENT: QCoreApplication.translate("Verdict", "other event"),
        Verdict.EXIT_RECORDED: QCoreApplication.translate("Verdict", "exit"),
        Verdict.NOT_INSIDE: QCoreApplication.translate("Verdict", "not inside"),
    }
    return labels[verdict]


class RecentScansModel(QAbstractTableModel):
    COLUMNS = 3

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[RecentScan] = []

    def set_rows(self, rows: Sequence[RecentScan]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt API
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt API
        return 0 if parent.isValid() else self.COLUMNS

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return (QCoreApplication.translate("RecentScansModel", "Time"), QCoreApplication.translate("RecentScansModel", "Guest"),
                    QCoreApplication.translate("RecentScansModel", "Verdict"))[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return local_clock(row.scan.device_time)
            if column == 1:
                return row.name or row.scan.code
            text = verdict_label(row.scan.verdict, row.scan.kind)
            return QCoreApplication.translate("RecentScansModel", "%1 (undone)").replace("%1", text) \
                if row.undone else text
        if role == Qt.ItemDataRole.ForegroundRole:
            if row.undone:
                return QColor("#9e9e9e")
            if column == 2:
                return QColor(VERDICT_LOOKS[row.scan.verdict].background)
        if role == Qt.ItemDataRole.FontRole and row.undone:
            font = QFont()
            font.setStrikeOut(True)
            return font
        if role == ROW_ROLE:
            return row
        return None
