"""A call for help from the walk-in screen and its answer: the staff windows of every door show and
sound it until one of them answers. Immutable facts (a call, then an answer naming it), so two doors
answering at once agree: the call is closed, both answers are kept."""

from __future__ import annotations

from dataclasses import dataclass

CALL, ANSWER = "call", "answer"


@dataclass(frozen=True)
class HelpCall:
    id: str
    event_id: str
    kind: str  # CALL or ANSWER
    call_id: str  # the call this answers; a call names itself
    device_id: str
    device_name: str  # the walk-in screen's laptop ("Accueil 1"), or the answering door
    at: str  # store time
    staff: str | None = None  # who answered

    def to_json(self) -> dict[str, object]:
        return dict(self.__dict__)
