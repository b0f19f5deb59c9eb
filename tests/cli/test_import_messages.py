"""`kiosk import` speaks the kiosk's language: a refused file, the importer's own refusals, skipped rows and
encoding warnings in French with --lang fr (and by default under a French locale), in English with --lang en;
exit statuses and --json stay the same in both. Real files: a FIFO, a zip bomb, a two-sheet workbook."""

from __future__ import annotations

import errno
import json
import os
import socket
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.helpers.bad_files import two_sheets_of_names, zip_bomb_xlsx
from tests.helpers.cli import Run, in_process

HEADER = "Billet;Prénom;Nom;Email"



@pytest.fixture
def kiosk_cli(capsys: pytest.CaptureFixture[str], data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> Run:
    """`kiosk ARGS` in-process on an event with three imported guests: (exit status, stdout, stderr)."""
    run = in_process(capsys, data_dir, monkeypatch)
    assert run("event", "create", "--name", "Forum")[0] == 0
    good = data_dir.parent / "good.csv"
    good.write_text(f"{HEADER}\nT-1;Ann;Lee;\nT-2;Bob;Ray;\nT-3;Cy;Doe;\n", encoding="utf-8")
    assert run("import", str(good), "--json")[0] == 0
    return run


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def write_bytes(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


# file -> (French line, English line) on stderr, after "kiosk: "
BAD_FILES: dict[str, tuple[Callable[[Path], Path], str, str]] = {
    "no names": (
        lambda d: write(d / "couleurs.csv", "Couleur;Taille;Prix\nrouge;M;12\n"),
        "couleurs.csv : aucune colonne de prénom, de nom ou de nom complet ; "
        "les en-têtes sont : « Couleur », « Taille », « Prix »",
        "couleurs.csv: no first/last/full name column found; headers are: 'Couleur', 'Taille', 'Prix'"),
    "header only": (
        lambda d: write(d / "vide.csv", HEADER + "\n"),
        "vide.csv : le fichier a une ligne d'en-tête mais aucune inscription : rien à importer",
        "vide.csv: the file has a header row but no registrations: nothing to import"),
    "two sheets": (
        lambda d: two_sheets_of_names(d / "classeur.xlsx"),
        "classeur.xlsx : plusieurs feuilles contiennent des noms (« Inscrits », « Bénévoles ») : "
        "choisissez-en une avec --sheet NOM",
        "classeur.xlsx: several sheets hold names ('Inscrits', 'Bénévoles'): choose one with --sheet NAME"),
    "duplicate code": (
        lambda d: write(d / "doublon.csv", f"{HEADER}\nT-9;Ann;Lee;\nT-8;Bob;Ray;\nT-9;Cy;Doe;\n"),
        "doublon.csv : code de billet « T-9 » en double, lignes 2 et 4",
        "doublon.csv: duplicate ticket code 'T-9' on lines 2 and 4"),
    "same code once normalised": (  # told apart by the parser, one code for the importer ("Ａ9" is "A9")
        lambda d: write(d / "pleine-chasse.csv", f"{HEADER}\nA9;Ann;Lee;\nＡ9;Bob;Ray;\n"),
        "pleine-chasse.csv : code de billet « Ａ9 » en double, lignes 2 et 3",
        "pleine-chasse.csv: duplicate ticket code 'Ａ9' on lines 2 and 3"),
    "zip bomb": (
        zip_bomb_xlsx,
        "bomb.xlsx : le classeur ferait 408 Mo une fois décompressé (la limite est de 400 Mo) : "
        "fichier endommagé ou malveillant ; enregistrez-le en .xlsx ou en CSV",
        "bomb.xlsx: the workbook would inflate to 408 MB (the limit is 400 MB): damaged or malicious file; "
        "save it as .xlsx or CSV"),
    "pdf": (
        lambda d: write_bytes(d / "billets.pdf", b"%PDF-1.7\n" + bytes(range(256))),
        "billets.pdf : les fichiers PDF ne s'importent pas ; exportez les inscriptions en CSV ou en .xlsx",
        "billets.pdf: PDF files cannot be imported; export the registrations as CSV or .xlsx"),
}


@pytest.mark.timeout(60)
@pytest.mark.parametrize("case", list(BAD_FILES))
def test_a_refused_file_in_french_and_in_english(kiosk_cli: Run, tmp_path: Path, case: str) -> None:
    make, french, english = BAD_FILES[case]
    path = make(tmp_path)
    for lang, expected in (("fr", french), ("en", english)):
        for extra in ((), ("--json",)):
            code, out, err = kiosk_cli("import", str(path), "--lang", lang, *extra)
            assert (code, out, err) == (2, "", f"kiosk: {expected}\n")
    assert json.loads(kiosk_cli("stats", "--json")[1])["registered"] == 3  # nothing was imported


@pytest.mark.timeout(20)
def test_a_fifo_in_french_and_in_english(kiosk_cli: Run, tmp_path: Path) -> None:
    fifo = tmp_path / "export.csv"
    os.mkfifo(fifo)
    assert kiosk_cli("import", str(fifo), "--lang", "fr") == (
        2, "", f"kiosk: export.csv : {fifo} n'est pas un fichier ordinaire (un tube ou un périphérique ?) ; "
               "exportez d'abord vers un fichier\n")
    assert kiosk_cli("import", str(fifo), "--lang", "en") == (
        2, "", f"kiosk: export.csv: {fifo} is not a regular file (a pipe or a device?); export to a file first\n")


@pytest.mark.timeout(20)
def test_the_systems_own_words_for_a_file_that_cannot_be_opened_in_french(kiosk_cli: Run, tmp_path: Path) -> None:
    """A Unix socket cannot be opened as a file (ENXIO): the C library says it in English whatever the
    kiosk speaks; the sentence around it and the system's words are both French with --lang fr."""
    path = tmp_path / "export.csv"
    with socket.socket(socket.AF_UNIX) as server:
        server.bind(str(path))
        assert kiosk_cli("import", str(path), "--lang", "fr") == (
            2, "", f"kiosk: export.csv : impossible de lire {path} : périphérique absent\n")
        assert kiosk_cli("import", str(path), "--lang", "en") == (
            2, "", f"kiosk: export.csv: cannot read {path}: {os.strerror(errno.ENXIO)}\n")


def test_french_is_the_default_under_a_french_or_unknown_locale(kiosk_cli: Run, tmp_path: Path,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    missing = tmp_path / "absent.csv"
    assert kiosk_cli("import", str(missing))[2] == f"kiosk: absent.csv : fichier introuvable : {missing}\n"
    monkeypatch.setenv("LANG", "en_GB.UTF-8")
    assert kiosk_cli("import", str(missing))[2] == f"kiosk: absent.csv: file not found: {missing}\n"


def test_the_importers_own_refusals_and_a_bad_map_option(kiosk_cli: Run, tmp_path: Path) -> None:
    one = write(tmp_path / "un.csv", f"{HEADER}\nT-1;Ann;Lee;\n")
    assert kiosk_cli("import", str(one), "--prune", "--lang", "fr") == (
        2, "", "kiosk: un.csv : --prune annulerait 2 des 3 invité·e·s valides de l'événement (plus de la moitié) ; "
               "vérifiez le fichier, ou ajoutez --force\n")
    assert kiosk_cli("import", str(one), "--prune", "--lang", "en") == (
        2, "", "kiosk: un.csv: --prune would cancel 2 of the event's 3 valid guests (more than half); "
               "check the file, or add --force\n")
    code, out, err = kiosk_cli("import", str(one), "--map", "nonsense", "--lang", "fr")
    assert (code, out) == (2, "") and err.startswith(
        "kiosk: élément --map « nonsense » invalide : attendu EN-TÊTE=CHAMP, CHAMP parmi ticket_code, ")
    code, out, err = kiosk_cli("import", str(one), "--map", "nonsense", "--lang", "en")
    assert (code, out) == (2, "") and err.startswith(
        "kiosk: invalid --map item 'nonsense': expected HEADER=FIELD with FIELD one of ticket_code, ")


def test_the_summary_skipped_rows_and_warnings_in_french_json_unchanged(kiosk_cli: Run, tmp_path: Path) -> None:
    path = tmp_path / "collage.csv"
    rows = "".join(f"T-{i};Hélène{i};Dupont;\n" for i in range(1, 11))
    path.write_bytes((HEADER + "\n" + rows).encode() + b"T-99;Zo\xe9;Martin;\n;;;orphan@example.org\n")
    code, out, err = kiosk_cli("import", str(path), "--dry-run", "--lang", "fr")
    assert code == 0
    assert out.splitlines() == [
        "Essai — rien n'a été écrit. collage.csv : ajoutés 8, mis à jour 3, inchangés 0, annulés 0, ignorés 1",
        "  lignes reconnues par code de billet, puis nom + e-mail (3 par code de billet)",
        "  code de billet lu dans la colonne « Billet »",
        "  ligne 13 : ignorée — pas de nom",
        "  champs modifiés :", "    Ann Lee : prénom, nom", "    Bob Ray : prénom, nom", "    Cy Doe : prénom, nom"]
    assert err == "kiosk: collage.csv, ligne 12 : texte Windows-1252 dans un fichier UTF-8, lu comme du Windows-1252\n"
    code, out, err = kiosk_cli("import", str(path), "--dry-run", "--lang", "en")
    assert code == 0
    assert out.splitlines() == [
        "Dry run — nothing written. collage.csv: added 8, updated 3, unchanged 0, cancelled 0, skipped 1",
        "  rows matched by ticket code, then name + e-mail (3 on ticket code)",
        "  ticket code read from column 'Billet'",
        "  line 13: skipped — no name",
        "  fields changed:", "    Ann Lee: first name, last name", "    Bob Ray: first name, last name",
        "    Cy Doe: first name, last name"]
    assert err == "kiosk: collage.csv line 12: Windows-1252 text in a UTF-8 file, read as Windows-1252\n"
    # --json is the same whatever the language: English sentences, and their keys.
    reports = [json.loads(kiosk_cli("import", str(path), "--dry-run", "--json", "--lang", lang)[1])
               for lang in ("fr", "en")]
    for report in reports:
        assert report.pop("seconds").keys() == {"read", "match"}  # timings differ from run to run
    assert reports[0] == reports[1] and reports[0]["code_source"] == "Billet"
    assert reports[0]["skipped"] == [{"line": 13, "reason": "no name", "key": "no_name"}]
    assert reports[0]["warnings"] == [{"line": 12, "message": "Windows-1252 text in a UTF-8 file, read as "
                                                              "Windows-1252", "key": "cp1252_in_utf8"}]


def test_an_import_into_the_demo_says_where_the_guests_go(capsys: pytest.CaptureFixture[str], tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    """`make run` left the demo active: the import goes ahead (a try-out is fine) but says so on stderr."""
    run = in_process(capsys, tmp_path / "data", monkeypatch)
    assert run("demo")[0] == 0
    export = tmp_path / "inscriptions.csv"
    export.write_text(HEADER + "\nT-1;Zoé;Martin;zoe@example.org\n", encoding="utf-8")
    code, out, err = run("import", str(export))
    assert code == 0 and out.startswith("inscriptions.csv : ajoutés 1")
    assert err == ("kiosk: attention : l'événement actif est la démonstration #Plus20 ; les invité·es de "
                   "inscriptions.csv rejoignent ses invité·es fictif·ves, dont les codes ouvrent aussi la porte. "
                   "Pour votre événement : kiosk event create --name « … », puis importez.\n")
    code, _, err = run("import", str(export), "--lang", "en")
    assert code == 0 and err == ""  # nothing added or changed this time: nothing to warn about
    export.write_text(HEADER + "\nT-1;Zoé;Martin;zoe@example.org\nT-2;Léa;Roux;lea@example.org\n", encoding="utf-8")
    code, out, err = run("import", str(export), "--dry-run")
    assert code == 0 and err == "" and "ajoutés 1" in out  # a dry run writes nothing either
    code, out, err = run("import", str(export), "--json")
    assert code == 0 and err == "" and json.loads(out)["into_demo"] is True  # JSON says it, stderr stays clean
    assert run("event", "create", "--name", "AG")[0] == 0
    code, out, err = run("import", str(export), "--json")
    assert code == 0 and err == "" and json.loads(out)["into_demo"] is False and json.loads(out)["added"] == 2
