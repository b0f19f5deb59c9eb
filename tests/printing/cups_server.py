"""A private, throw-away CUPS server with a PDF queue (cups-pdf), for tests and benchmarks.

It has its own config, spool and socket in a temp folder, so the machine's own CUPS is never
touched. cups-pdf reads its settings only from /etc/cups, so a per-queue file
``/etc/cups/cups-pdf-<queue>.conf`` is written (unique name) and removed at stop.
Needs root (cupsd, and cups-pdf runs as root) and Debian's cups, cups-client, printer-driver-cups-pdf.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
import time
import uuid
from pathlib import Path

CUPSD = "/usr/sbin/cupsd"
PPD = "lsb/usr/cups-pdf/CUPS-PDF_opt.ppd"


def missing() -> str | None:
    """Why a private CUPS cannot run here, or None."""
    if not Path(CUPSD).exists():
        return "cupsd not installed (Debian: cups)"
    if not Path("/usr/lib/cups/backend/cups-pdf").exists():
        return "cups-pdf not installed (Debian: printer-driver-cups-pdf)"
    for tool in ("lp", "lpstat", "lpadmin", "cupsenable", "cupsdisable"):
        if shutil.which(tool) is None and not Path(f"/usr/sbin/{tool}").exists():
            return f"{tool} not installed (Debian: cups-client)"
    if os.geteuid() != 0:
        return "a private cupsd with cups-pdf needs root"
    return None


class CupsServer:
    def __init__(self) -> None:
        # Not under pytest's tmp (mode 0700): CUPS filters run as user 'lp' and must reach the spool.
        self.root = Path(tempfile.mkdtemp(prefix="kiosk-cups-"))
        os.chmod(self.root, 0o755)
        self.socket = self.root / "cups.sock"
        self.queue = f"KioskTest{uuid.uuid4().hex[:8]}"
        self.out = self.root / "out"
        self._pdf_conf = Path(f"/etc/cups/cups-pdf-{self.queue}.conf")
        self._proc: subprocess.Popen[bytes] | None = None

    @property
    def env(self) -> dict[str, str]:
        return {"CUPS_SERVER": str(self.socket)}

    def _tool(self, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        exe = shutil.which(args[0]) or f"/usr/sbin/{args[0]}"
        return subprocess.run([exe, *args[1:]], capture_output=True, text=True, timeout=30, check=check,
                              env={**os.environ, **self.env, "LC_ALL": "C"})

    def start(self) -> CupsServer:
        conf = self.root / "etc"
        for sub in ("etc", "spool", "cache", "state", "log", "out"):
            (self.root / sub).mkdir()
        tmp = self.root / "tmp"
        tmp.mkdir()
        os.chmod(tmp, 0o1777)
        os.chmod(self.out, 0o755)
        (conf / "cupsd.conf").write_text(
            f"Listen {self.socket}\nLogLevel warn\nWebInterface No\nBrowsing No\nDefaultAuthType None\n"
            "MaxJobs 0\n"
            "<Location />\n  Order allow,deny\n  Allow all\n</Location>\n"
            "<Policy default>\n  <Limit All>\n    Order deny,allow\n  </Limit>\n</Policy>\n"
        )
        (conf / "cups-files.conf").write_text(
            f"ServerRoot {conf}\nRequestRoot {self.root / 'spool'}\nCacheDir {self.root / 'cache'}\n"
            f"StateDir {self.root / 'state'}\nTempDir {tmp}\nAccessLog {self.root / 'log/access_log'}\n"
            f"ErrorLog {self.root / 'log/error_log'}\nPageLog {self.root / 'log/page_log'}\n"
            "SystemGroup root\nFileDevice No\n"
        )
        self._pdf_conf.write_text(f"Out {self.out}\nLabel 0\n")
        self._proc = subprocess.Popen([CUPSD, "-f", "-c", str(conf / "cupsd.conf"), "-s",
                                       str(conf / "cups-files.conf")], stdout=subprocess.DEVNULL,
                                      stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 15
        while self._tool("lpstat", "-r", check=False).returncode != 0:
            if time.monotonic() > deadline or self._proc.poll() is not None:
                log = (self.root / "log/error_log")
                raise RuntimeError("private cupsd did not start: " + (log.read_text() if log.exists() else ""))
            time.sleep(0.05)
        # The scheduler can answer lpstat a moment before it accepts admin requests: retry briefly.
        for attempt in range(20):
            added = self._tool("lpadmin", "-p", self.queue, "-E", "-v", f"cups-pdf:/{self.queue}", "-m", PPD,
                               check=False)
            if added.returncode == 0:
                return self
            time.sleep(0.1 * (attempt + 1))
        raise RuntimeError(f"lpadmin could not create the test queue: {added.stderr.strip()}")

    def disable(self, reason: str = "paper jam") -> None:
        self._tool("cupsdisable", "-r", reason, self.queue)

    def enable(self) -> None:
        self._tool("cupsenable", self.queue)

    def outputs(self) -> list[Path]:
        return sorted(self.out.glob("*.pdf"), key=lambda p: p.stat().st_mtime)

    def wait_outputs(self, count: int, timeout: float = 20.0) -> list[Path]:
        """Wait until cups-pdf has written ``count`` PDFs (it writes them as it goes)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            found = self.outputs()
            if len(found) >= count and not list(self.out.glob("*.pdf.*")):
                return found
            time.sleep(0.1)
        return self.outputs()

    def stop(self) -> None:
        if self._proc is not None:
            self._proc.terminate()
            try:
                self._proc.wait(10)
            except subprocess.TimeoutExpired:
                self._proc.kill()
                self._proc.wait(5)
            self._proc = None
        self._pdf_conf.unlink(missing_ok=True)
        shutil.rmtree(self.root, ignore_errors=True)
