"""`kiosk ...` commands in-process: JSON on stdout, messages on stderr, exit statuses 0/1/2."""

from __future__ import annotations

import csv
import json
import sqlite3
import stat
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from kiosk.cli.main import main
from kiosk.domain.text import fold

STATS_KEYS = {"registered", "checked_in", "inside", "inside_other", "walk_ins", "cancelled", "capacity",
              "by_workshop", "by_category"}


class Cli:
    def __init__(self, capsys: pytest.CaptureFixture[str], data_dir: Path) -> None:
        self.capsys, self.data_dir = capsys, data_dir

    def __call__(self, *args: str, data_dir: Path | None = None) -> tuple[int, str, str]:
        self.capsys.readouterr()
        try:
            code = main(["--data-dir", str(data_dir or self.data_dir), *args])
        except SystemExit as exc:
            code = int(exc.code or 0)
        out, err = self.capsys.readouterr()
        return code, out, err

    def json(self, *args: str, expect: int = 0, data_dir: Path | None = None) -> Any:
        code, out, err = self(*args, "--json", data_dir=data_dir)
        assert code == expect, (code, out, err)
        assert err == ""
        return json.loads(out)


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str], data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> Cli:
    for var in ("LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")  # no language from the locale: the kiosk's default, French
    return Cli(capsys, data_dir)


@pytest.fixture
def demo(cli: Cli) -> Cli:
    assert cli.json("demo")["name"].startswith("#Plus20")
    return cli


def one_line_error(code: int, out: str, err: str) -> str:
    assert code == 2, (code, out, err)
    assert out == ""
    assert err.startswith("kiosk: ") and err.endswith("\n") and err.count("\n") == 1, err
    assert "Traceback" not in err
    return err


def cancelled_code(data_dir: Path) -> str:
    conn = sqlite3.connect(data_dir / "kiosk.db")
    code = conn.execute(
        "SELECT ticket_code FROM attendees WHERE status = 'cancelled' ORDER BY ticket_code").fetchone()[0]
    conn.close()
    return str(code)


# --------------------------------------------------------------------------- event, demo


def test_event_create_and_show(cli: Cli) -> None:
    created = cli.json("event", "create", "--name", "Forum ESS", "--capacity", "200", "--venue", "Friche",
                       "--starts", "2026-11-30T18:00+01:00", "--workshop", "Se loger:30", "--workshop", "Open",
                       "--workshop", "Atelier: vélo:12", "--category", "VIP:#ff0000", "--category", "Presse")
    assert created["name"] == "Forum ESS" and created["capacity"] == 200
    assert created["workshops"] == [{"name": "Se loger", "capacity": 30}, {"name": "Open", "capacity": None},
                                    {"name": "Atelier: vélo", "capacity": 12}]
    assert created["categories"][0] == {"name": "VIP", "color": "#ff0000"}
    assert created["categories"][1]["name"] == "Presse" and created["categories"][1]["color"].startswith("#")
    shown = cli.json("event", "show")
    assert {k: shown[k] for k in created} == created
    assert (shown["registered"], shown["checked_in"], shown["inside"]) == (0, 0, 0)
    code, out, err = cli("event", "show")
    assert code == 0 and "Forum ESS" in out and "Se loger (30)" in out and err == ""


@pytest.mark.parametrize(
    "args",
    [("--workshop", "Atelier:trente"), ("--workshop", ":3"), ("--capacity", "-5"), ("--starts", "demain"),
     ("--category", ":#fff")],
)
def test_event_create_bad_input(cli: Cli, args: tuple[str, ...]) -> None:
    one_line_error(*cli("event", "create", "--name", "X", *args))
    assert one_line_error(*cli("event", "show")).startswith("kiosk: aucun événement")  # nothing was created
    assert one_line_error(*cli("event", "show", "--lang", "en")).startswith("kiosk: no event")


def test_no_event_yet(cli: Cli) -> None:
    err = one_line_error(*cli("checkin", "PLUS20-0001"))
    assert "kiosk demo" in err


