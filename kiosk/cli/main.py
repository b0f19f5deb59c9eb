"""`kiosk` / `python main.py`: the command line. With no sub-command it opens the window."""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from kiosk.cli.context import EXIT_USAGE, Context, UsageError, data_dir_from

# Each module defines ``register(subparsers)``; handlers import heavy things lazily.
COMMAND_MODULES = (
    "kiosk.cli.cmd_event",
    "kiosk.cli.cmd_import",
    "kiosk.cli.cmd_checkin",
    "kiosk.cli.cmd_attendees",
    "kiosk.cli.cmd_keys",
    "kiosk.cli.cmd_badges",
    "kiosk.cli.cmd_scan",
    "kiosk.cli.cmd_gui",
    "kiosk.cli.cmd_occupancy",
)


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        sys.stderr.write(f"kiosk: error: {message}\n")
        raise SystemExit(EXIT_USAGE)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="kiosk", description="On-site event check-in.")
    parser.add_argument("--data-dir", help="data directory (default: $KIOSK_DATA_DIR or the user data dir)")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for name in COMMAND_MODULES:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name != name:
                raise
            continue  # a command family not built yet
        module.register(sub)
    return parser


def with_default_command(argv: list[str]) -> list[str]:
    """No sub-command means the window: `kiosk --camera 1` is `kiosk gui --camera 1`."""
    i = 0
    while i < len(argv) and (argv[i] == "--data-dir" or argv[i].startswith("--data-dir=")):
        i += 2 if argv[i] == "--data-dir" else 1
    if i >= len(argv) or (argv[i].startswith("-") and argv[i] not in ("-h", "--help")):
        return [*argv[:i], "gui", *argv[i:]]
    return argv


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(with_default_command(list(argv) if argv is not None else sys.argv[1:]))
    ctx = Context(args, data_dir_from(args))
    from kiosk.service.errors import KioskError
    from kiosk.store.db import StoreError

    try:
        return int(args.handler(ctx) or 0)
    except (UsageError, KioskError, StoreError) as exc:
        sys.stderr.write(f"kiosk: {exc}\n")
        return EXIT_USAGE
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0
    finally:
        ctx.close()


if __name__ == "__main__":
    raise SystemExit(main())
