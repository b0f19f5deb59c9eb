"""kiosk installed from its wheel (not editable), run from another folder: demo, a badge, the window.

A wheel once shipped without its SQL migrations (`no such table: meta`) and found its fonts only
beside a checkout. The wheel is built for real; the fresh venv borrows the test venv's third-party
packages through a path entry (no .pth processing there, so the editable checkout is not visible).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
pytestmark = pytest.mark.slow


def run(*args: str | Path, cwd: Path, env: dict[str, str] | None = None, timeout: float = 180) -> str:
    done = subprocess.run([str(a) for a in args], cwd=cwd, env=env, capture_output=True, text=True,
                          timeout=timeout)
    assert done.returncode == 0, f"{args}: {done.stdout}\n{done.stderr}"
    return done.stdout


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    work = tmp_path_factory.mktemp("wheel")
    run(sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", work / "dist", ROOT, cwd=work, timeout=300)
    wheel = next((work / "dist").glob("kiosk-*.whl"))
    venv = work / "venv"
    run(sys.executable, "-m", "venv", "--without-pip", venv, cwd=work)
    python = venv / "bin" / "python"
    run(sys.executable, "-m", "pip", "--python", python, "install", "--no-deps", "-q", wheel, cwd=work)
    site = Path(run(python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])", cwd=work).strip())
    (site / "zz_test_dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    return venv


def test_the_wheel_carries_migrations_and_resources(installed: Path, tmp_path: Path) -> None:
    python = installed / "bin" / "python"
    where = run(python, "-c", "import kiosk, kiosk.assets as a; print(kiosk.__file__); print(a.root())", cwd=tmp_path)
    package, resources = where.split()
    assert package.startswith(str(installed)) and resources.startswith(str(installed)), where
    assert (Path(resources) / "fonts" / "DejaVuSans.ttf").is_file()


def test_demo_badge_and_window_from_another_folder(installed: Path, tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "KIOSK_CACHE_DIR": str(tmp_path / "cache")}
    env.pop("KIOSK_DATA_DIR", None)
    env.pop("KIOSK_RESOURCES", None)
    kiosk = installed / "bin" / "kiosk"
    data = tmp_path / "data"
    run(kiosk, "--data-dir", data, "demo", cwd=elsewhere, env=env)
    run(kiosk, "--data-dir", data, "badge", "PLUS20-0001", "-o", elsewhere / "badge.pdf", cwd=elsewhere, env=env)
    assert (elsewhere / "badge.pdf").stat().st_size > 1000
    if shutil.which("pdffonts"):
        fonts = run("pdffonts", elsewhere / "badge.pdf", cwd=elsewhere)
        assert "DejaVu" in fonts or "KioskSans" in fonts  # the packaged font, embedded
    run(kiosk, "--data-dir", data, "gui", "--no-camera", "--lang", "fr", "--screenshot", elsewhere / "w.png",
        "--quit-after", "500", cwd=elsewhere, env=env)
    assert (elsewhere / "w.png").stat().st_size > 10_000