def test_demo_is_deterministic(cli: Cli, tmp_path: Path) -> None:
    dirs = [tmp_path / "one", tmp_path / "two"]
    lists = []
    for d in dirs:
        cli.json("demo", data_dir=d)
        cli.json("demo", data_dir=d)  # twice: no duplicates
        conn = sqlite3.connect(d / "kiosk.db")
        lists.append(conn.execute(
            "SELECT id, ticket_code, first_name, last_name, email, organisation, category, workshop, status"
            " FROM attendees ORDER BY ticket_code").fetchall())
        conn.close()
    assert len(lists[0]) == 152 and lists[0] == lists[1]
    assert lists[0][0][1] == "PLUS20-0001" and lists[0][-1][1] == "PLUS20-0152"


# --------------------------------------------------------------------------- checkin, undo, override


def test_checkin_exit_statuses_and_json(demo: Cli, data_dir: Path) -> None:
    accepted = demo.json("checkin", "PLUS20-0002", "--device", "door-1")
    assert accepted["verdict"] == "accepted" and accepted["attendee"]["id"] and accepted["scan_id"]
    assert set(accepted) == {"verdict", "attendee", "first_entry_at", "first_entry_device", "scan_id", "message",
                             "repeated"}
    assert accepted["repeated"] is False
    assert "email" not in accepted["attendee"]
    assert demo.json("checkin", "NOBODY-1", expect=1)["verdict"] == "unknown"
    again = demo.json("checkin", "plus20-0002", expect=1)
    assert again["verdict"] == "already_checked_in" and again["first_entry_device"] == "door-1"
    # --device renames this kiosk (one data dir is one device): the first entry is shown by its new name.
    renamed = demo.json("checkin", "PLUS20-0002", "--device", "door-2", expect=1)
    assert renamed["verdict"] == "already_checked_in" and renamed["first_entry_device"] == "door-2"
    assert demo.json("checkin", cancelled_code(data_dir), expect=1)["verdict"] == "cancelled"
    assert demo.json("checkin", "PLUS20-0002", "--exit", "--device", "door-3")["verdict"] == "exit_recorded"
    assert demo.json("checkin", "PLUS20-0003", "--exit", expect=1)["verdict"] == "not_inside"
    # Without --json: the message for a person, on stdout; nothing on stderr.
    code, out, err = demo("checkin", "PLUS20-0004")
    assert code == 0 and out.startswith("Bienvenue ") and err == ""


def test_checkin_json_says_when_a_result_is_a_replay(demo: Cli) -> None:
    first = demo.json("checkin", "PLUS20-0005", "--device", "door-1")
    again = demo.json("checkin", "PLUS20-0005", "--device", "door-1")  # well within 3 s
    assert (first["repeated"], again["repeated"]) == (False, True) and again["scan_id"] == first["scan_id"]
    leaving = demo.json("checkin", "PLUS20-0005", "--exit", "--device", "door-1")
    assert leaving["verdict"] == "exit_recorded" and leaving["repeated"] is False
    assert [s["kind"] for s in demo.json("history", "PLUS20-0005")["scans"]] == ["entry", "exit"]


@pytest.mark.parametrize("raw", ["\x00\x01\x02", "", "A" * 10_000, "\udcff\udcfe", "K1.AAAA", "é\u202e\x7f"])
def test_checkin_garbage_is_a_refusal_not_a_crash(demo: Cli, raw: str) -> None:
    result = demo.json("checkin", raw, expect=1)
    assert result["verdict"] == "invalid" and result["attendee"] is None and result["scan_id"]


def test_usage_errors_exit_2(demo: Cli) -> None:
    code, out, err = demo("checkin")  # in the kiosk's language, French here (see tests/cli/test_help.py)
    assert code == 2 and out == "" and "utilisation :" in err and "Traceback" not in err
    code, _, err = demo("checkin", "X", "--bogus", "--lang", "en")
    assert code == 2 and "unrecognized arguments" in err
    code, _, err = demo("frobnicate")
    assert code == 2
    one_line_error(*demo("override", "PLUS20-0002", "--reason", " ", "--staff", "Chloé"))
    one_line_error(*demo("override", "NOBODY", "--reason", "x", "--staff", "Chloé"))


def test_undo(demo: Cli) -> None:
    entry = demo.json("checkin", "PLUS20-0002")
    undone = demo.json("undo", "--staff", "Chloé", "--reason", "wrong guest")["undone"]
    assert undone["scan_id"] == entry["scan_id"] and undone["kind"] == "entry" and undone["code"] == "PLUS20-0002"
    assert demo.json("undo", expect=1) == {"undone": None}
    history = demo.json("history", "PLUS20-0002")
    assert [(s["kind"], s["staff"], s["reason"]) for s in history["scans"]] == [
        ("entry", None, None), ("undo", "Chloé", "wrong guest")]
    assert history["attendee"]["checked_in"] is False
    assert demo.json("checkin", "PLUS20-0002")["verdict"] == "accepted"  # readable again at once


