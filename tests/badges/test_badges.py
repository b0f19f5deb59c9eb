"""Badge layouts, text fitting, scripts and fonts, QR readability, and the badge CLI."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from reportlab.pdfbase import pdfmetrics

from kiosk.badges import content, engine, fonts, layouts, text
from kiosk.badges.content import BadgeContent
from kiosk.cli.main import main
from kiosk.service import Kiosk
from tests.badges.hard_names import HARD_NAMES

EVENT = "#Plus20 — La Ruche Marseille × Inter-Made"


def hard_badges() -> list[BadgeContent]:
    return [
        BadgeContent(first, last, org, "Association", "#ef6c00", "Se loger", "PLUS20-0001", EVENT,
                     "30 novembre 2026 · 18:00", "Ensemble pour une économie sociale et solidaire",
                     content.default_logo())
        for first, last, org in HARD_NAMES
    ]


def pdftotext(pdf: Path) -> str:
    return subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout


def drawn_width(part: str, font: str, size: float) -> float:
    """The advance reportlab gives a run when drawing it: HarfBuzz advances for a shaped string
    (what ``textobject._formatText`` emits), the font's widths for a plain one."""
    data = getattr(part, "__shapeData__", None)
    if data is None:
        return float(pdfmetrics.stringWidth(part, font, size))
    return float(sum(d.x_advance for d in data)) * size / 1000


# --- layouts as data ------------------------------------------------------------------------
def test_formats_cover_the_required_names_and_sizes() -> None:
    summary = {f["name"]: f for f in (layout.summary() for layout in layouts.FORMATS.values())}
    assert set(summary) == {"a6", "4x3", "cr80", "ql62", "dymo99014", "a4-8", "letter-6"}
    assert (summary["a6"]["page_width_mm"], summary["a6"]["page_height_mm"]) == (105, 148)
    assert (summary["cr80"]["page_width_mm"], summary["cr80"]["page_height_mm"]) == (85.6, 54)
    assert summary["a4-8"]["badges_per_page"] == 8
    assert summary["letter-6"]["badges_per_page"] == 6


@pytest.mark.parametrize("name", list(layouts.FORMATS))
def test_badges_fit_on_their_page_and_boxes_inside_badges(name: str) -> None:
    layout = layouts.get(name)
    sw, sh = layout.slot_mm
    for x, y in layout.slots_mm():
        assert x >= 0 and y >= 0
        assert x + sw <= layout.page_w_mm + 1e-6 and y + sh <= layout.page_h_mm + 1e-6
    for box in layout.boxes:
        assert box.field in layouts.FIELDS
        assert box.x >= 0 and box.x + box.w <= 1 + 1e-9 and box.y >= 0 and box.y + box.h <= 1 + 1e-9


def test_a_format_loaded_from_json_renders_with_the_same_engine(tmp_path: Path) -> None:
    data = layouts.to_json(layouts.get("cr80"))
    data.update(name="site-label", page_w_mm=70, page_h_mm=40, badge_w_mm=70, badge_h_mm=40)
    spec = tmp_path / "label.json"
    spec.write_text(json.dumps(data))
    custom = layouts.load_json(spec)
    assert engine.render(hard_badges()[:2], custom, tmp_path / "l.pdf") == 2


# --- text never overflows ---------------------------------------------------------------------
@pytest.mark.parametrize("name", list(layouts.FORMATS))
def test_every_line_fits_its_box_for_hard_names(name: str) -> None:
    layout = layouts.get(name)
    fonts.fonts()
    for badge in hard_badges():
        for op in engine.plan(badge, layout):
            if not isinstance(op, engine.TextOp):
                continue
            assert op.fitted.height <= op.height + 0.01, (name, op.box.field)
            for x, y, line in op.baselines():
                measured = sum(drawn_width(part, font, op.fitted.size) for font, part in line.runs)
                assert measured <= op.width + 0.01, (name, op.box.field, line.text)
                assert op.left - 0.01 <= x and x + measured <= op.left + op.width + 0.01
                assert op.bottom - 0.01 <= y - 0.25 * op.fitted.size, (name, op.box.field)  # descender inside
            floor = max(op.box.size * layout.badge_h_mm * layouts.MM * op.box.min_ratio, text.MIN_PT)
            assert op.fitted.size >= min(floor, op.height / text.LEADING) - 0.01


