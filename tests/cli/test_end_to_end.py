"""A few commands as real processes (`python main.py ...`), and headless commands stay light."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from tests.helpers.process import run_kiosk

ROOT = Path(__file__).resolve().parents[2]


def kiosk(data_dir: Path, *args: str | bytes) -> subprocess.CompletedProcess[str]:
    return run_kiosk(data_dir, *args, device="door-e2e", timeout=60)

def test_door_session(tmp_path: Path) -> None:
    data = tmp_path / "data"
    demo = kiosk(data, "demo", "--json")
    assert demo.returncode == 0 and demo.stderr == ""
    assert json.loads(demo.stdout)["capacity"] == 180
    ok = kiosk(data, "checkin", "PLUS20-0002", "--json")
    assert (ok.returncode, ok.stderr) == (0, "")
    accepted = json.loads(ok.stdout)
    assert accepted["verdict"] == "accepted" and accepted["first_entry_device"] == "door-e2e"
    assert kiosk(data, "checkin", "NOBODY-1").returncode == 1  # another code: the next is no replay
    again = kiosk(data, "checkin", "PLUS20-0002", "--device", "door-2", "--json")  # renamed: same device
    assert again.returncode == 1 and json.loads(again.stdout)["verdict"] == "already_checked_in"
    assert json.loads(again.stdout)["first_entry_device"] == "door-2"
    # Undecodable bytes from the shell: a refusal, not a crash.
    garbage = kiosk(data, "checkin", b"\xff\xfe\xc3(", "--json")
    assert garbage.returncode == 1 and json.loads(garbage.stdout)["verdict"] == "invalid"
    undo = kiosk(data, "undo", "--device", "door-e2e", "--json")
    assert undo.returncode == 0 and json.loads(undo.stdout)["undone"]["scan_id"] == accepted["scan_id"]
    stats = kiosk(data, "stats", "--json")
    assert stats.returncode == 0 and json.loads(stats.stdout)["checked_in"] == 0


def test_bad_import_is_one_line_without_traceback(tmp_path: Path) -> None:
    data = tmp_path / "data"
    assert kiosk(data, "demo").returncode == 0
    bad = tmp_path / "photo.csv"
    bad.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 16)
    result = kiosk(data, "import", str(bad), "--json")
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr.count("\n") == 1 and result.stderr.startswith("kiosk: ") and "Traceback" not in result.stderr


def test_usage_error_exit_2(tmp_path: Path) -> None:
    result = kiosk(tmp_path / "data", "--lang", "fr", "checkin")
    assert result.returncode == 2 and result.stdout == "" and "utilisation :" in result.stderr
    result = kiosk(tmp_path / "data", "--lang", "en", "checkin")
    assert result.returncode == 2 and result.stdout == "" and "usage:" in result.stderr


def test_newer_database_refused_clearly(tmp_path: Path) -> None:
    import sqlite3

    data = tmp_path / "data"
    assert kiosk(data, "demo").returncode == 0
    conn = sqlite3.connect(data / "kiosk.db")
    conn.execute("PRAGMA user_version = 999")
    conn.commit()
    conn.close()
    for lang, words in (("en", "comes from a newer kiosk (schema v999"), ("fr", "version plus récente de kiosk")):
        result = kiosk(data, "--lang", lang, "stats")
        assert result.returncode == 2 and result.stdout == ""
        assert words in result.stderr and result.stderr.count("\n") == 1, result.stderr


def test_headless_commands_do_not_import_qt_opencv_or_reportlab(tmp_path: Path) -> None:
    data = tmp_path / "data"
    assert kiosk(data, "demo").returncode == 0
    script = (
        "import sys; from kiosk.cli.main import main; "
        f"main(['--data-dir', {str(data)!r}, 'stats', '--lang', 'en']); "
        "print(any(m.startswith(('PySide6', 'cv2', 'reportlab')) for m in sys.modules))"
    )
    result = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[-1] == "False"
    assert result.stdout.startswith("registered 143")
