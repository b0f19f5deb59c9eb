"""`kiosk purge`, `--retention` and the automatic purge, as real processes on a real data dir: the report
before and after, and a byte search of the database files for what was erased."""

from __future__ import annotations

import json
import shutil
import sqlite3
import subprocess
from pathlib import Path

import pytest

from kiosk.domain.demo import demo_attendees, demo_event
from tests.helpers.process import run_kiosk

NAME, SURNAME, EMAIL = "Zéphyrine", "Quatremerveille", "zephyrine.quatremerveille@example.net"
STAFF, REASON = "Barnabé Tournesolier", "badge oublié chez Quatremerveille"
IMPORTED = ("Zéphyrine", "Imparfaite-Lointaine", "zephyrine.imparfaite@example.org")
AFTER_RETENTION = "2027-03-15 12:00:00"  # the demo is on 2026-11-30: three months later it must be gone


def kiosk(data: Path, *args: str, at: str | None = None) -> subprocess.CompletedProcess[str]:
    """`kiosk ARGS` at door-purge; at the date ``at`` (faketime) when given."""
    return run_kiosk(data, *args, device="door-purge", faketime=(at,) if at else (), timeout=180)

def ok(data: Path, *args: str, at: str | None = None) -> str:
    done = kiosk(data, *args, at=at)
    assert done.returncode == 0, (args, done.stdout, done.stderr)
    return done.stdout


def files_holding(data: Path, *texts: str) -> list[str]:
    """Every file of the data dir (database and WAL included) in which one of ``texts`` appears."""
    found = []
    for path in sorted(p for p in data.rglob("*") if p.is_file()):
        raw = path.read_bytes()
        if any(t.encode() in raw for t in texts):
            found.append(path.name)
    return found


def report(data: Path, at: str | None = None) -> dict[str, object]:
    payload: dict[str, object] = json.loads(ok(data, "report", "--json", at=at))
    payload.pop("made_at")
    return payload


@pytest.fixture
def evening(tmp_path: Path) -> Path:
    """The demo with check-ins, an exit, an override and a walk-in whose name and e-mail we look for."""
    data = tmp_path / "data"
    ok(data, "demo")
    for code in ("PLUS20-0001", "PLUS20-0002", "PLUS20-0003", "PLUS20-0005"):
        ok(data, "checkin", code)
    ok(data, "checkin", "PLUS20-0002", "--exit", "--device", "door-2")
    ok(data, "register", "--first-name", NAME, "--last-name", SURNAME, "--email", EMAIL, "--organisation",
       "Coopérative Quatremerveille", "--checkin")
    ok(data, "override", "PLUS20-0007", "--reason", REASON, "--staff", STAFF)
    export = tmp_path / "plateforme.csv"  # a late registration imported from the platform's export
    export.write_text(f"Code;Prénom;Nom;E-mail\r\nLATE-0001;{IMPORTED[0]};{IMPORTED[1]};{IMPORTED[2]}\r\n",
                      encoding="utf-8")
    ok(data, "import", str(export))
    export.unlink()
    return data


def test_purge_keeps_the_report_and_leaves_no_name_in_any_file(evening: Path, tmp_path: Path) -> None:
    export = tmp_path / "export.csv"
    ok(evening, "export", str(export))
    before = report(evening)
    assert files_holding(evening, SURNAME, EMAIL, STAFF)  # the search finds them while they are there
    assert files_holding(evening, IMPORTED[1])
    assert export.exists()

    out = json.loads(ok(evening, "purge", "--now", "--json"))
    [done] = out["purged"]
    assert done["guests"] == 154 and done["scans"] == 7 and done["files_deleted"] == 1
    assert done["database_bytes_after"] <= done["database_bytes_before"]

    assert report(evening) == before  # figure by figure
    demo_guest = demo_attendees(demo_event())[0]
    assert demo_guest.email and files_holding(evening, demo_guest.email) == []
    assert files_holding(evening, SURNAME, EMAIL, STAFF, REASON, "PLUS20-0001", "Quatremerveille") == []
    # an imported guest's record of what the import brought (kept for re-imports) goes too
    assert files_holding(evening, *IMPORTED, "LATE-0001") == []
    assert not export.exists()
    assert (evening / "kiosk.db-wal").stat().st_size == 0 if (evening / "kiosk.db-wal").exists() else True
    assert SURNAME not in ok(evening, "search", SURNAME, "--json")

    again = json.loads(ok(evening, "purge", "--now", "--json"))  # idempotent: same record, nothing new
    assert again["purged"][0]["purged_at"] == done["purged_at"] and report(evening) == before


def test_dry_run_says_what_goes_and_stays_and_writes_nothing(evening: Path) -> None:
    ok(evening, "checkin", "PLUS20-0009")  # a change after any export: the dry run warns
    db = evening / "kiosk.db"
    ok(evening, "stats")  # let the commands' own checkpoints settle before taking the fingerprint
    stamp = {p.name: p.read_bytes() for p in evening.iterdir() if p.is_file()}
    human = kiosk(evening, "purge", "--now", "--dry-run")
    assert human.returncode == 0 and "Essai : rien n'a été effacé." in human.stdout
    assert "154 invités" in human.stdout and "aucun export" in human.stdout
    english = json.loads(ok(evening, "purge", "--now", "--dry-run", "--json", "--lang", "en"))
    [plan] = english["events"]
    assert english["dry_run"] and plan["guests"] == 154 and plan["scans"] == 8 and plan["export_stale"]
    assert plan["database_bytes"] > 0 and plan["last_export"] is None
    assert {p.name: p.read_bytes() for p in evening.iterdir() if p.is_file()} == stamp
    assert files_holding(evening, SURNAME, EMAIL)
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT count(*) FROM event_purges").fetchone()[0] == 0