def test_long_names_shrink_then_wrap_then_ellipsize() -> None:
    fonts.fonts()
    short = text.fit("Léa", width=200, height=40, bold=True, max_size=30, min_size=15)
    assert short.size == 30 and len(short.lines) == 1
    medium = text.fit("Marie-Noëlle Lefèvre", width=200, height=40, bold=True, max_size=30, min_size=12)
    assert 12 <= medium.size < 30 and len(medium.lines) == 1
    wrapped = text.fit("Marie-Noëlle Anne-Sophie de La Fontaine", width=200, height=60, bold=True,
                       max_size=30, min_size=14)
    assert len(wrapped.lines) == 2 and not wrapped.ellipsized
    cut = text.fit("Wolfeschlegelsteinhausenbergerdorff " * 4, width=100, height=40, bold=True,
                   max_size=30, min_size=14)
    assert cut.ellipsized and cut.lines[-1].text.endswith("…")
    assert all(line.width <= 100 + 0.01 for line in cut.lines)


# --- scripts and fonts ---------------------------------------------------------------------------
def test_every_script_prints_with_embedded_fonts(tmp_path: Path) -> None:
    pdf = tmp_path / "names.pdf"
    engine.render(hard_badges(), layouts.get("a6"), pdf)
    out = pdftotext(pdf)
    for word in ("Marie-Noëlle", "Nguyễn Thị Thu", "Παπαδόπουλος", "Ольга", "Коваленко", "İsmail", "Şahin",
                 "Œdipe", "Straße", "Ağaç Işık", "Zoé", "Martin"):
        assert word in out, word
    assert "🎉" not in out and "👩" not in out  # emoji dropped, never a box
    listing = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout
    rows = [line.split() for line in listing.splitlines()[2:]]
    assert rows and all("yes" in row[-5:-3] for row in rows), listing  # every font embedded
    assert "Helvetica" not in listing


def test_arabic_is_shaped_by_harfbuzz_and_right_to_left() -> None:
    fonts.fonts()
    assert pdfmetrics.getFont(fonts.REGULAR).shapable, "uharfbuzz missing: pip install 'reportlab[shaping]'"
    fitted = text.fit("محمد الأحمد", width=300, height=40, max_size=20, min_size=10)
    line = fitted.lines[0]
    assert [type(glyphs).__name__ for _font, glyphs in line.runs] == ["ShapedStr"]  # HarfBuzz, not a reshaper
    _font, first_glyphs, _width = text.layout("محمد", False)[0]
    assert line.text.split(" ")[-1] == first_glyphs  # first word drawn rightmost
    assert line.text.split(" ")[0] == text.layout("الأحمد", False)[0][1]


def test_cjk_prints_with_a_system_font_or_is_dropped_cleanly(tmp_path: Path) -> None:
    pdf = tmp_path / "cjk.pdf"
    engine.render(hard_badges()[7:8], layouts.get("4x3"), pdf)
    out = pdftotext(pdf)
    if fonts.fonts().cjk is not None:
        assert "王芳" in out and "北京大学" in out
    else:
        assert "王" not in out and "Se loger" in out


def test_accented_letter_missing_from_the_font_falls_back_to_its_base_letter() -> None:
    fs = fonts.fonts()
    assert fonts.covered("Zoé", fontset=fs) == "Zoé"
    assert fonts.covered(fonts.clean("a\u0000b\u200dc\ufe0f"), fontset=fs) == "abc"
    assert fonts.covered(fonts.clean("Ana 🎉 María"), fontset=fs) == "Ana María"
    assert fonts.covered("Ǹ", fontset=fonts.FontSet("R", "R", None, {"R": frozenset(map(ord, "N"))})) == "N"


# --- QR: readable on paper, on a screen, through a webcam ---------------------------------------
def _decode(png: Path, width: int | None = None) -> list[str]:
    import zxingcpp
    from PIL import Image

    image = Image.open(png).convert("L")
    if width is not None:
        image = image.resize((width, round(image.height * width / image.width)), Image.Resampling.BILINEAR)
    return [r.text for r in zxingcpp.read_barcodes(image)]


@pytest.mark.parametrize("name", ["a6", "cr80", "dymo99014"])
def test_badge_qr_scans_from_the_rendered_page(tmp_path: Path, name: str) -> None:
    pdf = tmp_path / "b.pdf"
    engine.render(hard_badges()[:1], layouts.get(name), pdf)
    subprocess.run(["pdftoppm", "-png", "-r", "150", "-singlefile", str(pdf), str(tmp_path / "b")], check=True)
    assert _decode(tmp_path / "b.png") == ["PLUS20-0001"]


