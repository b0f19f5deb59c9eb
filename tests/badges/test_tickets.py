"""E-mail tickets: signed QR that scans from a phone screen through a 720p webcam, mailing.csv."""

from __future__ import annotations

import csv
import json
import subprocess
import uuid
from pathlib import Path

import pytest

from kiosk import paths
from kiosk.cli.main import main
from kiosk.service import Kiosk
from kiosk.service.keys import init_keys


def test_tickets_need_the_private_key_one_line_in_the_kiosk_language(
    kiosk: Kiosk, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The docs promise one line on errors: the kiosk's language, not both."""
    assert main(["--lang", "fr", "tickets", "-o", str(tmp_path / "t")]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "kiosk keys init" in err and "aucune clé privée" in err
    assert main(["tickets", "-o", str(tmp_path / "t"), "--lang", "en"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "kiosk keys init" in err and "no ticket-signing private key" in err


def test_tickets_pdf_png_and_mailing_csv_scan_after_webcam_downscale(
    kiosk: Kiosk, data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import zxingcpp
    from PIL import Image

    init_keys(paths.keys_dir(data_dir))
    out = tmp_path / "tickets"
    assert main(["tickets", "-o", str(out), "--attendee", "PLUS20-0001", "--attendee", "PLUS20-0002",
                 "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["tickets"] == 2
    with (out / "mailing.csv").open(encoding="utf-8-sig") as f:
        rows = list(csv.DictReader(f))
    assert list(rows[0]) == ["email", "first_name", "last_name", "pdf", "png"]
    first = kiosk.find("PLUS20-0001")
    assert rows[0]["email"] == first.email and Path(rows[0]["pdf"]).exists() and Path(rows[0]["png"]).exists()
    payload = kiosk.ticket_payload(first)

    # The page as a phone shows it (~100 dpi), then the QR at ~200 px as a 720p webcam sees it.
    subprocess.run(["pdftoppm", "-png", "-r", "100", "-singlefile", rows[0]["pdf"], str(tmp_path / "page")],
                   check=True)
    page = Image.open(tmp_path / "page.png").convert("L")
    assert [r.text for r in zxingcpp.read_barcodes(page)] == [payload]
    found = zxingcpp.read_barcodes(page)[0]
    qr_px = max(p.x for p in (found.position.top_right, found.position.bottom_right)) - \
        min(p.x for p in (found.position.top_left, found.position.bottom_left))
    scale = 200 / qr_px
    webcam = page.resize((round(page.width * scale), round(page.height * scale)), Image.Resampling.BILINEAR)
    webcam = webcam.resize((webcam.width, webcam.height))
    assert [r.text for r in zxingcpp.read_barcodes(webcam)] == [payload]
    png = Image.open(rows[0]["png"]).convert("L")
    assert [r.text for r in zxingcpp.read_barcodes(png.resize((200, 200), Image.Resampling.BILINEAR))] == [payload]
    text = subprocess.run(["pdftotext", rows[0]["pdf"], "-"], capture_output=True, text=True, check=True).stdout
    assert first.first_name in text and "Show this code at the door" in text


def test_mailing_csv_cells_are_spreadsheet_safe(kiosk: Kiosk, data_dir: Path, tmp_path: Path) -> None:
    from kiosk.domain.model import Attendee
    from kiosk.store import attendees as attendee_store
    from kiosk.store import transaction

    init_keys(paths.keys_dir(data_dir))
    nasty = Attendee(id=str(uuid.uuid4()), event_id=kiosk.event.id, first_name="=HYPERLINK(\"http://x\",\"Win\")",
                     last_name="+33\x0b612", email="@SUM(A1)", ticket_code="M-1")
    with transaction(kiosk.conn):
        attendee_store.insert_many(kiosk.conn, [nasty], case_sensitive=False, now=kiosk.now(), device_id="x")
    out = tmp_path / "tickets"
    assert main(["tickets", "-o", str(out), "--attendee", "M-1", "--attendee", "PLUS20-0001"]) == 0
    with (out / "mailing.csv").open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    assert rows[1][:3] == ["'@SUM(A1)", "'=HYPERLINK(\"http://x\",\"Win\")", "'+33 612"]
    assert not any(cell.startswith(("=", "+", "-", "@", "\t", "\r")) for row in rows for cell in row)
    assert rows[2][1] == kiosk.find("PLUS20-0001").first_name and Path(rows[2][3]).is_file()
    assert sorted(p.name for p in out.iterdir() if p.name.startswith(".")) == []  # no temp files left
