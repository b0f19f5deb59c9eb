"""The organisers' commands speak the kiosk's language too (French first): export, badges, the evacuation
list, the report, check everyone out, the staff PIN, duplicates. Real commands in-process on a real data
dir; and the CLI's table of sentences has every sentence in both languages with the same placeholders."""

from __future__ import annotations

import string
from pathlib import Path

import pytest

from kiosk.cli import messages
from tests.helpers.cli import Run, in_process


@pytest.fixture
def kiosk_cli(capsys: pytest.CaptureFixture[str], data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> Run:
    """`kiosk ARGS` in-process on the demo event, three guests inside: (exit status, stdout, stderr)."""
    run = in_process(capsys, data_dir, monkeypatch)
    assert run("demo")[0] == 0
    for code in ("PLUS20-0002", "PLUS20-0003", "PLUS20-0004"):
        assert run("checkin", code)[0] == 0
    return run


def test_every_sentence_in_both_languages_with_the_same_placeholders() -> None:
    fr, en = messages._TEXT["fr"], messages._TEXT["en"]
    assert fr.keys() == en.keys()
    for key in fr:
        names = [{f for _t, f, _s, _c in string.Formatter().parse(table[key]) if f} for table in (fr, en)]
        assert names[0] == names[1], key


def test_export_badges_and_the_evenings_end_in_french_and_in_english(kiosk_cli: Run, tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    for lang, said in (("fr", {
        "export": "152 participant·es exporté·es dans {file}\n",
        "badges": "badges : 143 faits\n",
        "present": "évacuation.pdf",
        "pin_bad": "kiosk: un code PIN de l'équipe a de 4 à 12 chiffres\n",
        "pin": "code PIN de l'équipe enregistré\n",
        "duplicates": "Aucune entrée en double.\n",
    }), ("en", {
        "export": "Exported 152 attendees to {file}\n",
        "badges": "badges: 143 done\n",
        "present": "evacuation.pdf",
        "pin_bad": "kiosk: a staff PIN is 4 to 12 digits\n",
        "pin": "staff PIN set\n",
        "duplicates": "No duplicate entry.\n",
    })):
        export = out / f"export-{lang}.csv"
        assert kiosk_cli("export", str(export), "--lang", lang) == (0, said["export"].format(file=export), "")
        code, stdout, stderr = kiosk_cli("badges", "--all", "-o", str(out / f"badges-{lang}.pdf"), "--lang", lang)
        assert code == 0 and stderr == said["badges"] and stdout.startswith("143 badges")
        pdf = out / f"{lang}-{said['present']}"
        code, stdout, stderr = kiosk_cli("present", "--pdf", str(pdf), "--lang", lang)
        assert code == 0 and pdf.exists()
        assert stderr == ("liste d'évacuation (3 personnes) écrite dans " if lang == "fr"
                          else "evacuation list (3 people) written to ") + f"{pdf}\n"
        assert stdout.startswith("3 présent·es à " if lang == "fr" else "3 inside at ")
        assert kiosk_cli("report", "--lang", lang)[2] == "kiosk: " + (
            "dites où écrire le rapport : -o RAPPORT.pdf (ou --json)" if lang == "fr"
            else "say where to write the report: -o OUT.pdf (or --json)") + "\n"
        assert kiosk_cli("pin", "set", "--pin", "12", "--lang", lang)[2] == said["pin_bad"]
        assert kiosk_cli("pin", "set", "--pin", "2468", "--lang", lang) == (0, "", said["pin"])
        assert kiosk_cli("duplicates", "--lang", lang) == (0, said["duplicates"], "")
    assert kiosk_cli("checkout-all", "--lang", "fr") == (0, "3 personnes sorties\n", "")
    assert kiosk_cli("checkout-all", "--lang", "en") == (0, "checked out 0 people\n", "")
