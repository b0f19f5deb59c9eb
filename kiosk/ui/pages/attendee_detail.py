"""One guest: registration fields, scan history, and 'Reprint badge' when printing is set up."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kiosk.domain.model import Attendee
from kiosk.domain.rules import local_clock
from kiosk.service.duplicates import Admission
from kiosk.service.roles import AttendeeDirectory
from kiosk.ui.models.attendees import AttendeeRow, status_text
from kiosk.ui.models.recent import verdict_label
from kiosk.ui.printing import PrintSeam
from kiosk.ui.widgets.plain_label import PlainLabel


class AttendeeDetailDialog(QDialog):
    def _badges(self, printed: list[Admission]) -> str:
        """'printed (poste-B, 18:42)', here or at another kiosk (pulled from the hub)."""
        if not printed:
            return self.tr("not printed")
        latest = printed[0]
        text = self.tr("printed (%1, %2)").replace("%1", latest.device_name).replace(
            "%2", local_clock(latest.at) or latest.at)
        return text if len(printed) == 1 else text + " " + self.tr("· %n time(s) in all", "", len(printed))

    def __init__(self, kiosk: AttendeeDirectory, attendee: Attendee, printing: PrintSeam,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.attendee, self.printing = attendee, printing
        self.setWindowTitle(attendee.full_name)
        self.setAccessibleName("attendee detail")
        presence = kiosk.presence(attendee.id)
        form = QFormLayout()
        fields = (
            (self.tr("Name"), attendee.full_name),
            (self.tr("Organisation"), attendee.organisation or "—"),
            (self.tr("Category"), attendee.category or "—"),
            (self.tr("Workshop"), attendee.workshop or "—"),
            (self.tr("E-mail"), attendee.email or "—"),
            (self.tr("Ticket code"), attendee.ticket_code or "—"),
            (self.tr("Status"), status_text(AttendeeRow(attendee, presence))),
            (self.tr("First entry"), " · ".join(p for p in (local_clock(presence.first_entry_at),
                                                             presence.first_entry_device) if p) or "—"),
            (self.tr("Badge"), self._badges(kiosk.badges_printed(attendee.id))),
        )
        for label, value in fields:
            shown = PlainLabel(value)
            shown.setAccessibleName(label)
            shown.setWordWrap(True)
            form.addRow(PlainLabel(label), shown)

        history = kiosk.history(attendee.id)
        self.history = QTableWidget(len(history), 4)
        self.history.setAccessibleName("scan history")
        self.history.setHorizontalHeaderLabels([self.tr("Time"), self.tr("Kind"), self.tr("Kiosk"), self.tr("Note")])
        for row, scan in enumerate(history):
            note = " — ".join(p for p in (scan.staff, scan.reason) if p)
            kind = self.tr("undo") if scan.kind.value == "undo" else verdict_label(scan.verdict, scan.kind)
            for column, value in enumerate((local_clock(scan.device_time) or "", kind, scan.device_name, note)):
                self.history.setItem(row, column, QTableWidgetItem(value))
        self.history.horizontalHeader().setStretchLastSection(True)
        self.history.verticalHeader().hide()

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        self.print_button: QPushButton | None = None
        if printing.available:
            self.print_button = buttons.addButton(self.tr("Reprint badge"), QDialogButtonBox.ButtonRole.ActionRole)
            self.print_button.setAccessibleName("reprint badge")
            self.print_button.clicked.connect(lambda: printing.print_badge(attendee))
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(PlainLabel(self.tr("Scan history")))
        layout.addWidget(self.history, 1)
        layout.addWidget(buttons)
        self.resize(640, 560)
