"""The pairing code: what the organiser's add-door makes reads back the same, whatever a scanner or a
paste adds around it; anything else is refused with one reason, never a traceback."""

from __future__ import annotations

import base64
import json

import pytest

from kiosk.domain.pairing import PREFIX, Pairing, PairingError, parse

PAIRING = Pairing("10.0.0.5", 5432, "plus20", "kiosk_door_0123456789ab_cafe1234", "A" * 16 + "b7" * 8,
                  "5f0c1d2e-3a4b-4c5d-8e6f-708192a3b4c5", "Accueil 2", "AB12 CD34 EF56 7890 AB12 CD34 EF56 7890")


def coded(body: dict[str, object]) -> str:
    raw = json.dumps(body).encode()
    return PREFIX + base64.urlsafe_b64encode(raw).decode().rstrip("=")


def body(**change: object) -> dict[str, object]:
    base: dict[str, object] = {"h": PAIRING.host, "p": PAIRING.port, "d": PAIRING.dbname, "u": PAIRING.user,
                               "w": PAIRING.password, "e": PAIRING.event_id, "n": PAIRING.door,
                               "f": PAIRING.fingerprint}
    base.update(change)
    return base


def test_a_pairing_reads_back_as_made_even_with_a_scanners_newline_around_it() -> None:
    text = PAIRING.text()
    assert text.startswith(PREFIX)
    assert all(c.isalnum() or c in "-_" for c in text[len(PREFIX):])  # types the same on any keyboard layout
    assert parse(text) == PAIRING
    assert parse(f"  {text}\r\n") == PAIRING
    assert "password" not in PAIRING.conninfo() and PAIRING.password not in PAIRING.conninfo()


def test_an_evening_without_a_key_pairs_without_a_fingerprint() -> None:
    plain = Pairing(**{**PAIRING.__dict__, "fingerprint": None})
    assert parse(plain.text()).fingerprint is None


@pytest.mark.parametrize(("text", "why"), [
    ("", "not a kiosk pairing code"),
    ("PLUS20-0042", "not a kiosk pairing code"),
    (PREFIX + "%%%not base64%%%", "damaged"),
    (PREFIX + base64.urlsafe_b64encode(b"\xff\xfe").decode(), "damaged"),
    (PREFIX + base64.urlsafe_b64encode(b"[1, 2]").decode(), "damaged"),
    (PREFIX + "A" * 3000, "too long"),
    (coded(body(h="evil host; rm -rf")), "hub address"),
    (coded(body(p=0)), "hub port"),
    (coded(body(p="5432")), "hub port"),
    (coded(body(p=True)), "hub port"),
    (coded(body(d="x' OR '1")), "hub database"),
    (coded(body(u="Robert'); DROP TABLE scans;--")), "door login"),
    (coded(body(w="short")), "door password"),
    (coded(body(w="has spaces and = signs in it!!")), "door password"),
    (coded(body(e="not-a-uuid")), "names no event"),
    (coded(body(n="")), "names no door"),
    (coded(body(n="Accueil\x1b[31m")), "names no door"),
    (coded(body(f="<script>")), "fingerprint"),
])
def test_what_is_not_a_pairing_is_refused_with_one_reason(text: str, why: str) -> None:
    with pytest.raises(PairingError, match=why):
        parse(text)
