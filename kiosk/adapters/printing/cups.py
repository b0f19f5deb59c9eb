"""CUPS backend through the ``lp``/``lpstat`` commands (no pycups build), plus IPP for job titles.

The page size travels as ``-o media=`` (a standard name or ``Custom.WxHmm``) so a label
printer cuts at the badge's length and a PDF queue keeps the format's page size.
"""

from __future__ import annotations

import os
import re
import subprocess

from kiosk.adapters.printing import ipp
from kiosk.adapters.printing.base import JobState, Media, PrinterError, PrinterInfo, PrinterState

_TIMEOUT = 15.0
_REQUEST = re.compile(r"request id is (\S+)")


def _run(args: list[str]) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "LC_ALL": "C", "LANG": "C"}  # lpstat's words are parsed: no translation
    try:
        return subprocess.run(args, capture_output=True, text=True, timeout=_TIMEOUT, env=env, check=False)
    except FileNotFoundError as exc:
        raise PrinterError(f"{args[0]} not found: install the CUPS client (Debian: cups-client)") from exc
    except subprocess.TimeoutExpired as exc:
        raise PrinterError(f"{args[0]} did not answer in {_TIMEOUT:g} s: is CUPS running?") from exc


def _first_line(text: str) -> str:
    return next((line.strip() for line in text.splitlines() if line.strip()), "")


def default_printer() -> str | None:
    try:
        out = _run(["lpstat", "-d"]).stdout
    except PrinterError:
        return None
    match = re.search(r"system default destination:\s*(\S+)", out)
    return match.group(1) if match else None


class CupsPrinter:
    backend = "cups"

    def __init__(self, name: str = "") -> None:
        self._name = name or default_printer() or ""

    @property
    def name(self) -> str:
        return self._name

    def submit(self, pdf_path: str, media: Media, title: str = "") -> str:
        """``lp`` the file. Name the file ``<title>.pdf``: CUPS keeps the file name visible
        after the job ends, which is how :meth:`find_job` recognises it after a crash."""
        if not self._name:
            raise PrinterError("no CUPS printer configured and no default printer")
        args = ["lp", "-d", self._name, "-o", f"media={media.cups}"]
        if title:
            args += ["-t", title]
        done = _run([*args, "--", pdf_path])
        match = _REQUEST.search(done.stdout)
        if done.returncode != 0 or not match:
            raise PrinterError(_first_line(done.stderr) or _first_line(done.stdout) or "lp failed")
        return match.group(1)

    def status(self) -> PrinterState:
        if not self._name:
            return PrinterState(False, False, False, "no printer configured")
        printer = _run(["lpstat", "-p", self._name])
        if printer.returncode != 0:
            error = _first_line(printer.stderr)
            if "Invalid destination" in error or "Unknown destination" in error:
                return PrinterState(False, False, False, f"printer {self._name} not found")
            return PrinterState(False, False, False, error or "CUPS is not answering")
        text = printer.stdout
        paused = f"printer {self._name} disabled" in text
        reason = ""
        if paused:
            lines = [line.strip() for line in text.splitlines()[1:] if line.strip()]
            reason = lines[0] if lines else "paused"
        accepting_out = _run(["lpstat", "-a", self._name]).stdout
        accepting = "not accepting" not in accepting_out
        if paused:
            return PrinterState(False, accepting, True, f"printer {self._name} is paused ({reason})")
        if not accepting:
            return PrinterState(False, False, False, f"printer {self._name} is rejecting jobs")
        return PrinterState(True, True, False, "")

    def job_state(self, job_id: str) -> JobState:
        number = job_id.rsplit("-", 1)[-1]
        try:
            for job in ipp.get_jobs(self._name):
                if str(job.id) == number:
                    return _state(job.state)
            return JobState.UNKNOWN
        except (OSError, ValueError, IndexError):
            pass  # fall back to lpstat's lists
        if job_id in _run(["lpstat", "-o", self._name]).stdout.split():
            return JobState.PENDING
        if job_id in _run(["lpstat", "-W", "completed", "-o", self._name]).stdout.split():
            return JobState.COMPLETED
        return JobState.UNKNOWN

    def find_job(self, title: str) -> tuple[str, JobState] | None:
        try:
            jobs = ipp.get_jobs(self._name)
        except (OSError, ValueError, IndexError) as exc:
            raise PrinterError(f"cannot list CUPS jobs: {exc}") from exc
        for job in reversed(jobs):
            if title in (job.name, job.document) or job.document == f"{title}.pdf":
                return f"{self._name}-{job.id}", _state(job.state)
        return None

    def list_printers(self) -> list[PrinterInfo]:
        return list_printers()


def _state(ipp_state: str) -> JobState:
    if ipp_state == "completed":
        return JobState.COMPLETED
    if ipp_state in ("canceled", "aborted"):
        return JobState.FAILED
    if ipp_state == "unknown":
        return JobState.UNKNOWN
    return JobState.PENDING


def list_printers() -> list[PrinterInfo]:
    """Every CUPS queue with its state; empty when CUPS is absent or has none."""
    try:
        printers = _run(["lpstat", "-p"]).stdout
        accepting = _run(["lpstat", "-a"]).stdout
    except PrinterError:
        return []
    default = default_printer()
    rejecting = {line.split()[0] for line in accepting.splitlines() if "not accepting" in line}
    found = []
    for line in printers.splitlines():
        match = re.match(r"printer (\S+) (?:is (\w+)|now (printing)|(disabled))", line)
        if match:
            name, state = match.group(1), next(g for g in match.groups()[1:] if g)
            found.append(PrinterInfo(name, name == default, state, name not in rejecting))
    return found
