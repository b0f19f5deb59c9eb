"""The default 'printer' when none is configured: badges land as PDF files in a folder.

Why: a kiosk must work out of the box; staff can open or print the folder later, and the
window says where it is (``PdfFolderPrinter.directory``).
"""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

from kiosk.adapters.printing.base import JobState, Media, PrinterError, PrinterInfo, PrinterState
from kiosk.files import atomic_write, private_dir


def _safe(title: str) -> str:
    return re.sub(r"[^\w.-]+", "_", title).strip("._")[:120] or "badge"


class PdfFolderPrinter:
    backend = "pdf"

    def __init__(self, directory: Path) -> None:
        self.directory = directory

    @property
    def name(self) -> str:
        return str(self.directory)

    def submit(self, pdf_path: str, media: Media, title: str = "") -> str:  # noqa: ARG002 (any size fits a folder)
        """Copy atomically (temp file + rename) so a crash never leaves half a badge."""
        target = self.directory / f"{_safe(title or Path(pdf_path).stem)}.pdf"
        try:
            private_dir(self.directory)
            with open(pdf_path, "rb") as src, atomic_write(target) as out:
                shutil.copyfileobj(src, out)
        except OSError as exc:
            raise PrinterError(f"cannot write {target}: {exc.strerror or exc}") from exc
        return target.name

    def status(self) -> PrinterState:
        try:
            private_dir(self.directory)
        except OSError as exc:
            return PrinterState(False, False, False, f"cannot create {self.directory}: {exc.strerror or exc}")
        if not os.access(self.directory, os.W_OK):
            return PrinterState(False, False, False, f"{self.directory} is not writable")
        return PrinterState(True, True, False, f"PDF files in {self.directory}")

    def job_state(self, job_id: str) -> JobState:
        return JobState.COMPLETED if (self.directory / job_id).exists() else JobState.UNKNOWN

    def find_job(self, title: str) -> tuple[str, JobState] | None:
        name = f"{_safe(title)}.pdf"
        return (name, JobState.COMPLETED) if (self.directory / name).exists() else None

    def list_printers(self) -> list[PrinterInfo]:
        return []
