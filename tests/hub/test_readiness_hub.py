"""`kiosk check` against a real hub: the doors of the evening seen and on time, a door gone quiet or with
a wrong clock said by name, a hub that does not answer said in one line without hanging."""

from __future__ import annotations

from collections.abc import Callable

import psycopg
import pytest

from kiosk.service import Kiosk
from kiosk.service.readiness import check
from kiosk.service.sync.round import sync_once

MakeKiosk = Callable[..., Kiosk]


def lines(kiosk: Kiosk, key: str) -> list[tuple[str, str]]:
    return [(line.state, line.text) for line in check(kiosk, "en", hub_timeout_s=2) if line.key == key]


def test_the_doors_of_the_evening_are_listed_and_a_quiet_one_or_a_wrong_clock_is_red(
        make_kiosk: MakeKiosk, hub: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KIOSK_HUB", hub)
    one, two = make_kiosk("Accueil-1"), make_kiosk("Accueil-2")
    sync_once(one, hub)
    sync_once(two, hub)
    with psycopg.connect(hub, autocommit=True) as conn:  # the test kiosks' fake clocks: set right here
        conn.execute("UPDATE devices SET offset_ms = 800")
    assert lines(one, "hub") == [("ok", "Hub reachable")]
    doors = lines(one, "door")
    assert [state for state, _ in doors] == ["ok", "ok"]
    assert [text.split('"')[1] for _, text in doors] == ["Accueil-1", "Accueil-2"]
    with psycopg.connect(hub, autocommit=True) as conn:
        conn.execute("UPDATE devices SET last_contact = now() - interval '12 minutes' WHERE name = 'Accueil-2'")
    assert ("fail", 'Door "Accueil-2" seen 12 min ago') in lines(one, "door")
    with psycopg.connect(hub, autocommit=True) as conn:
        conn.execute("UPDATE devices SET last_contact = now(), offset_ms = 125000 WHERE name = 'Accueil-2'")
    assert lines(one, "clock") == [("fail", "Door \"Accueil-2\"'s clock is +125 s off")]


def test_a_hub_that_does_not_answer_is_red_in_one_line(make_kiosk: MakeKiosk,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KIOSK_HUB", "host=127.0.0.1 port=9 dbname=kiosk user=kiosk password=s3cret")
    door = make_kiosk("Accueil-1")
    (state, text), = lines(door, "hub")
    assert state == "fail" and text.startswith("Hub unreachable (")
    assert "s3cret" not in text and "\n" not in text
