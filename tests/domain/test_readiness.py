"""The readiness list judged from facts: each line says what is wrong and what to do, in both languages."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from kiosk.domain.readiness import _W, FAIL, OK, WARN, Door, Facts, judge, notice_missing, ready

TODAY = date(2026, 12, 10)
NOTICE = ("La Ruche Marseille et Inter-Made enregistrent votre nom, votre structure et votre e-mail pour vous "
          "accueillir et compter les présences. Ces données sont effacées {retention} après l'événement. "
          "Contact : contact@laruche.example.")
READY = Facts(today=TODAY, event_name="#Plus20", starts_on=TODAY, guests=152, printer="cups",
              printer_name="Brother_QL", printed=1, pin_set=True, privacy_notice=NOTICE,
              hub="host=hub dbname=kiosk", doors=(Door("Accueil 1", 3, 0.2, mine=True), Door("Accueil 2", 20, -1.5)),
              fingerprints=("AB12 CD34",), hub_fingerprints=("AB12 CD34",))


def states(facts: Facts) -> dict[str, str]:
    return {line.key: line.state for line in judge(facts)}


def test_a_ready_evening_is_all_green_in_both_languages() -> None:
    for lang in ("fr", "en"):
        lines = judge(READY, lang)
        assert [line.state for line in lines] == [OK] * len(lines)
        assert ready(lines)
    assert [line.key for line in judge(READY)] == ["event", "date", "guests", "printer", "pin", "notice", "hub",
                                                   "door", "door", "key"]


@pytest.mark.parametrize(("change", "key", "words"), [
    ({"is_demo": True}, "event", "démo"),
    ({"starts_on": date(2026, 12, 9)}, "date", "09/12/2026"),
    ({"starts_on": None}, "date", "pas de date"),
    ({"guests": 0}, "guests", "importez"),
    ({"printed": 0}, "printer", "badge de test"),
    ({"printer": "pdf", "printer_name": "/data/printed", "printed": 0}, "printer", "dossier PDF"),
    ({"pin_set": False}, "pin", "Réglages"),
    ({"privacy_notice": "Vos données sont traitées."}, "notice", "pas de contact"),
    ({"privacy_notice": None}, "notice", "Pas de mention"),
    ({"hub_error": "connection refused"}, "hub", "connection refused"),
    ({"doors": (Door("Accueil 1", 3, 0, mine=True), Door("Accueil 2", 900, 0))}, "door", "15 min"),
    ({"doors": (Door("Accueil 1", 3, 0, mine=True), Door("Accueil 2", 10, 95.0))}, "clock", "+95 s"),
    ({"hub_fingerprints": ("FFFF 0000",)}, "key", "FFFF 0000"),
    ({"unpaired": ("Accueil 3",)}, "door", "jamais connecté"),
    ({"fingerprints": ()}, "key", "keys init"),
])
def test_each_fault_is_red_with_what_to_do(change: dict[str, object], key: str, words: str) -> None:
    lines = judge(replace(READY, **change))  # type: ignore[arg-type]
    red = [line for line in lines if line.state == FAIL]
    assert [line.key for line in red] == [key]
    assert words in red[0].text + " " + red[0].fix
    assert red[0].fix
    assert not ready(lines)


def test_the_demo_today_is_red_and_a_past_date_too() -> None:
    lines = judge(replace(READY, is_demo=True, starts_on=date(2026, 11, 30)), "en")
    assert [line.key for line in lines if line.state == FAIL] == ["event", "date"]


def test_a_single_door_without_hub_is_amber_not_red() -> None:
    alone = replace(READY, hub=None, doors=(), hub_fingerprints=(), fingerprints=())
    found = states(alone)
    assert found["hub"] == WARN and found["key"] == WARN
    assert ready(judge(alone))


def test_no_other_door_yet_is_amber() -> None:
    found = states(replace(READY, doors=(Door("Accueil 1", 3, 0, mine=True),)))
    assert found["doors"] == WARN


def test_without_an_event_only_that_is_said() -> None:
    lines = judge(Facts(today=TODAY), "en")
    assert [(line.key, line.state, line.text) for line in lines] == [("event", FAIL, "No active event")]


@pytest.mark.parametrize(("notice", "missing"), [
    (NOTICE, []),
    (NOTICE.replace("contact@laruche.example", "[contact à compléter]"), ["m_placeholder", "m_contact"]),
    (NOTICE.replace("{retention}", "un jour"), ["m_retention"]),
    (NOTICE.replace("{retention}", "3 mois"), []),
    ("Contact : a@b.fr, conservées 3 mois.", ["m_short"]),
    ("", ["m_short", "m_retention", "m_contact"]),
])
def test_a_privacy_notice_is_complete_with_retention_and_contact(notice: str, missing: list[str]) -> None:
    assert notice_missing(notice) == missing


def test_both_languages_have_every_sentence_with_the_same_placeholders() -> None:
    import string

    fr, en = _W["fr"], _W["en"]
    assert fr.keys() == en.keys()
    for key in fr:
        fields = {f for _, f, _, _ in string.Formatter().parse(fr[key]) if f}
        assert fields == {f for _, f, _, _ in string.Formatter().parse(en[key]) if f}, key
