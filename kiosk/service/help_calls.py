"""Calls for help: the walk-in screen calls the team; every staff window (here, and at the other doors
through the hub) shows and sounds it until one answers; `kiosk alerts` lists the open ones."""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING

from kiosk.domain.help_calls import ANSWER, CALL, HelpCall
from kiosk.service.errors import KioskError
from kiosk.store import help_calls as store
from kiosk.store import transaction

if TYPE_CHECKING:
    from kiosk.service.session import Session

MAX_STAFF_CHARS = 60


def call(session: Session) -> HelpCall:
    """The walk-in screen asks for someone: a call from this device, for the active event."""
    event, device = session.event, session.device()
    row = HelpCall(str(uuid.uuid4()), event.id, CALL, "", device.id, device.name, session.now())
    row = HelpCall(**{**row.__dict__, "call_id": row.id})
    with transaction(session.conn):
        store.add(session.conn, row)
    return row


def open_calls(session: Session) -> list[HelpCall]:
    if not session.has_event():
        return []
    return store.open_calls(session.conn, session.event.id)


def answer(session: Session, call_id: str, staff: str | None = None) -> HelpCall:
    """Someone goes: the call is closed everywhere once the answer reached the hub."""
    staff = " ".join((staff or "").split())[:MAX_STAFF_CHARS] or None
    waiting = {c.id: c for c in open_calls(session)}
    if call_id not in waiting:
        raise KioskError(f"no open call for help {call_id}")
    device = session.device()
    row = HelpCall(str(uuid.uuid4()), waiting[call_id].event_id, ANSWER, call_id, device.id, device.name,
                   session.now(), staff)
    with transaction(session.conn):
        store.add(session.conn, row)
    return row
