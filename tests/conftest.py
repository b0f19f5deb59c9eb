"""Shared fixtures: a real SQLite file per test, the demo event, a fixed clock."""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
from kiosk.service import Kiosk
from tests.printing.cups_server import CupsServer, missing

# kiosk's command line and window set this umask at start (its files hold guests' data), and an
# in-process `kiosk` run in one test would set it for every later one: the suite runs under it from
# the start, so no test depends on the order. tests/service/test_private_files.py runs under 022.
os.umask(0o077)

# Property tests check results, never speed. On the loaded 2-core CI machine hypothesis's own timing
# checks failed correct runs: "input generation is slow" (1.8 s for a first example while its
# Unicode table was built in a fresh checkout) and the 200 ms deadline per example.
settings.register_profile("kiosk", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("kiosk")


@pytest.fixture(autouse=True)
def no_language_left_behind() -> Iterator[None]:
    """A test that shows a window in French (it installs translators on the one QApplication of the
    process, and the default locale) must not leave French to the next test of its worker."""
    import sys

    yield
    if "PySide6.QtCore" not in sys.modules:
        return  # no Qt in this process yet: nothing to undo
    from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

    app = QCoreApplication.instance()
    if app is not None:
        for translator in app.findChildren(QTranslator):
            app.removeTranslator(translator)
    QLocale.setDefault(QLocale.system())


class FakeClock:
    """A settable clock: tests step time instead of sleeping (the 3 s repeat window...)."""

    def __init__(self, start: datetime | None = None) -> None:
        self.now = start or datetime(2026, 11, 30, 17, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += timedelta(seconds=seconds)


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "data"
    path.mkdir()
    monkeypatch.setenv("KIOSK_DATA_DIR", str(path))
    monkeypatch.setenv("KIOSK_DEVICE", "door-1")
    return path


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def kiosk(data_dir: Path, clock: FakeClock) -> Iterator[Kiosk]:
    """A Kiosk on a fresh database file holding the #Plus20 demo event (152 guests, PLUS20-0001…)."""
    k = Kiosk.open(data_dir, device_name="door-1", clock=clock)
    k.create_demo()
    yield k
    k.close()


# --- a real print server: one private cupsd per test session, with a PDF queue -------------
# Under CI ($CI set) a missing CUPS fails the run instead of skipping: printing must be tested.
@pytest.fixture(scope="session")
def cups_server() -> Iterator[CupsServer]:
    why = missing()
    if why is not None:
        if os.environ.get("CI"):
            pytest.fail(f"CUPS is required under CI: {why}")
        pytest.skip(why)
    server = CupsServer().start()
    old = os.environ.get("CUPS_SERVER")
    os.environ["CUPS_SERVER"] = str(server.socket)
    try:
        yield server
    finally:
        if old is None:
            os.environ.pop("CUPS_SERVER", None)
        else:
            os.environ["CUPS_SERVER"] = old
        server.stop()


@pytest.fixture
def cups(cups_server: CupsServer) -> Iterator[CupsServer]:
    """The session's server with an enabled queue and an empty output folder."""
    cups_server.enable()
    for pdf in cups_server.outputs():
        pdf.unlink()
    yield cups_server
    cups_server.enable()
