"""The import's sentence table: every key in French and English, with the same values, formatted for real;
every key the code raises is in the table; keyed errors and skipped-row reasons survive the trip to an edge."""

from __future__ import annotations

import pickle
import re
import string
from pathlib import Path

import pytest

from kiosk.importing import ImportFileError, Sentence, identity_words, import_message, parse_registration_file, worded
from kiosk.importing.messages import IMPORT_MESSAGES, SAMPLE_VALUES
from kiosk.service.errors import ImportRefused, Refused

ROOT = Path(__file__).resolve().parents[2]
KEYS = sorted(IMPORT_MESSAGES["en"])


def fields(template: str) -> set[str]:
    return {name for _text, name, _spec, _conv in string.Formatter().parse(template) if name}


def test_both_languages_have_the_same_keys() -> None:
    assert set(IMPORT_MESSAGES) == {"fr", "en"}
    assert set(IMPORT_MESSAGES["fr"]) == set(IMPORT_MESSAGES["en"])


@pytest.mark.parametrize("key", KEYS)
def test_every_sentence_formats_in_both_languages_with_the_same_values(key: str) -> None:
    fr, en = IMPORT_MESSAGES["fr"][key], IMPORT_MESSAGES["en"][key]
    assert fields(fr) == fields(en), key
    values = SAMPLE_VALUES.get(key, {})
    assert fields(en) <= set(values), f"{key}: SAMPLE_VALUES lacks {fields(en) - set(values)}"
    french, english = import_message(key, "fr", **values), import_message(key, "en", **values)
    assert french and english and french != english, key
    for text in (french, english):
        assert "{" not in text and "}" not in text and "\n" not in text, text
    # French quotes names « like this », never with Python's repr.
    assert "!r" not in fr, fr
    for value in values.values():
        if isinstance(value, str) and " " not in value:
            assert repr(value) not in french, french
    # French typography: a space before the double punctuation.
    assert not re.search(r"\w[;?!]", french.replace("--", "")), french


def test_numbers_and_lists_follow_the_language() -> None:
    assert import_message("prune_too_many", "en", missing=1200, valid=2000).startswith(
        "--prune would cancel 1,200 of the event's 2,000 valid guests")
    assert import_message("prune_too_many", "fr", missing=1200, valid=2000).startswith(
        "--prune annulerait 1\u00a0200 des 2\u00a0000 invité·e·s")
    headers = tuple(f"Col {i}" for i in range(30))
    assert import_message("no_name_column", "en", headers=headers).endswith("'Col 24', ... (30 columns)")
    assert import_message("no_name_column", "fr", headers=headers).endswith("« Col 24 », … (30 colonnes)")
    assert import_message("no_name_column", "fr", headers=()).endswith("les en-têtes sont : (aucun)")
    assert import_message("empty_file", "de") == "empty file"  # an unknown language: English


def keys_in_code() -> set[str]:
    """The keys the parser and the importer raise or report, read from their source."""
    pattern = re.compile(r'(?:ImportFileError|Sentence)\(\s*"(\w+)"|ImportRefused\([\w.]+, "(\w+)"'
                         r'|"(\w+)" if table\.sheet else "(\w+)"|\(b"[^"]+", "(\w+)", \{')
    found: set[str] = set()
    for path in [*(ROOT / "kiosk" / "importing").glob("*.py"), ROOT / "kiosk" / "service" / "importer.py"]:
        for match in pattern.finditer(path.read_text(encoding="utf-8")):
            found.update(group for group in match.groups() if group)
    return found


def test_every_key_the_code_uses_is_in_the_table() -> None:
    used = keys_in_code()
    assert len(used) > 45  # the pattern still finds the raises
    assert used <= set(KEYS), used - set(KEYS)


def test_an_import_file_error_is_english_for_logs_and_worded_for_the_edges(tmp_path: Path) -> None:
    bad = tmp_path / "couleurs.csv"
    bad.write_text("Couleur;Taille\nrouge;M\n", encoding="utf-8")
    with pytest.raises(ImportFileError) as caught:
        parse_registration_file(bad)
    error = caught.value
    assert (error.key, error.values) == ("no_name_column", {"headers": ("Couleur", "Taille")})
    assert str(error) == "no first/last/full name column found; headers are: 'Couleur', 'Taille'"
    assert error.message("fr") == ("aucune colonne de prénom, de nom ou de nom complet ; "
                                   "les en-têtes sont : « Couleur », « Taille »")
    again = pickle.loads(pickle.dumps(error))  # a worker process hands it back whole
    assert (again.key, again.values, str(again)) == (error.key, error.values, str(error))


def test_a_wrapped_error_keeps_its_key_and_the_file_name() -> None:
    refused = ImportRefused("inscrits.csv", "duplicate_ticket_code", code="T-1", first=2, line=4)
    assert isinstance(refused, Refused)
    assert str(refused) == "inscrits.csv: duplicate ticket code 'T-1' on lines 2 and 4"
    assert refused.message("en") == str(refused)
    assert refused.message("fr") == "inscrits.csv : code de billet « T-1 » en double, lignes 2 et 4"


def test_skipped_reasons_are_english_strings_that_carry_their_key(tmp_path: Path) -> None:
    path = tmp_path / "form.csv"
    path.write_text("Prénom;Nom;Email\nAnn;Lee;ann@example.org\n;;orphan@example.org\n"
                    "Prénom;Nom;Email\nAnn;Lee;ann@example.org\n", encoding="utf-8")
    skipped = parse_registration_file(path).skipped
    assert [(s.line, s.reason) for s in skipped] == [
        (2, "same person as line 5 (name and e-mail): the later answer is kept"), (3, "no name"),
        (4, "repeated header row")]
    assert [worded(s.reason, "fr") for s in skipped] == [
        "même personne qu'à la ligne 5 (nom et e-mail) : la réponse la plus récente est gardée", "pas de nom",
        "ligne d'en-tête répétée"]
    reason = skipped[0].reason
    assert isinstance(reason, Sentence) and (reason.key, dict(reason.values)) == ("same_person", {"line": 5})
    assert pickle.loads(pickle.dumps(reason)).message("fr") == reason.message("fr")
    assert worded("a plain string", "fr") == "a plain string"


def test_how_rows_were_matched_in_french() -> None:
    label = "ticket code, then platform id (Attendee #), then name + e-mail"
    assert identity_words(label, "en") == label
    assert identity_words(label, "fr") == "code de billet, puis id de la plateforme (Attendee #), puis nom + e-mail"
    assert identity_words("e-mail (not shared)", "fr") == "e-mail (non partagé)"
