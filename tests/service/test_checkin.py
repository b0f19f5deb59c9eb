"""Kiosk.check_in end to end on a real database: verdicts, repeat window, override, undo, garbage."""

from __future__ import annotations

import random
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any, cast

import pytest

from kiosk.cli.cmd_checkin import result_json
from kiosk.domain.messages import checkin_message
from kiosk.domain.model import Attendee, Direction, Event, ScanKind, Status, Verdict
from kiosk.domain.rules import format_time
from kiosk.service import Kiosk, KioskError
from kiosk.store import attendees as attendee_store
from kiosk.store import transaction
from tests.conftest import FakeClock
from tests.helpers.doors import hand_over

CODE = "PLUS20-0001"


def scans(k: Kiosk) -> list[tuple[str, str, str | None]]:
    return [(r["kind"], r["verdict"], r["attendee_id"])
            for r in k.conn.execute("SELECT kind, verdict, attendee_id FROM scans ORDER BY rowid")]


def cancelled_guest(k: Kiosk) -> Attendee:
    return next(a for a in attendee_store.iterate(k.conn, k.event.id) if a.cancelled)


def valid_code(k: Kiosk, n: int = 0) -> str:
    guests = sorted((a for a in attendee_store.iterate(k.conn, k.event.id) if not a.cancelled),
                    key=lambda a: a.ticket_code or "")
    return guests[n].ticket_code or ""


# --------------------------------------------------------------------------- verdicts


@pytest.fixture
def door2(tmp_path: Path, clock: FakeClock) -> Iterator[Kiosk]:
    """Another door: a data dir of its own (the same demo event), reached through ``hand_over``."""
    k = Kiosk.open(tmp_path / "door-2", device_name="door-2", clock=clock)
    k.create_demo()
    yield k
    k.close()


def test_accepted_then_already_checked_in_with_time_and_device(kiosk: Kiosk, door2: Kiosk, clock: FakeClock) -> None:
    code = valid_code(kiosk)
    first = kiosk.check_in(code)
    assert first.verdict is Verdict.ACCEPTED and first.attendee is not None
    assert first.attendee.ticket_code == code
    assert first.first_entry_at == format_time(clock.now)
    entered_at = first.first_entry_at
    clock.advance(600)
    hand_over(kiosk, door2)
    again = door2.check_in(code)
    assert again.verdict is Verdict.ALREADY_CHECKED_IN and not again.verdict.admits
    assert (again.first_entry_at, again.first_entry_device) == (entered_at, "door-1")
    assert "door-1" in checkin_message(again, "fr") and "door-1" in checkin_message(again, "en")
    assert result_json(again)["first_entry_device"] == "door-1"
    assert scans(door2) == [("entry", "accepted", first.attendee.id),
                            ("refused", "already_checked_in", first.attendee.id)]


def test_a_renamed_door_is_the_same_device_and_shown_by_its_new_name(kiosk: Kiosk, clock: FakeClock) -> None:
    """Renaming changes what is shown, not who: the repeat window and undo still see one device,
    new scans carry the new name, and "already checked in" names the door as it is called now."""
    code = valid_code(kiosk)
    first = kiosk.check_in(code)
    assert first.scan is not None and first.scan.device_name == "door-1"
    clock.advance(1)
    renamed = kiosk.check_in(code, device_name="main door")
    assert renamed.repeated  # the same device's last scan: a replay
    clock.advance(60)
    again = kiosk.check_in(code, device_name="main door")
    assert again.scan is not None and again.scan.device_id == first.scan.device_id
    assert again.scan.device_name == "main door" and again.first_entry_device == "main door"
    assert kiosk.presence(first.scan.attendee_id or "").first_entry_device_id == first.scan.device_id


def test_unknown_code(kiosk: Kiosk) -> None:
    result = kiosk.check_in("NOBODY-1234")
    assert result.verdict is Verdict.UNKNOWN and result.attendee is None
    assert scans(kiosk) == [("refused", "unknown", None)]


