"""Stable identity: the same export imported on two kiosks names the same guests; device ids are
minted once per data dir and machine."""

from __future__ import annotations

from pathlib import Path

import psycopg
import pytest

from kiosk.adapters.hub import replica, schema
from kiosk.domain.model import Event, Verdict
from kiosk.service import Kiosk
from kiosk.service.importer import import_registrations
from kiosk.service.sync.round import sync_once
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


def test_a_renamed_kiosk_stays_one_device_and_is_shown_by_its_latest_name(
        tmp_path: Path, hub_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """poste-A is renamed "Entrée nord" between two syncs: one device on the hub (under the new
    name), its old scans keep their id and old name, and kiosk B says "already checked in (Entrée
    nord, …)". Two data dirs both called poste-B are two devices, told apart on every screen."""
    from kiosk.service.occupancy import Occupancy

    monkeypatch.setenv("KIOSK_MACHINE_ID", "machine-1")
    with psycopg.connect(hub_url) as conn:
        schema.upgrade(conn)
    clock = FakeClock()
    a = Kiosk.open(tmp_path / "a", device_name="poste-A", clock=clock)
    a.create_demo()
    first = a.check_in("PLUS20-0001").scan
    assert first is not None
    sync_once(a, hub_url)
    a.close()
    a = Kiosk.open(tmp_path / "a", device_name="Entrée nord", clock=clock)
    assert a.device().id == first.device_id
    clock.advance(60)
    second = a.check_in("PLUS20-0002").scan
    assert second is not None and (second.device_id, second.device_name) == (first.device_id, "Entrée nord")
    sync_once(a, hub_url)
    b = Kiosk.open(tmp_path / "b", device_name="poste-B", clock=clock)
    b.create_demo()
    twin = Kiosk.open(tmp_path / "b-twin", device_name="poste-B", clock=clock)
    twin.create_demo()
    assert len({a.device().id, b.device().id, twin.device().id}) == 3
    sync_once(b, hub_url)
    again = b.check_in("PLUS20-0001")
    assert again.verdict is Verdict.ALREADY_CHECKED_IN and again.first_entry_device == "Entrée nord"
    assert b.presence(again.attendee.id if again.attendee else "").first_entry_device_id == first.device_id
    history = b.history(again.attendee.id if again.attendee else "")
    assert [s.device_name for s in history][:1] == ["poste-A"]  # a scan keeps the name it was made under
    clock.advance(60)
    assert twin.check_in("PLUS20-0003").verdict is Verdict.ACCEPTED
    sync_once(twin, hub_url)
    sync_once(b, hub_url)
    with psycopg.connect(hub_url) as conn:
        status = replica.status(conn)
    by_id = {d.id: (d.name, d.scans) for d in status.devices}
    assert by_id[first.device_id] == ("Entrée nord", 2)
    assert by_id[twin.device().id] == ("poste-B", 1) and by_id[b.device().id] == ("poste-B", 1)
    occupancy = Occupancy(b.conn, event=b.event, clock=clock)  # the door's view: one line per device id
    assert sorted(s.device_name for s in occupancy.statuses()) == ["Entrée nord", "poste-B", "poste-B"]
    for k in (a, b, twin):
        k.close()


def test_duplicates_name_each_door_as_it_is_called_now(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Two doors admit one guest while apart; door A is renamed afterwards: `kiosk duplicates`
    shows it under its new name (its scans keep the old one)."""
    import json

    from kiosk.cli.main import main
    from tests.helpers.doors import hand_over

    clock = FakeClock()
    a = Kiosk.open(tmp_path / "a", device_name="poste-A", clock=clock)
    b = Kiosk.open(tmp_path / "b", device_name="poste-B", clock=clock)
    for k in (a, b):
        k.create_demo()
    assert a.check_in("PLUS20-0004").verdict is Verdict.ACCEPTED
    clock.advance(60)
    assert b.check_in("PLUS20-0004").verdict is Verdict.ACCEPTED  # apart: B has not seen A's entry
    clock.advance(60)
    assert a.check_in("PLUS20-0005", device_name="Entrée nord").scan is not None  # A renamed
    hand_over(a, b)
    capsys.readouterr()
    assert main(["--data-dir", str(tmp_path / "b"), "duplicates", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert [(r["first"]["device"], r["duplicate"]["device"]) for r in rows] == [("Entrée nord", "poste-B")]
    assert {s.device_name for s in b.history(rows[0]["attendee_id"])} == {"poste-A", "poste-B"}
    for k in (a, b):
        k.close()


def test_a_v8_data_dir_keeps_the_device_id_its_scans_carry(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Before v9 a device id was UUIDv5(root, name): a data dir upgraded on its own machine goes on
    as the device its scans name, so its own scans stay its own (undo, repeat window)."""
    import uuid

    from kiosk.store import meta, transaction
    from kiosk.store import sync as sync_store

    monkeypatch.setenv("KIOSK_MACHINE_ID", "machine-1")
    k = Kiosk.open(tmp_path / "d", device_name="poste-A", clock=FakeClock())
    k.create_demo()
    root = str(uuid.uuid4())
    legacy = str(uuid.uuid5(uuid.UUID(root), "poste-A"))
    with transaction(k.conn):  # the data dir as v8 left it: a root, and a scan made under the old id
        k.conn.execute("DELETE FROM meta WHERE key = 'device'")
        meta.put(k.conn, "device_id", root)
        sync_store.insert_pulled(k.conn, [(str(uuid.uuid4()), k.event.id, None, "X", "refused", "unknown", None,
                                           legacy, "poste-A", None, None, k.now(), k.now(), None)])
    k.close()
    again = Kiosk.open(tmp_path / "d", device_name="poste-A", clock=FakeClock())
    assert again.device().id == legacy
    again.close()
