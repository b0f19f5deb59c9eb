"""A one-line progress bar on stderr for the long commands (badges, tickets, export)."""

from __future__ import annotations

import sys

from kiosk.cli.context import Context


class Progress:
    """Drawn only when stderr is a terminal (a log or a pipe gets no carriage returns); ``finish`` says
    how many were done, ``close`` just ends the bar's line."""

    def __init__(self, total: int, label: str, ctx: Context, *, every: int = 10) -> None:
        self.total, self.label, self.ctx, self.every = max(total, 1), label, ctx, every
        self.tty = sys.stderr.isatty()

    def __call__(self, done: int) -> None:
        if self.tty and (done == self.total or done % self.every == 0):
            filled = int(30 * done / self.total)
            sys.stderr.write(f"\r{self.label} [{'#' * filled}{'.' * (30 - filled)}] {done}/{self.total}")
            sys.stderr.flush()

    def finish(self) -> None:
        sys.stderr.write(("\n" if self.tty else "") + self.ctx.text("progress_done", label=self.label,
                                                                     total=self.total) + "\n")

    def close(self) -> None:
        if self.tty:
            sys.stderr.write("\n")
