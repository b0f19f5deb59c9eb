"""kiosk installed from its wheel (not editable), run from another folder: every screen, every command's
help, the demo, a badge, tickets, a report.

A wheel once shipped without its SQL migrations (`no such table: meta`), found its fonts only beside a
checkout, and left out kiosk.ui.self_service (the walk-in screen crashed). The wheel is built for real;
the fresh venv borrows the test venv's third-party packages through a path entry (no .pth processing
there, so the editable checkout is not visible).
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest

from kiosk.cli.main import build_parser

ROOT = Path(__file__).resolve().parents[1]
pytestmark = pytest.mark.slow


def run(*args: str | Path, cwd: Path, env: dict[str, str] | None = None, timeout: float = 180) -> str:
    done = subprocess.run([str(a) for a in args], cwd=cwd, env=env, capture_output=True, text=True,
                          timeout=timeout)
    assert done.returncode == 0, f"{args}: {done.stdout}\n{done.stderr}"
    return done.stdout


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """The wheel, and everything the build printed (pip -v shows setuptools' own output)."""
    work = tmp_path_factory.mktemp("wheel")
    done = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-v", "-w", str(work / "dist"),
                           str(ROOT)], cwd=work, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr
    return next((work / "dist").glob("kiosk-*.whl")), done.stdout + done.stderr


@pytest.fixture(scope="module")
def installed(wheel: tuple[Path, str], tmp_path_factory: pytest.TempPathFactory) -> Path:
    work = tmp_path_factory.mktemp("venv")
    venv = work / "venv"
    run(sys.executable, "-m", "venv", "--without-pip", venv, cwd=work)
    python = venv / "bin" / "python"
    run(sys.executable, "-m", "pip", "--python", python, "install", "--no-deps", "-q", wheel[0], cwd=work)
    site = Path(run(python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])", cwd=work).strip())
    (site / "zz_test_dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    return venv


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "KIOSK_CACHE_DIR": str(tmp_path / "cache")}
    for name in ("KIOSK_DATA_DIR", "KIOSK_RESOURCES", "PYTHONPATH"):
        env.pop(name, None)
    return env


def test_the_wheel_holds_every_package_and_resource_of_the_checkout(wheel: tuple[Path, str]) -> None:
    names = set(zipfile.ZipFile(wheel[0]).namelist())
    for module in sorted(ROOT.glob("kiosk/**/*.py")):
        assert module.relative_to(ROOT).as_posix() in names, f"{module} is not in the wheel"
    for sql in ROOT.glob("kiosk/store/migrations/*.sql"):
        assert sql.relative_to(ROOT).as_posix() in names
    for kind in ("fonts/*.ttf", "sounds/*.wav", "i18n/*.ts", "branding/*.png"):
        found = sorted(ROOT.glob(f"resources/{kind}"))
        assert found, kind
        for each in found:
            assert f"kiosk/_resources/{each.relative_to(ROOT / 'resources').as_posix()}" in names


def test_the_build_warns_about_nothing(wheel: tuple[Path, str]) -> None:
    output = wheel[1]
    assert "would be ignored" not in output and "SetuptoolsDeprecationWarning" not in output, output[-3000:]


def test_resources_come_from_the_installed_package(installed: Path, tmp_path: Path) -> None:
    python = installed / "bin" / "python"
    where = run(python, "-c", "import kiosk, kiosk.assets as a; print(kiosk.__file__); print(a.root())", cwd=tmp_path)
    package, resources = where.split()
    assert package.startswith(str(installed)) and resources.startswith(str(installed)), where
    assert (Path(resources) / "fonts" / "DejaVuSans.ttf").is_file()


def test_a_plain_checkout_finds_its_resources_beside_the_package(tmp_path: Path) -> None:
    """No install at all: the checkout's folder on PYTHONPATH, run from elsewhere."""
    env = {**os.environ, "PYTHONPATH": str(ROOT), "PYTHONNOUSERSITE": "1"}
    env.pop("KIOSK_RESOURCES", None)
    where = run(sys.executable, "-S", "-c", "import kiosk.assets as a; print(a.root())", cwd=tmp_path, env=env)
    assert Path(where.strip()) == ROOT / "resources"


