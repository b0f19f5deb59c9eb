"""MkDocs hooks (``mkdocs.yml``): the pages made from the code at build time.

- ``cli.md``: its marker is replaced by the reference walked from the argparse parsers
  (``kiosk.cli.reference``), so the page cannot drift from the commands.
- ``architecture.md``: its marker is replaced by the import-linter contracts of ``pyproject.toml``.
- ``benevoles.pdf``: the volunteers' page (``benevoles.md``) as an A4 PDF to print and leave at the
  door, drawn with reportlab (already a dependency, for the badges) and the DejaVu fonts the reports
  use. It reads the small Markdown that page is written in: headings, paragraphs, bullet lists,
  bold, code (in bold), links (their text) and images.
"""

from __future__ import annotations

import html
import io
import re
from pathlib import Path
from typing import Any

CLI_MARKER = "<!-- generated: the command-line reference -->"
CONTRACTS_MARKER = "<!-- generated: the import contracts -->"
GUIDE = "benevoles.md"
GUIDE_PDF = "benevoles.pdf"
DOCS = Path(__file__).resolve().parent


def on_page_markdown(markdown: str, page: Any, **_: Any) -> str:
    if page.file.src_uri == "cli.md":
        from kiosk.cli.reference import markdown as reference

        if CLI_MARKER not in markdown:
            raise ValueError(f"cli.md has lost its marker {CLI_MARKER!r}")
        return markdown.replace(CLI_MARKER, reference())
    if page.file.src_uri == "architecture.md":
        if CONTRACTS_MARKER not in markdown:
            raise ValueError(f"architecture.md has lost its marker {CONTRACTS_MARKER!r}")
        return markdown.replace(CONTRACTS_MARKER, contracts())
    return markdown


def contracts(pyproject: Path = DOCS.parent / "pyproject.toml") -> str:
    """The import-linter contracts as a Markdown list: what each forbids and the imports it lets through,
    as named in pyproject.toml."""
    import tomllib

    declared = tomllib.loads(pyproject.read_text(encoding="utf-8"))["tool"]["importlinter"]["contracts"]
    lines = []
    for contract in declared:
        forbidden = ", ".join(f"`{m}`" for m in contract.get("forbidden_modules", []))
        sources = ", ".join(f"`{m}`" for m in contract.get("source_modules", []))
        detail = f": {sources} may not import {forbidden}" if forbidden else ""
        if contract.get("layers"):
            inside = ", ".join(f"`{m}`" for m in contract.get("containers", []))
            layers = " → ".join(f"`{layer}`" for layer in contract["layers"])
            detail = f": in {inside}, {layers} (each may import those after it, never those before)"
        allowed = ", ".join(f"`{i.replace(' -> ', ' → ')}`" for i in contract.get("ignore_imports", []))
        detail += f" (allowed: {allowed})" if allowed else ""
        lines.append(f"- **{html.escape(contract['name'], quote=False)}** ({contract['type']}){detail}")
    return "\n".join(lines) + "\n"


def on_files(files: Any, config: Any) -> Any:
    from mkdocs.structure.files import File

    files.append(File.generated(config, GUIDE_PDF, content=guide_pdf((DOCS / GUIDE).read_text(encoding="utf-8"))))
    return files


def guide_pdf(markdown: str, images: Path = DOCS) -> bytes:
    """The volunteers' page as PDF bytes (A4, two pages at most); ``images`` is where its images live."""
    from reportlab.lib.colors import HexColor
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import Flowable, Image, ListFlowable, Paragraph, SimpleDocTemplate, Spacer

    from kiosk.reports.pdf import BOLD, INK, REGULAR, register_fonts

    register_fonts()
    body = ParagraphStyle("body", fontName=REGULAR, fontSize=10, leading=13, textColor=HexColor(INK),
                          spaceAfter=4)
    h1 = ParagraphStyle("h1", parent=body, fontName=BOLD, fontSize=18, leading=22, spaceAfter=8)
    h2 = ParagraphStyle("h2", parent=body, fontName=BOLD, fontSize=12.5, leading=16, spaceBefore=8, spaceAfter=3)
    story: list[Flowable] = []
    bullets: list[Flowable] = []

    def close_list() -> None:
        if bullets:
            story.append(ListFlowable(list(bullets), bulletType="bullet", start="•", leftIndent=12,
                                      bulletFontName=REGULAR))
            bullets.clear()

    for block in _blocks(markdown):
        if block.startswith("- "):
            bullets.append(Paragraph(_inline(block[2:]), body))
            continue
        close_list()
        image = re.fullmatch(r"!\[[^\]]*\]\(([^)\s]+)\)", block)
        if image:
            picture = Image(str(images / image.group(1)))
            scale = min(70 * mm / picture.imageWidth, 1.0)
            picture.drawWidth, picture.drawHeight = picture.imageWidth * scale, picture.imageHeight * scale
            picture.hAlign = "LEFT"
            story.append(picture)
        elif block.startswith("# "):
            story.append(Paragraph(_inline(block[2:]), h1))
        elif block.startswith("## "):
            story.append(Paragraph(_inline(block[3:]), h2))
        else:
            story.append(Paragraph(_inline(block), body))
    close_list()
    story.append(Spacer(1, 4))
    out = io.BytesIO()
    SimpleDocTemplate(out, pagesize=A4, leftMargin=16 * mm, rightMargin=16 * mm, topMargin=14 * mm,
                      bottomMargin=14 * mm, title="kiosk — guide des bénévoles", author="kiosk").build(story)
    return out.getvalue()


def _blocks(markdown: str) -> list[str]:
    """Headings, list items, images and paragraphs, one string each; comments and PDF-only lines out."""
    markdown = re.sub(r"<!--.*?-->", "", markdown, flags=re.S)
    blocks: list[str] = []
    for line in markdown.splitlines():
        text = line.strip()
        if not text or GUIDE_PDF in text:  # the page's link to this very PDF
            blocks.append("")
        elif text.startswith(("#", "![")):
            blocks += [text, ""]
        elif text.startswith("- "):
            blocks.append(text)
        elif blocks and blocks[-1] and (line.startswith("  ") or not blocks[-1].startswith("- ")):
            blocks[-1] += " " + text  # the same paragraph, or the list item's continuation
        else:
            blocks.append(text)
    return [b for b in blocks if b]


def _inline(text: str) -> str:
    """Markdown's inline marks as reportlab's tags; everything else escaped (reportlab reads markup)."""
    from kiosk.reports.pdf import BOLD

    text = html.escape(text, quote=False)
    text = re.sub(r"\[([^\]]+)\]\([^)]+\)", r"\1", text)  # a link: its words
    text = re.sub(r"\*\*(.+?)\*\*", rf'<font name="{BOLD}">\1</font>', text)
    return re.sub(r"`([^`]+)`", rf'<font name="{BOLD}">\1</font>', text)
