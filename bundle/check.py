"""Smoke test of the built bundle, run as a volunteer runs it: `make dist-test` (and `.ci/run`).

The bundle is copied to a temporary folder and run with a clean environment (``env -i``: HOME in a
temp dir, PATH=/usr/bin:/bin, no venv, no PYTHONPATH, the current folder elsewhere than the checkout):
the window in each mode (screenshots, one as JPEG so the image-format plugins must be there, one on a
real X server through the xcb platform plugin), the demo event, a badge printed to the PDF folder with
its fonts embedded, a video file scanned with zxing-cpp and with zbar (the bundle's own libzbar: the
runtime hook never falls back to the system's), a sync round and a join against a throw-away
PostgreSQL, a pretix .xlsx export read, the applications-menu entry installed, the no-display log,
and no path of the checkout (the build machine's) anywhere inside the bundle.

This harness runs with the venv's Python (it writes the test video with OpenCV and starts PostgreSQL
with tests/hub/pg.py); only the bundle runs in the clean environment. Prints ok/FAIL per check; exit
status 1 when any failed.

    python bundle/check.py [BUNDLE_DIR or ARCHIVE.tar.gz]   (default: the newest dist/kiosk-*.tar.gz)
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # the harness's helpers (tests/...), never the bundle's path

EXE_NAME = "kiosk.exe" if sys.platform == "win32" else "kiosk"
BADGE = "PLUS20-0001"


class Failed(Exception):
    """One check failed: the reason, printed after FAIL."""


class Bundle:
    """The copied bundle and a clean environment to run it in."""

    def __init__(self, source: Path, work: Path) -> None:
        self.work = work
        if source.is_dir():
            self.app = work / "app" / source.name
            shutil.copytree(source, self.app, symlinks=True)
        else:  # the downloaded archive, unpacked as a volunteer does
            with tarfile.open(source) as tar:
                tar.extractall(work / "app", filter="data")
            self.app = work / "app" / "kiosk"
        self.exe = self.app / EXE_NAME
        self.home = work / "home"
        self.home.mkdir()
        runtime = work / "runtime"
        runtime.mkdir(mode=0o700)
        self.env = {"HOME": str(self.home), "PATH": "/usr/bin:/bin", "QT_QPA_PLATFORM": "offscreen",
                    "XDG_RUNTIME_DIR": str(runtime)}
        self.cwd = work / "elsewhere"
        self.cwd.mkdir()

    @property
    def data_dir(self) -> Path:
        """Where platformdirs puts kiosk's data for this HOME (nothing passes --data-dir)."""
        if sys.platform == "darwin":
            return self.home / "Library" / "Application Support" / "kiosk"
        return self.home / ".local" / "share" / "kiosk"

    def run(self, *args: str | Path, env: dict[str, str] | None = None, timeout: float = 120,
            ok: bool = True) -> subprocess.CompletedProcess[str]:
        done = subprocess.run([str(self.exe), *map(str, args)], cwd=self.cwd, env={**self.env, **(env or {})},
                              capture_output=True, text=True, timeout=timeout)
        if ok and done.returncode != 0:
            raise Failed(f"kiosk {' '.join(map(str, args))}: exit {done.returncode}\n{done.stdout}{done.stderr}")
        return done


def screenshot(bundle: Bundle, mode: str, name: str, env: dict[str, str] | None = None) -> str:
    shot = bundle.cwd / name
    args: list[str | Path] = ["--mode", mode] if mode != "staff" else []
    bundle.run(*args, "--no-camera", "--size", "1366x768", "--screenshot", shot, "--quit-after", "800", env=env)
    if not shot.exists() or shot.stat().st_size < 10_000:
        raise Failed(f"{name}: no screenshot or an empty one ({shot.stat().st_size if shot.exists() else 0} bytes)")
    return f"{name} {shot.stat().st_size // 1024} KB"


def check_no_build_path(bundle: Bundle) -> str:
    needle = str(ROOT).encode()
    found = [path.relative_to(bundle.app) for path in bundle.app.rglob("*")
             if path.is_file() and not path.is_symlink() and needle in path.read_bytes()]
    if found:
        raise Failed(f"{len(found)} files hold {ROOT}: {', '.join(map(str, found[:8]))}")
    return f"no '{ROOT}' in {sum(1 for _ in bundle.app.rglob('*'))} files"


