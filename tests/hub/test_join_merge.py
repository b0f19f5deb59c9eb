"""`kiosk join` (public key only) and guests merged field by field through the hub."""

from __future__ import annotations

import json
from pathlib import Path

import psycopg

from kiosk.domain.model import Verdict
from kiosk.service import Kiosk
from kiosk.service.sync.round import sync_once
from kiosk.store import attendees as attendee_store
from kiosk.store import transaction
from tests.conftest import FakeClock
from tests.helpers.process import run_kiosk

ROOT = Path(__file__).resolve().parents[2]
CSV = ("Ticket code,First name,Last name,Email,Company\n"
       "GALA-001,Ana,Lima,ana@example.org,Acme\nGALA-002,Bo,Chen,bo@example.org,\nGALA-003,Cy,Diaz,,\n")


def test_join_makes_a_replica_with_the_public_key_only(tmp_path: Path, hub: str) -> None:
    org, door = tmp_path / "organiser", tmp_path / "door"
    (tmp_path / "guests.csv").write_text(CSV, encoding="utf-8")
    assert run_kiosk(org, "event", "create", "--name", "Gala", device="organiser").returncode == 0
    assert run_kiosk(org, "import", str(tmp_path / "guests.csv"), device="organiser").returncode == 0
    assert run_kiosk(org, "keys", "init", device="organiser").returncode == 0
    assert run_kiosk(org, "checkin", "GALA-001", device="organiser").returncode == 0
    assert run_kiosk(org, "sync", "--hub", hub, device="organiser").returncode == 0
    fingerprint = json.loads(run_kiosk(org, "keys", "show", "--json", device="organiser").stdout)[0]["fingerprint"]
    unsure = run_kiosk(door, "join", hub, "--json", device="door-1")  # the hub's key is not taken on trust
    assert unsure.returncode == 2 and fingerprint in unsure.stderr and "kiosk keys show" in unsure.stderr
    assert not (door / "keys").exists()
    joined = run_kiosk(door, "join", hub, "--json", "--fingerprint", fingerprint.lower().replace(" ", ":"),
                   device="door-1")
    assert joined.returncode == 0, joined.stderr
    result = json.loads(joined.stdout)
    assert (result["event_name"], result["guests"], result["scans"]) == ("Gala", 3, 1)
    assert result["fingerprints"] == [fingerprint]
    assert [p.name for p in (door / "keys").iterdir()] == ["ticket-public.pem"]
    private = (org / "keys" / "ticket-private.pem").read_text()
    with psycopg.connect(hub) as conn:
        dump = " ".join(str(r) for r in conn.execute("SELECT public_keys, body FROM events"))
    assert "PRIVATE" not in dump and private.strip().splitlines()[1] not in dump
    again = run_kiosk(door, "checkin", "GALA-001", "--json", device="door-1")
    assert json.loads(again.stdout)["verdict"] == Verdict.ALREADY_CHECKED_IN.value
    ticket = run_kiosk(org, "ticket-code", "GALA-002", device="organiser").stdout.strip()
    signed = run_kiosk(door, "checkin", ticket, "--json", device="door-1")
    assert json.loads(signed.stdout)["verdict"] == "accepted"  # verified with the public key
    twice = run_kiosk(door, "join", hub, device="door-1")
    assert twice.returncode != 0 and "fresh data dir" in twice.stderr


def organiser_keys(k: Kiosk) -> str:
    """`kiosk keys init` on the organiser's kiosk: the fingerprint its doors are given."""
    from kiosk import paths
    from kiosk.domain.authority import fingerprint
    from kiosk.service import keys as key_store

    assert k.data_dir is not None
    key_store.init_keys(paths.keys_dir(k.data_dir))
    k.reload_keys()
    return fingerprint(k.services.keys.public[0])


def _edit(k: Kiosk, code: str, **changes: object) -> None:
    current = k.find(code)
    with transaction(k.conn):
        attendee_store.update(k.conn, current, changes, case_sensitive=False, now=k.now(), device_id=k.device().id)


