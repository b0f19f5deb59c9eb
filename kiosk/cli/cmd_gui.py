"""`kiosk gui`: the staff check-in window (also what `kiosk` alone opens). Qt is imported in the handler."""

from __future__ import annotations

import argparse
import logging
import os
import sys
import tempfile
from collections.abc import Mapping
from datetime import datetime
from pathlib import Path
from typing import Any

from kiosk.cli.context import EXIT_USAGE, Context, UsageError
from kiosk.domain.messages import LANGUAGES


def register(subparsers: Any) -> None:
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "gui", help="open the check-in window", description="Open the staff check-in window.")
    parser.add_argument("--mode", choices=("staff", "self-service", "occupancy"), default="staff",
                        help="staff: the check-in window; self-service: the locked walk-in screen (leaving it "
                             "needs the staff PIN: kiosk pin set); occupancy: the organisers' read-only screen")
    parser.add_argument("--screen", metavar="N", type=int,
                        help="occupancy mode: fill display N (0 is the first; default: the first)")
    parser.add_argument("--camera", metavar="SRC",
                        help="camera for this run: device number, video file or stream URL (default: settings)")
    parser.add_argument("--no-camera", action="store_true", help="no camera: handheld scanner and typing only")
    parser.add_argument("--loop", action="store_true", help="replay a video file camera in a loop (demos)")
    parser.add_argument("--device", metavar="NAME", help="this kiosk's name for this run")
    parser.add_argument("--lang", choices=LANGUAGES, help="window language (default: settings)")
    parser.add_argument("--size", metavar="WxH", type=_size,
                        help="window size, e.g. 1366x768 (default: maximized on the screen)")
    parser.add_argument("--screenshot", metavar="PNG", type=Path, help="save the window to PNG, then quit")
    parser.add_argument("--quit-after", metavar="MS", type=int, help="quit after MS milliseconds")
    parser.add_argument("--first-frame", action="store_true",
                        help="quit as soon as the window has painted once (with --screenshot: that frame); "
                             "staff and self-service modes, for start-up benchmarks and smoke tests")
    parser.set_defaults(handler=handle)


def _size(text: str) -> tuple[int, int]:
    try:
        width, height = (int(part) for part in text.lower().split("x"))
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected WIDTHxHEIGHT such as 1366x768, got {text!r}") from None
    if not (320 <= width <= 10000 and 240 <= height <= 10000):
        raise argparse.ArgumentTypeError(f"window size out of range: {text}")
    return width, height


def no_display(environ: Mapping[str, str] = os.environ) -> bool:
    """Linux/BSD with neither X11 nor Wayland (a console, an SSH session): Qt would abort on start."""
    if not sys.platform.startswith(("linux", "freebsd", "openbsd", "netbsd")):
        return False
    return not any(environ.get(name) for name in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY"))


def start_log(data_dir: Path, message: str) -> Path:
    """Append ``message`` to the data dir's log (kiosk.log), or to one in the temp dir when the data
    dir cannot be written: where someone who saw nothing open can read why."""
    line = f"{datetime.now().astimezone():%Y-%m-%d %H:%M:%S} ERROR kiosk.start: {message}\n"
    for folder in (data_dir, Path(tempfile.gettempdir())):
        target = folder / ("kiosk.log" if folder == data_dir else "kiosk-start-error.log")
        try:
            folder.mkdir(parents=True, exist_ok=True)
            with target.open("a", encoding="utf-8") as log:
                log.write(line)
        except OSError:
            continue
        return target
    return data_dir / "kiosk.log"


def handle(ctx: Context) -> int:
    args = ctx.args
    if args.quit_after is not None and args.quit_after < 0:
        raise UsageError("--quit-after must be positive")
    if no_display():  # no dialog is possible: the reason goes to stderr and to a log file
        message = ctx.text("no_display")
        ctx.say(f"kiosk: {message}\n{ctx.text('start_log', log=start_log(ctx.data_dir, message))}")
        return EXIT_USAGE
    try:
        from kiosk.ui.app import GuiOptions, run
    except ImportError as exc:  # Qt libraries missing on this machine
        ctx.say(f"kiosk: the window needs PySide6 and its system libraries: {exc}")
        return EXIT_USAGE
    options = GuiOptions(
        data_dir=ctx.data_dir, mode=args.mode, camera="" if args.no_camera else args.camera,
        device=args.device, lang=args.lang, screenshot=args.screenshot, size=args.size,
        quit_after_ms=args.quit_after,
        loop_camera_file=args.loop, screen=args.screen, first_frame=args.first_frame,
    )
    try:
        return run(options)
    except Exception as exc:
        _tell_in_a_dialog(ctx, exc)
        raise  # and on stderr, as every command's error (kiosk.cli.main)


def _tell_in_a_dialog(ctx: Context, exc: Exception) -> None:
    """A window that could not start (data dir not writable, a database from a newer kiosk...) says
    why in a dialog: whoever double-clicked it has no terminal."""
    from kiosk.cli.failures import describe
    from kiosk.ui.start_errors import show_start_error

    message = describe(exc, ctx) or f"{type(exc).__name__}: {exc}"
    log = start_log(ctx.data_dir, message)
    try:
        show_start_error(ctx.text("start_failed"), message, ctx.text("start_log", log=log))
    except Exception:  # the dialog must never hide the error it reports
        logging.getLogger(__name__).exception("could not show the start error dialog")
