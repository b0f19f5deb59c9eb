"""`kiosk` / `python main.py`: the command line. With no sub-command it opens the window."""

from __future__ import annotations

import argparse
import contextlib
import importlib
import sqlite3
import sys
from collections.abc import Callable, Iterator, Sequence
from typing import Any

from kiosk import paths, settings
from kiosk.cli import messages
from kiosk.cli.context import EXIT_USAGE, Context, MessageError, UsageError, data_dir_from
from kiosk.cli.help_fr import ARGPARSE_FR, HELP_FR
from kiosk.cli.messages import LANGUAGES
from kiosk.domain.os_errors import os_reason

# Each module defines ``register(subparsers)``; handlers import heavy things lazily.
COMMAND_MODULES = (
    "kiosk.cli.cmd_event",
    "kiosk.cli.cmd_import",
    "kiosk.cli.cmd_checkin",
    "kiosk.cli.cmd_attendees",
    "kiosk.cli.cmd_keys",
    "kiosk.cli.cmd_badges",
    "kiosk.cli.cmd_scan",
    "kiosk.cli.cmd_walk_ins",
    "kiosk.cli.cmd_gui",
    "kiosk.cli.cmd_occupancy",
    "kiosk.cli.cmd_hub",
    "kiosk.cli.cmd_duplicates",
    "kiosk.cli.cmd_purge",
    "kiosk.cli.cmd_check",
    "kiosk.cli.cmd_alerts",
)


class _Parser(argparse.ArgumentParser):
    lang = "en"  # "fr" on a French parser (see _in_french): argparse's own words in French too

    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        sys.stderr.write(f"kiosk: {'erreur ' if self.lang == 'fr' else 'error'}: {message}\n")
        raise SystemExit(EXIT_USAGE)

    def format_usage(self) -> str:
        with _argparse_words(self.lang):
            return super().format_usage()

    def format_help(self) -> str:
        with _argparse_words(self.lang):
            return super().format_help()

    def parse_args(self, args: Sequence[str] | None = None,  # type: ignore[override]
                   namespace: argparse.Namespace | None = None) -> argparse.Namespace:
        with _argparse_words(self.lang):  # "unrecognized arguments" is worded here, not in parse_known_args
            return super().parse_args(args, namespace)

    def parse_known_args(self, args: Sequence[str] | None = None,  # type: ignore[override]
                         namespace: argparse.Namespace | None = None) -> tuple[argparse.Namespace, list[str]]:
        with _argparse_words(self.lang):
            return super().parse_known_args(args, namespace)


class _Version(argparse.Action):
    """`kiosk --version`: the installed version (package metadata), worded in the parser's language."""

    def __init__(self, option_strings: Sequence[str], dest: str = argparse.SUPPRESS,
                 default: str = argparse.SUPPRESS, help: str | None = None) -> None:
        super().__init__(option_strings=option_strings, dest=dest, default=default, nargs=0, help=help)

    def __call__(self, parser: argparse.ArgumentParser, _namespace: argparse.Namespace,
                 _values: object, _option_string: str | None = None) -> None:
        lang = parser.lang if isinstance(parser, _Parser) else "en"
        sys.stdout.write(messages.version_line(installed_version(), lang) + "\n")
        parser.exit()