def test_override(demo: Cli, data_dir: Path) -> None:
    code = cancelled_code(data_dir)
    result = demo.json("override", code, "--reason", "paid at the door", "--staff", "Chloé")
    assert result["verdict"] == "accepted"
    scans = demo.json("history", code)["scans"]
    assert [(s["kind"], s["staff"], s["reason"]) for s in scans] == [("override", "Chloé", "paid at the door")]


# --------------------------------------------------------------------------- search, register, stats


def test_search(demo: Cli, tmp_path: Path) -> None:
    src = tmp_path / "late.csv"
    src.write_text("Nom complet;Email\n\"Dupont, Hélène\";helene@example.org\n", encoding="utf-8")
    assert demo.json("import", str(src))["added"] == 1
    for query in ("helene dupont", "dup hel", "DUPONT", "Hélène", "dupont, helene"):
        rows = demo.json("search", query)
        assert any((r["first_name"], r["last_name"]) == ("Hélène", "Dupont") for r in rows), query
        assert all("dupont" in fold(r["last_name"]) or "helene" in fold(r["first_name"]) for r in rows)
    row = next(r for r in demo.json("search", "helene dupont") if r["last_name"] == "Dupont")
    assert row["email"] == "helene@example.org" and row["checked_in"] is False
    assert len(demo.json("search", "a", "--limit", "3")) == 3
    assert demo.json("search", "zzzzqqq") == []
    code, out, _ = demo("search", "zzzzqqq")
    assert code == 0 and out == "Aucun résultat.\n"
    code, out, _ = demo("--lang", "en", "search", "zzzzqqq")
    assert code == 0 and out == "No match.\n"


def test_register(demo: Cli) -> None:
    first = demo.json("register", "--first-name", "Ann", "--last-name", "Lee", "--email", "ann@example.org",
                      "--organisation", "Acme", "--workshop", "Se loger", "--checkin")
    assert first["created"] is True and first["checkin"]["verdict"] == "accepted"
    assert first["attendee"]["source"] == "walk-in" and first["attendee"]["inside"] is True
    dup = demo.json("register", "--first-name", "ANN", "--last-name", "Lee", "--email", "ANN@example.org")
    assert dup["created"] is False and dup["attendee"]["id"] == first["attendee"]["id"]
    shared_email = demo.json("register", "--first-name", "Annie", "--last-name", "L", "--email", "ANN@example.org")
    assert shared_email["created"] is True  # a shared e-mail alone is not the same person
    same_name = demo.json("register", "--first-name", "ann", "--last-name", "lee", "--organisation", "acme")
    assert same_name["created"] is False and same_name["attendee"]["id"] == first["attendee"]["id"]
    assert demo.json("stats")["walk_ins"] == 2
    one_line_error(*demo("register", "--first-name", "X", "--last-name", "Y", "--email", "nope"))
    one_line_error(*demo("register", "--first-name", "X", "--last-name", "Y", "--workshop", "Unknown"))


def test_edit(demo: Cli) -> None:
    done = demo.json("edit", "PLUS20-0002", "--email", "hugo@example.org", "--organisation", "Coop Nord")
    assert done["changed"] == ["email", "organisation"]
    assert (done["attendee"]["email"], done["attendee"]["organisation"]) == ("hugo@example.org", "Coop Nord")
    assert demo.json("search", "coop nord")[0]["ticket_code"] == "PLUS20-0002"
    code, out, err = demo("edit", "PLUS20-0002", "--last-name", "Thomas-Durand", "--lang", "en")
    assert (code, out, err) == (0, "Edited: Hugo Thomas-Durand (PLUS20-0002) — last_name\n", "")
    for args, fr in [(("PLUS20-0002", "--email", "hugo@example.org"), "rien à modifier"),
                     (("PLUS20-0002",), "rien à modifier"),
                     (("PLUS20-0002", "--first-name", " "), "le prénom et le nom sont obligatoires"),
                     (("PLUS20-0002", "--workshop", "Jonglage"), "inconnu·e « Jonglage »"),
                     (("PLUS20-0002", "--category", "Nope"), "inconnu·e « Nope »"),
                     (("NOBODY-9", "--first-name", "X"), "aucun·e invité·e")]:
        assert fr in one_line_error(*demo("edit", *args)), args
    assert "nothing to change" in one_line_error(*demo("edit", "PLUS20-0002", "--lang", "en"))