def test_offline_edits_merge_field_by_field_and_the_organisers_cancellation_wins(
        tmp_path: Path, hub: str) -> None:
    (tmp_path / "guests.csv").write_text(CSV, encoding="utf-8")
    from kiosk.domain.model import Event
    from kiosk.service.importer import import_registrations
    from kiosk.service.sync.join import join

    org = Kiosk.open(tmp_path / "org", device_name="organiser", clock=FakeClock())
    org.create_event(Event(id="5f0c1d2e-3a4b-4c5d-8e6f-708192a3b4c5", name="Gala"))
    import_registrations(org, tmp_path / "guests.csv")
    fingerprint = organiser_keys(org)  # the cancellation outranks the door: it is signed
    sync_once(org, hub)
    a = Kiosk.open(tmp_path / "a", device_name="poste-A", clock=FakeClock())
    b = Kiosk.open(tmp_path / "b", device_name="poste-B", clock=FakeClock())
    for k in (a, b):
        assert join(k, hub, fingerprint=fingerprint).guests == 3
    for k in (org, a, b):
        k.clock.advance(60)  # type: ignore[attr-defined]
    _edit(a, "GALA-002", email="bo.chen@example.org")  # offline, on A
    _edit(b, "GALA-002", organisation="Chen & Co")  # offline, on B
    _edit(org, "GALA-003", status="cancelled")  # the organiser cancels...
    sync_once(org, hub)
    sync_once(b, hub)
    assert b.find("GALA-003").cancelled
    b.clock.advance(120)  # type: ignore[attr-defined]
    _edit(b, "GALA-003", status="valid", organisation="Late Ltd")  # ...a door re-validates it later
    for k in (a, b, org, a, b):
        sync_once(k, hub)
    for k in (org, a, b):
        bo, cy = k.find("GALA-002"), k.find("GALA-003")
        assert (bo.email, bo.organisation) == ("bo.chen@example.org", "Chen & Co"), k.device_name
        assert cy.cancelled and cy.organisation == "Late Ltd", k.device_name
        assert [x.full_name for x in attendee_store.search(k.conn, bo.event_id, "chen co")] == ["Bo Chen"]
    assert a.check_in("GALA-003").verdict is Verdict.CANCELLED  # a refused attempt: logged, pushed
    assert (sync_once(a, hub).pushed, sync_once(a, hub).pushed) == (1, 0)
    quiet = [sync_once(k, hub) for k in (org, b)]
    assert [(q.pushed, q.pulled) for q in quiet] == [(0, 1), (0, 1)]
    with psycopg.connect(hub) as conn:  # converged: nothing bounces between kiosks and hub
        seq = conn.execute("SELECT max(seq) FROM attendees").fetchone()
        for k in (org, a, b):
            sync_once(k, hub)
        assert conn.execute("SELECT max(seq) FROM attendees").fetchone() == seq
    for k in (org, a, b):
        k.close()


