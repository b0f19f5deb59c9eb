"""Doors paired by a code, each with a hub login of its own: through a real PostgreSQL with real roles.
A door's login reads its evening and writes its own rows only (tried: the event, another door's rows,
the list of logins); a revoked door cannot connect and its scans stay; a copied data dir is refused."""

from __future__ import annotations

import json
import stat
import subprocess
import uuid
from pathlib import Path

import psycopg
import pytest

from kiosk import paths
from kiosk.adapters.hub import doors
from kiosk.adapters.hub.connection import HubError
from kiosk.domain.model import Event, Workshop
from kiosk.domain.pairing import Pairing
from kiosk.service import Kiosk
from kiosk.service import keys as key_store
from kiosk.service.pairing import add_door, join_paired
from kiosk.service.sync.round import hub_url, sync_once
from tests.helpers.process import run_kiosk

ROOT = Path(__file__).resolve().parents[2]
EVENT = Event(id="7d3e5f10-2b4c-4d6e-8f90-a1b2c3d4e5f6", name="#Plus20", starts_at="2026-12-10T18:00:00+01:00",
              venue="Friche la Belle de Mai", workshops=(Workshop("Se loger"),))


def organiser(tmp_path: Path, hub: str) -> Kiosk:
    org = Kiosk.open(tmp_path / "org", device_name="Organisation")
    org.create_event(EVENT)
    for i in range(5):
        org.register(first_name=f"Invitée{i}", last_name="Martin", email=f"i{i}@example.org")
    assert org.data_dir is not None
    key_store.init_keys(paths.keys_dir(org.data_dir))
    org.reload_keys()
    sync_once(org, hub)
    return org


def as_door(hub: str, pairing: Pairing) -> psycopg.Connection[tuple[object, ...]]:
    """A connection with the door's own login, exactly as the pairing gives it."""
    return psycopg.connect(host=pairing.host, port=pairing.port, dbname=pairing.dbname, user=pairing.user,
                           password=pairing.password, autocommit=True)


def test_a_door_paired_by_code_joins_with_its_own_login_and_its_scans_reach_the_organiser(
        tmp_path: Path, hub: str) -> None:
    org = organiser(tmp_path, hub)
    pairing = add_door(org, hub, "Accueil 2")
    assert pairing.fingerprint is not None and pairing.user.startswith("kiosk_door_")
    door = Kiosk.open(tmp_path / "door", device_name="Accueil 2")
    door.create_demo()  # a laptop that ran `make run` first: only the demo, which pairing replaces
    joined = join_paired(door, pairing)
    assert (joined.event_id, joined.guests, joined.fingerprints) == (EVENT.id, 5, [pairing.fingerprint])
    assert [e.id for e in door.events()] == [EVENT.id]
    assert door.data_dir is not None
    passfile = paths.hub_passfile(door.data_dir)
    assert stat.S_IMODE(passfile.stat().st_mode) == 0o600
    remembered = hub_url(door)
    assert remembered is not None and pairing.password not in remembered and pairing.user in remembered
    guest = door.search("Invitée3")[0]
    assert door.check_in_attendee(guest.id).verdict.name == "ACCEPTED"
    assert sync_once(door, remembered).pushed == 1  # its own login, its password from the passfile
    assert sync_once(org, hub).pulled == 1
    assert org.presence(guest.id).inside
    org.close()
    door.close()


def test_a_door_login_cannot_touch_the_event_or_another_doors_rows(tmp_path: Path, hub: str) -> None:
    org = organiser(tmp_path, hub)
    pairing = add_door(org, hub, "Accueil 2")
    door = Kiosk.open(tmp_path / "door", device_name="Accueil 2")
    join_paired(door, pairing)
    other = str(org.device().id)
    with as_door(hub, pairing) as conn:
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("UPDATE events SET body = body || '{\"name\": \"pirate\"}'")
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("DELETE FROM scans")
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("SELECT * FROM door_logins")
        with pytest.raises(psycopg.errors.InsufficientPrivilege):  # a scan in another door's name
            conn.execute("INSERT INTO scans(id, seq, event_id, code, kind, verdict, device_id, device_name,"
                         " device_time, hlc) VALUES (%s, nextval('hub_seq'), %s, 'X', 'entry', 'ok', %s, 'forged',"
                         " '2026-12-10T18:00:00.000Z', 'x')", (str(uuid.uuid4()), EVENT.id, other))
        assert conn.execute("UPDATE devices SET name = 'pirate' WHERE id = %s", (other,)).rowcount == 0
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("CREATE TABLE mine (x int)")
        assert conn.execute("SELECT count(*) FROM events").fetchone() == (1,)  # its evening only
    with psycopg.connect(hub) as admin:
        assert admin.execute("SELECT body->>'name' FROM events").fetchone() == ("#Plus20",)
        assert admin.execute("SELECT name FROM devices WHERE id = %s", (other,)).fetchone() == ("Organisation",)
    org.close()
    door.close()


