"""The import's fast paths give exactly what the plain definitions give (ids and keys must not move)."""

from __future__ import annotations

import unicodedata
import uuid

from hypothesis import given, settings
from hypothesis import strategies as st

from kiosk.domain import codes, merge, text

_TEXT = st.text(alphabet=st.characters(exclude_categories=["Cs"]), max_size=40)
_ASCII = st.text(alphabet=st.characters(min_codepoint=0, max_codepoint=127), max_size=30)  # e-mails, codes
_MIXED = st.one_of(_TEXT, _ASCII, st.emails(), st.sampled_from([
    "Hélène", "N'Diaye", "Straße", "ǅemal", "Nguyễn", "e\u0301", "\u0301x", "ﬁne", "Ⅻ", "İstanbul", "ΣΑΣ", "a_b",
    "😀", "𝔄𝔟", "\u00a0", "١٢٣", "A_B-1", "x@y.fr", "__", "_"]))


@settings(max_examples=500)
@given(event=st.uuids().map(str), name=_TEXT)
def test_fast_uuid5_equals_uuid5(event: str, name: str) -> None:
    assert merge.uuid5_text(event, name) == str(uuid.uuid5(merge.GUEST_NAMESPACE, f"{event}\n{name}"))


def test_guest_ids_are_the_ones_minted_before() -> None:
    """Pinned: an id minted by an earlier release (uuid.uuid5 of the event and the code key)."""
    event = "7b0f8b8e-1c55-4c4e-9a3e-9d8d5f3b6a10"
    for name in ["code:PLUS20-0001", "key:id:42", "code:ÉCOLE-١٢", "key:ts:2025-01-06 09:00"]:
        expected = str(uuid.uuid5(merge.GUEST_NAMESPACE, f"{event}\n{name}"))
        assert merge.uuid5_text(event, name) == expected
    taken: set[str] = set()
    first = merge.guest_id(event, "A1", None, taken)
    assert first == str(uuid.uuid5(merge.GUEST_NAMESPACE, f"{event}\ncode:A1"))
    assert merge.guest_id(event, "A1", None, taken) != first  # taken: a random one
    assert merge.guest_id(event, None, "id:7", set()) == str(uuid.uuid5(merge.GUEST_NAMESPACE, f"{event}\nkey:id:7"))


def _search_text_joined(*parts: str | None) -> str:
    """The original definition: fold the parts joined by spaces."""
    return " ".join(text.tokens(" ".join(part for part in parts if part)))


@settings(max_examples=500)
@given(parts=st.lists(st.one_of(st.none(), _MIXED), max_size=6))
def test_search_text_part_by_part_equals_joined(parts: list[str | None]) -> None:
    assert text.search_text(*parts) == _search_text_joined(*parts)


@settings(max_examples=500)
@given(code=_MIXED, case_sensitive=st.booleans())
def test_code_key_ascii_shortcut(code: str, case_sensitive: bool) -> None:
    plain = unicodedata.normalize("NFKC", code).strip()
    assert codes.code_key(code, case_sensitive=case_sensitive) == (plain if case_sensitive else plain.upper())
