"""A one-line progress bar on stderr for the long commands (import, export, badges, tickets)."""

from __future__ import annotations

import sys

from kiosk.cli.context import Context


class Progress:
    """Drawn only when stderr is a terminal (a log or a pipe gets no carriage returns); ``finish`` says
    how many were done, ``close`` just ends the bar's line (if one was drawn). Called with (done) or
    (done, total): the services' callbacks give the total, which the bar takes from them."""

    def __init__(self, label: str, ctx: Context, *, total: int = 0, every: int = 10) -> None:
        self.total, self.label, self.ctx, self.every = max(total, 1), label, ctx, every
        self.tty = sys.stderr.isatty()
        self.drawn = False

    def __call__(self, done: int, total: int | None = None) -> None:
        if total is not None:
            self.total = max(total, 1)
        if self.tty and (done == self.total or done % self.every == 0):
            filled = int(30 * done / self.total)
            sys.stderr.write(f"\r{self.label} [{'#' * filled}{'.' * (30 - filled)}] {done}/{self.total}")
            sys.stderr.flush()
            self.drawn = True

    def finish(self, total: int | None = None) -> None:
        if total is not None:
            self.total = total
        sys.stderr.write(("\n" if self.tty else "") + self.ctx.text("progress_done", label=self.label,
                                                                     total=self.total) + "\n")

    def close(self) -> None:
        if self.drawn:
            sys.stderr.write("\n")