def installed_version() -> str | None:
    """This kiosk's version from its package metadata (wheel, editable install, bundle); None in a
    checkout that was never installed."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("kiosk")
    except PackageNotFoundError:
        return None


VERSION_HELP = "show kiosk's version and exit"
LANG_HELP = "language of messages and verdicts: fr or en (default: settings, then $LANG)"
GLOBAL_OPTIONS = ("--data-dir", "--lang")
TOP_LEVEL_FLAGS = ("-h", "--help", "--version")  # kiosk's own, not the window's (no implied `gui`)
JSON_HELP = "JSON on stdout (messages stay on stderr)"


def build_parser(lang: str = "en") -> argparse.ArgumentParser:
    """The parser, its help in ``lang`` (French from kiosk/cli/help_fr.py; English as written here)."""
    with _argparse_words(lang):
        parser = _build_parser()
    if lang == "fr":
        _in_french(parser)
    return parser


def _build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="kiosk", description="On-site event check-in.")
    parser.add_argument("--version", action=_Version, help=VERSION_HELP)
    parser.add_argument("--data-dir", help="data directory (default: $KIOSK_DATA_DIR or the user data dir)")
    parser.add_argument("--lang", choices=LANGUAGES, dest="global_lang", help=LANG_HELP)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(sub)
    _accept_lang_everywhere(sub)
    for each in _parsers(parser):
        for action in each._actions:
            if action.option_strings == ["--json"] and action.help is None:
                action.help = JSON_HELP
    return parser


def _accept_lang_everywhere(sub: Any) -> None:
    """`kiosk checkin X --lang en` as well as `kiosk --lang en checkin X`, for every command family."""
    for command in sub.choices.values():
        if not any("--lang" in action.option_strings for action in command._actions):
            command.add_argument("--lang", choices=LANGUAGES, default=argparse.SUPPRESS, help=LANG_HELP)
        for action in command._actions:
            if isinstance(action, argparse._SubParsersAction):
                _accept_lang_everywhere(action)


def with_default_command(argv: list[str]) -> list[str]:
    """No sub-command means the window: `kiosk --camera 1` is `kiosk gui --camera 1`."""
    i = 0
    while i < len(argv) and (argv[i] in GLOBAL_OPTIONS or argv[i].startswith(tuple(f"{o}=" for o in GLOBAL_OPTIONS))):
        i += 2 if argv[i] in GLOBAL_OPTIONS else 1
    if i >= len(argv) or (argv[i].startswith("-") and argv[i] not in TOP_LEVEL_FLAGS):
        return [*argv[:i], "gui", *argv[i:]]
    return argv


def _parsers(parser: argparse.ArgumentParser) -> Iterator[argparse.ArgumentParser]:
    yield parser
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for sub in dict.fromkeys(action.choices.values()):
                yield from _parsers(sub)


def _in_french(parser: argparse.ArgumentParser) -> None:
    for each in _parsers(parser):
        each.description = HELP_FR.get(each.description or "", each.description)
        if isinstance(each, _Parser):
            each.lang = "fr"
        for action in each._actions:
            if action.help and action.help is not argparse.SUPPRESS:
                action.help = HELP_FR.get(action.help, action.help)
            if isinstance(action, argparse._SubParsersAction):
                for choice in action._choices_actions:  # the command list of this parser's help
                    choice.help = HELP_FR.get(choice.help or "", choice.help)


@contextlib.contextmanager
def _argparse_words(lang: str) -> Iterator[None]:
    """argparse's own words ("usage:", "the following arguments are required") in ``lang``. argparse
    looks each up through its module's ``_`` (gettext) when it needs it, so it is swapped for the time
    the parser is built and used: no .mo catalogue to install."""
    if lang != "fr":
        yield
        return
    original: Callable[[str], str] = argparse._  # type: ignore[attr-defined]
    argparse._ = lambda text: ARGPARSE_FR.get(text, original(text))  # type: ignore[attr-defined]
    try:
        yield
    finally:
        argparse._ = original  # type: ignore[attr-defined]


def early_lang(argv: Sequence[str]) -> str:
    """The language of the help and of usage errors, known before the arguments are parsed: ``--lang``
    wherever it is, else the data dir's settings, else the locale (as :attr:`Context.lang`)."""
    found: dict[str, str] = {}
    for i, arg in enumerate(argv):
        for option in GLOBAL_OPTIONS:
            if arg == option and i + 1 < len(argv):
                found.setdefault(option, argv[i + 1])
            elif arg.startswith(option + "="):
                found.setdefault(option, arg.partition("=")[2])
    try:
        saved = settings.saved_value(paths.data_dir(found.get("--data-dir")), "language")
    except (OSError, ValueError):
        saved = None
    return messages.language(found.get("--lang"), saved if isinstance(saved, str) else None)


def parse_args(argv: Sequence[str]) -> argparse.Namespace:
    args = build_parser(early_lang(argv)).parse_args(with_default_command(list(argv)))
    if getattr(args, "lang", None) is None:  # `kiosk --lang en [COMMAND]`: the sub-command's own is unset
        args.lang = args.global_lang
    return args


def main(argv: Sequence[str] | None = None) -> int:
    from kiosk.files import private_umask

    private_umask()  # every file a command writes (database, exports, PDFs, tickets) is private (issue 21)
    args = parse_args(argv if argv is not None else sys.argv[1:])
    ctx = Context(args, data_dir_from(args))
    try:
        status = int(args.handler(ctx) or 0)
        ctx.print_badges()  # the auto-print badges of the guests this command let in
        return status
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0
    except Exception as exc:
        message = describe(exc, ctx)
        if message is None:
            raise
        return ctx.fail(message)
    finally:
        ctx.close()


def describe(exc: Exception, ctx: Context) -> str | None:
    """The one line for a failure a person can act on, in the command's language; None for a bug
    (which keeps its traceback). Every command's errors come through here."""

    from kiosk import paths
    from kiosk.service.errors import (
        KioskError,
        NoEventError,
        NoSuchAttendeeError,
        NoSuchEventError,
        OtherEventActiveError,
        Refused,
        StorageError,
    )
    from kiosk.store.db import NewerSchemaError, StoreError

    if isinstance(exc, MessageError):
        return ctx.text(exc.key, **exc.values)
    if isinstance(exc, Refused):
        return exc.message(ctx.lang)
    if isinstance(exc, NoEventError):
        return ctx.text("no_event")
    if isinstance(exc, OtherEventActiveError):
        return ctx.text("demo_refused", name=exc.active_name)
    if isinstance(exc, NoSuchAttendeeError):
        return ctx.text("no_such_attendee", ref=exc.ref)
    if isinstance(exc, NoSuchEventError):
        return ctx.text("ambiguous_event" if exc.ambiguous else "no_such_event", ref=exc.ref)
    if isinstance(exc, sqlite3.Error):  # a read the service did not wrap
        exc = StorageError.from_exception(exc, paths.database(ctx.data_dir)) or exc
    if isinstance(exc, StorageError):
        return exc.reason(ctx.lang)
    if isinstance(exc, NewerSchemaError):
        return ctx.text("newer_database", path=paths.database(ctx.data_dir), found=exc.found, supported=exc.supported)
    if isinstance(exc, UsageError | KioskError | StoreError):
        return str(exc)
    if isinstance(exc, OSError):  # a file given on the command line, the data dir...
        return ctx.text("io_error", what=exc.filename or type(exc).__name__, why=os_reason(exc).message(ctx.lang))
    return None


if __name__ == "__main__":
    raise SystemExit(main())
