"""The occupancy screen as a real widget offscreen on a real data dir: it follows scans made by another
process within a second, shows no personal data, turns amber and red, guards its staff buttons with the
PIN, opens from the staff window's menu; and screenshots at several fill levels."""

from __future__ import annotations

import dataclasses
import os
import shutil
import subprocess
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from kiosk.domain.model import Direction, Event, Workshop
from kiosk.domain.occupancy import Figures
from kiosk.service import Kiosk
from kiosk.service.pin import StaffPin
from kiosk.store import attendees as attendee_store
from kiosk.ui import i18n
from kiosk.ui.main_window import MainWindow
from kiosk.ui.occupancy.screen import OccupancyScreen
from kiosk.ui.occupancy.staff import StaffActions
from tests.conftest import FakeClock
from tests.helpers.process import run_kiosk
from tests.ui.conftest import ScriptedDialogs

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs" / "screenshots"


def cli(data_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return run_kiosk(data_dir, *args, device="door-2", timeout=60)

def make_screen(qtbot: QtBot, kiosk: Kiosk, **kwargs: object) -> OccupancyScreen:
    screen = OccupancyScreen(kiosk, **kwargs)  # type: ignore[arg-type]
    qtbot.addWidget(screen)
    screen.resize(1366, 768)
    screen.show()
    qtbot.waitExposed(screen)
    return screen


def texts(screen: OccupancyScreen) -> str:
    return "\n".join(label.text() for label in screen.findChildren(QLabel))


def valid_codes(kiosk: Kiosk) -> list[str]:
    return [a.ticket_code or "" for a in attendee_store.iterate(kiosk.conn, kiosk.event.id) if not a.cancelled]


def test_a_scan_by_another_process_shows_on_the_screen(qtbot: QtBot, kiosk: Kiosk, data_dir: Path) -> None:
    """The screen follows what other processes store, by itself (how soon: bench_occupancy)."""
    screen = make_screen(qtbot, kiosk)
    assert screen.inside.text() == "0"
    for n, code in enumerate(valid_codes(kiosk)[:2], start=1):
        result = cli(data_dir, "checkin", code)
        assert result.returncode == 0, result.stderr
        qtbot.waitUntil(lambda n=n: bool(screen.inside.text() == str(n)), timeout=30_000)  # type: ignore[misc]
    assert "2 / 143" in screen.arrived.text() or "2 / " in screen.arrived.text()
    assert "door-2" in screen.kiosks.text()
    assert cli(data_dir, "checkin", valid_codes(kiosk)[0], "--exit", "--device", "door-3").returncode == 0
    qtbot.waitUntil(lambda: screen.inside.text() == "1", timeout=30_000)
    assert sum(b.departures for b in screen.chart.bins) == 1


def test_a_long_log_is_read_in_steps_saying_so_never_as_an_empty_room(
    qtbot: QtBot, kiosk: Kiosk, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """The screen opens at once on a long log and reads it a step per turn of the event loop: meanwhile
    it says how far it has read, shows no zero that would read as an empty room, and the staff buttons
    see the whole log; then the figures are those of a fold done at once."""
    import kiosk.ui.occupancy.screen as screen_module

    codes = valid_codes(kiosk)[:60]
    for code in codes:
        kiosk.check_in(code)
    monkeypatch.setattr(screen_module, "REPLAY_STEP", 10)
    shown: list[tuple[str, str, bool]] = []
    screen = OccupancyScreen(kiosk)
    qtbot.addWidget(screen)
    screen.refreshed.connect(lambda: shown.append((screen.inside.text(), screen.level_words.text(),
                                                   screen.occupancy.loaded)))
    assert not screen.occupancy.loaded
    assert screen.inside.text() == "…" and screen.level_words.text().startswith("Reading the log of scans")
    assert screen.arrived.text() == "" and not any(row.isVisible() for row in screen.workshop_rows)
    screen.resize(1366, 768)
    screen.show()
    qtbot.waitUntil(lambda: screen.occupancy.loaded, timeout=3000)
    loading = [s for s in shown if not s[2]]
    assert len(loading) >= 3 and all(inside == "…" for inside, _words, _done in loading)
    percents = [int(words.split()[-2]) for _inside, words, _done in loading]
    assert percents == sorted(percents) and percents[0] < 100
    assert screen.inside.text() == "60" and f"60 / {kiosk.stats().registered}" in screen.arrived.text()

    again = OccupancyScreen(kiosk)  # the staff buttons while it still reads: the whole log, never 0
    qtbot.addWidget(again)
    dialogs = ScriptedDialogs()
    StaffPin(kiosk.data_dir or tmp_path).set("2468")
    again.staff = StaffActions(kiosk, again.occupancy, again, dialogs=dialogs, pin_asker=lambda _p: "2468")
    assert not again.occupancy.loaded
    dialogs.confirm_answer = False  # asked, then kept
    again.checkout_button.click()
    assert dialogs.questions[-1] == "Record an exit for the 60 people still inside?"
    screen.close()
    again.close()


@pytest.mark.parametrize(("lang", "words"), [("fr", "Lecture du journal des passages… "),
                                           ("en", "Reading the log of scans… ")])
def test_the_reading_state_in_both_languages(qtbot: QtBot, qapp: QApplication, kiosk: Kiosk,
                                             monkeypatch: pytest.MonkeyPatch, tmp_path: Path, lang: str,
                                             words: str) -> None:
    """Written to docs/screenshots/ with KIOSK_UPDATE_SCREENSHOTS=1. Look at it."""
    import kiosk.ui.occupancy.screen as screen_module

    out = DOCS if os.environ.get("KIOSK_UPDATE_SCREENSHOTS") == "1" else tmp_path
    for code in valid_codes(kiosk)[:40]:
        kiosk.check_in(code)
    monkeypatch.setattr(screen_module, "REPLAY_STEP", 10)
    translators = i18n.install(qapp, lang)
    try:
        screen = OccupancyScreen(kiosk)
        qtbot.addWidget(screen)
        screen.resize(1366, 768)
        screen.poll()  # a step or two in: part of the log read
        screen.poll()
        assert not screen.occupancy.loaded and screen.level_words.text().startswith(words)
        assert screen.chart.empty_text == screen.level_words.text()
        suffix = "" if lang == "fr" else "-en"
        assert screen.grab().save(str(out / f"occupancy-reading-1366x768{suffix}.png"))
        screen.close()
    finally:
        i18n.remove(qapp, translators)


@pytest.mark.parametrize("size", [(1366, 768), (1920, 1080)])
def test_a_large_events_number_shrinks_to_fit_never_cut(qtbot: QtBot, kiosk: Kiosk,
                                                        monkeypatch: pytest.MonkeyPatch, size: tuple[int, int]) -> None:
    """"14 115 / 15 000" at the height's type size was cut after "14 11" on a 1366-pixel-wide screen: the
    number and its capacity shrink together until they fit (here a festival's 1 234 567, too wide in any
    font at that size); a small number keeps the full size."""
    screen = make_screen(qtbot, kiosk)
    screen.resize(*size)
    qtbot.wait(30)
    full = screen.inside.font().pixelSize()
    real = screen.occupancy.figures

    def large(**kwargs: bool) -> Figures:  # the figures of a very large event, for this widget
        return dataclasses.replace(real(**kwargs), inside=1_234_567, arrived=1_300_000, registered=1_400_000,
                                   capacity=1_500_000)

    monkeypatch.setattr(screen.occupancy, "figures", large)
    screen.show_figures()
    qtbot.wait(30)  # the layout places the longer texts
    assert screen.inside.text().replace("\u202f", "").replace(",", "") == "1234567"
    for label in (screen.inside, screen.capacity):
        assert label.sizeHint().width() <= label.width(), label.text()  # nothing cut
    assert screen.inside.geometry().right() < screen.capacity.geometry().left()
    assert screen.capacity.geometry().right() <= screen.gauge.geometry().right() + 1
    assert screen.inside.font().pixelSize() < full
    monkeypatch.setattr(screen.occupancy, "figures", real)
    screen.show_figures()
    assert screen.inside.font().pixelSize() == full  # back to a short number: the full size again


def test_the_screen_holds_no_personal_data(qtbot: QtBot, kiosk: Kiosk) -> None:
    guests = [a for a in attendee_store.iterate(kiosk.conn, kiosk.event.id) if not a.cancelled][:10]
    for guest in guests:
        kiosk.check_in_attendee(guest.id)
    screen = make_screen(qtbot, kiosk)
    screen.occupancy.refresh(force=True)
    screen.show_figures()
    shown = texts(screen).replace(screen.title.text(), "")  # the event's name may name a partner
    assert screen.inside.text() == "10"
    for guest in guests:
        for part in (guest.first_name, guest.last_name, guest.ticket_code or "", guest.email or ""):
            assert part and part not in shown, part
        if guest.organisation:
            assert guest.organisation not in shown


@pytest.fixture
def small(data_dir: Path, clock: FakeClock) -> Iterator[Kiosk]:
    """An event of 20 places with 25 registrations, to fill."""
    k = Kiosk.open(data_dir, device_name="door-1", clock=clock)
    k.create_event(Event(id=str(uuid.uuid4()), name="Petit atelier", capacity=20,
                         workshops=(Workshop("Se loger", 30),)))
    for i in range(25):
        k.register(first_name=f"P{i}", last_name="Test", workshop="Se loger")
    yield k
    k.close()


def fill(kiosk: Kiosk, clock: FakeClock, n: int) -> None:
    people = [a for a in attendee_store.iterate(kiosk.conn, kiosk.event.id) if not kiosk.presence(a.id).inside]
    for guest in people[:n]:
        clock.advance(37)
        kiosk.check_in_attendee(guest.id)


def test_gauge_turns_amber_at_80_and_red_at_95_percent(qtbot: QtBot, small: Kiosk, clock: FakeClock) -> None:
    screen = make_screen(qtbot, small)
    levels = []
    for target in (15, 16, 18, 19):
        fill(small, clock, target - int(screen.inside.text()))
        qtbot.waitUntil(lambda target=target: bool(screen.inside.text() == str(target)),  # type: ignore[misc]
                        timeout=1000)
        levels.append((screen.gauge.level, screen.level_words.text()))
    assert levels == [("ok", "75 %"), ("amber", "80 %  Nearly full"), ("amber", "90 %  Nearly full"),
                      ("red", "95 %  Full: hold the door")]


def test_staff_buttons_need_the_pin(qtbot: QtBot, kiosk: Kiosk, data_dir: Path, tmp_path: Path) -> None:
    for code in valid_codes(kiosk)[:3]:
        kiosk.check_in(code)
    dialogs = ScriptedDialogs()
    typed: list[str | None] = []
    screen = make_screen(qtbot, kiosk)
    staff = StaffActions(kiosk, screen.occupancy, screen, dialogs=dialogs, pin_asker=lambda _p: typed.pop(0))
    screen.staff = staff
    screen.checkout_button.click()
    assert dialogs.errors[-1].startswith("No staff PIN is set")
    StaffPin(data_dir).set("2468")
    typed.append("1111")
    screen.checkout_button.click()
    assert dialogs.errors[-1] == "Wrong PIN." and kiosk.stats().inside == 3
    dialogs.chosen_file = tmp_path / "evacuation.pdf"
    typed.append("2468")
    screen.evacuation_button.click()
    assert dialogs.chosen_file.exists() and dialogs.infos[-1][1].startswith("3 people inside")
    if shutil.which("pdftotext"):
        text = subprocess.run(["pdftotext", str(dialogs.chosen_file), "-"], capture_output=True, text=True).stdout
        inside = [a for a in attendee_store.iterate(kiosk.conn, kiosk.event.id) if kiosk.presence(a.id).inside]
        assert all(a.last_name.upper() in text for a in inside)
    typed.append("2468")
    screen.checkout_button.click()
    assert dialogs.questions[-1] == "Record an exit for the 3 people still inside?"
    assert kiosk.stats().inside == 0 and screen.inside.text() == "0"


def test_the_staff_window_opens_it_from_the_screens_menu(window: MainWindow, qtbot: QtBot) -> None:
    action = window.screen_actions["occupancy"]
    assert action.isEnabled()
    screen = window.open_screen("occupancy")
    assert isinstance(screen, OccupancyScreen)
    qtbot.addWidget(screen)
    window.presenter.scan("PLUS20-0008")
    qtbot.waitUntil(lambda: screen.inside.text() == "1", timeout=1000)  # the window's own connection
    screen.close()


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_screenshots_at_several_fill_levels(qtbot: QtBot, qapp: QApplication, small: Kiosk, clock: FakeClock,
                                            tmp_path: Path, lang: str) -> None:
    """Written to docs/screenshots/ with KIOSK_UPDATE_SCREENSHOTS=1. Look at them."""
    out = DOCS if os.environ.get("KIOSK_UPDATE_SCREENSHOTS") == "1" else tmp_path
    out.mkdir(parents=True, exist_ok=True)
    translators = i18n.install(qapp, lang)
    try:
        screen = make_screen(qtbot, small)
        suffix = "" if lang == "fr" else "-en"
        for target, name in ((8, "half"), (17, "amber"), (20, "red")):
            fill(small, clock, target - int(screen.inside.text()))
            qtbot.waitUntil(lambda target=target: bool(screen.inside.text() == str(target)),  # type: ignore[misc]
                        timeout=1000)
            for size in ((1920, 1080), (1366, 768)):
                screen.resize(*size)
                qtbot.wait(30)
                path = out / f"occupancy-{name}-{size[0]}x{size[1]}{suffix}.png"
                assert screen.grab().save(str(path))
                # everything fits: the layout's minimum is within the screen, the big number is not clipped
                assert screen.minimumSizeHint().height() <= size[1]
                assert screen.inside.height() >= screen.inside.fontMetrics().capHeight()
                assert screen.inside.geometry().bottom() <= screen.gauge.geometry().top()
        screen.close()
    finally:
        i18n.remove(qapp, translators)


def test_plus20_evening_fits_both_screens(qtbot: QtBot, qapp: QApplication, kiosk: Kiosk, clock: FakeClock,
                                          tmp_path: Path) -> None:
    """The real event (three workshops, four categories) at 130 inside, in French, at 1080p and 768p."""
    out = DOCS if os.environ.get("KIOSK_UPDATE_SCREENSHOTS") == "1" else tmp_path
    out.mkdir(parents=True, exist_ok=True)
    translators = i18n.install(qapp, "fr")
    try:
        guests = [a for a in attendee_store.iterate(kiosk.conn, kiosk.event.id) if not a.cancelled]
        for i, guest in enumerate(guests[:140]):
            clock.advance(11 + (i % 7) * 9)
            kiosk.check_in_attendee(guest.id)
        for guest in guests[:10]:
            clock.advance(20)
            kiosk.check_in_attendee(guest.id, direction=Direction.EXIT)
        screen = make_screen(qtbot, kiosk)
        qtbot.waitUntil(lambda: screen.inside.text() == "130", timeout=1000)
        assert screen.gauge.level == "ok" and screen.level_words.text() == "72 %"
        assert "Arrivés 140 / 143 inscrits" in screen.arrived.text()
        for size in ((1920, 1080), (1366, 768)):
            screen.resize(*size)
            qtbot.wait(30)
            assert screen.minimumSizeHint().height() <= size[1]
            assert all(not row.name.is_elided() for row in screen.workshop_rows + screen.category_lines)
            assert screen.grab().save(str(out / f"occupancy-plus20-{size[0]}x{size[1]}.png"))
        screen.close()
    finally:
        i18n.remove(qapp, translators)


def test_kiosk_gui_mode_occupancy_as_a_process(tmp_path: Path) -> None:
    """`kiosk gui --mode occupancy` opens the screen alone (a screen number this machine lacks falls back
    to the first, with a warning in the log) and saves what it shows."""
    data = tmp_path / "data"
    assert cli(data, "demo").returncode == 0
    assert cli(data, "checkin", "PLUS20-0002").returncode == 0
    shot = tmp_path / "occupancy.png"
    env = {"QT_QPA_PLATFORM": "offscreen"}
    result = run_kiosk(data, "gui", "--mode", "occupancy", "--screen", "7", "--screenshot", str(shot), env=env,
                       timeout=60)
    assert result.returncode == 0, result.stderr
    from PySide6.QtGui import QImage

    image = QImage(str(shot))
    assert (image.width(), image.height()) == (1920, 1080)
    assert "no screen 7" in (data / "kiosk.log").read_text()
    bad = run_kiosk(data, "gui", "--mode", "nope", "--lang", "en", env=env, timeout=60)
    assert bad.returncode == 2 and "invalid choice" in bad.stderr


def test_another_checkouts_translations_never_stand_in(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Worktrees on one machine share the .qm cache: it is keyed by the .ts's content, so a newer .qm
    compiled from another checkout's .ts (without this screen's strings) is not reused here."""
    monkeypatch.setenv("KIOSK_CACHE_DIR", str(tmp_path / "cache"))
    home = i18n.I18N_DIR
    ours = i18n.compiled("fr")
    other = tmp_path / "other"
    other.mkdir()
    text = i18n.ts_path("fr").read_text(encoding="utf-8")
    (other / "kiosk_fr.ts").write_text(text.replace("<translation>Présents</translation>",
                                                    "<translation>Autre</translation>"), encoding="utf-8")
    monkeypatch.setattr(i18n, "I18N_DIR", other)
    theirs = i18n.compiled("fr")
    assert ours is not None and theirs is not None and ours != theirs and ours.exists()
    monkeypatch.setattr(i18n, "I18N_DIR", home)
    assert i18n.compiled("fr") == ours
