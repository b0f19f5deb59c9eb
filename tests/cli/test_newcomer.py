"""What a newcomer trips on: the demo must not swap out the real event, events can be listed and
switched, messages follow the kiosk's language, times say their offset, exit statuses agree, and
the examples of the README and the docs site work on the demo event."""

from __future__ import annotations

import json
import re
import subprocess
from datetime import datetime
from pathlib import Path

import pytest

from kiosk import settings
from kiosk.cli.main import build_parser
from tests.cli.test_commands import Cli, cli, one_line_error
from tests.helpers.process import run_kiosk

__all__ = ["cli"]  # a fixture

ROOT = Path(__file__).resolve().parents[2]
README = (ROOT / "README.md").read_text(encoding="utf-8")
# The README and the docs site's pages as written (the command-line reference is added at build time).
WRITTEN = "\n".join([README, *(page.read_text(encoding="utf-8") for page in sorted((ROOT / "docs").rglob("*.md")))])


# --------------------------------------------------------------------------- demo, event list/use


def test_demo_refuses_to_replace_another_event_without_force(cli: Cli) -> None:
    real = cli.json("event", "create", "--name", "Forum ESS")
    err = one_line_error(*cli("demo"))
    assert "--force" in err and "Forum ESS" in err
    assert cli.json("event", "show")["id"] == real["id"]  # the door still serves the real event
    demo = cli.json("demo", "--force")
    assert cli.json("event", "show")["id"] == demo["id"]
    assert cli.json("demo")["id"] == demo["id"]  # the demo again, when it is the active one: fine
    listed = cli.json("event", "list")
    assert [(e["name"], e["active"]) for e in listed] == [("Forum ESS", False), (demo["name"], True)]
    assert [e["registered"] for e in listed] == [0, 143]
    code, out, _ = cli("event", "list")
    assert code == 0 and out.splitlines()[1].startswith(f"* {demo['id']}  #Plus20")
    assert out.splitlines()[0].startswith(f"  {real['id']}  Forum ESS")
    used = cli.json("event", "use", real["id"][:8])
    assert used["id"] == real["id"] and cli.json("event", "show")["id"] == real["id"]
    assert cli.json("event", "use", "#plus20 — la ruche marseille × inter-made")["id"] == demo["id"]
    assert "kiosk event list" in one_line_error(*cli("event", "use", "nothing-like-this"))


def test_event_list_without_events(cli: Cli) -> None:
    assert cli.json("event", "list") == []
    code, out, _ = cli("event", "list")
    assert code == 0 and "kiosk demo" in out


# --------------------------------------------------------------------------- language


