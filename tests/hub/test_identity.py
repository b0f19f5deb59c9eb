"""Stable identity: the same export imported on two kiosks names the same guests; device ids are
minted once per data dir and machine."""

from __future__ import annotations

from pathlib import Path

import psycopg
import pytest

from kiosk.domain.model import Event, Verdict
from kiosk.hub import schema
from kiosk.service import Kiosk
from kiosk.service.importer import import_registrations
from kiosk.service.sync import sync_once
from tests.conftest import FakeClock

EVENT = Event(id="5f0c1d2e-3a4b-4c5d-8e6f-708192a3b4c5", name="Gala")
CSV = ("Ticket code,First name,Last name,Email\n"
       "GALA-001,Ana,Lima,ana@example.org\nGALA-002,Bo,Chen,bo@example.org\n")
FORM = "User ID,First name,Last name\n77,Zoé,Martin\n78,Yann,Le Gall\n"


def _kiosk(root: Path, name: str, files: list[Path]) -> Kiosk:
    k = Kiosk.open(root / name, device_name=name, clock=FakeClock())
    k.create_event(EVENT)
    for f in files:
        import_registrations(k, f)
    return k


def test_two_kiosks_importing_one_export_agree_on_who_is_who(tmp_path: Path, hub_url: str) -> None:
    (tmp_path / "guests.csv").write_text(CSV, encoding="utf-8")
    (tmp_path / "meetup.csv").write_text(FORM, encoding="utf-8")
    files = [tmp_path / "guests.csv", tmp_path / "meetup.csv"]
    a, b = _kiosk(tmp_path, "poste-A", files), _kiosk(tmp_path, "poste-B", files)
    ids = [sorted(r[0] for r in k.conn.execute("SELECT id FROM attendees")) for k in (a, b)]
    assert ids[0] == ids[1] and len(ids[0]) == 4
    with psycopg.connect(hub_url) as conn:
        schema.upgrade(conn)
    assert a.check_in("GALA-002").verdict is Verdict.ACCEPTED
    sync_once(a, hub_url)
    assert sync_once(b, hub_url).pulled == 1
    assert b.check_in("GALA-002").verdict is Verdict.ALREADY_CHECKED_IN
    a.close()
    b.close()


def test_device_ids_stay_put_on_one_machine_and_a_copy_to_another_machine_gets_new_ones(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import shutil

    monkeypatch.setenv("KIOSK_MACHINE_ID", "machine-1")
    k = Kiosk.open(tmp_path / "d", device_name="poste-A")
    first = k.device().id
    k.close()
    reopened = Kiosk.open(tmp_path / "d", device_name="poste-A")
    assert reopened.device().id == first
    reopened.close()
    twin = Kiosk.open(tmp_path / "other", device_name="poste-A")  # same name, another data dir
    assert twin.device().id != first
    twin.close()
    shutil.copytree(tmp_path / "d", tmp_path / "copy")
    monkeypatch.setenv("KIOSK_MACHINE_ID", "machine-2")
    copied = Kiosk.open(tmp_path / "copy", device_name="poste-A")
    again = copied.device().id
    assert again != first
    copied.close()
    reopened = Kiosk.open(tmp_path / "copy", device_name="poste-A")
    assert reopened.device().id == again
    reopened.close()
