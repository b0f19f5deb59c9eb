"""A minimal IPP client (Get-Jobs) to ask CUPS about jobs by title.

Why: ``lpstat`` never shows a job's title, and after a crash between ``lp`` and the database
write the only link between a kiosk job and a CUPS job is the name we gave it: the title
(``job-name``, which CUPS hides from non-owners once the job is done) and the file name
(``document-name-supplied``, which it does not hide). pycups would
need a C build; this is ~80 lines of the RFC 8010 encoding over CUPS's HTTP socket.
"""

from __future__ import annotations

import http.client
import os
import socket
import struct
from dataclasses import dataclass

_STATES = {3: "pending", 4: "held", 5: "processing", 6: "stopped", 7: "canceled", 8: "aborted", 9: "completed"}


@dataclass(frozen=True)
class IppJob:
    id: int
    name: str  # job-name: CUPS hides it from unauthenticated readers once the job is done
    state: str  # one of _STATES' values
    document: str = ""  # document-name-supplied: the submitted file's name, never hidden


class _UnixConnection(http.client.HTTPConnection):
    def __init__(self, path: str, timeout: float) -> None:
        super().__init__("localhost", timeout=timeout)
        self._path = path

    def connect(self) -> None:
        sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        sock.settimeout(self.timeout)
        sock.connect(self._path)
        self.sock = sock


def server() -> str:
    """Where CUPS listens: $CUPS_SERVER, else the local socket, else localhost:631."""
    env = os.environ.get("CUPS_SERVER", "").strip()
    if env:
        return env
    for path in ("/run/cups/cups.sock", "/var/run/cups/cups.sock", "/private/var/run/cupsd"):
        if os.path.exists(path):
            return path
    return "localhost:631"


def _user() -> str:
    import getpass

    try:
        return getpass.getuser()
    except (OSError, KeyError):
        return "kiosk"


def _attr(tag: int, name: str, value: bytes) -> bytes:
    raw = name.encode()
    return struct.pack(">BH", tag, len(raw)) + raw + struct.pack(">H", len(value)) + value


def _request(op: int, printer: str, extra: bytes) -> bytes:
    body = struct.pack(">BBHI", 2, 0, op, 1) + b"\x01"
    body += _attr(0x47, "attributes-charset", b"utf-8")
    body += _attr(0x48, "attributes-natural-language", b"en")
    body += _attr(0x45, "printer-uri", f"ipp://localhost/printers/{printer}".encode())
    # The submitting user: CUPS hides job names from other users (JobPrivateValues).
    body += _attr(0x42, "requesting-user-name", _user().encode())
    return body + extra + b"\x03"


def _post(body: bytes, path: str, timeout: float) -> bytes:
    where = server()
    conn: http.client.HTTPConnection
    if where.startswith("/"):
        conn = _UnixConnection(where, timeout)
    else:
        host, _, port = where.partition(":")
        conn = http.client.HTTPConnection(host, int(port or 631), timeout=timeout)
    try:
        conn.request("POST", path, body, {"Content-Type": "application/ipp"})
        response = conn.getresponse()
        data = response.read()
    finally:
        conn.close()
    if response.status != 200:
        raise OSError(f"CUPS answered HTTP {response.status}")
    return data


def _parse_jobs(data: bytes) -> list[IppJob]:
    status = struct.unpack(">H", data[2:4])[0]
    if status >= 0x0400 and status != 0x0406:  # 0x0406 not-found: simply no jobs
        raise OSError(f"IPP status 0x{status:04x}")
    jobs: list[IppJob] = []
    pos, name = 8, ""
    current: dict[str, int | str] = {}
    in_job = False
    while pos < len(data):
        tag = data[pos]
        pos += 1
        if tag < 0x10:  # a group delimiter
            if in_job and current:
                jobs.append(IppJob(int(current.get("job-id", 0)), str(current.get("job-name", "")),
                                   _STATES.get(int(current.get("job-state", 0)), "unknown"),
                                   str(current.get("document-name-supplied", ""))))
            current, in_job = {}, tag == 0x02
            if tag == 0x03:
                break
            continue
        (name_len,) = struct.unpack(">H", data[pos:pos + 2])
        pos += 2
        if name_len:
            name = data[pos:pos + name_len].decode("utf-8", "replace")
        pos += name_len
        (value_len,) = struct.unpack(">H", data[pos:pos + 2])
        pos += 2
        value = data[pos:pos + value_len]
        pos += value_len
        if in_job and tag in (0x21, 0x23) and value_len == 4:
            current[name] = struct.unpack(">i", value)[0]
        elif in_job and tag in (0x41, 0x42):
            current[name] = value.decode("utf-8", "replace")
    return jobs


def get_jobs(printer: str, *, timeout: float = 5.0) -> list[IppJob]:
    """Every job CUPS remembers for ``printer`` (pending and finished)."""
    wanted = _attr(0x44, "which-jobs", b"all") + _attr(0x44, "requested-attributes", b"job-id")
    wanted += _attr(0x44, "", b"job-name") + _attr(0x44, "", b"job-state")
    wanted += _attr(0x44, "", b"document-name-supplied")
    return _parse_jobs(_post(_request(0x000A, printer, wanted), "/", timeout))
