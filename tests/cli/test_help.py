"""`kiosk --help` and usage errors in the kiosk's language: French first, English with --lang en."""

from __future__ import annotations

import argparse
import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from kiosk.cli.help_fr import ARGPARSE_FR, HELP_FR
from kiosk.cli.main import _parsers, build_parser
from tests.helpers.cli import Run, in_process


@pytest.fixture
def kiosk_cli(capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Run:
    return in_process(capsys, tmp_path / "data", monkeypatch)


def help_texts(parser: argparse.ArgumentParser) -> Iterator[str]:
    for each in _parsers(parser):
        if each.description:
            yield each.description
        for action in each._actions:
            if action.help and action.help is not argparse.SUPPRESS:
                yield action.help
            if isinstance(action, argparse._SubParsersAction):
                yield from (choice.help for choice in action._choices_actions if choice.help)


def test_every_help_text_has_its_french_with_the_same_placeholders() -> None:
    english = set(help_texts(build_parser("en"))) - ARGPARSE_FR.keys()  # argparse's "-h" help: its own table
    assert english - HELP_FR.keys() == set()
    for text in english:
        assert re.findall(r"%\(\w+\)s", HELP_FR[text]) == re.findall(r"%\(\w+\)s", text), text
    assert HELP_FR.keys() - english == set()  # no entry left behind by a changed help text


def test_every_french_help_page_is_french_and_prints() -> None:
    french = build_parser("fr")
    left = [text for text in help_texts(french) if text not in {*HELP_FR.values(), *ARGPARSE_FR.values()}]
    assert left == []
    for each in _parsers(french):
        page = each.format_help()  # argparse %-formats every help text: a stray % would raise here
        assert page.startswith("utilisation : "), each.prog


def test_kiosk_help_is_french_by_default_and_english_with_lang_en(kiosk_cli: Run) -> None:
    code, out, err = kiosk_cli("--help")
    assert code == 0 and err == ""
    assert out.startswith("utilisation : kiosk ")
    assert "importe les inscriptions" in out and "affiche cette aide et quitte" in out
    code, out, _ = kiosk_cli("import", "--help", "--lang", "en")
    assert code == 0 and out.startswith("usage: kiosk import ")
    assert "report what would change, change nothing" in out and "options:" in out
    code, out, _ = kiosk_cli("import", "--help")  # the English parser left nothing French behind, nor back
    assert "dit ce qui changerait, sans rien changer" in out and "usage:" not in out


def test_usage_errors_speak_the_kiosk_language(kiosk_cli: Run, tmp_path: Path) -> None:
    code, out, err = kiosk_cli("import")
    assert (code, out) == (2, "")
    assert err.splitlines()[-1] == "kiosk: erreur : arguments obligatoires manquants : file"
    code, _, err = kiosk_cli("checkin", "--exit", "--lang", "en")
    assert code == 2 and err.splitlines()[-1] == "kiosk: error: the following arguments are required: code"
    code, _, err = kiosk_cli("frob")
    assert code == 2 and err.splitlines()[-1].startswith("kiosk: erreur : argument COMMAND : choix invalide : 'frob'")
    # The language saved in the window's settings decides too, before any argument is parsed.
    (tmp_path / "data").mkdir(exist_ok=True)
    (tmp_path / "data" / "settings.json").write_text(json.dumps({"language": "en"}), encoding="utf-8")
    code, out, _ = kiosk_cli("stats", "--help")
    assert code == 0 and out.startswith("usage: kiosk stats ")
    assert "JSON on stdout (messages stay on stderr)" in out
