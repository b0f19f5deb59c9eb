"""The screen's two staff-only buttons, behind the staff PIN: the evacuation list (names: never on the
screen itself, only in the PDF) and "check everyone out" at the end of the evening."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QInputDialog, QLineEdit, QWidget

from kiosk.domain import rules
from kiosk.service import Kiosk
from kiosk.service.occupancy import Occupancy, checkout_all
from kiosk.service.pin import PinError, StaffPin
from kiosk.ui.dialogs import Dialogs
from kiosk.ui.i18n import counted

PinAsker = Callable[[QWidget], "str | None"]


class StaffActions(QObject):
    """What the buttons do; the prompts are injected so tests answer them without a modal loop."""

    def __init__(self, kiosk: Kiosk, occupancy: Occupancy, parent: QWidget, *, dialogs: Dialogs | None = None,
                 pin_asker: PinAsker | None = None, pin: StaffPin | None = None) -> None:
        super().__init__(parent)
        self.kiosk, self.occupancy, self.parent_widget = kiosk, occupancy, parent
        self.dialogs = dialogs or Dialogs()
        self.ask_pin = pin_asker or self._ask_pin
        data_dir = kiosk.data_dir or Path.cwd()
        self.pin = pin or StaffPin(data_dir)

    def _ask_pin(self, parent: QWidget) -> str | None:
        """The real PIN prompt: digits hidden as they are typed."""
        pin, ok = QInputDialog.getText(parent, self.tr("Staff PIN"), self.tr("Staff PIN:"),
                                       QLineEdit.EchoMode.Password)
        return pin if ok else None

    def _authorised(self) -> bool:
        if not self.pin.is_set:
            self.dialogs.error(self.parent_widget, self.tr("No staff PIN is set. Set one with: kiosk pin set"))
            return False
        typed = self.ask_pin(self.parent_widget)
        if typed is None:
            return False
        try:
            right = self.pin.check(typed)
        except PinError as exc:
            self.dialogs.error(self.parent_widget, str(exc))
            return False
        if not right:
            self.dialogs.error(self.parent_widget, self.tr("Wrong PIN."))
        return right

    def evacuation_list(self) -> Path | None:
        """Write the evacuation list PDF where staff choose (A4, sorted by last name, time-stamped)."""
        if not self._authorised():
            return None
        from kiosk.reports.evacuation import write_evacuation_pdf

        stamp = datetime.now().strftime("%Y%m%d-%H%M")
        target = self.dialogs.save_file(self.parent_widget, self.tr("Evacuation list"),
                                        f"evacuation-{stamp}.pdf", "PDF (*.pdf)")
        if target is None:
            return None
        self.occupancy.refresh(force=True)
        people = self.occupancy.present()
        write_evacuation_pdf(target, self.occupancy.event, people, rules.format_time(self.kiosk.clock()),
                             lang=self.kiosk.lang)
        self.dialogs.info(self.parent_widget, self.tr("Evacuation list"),
                          self.tr("%1 people inside. List written to %2").replace("%1", counted(len(people)))
                          .replace("%2", str(target)))
        return target

    def check_everyone_out(self) -> int | None:
        if not self._authorised():
            return None
        self.occupancy.refresh(force=True)  # all of the log, even while the screen is still loading it
        inside = len(self.occupancy.inside_ids())
        question = self.tr("Record an exit for the %1 people still inside?").replace("%1", counted(inside))
        title = self.tr("Check everyone out")
        if not self.dialogs.confirm(self.parent_widget, title, question, title, self.tr("Keep")):
            return None
        return checkout_all(self.kiosk, staff=self.tr("staff (occupancy screen)"))
