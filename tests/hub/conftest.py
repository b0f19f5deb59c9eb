"""One PostgreSQL server per test session; a fresh database per test."""

from __future__ import annotations

import itertools
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.hub.pg import PgServer, missing

_names = itertools.count(1)


@pytest.fixture(scope="session")
def pg_server() -> Iterator[PgServer]:
    why = missing()
    if why is not None:
        if os.environ.get("CI"):
            pytest.fail(f"the hub tests need PostgreSQL under CI: {why}")
        pytest.skip(why)
    # Not under pytest's basetemp: it is private (0700) to root and the server runs as postgres.
    root = Path(tempfile.mkdtemp(prefix="kiosk-pg-"))
    root.chmod(0o755)
    server = PgServer(root)
    try:
        server.init()
        server.start()
        yield server
    finally:
        server.stop("immediate")
        shutil.rmtree(root, ignore_errors=True)


@pytest.fixture
def hub_url(pg_server: PgServer) -> str:
    """A connection string to an empty database of its own (no schema yet)."""
    return pg_server.create_db(f"hub{os.getpid()}_{next(_names)}")


@pytest.fixture
def hub(hub_url: str) -> str:
    """A hub database of its own with the current schema (``kiosk hub init`` done)."""
    import psycopg

    from kiosk.adapters.hub import schema

    with psycopg.connect(hub_url) as conn:
        schema.upgrade(conn)
    return hub_url


@pytest.fixture
def make_kiosk(tmp_path: Path) -> Iterator[object]:
    """Kiosks on data dirs of their own, each holding the #Plus20 demo event (stable ids)."""
    from kiosk.service import Kiosk
    from tests.conftest import FakeClock

    opened: list[Kiosk] = []

    def make(name: str, clock: FakeClock | None = None) -> Kiosk:
        k = Kiosk.open(tmp_path / name, device_name=name, clock=clock or FakeClock())
        k.create_demo()
        opened.append(k)
        return k

    yield make
    for k in opened:
        k.close()
