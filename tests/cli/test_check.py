"""`kiosk check`: the demo is not ready, a real evening set up step by step becomes ready (exit 0)."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

import pytest

from tests.helpers.cli import Run, in_process

ROOT = Path(__file__).resolve().parents[2]
POSITIONS = ROOT / "tests" / "fixtures" / "pretix" / "pretix-v1-fr-positions.csv"
NOTICE = ("La Ruche Marseille et Inter-Made enregistrent votre nom, votre structure et votre e-mail pour vous "
          "accueillir à #Plus20 et compter les présences. Ces données sont effacées {retention} après "
          "l'événement. Contact : contact@laruche.example.")


@pytest.fixture
def run(capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Run:
    monkeypatch.delenv("KIOSK_HUB", raising=False)
    return in_process(capsys, tmp_path / "data", monkeypatch)


def checks(run: Run) -> tuple[int, dict[str, str]]:
    code, out, _err = run("check", "--json")
    payload = json.loads(out)
    assert payload["ready"] is (code == 0)
    return code, {c["check"]: c["state"] for c in payload["checks"]}


def test_the_demo_is_not_ready_and_says_what_to_do(run: Run) -> None:
    assert run("demo")[0] == 0
    code, out, _err = run("check")
    assert code == 1
    assert "✗ L'événement actif est la démo — créez ou choisissez l'événement réel" in out
    assert "Pas de code du personnel" in out
    assert out.rstrip().endswith("point(s) à régler.")


def test_a_real_evening_set_up_step_by_step_becomes_ready(run: Run) -> None:
    tomorrow = (date.today() + timedelta(days=1)).isoformat()
    assert run("event", "create", "--name", "#Plus20", "--starts", f"{tomorrow}T18:00",
               "--privacy-notice", NOTICE)[0] == 0
    code, found = checks(run)
    assert code == 1
    assert found["event"] == "ok" and found["date"] == "ok" and found["notice"] == "ok"
    assert found["guests"] == found["printer"] == found["pin"] == "fail"
    assert run("import", str(POSITIONS))[0] == 0
    assert run("pin", "set", "--pin", "246810")[0] == 0
    code, found = checks(run)
    assert (code, found["guests"], found["pin"], found["printer"]) == (1, "ok", "ok", "fail")
    assert run("print", "zsvgjcyzbrnwx7dbbgmypudh5yksqgt3")[0] == 0  # a badge, to the PDF folder
    code, found = checks(run)
    assert found["printer"] == "ok"
    assert found["hub"] == "warn"  # one door, no hub: said, not blocking
    assert code == 0
    code, out, _err = run("--lang", "en", "check")
    assert code == 0 and out.rstrip().endswith("Ready for the evening.")
