"""`kiosk present`, `report`, `checkout-all`, `pin set` and `stats` as real processes on a real data dir;
the PDFs read back with pdftotext."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.cli.test_end_to_end import ROOT, kiosk
from tests.helpers.process import run_kiosk

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils (pdftotext)")


def text_of(pdf: Path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout


@pytest.fixture
def evening(tmp_path: Path) -> Path:
    """The demo event with four guests in, one of them gone again, and a walk-in."""
    data = tmp_path / "data"
    assert kiosk(data, "demo").returncode == 0
    for code in ("PLUS20-0001", "PLUS20-0002", "PLUS20-0003", "PLUS20-0004"):
        assert kiosk(data, "checkin", code).returncode == 0
    # (another door: the same code again within 3 s on one device is the same scan)
    assert kiosk(data, "checkin", "PLUS20-0004", "--exit", "--device", "door-2").returncode == 0
    walk_in = kiosk(data, "register", "--first-name", "Nour", "--last-name", "\x1b[31mAït-Ali",
                    "--organisation", "Inter-Made", "--checkin")
    assert walk_in.returncode == 0, walk_in.stderr
    return data


def test_present_lists_everyone_inside_sorted_and_marked_with_the_time(evening: Path, tmp_path: Path) -> None:
    listed = json.loads(kiosk(evening, "present", "--json").stdout)
    assert listed["count"] == 4 and listed["made_at"]
    names = [p["last_name"] for p in listed["people"]]
    assert names == sorted(names, key=lambda n: n.lstrip("\x1b[31m").casefold())
    human = kiosk(evening, "present")
    assert "\x1b" not in human.stdout and "\\u001b[31MAÏT-ALI, Nour  Inter-Made" in human.stdout  # shown, not obeyed
    pdf = tmp_path / "evacuation.pdf"
    assert kiosk(evening, "present", "--pdf", str(pdf)).returncode == 0
    text = text_of(pdf)
    assert "Liste d'évacuation" in text and "4 personne(s) présente(s)" in text and "Établie le" in text
    assert "Inter-Made" in text
    lines = [line for line in text.splitlines() if line.strip()]
    rows = [line.split()[0] for line in lines if line.split()[0].isupper() and len(line.split()) > 1]
    assert len(rows) == 4 and any("AÏT-ALI" in r for r in rows)
    gone = json.loads(kiosk(evening, "history", "PLUS20-0004", "--json").stdout)["attendee"]["last_name"]
    assert gone.upper() not in text  # left before the list was made


def test_report_has_aggregates_and_no_names_in_both_languages(evening: Path, tmp_path: Path) -> None:
    pdf = tmp_path / "report.pdf"
    result = kiosk(evening, "report", "-o", str(pdf), "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert (data["arrived"], data["walk_ins"], data["peak"], data["inside_now"]) == (5, 1, 4, 4)
    assert set(data["by_workshop"]) == {"Se loger", "Se nourrir", "Se vêtir"}
    assert sum(b["arrivals"] for b in data["timeline"]) == 5
    fr = text_of(pdf)
    assert "Bilan de fréquentation" in fr and "Par atelier" in fr and "Se vêtir" in fr and "Pic de présence" in fr
    assert "aucune donnée personnelle" in fr
    people = json.loads(kiosk(evening, "present", "--json").stdout)["people"]
    for person in people:
        assert person["last_name"].strip("\x1b[31m") not in fr and person["first_name"] not in fr
    en_pdf = tmp_path / "report-en.pdf"
    assert kiosk(evening, "report", "-o", str(en_pdf), "--lang", "en").returncode == 0
    en = text_of(en_pdf)
    assert "Attendance report" in en and "By workshop" in en and "No-show rate" in en
    assert kiosk(evening, "report").returncode == 2  # nowhere to write: a usage error


def test_stats_keys_unchanged_and_checkout_all_closes_the_evening(evening: Path) -> None:
    stats = json.loads(kiosk(evening, "stats", "--json").stdout)
    assert set(stats) == {"registered", "checked_in", "inside", "walk_ins", "cancelled", "capacity",
                          "by_workshop", "by_category", "inside_other"}  # the old keys kept; one added
    assert (stats["checked_in"], stats["inside"], stats["walk_ins"]) == (5, 4, 1)
    closed = kiosk(evening, "checkout-all", "--staff", "Chloé", "--json")
    assert closed.returncode == 0 and json.loads(closed.stdout) == {"checked_out": 4}
    assert json.loads(kiosk(evening, "stats", "--json").stdout)["inside"] == 0
    assert json.loads(kiosk(evening, "present", "--json").stdout)["count"] == 0


def test_pin_set_from_stdin_or_option_never_in_clear(tmp_path: Path) -> None:
    data = tmp_path / "data"
    env_run = run_kiosk(data, "pin", "set", input="735012\n", timeout=60)
    assert env_run.returncode == 0, env_run.stderr
    assert "735012" not in (data / "staff-pin.json").read_text()
    assert kiosk(data, "pin", "set", "--pin", "12").returncode == 1  # too short: refused
    from kiosk.service.pin import StaffPin

    assert StaffPin(data).check("735012")


def test_organiser_commands_stay_headless(evening: Path) -> None:
    for args in (["present", "--json"], ["report", "--json"], ["stats"]):
        script = (
            "import sys; from kiosk.cli.main import main; "
            f"main(['--data-dir', {str(evening)!r}, *{args!r}]); "
            "print(any(m.startswith(('PySide6', 'cv2', 'reportlab')) for m in sys.modules))"
        )
        result = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True,
                                timeout=60)
        assert result.returncode == 0, result.stderr
        assert result.stdout.splitlines()[-1] == "False", args
