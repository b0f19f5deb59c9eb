"""The command-line reference of the docs site is walked from the parsers: every command and option is in it."""

from __future__ import annotations

import argparse
import re

from kiosk.cli.main import _parsers, build_parser
from kiosk.cli.reference import markdown


def test_every_command_and_option_of_the_parsers_is_in_the_reference() -> None:
    parser = build_parser("en")
    text = markdown(parser)
    for each in list(_parsers(parser))[1:]:
        heading = re.search(rf"^#+ `{re.escape(each.prog)}`$", text, flags=re.M)
        assert heading is not None, each.prog
        section = re.split(r"^#", text[heading.end():], flags=re.M)[0]  # up to the next command
        for action in each._actions:
            if action.help is argparse.SUPPRESS or {"-h", "--help", "--lang"} & set(action.option_strings):
                continue
            if isinstance(action, argparse._SubParsersAction):
                assert all(f"[`{name}`](#" in section for name in action.choices), each.prog
            else:
                name = action.option_strings[0] if action.option_strings else action.metavar or action.dest
                assert f"- `{name}" in section, (each.prog, action.dest)


def test_each_command_links_to_its_own_heading() -> None:
    text = markdown()
    headings = {"-".join(h.lower().split()) for h in re.findall(r"^#+ `([^`]+)`$", text, flags=re.M)}
    links = set(re.findall(r"\]\(#([^)]+)\)", text))
    assert "kiosk-event-create" in headings and "kiosk-hub-init" in headings
    assert links <= headings and len(links) == len(headings)


def test_help_text_is_shown_verbatim_never_as_markup() -> None:
    parser = argparse.ArgumentParser(prog="kiosk", description="d")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    odd = sub.add_parser("odd", help="keeps <b>tags</b>, *stars* and [links](x) as text")
    odd.add_argument("--width", type=int, default=3, help="columns (default: %(default)s)")
    text = markdown(parser)
    assert "keeps &lt;b&gt;tags&lt;/b&gt;, \\*stars\\* and \\[links\\](x) as text" in text
    assert "- `--width WIDTH`: columns (default: 3)" in text
