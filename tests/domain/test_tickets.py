"""Signed tickets, offline: only the public key verifies; any alteration or forgery is refused."""

from __future__ import annotations

import base64
import string
import uuid

import pytest

from kiosk.domain import tickets
from kiosk.domain.tickets import TicketClaims, TicketError

KEY = tickets.new_private_key()
PUBLIC = tickets.load_public_key(tickets.public_key_pem(KEY.public_key()))  # what a kiosk has: the PEM
EVENT, ATTENDEE = str(uuid.uuid4()), str(uuid.uuid4())
CLAIMS = TicketClaims(EVENT, ATTENDEE, "Hélène", "Dupont")
LONG = TicketClaims(
    EVENT, ATTENDEE,
    "Marie-Noëlle-Éléonore-Anne-Sophie-Béatrice-Gaëlle",
    "de La Fontaine-Châteaubriand-Lemaître-Montmorency-Laval-Ó Briain-Nguyễn",
)
B64_ALPHABET = string.ascii_letters + string.digits + "-_"


def test_round_trip_with_public_key_only() -> None:
    payload = tickets.sign_ticket(CLAIMS, KEY)
    assert payload.startswith("K1.") and tickets.looks_signed(payload)
    assert set(payload[3:]) <= set(B64_ALPHABET)  # URL-safe, no padding: QR alphanumeric-friendly
    assert tickets.verify_ticket(payload, [PUBLIC]) == CLAIMS


def test_verification_tries_every_trusted_key() -> None:
    """Key rotation: old and new public keys side by side."""
    other = tickets.new_private_key().public_key()
    payload = tickets.sign_ticket(CLAIMS, KEY)
    assert tickets.verify_ticket(payload, [other, PUBLIC]).attendee_id == ATTENDEE
    with pytest.raises(TicketError, match="no public key"):
        tickets.verify_ticket(payload, [])


def test_forged_with_another_key_is_refused() -> None:
    forged = tickets.sign_ticket(CLAIMS, tickets.new_private_key())
    with pytest.raises(TicketError, match="signature"):
        tickets.verify_ticket(forged, [PUBLIC])


@pytest.mark.parametrize("claims", [CLAIMS, LONG, TicketClaims(EVENT, ATTENDEE, "A", "B")])
def test_every_single_character_change_is_refused(claims: TicketClaims) -> None:
    """Flip any bit of any character of the payload, or put a stray character in its place: never a
    valid ticket - including the last character's padding bits and '+'/'/' for '-'/'_'. The last two
    characters are tried with the whole alphabet."""
    payload = tickets.sign_ticket(claims, KEY)
    accepted = []
    for i in range(3, len(payload)):
        value = B64_ALPHABET.index(payload[i])
        flips = "".join(B64_ALPHABET[value ^ (1 << bit)] for bit in range(6))
        for ch in (B64_ALPHABET if i >= len(payload) - 2 else flips) + "+/=.! ":
            if ch == payload[i]:
                continue
            altered = payload[:i] + ch + payload[i + 1:]
            try:
                tickets.verify_ticket(altered, [PUBLIC])
            except TicketError:
                continue
            accepted.append((i, ch))
    assert accepted == []


@pytest.mark.parametrize("cut", [1, 2, 3, 10, 64, 100])
def test_truncated_or_extended_payload_is_refused(cut: int) -> None:
    payload = tickets.sign_ticket(CLAIMS, KEY)
    with pytest.raises(TicketError):
        tickets.verify_ticket(payload[:-cut], [PUBLIC])
    for extra in ("A", "=", "==", "AAAA"):
        with pytest.raises(TicketError):
            tickets.verify_ticket(payload + extra, [PUBLIC])


@pytest.mark.parametrize("text", ["", "K1.", "K1.!!!!", "K1." + "A" * 40, "PLUS20-0001", "k1." + "A" * 200,
                                  "K1." + base64.urlsafe_b64encode(b"\0" * 200).decode().rstrip("=")])
def test_garbage_is_refused(text: str) -> None:
    with pytest.raises(TicketError):
        tickets.verify_ticket(text, [PUBLIC])


def test_re_signed_body_with_changed_names_is_refused() -> None:
    """Splice: body of one ticket, signature of another."""
    a = base64.urlsafe_b64decode(tickets.sign_ticket(CLAIMS, KEY)[3:] + "==")
    b = base64.urlsafe_b64decode(tickets.sign_ticket(TicketClaims(EVENT, ATTENDEE, "Eve", "Dupont"), KEY)[3:] + "==")
    spliced = "K1." + base64.urlsafe_b64encode(b[:-64] + a[-64:]).decode().rstrip("=")
    with pytest.raises(TicketError, match="signature"):
        tickets.verify_ticket(spliced, [PUBLIC])


def test_payload_stays_short_for_long_names() -> None:
    payload = tickets.sign_ticket(LONG, KEY)
    assert len(payload) < 220
    claims = tickets.verify_ticket(payload, [PUBLIC])
    # Cut on a character boundary, never inside a multi-byte letter.
    assert LONG.first_name.startswith(claims.first_name) and len(claims.first_name) >= 20
    assert LONG.last_name.startswith(claims.last_name) and len(claims.last_name) >= 20
    worst = TicketClaims(EVENT, ATTENDEE, "€" * 100, "𝒜" * 100)  # 3- and 4-byte characters
    worst_payload = tickets.sign_ticket(worst, KEY)
    assert len(worst_payload) < 220
    got = tickets.verify_ticket(worst_payload, [PUBLIC])
    assert set(got.first_name) == {"€"} and set(got.last_name) == {"𝒜"}


def test_separator_in_a_name_cannot_shift_fields() -> None:
    payload = tickets.sign_ticket(TicketClaims(EVENT, ATTENDEE, "Ann\x1fX", "Lee"), KEY)
    assert tickets.verify_ticket(payload, [PUBLIC]) == TicketClaims(EVENT, ATTENDEE, "Ann X", "Lee")


def test_ids_must_be_uuids() -> None:
    with pytest.raises(TicketError):
        tickets.sign_ticket(TicketClaims("not-a-uuid", ATTENDEE, "A", "B"), KEY)


def test_pem_round_trip_and_fingerprint() -> None:
    private = tickets.load_private_key(tickets.private_key_pem(KEY))
    assert tickets.fingerprint(private.public_key()) == tickets.fingerprint(PUBLIC)
    assert len(tickets.fingerprint(PUBLIC)) == 39 and tickets.fingerprint(PUBLIC).count(" ") == 7
    assert tickets.fingerprint(tickets.new_private_key().public_key()) != tickets.fingerprint(PUBLIC)
    with pytest.raises((TicketError, ValueError)):
        tickets.load_public_key(b"-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n")
