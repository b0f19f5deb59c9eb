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
        self.counted = total > 0  # "0/1" before the work knows its total would be a made-up count
        self.tty = sys.stderr.isatty()
        self.drawn = False
        self.done, self.doing, self.width = 0, "", 0

    def __call__(self, done: int, total: int | None = None) -> None:
        if total is not None:
            self.total, self.counted = max(total, 1), True
        self.done = done
        if self.tty and (done == self.total or done % self.every == 0):
            self._draw()

    def phase(self, name: str) -> None:
        """What the work is doing now, after the count (an import's "writing…"): the bar may stand still."""
        self.doing = self.ctx.text(f"progress_phase_{name}")
        if self.tty:
            self._draw()

    def _draw(self) -> None:
        filled = int(30 * self.done / self.total)
        line = f"{self.label} [{'#' * filled}{'.' * (30 - filled)}]"
        if self.counted:
            line += f" {self.done}/{self.total}"
        if self.doing:
            line += f" {self.doing}"
        sys.stderr.write(f"\r{line}{' ' * max(0, self.width - len(line))}")  # blanks over a longer line
        sys.stderr.flush()
        self.width, self.drawn = len(line), True

    def finish(self, total: int | None = None) -> None:
        if total is not None:
            self.total = total
        sys.stderr.write(("\n" if self.tty else "") + self.ctx.text("progress_done", label=self.label,
                                                                     total=self.total) + "\n")

    def close(self) -> None:
        if self.drawn:
            sys.stderr.write("\n")