def test_messages_follow_lang_option_then_settings_then_locale(cli: Cli, data_dir: Path,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    cli.json("demo")
    assert cli("undo")[1] == "Rien à défaire sur ce poste.\n"  # nothing set: French, like the verdicts
    monkeypatch.setenv("LANG", "en_GB.UTF-8")
    assert cli("undo")[1] == "Nothing to undo on this device.\n"
    assert cli("checkin", "PLUS20-0002")[1] == "Welcome Hugo Thomas!\n"  # the verdict too
    assert cli("undo")[0] == 0  # --device below only renames this kiosk: leave it nothing to undo
    settings.save(data_dir, settings.Settings(language="fr"))  # the window's Settings win over the locale
    assert cli("undo", "--device", "door-9")[1] == "Rien à défaire sur ce poste.\n"
    assert cli("--lang", "en", "undo", "--device", "door-9")[1] == "Nothing to undo on this device.\n"
    assert cli("undo", "--device", "door-9", "--lang", "en")[1] == "Nothing to undo on this device.\n"
    assert one_line_error(*cli("history", "NOBODY")).startswith("kiosk: aucun·e invité·e avec l'id ou le code")
    shown = cli("event", "show")[1].splitlines()
    assert shown[2].startswith("  début : 2026-11-30 ") and "  capacité : 180" in shown
    assert "  capacity: 180" in cli("event", "show", "--lang", "en")[1].splitlines()
    monkeypatch.setenv("LC_ALL", "fr_FR.UTF-8")
    settings.save(data_dir, settings.Settings(language="en"))
    assert cli("undo", "--device", "door-9")[1] == "Nothing to undo on this device.\n"
    assert one_line_error(*cli("event", "use", "x")).startswith("kiosk: no event matches")
    assert one_line_error(*cli("event", "use", "x", "--lang", "fr")).startswith(
        "kiosk: aucun événement ne correspond")


# --------------------------------------------------------------------------- times


def test_history_and_human_output_show_local_time_with_offset(tmp_path: Path) -> None:
    def kiosk(*args: str) -> subprocess.CompletedProcess[str]:
        return run_kiosk(tmp_path / "d", *args, device="door-1", env={"TZ": "Europe/Paris"}, timeout=60)

    assert kiosk("demo").returncode == 0
    entry = json.loads(kiosk("checkin", "PLUS20-0002", "--json").stdout)
    utc = datetime.fromisoformat(entry["first_entry_at"].replace("Z", "+00:00"))
    assert utc.utcoffset() is not None and entry["first_entry_at"].endswith("Z")  # JSON: ISO 8601, offset
    local = utc.astimezone(__import__("zoneinfo").ZoneInfo("Europe/Paris"))
    offset = local.strftime("%z")
    stamp = local.strftime("%Y-%m-%d %H:%M:%S") + f"{offset[:3]}:{offset[3:]}"
    assert kiosk("checkin", "NOBODY-1").returncode == 1  # another code between: the next is no replay
    again = kiosk("checkin", "PLUS20-0002", "--lang", "en")
    assert again.returncode == 1 and f"({stamp}, door-1)" in again.stdout
    history = kiosk("history", "PLUS20-0002").stdout.splitlines()
    assert history[1].startswith(f"{stamp}  entry")
    assert re.match(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\+01:00  refused", history[2])
    scans = json.loads(kiosk("history", "PLUS20-0002", "--json").stdout)["scans"]
    assert scans[0]["device_time"] == entry["first_entry_at"]


# --------------------------------------------------------------------------- exit statuses


def test_register_checkin_of_a_guest_already_inside_exits_1_like_checkin(cli: Cli) -> None:
    cli.json("demo")
    args = ("register", "--first-name", "Ann", "--last-name", "Lee", "--email", "ann@example.org", "--checkin")
    first = cli.json(*args)
    assert first["checkin"]["verdict"] == "accepted"
    again = cli.json(*args, "--device", "door-2", expect=1)
    assert again["created"] is False and again["checkin"]["verdict"] == "already_checked_in"
    code, out, _ = cli(*args, "--device", "door-3")
    assert code == 1 and "déjà entré·e" in out


# --------------------------------------------------------------------------- the README and the docs


def test_readme_search_example_finds_someone_in_the_demo(cli: Cli) -> None:
    cli.json("demo")
    examples = re.findall(r'^\s*kiosk search "([^"]+)"', WRITTEN, flags=re.MULTILINE)
    assert examples
    for text in examples:
        rows = cli.json("search", text)
        assert rows, text
        _, out, _ = cli("search", text)
        assert out.splitlines()[0] in WRITTEN  # the sample output printed under it is the real one


def test_readme_demo_count_is_the_demo_count(cli: Cli) -> None:
    made = cli.json("demo")
    claims = {int(n) for n in re.findall(r"(\d+) fictitious guests", WRITTEN)}
    assert claims == {made["guests"]}
    cancelled = {int(n) for n in re.findall(r"fictitious guests \((\d+) cancelled\)", WRITTEN)}
    assert cancelled == {made["cancelled"]}
    code, out, _ = cli("demo", "--lang", "en")
    assert code == 0 and f"{made['guests']} fictitious guests ({made['cancelled']} cancelled)" in out


def test_the_written_docs_name_every_command() -> None:
    parser = build_parser()
    sub = next(a for a in parser._actions if a.__class__.__name__ == "_SubParsersAction")
    commands: list[str] = []
    for name, command in sub.choices.items():  # type: ignore[union-attr]
        nested = [a for a in command._actions if a.__class__.__name__ == "_SubParsersAction"]
        commands += [f"{name} {action}" for action in nested[0].choices] if nested else [name]
    missing = [c for c in commands if f"kiosk {c}" not in WRITTEN]
    assert missing == []