def test_without_now_nothing_is_purged_before_the_retention(evening: Path) -> None:
    out = kiosk(evening, "purge")
    assert out.returncode == 0 and "Rien à effacer" in out.stdout
    assert files_holding(evening, SURNAME, EMAIL)


@pytest.mark.skipif(shutil.which("faketime") is None, reason="needs faketime")
def test_a_kiosk_purges_by_itself_at_its_next_start_once_the_retention_passed(evening: Path) -> None:
    before = report(evening)
    started = kiosk(evening, "stats", at=AFTER_RETENTION)
    assert started.returncode == 0, started.stderr
    assert "Conservation écoulée" in started.stderr and "#Plus20" in started.stderr
    assert files_holding(evening, SURNAME, EMAIL, STAFF) == []
    assert report(evening, at=AFTER_RETENTION) == before
    later = kiosk(evening, "stats", at=AFTER_RETENTION)  # said once
    assert later.returncode == 0 and "Conservation écoulée" not in later.stderr


@pytest.mark.skipif(shutil.which("faketime") is None, reason="needs faketime")
def test_a_longer_retention_is_kept_and_the_notice_states_it(evening: Path) -> None:
    shown = json.loads(ok(evening, "event", "edit", "--retention", "12M", "--json"))
    assert shown["retention"] == "12m"
    started = kiosk(evening, "stats", at=AFTER_RETENTION)
    assert started.returncode == 0 and "Conservation écoulée" not in started.stderr
    assert files_holding(evening, SURNAME)
    from kiosk.domain import demo, retention

    assert "effacées 12 mois après" in retention.notice(demo.PRIVACY_NOTICE, "12m")


@pytest.mark.parametrize("bad", ["3", "90 days", "0d", "-2w", "3y", "99999m", "d"])
def test_bad_retention_periods_are_refused_clearly(tmp_path: Path, bad: str) -> None:
    made = kiosk(tmp_path / "data", "event", "create", "--name", "Soirée", f"--retention={bad}")
    assert made.returncode == 2 and "--retention" in made.stderr and "Traceback" not in made.stderr
    assert made.stderr.count("\n") == 1


def test_retention_accepted_forms_are_stored(tmp_path: Path) -> None:
    for given, stored in (("90d", "90d"), ("12w", "12w"), (" 3m ", "3m")):
        made = json.loads(ok(tmp_path / given.strip(), "event", "create", "--name", "Soirée", "--retention", given,
                             "--json"))
        assert made["retention"] == stored


def test_leave_refuses_while_scans_are_unsent_and_erases_everything_with_force(evening: Path) -> None:
    ok(evening, "keys", "init")
    assert any((evening / "keys").iterdir())
    ok(evening, "event", "create", "--name", "Soirée des voisins")
    ok(evening, "register", "--first-name", NAME, "--last-name", SURNAME, "--email", EMAIL, "--checkin")
    refused = kiosk(evening, "leave")
    assert refused.returncode == 1 and "1 passages" in refused.stderr and "--force" in refused.stderr
    assert files_holding(evening, SURNAME, EMAIL)
    english = kiosk(evening, "leave", "--lang", "en")
    assert english.returncode == 1 and "have not reached the hub" in english.stderr

    left = json.loads(ok(evening, "leave", "--force", "--json"))
    assert left["unsent_lost"] == 1 and left["event"] == "Soirée des voisins"
    assert left["active"] == demo_event().id
    listed = json.loads(ok(evening, "event", "list", "--json"))
    assert "Soirée des voisins" not in [e["name"] for e in listed]
    assert not (evening / "keys").exists() or not any((evening / "keys").iterdir())
    # the demo is still there with its own (fictitious) guests, and the other event's names are gone
    assert json.loads(ok(evening, "stats", "--json"))["registered"] > 100
    with sqlite3.connect(evening / "kiosk.db") as conn:
        assert conn.execute("SELECT count(*) FROM scans WHERE event_id NOT IN (SELECT id FROM events)"
                            ).fetchone()[0] == 0


def test_the_scan_log_stays_immutable_outside_a_purge(evening: Path) -> None:
    with sqlite3.connect(evening / "kiosk.db") as conn:
        for sql in ("UPDATE scans SET staff = NULL, reason = NULL, code = ''",
                    "UPDATE scans SET reason = 'changed'", "DELETE FROM scans"):
            with pytest.raises(sqlite3.IntegrityError):
                conn.execute(sql)
    ok(evening, "purge", "--now")
    with sqlite3.connect(evening / "kiosk.db") as conn:  # purged: still nothing else may change
        for sql in ("UPDATE scans SET reason = 'changed'", "UPDATE scans SET kind = 'exit'",
                    "UPDATE scans SET device_time = '2030-01-01T00:00:00.000Z'", "DELETE FROM scans"):
            with pytest.raises(sqlite3.IntegrityError):
                conn.execute(sql)
