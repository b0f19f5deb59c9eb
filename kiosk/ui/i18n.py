"""Translations: English source strings in the code, ``resources/i18n/kiosk_<lang>.ts`` beside it.

Compiled ``.qm`` files are build output, never committed: they are made here at start-up with
pyside6-lrelease into a cache dir when missing or older than the ``.ts`` (about 50 ms, once).
"""

from __future__ import annotations

import hashlib
import logging
import os
import shutil
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from kiosk import assets
from kiosk.domain.messages import LANGUAGES

log = logging.getLogger(__name__)

SOURCE_LANGUAGE = "en"
I18N_DIR = assets.path("i18n")


def cache_dir() -> Path:
    env = os.environ.get("KIOSK_CACHE_DIR")
    if env:
        return Path(env) / "i18n"
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("kiosk", "kiosk")) / "i18n"


def ts_path(lang: str) -> Path:
    return I18N_DIR / f"kiosk_{lang}.ts"


def _lrelease() -> list[str] | None:
    """The lrelease that ships with PySide6 (beside the interpreter, or inside the package)."""
    import PySide6

    for candidate in (Path(PySide6.__file__).parent / "lrelease", Path(sys.executable).parent / "pyside6-lrelease"):
        if candidate.exists():
            return [str(candidate)]
    found = shutil.which("pyside6-lrelease") or shutil.which("lrelease")
    return [found] if found else None


def compiled(lang: str, target_dir: Path | None = None) -> Path | None:
    """Path of an up-to-date ``.qm`` for ``lang``, compiling it if needed; None if impossible."""
    source = ts_path(lang)
    if not source.exists():
        return None
    # Named by the .ts's content, not its mtime: several checkouts on one machine share the cache dir,
    # and another checkout's newer .ts must not stand in for this one's.
    digest = hashlib.sha1(source.read_bytes()).hexdigest()[:12]
    name = f"kiosk_{lang}-{digest}.qm"
    shipped = source.parent / name  # compiled at build time (the bundle: kiosk.spec), same content name
    if shipped.exists():
        return shipped
    target = (target_dir or cache_dir()) / name
    if target.exists():
        return target
    tool = _lrelease()
    if tool is None:
        log.warning("pyside6-lrelease not found: the window stays in English")
        return None
    target.parent.mkdir(parents=True, exist_ok=True)
    # Written under a name of its own, then renamed: another process starting at the same moment (two
    # windows, or test workers) never reads a half-written catalogue.
    partial = target.with_name(f".{target.name}.{os.getpid()}")
    try:
        subprocess.run([*tool, "-silent", str(source), "-qm", str(partial)], check=True,
                       capture_output=True, timeout=60)
        os.replace(partial, target)
    except (OSError, subprocess.SubprocessError) as exc:
        log.warning("could not compile %s: %s", source.name, exc)
        partial.unlink(missing_ok=True)
        return None
    return target if target.exists() else None


def counted(n: int) -> str:
    """A count as the window's language writes it ("96 663", "96,663"): a large event reads at a glance."""
    return QLocale().toString(n)


def install(app: QCoreApplication, lang: str) -> list[QTranslator]:
    """Install kiosk's and Qt's own translators (standard buttons: 'Annuler'...) for ``lang``.

    Returns the translators: the caller keeps them alive (Qt does not own them)."""
    QLocale.setDefault(QLocale(lang))
    if lang == SOURCE_LANGUAGE:
        return []
    installed: list[QTranslator] = []
    qm = compiled(lang)
    if qm is not None:
        translator = QTranslator(app)
        if translator.load(str(qm)):
            app.installTranslator(translator)
            installed.append(translator)
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    base = QTranslator(app)
    if base.load(f"qtbase_{lang}", qt_dir):
        app.installTranslator(base)
        installed.append(base)
    return installed


def remove(app: QCoreApplication, translators: list[QTranslator]) -> None:
    for translator in translators:
        app.removeTranslator(translator)


def update_sources() -> None:
    """Developer helper (`python -m kiosk.ui.i18n`): refresh the .ts files from the code with
    pyside6-lupdate, keeping existing translations; new strings then need a translation."""
    import PySide6

    tool = Path(PySide6.__file__).parent / "lupdate"
    lupdate = [str(tool)] if tool.exists() else [shutil.which("pyside6-lupdate") or "pyside6-lupdate"]
    sources = sorted(str(p) for p in Path(__file__).resolve().parent.rglob("*.py"))
    for lang in LANGUAGES:
        if lang != SOURCE_LANGUAGE:
            subprocess.run([*lupdate, *sources, "-ts", str(ts_path(lang)), "-target-language", lang,
                            "-no-obsolete"], check=True)


if __name__ == "__main__":
    update_sources()