def test_event_edit(demo: Cli) -> None:
    edited = demo.json("event", "edit", "--venue", "Salle B", "--capacity", "200", "--workshop", "Se loger:60",
                       "--workshop", "Jonglage:10", "--remove", "Se vêtir")
    assert (edited["venue"], edited["capacity"]) == ("Salle B", 200)
    assert edited["workshops"] == [{"name": "Se loger", "capacity": 60}, {"name": "Se nourrir", "capacity": 50},
                                   {"name": "Jonglage", "capacity": 10}]
    assert demo.json("event", "show")["venue"] == "Salle B"
    assert "rien à modifier" in one_line_error(*demo("event", "edit", "--venue", "Salle B"))
    assert "un événement a besoin d'un nom" in one_line_error(*demo("event", "edit", "--name", " "))
    assert "--capacity" in one_line_error(*demo("event", "edit", "--capacity", "many"))
    assert demo.json("event", "edit", "--capacity", "")["capacity"] is None
    assert demo.json("event", "edit", "--starts", "2026-12-01T19:00+01:00")["starts_at"] == "2026-12-01T19:00+01:00"


def test_register_full_workshop(cli: Cli) -> None:
    cli.json("event", "create", "--name", "Tiny", "--workshop", "Atelier:1")
    assert cli.json("register", "--first-name", "A", "--last-name", "B", "--workshop", "atelier")["created"]
    err = one_line_error(*cli("register", "--first-name", "C", "--last-name", "D", "--workshop", "Atelier"))
    assert "complet" in err  # the CLI speaks the kiosk's language: French by default
    assert cli.json("stats")["registered"] == 1


def test_stats_counts_people_not_scans(demo: Cli) -> None:
    before = demo.json("stats")
    assert set(before) == STATS_KEYS
    assert (before["registered"], before["checked_in"], before["inside"], before["capacity"]) == (143, 0, 0, 180)
    assert before["registered"] + before["cancelled"] == 152
    demo.json("checkin", "PLUS20-0002")
    demo.json("checkin", "NOBODY-1", expect=1)  # another code between: the next is no replay
    demo.json("checkin", "PLUS20-0002", expect=1)
    demo.json("checkin", "NOBODY-2", expect=1)
    demo.json("checkin", "PLUS20-0002", expect=1)
    after = demo.json("stats")
    assert (after["checked_in"], after["inside"]) == (1, 1)
    assert sum(w["checked_in"] for w in after["by_workshop"].values()) <= 1
    assert sum(c["checked_in"] for c in after["by_category"].values()) == 1
    code, out, err = demo("stats", "--lang", "en")
    assert code == 0 and out.startswith("registered 143  checked in 1  inside 1/180") and err == ""
    code, out, err = demo("stats")
    assert code == 0 and out.startswith("inscrits 143  entrés 1  présents 1/180") and err == ""


# --------------------------------------------------------------------------- export


def test_export_csv_and_xlsx(demo: Cli, tmp_path: Path) -> None:
    demo.json("register", "--first-name", "=cmd|' /C calc'!A0", "--last-name", "+Lee", "--organisation", "@risk")
    demo.json("checkin", "PLUS20-0002")
    out_csv = tmp_path / "out.csv"
    assert demo.json("export", str(out_csv)) == {"file": str(out_csv), "attendees": 153}
    with out_csv.open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert len(rows) == 153
    evil = next(r for r in rows if r["last_name"] == "'+Lee")
    assert evil["first_name"] == "'=cmd|' /C calc'!A0" and evil["organisation"] == "'@risk"
    assert next(r for r in rows if r["ticket_code"] == "PLUS20-0002")["inside"] == "yes"
    out_xlsx = tmp_path / "out.xlsx"
    assert demo.json("export", str(out_xlsx))["attendees"] == 153
    sheet = openpyxl.load_workbook(out_xlsx).active
    assert sheet is not None
    values = [[c.value for c in row] for row in sheet.iter_rows()]
    assert len(values) == 154
    assert next(v for v in values if "'+Lee" in v)[2:4] == ["'=cmd|' /C calc'!A0", "'+Lee"]
    assert not any(c.data_type == "f" for row in sheet.iter_rows() for c in row)
    one_line_error(*demo("export", str(tmp_path / "out.pdf")))


