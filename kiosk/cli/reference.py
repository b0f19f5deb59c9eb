"""The command line as Markdown, walked from the argparse parsers themselves.

The docs site's reference page (``docs/cli.md``) is this text, put in at build time by
``docs/hooks.py``: a command or option added, renamed or reworded in ``kiosk/cli/cmd_*.py`` shows
there at the next ``make docs``, so the page cannot drift from the code.
"""

from __future__ import annotations

import argparse
import html

from kiosk.cli.main import _parsers, build_parser

# On every command: said once in the page's introduction rather than under each command.
_SAID_ONCE = ("-h", "--help", "--lang")


def markdown(parser: argparse.ArgumentParser | None = None) -> str:
    """Every command, from ``kiosk`` down: a heading per command, its usage, its arguments."""
    root = parser or build_parser("en")
    return "\n".join(_command(each, root) for each in _parsers(root))


def _command(parser: argparse.ArgumentParser, root: argparse.ArgumentParser) -> str:
    depth = parser.prog.count(" ")
    title = "Global options" if parser is root else f"`{parser.prog}`"
    lines = [f"{'#' * min(depth + 2, 4)} {title}", ""]
    if parser.description and parser is not root:
        lines += [_text(parser.description), ""]
    usage = " ".join(parser.format_usage().split())  # one line: argparse wraps at the terminal width
    lines += ["```text", usage.removeprefix("usage: "), "```", ""]
    formatter = parser._get_formatter()
    arguments: list[str] = []
    commands: list[str] = []
    skipped = ("-h", "--help") if parser is root else _SAID_ONCE
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            commands += [f"- [`{choice.dest}`](#{_anchor(parser.prog, choice.dest)}): {_text(choice.help or '')}"
                         for choice in action._choices_actions]
        elif action.help is not argparse.SUPPRESS and not set(action.option_strings) & set(skipped):
            said = f": {_text(formatter._expand_help(action))}" if action.help else ""
            arguments.append(f"- `{formatter._format_action_invocation(action)}`{said}")
    if arguments:
        lines += ["Arguments:" if parser is not root else "Options:", "", *arguments, ""]
    if commands:
        lines += ["Commands:", "", *commands, ""]
    return "\n".join(lines) + "\n"


def _text(text: str) -> str:
    """Help text as Markdown that shows it verbatim: no tag, emphasis or link can come of it."""
    escaped = html.escape(" ".join(text.split()), quote=False)
    for char in "\\`*_[]":
        escaped = escaped.replace(char, "\\" + char)
    return escaped


def _anchor(prog: str, name: str) -> str:
    """The id MkDocs gives the heading of ``prog name`` (its words joined by hyphens)."""
    return "-".join(f"{prog} {name}".lower().split())
