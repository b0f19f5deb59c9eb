"""Kiosk → "Ready for the evening?" and Kiosk → Hub and doors (connect the hub, add a door, join an
evening), composed into the main window's menu. The dialogs do their work on the runner; this
controller opens them, hands the camera's reads to the join dialog while it is open, and tells the
window when the laptop joined an evening (its event replaced the demo under the window)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QWidget

from kiosk.service import Kiosk
from kiosk.service.jobs import check_data_dir
from kiosk.service.sync.round import hub_url
from kiosk.ui.background import TaskRunner
from kiosk.ui.controllers.camera import CameraControl
from kiosk.ui.controllers.sync_status import SyncStatus
from kiosk.ui.pages.hub_dialogs import AddDoorDialog, ConnectHubDialog, JoinEveningDialog
from kiosk.ui.pages.readiness_dialog import ReadinessDialog


class EveningSetup(QObject):
    eventChanged = Signal()  # the laptop joined an evening: the window shows its event now

    def __init__(self, kiosk: Kiosk, data_dir: Path, runner: TaskRunner, sync: SyncStatus, cameras: CameraControl,
                 window: QWidget) -> None:
        super().__init__(window)
        self.kiosk, self.data_dir, self.runner, self.sync, self.cameras = kiosk, data_dir, runner, sync, cameras
        self.window = window
        self.join_dialog: JoinEveningDialog | None = None

    def add_to(self, menu: QMenu, *, before: QAction) -> None:
        ready = QAction(self.tr("Ready for the evening?"), menu)
        ready.triggered.connect(self.open_readiness)
        menu.insertAction(before, ready)
        hub_menu = QMenu(self.tr("Hub and doors"), menu)
        hub_menu.addAction(self.tr("Connect the hub…")).triggered.connect(self.open_connect_hub)
        hub_menu.addAction(self.tr("Add a door…")).triggered.connect(self.open_add_door)
        hub_menu.addAction(self.tr("Join an evening…")).triggered.connect(self.open_join_evening)
        menu.insertMenu(before, hub_menu)

    def open_readiness(self) -> ReadinessDialog:
        """The same list as `kiosk check`, checked on a worker (the hub may be slow to answer)."""
        data_dir, device, lang = self.data_dir, self.kiosk.device_name, self.kiosk.lang
        dialog = ReadinessDialog(lambda: check_data_dir(data_dir, device, lang), self.runner, self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        dialog.refresh()
        return dialog

    def open_connect_hub(self) -> ConnectHubDialog:
        dialog = ConnectHubDialog(self.kiosk, self.runner, self.window)
        dialog.connected.connect(self.sync.use)
        dialog.open()
        return dialog

    def open_add_door(self) -> AddDoorDialog | None:
        if self.sync.hub_url is None:  # the organiser connects the hub first
            self.open_connect_hub()
            return None
        dialog = AddDoorDialog(self.kiosk, self.sync.hub_url, self.runner, self.window)
        dialog.open()
        return dialog

    def open_join_evening(self) -> JoinEveningDialog:
        dialog = JoinEveningDialog(self.data_dir, self.kiosk.device_name, self.runner, self.window)
        dialog.joined.connect(self._joined)
        self.join_dialog = dialog
        self.cameras.reader = dialog.offer  # while it is open, what the camera reads goes to it
        dialog.finished.connect(self._join_closed)
        dialog.open()
        return dialog

    def _join_closed(self, _result: int) -> None:
        self.join_dialog = None
        self.cameras.reader = None

    def _joined(self, _joined: object) -> None:
        if self.sync.reread_event():
            self.eventChanged.emit()
        url = hub_url(self.kiosk)
        if url:
            self.sync.use(url)
