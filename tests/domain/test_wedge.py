"""Keyboard-wedge scanners: bursts vs typing, and US-scanner-on-AZERTY repair."""

from __future__ import annotations

import string
import subprocess
import sys

import pytest

from kiosk.domain.wedge import US_TO_AZERTY, BurstDetector, candidates, repair_azerty


def type_text(det: BurstDetector, text: str, start: float, gap: float) -> tuple[str | None, float]:
    """Feed ``text`` one key every ``gap`` seconds; the last result and the last key's time."""
    t = start
    result = None
    for i, ch in enumerate(text):
        t = start + i * gap
        result = det.feed(ch, t)
    return result, t


def azerty(text: str) -> str:
    """What a US-layout scanner produces on a French AZERTY layout (the forward mapping)."""
    return "".join(US_TO_AZERTY.get(ch, ch) for ch in text)


# --------------------------------------------------------------------------- bursts

@pytest.mark.parametrize("terminator", ["\n", "\r", "\t"])
def test_fast_burst_with_terminator_is_a_scan(terminator: str) -> None:
    det = BurstDetector()
    result, _ = type_text(det, "K1-ABC123" + terminator, 100.0, 0.008)
    assert result == "K1-ABC123"
    assert det.pending == ""


def test_crlf_gives_one_code() -> None:
    det = BurstDetector()
    result, t = type_text(det, "PLUS20-0001\r", 5.0, 0.01)
    assert result == "PLUS20-0001"
    assert det.feed("\n", t + 0.01) is None


def test_human_typing_is_left_alone() -> None:
    det = BurstDetector()
    result, _ = type_text(det, "dupont\n", 10.0, 0.12)
    assert result is None
    assert det.pending == ""  # forgotten: the keys belong to the focused field


def test_fast_typist_on_a_short_word_is_not_a_scan() -> None:
    det = BurstDetector()
    assert type_text(det, "abc\n", 0.0, 0.01)[0] is None  # shorter than min_length


def test_one_hiccup_inside_a_scan_does_not_break_it() -> None:
    det = BurstDetector()
    t = 0.0
    for i, ch in enumerate("TICKET-0042"):
        t += 0.15 if i == 5 else 0.006  # one 150 ms USB/scheduler stall
        det.feed(ch, t)
    assert det.feed("\n", t + 0.006) == "TICKET-0042"


def test_boundary_gap() -> None:
    det = BurstDetector(max_gap=0.035)
    assert type_text(det, "ABCDEF\n", 0.0, 0.030)[0] == "ABCDEF"
    assert type_text(det, "ABCDEF\n", 10.0, 0.080)[0] is None


def test_burst_without_terminator_is_flushed_after_a_pause() -> None:
    det = BurstDetector()
    _, last = type_text(det, "K1-XYZ789", 3.0, 0.005)
    assert det.flush(last + 0.01) is None  # may still be typing: keys kept
    assert det.pending == "K1-XYZ789"
    assert det.flush(last + 0.2) == "K1-XYZ789"
    assert det.pending == ""
    assert det.flush(last + 0.3) is None


def test_flush_after_typing_forgets_the_keys() -> None:
    det = BurstDetector()
    _, last = type_text(det, "martin", 0.0, 0.2)
    assert det.flush(last + 0.5) is None
    assert det.pending == ""


def test_stale_keys_before_a_scan_are_dropped() -> None:
    det = BurstDetector()
    type_text(det, "ab", 0.0, 0.1)  # a person pressed two keys, then nothing for a while
    result, _ = type_text(det, "PLUS20-0007\n", 5.0, 0.004)
    assert result == "PLUS20-0007"


def test_reset_and_empty_key_text() -> None:
    det = BurstDetector()
    det.feed("A", 0.0)
    assert det.feed("", 0.001) is None  # a modifier key carries no text
    det.reset()
    assert det.pending == ""
    assert det.feed("\n", 0.002) is None


def test_invalid_settings() -> None:
    with pytest.raises(ValueError):
        BurstDetector(max_gap=0)
    with pytest.raises(ValueError):
        BurstDetector(max_gap=0.05, reset_gap=0.01)


# --------------------------------------------------------------------------- AZERTY

def test_digits_row() -> None:
    assert azerty("1234567890") == "&é\"'(-è_çà"
    assert repair_azerty("&é\"'(-è_çà") == "1234567890"


