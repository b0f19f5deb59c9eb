"""A real print server for the printing tests: one private cupsd per session with a PDF queue.

Under CI (``$CI`` set) a missing CUPS fails the run instead of skipping: printing must be tested.
"""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest

from tests.printing.cups_server import CupsServer, missing


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
