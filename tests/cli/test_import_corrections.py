"""`kiosk import` after `kiosk edit`: the door's correction stands, the summary names the fields changed
per guest and the corrections kept or replaced (French first, --lang en, --json), --overwrite forces the
file; a ticket-code column whose codes repeat is refused (exit 2, nothing written)."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from tests.helpers.cli import Run, in_process

HEADER = "Billet;Prénom;Nom;Email;Structure;Atelier"
ROWS = ["T-1;Camille;Moreau;camille@example.org;Ruche Marseille;Se loger",
        "T-2;Jean;Martin;jean@example.org;Inter-Made;Se nourrir",
        "T-3;Zoé;Nguyen;zoe@example.org;;Se loger"]


def write(path: Path, rows: list[str]) -> Path:
    path.write_text("\n".join([HEADER, *rows]) + "\n", encoding="utf-8")
    return path


@pytest.fixture
def run(capsys: pytest.CaptureFixture[str], data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> Run:
    kiosk = in_process(capsys, data_dir, monkeypatch)
    code, _out, err = kiosk("event", "create", "--name", "Forum", "--workshop", "Se loger", "--workshop", "Se nourrir")
    assert code == 0, err
    return kiosk


def test_a_re_import_after_an_edit_keeps_it_and_says_so(run: Run, tmp_path: Path) -> None:
    export = write(tmp_path / "inscrits.csv", ROWS)
    assert run("import", str(export))[0] == 0
    code, _out, err = run("edit", "T-1", "--organisation", "La Ruche")
    assert code == 0, err

    code, out, err = run("import", str(export))

    assert code == 0 and err == ""
    assert out.splitlines() == [
        "inscrits.csv : ajoutés 0, mis à jour 0, inchangés 3, annulés 0, ignorés 0",
        "  lignes reconnues par code de billet, puis nom + e-mail (3 par code de billet)",
        "  code de billet lu dans la colonne « Billet »",
        "  correction du poste gardée : Camille Moreau — organisation « La Ruche » (fichier : « Ruche Marseille »)",
        "  (import --overwrite impose les valeurs du fichier à la place des corrections)"]
    code, out, _err = run("search", "Moreau", "--json")
    assert json.loads(out)[0]["organisation"] == "La Ruche"


def test_the_platform_changing_the_value_replaces_the_correction_and_names_the_fields(
        run: Run, tmp_path: Path) -> None:
    assert run("import", str(write(tmp_path / "v1.csv", ROWS)))[0] == 0
    assert run("edit", "T-1", "--organisation", "La Ruche")[0] == 0
    assert run("edit", "T-2", "--first-name", "Jean-Pierre")[0] == 0
    v2 = write(tmp_path / "v2.csv", [
        "T-1;Camille;Moreau;camille@example.org;La Ruche Marseille;Se nourrir",  # organisation and workshop
        "T-2;Jean;Martin;jean@example.org;Inter-Made;Se loger",  # the workshop; the name is still the old one
        ROWS[2]])

    code, out, _err = run("import", str(v2), "--lang", "en")

    assert code == 0
    assert out.splitlines()[0] == "v2.csv: added 0, updated 2, unchanged 1, cancelled 0, skipped 0"
    assert out.splitlines()[3:] == [
        "  fields changed:",
        "    Camille Moreau: organisation, workshop",
        "    Jean-Pierre Martin: workshop",
        "  door correction kept: Jean-Pierre Martin — first name 'Jean-Pierre' (file: 'Jean')",
        "  door correction replaced by the file: Camille Moreau — organisation 'La Ruche' → 'La Ruche Marseille'",
        "  (import --overwrite puts the file's values in place of the corrections)"]

    code, out, _err = run("import", str(v2), "--json")
    report = json.loads(out)
    assert (report["updated"], report["changed"], report["corrections_replaced"]) == (0, [], [])
    assert [(c["ticket_code"], c["name"], c["field"], c["current"], c["file"]) for c in report["corrections_kept"]] \
        == [("T-2", "Jean-Pierre Martin", "first_name", "Jean-Pierre", "Jean")]


def test_overwrite_forces_the_files_values(run: Run, tmp_path: Path) -> None:
    export = write(tmp_path / "inscrits.csv", ROWS)
    assert run("import", str(export))[0] == 0
    assert run("edit", "T-3", "--organisation", "Collectif Zoé", "--workshop", "Se nourrir")[0] == 0

    code, out, _err = run("import", str(export), "--overwrite")

    assert code == 0
    assert out.splitlines()[3:] == [
        "  champs modifiés :",
        "    Zoé Nguyen : organisation, atelier",
        "  correction du poste remplacée par le fichier : Zoé Nguyen — organisation « Collectif Zoé » → (vide)",
        "  correction du poste remplacée par le fichier : Zoé Nguyen — atelier « Se nourrir » → « Se loger »"]
    _code, out, _err = run("search", "Nguyen", "--json")
    assert (json.loads(out)[0]["organisation"], json.loads(out)[0]["workshop"]) == (None, "Se loger")
    _code, out, _err = run("import", str(export), "--json")  # and now the file's values stand
    assert json.loads(out)["corrections_kept"] == []


def test_long_lists_stop_at_fifteen_and_count_the_rest(run: Run, tmp_path: Path) -> None:
    rows = [f"L-{i:02d};Prénom{i:02d};Nom;p{i}@example.org;Org A;Se loger" for i in range(20)]
    assert run("import", str(write(tmp_path / "v1.csv", rows)))[0] == 0
    for i in range(20):
        assert run("edit", f"L-{i:02d}", "--organisation", f"Org corrigée {i:02d}")[0] == 0
    v2 = write(tmp_path / "v2.csv", [r.replace("Se loger", "Se nourrir") for r in rows])

    code, out, _err = run("import", str(v2))

    lines = out.splitlines()
    assert code == 0 and lines[0].startswith("v2.csv : ajoutés 0, mis à jour 20,")
    assert lines[3:5] == ["  champs modifiés :", "    Prénom00 Nom : atelier"]
    assert lines[18:21] == ["    Prénom14 Nom : atelier", "    … et 5 de plus",
                            "  correction du poste gardée : Prénom00 Nom — organisation « Org corrigée 00 » "
                            "(fichier : « Org A »)"]
    assert lines[35:] == ["  … et 5 de plus",
                          "  (import --overwrite impose les valeurs du fichier à la place des corrections)"]
    assert len(json.loads(run("import", str(v2), "--json")[1])["corrections_kept"]) == 20  # JSON: all of them


def test_a_repeated_barcode_is_refused_and_nothing_is_written(run: Run, data_dir: Path, tmp_path: Path) -> None:
    export = tmp_path / "weezevent.csv"
    export.write_text(
        "Code-barre;Nom;Prénom;E-mail;Tarif;Date d'achat;Statut;Société;ID commande\n"
        "WZ00000001;Dupont;Hélène;helene@example.org;Plein tarif;2026-11-20;Valide;La Ruche;1\n"
        "WZ00000001;Dupont;Jean;jean@example.org;Plein tarif;2026-11-20;Valide;La Ruche;1\n"
        "WZ00000001;Dupont;Zoé;zoe@example.org;Enfant;2026-11-20;Valide;La Ruche;1\n"
        "WZ00000004;Benali;Karim;karim@example.org;Plein tarif;2026-11-21;Valide;;2\n", encoding="utf-8-sig")

    code, out, err = run("import", str(export))

    assert (code, out) == (2, "")
    assert err == ("kiosk: weezevent.csv : la colonne « Code-barre » donne les codes de billet, mais des codes y "
                   "reviennent pour plusieurs personnes : « WZ00000001 » (lignes 2, 3, 4) ; chaque invité·e doit "
                   "avoir le sien (si c'est une référence de commande, ignorez la colonne : "
                   "--map \"Code-barre=ignore\")\n")
    conn = sqlite3.connect(data_dir / "kiosk.db")
    assert conn.execute("SELECT count(*) FROM attendees").fetchone()[0] == 0
    conn.close()
    code, _out, err = run("import", str(export), "--lang", "en")
    assert code == 2 and "'WZ00000001' (lines 2, 3, 4)" in err
