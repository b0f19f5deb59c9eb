"""Where kiosk keeps its data: --data-dir, else $KIOSK_DATA_DIR, else the platform's user data dir."""

from __future__ import annotations

import os
from pathlib import Path

HUB_ENV = "KIOSK_HUB"  # the hub's libpq connection string, when not the one a kiosk remembers

DB_NAME = "kiosk.db"


def data_dir(explicit: str | os.PathLike[str] | None = None) -> Path:
    if explicit:
        return Path(explicit).expanduser()
    env = os.environ.get("KIOSK_DATA_DIR")
    if env:
        return Path(env).expanduser()
    from platformdirs import user_data_dir  # deferred: only needed when nothing was given

    return Path(user_data_dir("kiosk", "kiosk"))


def database(data: Path) -> Path:
    return data / DB_NAME


def keys_dir(data: Path) -> Path:
    return data / "keys"


def print_dir(data: Path) -> Path:
    """Where the PDF-folder printer drops badges when no real printer is configured."""
    return data / "printed"


def hub_passfile(data: Path) -> Path:
    """The door's own hub password (a libpq passfile, private): written when a door is paired."""
    return data / "hub.pgpass"


READY_FILE_ENV = "KIOSK_TEST_READY_FILE"


def say_ready() -> None:
    """For tests: touch the file ``$KIOSK_TEST_READY_FILE`` names, once a process is ready for what the
    test does next (the window painted, a watcher listening to the hub), so the test waits for that
    instead of sleeping. Unset: nothing."""
    path = os.environ.get(READY_FILE_ENV)
    if path:
        Path(path).touch()
