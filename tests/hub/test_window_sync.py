"""The staff window syncs with the hub in the background: its light says up to date or offline, and
another kiosk's check-in makes the guest "already checked in (poste-A)" at this door."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import psycopg
import pytest
from pytestqt.qtbot import QtBot

from kiosk.adapters.hub import schema
from kiosk.domain.model import Verdict
from kiosk.service import Kiosk
from kiosk.service.sync.round import sync_once
from kiosk.settings import Settings
from kiosk.ui.main_window import MainWindow
from kiosk.ui.sounds import SoundPlayer
from kiosk.ui.widgets.header import Light
from tests.ui.conftest import ScriptedDialogs


def window_on(kiosk: Kiosk, qtbot: QtBot) -> MainWindow:
    assert kiosk.data_dir is not None
    window = MainWindow(kiosk, Settings(camera="", sounds=False), kiosk.data_dir, camera_source="",
                        dialogs=ScriptedDialogs(), sounds=SoundPlayer(False, backend=lambda _p: None))
    qtbot.addWidget(window)
    window.show()
    return window


def test_the_window_pulls_another_kiosks_check_in_and_says_up_to_date(
        make_kiosk: Callable[..., Kiosk], hub_url: str, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    with psycopg.connect(hub_url) as conn:
        schema.upgrade(conn)
    a, b = make_kiosk("poste-A"), make_kiosk("poste-B")
    sync_once(a, hub_url)
    monkeypatch.setenv("KIOSK_HUB", hub_url)
    window = window_on(b, qtbot)
    try:
        assert window.sync_action.isEnabled()
        a.check_in("PLUS20-0004")
        sync_once(a, hub_url)
        window.sync_now()
        qtbot.waitUntil(lambda: window.header.sync.state is Light.OK, timeout=15_000)
        assert "up to date" in window.header.sync.text.text()
        window.presenter.scan("PLUS20-0004")
        state = window.presenter.current
        assert state is not None and state.verdict is Verdict.ALREADY_CHECKED_IN
        assert state.first_entry_device == "poste-A"
    finally:
        window.shutdown()


def test_a_hub_that_is_down_shows_offline_and_the_door_goes_on(
        make_kiosk: Callable[..., Kiosk], qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    b = make_kiosk("poste-B")
    monkeypatch.setenv("KIOSK_HUB", "postgresql://kiosk@127.0.0.1:1/nowhere")  # nothing listens on port 1
    window = window_on(b, qtbot)
    try:
        window.sync_now()
        qtbot.waitUntil(lambda: window.header.sync.state is Light.ERROR, timeout=15_000)
        assert "offline" in window.header.sync.text.text()
        window.presenter.scan("PLUS20-0005")
        assert window.presenter.current is not None and window.presenter.current.verdict is Verdict.ACCEPTED
    finally:
        window.shutdown()


def test_without_a_hub_the_light_says_not_configured(make_kiosk: Callable[..., Kiosk], qtbot: QtBot,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("KIOSK_HUB", raising=False)
    window = window_on(make_kiosk("poste-C"), qtbot)
    try:
        assert window.header.sync.state is Light.OFF and not window.sync_action.isEnabled()
    finally:
        window.shutdown()


def test_an_event_edited_on_the_organisers_kiosk_reaches_the_open_window(
        make_kiosk: Callable[..., Kiosk], hub_url: str, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    """The background sync writes on its own connection: the window reads the event again after it."""
    with psycopg.connect(hub_url) as conn:
        schema.upgrade(conn)
    organiser, door = make_kiosk("orga"), make_kiosk("poste-B")
    sync_once(organiser, hub_url)
    monkeypatch.setenv("KIOSK_HUB", hub_url)
    window = window_on(door, qtbot)
    try:
        window.sync_now()
        qtbot.waitUntil(lambda: window.header.sync.state is Light.OK, timeout=15_000)
        organiser.edit_event(name="#Plus20 — la fête", capacity="120")
        sync_once(organiser, hub_url)
        window.sync_now()
        qtbot.waitUntil(lambda: window.header.event_name.text() == "#Plus20 — la fête", timeout=15_000)
        assert door.event.capacity == 120 and "la fête" in window.windowTitle()
        assert "/ 120" in window.header.figures.text()
    finally:
        window.shutdown()


def test_the_windows_background_sync_pushes_a_check_in_at_once_and_pulls_on_the_hubs_notify(
        make_kiosk: Callable[..., Kiosk], hub_url: str, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    """Nobody presses "Sync now": the window's loop wakes on its own door's write and on the hub's NOTIFY
    (its poll is 5 s; the waits below are generous, the timing is bench_doors.py's)."""
    with psycopg.connect(hub_url) as conn:
        schema.upgrade(conn)
    a, b = make_kiosk("poste-A"), make_kiosk("poste-B")
    sync_once(a, hub_url)
    monkeypatch.setenv("KIOSK_HUB", hub_url)
    window = window_on(b, qtbot)
    try:
        qtbot.waitUntil(lambda: window.header.sync.state is Light.OK, timeout=20_000)
        window.presenter.scan("PLUS20-0006")

        def at_hub(code: str) -> bool:
            with psycopg.connect(hub_url) as conn:
                return conn.execute("SELECT count(*) FROM scans WHERE code = %s", (code,)).fetchone() == (1,)

        qtbot.waitUntil(lambda: at_hub("PLUS20-0006"), timeout=20_000)
        a.check_in("PLUS20-0007")
        sync_once(a, hub_url)  # A pushes (A's own watcher would): B's window hears the NOTIFY and pulls
        guest = b.find("PLUS20-0007").id
        qtbot.waitUntil(lambda: b.presence(guest).checked_in, timeout=20_000)
    finally:
        window.shutdown()
