"""The last scans of this kiosk, newest first: time, guest, verdict, and whether it was undone."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor, QFont

from kiosk.domain.model import ScanKind, Verdict
from kiosk.domain.rules import local_clock
from kiosk.ui.models.rows import Index, RowsModel
from kiosk.ui.presenters.checkin import RecentScan
from kiosk.ui.theme import VERDICT_LOOKS

ROW_ROLE = Qt.ItemDataRole.UserRole + 1


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


class RecentScansModel(RowsModel[RecentScan]):
    COLUMNS = 3


    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return (QCoreApplication.translate("RecentScansModel", "Time"),
                    QCoreApplication.translate("RecentScansModel", "Guest"),
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
            if not row.undone:
                return text
            if row.scan.verdict is Verdict.EXIT_RECORDED:  # "sortie (annulée)": the words agree
                return QCoreApplication.translate("RecentScansModel", "exit (undone)")
            return QCoreApplication.translate("RecentScansModel", "%1 (undone)").replace("%1", text)
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
