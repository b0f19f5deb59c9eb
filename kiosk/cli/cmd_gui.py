"""`kiosk gui`: the staff check-in window (also what `kiosk` alone opens). Qt is imported in the handler."""

from __future__ import annotations

import argparse
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
    parser.set_defaults(handler=handle)


def _size(text: str) -> tuple[int, int]:
    try:
        width, height = (int(part) for part in text.lower().split("x"))
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected WIDTHxHEIGHT such as 1366x768, got {text!r}") from None
    if not (320 <= width <= 10000 and 240 <= height <= 10000):
        raise argparse.ArgumentTypeError(f"window size out of range: {text}")
    return width, height


def handle(ctx: Context) -> int:
    args = ctx.args
    if args.quit_after is not None and args.quit_after < 0:
        raise UsageError("--quit-after must be positive")
    try:
        from kiosk.ui.app import GuiOptions, run
    except ImportError as exc:  # Qt libraries missing on this machine
        ctx.say(f"kiosk: the window needs PySide6 and its system libraries: {exc}")
        return EXIT_USAGE
    options = GuiOptions(
        data_dir=ctx.data_dir, mode=args.mode, camera="" if args.no_camera else args.camera,
        device=args.device, lang=args.lang, screenshot=args.screenshot, size=args.size,
        quit_after_ms=args.quit_after,
        loop_camera_file=args.loop, screen=args.screen,
    )
    return run(options)
