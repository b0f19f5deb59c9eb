"""The duplicates view's flow: read on a worker, decisions (merge, not the same person) confirmed
by a person and written through the service on the UI thread (one short transaction each)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from kiosk.service import Kiosk, KioskError
from kiosk.service.duplicates import Snapshot
from kiosk.service.errors import Refused
from kiosk.service.jobs import read_duplicates
from kiosk.ui.background import TaskRunner
from kiosk.ui.dialogs import Dialogs
from kiosk.ui.pages.duplicates_dialog import DuplicatesDialog


class DuplicatesPresenter(QObject):
    counted = Signal(int)  # how many duplicates there are to look at (the header's indicator)
    changed = Signal()  # a decision changed the figures

    def __init__(self, kiosk: Kiosk, runner: TaskRunner, dialogs: Dialogs, parent: QWidget) -> None:
        super().__init__(parent)
        self.kiosk, self.runner, self.dialogs, self.parent_widget = kiosk, runner, dialogs, parent
        self.view: DuplicatesDialog | None = None
        self.last: Snapshot | None = None
        self._loading = False

    def open(self) -> DuplicatesDialog:
        if self.view is None:
            self.view = DuplicatesDialog(self.parent_widget)
            self.view.mergeRequested.connect(self.merge)
            self.view.dismissRequested.connect(self.dismiss)
            self.view.refreshRequested.connect(self.reload)
        if self.last is not None:
            self.view.show_snapshot(self.last)
        self.view.show()
        self.view.raise_()
        self.reload()
        return self.view

    def reload(self) -> None:
        """Read the lists again on a worker (its own connection); the door never waits for it."""
        if self._loading or self.kiosk.data_dir is None:
            return
        self._loading = True
        if self.view is not None:
            self.view.show_loading()
        data_dir, device = self.kiosk.data_dir, self.kiosk.device_name
        self.runner.start(lambda _progress: read_duplicates(data_dir, device), "duplicates", on_done=self._loaded,
                          on_failed=lambda error: self.view.show_problem(str(error)) if self.view else None,
                          on_finished=self._done_loading)

    def _done_loading(self) -> None:
        self._loading = False

    def _loaded(self, snapshot: object) -> None:
        if not isinstance(snapshot, Snapshot):
            return
        self.last = snapshot
        self.counted.emit(snapshot.total)
        if self.view is not None:
            self.view.show_snapshot(snapshot)

    def merge(self, keep_id: str, other_id: str) -> None:
        pair = self._pair(keep_id, other_id)
        if pair is None:
            return
        keep, other = pair
        if not self.dialogs.confirm(
                self.view or self.parent_widget, self.tr("Merge"),
                self.tr("%1 and %2 are the same person? The second record is cancelled, its scans and badges "
                        "count for the first, on every kiosk.").replace("%1", keep).replace("%2", other),
                self.tr("Merge"), self.tr("Keep both")):
            return
        self._write(lambda: self.kiosk.duplicates.merge(keep_id, other_id))

    def dismiss(self, first_id: str, second_id: str) -> None:
        self._write(lambda: self.kiosk.duplicates.dismiss(first_id, second_id))

    def _pair(self, keep_id: str, other_id: str) -> tuple[str, str] | None:
        for p in self.last.pairs if self.last else []:
            if (p.keep.id, p.other.id) == (keep_id, other_id):
                return (f"{p.keep.full_name} ({p.keep_device})", f"{p.other.full_name} ({p.other_device})")
        return None

    def _write(self, write: Callable[[], object]) -> None:
        try:
            write()
        except Refused as exc:
            self.dialogs.error(self.view or self.parent_widget, exc.message(self.kiosk.lang))
            return
        except KioskError as exc:
            self.dialogs.error(self.view or self.parent_widget, str(exc))
            return
        self.changed.emit()
        self.reload()