def test_ticket_code_round_trip() -> None:
    garbled = azerty("K1-ABC123")
    assert garbled == "K&)QBC&é\""
    assert repair_azerty(garbled) == "K1-ABC123"
    assert candidates(garbled) == [garbled, "K1-ABC123"]


def test_letters_and_punctuation_that_move() -> None:
    assert azerty("QWAZM") == "AZQW?"
    assert repair_azerty("AZQW?") == "QWAZM"
    assert repair_azerty("aqzw,;:!") == "qawzm,./"
    assert repair_azerty("m") == ";"


def test_shifted_symbols_come_out_as_digits() -> None:
    # the scanner presses shift for "!"; shift on AZERTY's number row gives the digit
    assert azerty("!@#$%^&*()_+") == "1234567890°+"
    assert repair_azerty("1234567890°+") == "!@#$%^&*()_+"


def test_every_printable_ascii_character_round_trips() -> None:
    printable = [c for c in string.printable if c not in "\t\n\r\x0b\x0c"]
    for ch in printable:
        assert repair_azerty(azerty(ch)) == ch, ch
    sample = "".join(printable)
    assert repair_azerty(azerty(sample)) == sample


def test_real_payloads() -> None:
    url = "https://tickets.example.org/c/Qm7-Zw_2?id=A1"
    assert azerty(url) != url
    assert repair_azerty(azerty(url)) == url
    assert repair_azerty(azerty("PLUS20-0001")) == "PLUS20-0001"


def test_dead_keys_compose_with_vowels() -> None:
    # US "[" is AZERTY's dead circumflex: "[e" arrives as "ê"; "[q" (AZERTY a) as "â"
    assert repair_azerty("ê") == "[e"
    assert repair_azerty("â") == "[q"
    assert repair_azerty("ë") == "{e"
    assert repair_azerty("^") == "["


def test_candidates_without_garbling() -> None:
    assert candidates("HELLO") == ["HELLO"]
    assert candidates("") == [""]


def test_map_is_one_to_one() -> None:
    assert len(set(US_TO_AZERTY.values())) == len(US_TO_AZERTY)


def test_domain_module_needs_no_qt_numpy_or_opencv() -> None:
    code = ("import sys; import kiosk.domain.wedge; "
            "bad = [m for m in ('cv2', 'numpy', 'PySide6') if m in sys.modules]; "
            "assert not bad, bad")
    subprocess.run([sys.executable, "-c", code], check=True)


@pytest.mark.parametrize("gap_ms", [50, 60, 80, 150])
def test_a_person_typing_fast_is_never_a_scan(gap_ms: int) -> None:
    det = BurstDetector()
    assert type_text(det, "camille moreau\n", 0.0, gap_ms / 1000)[0] is None
    assert type_text(det, "camille moreau", 10.0, gap_ms / 1000)[0] is None
    assert det.flush(10.0 + 14 * gap_ms / 1000 + 1.0) is None


@pytest.mark.parametrize("gap_ms", [1, 8, 16, 20])
def test_scanners_sending_a_key_every_1_to_20_ms_are_scans(gap_ms: int) -> None:
    det = BurstDetector()
    assert type_text(det, "plus20-0007\n", 0.0, gap_ms / 1000)[0] == "plus20-0007"
    _result, last = type_text(det, "plus20-0008", 5.0, gap_ms / 1000)
    assert det.flush(last + 0.1) == "plus20-0008"  # no terminator: ended by the pause


def shifted(det: BurstDetector, text: str, start: float, per_press: float) -> tuple[str | None, float]:
    """``text`` as a keyboard sends it: a Shift press before each capital, one press every ``per_press``."""
    t, result = start, None
    for ch in text:
        if ch.isupper():
            det.press(t)
            t += per_press
        result = det.feed(ch, t)
        t += per_press
    return result, t


def test_a_scanners_shift_presses_pace_its_burst() -> None:
    """"PLUS20" at 15 ms a press is 30 ms between its capitals: still a scanner, because it presses a key
    every 15 ms; a person typing "Camille Moreau" at 50 ms a press is still typing."""
    det = BurstDetector()
    _result, t = shifted(det, "PLUS20-0009", 0.0, 0.015)
    assert det.feed("\n", t) == "PLUS20-0009"
    _result, t = shifted(det, "Camille Moreau", 10.0, 0.05)
    assert det.feed("\n", t) is None