def check_version(bundle: Bundle) -> str:
    out = bundle.run("--version").stdout.strip()
    english = bundle.run("--lang", "en", "--version").stdout.strip()
    if not re.fullmatch(r"kiosk, version \d+\.\d+\S*", out) or not re.fullmatch(r"kiosk version \d+\.\d+\S*", english):
        raise Failed(f"--version printed {out!r} / {english!r}")
    return out


def check_first_start(bundle: Bundle) -> str:
    """No sub-command, as a double-click starts it: the window on a new demo event."""
    said = screenshot(bundle, "staff", "staff.png")
    if not (bundle.data_dir / "kiosk.db").exists():
        raise Failed(f"no database in the platform's data dir {bundle.data_dir}")
    stats = json.loads(bundle.run("stats", "--json").stdout)
    if stats.get("registered", 0) < 100:
        raise Failed(f"the demo event is not there: {stats!r}")
    return f"{said}; demo event in {bundle.data_dir.relative_to(bundle.home)}"


def check_on_x11(bundle: Bundle) -> str:
    """The xcb platform plugin on a real X server (Xvfb), as on a Linux desktop."""
    if sys.platform != "linux":
        return "skipped: not Linux"
    if shutil.which("Xvfb") is None:
        raise Failed("Xvfb is missing (.ci/system-packages.sh test installs it)")
    from tests.helpers.xsession import XServer

    x = XServer()
    try:
        return screenshot(bundle, "staff", "staff-x11.png", env={"DISPLAY": x.display, "QT_QPA_PLATFORM": "xcb"})
    finally:
        x.stop()


def check_no_display(bundle: Bundle) -> str:
    """No X11, no Wayland: no dialog is possible, so the reason goes to stderr and to a log it names."""
    if sys.platform != "linux":
        return "skipped: not Linux"
    env = {name: value for name, value in bundle.env.items() if name != "QT_QPA_PLATFORM"}
    done = subprocess.run([str(bundle.exe)], cwd=bundle.cwd, env=env, capture_output=True, text=True, timeout=60)
    log = bundle.data_dir / "kiosk.log"
    if done.returncode != 2 or str(log) not in done.stderr or "pas d'écran" not in log.read_text(encoding="utf-8"):
        raise Failed(f"exit {done.returncode}, stderr {done.stderr!r}")
    return f"exit 2, reason in {log.relative_to(bundle.home)}"


def check_menu_entry(bundle: Bundle) -> str:
    """install-menu-entry.sh: the .desktop file and the icon in this user's folders, Exec runnable."""
    if sys.platform != "linux":
        return "skipped: not Linux"
    script = bundle.app / "install-menu-entry.sh"
    if not script.exists():
        raise Failed("no install-menu-entry.sh in the bundle (bundle/archive.py adds it)")
    subprocess.run([str(script)], cwd=bundle.cwd, env=bundle.env, check=True, capture_output=True, timeout=60)
    entry = bundle.home / ".local" / "share" / "applications" / "kiosk-checkin.desktop"
    icon = bundle.home / ".local" / "share" / "icons" / "hicolor" / "256x256" / "apps" / "kiosk-checkin.png"
    if not entry.exists() or not icon.exists():
        raise Failed(f"missing {entry if not entry.exists() else icon}")
    exec_line = next(line for line in entry.read_text(encoding="utf-8").splitlines() if line.startswith("Exec="))
    program = exec_line.removeprefix("Exec=").strip('"')
    if program != str(bundle.exe):
        raise Failed(f"{exec_line!r} does not start {bundle.exe}")
    if shutil.which("desktop-file-validate"):
        subprocess.run(["desktop-file-validate", str(entry)], check=True, capture_output=True, text=True)
    bundle.run("--version")
    return f"{entry.relative_to(bundle.home)} -> {exec_line}"


def check_print(bundle: Bundle) -> str:
    bundle.run("print", BADGE, "--backend", "pdf")
    pdfs = sorted((bundle.data_dir / "printed").rglob("*.pdf"))
    if not pdfs:
        raise Failed(f"no PDF in {bundle.data_dir / 'printed'}")
    if shutil.which("pdffonts") is None:
        raise Failed("pdffonts is missing (poppler-utils)")
    fonts = subprocess.run(["pdffonts", str(pdfs[0])], capture_output=True, text=True, check=True).stdout
    rows = fonts.splitlines()[2:]
    if not rows or any(row.split()[-5] != "yes" for row in rows):  # name type encoding emb sub uni object ID
        raise Failed(f"fonts not all embedded in {pdfs[0].name}:\n" + "\n".join(rows))
    return f"{pdfs[0].name}: {len(rows)} fonts, all embedded"


