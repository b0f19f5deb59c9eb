"""A badge printed at door A counts as printed at door B once both synced through a real PostgreSQL:
`kiosk print` at B marks it a reprint, `kiosk badges --only-not-printed` at B leaves the guest out, and
B's auto-print does not print it again when the guest comes in at B."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import psycopg
import pytest

from kiosk.adapters.printing.pdf_folder import PdfFolderPrinter
from kiosk.hub import schema
from kiosk.service import Kiosk
from kiosk.service.printing import PrintQueue, auto_print
from kiosk.service.sync import sync_once

ROOT = Path(__file__).resolve().parents[2]
MakeKiosk = Callable[..., Kiosk]


@pytest.fixture
def hub(hub_url: str) -> str:
    with psycopg.connect(hub_url) as conn:
        schema.upgrade(conn)
    return hub_url


def kiosk_cli(data_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("KIOSK_DATA_DIR", "PGPASSWORD")}
    return subprocess.run([sys.executable, "main.py", "--data-dir", str(data_dir), *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=120)


def test_a_badge_printed_at_door_a_counts_as_printed_at_door_b(make_kiosk: MakeKiosk, hub: str,
                                                                 tmp_path: Path) -> None:
    a, b = make_kiosk("poste-A"), make_kiosk("poste-B")
    assert b.data_dir is not None
    guest = a.find("PLUS20-0011")
    queue = PrintQueue(a, PdfFolderPrinter(tmp_path / "printed-a"))
    queue.enqueue(guest.id)
    assert queue.run_until_empty() == 1
    assert guest.id in {g.id for g in b.badges.guests(only_not_printed=True)}  # B does not know yet
    sync_once(a, hub)
    sync_once(b, hub)
    assert guest.id not in {g.id for g in b.badges.guests(only_not_printed=True)}
    listed = kiosk_cli(b.data_dir, "badges", "--all", "--only-not-printed", "-o", str(tmp_path / "b.pdf"), "--json")
    assert listed.returncode == 0, listed.stderr
    assert json.loads(listed.stdout)["badges"] == len(b.badges.guests(only_not_printed=True))
    again = kiosk_cli(b.data_dir, "print", "PLUS20-0011", "--backend", "pdf", "--printer", str(tmp_path / "b"),
                      "--json")
    assert again.returncode == 0, again.stderr
    assert json.loads(again.stdout)["reprint"] is True
    # B's auto-print: the guest printed at A gets none at B; a guest never printed gets one
    b_queue = PrintQueue(b, PdfFolderPrinter(tmp_path / "printed-b2"))
    auto_print(b, lambda g: b_queue.enqueue(g.id), True)
    assert b.check_in("PLUS20-0011").verdict.admits
    assert b.badges_queued == 0
    b.check_in("PLUS20-0012")
    assert b.badges_queued == 1
    assert b.find("PLUS20-0012").id in [j.attendee_id for j in b_queue.jobs()]
