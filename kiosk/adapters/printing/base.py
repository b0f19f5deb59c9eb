"""The one interface every printer backend implements (CUPS, Qt QPrinter, PDF folder).

Why a protocol: the print queue and the window only know ``Printer``; a site can move from
the PDF folder to a label printer by changing a setting, and tests drive a real CUPS server
through the same calls the door uses.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Protocol, runtime_checkable


class PrinterError(Exception):
    """Submitting or querying failed; the message is shown to staff (and kept on the job)."""


class JobState(StrEnum):
    PENDING = "pending"  # accepted, waiting or printing (also: held because the printer is paused)
    COMPLETED = "completed"
    FAILED = "failed"  # aborted or cancelled: the badge did not come out
    UNKNOWN = "unknown"  # the server no longer knows it


@dataclass(frozen=True)
class PrinterState:
    ok: bool  # can print now
    accepting: bool = True  # takes new jobs (cupsreject/cupsaccept)
    paused: bool = False  # stopped (cupsdisable/cupsenable): jobs wait in the server's queue
    message: str = ""  # why not ok, in words for staff

    def to_json(self) -> dict[str, object]:
        return {"ok": self.ok, "accepting": self.accepting, "paused": self.paused, "message": self.message}


@dataclass(frozen=True)
class PrinterInfo:
    name: str
    default: bool = False
    state: str = ""  # "idle", "printing", "disabled"...
    accepting: bool = True

    def to_json(self) -> dict[str, object]:
        return {"name": self.name, "default": self.default, "state": self.state, "accepting": self.accepting}


@dataclass(frozen=True)
class Media:
    """The paper a job needs: the badge format's page, for ``-o media=`` or QPageSize."""

    width_mm: float
    height_mm: float
    name: str = ""  # a standard name ("A6", "A4", "Letter") when there is one

    @property
    def cups(self) -> str:
        return self.name or f"Custom.{self.width_mm:g}x{self.height_mm:g}mm"


@runtime_checkable
class Printer(Protocol):
    backend: str  # "cups" | "qt" | "pdf"

    @property
    def name(self) -> str: ...

    def submit(self, pdf_path: str, media: Media, title: str = "") -> str:
        """Hand a PDF to the printer; returns the printer's job id. Raises PrinterError."""
        ...

    def status(self) -> PrinterState: ...

    def job_state(self, job_id: str) -> JobState:
        """Where a job submitted earlier stands (to resume after a crash)."""
        ...

    def find_job(self, title: str) -> tuple[str, JobState] | None:
        """A job submitted under ``title`` (kiosk uses its own job id), if the printer knows it."""
        ...

    def list_printers(self) -> list[PrinterInfo]: ...
