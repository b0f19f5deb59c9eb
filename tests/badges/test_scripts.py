"""Every letter of every name prints: badges rendered to PDF, rasterised by pdftoppm, ink counted.

A glyph the font lacks prints blank and a text layer would not notice, so these tests look at
pixels: a name's ink must grow with its letters, every letter alone must leave ink, and a
right-to-left name must put its first word on the right.
"""

from __future__ import annotations

import io
import logging
import subprocess
import unicodedata
import uuid
from pathlib import Path

import pytest
from PIL import Image

from kiosk.badges import engine, fonts, text
from kiosk.badges.content import BadgeContent
from kiosk.badges.layouts import Box, Layout

DPI = 100
DARK = 128


def strip(align: str = "left") -> Layout:
    """A 200 x 20 mm label with one line of 34 pt text: wide enough that nothing shrinks."""
    return Layout(f"strip-{align}", "one line of text", 200, 20, 200, 20,
                  boxes=(Box("first_name", 0.0, 0.0, 1.0, 1.0, size=0.6, min_ratio=1.0, align=align),))


def pages(names: list[str], tmp_path: Path, align: str = "left") -> list[Image.Image]:
    """Each name on its own page of one PDF, rasterised in one pdftoppm call."""
    layout = strip(align)
    for name in names:  # same size for all: ink is comparable
        ops = [op for op in engine.plan(BadgeContent(name, ""), layout) if isinstance(op, engine.TextOp)]
        assert ops and ops[0].fitted.size == pytest.approx(0.6 * 20 * 72 / 25.4), name
    folder = tmp_path / uuid.uuid4().hex
    folder.mkdir()
    pdf = folder / "names.pdf"
    engine.render([BadgeContent(name, "") for name in names], layout, pdf)
    subprocess.run(["pdftoppm", "-png", "-gray", "-r", str(DPI), str(pdf), str(folder / "p")], check=True)
    images = [Image.open(p).convert("L") for p in sorted(folder.glob("p-*.png"))]
    assert len(images) == len(names)
    return images


def ink(image: Image.Image) -> int:
    return sum(image.histogram()[:DARK])


def inks(names: list[str], tmp_path: Path) -> dict[str, int]:
    return dict(zip(names, (ink(page) for page in pages(names, tmp_path)), strict=True))


# One name per script, with what used to go wrong: the Allah ligature (U+FDF2 in the presentation
# forms, missing from DejaVu), lam-alef, Hebrew, Armenian, polytonic Greek, Cyrillic, stacked
# Vietnamese accents, Devanagari conjuncts and vowel signs, and CJK.
SCRIPT_NAMES = {
    "arabic": "محمد بن عبد الله",
    "arabic-lam-alef": "سلام الأحمد",
    "hebrew": "שלום עליכם",
    "armenian": "Արամ Հովհաննիսյան",
    "greek": "Ὀδυσσεύς Παπαδόπουλος",
    "cyrillic": "Ольга Коваленко",
    "vietnamese": "Nguyễn Thị Thu",
    "devanagari": "प्रिया शर्मा",
    "cjk": "王芳 李",
}


def test_abdullah_prints_every_letter(tmp_path: Path) -> None:
    found = inks(["عبد", "الله", "عبد الله"], tmp_path)
    assert found["الله"] > 0.3 * found["عبد"]  # the ligature is drawn, not blank
    # "عبد الله" used to print as "عبد": now it holds both words' ink (words do not join across a space)
    assert found["عبد الله"] == pytest.approx(found["عبد"] + found["الله"], rel=0.05)
    assert found["عبد الله"] > 1.5 * found["عبد"]


@pytest.mark.parametrize("script", list(SCRIPT_NAMES))
def test_a_names_ink_grows_with_each_word(script: str, tmp_path: Path) -> None:
    name = SCRIPT_NAMES[script]
    if script == "cjk" and fonts.fonts().cjk is None:
        pytest.skip("no TrueType CJK font on this machine (Debian: fonts-droid-fallback)")
    words = name.split(" ")
    prefixes = [" ".join(words[:i]) for i in range(1, len(words) + 1)]
    found = inks([*words, *prefixes[1:]], tmp_path)
    assert all(found[word] > 150 for word in words), found
    for shorter, longer, word in zip(prefixes, prefixes[1:], words[1:], strict=False):
        assert found[longer] == pytest.approx(found[shorter] + found[word], rel=0.08), (shorter, word, found)


