"""Text folding shared by search, matching and import: accents, case and ligatures ignored."""

from __future__ import annotations

import re
import unicodedata

_SPECIAL = str.maketrans(
    {"ß": "ss", "œ": "oe", "Œ": "oe", "æ": "ae", "Æ": "ae", "ø": "o", "Ø": "o", "ł": "l", "Ł": "l",
     "đ": "d", "Đ": "d", "ı": "i", "’": "'", "ʼ": "'"}
)
_TOKEN = re.compile(r"\w+", re.UNICODE)


def fold(text: str) -> str:
    """Lower-case, accent-free form: "Hélène DUPONT" -> "helene dupont"."""
    if text.isascii():
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text.translate(_SPECIAL))
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return stripped.casefold()


def tokens(text: str) -> list[str]:
    """Folded word tokens, the same way the search index cuts them."""
    return [tok for tok in _TOKEN.findall(fold(text)) if tok != "_"]


def search_text(*parts: str | None) -> str:
    """The text indexed for an attendee: every searchable field, folded, space-separated."""
    return " ".join(tokens(" ".join(part for part in parts if part)))


def email_key(email: str | None) -> str | None:
    """Normalised email for matching duplicates; None when it is not an address."""
    if not email:
        return None
    value = email.strip().casefold()
    if value.count("@") != 1 or value.startswith("@") or value.endswith("@") or " " in value:
        return None
    return value
