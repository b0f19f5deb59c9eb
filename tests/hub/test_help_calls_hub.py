"""A call for help at door A's walk-in screen reaches door B through the hub; B's answer closes it at A;
`kiosk alerts` lists what waits; a malformed call pulled from the hub is quarantined, never shown."""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable
from pathlib import Path

import psycopg
import pytest

from kiosk.service import Kiosk, help_calls
from kiosk.service.self_service import SelfService
from kiosk.service.sync.round import sync_once
from kiosk.store import quarantine
from tests.helpers.cli import in_process

MakeKiosk = Callable[..., Kiosk]


def test_a_call_at_one_door_is_seen_and_answered_at_another(
        make_kiosk: MakeKiosk, hub: str, tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    a, b = make_kiosk("Accueil 1"), make_kiosk("Accueil 2")
    call_id = SelfService(a).call_for_help()
    sync_once(a, hub)
    sync_once(b, hub)
    waiting = help_calls.open_calls(b)
    assert [(c.id, c.device_name) for c in waiting] == [(call_id, "Accueil 1")]
    run = in_process(capsys, tmp_path / "Accueil 2", monkeypatch)
    code, out, _err = run("alerts", "--json")
    assert code == 0 and [c["id"] for c in json.loads(out)] == [call_id]
    code, out, _err = run("--lang", "en", "alerts")
    assert "1 call(s) for help waiting" in out and '"Accueil 1"' in out
    code, out, _err = run("--lang", "en", "alerts", "--answer", call_id[:8], "--staff", "Nadia")
    assert code == 0 and "(Nadia)" in out
    sync_once(b, hub)
    sync_once(a, hub)
    assert help_calls.open_calls(a) == [] and help_calls.open_calls(b) == []
    code, out, _err = run("alerts")
    assert out.strip() == "Aucun appel à l'aide en attente."


def test_a_malformed_call_pulled_from_the_hub_is_quarantined(make_kiosk: MakeKiosk, hub: str) -> None:
    a, b = make_kiosk("Accueil 1"), make_kiosk("Accueil 2")
    sync_once(a, hub)
    event_id, device = a.event.id, str(a.device().id)
    with psycopg.connect(hub, autocommit=True) as conn:
        bad = str(uuid.uuid4())
        conn.execute("INSERT INTO help_calls(id, seq, event_id, kind, call_id, device_id, device_name, at)"
                     " VALUES (%s, nextval('hub_seq'), %s, 'panic', %s, %s, 'Accueil 1', '2026-11-30T18:00:00.000Z')",
                     (bad, event_id, bad, device))
    sync_once(b, hub)
    assert help_calls.open_calls(b) == []
    assert quarantine.count(b.conn) == 1
