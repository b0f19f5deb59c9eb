"""Render every format with the hard names to PNG contact sheets (docs/badges/<format>.png).

    .venv/bin/python -m tests.badges.render_docs [OUT_DIR]     # default: docs/badges

The test suite runs the same code into a temp folder; run it by hand to refresh the docs.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

from kiosk.badges import content, engine, layouts
from kiosk.badges.content import BadgeContent
from tests.badges.hard_names import HARD_NAMES

DPI = 70


def badges() -> list[BadgeContent]:
    categories = (("Association", "#ef6c00"), ("Entreprise", "#1565c0"), ("Citoyen·ne", "#2e7d32"),
                  ("Institution", "#6a1b9a"))
    workshops = ("Se loger", "Se nourrir", "Se vêtir")
    return [
        BadgeContent(first, last, org, *categories[i % 4], workshops[i % 3], f"PLUS20-{i + 1:04d}",
                     "#Plus20 — La Ruche Marseille × Inter-Made", "30 novembre 2026 · 18:00",
                     "Ensemble pour une économie sociale et solidaire", content.default_logo())
        for i, (first, last, org) in enumerate(HARD_NAMES)
    ]


def render(out_dir: Path, formats: list[str] | None = None) -> list[Path]:
    """One PNG per format: its pages side by side (the 13 hard names), on a light grey ground."""
    from PIL import Image

    out_dir.mkdir(parents=True, exist_ok=True)
    made = []
    for name in formats or list(layouts.FORMATS):
        layout = layouts.get(name)
        with tempfile.TemporaryDirectory() as tmp:
            pdf = Path(tmp) / f"{name}.pdf"
            engine.render(badges(), layout, pdf, title=name)
            subprocess.run(["pdftoppm", "-png", "-r", str(DPI), str(pdf), str(Path(tmp) / "p")], check=True)
            pages = [Image.open(p).convert("RGB") for p in sorted(Path(tmp).glob("p-*.png"))]
        cols = 1 if layout.badges_per_page > 1 else min(len(pages), 5 if layout.page_w_mm < layout.page_h_mm else 3)
        cols = max(cols, 2) if layout.badges_per_page > 1 else cols
        rows = -(-len(pages) // cols)
        gap = 8
        w, h = pages[0].size
        sheet = Image.new("RGB", (cols * (w + gap) + gap, rows * (h + gap) + gap), (224, 224, 224))
        for i, page in enumerate(pages):
            sheet.paste(page, (gap + (i % cols) * (w + gap), gap + (i // cols) * (h + gap)))
        target = out_dir / f"{name}.png"
        sheet.save(target, optimize=True)
        made.append(target)
    return made


if __name__ == "__main__":
    root = Path(__file__).resolve().parents[2]
    for path in render(Path(sys.argv[1]) if len(sys.argv) > 1 else root / "docs" / "badges"):
        print(path)