def test_cancelled_guest(kiosk: Kiosk) -> None:
    guest = cancelled_guest(kiosk)
    result = kiosk.check_in(guest.ticket_code or "")
    assert result.verdict is Verdict.CANCELLED and result.attendee == guest
    assert not kiosk.presence(guest.id).checked_in


def test_exit_reentry_and_not_inside(kiosk: Kiosk, clock: FakeClock) -> None:
    code = valid_code(kiosk)
    assert kiosk.check_in(code, direction=Direction.EXIT).verdict is Verdict.NOT_INSIDE
    clock.advance(5)
    entry = kiosk.check_in(code)
    assert entry.verdict is Verdict.ACCEPTED
    clock.advance(1800)
    assert kiosk.check_in(code, direction=Direction.EXIT).verdict is Verdict.EXIT_RECORDED
    assert kiosk.stats().inside == 0 and kiosk.stats().checked_in == 1
    clock.advance(10)
    assert kiosk.check_in(code, direction=Direction.EXIT).verdict is Verdict.NOT_INSIDE
    clock.advance(600)
    reentry = kiosk.check_in(code)
    assert reentry.verdict is Verdict.ACCEPTED  # re-entry after an exit
    assert reentry.first_entry_at == entry.first_entry_at  # first entry is still the first
    assert kiosk.stats().inside == 1 and kiosk.stats().checked_in == 1
    assert [k for k, _, _ in scans(kiosk)] == ["refused", "entry", "exit", "refused", "entry"]


def test_exit_of_unknown_code_is_unknown(kiosk: Kiosk) -> None:
    assert kiosk.check_in("NOPE", direction=Direction.EXIT).verdict is Verdict.UNKNOWN


# --------------------------------------------------------------------------- the repeat window


def test_same_code_within_three_seconds_on_same_device_is_one_scan(kiosk: Kiosk, clock: FakeClock) -> None:
    code = valid_code(kiosk)
    first = kiosk.check_in(code)
    assert first.scan is not None and not first.repeated
    for _ in range(5):  # a QR held in front of the camera
        clock.advance(0.5)
        again = kiosk.check_in(code)
        assert again.repeated and again.verdict is Verdict.ACCEPTED and result_json(again)["repeated"] is True
        assert again.scan is not None and again.scan.id == first.scan.id
    assert len(scans(kiosk)) == 1
    clock.advance(0.5)  # 3.0 s after the first read: a new scan
    late = kiosk.check_in(code)
    assert late.verdict is Verdict.ALREADY_CHECKED_IN and not late.repeated
    assert len(scans(kiosk)) == 2


def test_repeat_window_is_per_device(kiosk: Kiosk, door2: Kiosk, clock: FakeClock) -> None:
    code = valid_code(kiosk)
    kiosk.check_in(code)
    clock.advance(1)
    hand_over(kiosk, door2)
    other = door2.check_in(code)
    assert other.verdict is Verdict.ALREADY_CHECKED_IN and not other.repeated
    assert other.first_entry_device == "door-1"
    assert len(scans(door2)) == 2


def test_repeat_window_is_per_code(kiosk: Kiosk, clock: FakeClock) -> None:
    a, b = valid_code(kiosk, 0), valid_code(kiosk, 1)
    kiosk.check_in(a)
    clock.advance(0.5)
    assert kiosk.check_in(b).verdict is Verdict.ACCEPTED
    clock.advance(0.5)
    assert kiosk.check_in(a).verdict is Verdict.ALREADY_CHECKED_IN  # not the device's last code any more
    assert len(scans(kiosk)) == 3


def test_repeat_of_a_refusal_is_not_logged_twice(kiosk: Kiosk, clock: FakeClock) -> None:
    kiosk.check_in("NOBODY")
    clock.advance(1)
    assert kiosk.check_in("NOBODY").repeated
    assert len(scans(kiosk)) == 1


