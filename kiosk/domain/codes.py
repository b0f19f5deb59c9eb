"""Ticket code normalisation: what a scanner or a person typed, turned into a lookup key."""

from __future__ import annotations

import unicodedata
from urllib.parse import parse_qsl, urlsplit

MAX_CODE_LENGTH = 512


class CodeError(ValueError):
    """The scanned text cannot be a ticket code (empty, binary, absurdly long)."""


def clean_scanned(raw: str) -> str:
    """Strip what scanners and phones add around a code; refuse what is not text."""
    if len(raw) > MAX_CODE_LENGTH * 4:
        raise CodeError("code too long")
    text = unicodedata.normalize("NFKC", raw).strip().strip("\x00")
    if not text:
        raise CodeError("empty code")
    if len(text) > MAX_CODE_LENGTH:
        raise CodeError("code too long")
    if any(unicodedata.category(ch) in ("Cc", "Cf", "Cs", "Co", "Cn") for ch in text):
        raise CodeError("code contains control characters")
    return text


def code_key(code: str, *, case_sensitive: bool = False) -> str:
    """The key a ticket code is stored and looked up under."""
    # NFKC leaves ASCII as it is: skipping the call for the usual codes halves an import's key work.
    text = (code if code.isascii() else unicodedata.normalize("NFKC", code)).strip()
    return text if case_sensitive else text.upper()


def url_candidates(text: str) -> list[str]:
    """Codes hidden in a URL (some platforms put a link in the QR): last path part, query values."""
    parts = urlsplit(text)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return []
    found: list[str] = [value for _key, value in parse_qsl(parts.query) if value]
    segments = [seg for seg in parts.path.split("/") if seg]
    if segments:
        found.append(segments[-1])
    return found