def check_scan(bundle: Bundle) -> str:
    from tests.helpers.video import write_qr_video

    video = write_qr_video(bundle.cwd / "door.avi", BADGE)
    said = []
    for decoder in ("zxing", "zbar"):
        out = bundle.run("scan", "--decoder", decoder, video).stdout
        if BADGE not in out:
            raise Failed(f"{decoder} did not read the code: {out!r}")
        said.append(decoder)
    return f"{video.name} read by {' and '.join(said)}"


def check_import(bundle: Bundle) -> str:
    """A pretix .xlsx export read (python-calamine) and matched, nothing written (--dry-run)."""
    export = ROOT / "tests" / "fixtures" / "pretix" / "pretix-v1-fr-orderdata.xlsx"
    shutil.copy2(export, bundle.cwd / export.name)
    out = bundle.run("import", "--dry-run", export.name).stdout
    if "ajoutés 40" not in out:
        raise Failed(f"unexpected import summary: {out!r}")
    return out.splitlines()[0]


def check_sync(bundle: Bundle) -> str:
    from tests.hub.pg import PgServer, missing

    why = missing()
    if why is not None:
        raise Failed(why)
    root = Path(tempfile.mkdtemp(prefix="kiosk-bundle-pg-"))
    root.chmod(0o755)
    server = PgServer(root)
    try:
        server.init()
        server.start()
        url = server.create_db("hub")
        bundle.run("hub", "init", url)
        bundle.run("checkin", BADGE)
        bundle.run("sync", "--hub", url)
        door2 = bundle.work / "door2"
        bundle.run("--data-dir", door2, "join", url)
        bundle.run("--data-dir", door2, "sync", "--hub", url)
        history = bundle.run("--data-dir", door2, "--lang", "en", "history", BADGE).stdout
        if "entry" not in history or "accepted" not in history:
            raise Failed(f"the second door did not get the first one's check-in: {history!r}")
        return "hub init, check-in pushed by one door, pulled by a second that joined"
    finally:
        server.stop("immediate")
        shutil.rmtree(root, ignore_errors=True)


def main(argv: list[str]) -> int:
    archives = sorted((ROOT / "dist").glob("kiosk-*.tar.gz"), key=lambda path: path.stat().st_mtime)
    source = Path(argv[0]) if argv else (archives[-1] if archives else ROOT / "dist" / "kiosk")
    if not source.is_file() and not (source / EXE_NAME).exists():
        print(f"bundle check: no bundle at {source} (make dist builds it)", file=sys.stderr)
        return 1
    work = Path(tempfile.mkdtemp(prefix="kiosk-bundle-"))
    failed = 0
    try:
        bundle = Bundle(source, work)
        checks: list[tuple[str, Callable[[], str]]] = [
            ("no build path inside", lambda: check_no_build_path(bundle)),
            ("version", lambda: check_version(bundle)),
            ("first start: window on the demo", lambda: check_first_start(bundle)),
            ("self-service screen", lambda: screenshot(bundle, "self-service", "self-service.png")),
            ("occupancy screen (JPEG)", lambda: screenshot(bundle, "occupancy", "occupancy.jpg")),
            ("window on X11 (xcb)", lambda: check_on_x11(bundle)),
            ("no display: reason logged", lambda: check_no_display(bundle)),
            ("applications menu entry", lambda: check_menu_entry(bundle)),
            ("badge printed to the PDF folder", lambda: check_print(bundle)),
            ("video file scanned", lambda: check_scan(bundle)),
            ("pretix xlsx export read", lambda: check_import(bundle)),
            ("sync round with PostgreSQL", lambda: check_sync(bundle)),
        ]
        for name, check in checks:
            started = time.monotonic()
            try:
                said = check()
            except (Failed, subprocess.SubprocessError, OSError) as exc:
                failed += 1
                print(f"FAIL  {name}: {exc}")
            else:
                print(f"ok    {name}: {said} ({time.monotonic() - started:.1f} s)")
            sys.stdout.flush()
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(f"bundle check: {'all ok' if not failed else f'{failed} FAILED'} ({source})")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
