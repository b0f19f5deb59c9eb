"""The organiser's authority is a signature, not a device id: organiser facts forged straight into the
hub's tables (as anyone holding the kiosks' shared login could) are quarantined on every kiosk, the
organiser's own included, and applied nowhere; genuine ones still reach every door; the ticket key
is pinned at join and never replaced; a rotated key keeps its old tickets valid."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import psycopg
import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from psycopg.types.json import Jsonb

from kiosk import paths
from kiosk.adapters.hub import replica
from kiosk.domain import authority, tickets
from kiosk.domain.model import Verdict
from kiosk.service import Kiosk
from kiosk.service import keys as key_store
from kiosk.service.errors import Refused
from kiosk.service.sync.join import join
from kiosk.service.sync.round import sync_once
from kiosk.store import attendees as attendee_store
from kiosk.store import quarantine, transaction
from tests.conftest import FakeClock
from tests.helpers.process import environment, run_kiosk

ROOT = Path(__file__).resolve().parents[2]
FORGED_AT = "2026-12-01T09:00:00.000Z"  # later than anything the kiosks write: last-write-wins would take it


def organiser_keys(k: Kiosk) -> str:
    assert k.data_dir is not None
    key_store.init_keys(paths.keys_dir(k.data_dir))
    k.reload_keys()
    return authority.fingerprint(k.services.keys.public[0])


def evening(tmp_path: Path, hub: str) -> tuple[Kiosk, list[Kiosk], str]:
    """The organiser's kiosk (the demo's guests, a key pair) synced; two doors joined with its fingerprint."""
    org = Kiosk.open(tmp_path / "org", device_name="organiser", clock=FakeClock())
    org.create_demo()
    fingerprint = organiser_keys(org)
    sync_once(org, hub)
    doors = []
    for name in ("poste-A", "poste-B"):
        door = Kiosk.open(tmp_path / name, device_name=name, clock=FakeClock())
        join(door, hub, fingerprint=fingerprint)
        doors.append(door)
    return org, doors, fingerprint


def cancel(k: Kiosk, code: str) -> None:
    guest = k.find(code)
    with transaction(k.conn):
        attendee_store.update(k.conn, guest, {"status": "cancelled"}, case_sensitive=False, now=k.now(),
                              device_id=k.device().id)


def test_a_forged_cancellation_in_the_organisers_name_is_quarantined_on_every_kiosk(tmp_path: Path, hub: str) -> None:
    org, doors, _fp = evening(tmp_path, hub)
    everyone = [org, *doors]
    registered, cancelled = org.stats().registered, org.stats().cancelled  # the demo's 9 cancelled, signed
    assert registered > 100 and cancelled == 9
    assert all((d.stats().registered, d.stats().cancelled) == (registered, cancelled) for d in doors)
    organiser_device = org.device().id
    attacker = Ed25519PrivateKey.generate()
    with psycopg.connect(hub) as conn:  # every guest "cancelled by the organiser": half unsigned, half signed
        rows = conn.execute("SELECT id::text, event_id::text FROM attendees ORDER BY id").fetchall()
        for n, (guest_id, event_id) in enumerate(rows):  # by another key
            version: list[str] = ["cancelled", FORGED_AT, organiser_device]
            if n % 2:
                version.append(authority.sign(attacker, authority.guest_status(
                    event_id, guest_id, "cancelled", FORGED_AT, organiser_device)))
            conn.execute("UPDATE attendees SET fields = jsonb_set(fields, '{fields,status}', %s),"
                         " seq = nextval('hub_seq') WHERE id = %s::uuid", (Jsonb(version), guest_id))
    for k in everyone:
        sync_once(k, hub)
    for k in everyone:
        assert (k.stats().registered, k.stats().cancelled) == (registered, cancelled), k.device_name
        assert k.check_in("PLUS20-0001").verdict in (Verdict.ACCEPTED, Verdict.ALREADY_CHECKED_IN)
        assert quarantine.count(k.conn) == len(rows), k.device_name
        reasons = {r.reason for r, _at in quarantine.latest(k.conn, len(rows))}
        assert reasons == {"cancellation in the organiser's name without the organiser's signature",
                           "status signature does not verify with the organiser's key"}
        assert quarantine.by_device(k.conn) == [(organiser_device, len(rows))]
    for k in everyone:  # pulled again, counted once; nothing bounces
        sync_once(k, hub)
        assert quarantine.count(k.conn) == len(rows)
    # A genuine cancellation still reaches every door, and outranks the forged version on the hub.
    org.clock.advance(60)  # type: ignore[attr-defined]
    cancel(org, "PLUS20-0007")
    for k in everyone:
        sync_once(k, hub)
    for k in everyone:
        assert k.find("PLUS20-0007").cancelled and k.stats().cancelled == cancelled + 1, k.device_name
        assert k.check_in("PLUS20-0007").verdict is Verdict.CANCELLED
    for k in everyone:
        k.close()


def test_a_door_cannot_make_or_outrank_an_organisers_status(tmp_path: Path, hub: str) -> None:
    """A door's own writes still travel (a walk-in, an edit); its re-validation of a guest the
    organiser cancelled does not win, and writing in the organiser's device's name gains nothing."""
    org, (a, b), _fp = evening(tmp_path, hub)
    org.clock.advance(60)  # type: ignore[attr-defined]
    cancel(org, "PLUS20-0003")
    for k in (org, a):
        sync_once(k, hub)
    assert a.find("PLUS20-0003").cancelled
    a.clock.advance(600)  # type: ignore[attr-defined]
    guest = a.find("PLUS20-0003")
    with transaction(a.conn):  # a door re-validates it later, even claiming to be the organiser
        attendee_store.update(a.conn, guest, {"status": "valid", "organisation": "Late Ltd"}, case_sensitive=False,
                              now=a.now(), device_id=org.device().id)
    for k in (a, b, org, a):
        sync_once(k, hub)
    for k in (org, a, b):
        got = k.find("PLUS20-0003")
        assert got.cancelled and got.organisation == "Late Ltd", k.device_name
    for k in (org, a, b):
        k.close()


def test_a_forged_event_field_is_quarantined_and_the_organisers_edits_still_arrive(tmp_path: Path, hub: str) -> None:
    org, doors, _fp = evening(tmp_path, hub)
    everyone = [org, *doors]
    name, capacity = org.event.name, org.event.capacity
    organiser_device = org.device().id
    with psycopg.connect(hub) as conn:
        conn.execute("UPDATE events SET body = jsonb_set(jsonb_set(body, '{fields,name}', %s),"
                     " '{fields,capacity}', %s), seq = nextval('hub_seq')",
                     (Jsonb(["Soirée annulée", FORGED_AT, organiser_device]),
                      Jsonb(["5", FORGED_AT, organiser_device, "AAAA"])))
    for k in everyone:
        sync_once(k, hub)
    for k in everyone:
        k.forget_event()
        assert (k.event.name, k.event.capacity) == (name, capacity), k.device_name
        refused = [r for r, _at in quarantine.latest(k.conn) if r.kind == "event"]
        assert [r.reason for r in refused] == ["event fields not signed by the organiser's key: capacity, name"]
    org.clock.advance(60)  # type: ignore[attr-defined]
    org.edit_event(venue="Hall B", capacity="120")
    for k in everyone:
        sync_once(k, hub)
    for k in everyone:
        k.forget_event()
        assert (k.event.name, k.event.venue, k.event.capacity) == (name, "Hall B", 120), k.device_name
    with psycopg.connect(hub) as conn:  # forged again, then a door joins: it starts from what the key signed
        conn.execute("UPDATE events SET body = jsonb_set(jsonb_set(body, '{fields,venue}', %s), '{venue}', %s),"
                     " seq = nextval('hub_seq')", (Jsonb(["Ailleurs", FORGED_AT, organiser_device]), Jsonb("Ailleurs")))
    late = Kiosk.open(tmp_path / "late", device_name="poste-C", clock=FakeClock())
    join(late, hub, fingerprint=_fp)
    assert (late.event.name, late.event.venue, late.event.capacity) == (name, None, 120)
    assert [r.reason for r, _at in quarantine.latest(late.conn) if r.kind == "event"] == [
        "event fields not signed by the organiser's key: venue"]
    for k in [*everyone, late]:
        k.close()


def test_a_substituted_public_key_is_refused_at_join_and_never_replaces_a_pinned_one(
        tmp_path: Path, hub: str) -> None:
    org, doors, fingerprint = evening(tmp_path, hub)
    event_id = org.event.id
    rogue = Ed25519PrivateKey.generate()
    rogue_pem = tickets.public_key_pem(rogue.public_key()).decode()
    with psycopg.connect(hub) as conn:  # the rogue key, "signed" by itself, in place of the organiser's
        conn.execute("UPDATE events SET public_keys = %s, seq = nextval('hub_seq'),"
                     " body = jsonb_set(body, '{key_signatures}', %s)",
                     (rogue_pem, Jsonb([authority.sign(rogue, authority.key_set(event_id, [rogue.public_key()]))])))
    guest = org.find("PLUS20-0010")
    forged = tickets.sign_ticket(tickets.TicketClaims(event_id, guest.id, "Ana", "Faux"), rogue)
    for door in doors:
        before = sorted(p.read_bytes() for p in (door.data_dir or Path()).joinpath("keys").iterdir())
        sync_once(door, hub)
        assert sorted(p.read_bytes() for p in (door.data_dir or Path()).joinpath("keys").iterdir()) == before
        assert [authority.fingerprint(k) for k in door.services.keys.public] == [fingerprint]
        assert door.check_in(forged).verdict is not Verdict.ACCEPTED
        refused = [r.reason for r, _ in quarantine.latest(door.conn)]
        assert any(r.startswith("public keys not signed by a pinned key") for r in refused)
    late = Kiosk.open(tmp_path / "late", device_name="poste-C", clock=FakeClock())
    with pytest.raises(Refused) as unsure:
        join(late, hub)
    assert unsure.value.key == "join_needs_fingerprint"
    assert authority.fingerprint(rogue.public_key()) in str(unsure.value)
    with pytest.raises(Refused) as wrong:
        join(late, hub, fingerprint=fingerprint)  # the organiser's fingerprint names another key
    assert wrong.value.key == "join_fingerprint_mismatch"
    assert not paths.keys_dir(tmp_path / "late").exists() and late.events() == []
    # A data dir that already keeps the organiser's key never takes the hub's other one.
    kept = Kiosk.open(tmp_path / "kept", device_name="poste-D", clock=FakeClock())
    keys_dir = paths.keys_dir(tmp_path / "kept")
    keys_dir.mkdir(parents=True)
    (keys_dir / "ticket-public.pem").write_bytes((paths.keys_dir(tmp_path / "org") / "ticket-public.pem").read_bytes())
    with pytest.raises(Refused) as differs:
        join(kept, hub, fingerprint=authority.fingerprint(rogue.public_key()))
    assert differs.value.key == "join_key_differs"
    assert (keys_dir / "ticket-public.pem").read_bytes() == (
        paths.keys_dir(tmp_path / "org") / "ticket-public.pem").read_bytes()
    # The hub itself refuses a key set no held key signed (through the code every kiosk runs).
    with psycopg.connect(hub) as conn:
        conn.execute("UPDATE events SET public_keys = %s",
                     ((paths.keys_dir(tmp_path / "org") / "ticket-public.pem").read_text(),))
        body = conn.execute("SELECT body FROM events").fetchone()
        assert body is not None
        replica.push_event(conn, dict(body[0]), rogue_pem, [authority.sign(
            rogue, authority.key_set(event_id, [rogue.public_key()]))])
        held = conn.execute("SELECT public_keys FROM events").fetchone()
    assert held is not None and "BEGIN PUBLIC KEY" in str(held[0]) and str(held[0]) != rogue_pem
    for k in (org, *doors, late, kept):
        k.close()


def test_a_rotated_key_reaches_the_doors_and_old_and_new_tickets_both_verify(tmp_path: Path, hub: str) -> None:
    org, doors, old_fp = evening(tmp_path, hub)
    old_ticket = org.ticket_payload(org.find("PLUS20-0011"))
    assert org.data_dir is not None
    key_store.rotate_keys(paths.keys_dir(org.data_dir))
    org.reload_keys()
    new_ticket = org.ticket_payload(org.find("PLUS20-0012"))
    new_fp = authority.fingerprint(key_store.load_private(paths.keys_dir(org.data_dir)).public_key())
    assert new_fp != old_fp and len(org.services.keys.public) == 2
    org.clock.advance(60)  # type: ignore[attr-defined]
    cancel(org, "PLUS20-0013")  # signed with the new key
    sync_once(org, hub)
    late = Kiosk.open(tmp_path / "late", device_name="poste-C", clock=FakeClock())
    join(late, hub, fingerprint=new_fp)  # a door joining after the rotation is given the new fingerprint
    for door in [*doors, late]:
        sync_once(door, hub)
        assert sorted(authority.fingerprint(k) for k in door.services.keys.public) == sorted([old_fp, new_fp])
        assert door.find("PLUS20-0013").cancelled, door.device_name
        assert door.check_in(old_ticket).verdict is Verdict.ACCEPTED, door.device_name
        assert door.check_in(new_ticket).verdict is Verdict.ACCEPTED, door.device_name
        assert quarantine.count(door.conn) == 0
    for k in (org, *doors, late):
        k.close()


def test_keys_show_and_join_speak_the_same_fingerprint_and_a_wrong_one_keeps_nothing(
        tmp_path: Path, hub: str) -> None:
    org, door = tmp_path / "org", tmp_path / "door"
    assert run_kiosk(org, "demo", device="organiser").returncode == 0
    made = run_kiosk(org, "keys", "init", "--json", device="organiser")
    assert made.returncode == 0, made.stderr
    fingerprint = json.loads(made.stdout)["fingerprint"]
    shown = run_kiosk(org, "keys", "show", device="organiser")
    assert fingerprint in shown.stdout and len(fingerprint.split()) == 8
    assert run_kiosk(org, "sync", "--hub", hub, device="organiser").returncode == 0
    wrong = run_kiosk(door, "join", hub, "--fingerprint", "0000 " * 8, "--lang", "en", device="door-1")
    assert wrong.returncode == 2 and "is not the one of the key the hub offers" in wrong.stderr
    assert fingerprint in wrong.stderr and not (door / "keys").exists()
    joined = run_kiosk(door, "join", hub, "--fingerprint", fingerprint, device="door-1")
    assert joined.returncode == 0, joined.stderr
    assert joined.stdout.startswith("Rejoint ") and fingerprint in joined.stdout


def test_join_keeps_the_key_only_when_the_person_shown_its_fingerprint_says_yes(tmp_path: Path, hub: str) -> None:
    org = Kiosk.open(tmp_path / "org", device_name="organiser", clock=FakeClock())
    org.create_demo()
    fingerprint = organiser_keys(org)
    sync_once(org, hub)
    shown: list[list[str]] = []

    def answer_no(fingerprints: list[str]) -> bool:
        shown.append(fingerprints)
        return False

    door = Kiosk.open(tmp_path / "door", device_name="poste-A", clock=FakeClock())
    with pytest.raises(Refused):
        join(door, hub, confirm=answer_no)
    assert shown == [[fingerprint]] and not paths.keys_dir(tmp_path / "door").exists()
    joined = join(door, hub, confirm=lambda fps: fps == [fingerprint])
    assert joined.fingerprints == [fingerprint] and joined.guests == org.stats().registered + org.stats().cancelled
    for k in (org, door):
        k.close()


def test_cancellations_made_before_the_key_existed_reach_doors_that_pinned_it(tmp_path: Path, hub: str) -> None:
    org = Kiosk.open(tmp_path / "org", device_name="organiser", clock=FakeClock())
    org.create_demo()
    cancel(org, "PLUS20-0020")
    sync_once(org, hub)  # published with no key at all
    fingerprint = organiser_keys(org)
    sync_once(org, hub)  # the same statuses, signed now
    door = Kiosk.open(tmp_path / "door", device_name="poste-A", clock=FakeClock())
    join(door, hub, fingerprint=fingerprint)
    assert door.find("PLUS20-0020").cancelled and door.stats().cancelled == org.stats().cancelled == 10
    assert quarantine.count(door.conn) == 0
    for k in (org, door):
        k.close()


def test_join_on_a_terminal_asks_to_compare_the_fingerprint(tmp_path: Path, hub: str) -> None:
    """Run on a real terminal (a pseudo-terminal here), join shows the fingerprint and waits for a yes."""
    import pty
    import select

    org, door = tmp_path / "org", tmp_path / "door"
    assert run_kiosk(org, "demo", device="organiser").returncode == 0
    fingerprint = json.loads(run_kiosk(org, "keys", "init", "--json", device="organiser").stdout)["fingerprint"]
    assert run_kiosk(org, "sync", "--hub", hub, device="organiser").returncode == 0
    env = environment(device="door-1")
    pid, fd = pty.fork()
    if pid == 0:  # the child: kiosk join on the terminal
        os.chdir(ROOT)
        os.execve(sys.executable, [sys.executable, "main.py", "--data-dir", str(door), "join", hub], env)
    shown = b""
    while b"[o/N]" not in shown:
        ready, _, _ = select.select([fd], [], [], 60)
        assert ready, shown
        shown += os.read(fd, 4096)
    os.write(fd, b"o\n")
    while True:
        try:
            ready, _, _ = select.select([fd], [], [], 60)
            chunk = os.read(fd, 4096) if ready else b""
        except OSError:
            break
        if not chunk:
            break
        shown += chunk
    _, status = os.waitpid(pid, 0)
    text = shown.decode("utf-8", "replace")
    assert os.WEXITSTATUS(status) == 0, text
    assert fingerprint in text and "kiosk keys show" in text and "Rejoint " in text
    assert (door / "keys" / "ticket-public.pem").exists()