def test_a_guest_admitted_from_a_ticket_offline_takes_the_organisers_record(tmp_path: Path, hub: str) -> None:
    """Kiosk B admits a late registrant's signed ticket before it ever saw the guest: it creates a
    provisional guest (the ticket's names, nothing else). Once both have synced, both kiosks (and
    the hub) hold the organiser's record: one guest, the organiser's name, e-mail and organisation,
    B's scan attached, the guest counted once."""
    from kiosk import paths
    from kiosk.domain import tickets
    from kiosk.domain.model import Event
    from kiosk.service import keys as key_store
    from kiosk.service.importer import import_registrations
    from kiosk.service.sync.join import join

    (tmp_path / "guests.csv").write_text(CSV, encoding="utf-8")
    org = Kiosk.open(tmp_path / "org", device_name="organiser", clock=FakeClock())
    org.create_event(Event(id="5f0c1d2e-3a4b-4c5d-8e6f-708192a3b4c5", name="Gala"))
    import_registrations(org, tmp_path / "guests.csv")
    fingerprint = organiser_keys(org)
    sync_once(org, hub)
    b = Kiosk.open(tmp_path / "b", device_name="poste-B", clock=FakeClock())
    assert join(b, hub, fingerprint=fingerprint).guests == 3
    late = tmp_path / "late.csv"  # registered after B joined; B is offline from now on
    late.write_text(CSV + "GALA-004,Zoé,Nguyễn-Lefèvre,zoe@example.org,Lumen\n", encoding="utf-8")
    import_registrations(org, late)
    zoe = org.find("GALA-004")
    key = key_store.load_private(paths.keys_dir(tmp_path / "org"))
    ticket = tickets.sign_ticket(tickets.TicketClaims(org.event.id, zoe.id, "Zoe", "Nguyen"), key)  # short form
    b.clock.advance(3600)  # type: ignore[attr-defined]  # admitted long after the organiser's import
    admitted = b.check_in(ticket)
    assert admitted.verdict is Verdict.ACCEPTED and admitted.attendee is not None
    assert (admitted.attendee.id, admitted.attendee.email) == (zoe.id, None)
    for k in (b, org, b):  # the provisional guest reaches the hub first
        sync_once(k, hub)
    for k in (org, b):
        got = k.find("GALA-004")
        assert (got.id, got.first_name, got.last_name, got.email, got.organisation) == (
            zoe.id, "Zoé", "Nguyễn-Lefèvre", "zoe@example.org", "Lumen"), k.device_name
        assert attendee_store.count(k.conn, k.event.id) == 4
        assert [s.id for s in k.history(zoe.id)] == [admitted.scan.id if admitted.scan else ""]
        assert (k.stats().registered, k.stats().checked_in) == (4, 1)
        assert [a.id for a in k.search("zoe nguyen lefevre")] == [zoe.id]
    with psycopg.connect(hub) as conn:
        row = conn.execute("SELECT fields->>'source', fields->'fields'->'email'->>0 FROM attendees"
                           " WHERE id = %s::uuid", (zoe.id,)).fetchone()
    assert row is not None and row[0] != "ticket" and row[1] == "zoe@example.org"  # the organiser's source
    for k in (org, b):
        k.close()


def test_event_edits_merge_field_by_field_and_converge_everywhere(tmp_path: Path, hub: str) -> None:
    """The organiser changes the venue, a workshop's capacity and the venue's capacity; a door,
    offline, changes the tagline and the capacity too, earlier by its clock's causal order. After
    syncing, the hub, both kiosks and a kiosk that joins later hold the very same event, stamps and
    all; a workshop the organiser removed stays removed; another round changes nothing."""
    from kiosk.domain.model import Event, Workshop
    from kiosk.service.sync.join import join
    from kiosk.store import events as event_store

    org = Kiosk.open(tmp_path / "org", device_name="organiser", clock=FakeClock())
    org.create_event(Event(id="5f0c1d2e-3a4b-4c5d-8e6f-708192a3b4c5", name="Gala", venue="Hall A", capacity=100,
                           workshops=(Workshop("Se loger", 50), Workshop("Se vêtir", 20))))
    sync_once(org, hub)
    door = Kiosk.open(tmp_path / "door", device_name="poste-B", clock=FakeClock())
    join(door, hub)
    door.clock.advance(30)  # type: ignore[attr-defined]
    door.edit_event(tagline="Ensemble", capacity="90")  # offline, at the door
    org.clock.advance(60)  # type: ignore[attr-defined]
    org.edit_event(venue="Hall B", capacity="120", workshops=[Workshop("Se loger", 60)], remove=["Se vêtir"])
    for k in (door, org, door):
        sync_once(k, hub)
    late = Kiosk.open(tmp_path / "late", device_name="poste-C", clock=FakeClock())
    join(late, hub)
    wires = [event_store.record(k.conn, org.event.id) for k in (org, door, late)]
    with psycopg.connect(hub) as conn:
        row = conn.execute("SELECT body, seq FROM events").fetchone()
    assert row is not None
    assert wires[0] == wires[1] == wires[2] == row[0]["fields"]
    for k in (org, door, late):
        e = k.event
        assert (e.venue, e.capacity, e.tagline, e.workshops) == ("Hall B", 120, "Ensemble", (Workshop("Se loger", 60),))
    for k in (org, door, late):
        sync_once(k, hub)
    with psycopg.connect(hub) as conn:
        assert conn.execute("SELECT seq FROM events").fetchone() == (row[1],)  # nothing bounces
    for k in (org, door, late):
        k.close()