def test_exit_right_after_entry_is_recorded_not_replayed(kiosk: Kiosk, clock: FakeClock) -> None:
    """Staff switch to exit mode and scan the guest who is leaving at once: that exit counts."""
    code = valid_code(kiosk)
    entry = kiosk.check_in(code)
    clock.advance(1)
    leaving = kiosk.check_in(code, direction=Direction.EXIT)
    assert leaving.verdict is Verdict.EXIT_RECORDED and not leaving.repeated
    assert leaving.scan is not None and entry.scan is not None and leaving.scan.id != entry.scan.id
    assert not kiosk.presence(entry.attendee.id if entry.attendee else "").inside
    clock.advance(0.5)  # the exit held in front of the camera: one exit
    again = kiosk.check_in(code, direction=Direction.EXIT)
    assert again.repeated and again.verdict is Verdict.EXIT_RECORDED and result_json(again)["repeated"] is True
    assert [k for k, _, _ in scans(kiosk)] == ["entry", "exit"]


def test_exit_right_after_already_checked_in_is_recorded(kiosk: Kiosk, clock: FakeClock) -> None:
    code = valid_code(kiosk)
    kiosk.check_in(code, device_name="door-2")
    clock.advance(60)
    assert kiosk.check_in(code).verdict is Verdict.ALREADY_CHECKED_IN
    clock.advance(1)
    leaving = kiosk.check_in(code, direction=Direction.EXIT)
    assert leaving.verdict is Verdict.EXIT_RECORDED and not leaving.repeated
    clock.advance(1)  # and back in at once: an entry again, not a replay of the exit
    back = kiosk.check_in(code)
    assert back.verdict is Verdict.ACCEPTED and not back.repeated
    assert [k for k, _, _ in scans(kiosk)] == ["entry", "refused", "exit", "entry"]


# --------------------------------------------------------------------------- code normalisation


@pytest.mark.parametrize("typed", ["plus20-0001", "  PLUS20-0001\r\n", "\tPlus20-0001 ", "ＰＬＵＳ２０－０００１",
                                   "https://billets.example.org/t/PLUS20-0001", "https://x.example.org/?c=plus20-0001"])
def test_codes_are_matched_after_normalisation(kiosk: Kiosk, typed: str) -> None:
    expected = kiosk.find(CODE)
    result = kiosk.check_in(typed)
    assert result.attendee is not None and result.attendee.id == expected.id
    assert result.verdict in (Verdict.ACCEPTED, Verdict.CANCELLED)


def test_case_sensitive_event_keeps_case(data_dir: Path, clock: FakeClock) -> None:
    k = Kiosk.open(data_dir, device_name="door-1", clock=clock)
    event = k.create_event(Event(id=str(uuid.uuid4()), name="Strict", codes_case_sensitive=True))
    guests = [Attendee(id=str(uuid.uuid4()), event_id=event.id, first_name="Ann", last_name="Lee", ticket_code="AbC-1"),
              Attendee(id=str(uuid.uuid4()), event_id=event.id, first_name="Bob", last_name="Ray", ticket_code="abc-1")]
    with transaction(k.conn):
        attendee_store.insert_many(k.conn, guests, case_sensitive=True, now=k.now(), device_id="x")
    assert k.check_in("ABC-1").verdict is Verdict.UNKNOWN
    clock.advance(5)
    hit = k.check_in("  AbC-1\n")
    assert hit.verdict is Verdict.ACCEPTED and hit.attendee is not None and hit.attendee.first_name == "Ann"
    clock.advance(5)
    other = k.check_in("abc-1")
    assert other.verdict is Verdict.ACCEPTED and other.attendee is not None and other.attendee.first_name == "Bob"
    k.close()


# --------------------------------------------------------------------------- garbage


