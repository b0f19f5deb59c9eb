"""Text folding (search, matching) and scanned-code cleaning."""

from __future__ import annotations

import unicodedata

import pytest

from kiosk.domain import codes, text
from kiosk.domain.codes import CodeError
from kiosk.domain.messages import LANGUAGES, verdict_message
from kiosk.domain.model import Attendee, Verdict


@pytest.mark.parametrize(
    ("raw", "folded"),
    [("Hélène DUPONT", "helene dupont"), ("Straße", "strasse"), ("Œuvre Æther", "oeuvre aether"),
     ("Łukasz Søren", "lukasz soren"), ("Nguyễn", "nguyen"), ("d’Arvieux", "d'arvieux"), ("ÉMILIE", "emilie")],
)
def test_fold(raw: str, folded: str) -> None:
    assert text.fold(raw) == folded


def test_tokens_and_search_text() -> None:
    assert text.tokens("Dupont, Hélène") == ["dupont", "helene"]
    assert text.tokens("Jean-Baptiste d'Arvieux") == ["jean", "baptiste", "d", "arvieux"]
    assert text.tokens("  ,;  ") == []
    assert text.search_text("Hélène", None, "La Ruche", "") == "helene la ruche"


@pytest.mark.parametrize(
    ("email", "key"),
    [("  Helene.Dupont@Example.ORG ", "helene.dupont@example.org"), ("", None), (None, None),
     ("no-at-sign", None), ("a@b@c", None), ("@example.org", None), ("me@", None), ("a b@c.d", None)],
)
def test_email_key(email: str | None, key: str | None) -> None:
    assert text.email_key(email) == key


@pytest.mark.parametrize(
    ("raw", "clean"),
    [("PLUS20-0001", "PLUS20-0001"), ("  PLUS20-0001\r\n", "PLUS20-0001"), ("\tabc ", "abc"),
     ("ＰＬＵＳ２０－０００１", "PLUS20-0001"), ("PLUS20-0001\x00", "PLUS20-0001")],
)
def test_clean_scanned(raw: str, clean: str) -> None:
    assert codes.clean_scanned(raw) == clean


@pytest.mark.parametrize(
    "raw",
    ["", "   ", "\x00", "\r\n\t", "A\x00B", "AB\x07C", "A\u200bB", "\udcff\udcfe", "\ue000", "X" * 513, "X" * 10_000,
     "\u202eevil"],
)
def test_clean_scanned_refuses_what_is_not_a_code(raw: str) -> None:
    with pytest.raises(CodeError):
        codes.clean_scanned(raw)


def test_code_key() -> None:
    assert codes.code_key(" plus20-0001 ") == "PLUS20-0001"
    assert codes.code_key("ｐｌｕｓ２０") == "PLUS20"
    assert codes.code_key(" AbC-1 ", case_sensitive=True) == "AbC-1"
    assert codes.code_key("AbC-1", case_sensitive=True) != codes.code_key("abc-1", case_sensitive=True)


def test_url_candidates() -> None:
    assert codes.url_candidates("https://t.example.org/check/PLUS20-0002") == ["PLUS20-0002"]
    assert codes.url_candidates("https://t.example.org/c?code=AB12&x=") == ["AB12", "c"]
    assert codes.url_candidates("PLUS20-0002") == []
    assert codes.url_candidates("ftp://host/x") == []


def test_verdict_messages_in_both_languages() -> None:
    a = Attendee(id="a", event_id="e", first_name="Hélène", last_name="Dupont")
    assert set(LANGUAGES) == {"fr", "en"}
    for lang in LANGUAGES:
        for verdict in Verdict:
            message = verdict_message(verdict, a, when="18:42", device="door-2", lang=lang)
            assert message and "{" not in message
    assert verdict_message(Verdict.ACCEPTED, a, lang="en") == "Welcome Hélène Dupont!"
    assert "18:42" in verdict_message(Verdict.ALREADY_CHECKED_IN, a, when="18:42", device="door-2")
    assert "door-2" in verdict_message(Verdict.ALREADY_CHECKED_IN, a, when="18:42", device="door-2", lang="en")


def _reference_fold(value: str) -> str:
    """The plain definition fold() must keep: NFKD, drop every combining mark, casefold."""
    decomposed = unicodedata.normalize("NFKD", value.translate(text._SPECIAL))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()


def test_fold_equals_its_definition_on_every_character() -> None:
    points = [c for c in range(0x20, 0x30000) if not 0xD800 <= c <= 0xDFFF]
    for start in range(0, len(points), 48):
        chunk = "".join(chr(c) for c in points[start:start + 48])
        assert text.fold(chunk) == _reference_fold(chunk), hex(points[start])
    for sample in ("Hélène", "Nguyễn Thị Thu", "Œdipe Straße", "محمّد", "𝒜𝓁𝒾𝒸ℯ", "a\U0001D165b", "Ǆemal", "ﬁne"):
        assert text.fold(sample) == _reference_fold(sample)
