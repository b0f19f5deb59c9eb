"""The staff window after a sync that brought duplicates: the header says how many to check, the
'Entrées en double' view lists both kiosks and times, and a walk-in registered twice is merged only
when a person says so. Two real kiosks, a real hub, real widgets; a screenshot at 1366x768."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path

import psycopg
import pytest
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QApplication, QLabel, QTableWidget
from pytestqt.qtbot import QtBot

from kiosk.adapters.hub import schema
from kiosk.adapters.printing.pdf_folder import PdfFolderPrinter
from kiosk.service import Kiosk
from kiosk.service.printing import PrintQueue
from kiosk.service.sync.round import sync_once
from kiosk.settings import Settings
from kiosk.ui import i18n
from kiosk.ui.main_window import MainWindow
from kiosk.ui.pages.attendee_detail import AttendeeDetailDialog
from kiosk.ui.seams import PrintSeam
from kiosk.ui.sounds import SoundPlayer
from kiosk.ui.widgets.header import Light
from tests.hub.pg import PgServer
from tests.ui.conftest import ScriptedDialogs

DOCS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"


def cell(table: QTableWidget, row: int, column: int) -> str:
    item = table.item(row, column)
    assert item is not None
    return item.text()


@pytest.fixture
def french(qapp: QApplication) -> Iterator[None]:
    translators = i18n.install(qapp, "fr")
    yield
    i18n.remove(qapp, translators)


def test_the_window_lists_duplicates_from_two_kiosks_and_merges_only_when_asked(
        make_kiosk: Callable[..., Kiosk], hub_url: str, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch,
        tmp_path: Path, french: None) -> None:
    with psycopg.connect(hub_url) as conn:
        schema.upgrade(conn)
    a, b = make_kiosk("poste-A"), make_kiosk("poste-B")
    a.check_in("PLUS20-0003")  # both doors admit Lucas while the network is down
    b.clock.advance(95)  # type: ignore[attr-defined]
    b.check_in("PLUS20-0003")
    a.register(first_name="Zoé", last_name="Martin", email="zoe.martin@example.org", checkin=True)
    b.register(first_name="zoe", last_name="MARTIN", email="Zoe.Martin@example.org", checkin=True)
    sync_once(a, hub_url)
    monkeypatch.setenv("KIOSK_HUB", hub_url)
    dialogs = ScriptedDialogs()
    assert b.data_dir is not None
    window = MainWindow(b, Settings(camera="", sounds=False), b.data_dir, camera_source="", dialogs=dialogs,
                        sounds=SoundPlayer(False, backend=lambda _p: None))
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    try:
        assert not window.header.duplicates.isVisible()
        before = b.stats()
        window.sync_now()
        qtbot.waitUntil(lambda: window.header.sync.state is Light.OK, timeout=20_000)
        assert "à jour" in window.header.sync.text.text()
        qtbot.waitUntil(window.header.duplicates.isVisible, timeout=5_000)
        assert window.header.duplicates.text() == "▲ 2 doublons à vérifier"
        assert "(2)" in window.duplicates_action.text()
        synced = b.stats()
        assert synced.registered == before.registered + 1  # A's Zoé arrived

        window.open_duplicates()
        view = window.duplicates.view
        assert view is not None
        qtbot.waitUntil(lambda: view.entries.rowCount() == 1 and view.pairs_table.rowCount() == 1, timeout=10_000)
        row = [cell(view.entries, 0, c) for c in range(4)]
        lucas = b.find("PLUS20-0003")
        assert row[0] == lucas.full_name and row[1] == "PLUS20-0003"
        assert row[2].startswith("poste-A · ") and row[3].startswith("poste-B · ") and row[2] != row[3]
        pair = [cell(view.pairs_table, 0, c) for c in range(3)]
        assert pair[0] == "Zoé Martin" and pair[1].startswith("poste-A") and pair[2].startswith("poste-B")
        assert all(lbl.textFormat().name == "PlainText" for lbl in view.findChildren(QLabel))
        shot = DOCS if os.environ.get("KIOSK_UPDATE_SCREENSHOTS") == "1" else tmp_path
        view.pairs_table.selectRow(0)
        grab = window.grab()  # the window with its header indicator, the view over it as staff see it
        assert (grab.width(), grab.height()) == (1366, 768)
        painter = QPainter(grab)
        dialog = view.grab()
        painter.drawPixmap((grab.width() - dialog.width()) // 2, 120, dialog)
        painter.end()
        assert grab.save(str(shot / "duplicates-fr.png"))

        dialogs.confirm_answer = False  # "Keep both": nothing happens
        view.merge_button.click()
        assert dialogs.questions and b.stats() == synced
        dialogs.confirm_answer = True
        view.merge_button.click()
        qtbot.waitUntil(lambda: view.pairs_table.rowCount() == 0, timeout=10_000)
        after = b.stats()
        assert after.registered == synced.registered - 1 and after.walk_ins == synced.walk_ins - 1
        assert after.checked_in == synced.checked_in - 1 and after.cancelled == synced.cancelled
        zoes = [g for g in b.search("zoe martin") if g.source == "walk-in"]
        assert sorted(g.status.value for g in zoes) == ["cancelled", "valid"]
        # One person now, admitted at both doors: Zoé's second entry is a duplicate entry like Lucas's.
        assert sorted(cell(view.entries, r, 0) for r in range(view.entries.rowCount())) == sorted(
            [lucas.full_name, "Zoé Martin"])
        assert window.header.duplicates.text() == "▲ 2 doublons à vérifier"
    finally:
        window.shutdown()


def test_a_badge_printed_at_another_door_shows_in_the_guest_detail(
        make_kiosk: Callable[..., Kiosk], hub_url: str, qtbot: QtBot, tmp_path: Path) -> None:
    with psycopg.connect(hub_url) as conn:
        schema.upgrade(conn)
    a, b = make_kiosk("poste-A"), make_kiosk("poste-B")
    guest = a.find("PLUS20-0012")
    queue = PrintQueue(a, PdfFolderPrinter(tmp_path / "printed"))  # the real queue, printing to a folder
    queue.enqueue(guest.id)
    assert queue.process_once() is not None
    sync_once(a, hub_url)
    dialog = AttendeeDetailDialog(b, b.find("PLUS20-0012"), PrintSeam())
    qtbot.addWidget(dialog)
    assert [lbl.text() for lbl in dialog.findChildren(QLabel) if lbl.accessibleName() == "Badge"] == ["not printed"]
    sync_once(b, hub_url)
    dialog = AttendeeDetailDialog(b, b.find("PLUS20-0012"), PrintSeam())
    qtbot.addWidget(dialog)
    [shown] = [lbl.text() for lbl in dialog.findChildren(QLabel) if lbl.accessibleName() == "Badge"]
    assert shown.startswith("printed (poste-A, ") and shown.endswith(")")


def test_offline_the_sync_light_says_what_is_waiting_and_when_it_last_synced(
        make_kiosk: Callable[..., Kiosk], hub_url: str, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch,
        pg_server: PgServer) -> None:
    with psycopg.connect(hub_url) as conn:
        schema.upgrade(conn)
    b = make_kiosk("poste-B")
    monkeypatch.setenv("KIOSK_HUB", hub_url)
    assert b.data_dir is not None
    window = MainWindow(b, Settings(camera="", sounds=False), b.data_dir, camera_source="",
                        dialogs=ScriptedDialogs(), sounds=SoundPlayer(False, backend=lambda _p: None))
    qtbot.addWidget(window)
    window.show()
    try:
        window.sync_now()
        qtbot.waitUntil(lambda: window.header.sync.state is Light.OK, timeout=20_000)
        db = hub_url.rsplit("/", 1)[1]  # the hub goes away: no connection accepted, those open cut
        pg_server.psql(f'ALTER DATABASE "{db}" ALLOW_CONNECTIONS false')
        pg_server.psql(f"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{db}'")
        window.presenter.scan("PLUS20-0005")
        b.register(first_name="Ana", last_name="López")
        window.sync_now()
        qtbot.waitUntil(lambda: window.header.sync.state is Light.ERROR, timeout=20_000)
        full = window.header.sync.toolTip()
        assert "offline" in full and f"last sync {window.last_sync_at}" in full
        assert "1 scan" in full and "1 guest" in full
    finally:
        window.shutdown()


def test_the_door_says_a_badge_was_printed_at_another_kiosk(
        make_kiosk: Callable[..., Kiosk], hub_url: str, qtbot: QtBot, tmp_path: Path, french: None) -> None:
    with psycopg.connect(hub_url) as conn:
        schema.upgrade(conn)
    a, b = make_kiosk("poste-A"), make_kiosk("poste-B")
    a.check_in("PLUS20-0014")
    queue = PrintQueue(a, PdfFolderPrinter(tmp_path / "printed"))
    queue.enqueue(a.find("PLUS20-0014").id)
    assert queue.process_once() is not None
    sync_once(a, hub_url)
    sync_once(b, hub_url)
    assert b.data_dir is not None
    window = MainWindow(b, Settings(camera="", sounds=False), b.data_dir, camera_source="",
                        dialogs=ScriptedDialogs(), sounds=SoundPlayer(False, backend=lambda _p: None))
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    try:
        window.presenter.scan("PLUS20-0014")
        panel = window.checkin_page.panel
        assert "Première entrée" in panel.hint.text() and "Badge imprimé (poste-A, " in panel.details.text()
        shot = DOCS if os.environ.get("KIOSK_UPDATE_SCREENSHOTS") == "1" else tmp_path
        assert window.grab().save(str(shot / "badge-printed-elsewhere-fr.png"))
        window.presenter.scan("PLUS20-0015")  # no badge yet: nothing said
        assert "Badge" not in panel.details.text()
    finally:
        window.shutdown()
