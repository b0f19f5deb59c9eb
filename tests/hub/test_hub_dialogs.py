"""The hub from the window, with a real PostgreSQL and real widgets: the organiser connects an empty
database with an administrator login that is not a superuser (a wrong password said in one line, the
database made a hub when the organiser says so), adds a door shown as a QR code, and a second laptop
joins by the code typed in as a handheld scanner does. Screenshots of the three dialogs."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from kiosk.adapters.hub import schema
from kiosk.domain.model import Event
from kiosk.domain.pairing import parse
from kiosk.service import Kiosk
from kiosk.service import keys as key_store
from kiosk.service.sync.round import hub_url
from kiosk.settings import Settings
from kiosk.ui import i18n
from kiosk.ui.main_window import MainWindow
from kiosk.ui.sounds import SoundPlayer
from tests.hub.pg import PgServer
from tests.ui.conftest import ScriptedDialogs

DOCS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"
EVENT = Event(id="7d3e5f10-2b4c-4d6e-8f90-a1b2c3d4e5f6", name="#Plus20", starts_at="2026-12-10T18:00:00+01:00")


def window_on(kiosk: Kiosk, qtbot: QtBot) -> MainWindow:
    assert kiosk.data_dir is not None
    window = MainWindow(kiosk, Settings(camera="", sounds=False), kiosk.data_dir, camera_source="",
                        dialogs=ScriptedDialogs(), sounds=SoundPlayer(False, backend=lambda _p: None))
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    return window


def shoot(widget: object, name: str) -> None:
    if os.environ.get("KIOSK_SCREENSHOTS", "1") == "1":
        DOCS.mkdir(parents=True, exist_ok=True)
        widget.grab().save(str(DOCS / name))  # type: ignore[attr-defined]


@pytest.fixture
def admin_db(pg_server: PgServer, hub_url: str) -> tuple[str, str]:
    """An empty database owned by an administrator login that may create roles but is no superuser."""
    db = hub_url.rsplit("/", 1)[1]
    role = f"org_{db}"
    pg_server.psql(f"CREATE ROLE {role} LOGIN CREATEROLE PASSWORD 'organiser-pass-2026'")
    pg_server.psql(f"ALTER DATABASE {db} OWNER TO {role}")
    return db, role


def test_the_organiser_connects_the_hub_adds_a_door_and_a_laptop_joins_from_the_window(
        qapp: QApplication, tmp_path: Path, pg_server: PgServer, admin_db: tuple[str, str], qtbot: QtBot,
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("KIOSK_HUB", raising=False)
    db, role = admin_db
    org = Kiosk.open(tmp_path / "org", device_name="Organisation")
    org.create_event(EVENT)
    for i in range(3):
        org.register(first_name=f"Invitée{i}", last_name="Martin")
    assert org.data_dir is not None
    key_store.init_keys(org.keys_dir or tmp_path)
    org.reload_keys()
    translators = i18n.install(qapp, "fr")
    window = window_on(org, qtbot)
    try:
        connect = window.open_connect_hub()
        connect.host.setText("127.0.0.1")
        connect.port.setValue(pg_server.port)
        connect.database.setText(db)
        connect.user.setText(role)
        connect.password.setText("wrong-password")
        connect.go.click()
        qtbot.waitUntil(lambda: "password" in connect.status.text() or "mot de passe" in connect.status.text(),
                        timeout=20_000)
        assert "\n" not in connect.status.text() and "wrong-password" not in connect.status.text()
        connect.password.setText("organiser-pass-2026")
        connect.go.click()
        qtbot.waitUntil(lambda: connect.go.text() == "Préparer ce hub", timeout=20_000)
        shoot(connect, "hub-connect.png")
        connect.go.click()
        qtbot.waitUntil(lambda: window.hub_url is not None, timeout=30_000)
        url = window.hub_url
        assert url is not None and "organiser-pass-2026" not in url and hub_url(org) == url
        import psycopg

        with psycopg.connect(pg_server.url(db)) as conn:
            assert schema.version(conn) == schema.LATEST
        from kiosk.service.sync.round import sync_once

        sync_once(org, url)  # the organiser's event on the hub (the window's own loop does it too)
        add = window.open_add_door()
        assert add is not None
        add.name.setText("Accueil 2")
        add.make_button.click()
        qtbot.waitUntil(lambda: add.pairing is not None or add.status.styleSheet() != "", timeout=30_000)
        assert add.pairing is not None, add.status.text()
        assert not add.qr.pixmap().isNull()
        code = add.code.toPlainText()
        assert parse(code) == add.pairing
        import cv2
        import zxingcpp

        shown = tmp_path / "qr-as-shown.png"
        add.qr.grab().save(str(shown))  # the QR code as the dialog paints it reads back to the same code
        assert [r.text for r in zxingcpp.read_barcodes(cv2.imread(str(shown)))] == [code]
        shoot(add, "hub-add-door.png")
    finally:
        window.shutdown()
        for translator in translators:
            qapp.removeTranslator(translator)
    org.close()

    door = Kiosk.open(tmp_path / "door", device_name="Accueil 2")
    door.create_demo()
    translators = i18n.install(qapp, "fr")
    window = window_on(door, qtbot)
    try:
        join = window.open_join_evening()
        join.code.setFocus()
        qtbot.keyClicks(join.code, "not a code")
        qtbot.keyClick(join.code, Qt.Key.Key_Return)
        assert join.status.text().startswith("Ce n'est pas un code d'appairage")
        join.code.clear()
        qtbot.keyClicks(join.code, code)  # what a handheld scanner types, then its Enter
        qtbot.keyClick(join.code, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: "3" in join.status.text() and "#Plus20" in join.status.text(), timeout=30_000)
        shoot(join, "hub-join.png")
        qtbot.waitUntil(lambda: window.hub_url is not None, timeout=5_000)
    finally:
        window.shutdown()
        for translator in translators:
            qapp.removeTranslator(translator)
    assert [e.id for e in door.events()] == [EVENT.id]
    door.close()


def test_a_new_laptop_joins_by_holding_the_pairing_qr_code_up_to_its_camera(
        qapp: QApplication, tmp_path: Path, hub: str, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    from kiosk.service.pairing import add_door
    from kiosk.service.sync.round import sync_once
    from tests.helpers.video import write_qr_video

    monkeypatch.delenv("KIOSK_HUB", raising=False)
    org = Kiosk.open(tmp_path / "org", device_name="Organisation")
    org.create_event(EVENT)
    org.register(first_name="Camille", last_name="Moreau")
    sync_once(org, hub)
    code = add_door(org, hub, "Accueil 3").text()
    org.close()
    video = write_qr_video(tmp_path / "pairing.avi", code, appear_at=5, frames=40, size=(1280, 720))
    door = Kiosk.open(tmp_path / "door", device_name="Accueil 3")
    door.create_demo()
    assert door.data_dir is not None
    window = MainWindow(door, Settings(camera=str(video), sounds=False), door.data_dir, camera_source=str(video),
                        dialogs=ScriptedDialogs(), sounds=SoundPlayer(False, backend=lambda _p: None),
                        loop_camera_file=True)
    qtbot.addWidget(window)
    window.show()
    window.start_camera()
    try:
        join = window.open_join_evening()
        qtbot.waitUntil(lambda: "#Plus20" in join.status.text(), timeout=60_000)
        assert join.code.text() == code
        assert window.join_dialog is join
        join.reject()
        assert window.join_dialog is None
    finally:
        window.shutdown()
    assert [e.id for e in door.events()] == [EVENT.id]
    assert door.search("Camille")[0].last_name == "Moreau"
    door.close()
