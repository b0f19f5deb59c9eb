"""A ticket held up to the walk-in screen reveals nothing about anyone (issue 21).

With sequential codes, whoever stands at the screen could otherwise list who is registered and who is
inside, and mark absent guests present. Real SQLite file, the demo event, the real facade.
"""

from __future__ import annotations

import dataclasses

from kiosk.domain.model import ScanKind
from kiosk.service import Kiosk
from kiosk.service.self_service import Answer, Outcome, SelfService
from kiosk.store import scans as scan_store
from tests.conftest import FakeClock


def _cancelled(kiosk: Kiosk) -> str:
    row = kiosk.conn.execute("SELECT ticket_code FROM attendees WHERE status = 'cancelled' LIMIT 1").fetchone()
    return str(row[0])


def _marks_present(kiosk: Kiosk) -> int:
    return scan_store.count(kiosk.conn, kiosk.event.id) - int(kiosk.conn.execute(
        "SELECT count(*) FROM scans WHERE kind = 'refused'").fetchone()[0])


def test_a_valid_ticket_greets_by_first_name_only(kiosk: Kiosk) -> None:
    guest = kiosk.find("PLUS20-0012")
    answer = SelfService(kiosk).check_in_ticket("PLUS20-0012")
    assert answer.outcome is Outcome.WELCOME and answer.name == guest.first_name
    assert guest.last_name not in answer.name
    assert kiosk.presence(guest.id).inside


def test_inside_cancelled_unknown_and_forged_all_get_the_same_answer_and_nobody_is_checked_in(kiosk: Kiosk) -> None:
    service = SelfService(kiosk)
    kiosk.check_in("PLUS20-0020")  # already inside, checked in at the staff door
    cancelled = _cancelled(kiosk)
    before = _marks_present(kiosk)
    inside_before = kiosk.stats().inside
    answers = [service.check_in_ticket(code) for code in
               ("PLUS20-0020", cancelled, "PLUS20-9999", "K1.not-a-real-signed-ticket", "")]
    assert {a.outcome for a in answers} == {Outcome.TICKET_REFUSED}
    assert set(answers) == {Answer(Outcome.TICKET_REFUSED)}  # no name, no reason, nothing that differs
    assert all(not any(dataclasses.astuple(a)[1:4]) for a in answers)
    assert _marks_present(kiosk) == before and kiosk.stats().inside == inside_before
    refused = [s for s in scan_store.recent(kiosk.conn, kiosk.event.id, limit=10) if s.kind is ScanKind.REFUSED]
    assert len(refused) >= 4  # the attempts stay in the log, for staff


def test_the_same_ticket_twice_in_a_row_does_not_say_the_holder_is_inside(kiosk: Kiosk, clock: FakeClock) -> None:
    service = SelfService(kiosk)
    first = service.check_in_ticket("PLUS20-0031")
    assert first.outcome is Outcome.WELCOME
    clock.advance(60)  # a minute later, someone else holds it up
    again = service.check_in_ticket("PLUS20-0031")
    assert again == Answer(Outcome.TICKET_REFUSED)
