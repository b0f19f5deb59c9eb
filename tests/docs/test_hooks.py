"""What docs/hooks.py makes at build time: the volunteers' PDF left at the door, the list of import contracts."""

from __future__ import annotations

import importlib.util
import shutil
import subprocess
from pathlib import Path
from types import ModuleType

import pytest

DOCS = Path(__file__).resolve().parents[2] / "docs"


def hooks() -> ModuleType:
    spec = importlib.util.spec_from_file_location("kiosk_docs_hooks", DOCS / "hooks.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils (installed by make test)")
def test_the_guide_prints_every_section_as_plain_words(tmp_path: Path) -> None:
    page = (DOCS / "benevoles.md").read_text(encoding="utf-8")
    pdf = tmp_path / "guide.pdf"
    pdf.write_bytes(hooks().guide_pdf(page))
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout
    sections = [line[3:] for line in page.splitlines() if line.startswith("## ")]
    assert len(sections) >= 5
    for title in sections:
        assert title in text
    assert "Bienvenue" in text and "Ctrl+Z" in text
    assert "**" not in text and "](" not in text and "benevoles.pdf" not in text
    pages = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    assert "Pages:           2" in pages or "Pages:           1" in pages  # a leaflet, not a manual


def test_markup_in_the_page_is_escaped_for_reportlab() -> None:
    module = hooks()
    assert module._inline("a <b> & **c** `d` [e](f.md)") == (
        'a &lt;b&gt; &amp; <font name="KioskReport-Bold">c</font> <font name="KioskReport-Bold">d</font> e')


def test_the_architecture_page_lists_every_import_contract() -> None:
    import tomllib

    listed = hooks().contracts()
    declared = tomllib.loads((DOCS.parent / "pyproject.toml").read_text(encoding="utf-8"))
    for contract in declared["tool"]["importlinter"]["contracts"]:
        assert f"**{contract['name']}**" in listed
    assert "`kiosk.domain` may not import" in listed and "`PySide6`" in listed
    assert "(allowed: `kiosk.cli.cmd_gui → kiosk.ui.app`" in listed  # the one way a command opens the window
    assert "in `kiosk.service`, `jobs` → `sync` → `kiosk` → `session`" in listed
