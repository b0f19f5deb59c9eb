"""Guest data never drives the terminal: ESC sequences, C1 controls, carriage returns and bidi
overrides in a name are shown escaped by every human printer; JSON stays JSON and keeps the data."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import pytest

from kiosk.cli.output import json_line, terminal_safe
from tests.cli.test_commands import Cli, cli
from tests.helpers.process import run_kiosk_bytes

__all__ = ["cli"]  # a fixture

ROOT = Path(__file__).resolve().parents[2]
FIRST = "Eve\x1b[2J\x1b]0;pwned\x07"
LAST = "Bidi\u202eevil\x9b31m\rX"
ORG = "Org\x08\x7f\u2028Z"
# Everything a terminal would act on; a newline only separates our own lines.
RAW = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def test_terminal_safe_escapes_controls_and_keeps_text() -> None:
    assert terminal_safe("Hélène Dupont — 北京\n") == "Hélène Dupont — 北京\n"
    assert terminal_safe("a\x1b[31mb\x9bc\u202ed\re\tf\udcff") == "a\\x1b[31mb\\x9bc\\u202ed\\x0de\\x09f\\udcff"
    assert terminal_safe("two\nlines", one_line=True) == "two\\nlines"
    line = json_line({"name": FIRST + LAST + ORG})
    assert not RAW.search(line) and json.loads(line) == {"name": FIRST + LAST + ORG}


def test_every_human_printer_escapes_guest_data(cli: Cli) -> None:
    cli.json("demo")
    made = cli.json("register", "--first-name", FIRST, "--last-name", LAST, "--organisation", ORG)
    assert (made["attendee"]["first_name"], made["attendee"]["last_name"]) == (FIRST, LAST)  # stored verbatim
    code = made["attendee"]["ticket_code"]
    checked = cli.json("checkin", code, "--device", "door-3")
    assert checked["attendee"]["first_name"] == FIRST and checked["attendee"]["last_name"] == LAST
    outputs = [
        cli("register", "--first-name", FIRST, "--last-name", LAST, "--organisation", ORG),
        cli("checkin", code),
        cli("checkin", code, "--device", "door-2"),  # already checked in: name, time and device
        cli("search", "eve"),
        cli("history", code),
        cli("override", code, "--staff", "Chl\x1bo\x1b[8m", "--reason", "lost\x1b[5m badge"),
        cli("history", code),  # now with who let the guest in, and why
        cli("checkin", "X\x1b[31mY"),  # an unknown code, typed with an escape
        cli("history", "NOBODY\x1b[2J"),  # an error naming the input
        cli("event", "create", "--name", "E\x1b[41m"),
        cli("event", "list"),
    ]
    for status, out, err in outputs:
        assert not RAW.search(out) and not RAW.search(err), (out, err)
        assert status in (0, 1, 2)
    assert "Eve\\x1b[2J\\x1b]0;pwned\\x07" in outputs[1][1]
    assert "Bidi\\u202eevil\\x9b31m\\x0dX" in outputs[1][1]
    assert "Chl\\x1bo\\x1b[8m: lost\\x1b[5m badge" in outputs[6][1]
    status, out, err = outputs[-3]
    assert status == 2 and out == "" and err.count("\n") == 1


def test_scan_prints_what_a_qr_holds_escaped(cli: Cli, tmp_path: Path) -> None:
    import qrcode

    image = tmp_path / "evil.png"
    qrcode.make("PLUS20-0001\x1b[2J\x1b[31m").save(image)
    status, out, err = cli("scan", str(image))
    assert status == 0 and "PLUS20-0001\\x1b[2J\\x1b[31m" in out and not RAW.search(out), (out, err)
    result = json.loads(cli("scan", str(image), "--json")[1])
    assert result["codes"] == ["PLUS20-0001\x1b[2J\x1b[31m"]


@pytest.mark.slow
def test_a_real_terminal_process_gets_no_escape(tmp_path: Path) -> None:
    """The same through a real process and its real stdout encoding."""
    def kiosk(*args: str) -> subprocess.CompletedProcess[bytes]:
        return run_kiosk_bytes(tmp_path / "d", *args, device="door-1", timeout=60)

    assert kiosk("demo").returncode == 0
    made = kiosk("register", "--first-name", FIRST, "--last-name", LAST, "--checkin")
    assert made.returncode == 0 and b"\x1b" not in made.stdout and b"\xc2\x9b" not in made.stdout
    assert b"Eve\\x1b[2J" in made.stdout
