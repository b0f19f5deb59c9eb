"""Shared fixtures: a real SQLite file per test, the demo event, a fixed clock."""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from kiosk.service import Kiosk


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
