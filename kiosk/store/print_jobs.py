"""SQL for the print queue (table ``print_jobs``, migration 0002). Callers own the transaction."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass

from kiosk.domain.printing import HAS_BADGE, PENDING, JobStatus

STATUSES = tuple(JobStatus)
_HAS_BADGE_SQL = ", ".join(f"'{s.value}'" for s in HAS_BADGE)
__all__ = ["PENDING", "STATUSES", "JobStatus", "PrintJob"]

_COLUMNS = (
    "id, event_id, attendee_id, format, backend, printer, status, attempts, last_error, reprint, "
    "cups_job_id, claimed_by, next_attempt_at, device_id, created_at, updated_at, missing_glyphs"
)


@dataclass(frozen=True)
class PrintJob:
    id: str
    event_id: str
    attendee_id: str
    format: str
    backend: str
    printer: str
    status: JobStatus
    attempts: int
    last_error: str | None
    reprint: bool
    cups_job_id: str | None
    claimed_by: str | None
    next_attempt_at: str | None
    device_id: str
    created_at: str
    updated_at: str
    missing_glyphs: str = ""  # letters of the badge no font could draw (left out), migration 0005

    @property
    def title(self) -> str:
        """The title the printer sees: how a restarted kiosk finds this job again."""
        return f"kiosk-{self.id}"

    def to_json(self) -> dict[str, object]:
        return {
            "id": self.id, "attendee_id": self.attendee_id, "format": self.format, "backend": self.backend,
            "printer": self.printer, "status": self.status.value, "attempts": self.attempts,
            "last_error": self.last_error, "reprint": self.reprint, "cups_job_id": self.cups_job_id,
            "created_at": self.created_at, "updated_at": self.updated_at, "missing_glyphs": self.missing_glyphs,
        }


def _from_row(row: sqlite3.Row) -> PrintJob:
    return PrintJob(
        id=row["id"], event_id=row["event_id"], attendee_id=row["attendee_id"], format=row["format"],
        backend=row["backend"], printer=row["printer"], status=JobStatus(row["status"]), attempts=int(row["attempts"]),
        last_error=row["last_error"], reprint=bool(row["reprint"]), cups_job_id=row["cups_job_id"],
        claimed_by=row["claimed_by"], next_attempt_at=row["next_attempt_at"], device_id=row["device_id"],
        created_at=row["created_at"], updated_at=row["updated_at"], missing_glyphs=row["missing_glyphs"],
    )


def insert(conn: sqlite3.Connection, job: PrintJob) -> None:
    conn.execute(
        f"INSERT INTO print_jobs ({_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (job.id, job.event_id, job.attendee_id, job.format, job.backend, job.printer, job.status, job.attempts,
         job.last_error, int(job.reprint), job.cups_job_id, job.claimed_by, job.next_attempt_at, job.device_id,
         job.created_at, job.updated_at, job.missing_glyphs),
    )


def get(conn: sqlite3.Connection, job_id: str) -> PrintJob | None:
    row = conn.execute(f"SELECT {_COLUMNS} FROM print_jobs WHERE id = ?", (job_id,)).fetchone()
    return _from_row(row) if row else None


def with_status(conn: sqlite3.Connection, device_id: str, statuses: Iterable[str]) -> list[PrintJob]:
    wanted = list(statuses)
    marks = ", ".join("?" * len(wanted))
    rows = conn.execute(
        f"SELECT {_COLUMNS} FROM print_jobs WHERE device_id = ? AND status IN ({marks}) ORDER BY created_at, rowid",
        (device_id, *wanted),
    ).fetchall()
    return [_from_row(r) for r in rows]


def count(conn: sqlite3.Connection, device_id: str, statuses: Iterable[str]) -> int:
    wanted = list(statuses)
    marks = ", ".join("?" * len(wanted))
    return int(conn.execute(
        f"SELECT count(*) FROM print_jobs WHERE device_id = ? AND status IN ({marks})", (device_id, *wanted)
    ).fetchone()[0])


def next_due(conn: sqlite3.Connection, device_id: str, now: str) -> PrintJob | None:
    """The oldest queued job whose backoff has passed."""
    row = conn.execute(
        f"SELECT {_COLUMNS} FROM print_jobs WHERE device_id = ? AND status = '{JobStatus.QUEUED.value}'"
        " AND (next_attempt_at IS NULL OR next_attempt_at <= ?) ORDER BY created_at, rowid LIMIT 1",
        (device_id, now),
    ).fetchone()
    return _from_row(row) if row else None


def update(
    conn: sqlite3.Connection, job_id: str, *, now: str, expect: str | None = None, **changes: object
) -> bool:
    """Set columns of one job; with ``expect``, only if its status is still that (a claim)."""
    allowed = {"status", "attempts", "last_error", "cups_job_id", "claimed_by", "next_attempt_at", "printer",
               "missing_glyphs"}
    unknown = set(changes) - allowed
    if unknown:
        raise ValueError(f"not print_jobs columns: {sorted(unknown)}")
    sets = ", ".join(f"{k} = ?" for k in changes)
    sql = f"UPDATE print_jobs SET {sets}, updated_at = ? WHERE id = ?"
    params: list[object] = [*changes.values(), now, job_id]
    if expect is not None:
        sql += " AND status = ?"
        params.append(expect)
    return conn.execute(sql, params).rowcount == 1


def has_badge(conn: sqlite3.Connection, attendee_id: str) -> bool:
    """True when a badge came out at any kiosk (``badge_prints``: this one's and those pulled from the
    hub) or one is on its way here: the next one is a reprint."""
    row = conn.execute(
        "SELECT 1 FROM badge_prints WHERE attendee_id = ? UNION ALL"
        f" SELECT 1 FROM print_jobs WHERE attendee_id = ? AND status IN ({_HAS_BADGE_SQL}) LIMIT 1",
        (attendee_id, attendee_id)
    ).fetchone()
    return row is not None


def printed_attendees(conn: sqlite3.Connection, event_id: str) -> set[str]:
    """Guests with at least one badge that came out, at this kiosk or another (for
    ``badges --only-not-printed``): ``badge_prints`` holds both (migration 0010)."""
    rows = conn.execute(
        "SELECT attendee_id FROM badge_prints WHERE event_id = ? UNION"
        f" SELECT attendee_id FROM print_jobs WHERE event_id = ? AND status = '{JobStatus.DONE.value}'",
        (event_id, event_id)
    ).fetchall()
    return {str(r[0]) for r in rows}


def recent(conn: sqlite3.Connection, device_id: str, limit: int = 50) -> list[PrintJob]:
    rows = conn.execute(
        f"SELECT {_COLUMNS} FROM print_jobs WHERE device_id = ? ORDER BY created_at DESC, rowid DESC LIMIT ?",
        (device_id, limit),
    ).fetchall()
    return [_from_row(r) for r in rows]


def done_on(conn: sqlite3.Connection, device_id: str, backend: str, printer: str | None = None) -> int:
    """Badges this device got through to a printer of ``backend`` (and name, when given): a test badge
    counts, so "printer tested" means a badge really left on the printer configured now."""
    if printer is None:
        row = conn.execute("SELECT count(*) FROM print_jobs WHERE device_id = ? AND backend = ? AND status = 'done'",
                           (device_id, backend)).fetchone()
    else:
        row = conn.execute("SELECT count(*) FROM print_jobs WHERE device_id = ? AND backend = ? AND printer = ?"
                           " AND status = 'done'", (device_id, backend, printer)).fetchone()
    return int(row[0])
