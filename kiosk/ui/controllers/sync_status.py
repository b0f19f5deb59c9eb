"""The hub-sync status of the staff window: the background sync thread, the Sync light, rows the hub
sent that this kiosk refused, and the clock warning.

The sync runs on a thread and a connection of its own (the door never waits); what it brings back is
posted to the UI thread and said on the header. Pulled rows and an edited event are announced with
``dataChanged`` (the window refreshes its figures, list and recent scans).
"""

from __future__ import annotations

import logging
import threading
import time

from PySide6.QtCore import QObject, Signal

from kiosk.domain.messages import clock_message, refused_message
from kiosk.domain.rules import format_time, local_clock, local_timestamp
from kiosk.service import Kiosk, KioskError
from kiosk.service.jobs import SyncOutcome, watch_hub
from kiosk.service.sync.checks import clock_off, newest_record
from kiosk.service.sync.facts import queued
from kiosk.service.sync.round import hub_url
from kiosk.ui.background import UiMailbox
from kiosk.ui.widgets.header import Header, Light

log = logging.getLogger(__name__)
SYNC_EVERY_S = 5.0  # with a hub: a round at least this often; at once on a local write or the hub's NOTIFY
REFUSED_AMBER_S = 300  # how long the Sync light stays amber after the hub sent rows this kiosk refused


class SyncStatus(QObject):
    """Runs the window's sync loop and says how it goes on the header."""

    dataChanged = Signal()  # other kiosks' rows were pulled, or the event was edited elsewhere
    eventRenamed = Signal(str)  # the event's name after an edit pulled from the hub
    duplicatesCounted = Signal(int)  # duplicate entries and walk-in pairs after a round
    hubChosen = Signal()  # a hub was connected from the window: the Sync action applies now

    def __init__(self, kiosk: Kiosk, header: Header, mailbox: UiMailbox, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.kiosk, self.header, self.mailbox = kiosk, header, mailbox
        self.last_sync: object | None = None
        self.refused_until = 0.0  # the Sync light stays amber until then after a round refused rows
        self.last_sync_at = ""
        self.hub_url = hub_url(kiosk)
        self._stop, self._wake = threading.Event(), threading.Event()
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        """The first round with a hub; without one, the clock judged against what this data dir recorded."""
        if self.hub_url is not None:
            self.header.sync.set_state(Light.WARN, self.tr("starting"))
            self.sync_now()
        else:
            self.show_clock(None, hub_reached=False)  # no hub to compare with: what this data dir recorded

    def sync_now(self) -> None:
        """Sync in the background, on a thread and a connection of its own (the door never waits): the
        same loop as `kiosk sync --watch` (kiosk.service.sync.watch), so a check-in, walk-in, edit or
        badge stored here is pushed at once and another kiosk's is pulled as soon as the hub NOTIFYs.
        Called again ("Sync with the hub now"), it wakes that loop for a round now."""
        if self.hub_url is None or self.kiosk.data_dir is None:
            return
        if self._thread is not None and self._thread.is_alive():
            self._wake.set()
            return
        data_dir, device, url = self.kiosk.data_dir, self.kiosk.device_name, self.hub_url
        post = self.mailbox.post
        stop, wake = self._stop, self._wake

        def run() -> None:
            watch_hub(data_dir, device, url, poll_s=SYNC_EVERY_S, stop=stop.is_set, wake=wake,
                      report=lambda line: None if line.startswith("sync:") else post(self._failed, line),
                      on_outcome=lambda outcome: post(self._synced, outcome),
                      on_failed=lambda error: post(self._failed, error))

        self._thread = threading.Thread(target=run, name="kiosk-sync", daemon=True)
        self._thread.start()

    def use(self, url: str) -> None:
        """Sync with ``url`` from now on: the hub was just connected, or the laptop joined, from the window."""
        self.hub_url = url
        self.hubChosen.emit()
        self.sync_now()

    def stop(self) -> None:
        """The loop ends at its next look (0.15 s), or when a round in flight ends."""
        self._stop.set()
        self._wake.set()

    def _synced(self, outcome: object) -> None:
        if not isinstance(outcome, SyncOutcome):
            return
        summary = self.last_sync = outcome.summary
        self.last_sync_at = local_clock(self.kiosk.now()) or ""
        waiting = self._queued_text(summary.queued, summary.queued_guests, summary.queued_prints,
                                    summary.queued_links)
        refused = refused_message(sum(n for _, _, n in summary.refused_by_device), list(summary.refused_by_device),
                                  self.kiosk.lang)
        if waiting:
            detail, light = (self.tr("last sync %1 · waiting: %2").replace("%1", self.last_sync_at)
                             .replace("%2", waiting)), Light.WARN
        else:
            detail, light = self.tr("up to date · %1").replace("%1", self.last_sync_at), Light.OK
        if summary.refused:  # rows refused: amber long enough to be seen (rounds run every few seconds)
            self.refused_until = time.monotonic() + REFUSED_AMBER_S
        if time.monotonic() < self.refused_until:
            light = Light.WARN  # the count stays in the tooltip after that
        self.header.sync.set_state(light, detail + (f" · {refused}" if refused else ""))
        self.show_clock(summary.clock_off, hub_reached=True)
        self.duplicatesCounted.emit(outcome.duplicate_entries + outcome.walk_in_pairs)
        event_changed = self.reread_event()
        if summary.pulled or summary.facts_pulled or event_changed:
            self.dataChanged.emit()  # other kiosks' scans: the figures, the list, "already checked in"

    def reread_event(self) -> bool:
        """The organiser may have edited the event on another kiosk (name, capacity, workshops): the
        sync wrote it on the worker's connection, so this one reads it again. True when it changed."""
        try:
            before = self.kiosk.event
            self.kiosk.forget_event()
            after = self.kiosk.event
        except KioskError as exc:
            log.warning("event not re-read after sync: %s", exc)
            return False
        if after == before:
            return False
        self.eventRenamed.emit(after.name)
        self.header.set_event(after.name, self.kiosk.device_name)
        return True

    def _queued_text(self, scans: int, guests: int, prints: int, links: int) -> str:
        parts = [self.tr("%n scan(s)", "", scans) if scans else "",
                 self.tr("%n guest(s)", "", guests) if guests else "",
                 self.tr("%n badge(s) printed", "", prints) if prints else "",
                 self.tr("%n decision(s)", "", links) if links else ""]
        return ", ".join(p for p in parts if p)

    def _failed(self, error: object) -> None:
        log.warning("sync failed: %s", error)
        try:
            left = queued(self.kiosk)
            waiting = self._queued_text(left.scans, left.guests, left.prints, left.links)
        except KioskError:
            waiting = ""
        detail = self.tr("offline — check-ins go on, queued")
        if self.last_sync_at:
            detail += " · " + self.tr("last sync %1").replace("%1", self.last_sync_at)
        if waiting:
            detail += " · " + waiting
        self.header.sync.set_state(Light.ERROR, detail)
        self.show_clock(None, hub_reached=False)

    def show_clock(self, off: str | None, *, hub_reached: bool) -> None:
        """Say at the door when this computer's clock cannot be right: ``off`` (its time) from the
        round when the hub was reached, else judged against what this data dir already recorded."""
        if not hub_reached:
            moment = clock_off(self.kiosk.clock(), None, newest_record(self.kiosk))
            off = None if moment is None else format_time(moment)
        self.header.set_clock_warning(
            None if off is None else clock_message(str(local_timestamp(off))[:16], self.kiosk.lang))

