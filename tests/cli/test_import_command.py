"""`kiosk import`: summary with line numbers, idempotence, --dry-run, --prune, refusals that change nothing."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from pathlib import Path

import openpyxl
import pytest

from kiosk.cli.main import main

HEADER = "Billet;Prénom;Nom;Email;Structure;Atelier;Statut"
GOOD = [
    "T-001;Hélène;Dupont;helene@example.org;La Ruche;Se loger;Validé",
    "T-002;Jean;Martin;jean@example.org;;;Validé",
    ";;;;;;",  # blank separator row: ignored, not reported
    "T-003;;;orphan@example.org;;;Validé",  # no name: skipped with its line number
    "T-004;Zoé;Nguyễn;zoe@example.org;<script>alert(1)</script>;;Remboursé",
    "T-005;Bobby;\"'; DROP TABLE attendees; --\";bobby@example.org;;;Validé",
]


def write(path: Path, lines: list[str], header: str = HEADER) -> Path:
    path.write_text("\n".join([header, *lines]) + "\n", encoding="utf-8")
    return path


def run(capsys: pytest.CaptureFixture[str], data_dir: Path, *args: str, lang: str = "en") -> tuple[int, str, str]:
    """`kiosk ARGS` in ``lang``: this file checks the English wording (tests/cli/test_import_messages.py
    checks the French one)."""
    capsys.readouterr()
    try:
        code = main(["--data-dir", str(data_dir), "--lang", lang, *args])
    except SystemExit as exc:
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


def checksum(db: Path) -> str:
    conn = sqlite3.connect(db)
    try:
        return hashlib.sha256("\n".join(conn.iterdump()).encode()).hexdigest()
    finally:
        conn.close()


@pytest.fixture
def event(capsys: pytest.CaptureFixture[str], data_dir: Path) -> Path:
    code, _, err = run(capsys, data_dir, "event", "create", "--name", "Forum", "--workshop", "Se loger:40")
    assert code == 0, err
    return data_dir


def imported(capsys: pytest.CaptureFixture[str], data_dir: Path, path: Path, *extra: str) -> dict[str, object]:
    code, out, err = run(capsys, data_dir, "import", str(path), "--json", *extra)
    assert (code, err) == (0, ""), err
    result: dict[str, object] = json.loads(out)
    return result


def test_import_summary_and_reimport(capsys: pytest.CaptureFixture[str], event: Path, tmp_path: Path) -> None:
    path = write(tmp_path / "helloasso.csv", GOOD)
    first = imported(capsys, event, path)
    assert {k: first[k] for k in ("added", "updated", "unchanged", "cancelled")} == {
        "added": 4, "updated": 0, "unchanged": 0, "cancelled": 1}  # Zoé's "Remboursé"
    assert first["skipped"] == [{"line": 5, "reason": "no name", "key": "no_name"}] and first["missing"] == []
    assert first["dry_run"] is False and first["mapping"]["ticket_code"] == "Billet"  # type: ignore[index]
    # Check someone in, then import the same file again: nothing changes, the check-in stays.
    code, _, _ = run(capsys, event, "checkin", "T-001")
    assert code == 0
    again = imported(capsys, event, path)
    assert {k: again[k] for k in ("added", "updated", "unchanged", "cancelled")} == {
        "added": 0, "updated": 0, "unchanged": 4, "cancelled": 1}
    code, out, _ = run(capsys, event, "stats", "--json")
    assert json.loads(out)["checked_in"] == 1
    # Human summary: one line with the counts, then the skipped lines.
    code, out, err = run(capsys, event, "import", str(path))
    assert code == 0 and err == ""
    assert out.splitlines()[0] == "helloasso.csv: added 0, updated 0, unchanged 4, cancelled 1, skipped 1"
    assert out.splitlines()[1] == "  rows matched by ticket code, then name + e-mail (4 on ticket code)"
    assert "line 5: skipped — no name" in out


def test_values_kept_verbatim(capsys: pytest.CaptureFixture[str], event: Path, tmp_path: Path) -> None:
    imported(capsys, event, write(tmp_path / "a.csv", GOOD))
    code, out, _ = run(capsys, event, "search", "bobby", "--json")
    assert json.loads(out)[0]["last_name"] == "'; DROP TABLE attendees; --"
    code, out, _ = run(capsys, event, "search", "zoe", "--json")
    assert code == 0 and json.loads(out)[0]["organisation"] == "<script>alert(1)</script>"
    conn = sqlite3.connect(event / "kiosk.db")
    assert conn.execute("SELECT count(*) FROM attendees").fetchone()[0] == 4
    conn.close()


def test_changed_name_missing_and_prune(capsys: pytest.CaptureFixture[str], event: Path, tmp_path: Path) -> None:
    imported(capsys, event, write(tmp_path / "a.csv", GOOD))
    changed = [GOOD[0].replace("Dupont", "Dupont-Moreau"), *GOOD[2:]]  # T-002 gone
    path = write(tmp_path / "b.csv", changed)
    report = imported(capsys, event, path)
    assert (report["added"], report["updated"], report["unchanged"]) == (0, 1, 2)
    assert report["missing"] == [{"id": report["missing"][0]["id"], "ticket_code": "T-002",  # type: ignore[index]
                                  "name": "Jean Martin"}]
    code, out, _ = run(capsys, event, "import", str(path))
    assert "1 imported attendee(s) are not in this file" in out and "T-002  Jean Martin" in out
    pruned = imported(capsys, event, path, "--prune")
    assert (pruned["pruned"], pruned["missing"]) == (1, [])
    code, out, _ = run(capsys, event, "checkin", "T-002", "--json")
    assert code == 1 and json.loads(out)["verdict"] == "cancelled"


def test_dry_run_writes_nothing(capsys: pytest.CaptureFixture[str], event: Path, tmp_path: Path) -> None:
    before = checksum(event / "kiosk.db")
    report = imported(capsys, event, write(tmp_path / "a.csv", GOOD), "--dry-run")
    assert report["dry_run"] is True and report["added"] == 4
    assert checksum(event / "kiosk.db") == before
    code, out, _ = run(capsys, event, "import", str(tmp_path / "a.csv"), "--dry-run")
    assert code == 0 and out.startswith("Dry run — nothing written.")


def test_xlsx_import(capsys: pytest.CaptureFixture[str], event: Path, tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    for line in [HEADER, *GOOD]:
        sheet.append(line.split(";"))
    book.save(tmp_path / "export.xlsx")
    report = imported(capsys, event, tmp_path / "export.xlsx")
    assert report["added"] == 4 and report["skipped"] == [{"line": 5, "reason": "no name", "key": "no_name"}]


def test_map_option(capsys: pytest.CaptureFixture[str], event: Path, tmp_path: Path) -> None:
    path = write(tmp_path / "odd.csv", ["Ann;Lee;X-1", "Bob;Ray;X-2"], header="Given;Family;Ref")
    report = imported(capsys, event, path, "--map", "Given=first_name", "--map", "Family=last_name",
                      "--map", "Ref=ticket_code")
    assert report["added"] == 2
    code, out, err = run(capsys, event, "import", str(path), "--map", "nonsense")
    assert code == 2 and out == "" and err.count("\n") == 1


BAD = {
    "binary": b"\x7fELF\x02\x01\x01\x00" + bytes(range(256)) * 8,
    "empty": b"",
    "no-name-column": b"Couleur;Taille;Prix\nrouge;M;12\n",
    "duplicate-codes": (HEADER + "\nT-1;Ann;Lee;;;;\nT-2;Bob;Ray;;;;\nT-1;Cy;Doe;;;;\n").encode(),
    "5000-char-name": (HEADER + "\nT-1;Ann;Lee;;;;\nT-2;" + "N" * 5000 + ";Ray;;;;\n").encode(),
    "normalised-duplicate": (HEADER + "\nA1;Ann;Lee;;;;\nＡ1;Bob;Ray;;;;\n").encode(),
    "utf16-garbage": b"\xff\xfe" + bytes([0xD8, 0x00]) * 300,
}


@pytest.mark.parametrize("name", list(BAD))
def test_bad_input_one_line_exit_2_nothing_changed(capsys: pytest.CaptureFixture[str], event: Path,
                                                   tmp_path: Path, name: str) -> None:
    imported(capsys, event, write(tmp_path / "good.csv", GOOD))
    before = checksum(event / "kiosk.db")
    bad = tmp_path / f"{name}.csv"
    bad.write_bytes(BAD[name])
    for extra in ((), ("--json",), ("--prune",)):
        code, out, err = run(capsys, event, "import", str(bad), *extra)
        assert (code, out) == (2, ""), err
        assert err.startswith("kiosk: ") and err.count("\n") == 1 and "Traceback" not in err, err
        assert len(err) < 400
    assert checksum(event / "kiosk.db") == before


def test_missing_file(capsys: pytest.CaptureFixture[str], event: Path, tmp_path: Path) -> None:
    code, out, err = run(capsys, event, "import", str(tmp_path / "nope.csv"))
    assert (code, out) == (2, "") and "not found" in err and err.count("\n") == 1


def test_encoding_warnings_on_stderr_and_in_json(capsys: pytest.CaptureFixture[str], event: Path,
                                                 tmp_path: Path) -> None:
    path = tmp_path / "pasted.csv"
    rows = "".join(f"T-{i};Hélène{i};Dupont;;;;\n" for i in range(10))
    path.write_bytes((HEADER + "\n" + rows).encode() + b"T-99;Zo\xe9;Martin;;;;\n")
    code, out, err = run(capsys, event, "import", str(path), "--json")
    assert code == 0
    assert json.loads(out)["warnings"] == [
        {"line": 12, "message": "Windows-1252 text in a UTF-8 file, read as Windows-1252", "key": "cp1252_in_utf8"}]
    assert err == "kiosk: pasted.csv line 12: Windows-1252 text in a UTF-8 file, read as Windows-1252\n"
    code, out, _ = run(capsys, event, "search", "zoe", "--json")
    assert json.loads(out)[0]["first_name"] == "Zoé"


def test_prune_guard_force_and_sheet_options(capsys: pytest.CaptureFixture[str], event: Path,
                                             tmp_path: Path) -> None:
    imported(capsys, event, write(tmp_path / "a.csv", GOOD))
    one = write(tmp_path / "one.csv", GOOD[:1])
    code, out, err = run(capsys, event, "import", str(one), "--prune")
    assert (code, out) == (2, "") and "more than half" in err and err.count("\n") == 1
    report = imported(capsys, event, one, "--prune", "--force")
    assert report["pruned"] == 2  # Jean and Bobby; Zoé was already cancelled
    code, out, err = run(capsys, event, "import", str(one), "--sheet", "Orders")
    assert (code, out) == (2, "") and "--sheet is only for workbooks" in err


@pytest.mark.timeout(30)
def test_fifo_refused_in_one_line(capsys: pytest.CaptureFixture[str], event: Path, tmp_path: Path) -> None:
    import os

    fifo = tmp_path / "export.csv"
    os.mkfifo(fifo)
    code, out, err = run(capsys, event, "import", str(fifo))
    assert (code, out) == (2, "") and "not a regular file" in err and err.count("\n") == 1
