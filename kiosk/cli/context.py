"""What every command receives: parsed options, output helpers, and a lazily opened Kiosk."""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kiosk import paths, settings
from kiosk.cli import messages
from kiosk.cli.output import json_line, terminal_safe

if TYPE_CHECKING:
    from kiosk.domain.model import Attendee
    from kiosk.service import Kiosk
    from kiosk.service.printing import PrintQueue

EXIT_OK, EXIT_REFUSED, EXIT_USAGE = 0, 1, 2


class UsageError(Exception):
    """Bad input from the user: one line on stderr, exit status 2."""


class MessageError(UsageError):
    """A usage error told with one of the CLI's sentences, in the command's language."""

    def __init__(self, key: str, **values: object) -> None:
        self.key, self.values = key, values
        super().__init__(messages.text(key, "en", **values))


@dataclass
class Context:
    args: argparse.Namespace
    data_dir: Path
    _kiosk: Kiosk | None = field(default=None, repr=False)
    _queue: PrintQueue | None = field(default=None, repr=False)
    _badges: list[str] = field(default_factory=list, repr=False)  # jobs auto-print queued in this command

    @property
    def json(self) -> bool:
        return bool(getattr(self.args, "json", False))

    @property
    def settings(self) -> settings.Settings:
        return settings.load(self.data_dir)

    @property
    def device_name(self) -> str:
        return getattr(self.args, "device", None) or self.settings.device

    @property
    def lang(self) -> str:
        """The kiosk's language for this command: --lang, settings.json, $LANG, French."""
        saved = settings.saved_value(self.data_dir, "language")
        return messages.language(getattr(self.args, "lang", None), saved if isinstance(saved, str) else None)

    def text(self, key: str, **values: object) -> str:
        """One of the CLI's sentences (kiosk/cli/messages.py) in this command's language."""
        return messages.text(key, self.lang, **values)

    def kiosk(self) -> Kiosk:
        if self._kiosk is None:
            from kiosk.service import Kiosk
            from kiosk.service.printing import auto_print

            self._kiosk = Kiosk.open(self.data_dir, device_name=self.device_name, lang=self.lang)
            if not getattr(self.args, "no_auto_purge", False):
                self._purge_due(self._kiosk)
            # The auto-print setting, decided by the service for every command that lets a guest in.
            auto_print(self._kiosk, self._queue_badge, self.settings.auto_print)
        return self._kiosk

    def print_queue(self) -> PrintQueue:
        """This kiosk's print queue, for the printer in the settings (opened on first use)."""
        if self._queue is None:
            from kiosk.service.printing import configured_queue

            self._queue = configured_queue(self.kiosk(), self.settings)
        return self._queue

    def _queue_badge(self, attendee: Attendee) -> object:
        job = self.print_queue().enqueue(attendee.id)
        self._badges.append(job.id)
        return job

    def print_badges(self, timeout: float = 20.0) -> None:
        """Print the badges this command queued (auto-print) before it ends, and say on stderr what
        came out or waits (a paused printer: held, printed by a watcher when it is back)."""
        if not self._badges or self._queue is None:
            return
        from kiosk.service.print_runner import PrintRunner

        queue = self._queue
        PrintRunner(queue).run_until_empty(timeout=timeout)
        for job_id in self._badges:
            job = queue.job(job_id)
            if job is None:
                continue
            name = self.kiosk().attendee(job.attendee_id).full_name
            if job.status == "done":
                self.say(self.text("badge_out", name=name, where=queue.destination))
            else:
                self.say(self.text("badge_waiting", name=name, why=job.last_error or job.status))
        self._badges.clear()

    def _purge_due(self, kiosk: Kiosk) -> None:
        """The privacy notice's promise: an event whose retention has passed is erased at the next start."""
        from kiosk.service.purge import Purge

        for event, done in Purge(kiosk).purge_due():
            self.say(self.text("purge_auto", name=event.name, guests=done.guests))

    def close(self) -> None:
        if self._queue is not None:
            self._queue.stop()
        if self._kiosk is not None:
            self._kiosk.close()

    def emit(self, payload: Any, human: str | None = None) -> None:
        """JSON on stdout with --json; otherwise the human text (stdout too: it is the result).
        Human text is made terminal-safe here, once for every command: guest data may hold ESC."""
        if self.json:
            sys.stdout.write(json_line(payload) + "\n")
        elif human is not None:
            sys.stdout.write(terminal_safe(human) + ("" if human.endswith("\n") else "\n"))

    @staticmethod
    def say(message: str) -> None:
        """Progress and notes for a person: stderr, so stdout stays clean for JSON."""
        sys.stderr.write(terminal_safe(message) + "\n")

    @staticmethod
    def fail(message: str) -> int:
        """The one line a failed command prints (stderr), whatever the message holds; exit status 2."""
        sys.stderr.write(f"kiosk: {terminal_safe(message, one_line=True)}\n")
        return EXIT_USAGE


def data_dir_from(args: argparse.Namespace) -> Path:
    return paths.data_dir(getattr(args, "data_dir", None))
