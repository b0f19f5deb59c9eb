"""The print job's life as a state machine: its states, the moves allowed, and the retry rule.

Pure: the queue (kiosk.service.printing) asks ``move`` before every status write, the store keeps
the state, the worker only says when to take a step.

    queued ──claim──▶ printing ──printer done──▶ done
      ▲  │               │
      │  └─printer down─▶ held ─printer back─▶ queued
      └──retry / backoff─┘ (failed after MAX_ATTEMPTS; staff Retry puts failed back to queued)
"""

from __future__ import annotations

from enum import StrEnum

MAX_ATTEMPTS = 5
BACKOFF_S = (2.0, 10.0, 30.0, 120.0)


class JobStatus(StrEnum):
    QUEUED = "queued"  # waiting its turn (maybe backing off until next_attempt_at)
    PRINTING = "printing"  # claimed and handed (or being handed) to the printer
    DONE = "done"  # the printer says it came out
    FAILED = "failed"  # given up after MAX_ATTEMPTS; staff may retry
    HELD = "held"  # the printer is missing, paused or rejecting: waits, no attempt spent


PENDING = (JobStatus.QUEUED, JobStatus.PRINTING, JobStatus.HELD)  # a badge still to come out
ACTIVE = (JobStatus.QUEUED, JobStatus.PRINTING)  # what the queue still works on by itself
HAS_BADGE = (JobStatus.DONE, *PENDING)  # printed or on its way: the next one is a reprint

MOVES: dict[JobStatus, frozenset[JobStatus]] = {
    JobStatus.QUEUED: frozenset({JobStatus.PRINTING, JobStatus.HELD}),
    JobStatus.PRINTING: frozenset({JobStatus.PRINTING, JobStatus.DONE, JobStatus.QUEUED, JobStatus.FAILED}),
    JobStatus.HELD: frozenset({JobStatus.QUEUED}),
    JobStatus.FAILED: frozenset({JobStatus.QUEUED}),
    JobStatus.DONE: frozenset(),
}


class IllegalMove(ValueError):
    """A status write the state machine does not allow (a bug, never a printer problem)."""


def move(current: str, to: JobStatus) -> JobStatus:
    """``to`` when a job in ``current`` may go there; IllegalMove otherwise."""
    if to not in MOVES[JobStatus(current)]:
        raise IllegalMove(f"a print job cannot go from {current} to {to}")
    return to


def after_failure(attempts: int) -> tuple[JobStatus, float | None]:
    """A submission failed after ``attempts`` tries: retry after a delay (s), or give up."""
    if attempts >= MAX_ATTEMPTS:
        return JobStatus.FAILED, None
    delay = BACKOFF_S[min(attempts, len(BACKOFF_S)) - 1] if attempts else BACKOFF_S[0]
    return JobStatus.QUEUED, delay
