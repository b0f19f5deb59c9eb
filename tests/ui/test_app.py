"""`kiosk gui` end to end (offscreen), and the translations."""

from __future__ import annotations

import ast
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication

from kiosk.cli.main import main
from kiosk.service import Kiosk
from kiosk.ui import i18n


@pytest.fixture(autouse=True)
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("KIOSK_CACHE_DIR", str(tmp_path / "cache"))
    return tmp_path / "cache"


def test_gui_command_creates_demo_and_screenshots(qapp: QApplication, data_dir: Path, tmp_path: Path) -> None:
    shot = tmp_path / "shot.png"
    status = main(["--data-dir", str(data_dir), "gui", "--no-camera", "--lang", "fr",
                   "--screenshot", str(shot), "--quit-after", "200"])
    assert status == 0
    image = QImage(str(shot))
    assert (image.width(), image.height()) == (1366, 768)  # a door laptop, where no screen is known
    kiosk = Kiosk.open(data_dir)
    try:
        assert kiosk.has_event() and kiosk.stats().registered > 100  # the demo event
    finally:
        kiosk.close()


def test_gui_quit_after_with_missing_camera_does_not_crash(qapp: QApplication, data_dir: Path, tmp_path: Path) -> None:
    status = main(["--data-dir", str(data_dir), "gui", "--camera", str(tmp_path / "missing.avi"),
                   "--device", "porte-sud", "--lang", "en", "--quit-after", "300"])
    assert status == 0


def test_qm_is_compiled_into_the_cache_and_reused(cache: Path) -> None:
    first = i18n.compiled("fr")
    assert first is not None and first.parent == cache / "i18n"
    stamp = first.stat().st_mtime_ns
    assert i18n.compiled("fr") == first and first.stat().st_mtime_ns == stamp
    assert i18n.compiled("xx") is None


def test_french_translation_is_complete() -> None:
    tree = ET.parse(i18n.ts_path("fr"))
    untranslated = []
    for context in tree.getroot().iter("context"):
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None
            forms = [f.text for f in translation.iter("numerusform")] or [translation.text]
            if translation.get("type") in ("unfinished", "obsolete") or not all(forms):
                untranslated.append((context.findtext("name"), message.findtext("source")))
    assert not untranslated


def test_every_string_in_the_code_is_in_the_ts(tmp_path: Path) -> None:
    """lupdate over kiosk/ui finds no string missing from kiosk_fr.ts (run it after UI changes)."""
    import PySide6

    fresh = tmp_path / "fresh.ts"
    sources = sorted(str(p) for p in Path(i18n.__file__).parent.rglob("*.py"))
    subprocess.run([str(Path(PySide6.__file__).parent / "lupdate"), *sources, "-ts", str(fresh), "-silent"],
                   check=True, capture_output=True)

    def keys(path: Path) -> set[tuple[str | None, str | None]]:
        root = ET.parse(path).getroot()
        return {(c.findtext("name"), m.findtext("source")) for c in root.iter("context") for m in c.iter("message")}

    assert keys(fresh) <= keys(i18n.ts_path("fr"))


def _literal(node: ast.expr) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def test_every_literal_given_to_tr_or_translate_is_in_the_ts() -> None:
    """The code read as Python, not by lupdate: lupdate silently skips some calls (one whose count is an
    expression, ``translate("C", "%n guest(s)…", None, len(x))``), so the lupdate test above cannot see them."""
    root = ET.parse(i18n.ts_path("fr")).getroot()
    known = {m.findtext("source") for m in root.iter("message")}
    missing = []
    for path in sorted(Path(i18n.__file__).parent.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call) or not isinstance(node.func, ast.Attribute | ast.Name):
                continue
            name = node.func.attr if isinstance(node.func, ast.Attribute) else node.func.id
            position = {"tr": 0, "translate": 1}.get(name)
            if position is None or len(node.args) <= position:
                continue
            text = _literal(node.args[position])
            if text is not None and text not in known:
                missing.append(f"{path.name}:{node.lineno}: {text}")
    assert not missing


def _quit_soon(how: str) -> None:
    """Once the window is up, quit it the way staff would: the menu's Quit or the close button."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from kiosk.ui.main_window import MainWindow

    def act() -> None:
        windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]
        if not windows:
            QTimer.singleShot(50, act)
            return
        window = windows[0]
        if how == "menu":
            quit_action = next(a for a in window.menuBar().actions()[0].menu().actions()  # type: ignore[attr-defined]
                               if a.text() == "Quit")
            quit_action.trigger()
        else:
            window.close()

    QTimer.singleShot(300, act)


@pytest.mark.timeout(120)  # a hang fails here, however loaded the machine
@pytest.mark.parametrize("how", ["menu", "close button"])
def test_quit_from_the_menu_or_the_close_button_returns(qapp: QApplication, data_dir: Path, how: str) -> None:
    """Without --quit-after: the run returns only because the window was quit (it used to hang)."""
    _quit_soon(how)
    status = main(["--data-dir", str(data_dir), "gui", "--no-camera", "--lang", "en"])
    assert status == 0