GARBAGE = [
    "",
    "   \t\r\n",
    "\x00\x01\x02\x03",
    bytes(range(256)).decode("latin-1"),
    "PLUS20\x00-0001",
    "\udcff\udcfe\udc80",  # undecodable bytes as the OS hands them over (surrogateescape)
    "A" * 10_000,
    "PLUS20-0001" * 1000,
    "é" * 600,
    "\u202e1000-02SULP",
    "'; DROP TABLE scans; --",
    "K1.AAAA",
    "K1." + "A" * 300,
]


@pytest.mark.parametrize("raw", GARBAGE, ids=range(len(GARBAGE)))
def test_garbage_is_invalid_logged_and_harmless(kiosk: Kiosk, clock: FakeClock, raw: str) -> None:
    result = kiosk.check_in(raw)
    expected = Verdict.UNKNOWN if raw == "'; DROP TABLE scans; --" else Verdict.INVALID
    assert result.verdict is expected and result.attendee is None
    assert result.scan is not None
    row = kiosk.conn.execute("SELECT kind, verdict, code FROM scans WHERE id = ?", (result.scan.id,)).fetchone()
    assert (row["kind"], row["verdict"]) == ("refused", expected.value)
    assert 1 <= len(row["code"]) <= 512 and row["code"].isprintable()
    assert kiosk.stats().checked_in == 0
    clock.advance(5)
    assert kiosk.check_in(CODE).attendee is not None  # the kiosk still works


# --------------------------------------------------------------------------- override and undo


def test_override_is_an_event_with_who_and_why(kiosk: Kiosk, clock: FakeClock) -> None:
    guest = cancelled_guest(kiosk)
    assert kiosk.check_in(guest.ticket_code or "").verdict is Verdict.CANCELLED
    clock.advance(20)
    result = kiosk.override(guest.id, reason="  paid at the door ", staff=" Chloé ", device_name="desk")
    assert result.verdict is Verdict.ACCEPTED and result.scan is not None
    row = kiosk.conn.execute("SELECT * FROM scans WHERE id = ?", (result.scan.id,)).fetchone()
    assert (row["kind"], row["staff"], row["reason"], row["device_name"], row["attendee_id"]) == (
        "override", "Chloé", "paid at the door", "desk", guest.id)
    assert kiosk.presence(guest.id).inside
    assert kiosk.attendee(guest.id).status is Status.CANCELLED  # the registration itself is unchanged
    with pytest.raises(KioskError):
        kiosk.override(guest.id, reason=" ", staff="Chloé")
    with pytest.raises(KioskError):
        kiosk.override(guest.id, reason="x", staff="")


def test_undo_reverts_the_last_scan_with_who_and_why(kiosk: Kiosk, clock: FakeClock) -> None:
    code = valid_code(kiosk)
    entry = kiosk.check_in(code)
    assert entry.scan is not None and entry.attendee is not None
    clock.advance(1)
    undone = kiosk.undo(staff="Chloé", reason="scanned the wrong ticket")
    assert undone is not None and undone.id == entry.scan.id
    assert not kiosk.presence(entry.attendee.id).checked_in
    assert kiosk.stats().checked_in == 0
    row = kiosk.conn.execute("SELECT * FROM scans WHERE kind = 'undo'").fetchone()
    assert (row["target_id"], row["staff"], row["reason"], row["device_name"]) == (
        entry.scan.id, "Chloé", "scanned the wrong ticket", "door-1")
    assert kiosk.undo() is None  # nothing left to undo on this device
    with pytest.raises(KioskError, match="already undone"):
        kiosk.undo(scan_id=entry.scan.id)
    # Within the repeat window, the same ticket can be read again at once after an undo.
    clock.advance(0.5)
    again = kiosk.check_in(code)
    assert again.verdict is Verdict.ACCEPTED and not again.repeated
    assert [k for k, _, _ in scans(kiosk)] == ["entry", "undo", "entry"]


