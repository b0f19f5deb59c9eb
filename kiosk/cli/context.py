"""What every command receives: parsed options, output helpers, and a lazily opened Kiosk."""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kiosk import paths, settings

if TYPE_CHECKING:
    from kiosk.service import Kiosk

EXIT_OK, EXIT_REFUSED, EXIT_USAGE = 0, 1, 2


class UsageError(Exception):
    """Bad input from the user: one line on stderr, exit status 2."""


@dataclass
class Context:
    args: argparse.Namespace
    data_dir: Path
    _kiosk: Kiosk | None = field(default=None, repr=False)

    @property
    def json(self) -> bool:
        return bool(getattr(self.args, "json", False))

    @property
    def settings(self) -> settings.Settings:
        return settings.load(self.data_dir)

    @property
    def device_name(self) -> str:
        return getattr(self.args, "device", None) or self.settings.device

    def kiosk(self) -> Kiosk:
        if self._kiosk is None:
            from kiosk.service import Kiosk

            self._kiosk = Kiosk.open(self.data_dir, device_name=self.device_name, lang=self.settings.language)
        return self._kiosk

    def close(self) -> None:
        if self._kiosk is not None:
            self._kiosk.close()

    def emit(self, payload: Any, human: str | None = None) -> None:
        """JSON on stdout with --json; otherwise the human text (stdout too: it is the result)."""
        if self.json:
            sys.stdout.write(json.dumps(payload, ensure_ascii=False, indent=None) + "\n")
        elif human is not None:
            sys.stdout.write(human + ("" if human.endswith("\n") else "\n"))

    @staticmethod
    def say(message: str) -> None:
        """Progress and notes for a person: stderr, so stdout stays clean for JSON."""
        sys.stderr.write(message + "\n")


def data_dir_from(args: argparse.Namespace) -> Path:
    return paths.data_dir(getattr(args, "data_dir", None))