@pytest.mark.parametrize("script", list(SCRIPT_NAMES))
def test_every_letter_alone_leaves_ink(script: str, tmp_path: Path) -> None:
    if script == "cjk" and fonts.fonts().cjk is None:
        pytest.skip("no TrueType CJK font on this machine (Debian: fonts-droid-fallback)")
    letters = sorted({ch for ch in SCRIPT_NAMES[script] if unicodedata.category(ch).startswith("L")})
    found = inks(letters, tmp_path)
    blank = [f"U+{ord(ch):04X} {unicodedata.name(ch, '?')}" for ch, value in found.items() if value < 40]
    assert blank == []
    assert fonts.missing(SCRIPT_NAMES[script]) == ""


def _columns(image: Image.Image) -> list[int]:
    """Dark pixels per column."""
    width, height = image.size
    px = image.load()
    assert px is not None
    return [sum(1 for y in range(height) if int(px[x, y]) < DARK) for x in range(width)]  # type: ignore[arg-type,misc]


def _same_place(line: Image.Image, word: Image.Image) -> float:
    """How much of ``word``'s ink columns the ``line`` reproduces at the same place (1.0: identical)."""
    a, b = _columns(line), _columns(word)
    used = [x for x, v in enumerate(b) if v]
    assert used
    span = range(min(used), max(used) + 1)
    diff = sum(abs(a[x] - b[x]) for x in span)
    return 1 - diff / max(sum(b[x] for x in span), 1)


@pytest.mark.parametrize("name", ["محمد بن عبد الله", "שלום עליכם"])
def test_right_to_left_names_put_the_first_word_on_the_right(name: str, tmp_path: Path) -> None:
    first, last = name.split(" ")[0], name.split(" ")[-1]
    right = pages([name, first, last], tmp_path, "right")
    left = pages([name, last, first], tmp_path, "left")
    assert _same_place(right[0], right[1]) > 0.97  # the first word ends the line on the right
    assert _same_place(left[0], left[1]) > 0.97  # the last word starts it on the left
    assert _same_place(right[0], right[2]) < 0.8  # and not the other way round
    assert _same_place(left[0], left[2]) < 0.8


@pytest.mark.parametrize("name", ["عبد الله", "प्रिया शर्मा", "AVAWAY Tøffe", "שלום עליכם"])
def test_centred_names_are_centred_on_the_page(name: str, tmp_path: Path) -> None:
    """Placement uses the shaped widths: kerning ("AVAWAY" is ~15 px narrower kerned at this size)
    or a ligature measured unshaped would push the ink off centre."""
    (page,) = pages([name], tmp_path, "center")
    box = page.point(lambda v: 255 if v < DARK else 0).getbbox()
    assert box is not None
    assert abs((box[0] + box[2]) / 2 - page.width / 2) <= 3.0, box
    line = text.fit(name, width=10_000, height=48, max_size=34.0157, min_size=34).lines[0]
    assert box[2] - box[0] <= line.width / 72 * DPI + 2  # the ink is no wider than the advance


def test_shaped_width_is_what_gets_drawn() -> None:
    """Fitting measures the shaped runs: the Allah ligature is narrower than its four letters."""
    fonts.fonts()
    fitted = text.fit("عبد الله", width=500, height=40, max_size=20, min_size=10)
    line = fitted.lines[0]
    assert line.width == pytest.approx(sum(line.widths)) and line.source == "عبد الله"
    assert all(font.startswith("Kiosk-arabic") for font, _glyphs in line.runs) or fonts.fonts().scripts == ()


def test_a_name_no_font_covers_is_reported(caplog: pytest.LogCaptureFixture) -> None:
    runic = "ᚱᚢᚾᛅ"  # no Runic font in Debian's fonts-noto-core
    fitted = text.fit(f"{runic} Ek", width=300, height=40, max_size=20, min_size=10)
    assert fitted.missing == runic and fitted.lines[0].source == "Ek"
    assert engine.unprintable(BadgeContent(runic, "Ek", organisation="ᚠ Co")) == runic + "ᚠ"
    with caplog.at_level(logging.WARNING, logger="kiosk.badges.engine"):
        engine.render([BadgeContent("Ana", "Ek"), BadgeContent(runic, "Ek")], strip(), io.BytesIO())
    assert [r.getMessage() for r in caplog.records] == [f"badge of {runic} Ek: no font for {runic} (left out)"]
