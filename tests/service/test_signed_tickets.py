"""Signed tickets at the door: keys on disk, offline verification, forged, other event, late registration."""

from __future__ import annotations

import shutil
import stat
import uuid
from pathlib import Path

import pytest

from kiosk import paths
from kiosk.domain import tickets
from kiosk.domain.model import Verdict
from kiosk.service import Kiosk, KioskError
from kiosk.service import keys as key_store
from kiosk.store import attendees as attendee_store
from tests.conftest import FakeClock


@pytest.fixture
def signed(kiosk: Kiosk, data_dir: Path) -> Kiosk:
    key_store.init_keys(paths.keys_dir(data_dir))
    kiosk.reload_keys()
    return kiosk


def test_init_keys_files_and_modes(tmp_path: Path) -> None:
    private, public = key_store.init_keys(tmp_path / "keys")
    assert private.name == "ticket-private.pem" and public.name == "ticket-public.pem"
    assert stat.S_IMODE(private.stat().st_mode) == 0o600
    assert b"PRIVATE KEY" in private.read_bytes() and b"PUBLIC KEY" in public.read_bytes()
    assert b"PRIVATE" not in public.read_bytes()
    with pytest.raises(KioskError, match="already exists"):
        key_store.init_keys(tmp_path / "keys")
    old = public.read_bytes()
    key_store.init_keys(tmp_path / "keys", force=True)
    assert public.read_bytes() != old
    assert stat.S_IMODE(private.stat().st_mode) == 0o600
    # Only public keys are trusted from the folder.
    assert len(key_store.load_public(tmp_path / "keys")) == 1
    assert key_store.load_public(tmp_path / "nowhere") == []


def test_missing_private_key_is_a_clear_error(kiosk: Kiosk, tmp_path: Path) -> None:
    with pytest.raises(KioskError, match="keys init"):
        kiosk.ticket_payload(kiosk.find("PLUS20-0001"), tmp_path)


def test_ticket_admits_its_guest(signed: Kiosk, clock: FakeClock) -> None:
    guest = signed.find("PLUS20-0002")
    assert not guest.cancelled
    payload = signed.ticket_payload(guest)
    assert payload.startswith("K1.") and len(payload) < 220
    result = signed.check_in(payload)
    assert result.verdict is Verdict.ACCEPTED and result.attendee == guest
    clock.advance(10)
    assert signed.check_in(payload, device_name="door-2").verdict is Verdict.ALREADY_CHECKED_IN


def test_verifies_offline_with_only_the_public_key(signed: Kiosk, data_dir: Path, tmp_path: Path,
                                                   clock: FakeClock) -> None:
    """A second kiosk that never saw the private key: copy the public PEM, nothing else."""
    payload = signed.ticket_payload(signed.find("PLUS20-0002"))
    other_dir = tmp_path / "other-kiosk"
    (other_dir / "keys").mkdir(parents=True)
    shutil.copy(paths.keys_dir(data_dir) / "ticket-public.pem", other_dir / "keys")
    other = Kiosk.open(other_dir, device_name="door-9", clock=clock)
    other.create_demo()
    try:
        result = other.check_in(payload)
        assert result.verdict is Verdict.ACCEPTED
        assert result.attendee is not None and result.attendee.ticket_code == "PLUS20-0002"
        with pytest.raises(KioskError):
            other.ticket_payload(result.attendee)  # cannot sign: no private key there
    finally:
        other.close()


def test_kiosk_without_public_key_refuses_signed_tickets(signed: Kiosk, tmp_path: Path, clock: FakeClock) -> None:
    payload = signed.ticket_payload(signed.find("PLUS20-0002"))
    bare = Kiosk.open(tmp_path / "bare", clock=clock)
    bare.create_demo()
    assert bare.check_in(payload).verdict is Verdict.INVALID
    bare.close()


def test_forged_ticket_is_invalid(signed: Kiosk) -> None:
    guest = signed.find("PLUS20-0002")
    claims = tickets.TicketClaims(signed.event.id, guest.id, guest.first_name, guest.last_name)
    forged = tickets.sign_ticket(claims, tickets.new_private_key())
    result = signed.check_in(forged)
    assert result.verdict is Verdict.INVALID and result.attendee is None
    assert not signed.presence(guest.id).checked_in
    row = signed.conn.execute("SELECT kind, verdict, attendee_id FROM scans").fetchone()
    assert tuple(row) == ("refused", "invalid", None)


@pytest.mark.parametrize("alter", ["flip", "truncate", "truncate-sig", "append", "swapcase"])
def test_altered_ticket_is_invalid(signed: Kiosk, clock: FakeClock, alter: str) -> None:
    payload = signed.ticket_payload(signed.find("PLUS20-0002"))
    middle = len(payload) // 2
    altered = {
        "flip": payload[:middle] + ("B" if payload[middle] != "B" else "C") + payload[middle + 1:],
        "truncate": payload[:-1],
        "truncate-sig": payload[:-40],
        "append": payload + "AA",
        "swapcase": "K1." + payload[3:].swapcase(),
    }[alter]
    assert signed.check_in(altered).verdict is Verdict.INVALID
    clock.advance(5)
    assert signed.check_in(payload).verdict is Verdict.ACCEPTED  # the genuine one still works


def test_other_events_ticket_is_wrong_event(signed: Kiosk, data_dir: Path) -> None:
    key = key_store.load_private(paths.keys_dir(data_dir))
    other_event = tickets.sign_ticket(tickets.TicketClaims(str(uuid.uuid4()), str(uuid.uuid4()), "Ann", "Lee"), key)
    result = signed.check_in(other_event)
    assert result.verdict is Verdict.WRONG_EVENT and result.attendee is None
    assert attendee_store.count(signed.conn, signed.event.id) == 152  # nobody created


def test_cancelled_guests_ticket_is_cancelled(signed: Kiosk) -> None:
    guest = next(a for a in attendee_store.iterate(signed.conn, signed.event.id) if a.cancelled)
    result = signed.check_in(signed.ticket_payload(guest))
    assert result.verdict is Verdict.CANCELLED and result.attendee == guest


def test_late_registration_is_admitted_from_the_ticket(signed: Kiosk, data_dir: Path, clock: FakeClock) -> None:
    """Registered after this kiosk's last sync: the signed ticket vouches for the guest."""
    key = key_store.load_private(paths.keys_dir(data_dir))
    newcomer = str(uuid.uuid4())
    payload = tickets.sign_ticket(tickets.TicketClaims(signed.event.id, newcomer, "Zoé", "Nguyễn-Lefèvre"), key)
    before = signed.stats().registered
    result = signed.check_in(payload)
    assert result.verdict is Verdict.ACCEPTED
    assert result.attendee is not None and result.attendee.id == newcomer
    created = signed.attendee(newcomer)
    assert (created.first_name, created.last_name, created.source) == ("Zoé", "Nguyễn-Lefèvre", "ticket")
    assert signed.stats().registered == before + 1 and signed.stats().checked_in == 1
    assert [a.id for a in signed.search("zoe nguyen")] == [newcomer]
    clock.advance(30)
    again = signed.check_in(payload)
    assert again.verdict is Verdict.ALREADY_CHECKED_IN and again.first_entry_device == "door-1"
    assert attendee_store.count(signed.conn, signed.event.id) == 153  # created once