def test_version_from_the_package_metadata_in_each_language(installed: Path, tmp_path: Path,
                                                             env: dict[str, str]) -> None:
    kiosk = installed / "bin" / "kiosk"
    from importlib.metadata import version

    expected = version("kiosk")
    env = {**env, "LANG": "C.UTF-8"}
    assert run(kiosk, "--version", cwd=tmp_path, env=env) == f"kiosk, version {expected}\n"
    assert run(kiosk, "--lang", "en", "--version", cwd=tmp_path, env=env) == f"kiosk version {expected}\n"
    assert run(kiosk, "--version", cwd=tmp_path, env={**env, "LANG": "en_GB.UTF-8"}) == f"kiosk version {expected}\n"


def command_paths(parser: argparse.ArgumentParser, prefix: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    """Every sub-command of the parser, nested ones too (`keys init`, `hub init`)."""
    found: list[tuple[str, ...]] = [prefix]
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                found += command_paths(sub, (*prefix, name))
    return found


def test_every_command_has_its_help_in_both_languages(installed: Path, tmp_path: Path,
                                                     env: dict[str, str]) -> None:
    """One interpreter of the installed venv runs all of them (each a fresh parser): ~40 commands."""
    paths = command_paths(build_parser("en"))
    assert len(paths) > 30, paths
    script = (
        "import contextlib, io, sys\n"
        "from kiosk.cli.main import main\n"
        f"for path in {paths!r}:\n"
        "    for lang in ('fr', 'en'):\n"
        "        out = io.StringIO()\n"
        "        with contextlib.redirect_stdout(out):\n"
        "            try:\n"
        "                main(['--lang', lang, *path, '--help'])\n"
        "            except SystemExit as exc:\n"
        "                assert exc.code == 0, (path, exc.code)\n"
        "        word = 'utilisation' if lang == 'fr' else 'usage'\n"
        "        assert out.getvalue().startswith(word), (path, lang, out.getvalue()[:200])\n"
        "print('ok', len(" + repr(paths) + "))\n"
    )
    assert run(installed / "bin" / "python", "-c", script, cwd=tmp_path, env=env).startswith("ok")


def test_demo_badge_tickets_report_from_another_folder(installed: Path, tmp_path: Path, env: dict[str, str]) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    kiosk = installed / "bin" / "kiosk"
    data = tmp_path / "data"
    run(kiosk, "--data-dir", data, "demo", cwd=elsewhere, env=env)
    run(kiosk, "--data-dir", data, "badge", "PLUS20-0001", "-o", elsewhere / "badge.pdf", cwd=elsewhere, env=env)
    assert (elsewhere / "badge.pdf").stat().st_size > 1000
    if shutil.which("pdffonts"):
        fonts = run("pdffonts", elsewhere / "badge.pdf", cwd=elsewhere)
        assert "DejaVu" in fonts or "KioskSans" in fonts  # the packaged font, embedded
    run(kiosk, "--data-dir", data, "keys", "init", cwd=elsewhere, env=env)  # tickets carry a signed QR
    run(kiosk, "--data-dir", data, "tickets", "-o", elsewhere / "tickets", "--attendee", "PLUS20-0001",
        cwd=elsewhere, env=env)
    assert any(p.suffix == ".pdf" for p in (elsewhere / "tickets").rglob("*")), list((elsewhere / "tickets").rglob("*"))
    run(kiosk, "--data-dir", data, "report", "-o", elsewhere / "report.pdf", cwd=elsewhere, env=env)
    assert (elsewhere / "report.pdf").read_bytes().startswith(b"%PDF")


@pytest.mark.parametrize("mode", ["staff", "self-service", "occupancy"])
def test_each_screen_opens_from_another_folder(installed: Path, tmp_path: Path, env: dict[str, str], mode: str) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    kiosk = installed / "bin" / "kiosk"
    data = tmp_path / "data"
    run(kiosk, "--data-dir", data, "demo", cwd=elsewhere, env=env)
    shot = elsewhere / f"{mode}.png"
    run(kiosk, "--data-dir", data, "gui", "--mode", mode, "--no-camera", "--lang", "fr", "--size", "1366x768",
        "--screenshot", shot, "--quit-after", "500", cwd=elsewhere, env=env)
    assert shot.stat().st_size > 10_000