def test_a_revoked_door_cannot_connect_and_its_scans_stay(tmp_path: Path, hub: str) -> None:
    org = organiser(tmp_path, hub)
    pairing = add_door(org, hub, "Accueil 2")
    door = Kiosk.open(tmp_path / "door", device_name="Accueil 2")
    join_paired(door, pairing)
    door.check_in_attendee(door.search("Invitée1")[0].id)
    url = hub_url(door)
    assert url is not None
    sync_once(door, url)
    with psycopg.connect(hub) as admin:
        revoked = doors.revoke(admin, "Accueil 2")
    assert revoked.revoked_at is not None
    with pytest.raises(HubError):
        sync_once(door, url)
    with psycopg.connect(hub) as admin:
        assert admin.execute("SELECT count(*) FROM scans WHERE device_name = 'Accueil 2'").fetchone() == (1,)
    org.close()
    door.close()


def test_a_door_login_used_from_a_copied_data_dir_is_refused(tmp_path: Path, hub: str) -> None:
    org = organiser(tmp_path, hub)
    pairing = add_door(org, hub, "Accueil 2")
    door = Kiosk.open(tmp_path / "door", device_name="Accueil 2")
    join_paired(door, pairing)
    with as_door(hub, pairing) as conn, pytest.raises(HubError, match="another laptop"):
        doors.claim_device(conn, str(uuid.uuid4()))
    org.close()
    door.close()


def test_a_door_name_taken_or_a_demo_event_is_refused(tmp_path: Path, hub: str, make_kiosk: object) -> None:
    from kiosk.service.errors import KioskError

    org = organiser(tmp_path, hub)
    add_door(org, hub, "Accueil 2")
    with pytest.raises(HubError, match="already exists"):
        add_door(org, hub, "Accueil  2")
    demo = Kiosk.open(tmp_path / "demo", device_name="demo")
    demo.create_demo()
    with pytest.raises(KioskError, match="demo"):
        add_door(demo, hub, "Accueil 3")
    org.close()
    demo.close()


def kiosk_cli(data: Path, *args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return run_kiosk(data, "--lang", "en", *args, env={"QT_QPA_PLATFORM": "offscreen"}, input=stdin, timeout=180)


def test_the_command_line_pairs_lists_and_revokes_a_door_and_the_qr_code_reads_back(
        tmp_path: Path, hub: str) -> None:
    import cv2
    import zxingcpp

    org = organiser(tmp_path, hub)
    org.close()
    qr = tmp_path / "door.png"
    added = kiosk_cli(tmp_path / "org", "hub", "add-door", "Accueil 2", "--hub", hub, "--qr", str(qr), "--json")
    assert added.returncode == 0, added.stderr
    code = json.loads(added.stdout)["pairing"]
    assert stat.S_IMODE(qr.stat().st_mode) == 0o600
    assert [r.text for r in zxingcpp.read_barcodes(cv2.imread(str(qr)))] == [code]
    joined = kiosk_cli(tmp_path / "door", "join", "--pairing", "-", stdin=code + "\n")
    assert joined.returncode == 0, joined.stderr
    assert "Joined #Plus20" in joined.stdout
    synced = kiosk_cli(tmp_path / "door", "sync")
    assert synced.returncode == 0, synced.stderr
    listed = kiosk_cli(tmp_path / "org", "hub", "doors", "--hub", hub)
    assert "Accueil 2" in listed.stdout and "active" in listed.stdout
    revoked = kiosk_cli(tmp_path / "org", "hub", "revoke-door", "Accueil 2", "--hub", hub)
    assert revoked.returncode == 0 and "revoked" in revoked.stdout
    again = kiosk_cli(tmp_path / "door", "sync")
    assert again.returncode == 3 and "Traceback" not in again.stderr
    bad = kiosk_cli(tmp_path / "other", "join", "--pairing", "kiosk-pair:1:garbage")
    assert bad.returncode == 2 and "unreadable pairing code" in bad.stderr


def test_the_readiness_check_names_a_door_paired_but_never_connected(tmp_path: Path, hub: str,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    from kiosk.service.readiness import check

    org = organiser(tmp_path, hub)
    add_door(org, hub, "Accueil 3")
    monkeypatch.setenv("KIOSK_HUB", hub)
    red = [(line.key, line.text) for line in check(org, "en", hub_timeout_s=2) if line.state == "fail"]
    assert ("door", 'Door "Accueil 3" paired but never connected') in red
    org.close()