def test_undo_of_an_exit_puts_the_guest_back_inside(kiosk: Kiosk, clock: FakeClock) -> None:
    code = valid_code(kiosk)
    kiosk.check_in(code)
    clock.advance(60)
    kiosk.check_in(code, direction=Direction.EXIT)
    assert kiosk.stats().inside == 0
    kiosk.undo()
    assert kiosk.stats().inside == 1


def test_undo_only_for_this_device_and_only_entries_exits_overrides(
        kiosk: Kiosk, door2: Kiosk, clock: FakeClock) -> None:
    door2.check_in(valid_code(kiosk))
    hand_over(door2, kiosk)
    assert kiosk.undo() is None
    clock.advance(5)
    refused = kiosk.check_in("NOBODY").scan
    assert refused is not None
    with pytest.raises(KioskError, match="only entries"):
        kiosk.undo(scan_id=refused.id)
    with pytest.raises(KioskError, match="no scan"):
        kiosk.undo(scan_id=str(uuid.uuid4()))


# --------------------------------------------------------------------------- presence from the log


def _presence_table(k: Kiosk) -> list[tuple[object, ...]]:
    return [tuple(r) for r in k.conn.execute(
        "SELECT id, first_entry_at, first_entry_device, last_scan_at, inside FROM attendees ORDER BY id")]


def test_rebuild_presence_matches_incremental(kiosk: Kiosk, clock: FakeClock) -> None:
    rng = random.Random(2026)
    codes = [valid_code(kiosk, i) for i in range(30)] + [cancelled_guest(kiosk).ticket_code or ""]
    devices = ["door-1", "door-2", "desk"]
    for _ in range(400):
        clock.advance(rng.uniform(0.1, 20))
        roll = rng.random()
        device = rng.choice(devices)
        if roll < 0.6:
            kiosk.check_in(rng.choice(codes), device_name=device)
        elif roll < 0.85:
            kiosk.check_in(rng.choice(codes), direction=Direction.EXIT, device_name=device)
        elif roll < 0.93:
            kiosk.undo(device_name=device, staff="s")
        else:
            kiosk.override(kiosk.find(rng.choice(codes)).id, reason="r", staff="s", device_name=device)
    incremental, stats = _presence_table(kiosk), cast("dict[str, Any]", kiosk.stats().to_json())
    assert stats["checked_in"] > 10 and 0 < stats["inside"] < stats["checked_in"]  # a real mix
    kiosk.conn.execute("UPDATE attendees SET first_entry_at = NULL, first_entry_device = NULL,"
                       " last_scan_at = NULL, inside = 0")
    assert kiosk.stats().checked_in == 0
    rebuilt = kiosk.rebuild_presence()
    assert rebuilt == len({a for _, _, a in scans(kiosk) if a})
    assert _presence_table(kiosk) == incremental
    assert kiosk.stats().to_json() == stats


# --------------------------------------------------------------------------- check-in by name


def test_check_in_attendee_found_by_name(kiosk: Kiosk, clock: FakeClock) -> None:
    guest = kiosk.find(valid_code(kiosk))
    result = kiosk.check_in_attendee(guest.id, device_name="desk")
    assert result.verdict is Verdict.ACCEPTED
    clock.advance(30)
    assert kiosk.check_in_attendee(guest.id).verdict is Verdict.ALREADY_CHECKED_IN
    assert kiosk.history(guest.id)[0].code == guest.ticket_code
    assert [s.kind for s in kiosk.history(guest.id)] == [ScanKind.ENTRY, ScanKind.REFUSED]


def test_idle_checkpoint_empties_the_wal(kiosk: Kiosk) -> None:
    """The window checkpoints when idle so the automatic checkpoint rarely lands on a check-in."""
    for n in range(1, 30):
        kiosk.check_in(f"PLUS20-{n:04d}")
    log_frames, checkpointed = kiosk.checkpoint()
    assert log_frames > 0 and checkpointed == log_frames
    kiosk.check_in("PLUS20-0031")
    assert kiosk.checkpoint()[1] > 0
