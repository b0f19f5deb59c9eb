"""Walk-in registration: the operation the CLI and the self-service screen share."""

from __future__ import annotations

import secrets
import uuid
from collections.abc import Callable
from dataclasses import dataclass

from kiosk.domain import codes
from kiosk.domain.model import (
    WALK_IN,
    Attendee,
    CheckinResult,
    Event,
    Status,
    Verdict,
)
from kiosk.domain.text import email_key, search_text
from kiosk.service.attendees import Attendees
from kiosk.service.checkin import CheckIn
from kiosk.service.errors import Refused, VenueFull, WorkshopFull, storage_guard
from kiosk.service.session import Session, SessionService
from kiosk.service.stats import DoorStats, WorkshopFigures
from kiosk.store import attendees as attendee_store
from kiosk.store import transaction
from kiosk.store import walk_ins as walk_in_store

MAX_NAME = 200
_CODE_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"  # Crockford base32: no I, L, O, U


@dataclass(frozen=True)
class Consent:
    """What a walk-in agreed to on the self-service screen, and the notice they were shown."""

    notice: str
    contact_ok: bool = False


@dataclass(frozen=True)
class RegisterResult:
    attendee: Attendee
    created: bool  # False: an existing registration matched (same email, or name + organisation)
    checkin: CheckinResult | None



def choice(value: str | None, allowed: list[str], what: str) -> str | None:
    """``value`` as the event spells it (case folded), None when blank; Refused when the event lists
    its choices and this is none of them (an event without a list takes any value)."""
    value = (value or "").strip() or None
    if value is None or not allowed:
        return value
    for name in allowed:
        if name.casefold() == value.casefold():
            return name
    raise Refused("unknown_choice", what=what, value=value, allowed=", ".join(allowed))


class Registration(SessionService):
    """Walk-in registration; it checks walk-ins in, so it is composed on the check-in service."""

    def __init__(self, session: Session, checkin: CheckIn, attendees: Attendees, door_stats: DoorStats) -> None:
        super().__init__(session)
        self._checkin = checkin
        self._attendees = attendees
        self._door_stats = door_stats

    @storage_guard
    def register(
        self, *, first_name: str, last_name: str, email: str | None = None, organisation: str | None = None,
        category: str | None = None, workshop: str | None = None, checkin: bool = False,
        device_name: str | None = None, consent: Consent | None = None,
        on_admitted: Callable[[Attendee], object] | None = None,
    ) -> RegisterResult:
        """A walk-in registration. A guest already registered (same e-mail and same name, or same
        name and organisation) is found again instead of being created twice.

        Creating, the capacity checks, the check-in, the consent and ``on_admitted`` (the badge
        job) are one transaction: concurrent walk-ins on two kiosks never pass a full venue, and a
        failure leaves nothing half-done.
        """
        event, device = self._session.event, self._session.device(device_name)
        first, last = first_name.strip(), last_name.strip()
        org = (organisation or "").strip() or None
        mail = (email or "").strip() or None
        if not first or not last:
            raise Refused("names_required")
        if max(len(first), len(last), len(org or ""), len(mail or "")) > MAX_NAME:
            raise Refused("field_too_long", limit=MAX_NAME)
        if mail and email_key(mail) is None:
            raise Refused("not_an_email", email=mail)
        category = choice(category, [c.name for c in event.categories], "category")
        workshop = choice(workshop, [w.name for w in event.workshops], "workshop")
        with transaction(self.conn):
            existing = self._existing_registration(event, first, last, mail, org)
            created = existing is None
            if existing is None:
                self._check_places(event, workshop, checkin)
                now = self._session.now()
                existing = Attendee(
                    id=str(uuid.uuid4()), event_id=event.id, first_name=first, last_name=last,
                    ticket_code=self._new_code(event), email=mail, organisation=org, category=category,
                    workshop=workshop, status=Status.VALID, source=WALK_IN, source_device=device.id,
                    created_at=now, updated_at=now,
                )
                attendee_store.insert(self.conn, existing, case_sensitive=event.codes_case_sensitive,
                                      now=now, device_id=device.id)
            elif checkin and not self._attendees.presence(existing.id).inside:
                self._check_places(event, None, checkin)  # an existing guest counts against the venue too
            if consent is not None:
                walk_in_store.record_consent(self.conn, attendee_id=existing.id, event_id=event.id,
                                             given_at=self._session.now(), contact_ok=consent.contact_ok,
                                             notice=consent.notice, device_id=device.id)
            result = self._checkin.check_in_attendee(existing.id, device_name=device_name) if checkin else None
            if on_admitted is not None and result is not None and result.verdict is Verdict.ACCEPTED:
                on_admitted(existing)
        return RegisterResult(existing, created, result)

    def _existing_registration(
        self, event: Event, first: str, last: str, mail: str | None, org: str | None
    ) -> Attendee | None:
        key = email_key(mail)
        if key:  # a shared e-mail (a family, a company's payer) is not enough: the name must match too
            wanted = search_text(first, last)
            for match in attendee_store.by_email(self.conn, event.id, key):
                if search_text(match.first_name, match.last_name) == wanted:
                    return match
        same_name = attendee_store.by_name(self.conn, event.id, first, last, org)
        return same_name[0] if same_name else None

    def _check_places(self, event: Event, workshop: str | None, checkin: bool) -> None:
        stats = self._door_stats.stats()
        if checkin and event.capacity is not None and stats.inside >= event.capacity:
            raise VenueFull(stats.inside, event.capacity)
        for w in event.workshops:
            if w.name == workshop and w.capacity is not None:
                taken = stats.by_workshop.get(w.name, WorkshopFigures()).registered
                if taken >= w.capacity:
                    raise WorkshopFull(w.name, taken, w.capacity)

    def _new_code(self, event: Event) -> str:
        """Random walk-in codes: 50 bits, so kiosks minting offline never collide in practice."""
        while True:
            code = "W" + "".join(secrets.choice(_CODE_ALPHABET) for _ in range(10))
            if attendee_store.by_code(self.conn, event.id, codes.code_key(code)) is None:
                return code
