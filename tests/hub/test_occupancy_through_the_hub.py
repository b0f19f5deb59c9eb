"""The organisers' screen on kiosk B shows a scan made on kiosk A within 2 s, through the hub.

A and B have data dirs of their own; B runs `kiosk sync --watch` as a real process (LISTEN/NOTIFY),
B's occupancy screen watches B's SQLite file (data_version). A checks a guest in and pushes.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import psycopg
from pytestqt.qtbot import QtBot

from kiosk.adapters.hub import schema
from kiosk.service import Kiosk
from kiosk.service.sync.round import sync_once
from kiosk.ui.occupancy.screen import OccupancyScreen
from tests.helpers.process import start_watcher, stop

ROOT = Path(__file__).resolve().parents[2]


def test_a_scan_on_another_kiosk_reaches_the_occupancy_screen_through_its_watcher(
        make_kiosk: Callable[..., Kiosk], hub_url: str, tmp_path: Path, qtbot: QtBot) -> None:
    with psycopg.connect(hub_url) as conn:
        schema.upgrade(conn)
    a, b = make_kiosk("poste-A"), make_kiosk("poste-B")
    sync_once(a, hub_url)
    sync_once(b, hub_url)
    screen = OccupancyScreen(b)
    qtbot.addWidget(screen)
    screen.resize(1366, 768)
    screen.show()
    before = int(screen.inside.text())
    assert b.data_dir is not None
    watcher = start_watcher(b.data_dir, hub_url, log=tmp_path / "watch.log")  # back once it listens
    try:
        for i in range(1, 4):  # how soon is bench_hub's "A→B" figure; here: it arrives, every time
            a.check_in(f"PLUS20-{i:04d}")
            sync_once(a, hub_url)
            qtbot.waitUntil(lambda i=i: screen.inside.text() == str(before + i), timeout=30_000)  # type: ignore[misc]
        assert "poste-A" in screen.kiosks.text()  # each kiosk with its last scan
    finally:
        stop(watcher)
        screen.close()


def test_the_occupancy_screen_shows_a_kiosk_that_went_silent(
        make_kiosk: Callable[..., Kiosk], hub_url: str, qtbot: QtBot) -> None:
    with psycopg.connect(hub_url) as conn:
        schema.upgrade(conn)
    a, b, c = make_kiosk("poste-A"), make_kiosk("poste-B"), make_kiosk("poste-C")
    b.check_in("PLUS20-0009")
    for k in (a, b, c, a):
        sync_once(k, hub_url)
    screen = OccupancyScreen(a)
    qtbot.addWidget(screen)
    screen.resize(1366, 768)
    screen.show()
    try:
        assert "silent" not in screen.kiosks.text()
        assert "poste-B: last scan" in screen.kiosks.text()  # its scan, pulled from the hub
        with psycopg.connect(hub_url) as conn:  # poste-B's network cable is pulled five minutes ago
            conn.execute("UPDATE devices SET last_contact = now() - interval '5 minutes' WHERE name = 'poste-B'")
        sync_once(c, hub_url)
        sync_once(a, hub_url)
        qtbot.waitUntil(lambda: "▲ poste-B: silent since" in screen.kiosks.toolTip() + screen.kiosks.text(),
                        timeout=5000)
        statuses = {s.device_name: s for s in screen.occupancy.statuses()}
        assert not statuses["poste-B"].online and statuses["poste-C"].online
        assert statuses["poste-C"].last_contact is None and statuses["poste-C"].hub_contact is not None
    finally:
        screen.close()
