"""What reaches the terminal. Guest data is stored verbatim (an import keeps what the organiser typed),
so a name may carry ESC sequences, carriage returns or bidi overrides: printed raw, they would
repaint the screen, retitle the window or hide text from the person at the door. Every human line
goes through :func:`terminal_safe`; JSON stays JSON, with the same characters as ``\\u`` escapes.
"""

from __future__ import annotations

import json
import re
from typing import Any

# C0 controls (newline aside), DEL and C1 controls; line/paragraph separators; bidi embeddings,
# overrides, isolates and marks; lone surrogates (undecodable bytes from the shell).
_UNSAFE = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069"
                     "\ud800-\udfff]")
_UNSAFE_IN_JSON = re.compile("[\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


def terminal_safe(text: str, *, one_line: bool = False) -> str:
    """``text`` with every control character shown as an escape (``\\x1b``, ``\\u202e``) rather than
    obeyed. Newlines separate the lines of the output and are kept, unless ``one_line``."""
    safe = _UNSAFE.sub(_escape, text)
    return safe.replace("\n", "\\n") if one_line else safe


def json_line(payload: Any) -> str:
    """Compact JSON, readable accents, and no raw character a terminal would act on (json.dumps
    already escapes C0; this adds DEL, C1, separators, bidi controls and lone surrogates)."""
    text = json.dumps(payload, ensure_ascii=False, indent=None)
    return _UNSAFE_IN_JSON.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
