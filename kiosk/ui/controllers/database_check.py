"""The start-up check of the database file: asked on a worker (a large file takes a moment); a
damaged file is said at once, on the check-in panel and in a dialog, with what to do."""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget

from kiosk.service import Kiosk
from kiosk.service.errors import StorageKind
from kiosk.ui.background import TaskRunner
from kiosk.ui.dialogs import Dialogs
from kiosk.ui.pages.checkin_page import CheckinPage
from kiosk.ui.presenters.checkin import FailureState

log = logging.getLogger(__name__)


class DatabaseCheck(QObject):
    def __init__(self, kiosk: Kiosk, runner: TaskRunner, page: CheckinPage, dialogs: Dialogs,
                 window: QWidget) -> None:
        super().__init__(window)
        self.kiosk, self.runner, self.page, self.dialogs, self.parent_widget = kiosk, runner, page, dialogs, window

    def start(self) -> None:
        self.runner.start(lambda _progress: self.kiosk.database_problems(), "quick check", on_done=self._checked)

    def _checked(self, problems: object) -> None:
        if not problems:
            return
        detail = str(problems[0]) if isinstance(problems, list) else str(problems)
        log.error("database damaged: %s", problems)
        self.page.show_failure(FailureState(code="", kind=StorageKind.CORRUPT, detail=detail))
        self.dialogs.error(self.parent_widget, self.tr(
            "The database file is damaged (%1). Stop using this kiosk for check-ins, keep a copy of "
            "kiosk.db, and follow 'Recovery' in the organiser's guide (docs/organiser.md)."
        ).replace("%1", detail[:200]))
