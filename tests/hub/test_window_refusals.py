"""The window at the door: its Sync light says how many pulled rows were refused and from which
device, and a clock that cannot be right is said plainly in the header."""

from __future__ import annotations

import os
from collections.abc import Callable
from datetime import UTC, datetime

import psycopg
import pytest
from pytestqt.qtbot import QtBot

from kiosk.adapters.hub import schema
from kiosk.domain.model import Verdict
from kiosk.domain.rules import local_timestamp
from kiosk.service import Kiosk
from kiosk.service.sync.round import sync_once
from kiosk.ui.widgets.header import Light
from tests.conftest import FakeClock
from tests.hub.test_pulled_rows import INTRUDER, forged_scan
from tests.hub.test_window_sync import window_on


def test_the_sync_light_says_rows_were_refused_and_from_which_device(
        make_kiosk: Callable[..., Kiosk], hub_url: str, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    with psycopg.connect(hub_url) as conn:
        schema.upgrade(conn)
    a, b = make_kiosk("poste-A"), make_kiosk("poste-B")
    sync_once(a, hub_url)
    guest = a.find("PLUS20-0004")
    forged_scan(hub_url, a.event.id, guest.id, hlc="not a stamp")
    forged_scan(hub_url, a.event.id, guest.id, verdict="peut-être")
    a.check_in("PLUS20-0004")
    sync_once(a, hub_url)
    monkeypatch.setenv("KIOSK_HUB", hub_url)
    window = window_on(b, qtbot)
    try:
        window.sync_now()
        qtbot.waitUntil(lambda: window.header.sync.state is Light.WARN and "refus" in window.header.sync.toolTip(),
                        timeout=15_000)
        tip = window.header.sync.toolTip()
        assert "2 ligne(s) reçue(s) du hub refusée(s) et mise(s) de côté (2 de 6a4f0a9e)" in tip, tip
        assert INTRUDER[:8] in tip and "offline" not in tip and "hors ligne" not in tip
        window.presenter.scan("PLUS20-0004")  # what was valid arrived: A's check-in
        state = window.presenter.current
        assert state is not None and state.verdict is Verdict.ALREADY_CHECKED_IN
        if os.environ.get("KIOSK_SHOTS"):
            window.grab().save(os.path.join(os.environ["KIOSK_SHOTS"], "sync-refused.png"))
        rounds = window.last_sync
        window.sync_now()  # nothing new refused: amber a while longer (rounds come every few seconds,
        qtbot.waitUntil(lambda: window.last_sync is not rounds, timeout=15_000)  # a flash is never seen)
        assert window.header.sync.state is Light.WARN and "2 ligne(s)" in window.header.sync.toolTip()
        window._refused_until = 0.0  # five minutes later: green again, the count still said
        window.sync_now()
        qtbot.waitUntil(lambda: window.header.sync.state is Light.OK, timeout=15_000)
        assert "2 ligne(s)" in window.header.sync.toolTip()
    finally:
        window.shutdown()


def test_a_clock_that_says_2001_is_said_at_the_door(make_kiosk: Callable[..., Kiosk], qtbot: QtBot,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("KIOSK_HUB", raising=False)
    clock = FakeClock()
    k = make_kiosk("poste-C", clock)  # the demo made on the event's evening...
    clock.now = datetime(2001, 1, 1, 12, 0, tzinfo=UTC)  # ...then the laptop boots with a dead clock battery
    window = window_on(k, qtbot)
    try:
        assert window.header.clock_warning.isVisible()
        shown = str(local_timestamp("2001-01-01T12:00:00.000Z"))[:16]  # '2001-01-01 12:00' in UTC
        assert window.header.clock_warning.text() == (
            f"▲ l'horloge de cet ordinateur indique {shown} : mettez-la à l'heure")
        if os.environ.get("KIOSK_SHOTS"):
            window.grab().save(os.path.join(os.environ["KIOSK_SHOTS"], "clock-2001.png"))
    finally:
        window.shutdown()


def test_a_clock_after_what_was_recorded_says_nothing(make_kiosk: Callable[..., Kiosk], qtbot: QtBot,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("KIOSK_HUB", raising=False)
    clock = FakeClock()
    k = make_kiosk("poste-D", clock)
    clock.advance(30 * 86400)  # a month later (a demo run again, an organiser's preparation): not a wrong clock
    window = window_on(k, qtbot)
    try:
        assert not window.header.clock_warning.isVisible()
    finally:
        window.shutdown()
