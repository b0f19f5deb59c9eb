"""Walk-in registration: the operation the CLI and the self-service screen share."""

from __future__ import annotations

import secrets
import uuid
from dataclasses import dataclass

from kiosk.domain import codes
from kiosk.domain.model import (
    Attendee,
    CheckinResult,
    Event,
    Status,
)
from kiosk.domain.text import email_key
from kiosk.service.checkin import CheckinOperations
from kiosk.service.errors import KioskError, storage_guard
from kiosk.service.stats import WorkshopFigures
from kiosk.store import attendees as attendee_store
from kiosk.store import transaction

MAX_NAME = 200
_CODE_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"  # Crockford base32: no I, L, O, U


@dataclass(frozen=True)
class RegisterResult:
    attendee: Attendee
    created: bool  # False: an existing registration matched (same email, or name + organisation)
    checkin: CheckinResult | None



class RegistrationOperations(CheckinOperations):
    """Registration checks walk-ins in, so it builds on the check-in operations."""

    @storage_guard
    def register(
        self, *, first_name: str, last_name: str, email: str | None = None, organisation: str | None = None,
        category: str | None = None, workshop: str | None = None, checkin: bool = False,
        device_name: str | None = None,
    ) -> RegisterResult:
        """A walk-in registration. A guest already registered (same email, or same name and
        organisation) is found again instead of being created twice."""
        event, device = self.event, self.device(device_name)
        first, last = first_name.strip(), last_name.strip()
        org = (organisation or "").strip() or None
        mail = (email or "").strip() or None
        if not first or not last:
            raise KioskError("first and last name are required")
        if max(len(first), len(last), len(org or ""), len(mail or "")) > MAX_NAME:
            raise KioskError(f"a field is longer than {MAX_NAME} characters")
        if mail and email_key(mail) is None:
            raise KioskError(f"{mail!r} is not an email address")
        category = self._choice(category, [c.name for c in event.categories], "category")
        workshop = self._choice(workshop, [w.name for w in event.workshops], "workshop")
        with transaction(self.conn):
            existing = self._existing_registration(event, first, last, mail, org)
            if existing is None:
                self._check_places(event, workshop, checkin)
                now = self.now()
                existing = Attendee(
                    id=str(uuid.uuid4()), event_id=event.id, first_name=first, last_name=last,
                    ticket_code=self._new_code(event), email=mail, organisation=org, category=category,
                    workshop=workshop, status=Status.VALID, source="walk-in", source_device=device.id,
                    created_at=now, updated_at=now,
                )
                attendee_store.insert(self.conn, existing, case_sensitive=event.codes_case_sensitive,
                                      now=now, device_id=device.id)
                created = True
            else:
                created = False
        result = self.check_in_attendee(existing.id, device_name=device_name) if checkin else None
        return RegisterResult(existing, created, result)

    def _existing_registration(
        self, event: Event, first: str, last: str, mail: str | None, org: str | None
    ) -> Attendee | None:
        key = email_key(mail)
        if key:
            matches = attendee_store.by_email(self.conn, event.id, key)
            if matches:
                return matches[0]
        same_name = attendee_store.by_name(self.conn, event.id, first, last, org)
        return same_name[0] if same_name else None

    def _check_places(self, event: Event, workshop: str | None, checkin: bool) -> None:
        stats = self.stats()
        if checkin and event.capacity is not None and stats.inside >= event.capacity:
            raise KioskError(f"the venue is full ({stats.inside}/{event.capacity} inside)")
        for w in event.workshops:
            if w.name == workshop and w.capacity is not None:
                taken = stats.by_workshop.get(w.name, WorkshopFigures()).registered
                if taken >= w.capacity:
                    raise KioskError(f"workshop {w.name!r} is full ({taken}/{w.capacity})")

    @staticmethod
    def _choice(value: str | None, allowed: list[str], what: str) -> str | None:
        value = (value or "").strip() or None
        if value is None or not allowed:
            return value
        for name in allowed:
            if name.casefold() == value.casefold():
                return name
        raise KioskError(f"unknown {what} {value!r}; choose one of: {', '.join(allowed)}")

    def _new_code(self, event: Event) -> str:
        """Random walk-in codes: 50 bits, so kiosks minting offline never collide in practice."""
        while True:
            code = "W" + "".join(secrets.choice(_CODE_ALPHABET) for _ in range(10))
            if attendee_store.by_code(self.conn, event.id, codes.code_key(code)) is None:
                return code