# --- content and options -------------------------------------------------------------------------
def test_content_from_attendee_and_event_with_hidden_fields(kiosk: Kiosk, data_dir: Path) -> None:
    attendee = kiosk.find("PLUS20-0001")
    badge = kiosk.badges.contents([attendee])[0]
    assert badge.first_name == attendee.first_name and badge.qr == "PLUS20-0001"
    assert badge.category_color == kiosk.event.category_color(attendee.category)
    assert badge.date == "30 novembre 2026 · 18:00" and badge.logo is not None
    (data_dir / "badges.json").write_text(json.dumps(
        {"fields": {"tagline": False}, "events": {kiosk.event.id: {"fields": {"organisation": False}}}}))
    hidden = kiosk.badges.contents([attendee])[0]
    assert hidden.tagline == "" and hidden.organisation == "" and hidden.first_name == attendee.first_name


def test_qr_holds_the_signed_payload_once_a_private_key_exists(kiosk: Kiosk, data_dir: Path) -> None:
    from kiosk import paths
    from kiosk.domain.tickets import verify_ticket
    from kiosk.service.keys import init_keys, load_public

    attendee = kiosk.find("PLUS20-0002")
    init_keys(paths.keys_dir(data_dir))
    payload = kiosk.badges.contents([attendee])[0].qr
    claims = verify_ticket(payload, load_public(paths.keys_dir(data_dir)))
    assert claims.attendee_id == attendee.id


# --- CLI -------------------------------------------------------------------------------------------
def test_cli_badge_badges_and_formats(kiosk: Kiosk, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["badge", "PLUS20-0003", "-o", str(tmp_path / "one.pdf"), "--format", "cr80", "--json"]) == 0
    one = json.loads(capsys.readouterr().out)
    assert one["format"] == "cr80" and (tmp_path / "one.pdf").exists()
    assert main(["badges", "--all", "-o", str(tmp_path / "all.pdf"), "--format", "a4-8",
                 "--sort", "organisation", "--json"]) == 0
    captured = capsys.readouterr()
    summary = json.loads(captured.out)
    cancelled = kiosk.conn.execute("SELECT count(*) FROM attendees WHERE status = 'cancelled'").fetchone()[0]
    assert cancelled > 0 and summary["badges"] == 152 - cancelled  # cancelled guests get no badge
    assert summary["pages"] == -(-summary["badges"] // 8)
    assert "badges" in captured.err  # progress on stderr
    assert main(["formats", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert {"name", "page_width_mm", "page_height_mm", "badges_per_page"} == set(rows[0])
    assert main(["badge", "PLUS20-0003", "-o", str(tmp_path / "x.pdf"), "--format", "nope"]) == 2


def test_help_does_not_import_reportlab_or_qt() -> None:
    code = ("import sys; from kiosk.cli.main import build_parser; build_parser().format_help(); "
            "print(any(m.startswith(('reportlab', 'PySide6', 'qrcode')) for m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"


def test_every_format_renders_the_hard_names_to_png(tmp_path: Path) -> None:
    """The docs/badges sheets, made in a temp folder (refresh the docs: python -m tests.badges.render_docs)."""
    from PIL import Image

    from tests.badges import render_docs

    made = render_docs.render(tmp_path)
    assert [p.stem for p in made] == list(layouts.FORMATS)
    for png in made:
        with Image.open(png) as image:
            darkest = image.convert("L").getextrema()[0]
            assert isinstance(darkest, int) and darkest < 50  # ink on the page, not blank


def test_settings_fall_back_to_defaults_for_values_outside_their_choices(data_dir: Path) -> None:
    from kiosk import settings

    (data_dir / settings.FILE_NAME).write_text(json.dumps(
        {"language": "de", "decoder": "zbar", "printer_backend": "fax", "sounds": "yes"}))
    loaded = settings.load(data_dir)
    assert (loaded.language, loaded.decoder, loaded.printer_backend, loaded.sounds) == ("fr", "zbar", "pdf", True)
    (data_dir / settings.BADGES_FILE).write_text(json.dumps({"fields": {"tagline": False, "nope": False},
                                                             "qr": "hologram"}))
    assert settings.load_badge_options(data_dir) == settings.BadgeOptions(frozenset({"tagline"}), "auto")