# --------------------------------------------------------------------------- keys, signed tickets


def test_keys_and_ticket_code(demo: Cli, data_dir: Path) -> None:
    assert demo.json("keys", "show") == []
    made = demo.json("keys", "init")
    private, public = Path(made["private_key"]), Path(made["public_key"])
    assert private.parent == public.parent == data_dir / "keys"
    assert stat.S_IMODE(private.stat().st_mode) == 0o600
    shown = demo.json("keys", "show")
    assert [k["fingerprint"] for k in shown] == [made["fingerprint"]]
    assert shown[0]["pem"] == public.read_text()
    one_line_error(*demo("keys", "init"))  # no silent overwrite
    ticket = demo.json("ticket-code", "PLUS20-0002")
    payload = ticket["payload"]
    assert payload.startswith("K1.") and len(payload) < 220
    code, out, _ = demo("ticket-code", "PLUS20-0002")
    assert code == 0 and out.strip() == payload  # deterministic signature, bare payload for scripts
    result = demo.json("checkin", payload)
    assert result["verdict"] == "accepted" and result["attendee"]["id"] == ticket["attendee_id"]
    tampered = payload[:50] + ("A" if payload[50] != "A" else "B") + payload[51:]
    assert demo.json("checkin", tampered, "--device", "door-2", expect=1)["verdict"] == "invalid"
    one_line_error(*demo("ticket-code", "NOBODY"))


def test_keys_init_into_another_folder(demo: Cli, tmp_path: Path) -> None:
    made = demo.json("keys", "init", "--dir", str(tmp_path / "organiser"))
    assert Path(made["private_key"]).parent == tmp_path / "organiser"
    assert demo.json("keys", "show") == []  # the kiosk only trusts its own keys folder
    payload = demo.json("ticket-code", "PLUS20-0002", "--key-dir", str(tmp_path / "organiser"))["payload"]
    assert demo.json("checkin", payload, expect=1)["verdict"] == "invalid"  # public key not installed


def test_no_sub_command_means_the_window() -> None:
    from kiosk.cli.main import with_default_command

    assert with_default_command([]) == ["gui"]
    assert with_default_command(["--camera", "1"]) == ["gui", "--camera", "1"]
    assert with_default_command(["--data-dir", "/d", "--screenshot", "a.png"]) == [
        "--data-dir", "/d", "gui", "--screenshot", "a.png"]
    assert with_default_command(["--data-dir=/d"]) == ["--data-dir=/d", "gui"]
    assert with_default_command(["stats", "--json"]) == ["stats", "--json"]
    assert with_default_command(["--help"]) == ["--help"]
    assert with_default_command(["--lang", "en", "stats"]) == ["--lang", "en", "stats"]


@pytest.mark.parametrize(
    ("argv", "command", "lang"),
    [(["--lang", "en"], "gui", "en"), (["--lang", "en", "gui"], "gui", "en"), (["gui", "--lang", "en"], "gui", "en"),
     (["--lang", "en", "stats"], "stats", "en"), (["stats", "--lang", "fr"], "stats", "fr"),
     (["event", "show", "--lang", "en"], "event", "en"), (["stats"], "stats", None)],
)
def test_lang_before_or_after_the_command(argv: list[str], command: str, lang: str | None) -> None:
    """`kiosk --lang en` still opens the window in English (make run ARGS="--lang en")."""
    from kiosk.cli.main import parse_args

    args = parse_args(argv)
    assert (args.command, args.lang) == (command, lang)


def test_refusals_are_worded_in_the_kiosks_language(demo: Cli) -> None:
    """The service refuses with data (a key and values); the CLI picks the words."""
    french = one_line_error(*demo("register", "--first-name", "X", "--last-name", "Y", "--email", "nope"))
    english = one_line_error(*demo("register", "--first-name", "X", "--last-name", "Y", "--email", "nope",
                                   "--lang", "en"))
    assert "n'est pas une adresse e-mail" in french and "is not an email address" in english
