"""Cell text that is safe in every spreadsheet the kiosk writes (attendee export, mailing.csv).

Why: names and e-mails come from web forms and imports, so a cell may start with "=" (a formula
Excel or LibreOffice would run: the OWASP "CSV injection") or hold control characters (a
vertical tab from a Word line break, a NUL from a broken export) that XML, hence xlsx, cannot
store: openpyxl raises IllegalCharacterError and the whole export fails.
"""

from __future__ import annotations

import re

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")  # OWASP: what makes a spreadsheet evaluate a cell
# What XML 1.0 cannot hold (tab, LF and CR can); vertical tab and form feed are line breaks.
_BREAKS = re.compile("[\x0b\x0c]")
_ILLEGAL = re.compile("[\x00-\x08\x0e-\x1f\ufffe\uffff]")


def neutralise(value: str) -> str:
    """A leading apostrophe on a cell a spreadsheet would run as a formula: shown, not evaluated."""
    return "'" + value if value.startswith(FORMULA_START) else value


def safe_cell(value: str) -> str:
    """``value`` without the characters xlsx cannot store, then neutralised (after the cleaning,
    so "\\x01=CMD()" cannot turn into a live formula)."""
    return neutralise(_ILLEGAL.sub("", _BREAKS.sub(" ", value)))
