"""What the walk-in self-service screen may do, and nothing else.

The screen faces guests: it registers the one at the keyboard, checks them in, queues their badge,
or checks in a QR ticket. It holds this facade, never the Kiosk: no search, no list, no counts of
other guests, no undo, no history. Answers carry only what the guest typed.

A ticket held up here says nothing about anyone: codes can be sequential, so whoever stands at the screen
could otherwise list who is registered and who is inside. A ticket that lets in greets by first name
only; any other (already inside, cancelled, unknown, forged) sends the guest to the desk without saying
why, and marks nobody present (the refused attempt stays in the log for staff).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from enum import StrEnum

from kiosk.domain import walkin
from kiosk.domain.model import Verdict
from kiosk.domain.text import email_key
from kiosk.domain.walkin import FormProblem, Match, WalkInForm
from kiosk.service.errors import KioskError, VenueFull, WorkshopFull
from kiosk.service.kiosk import Kiosk
from kiosk.service.registration import Consent
from kiosk.store import attendees as attendee_store
from kiosk.store import transaction
from kiosk.store import walk_ins as walk_in_store

log = logging.getLogger(__name__)


class Outcome(StrEnum):
    WELCOME = "welcome"  # registered (or found again), checked in, badge queued
    WELCOME_BACK = "welcome_back"  # already inside: nothing written, no second badge
    CONFIRM = "confirm"  # the same e-mail and name are registered: the guest confirms it is them
    ASK_STAFF = "ask_staff"  # same name and organisation, nothing to tell them apart: a person decides
    INVALID = "invalid"
    VENUE_FULL = "venue_full"  # the waiting list is offered
    WORKSHOP_FULL = "workshop_full"  # filled while the form was open
    TICKET_REFUSED = "ticket_refused"  # a scanned ticket that does not let in: see the desk (never says why)


@dataclass(frozen=True)
class Answer:
    outcome: Outcome
    name: str = ""  # as the guest typed it (or as printed on their own ticket)
    workshop: str | None = None
    problems: tuple[FormProblem, ...] = ()
    badge_queued: bool = False


@dataclass(frozen=True)
class WorkshopChoice:
    name: str
    capacity: int | None
    left: int | None  # None: no limit

    @property
    def full(self) -> bool:
        return self.left is not None and self.left <= 0


class SelfService:
    def __init__(self, kiosk: Kiosk) -> None:
        """The badge of a guest let in here is the session's auto-print decision (Session.on_admitted,
        kiosk.service.printing.AutoPrint), as at every other way in."""
        self._kiosk = kiosk

    def call_for_help(self) -> str:
        """"Appeler l'équipe": every staff window (here and, through the hub, at the other doors) shows
        and sounds it until one answers. The call's id."""
        from kiosk.service import help_calls

        return help_calls.call(self._kiosk).id

    # --- what the form shows -------------------------------------------------------------
    @property
    def event_name(self) -> str:
        return self._kiosk.event.name

    @property
    def privacy_notice(self) -> str:
        from kiosk.domain import retention

        event = self._kiosk.event  # its {retention} slot says what the purge will do (kiosk.service.purge)
        return retention.notice(event.privacy_notice, event.retention)

    @property
    def categories(self) -> list[str]:
        return [c.name for c in self._kiosk.event.categories]

    def workshops(self) -> list[WorkshopChoice]:
        stats = self._kiosk.stats()
        out = []
        for w in self._kiosk.event.workshops:
            taken = stats.by_workshop[w.name].registered if w.name in stats.by_workshop else 0
            out.append(WorkshopChoice(w.name, w.capacity, None if w.capacity is None else max(0, w.capacity - taken)))
        return out

    def venue_full(self) -> bool:
        stats, capacity = self._kiosk.stats(), self._kiosk.event.capacity
        return capacity is not None and stats.inside >= capacity

    def check(self, form: WalkInForm) -> list[FormProblem]:
        """Inline validation while the guest types (the submit checks again)."""
        full = frozenset(w.name for w in self.workshops() if w.full)
        return walkin.validate(form, self._kiosk.event, full)

    # --- what the guest does ---------------------------------------------------------------
    def submit(self, form: WalkInForm, *, confirmed: bool = False) -> Answer:
        problems = self.check(form)
        if problems:
            filled = any(p.problem is walkin.Problem.WORKSHOP_FULL for p in problems)
            return Answer(Outcome.WORKSHOP_FULL if filled else Outcome.INVALID, problems=tuple(problems))
        form = form.cleaned()
        name = f"{form.first_name} {form.last_name}"
        workshop = form.workshop or None
        match = self._match(form)
        if match is Match.SAME_PERSON and not confirmed:
            return Answer(Outcome.CONFIRM, name=name, workshop=workshop)
        if match is Match.ASK_STAFF:
            return Answer(Outcome.ASK_STAFF, name=name, workshop=workshop)
        badges = self._kiosk.badges_queued
        try:
            result = self._kiosk.register(
                first_name=form.first_name, last_name=form.last_name, email=form.email or None,
                organisation=form.organisation or None, category=form.category or None, workshop=workshop,
                checkin=True, consent=Consent(self.privacy_notice, form.contact_ok),
            )
        except VenueFull:
            return Answer(Outcome.VENUE_FULL, name=name, workshop=workshop)
        except WorkshopFull:
            return Answer(Outcome.WORKSHOP_FULL, name=name, workshop=workshop)
        verdict = result.checkin.verdict if result.checkin else None
        if verdict is Verdict.ALREADY_CHECKED_IN:
            return Answer(Outcome.WELCOME_BACK, name=name, workshop=workshop)
        if verdict is not Verdict.ACCEPTED:
            raise KioskError(f"walk-in not checked in: {verdict}")
        return Answer(Outcome.WELCOME, name=name, workshop=result.attendee.workshop if confirmed else workshop,
                      badge_queued=self._kiosk.badges_queued > badges)

    def _match(self, form: WalkInForm) -> Match:
        conn, event_id = self._kiosk.conn, self._kiosk.event.id
        key = email_key(form.email)
        candidates = attendee_store.by_email(conn, event_id, key) if key else []
        candidates += attendee_store.by_name(conn, event_id, form.first_name, form.last_name,
                                             form.organisation or None)
        found = {walkin.match(form, a) for a in candidates if not a.cancelled}
        for best in (Match.SAME_PERSON, Match.ASK_STAFF):
            if best in found:
                return best
        return Match.NONE

    def join_waitlist(self, form: WalkInForm) -> None:
        """The venue is full: keep the guest's contact for staff (not checked in)."""
        problems = [p for p in self.check(form) if p.problem is not walkin.Problem.WORKSHOP_FULL]
        if problems:
            raise KioskError("the form is not valid")
        form = form.cleaned()
        kiosk = self._kiosk
        with transaction(kiosk.conn):
            walk_in_store.add_to_waitlist(
                kiosk.conn, event_id=kiosk.event.id, first_name=form.first_name, last_name=form.last_name,
                email=form.email or None, organisation=form.organisation or None, workshop=form.workshop or None,
                contact_ok=form.contact_ok, created_at=kiosk.now(), device_id=kiosk.device().id)

    def check_in_ticket(self, code: str) -> Answer:
        """A guest scans their own QR ticket here."""
        kiosk = self._kiosk
        capacity = kiosk.event.capacity
        badges = kiosk.badges_queued
        try:
            with transaction(kiosk.conn):
                result = kiosk.check_in(code)  # its badge job, if any, is in this transaction too
                accepted = result.verdict is Verdict.ACCEPTED and not result.repeated
                if accepted and capacity is not None and kiosk.stats().inside > capacity:
                    raise _Rollback  # this entry would pass the capacity: nothing is written
        except _Rollback:
            kiosk.badges_queued = badges  # the job was rolled back with the entry
            return Answer(Outcome.VENUE_FULL)
        # A repeat (the same code again within seconds) replays the first answer: here it would tell a
        # second person that this ticket's holder just came in.
        if result.verdict is Verdict.ACCEPTED and result.attendee is not None and not result.repeated:
            return Answer(Outcome.WELCOME, name=result.attendee.first_name, workshop=result.attendee.workshop,
                          badge_queued=kiosk.badges_queued > badges)
        # Already inside, cancelled, unknown, forged: the same answer for all (the log keeps the reason).
        log.info("self-service ticket refused: %s%s", result.verdict.value, " (repeat)" if result.repeated else "")
        return Answer(Outcome.TICKET_REFUSED)


class _Rollback(Exception):
    pass
