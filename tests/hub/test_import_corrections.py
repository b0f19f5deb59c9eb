"""Corrections made at two doors survive the organiser's re-import on every kiosk (issue 25): real `kiosk`
processes (import, join, edit, sync) against a real PostgreSQL hub."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

from tests.helpers.process import run_kiosk

ROOT = Path(__file__).resolve().parents[2]
CSV = ("Ticket code,First name,Last name,Email,Company\n"
       "GALA-001,Ana,Lima,ana@example.org,Acme\n"
       "GALA-002,Bo,Chen,bo@example.org,Chen Consulting\n"
       "GALA-003,Cy,Diaz,cy@example.org,\n")
# What the doors fix: (door, code, option, value); two fields of one guest fixed at two different doors.
EDITS = [("door-1", "GALA-002", "--organisation", "Chen & Co"),
         ("door-2", "GALA-002", "--email", "bo.chen@example.org"),
         ("door-2", "GALA-003", "--first-name", "Cyrielle")]
CORRECTED = {"GALA-001": ("Ana", "ana@example.org", "Acme"),
             "GALA-002": ("Bo", "bo.chen@example.org", "Chen & Co"),
             "GALA-003": ("Cyrielle", "cy@example.org", None)}


def kiosk(data: Path, *args: str, device: str) -> subprocess.CompletedProcess[str]:
    done = run_kiosk(data, *args, device=device)
    assert done.returncode == 0, (args, done.stderr)
    return done

def guests(data: Path, device: str) -> dict[str, tuple[object, ...]]:
    found = json.loads(kiosk(data, "search", "GALA", "--json", device=device).stdout)
    return {g["ticket_code"]: (g["first_name"], g["email"], g["organisation"]) for g in found}


def test_corrections_from_two_doors_stand_on_every_kiosk_after_a_re_import(tmp_path: Path, hub: str) -> None:
    export = tmp_path / "gala.csv"
    export.write_text(CSV, encoding="utf-8")
    org, doors = tmp_path / "organiser", {name: tmp_path / name for name in ("door-1", "door-2")}
    kiosk(org, "event", "create", "--name", "Gala", device="organiser")
    kiosk(org, "import", str(export), device="organiser")
    kiosk(org, "sync", "--hub", hub, device="organiser")
    for name, data in doors.items():
        kiosk(data, "join", hub, device=name)
    for door, code, option, value in EDITS:
        kiosk(doors[door], "edit", code, option, value, device=door)
    for name, data in doors.items():
        kiosk(data, "sync", "--hub", hub, device=name)

    # Re-imported before the organiser's kiosk has pulled the corrections: nothing to write at all.
    early = json.loads(kiosk(org, "import", str(export), "--json", device="organiser").stdout)
    assert (early["updated"], early["unchanged"], early["corrections_kept"]) == (0, 3, [])
    kiosk(org, "sync", "--hub", hub, device="organiser")
    assert guests(org, "organiser") == CORRECTED

    # Re-imported after: the three corrections are kept, and said.
    report = json.loads(kiosk(org, "import", str(export), "--json", device="organiser").stdout)
    assert (report["added"], report["updated"], report["unchanged"]) == (0, 0, 3)
    assert sorted((c["ticket_code"], c["field"], c["current"], c["file"]) for c in report["corrections_kept"]) == [
        ("GALA-002", "email", "bo.chen@example.org", "bo@example.org"),
        ("GALA-002", "organisation", "Chen & Co", "Chen Consulting"),
        ("GALA-003", "first_name", "Cyrielle", "Cy")]
    human = kiosk(org, "import", str(export), device="organiser").stdout
    assert "  correction du poste gardée : Cyrielle Diaz — prénom « Cyrielle » (fichier : « Cy »)" in human

    for data, device in ((org, "organiser"), *((d, n) for n, d in doors.items()), (org, "organiser")):
        kiosk(data, "sync", "--hub", hub, device=device)
    for data, device in ((org, "organiser"), *((d, n) for n, d in doors.items())):
        assert guests(data, device) == CORRECTED, device
    late = tmp_path / "door-3"  # and the hub holds them: a door joining now gets the corrections
    kiosk(late, "join", hub, device="door-3")
    assert guests(late, "door-3") == CORRECTED

    # A door that joined (no import of its own recorded what the file brought) re-importing the export:
    # the fields edited since the guests were created are corrections, kept.
    dry = json.loads(kiosk(doors["door-1"], "import", str(export), "--dry-run", "--json", device="door-1").stdout)
    assert (dry["updated"], len(dry["corrections_kept"])) == (0, 3)

    # The platform changes Bo's organisation: the organiser's next import takes it, everywhere.
    export.write_text(CSV.replace("Chen Consulting", "Chen Consulting SAS"), encoding="utf-8")
    moved = json.loads(kiosk(org, "import", str(export), "--json", device="organiser").stdout)
    assert [(c["ticket_code"], c["field"], c["current"], c["file"]) for c in moved["corrections_replaced"]] == [
        ("GALA-002", "organisation", "Chen & Co", "Chen Consulting SAS")]
    for data, device in ((org, "organiser"), (doors["door-1"], "door-1")):
        kiosk(data, "sync", "--hub", hub, device=device)
    assert guests(doors["door-1"], "door-1")["GALA-002"] == ("Bo", "bo.chen@example.org", "Chen Consulting SAS")
