"""What the standalone bundle relies on at start: the window's first frame (`gui --first-frame`, which the
start-up benchmark and the bundle's smoke test use) and translations compiled at build time."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication

from kiosk.cli.main import main
from kiosk.ui import i18n


@pytest.mark.parametrize("mode", ["staff", "self-service"])
def test_first_frame_quits_once_the_window_has_painted(qapp: QApplication, data_dir: Path, tmp_path: Path,
                                                       mode: str) -> None:
    shot = tmp_path / "first.png"
    status = main(["--data-dir", str(data_dir), "gui", "--mode", mode, "--no-camera", "--size", "1366x768",
                   "--first-frame", "--screenshot", str(shot)])
    assert status == 0
    image = QImage(str(shot))
    assert (image.width(), image.height()) == (1366, 768)
    colours = {image.pixelColor(x, y).rgb() for x in range(0, 1366, 50) for y in range(0, 768, 40)}
    assert len(colours) > 3  # painted: text, panels and background, not one flat fill


def test_first_frame_without_screenshot_just_quits(qapp: QApplication, data_dir: Path) -> None:
    assert main(["--data-dir", str(data_dir), "gui", "--no-camera", "--size", "1366x768", "--first-frame"]) == 0


def test_a_qm_compiled_at_build_time_is_used_without_a_compiler(tmp_path: Path,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    """The bundle has no lrelease: kiosk.spec ships kiosk_fr-<digest>.qm beside kiosk_fr.ts."""
    built = i18n.compiled("fr", target_dir=tmp_path / "build")
    assert built is not None
    shipped = tmp_path / "i18n"
    shipped.mkdir()
    source = Path(shutil.copy2(i18n.ts_path("fr"), shipped / "kiosk_fr.ts"))
    shutil.copy2(built, shipped / built.name)
    monkeypatch.setattr(i18n, "I18N_DIR", shipped)
    monkeypatch.setattr(i18n, "_lrelease", lambda: None)
    assert i18n.compiled("fr", target_dir=tmp_path / "cache") == shipped / built.name
    # A .ts changed since (a checkout that edited it): the shipped .qm no longer matches and is not used.
    source.write_text(source.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert i18n.compiled("fr", target_dir=tmp_path / "cache") is None
