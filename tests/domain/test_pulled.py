"""Rows pulled from the hub are input: every malformed kind is refused with a reason, never raised,
and the clock's stamps sort right for any counter (Hypothesis)."""

from __future__ import annotations

import json
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from kiosk.domain import hlc, pulled
from kiosk.domain.merge import MERGED_FIELDS, merge_records, versions

T0 = hlc.to_ms("2026-11-30T18:00:00.000Z")
NOW = "2026-11-30T18:00:00.000Z"
HORIZON = hlc.Stamp(T0 + 300_000).encode()  # the hub's clock plus five minutes
E, G, D, S = ("0b6c2f6e-5d0a-4a59-8c57-3c1f5e0f7a21", "1b6c2f6e-5d0a-4a59-8c57-3c1f5e0f7a21",
              "2b6c2f6e-5d0a-4a59-8c57-3c1f5e0f7a21", "3b6c2f6e-5d0a-4a59-8c57-3c1f5e0f7a21")

stamps = st.builds(hlc.Stamp, st.integers(0, hlc.to_ms("9999-12-31T23:59:59.999Z")),
                   st.one_of(st.integers(0, 12_000), st.integers(0, 10**30)))


# --- the clock ------------------------------------------------------------------------------
@given(stamps)
def test_a_stamp_reads_back_from_its_one_spelling(stamp: hlc.Stamp) -> None:
    assert hlc.parse(stamp.encode()) == stamp
    assert hlc.decode(stamp.encode()) == stamp


@given(stamps, stamps)
def test_encoded_stamps_sort_like_stamps_for_any_counter(a: hlc.Stamp, b: hlc.Stamp) -> None:
    assert (a < b) == (a.encode() < b.encode())
    assert (a == b) == (a.encode() == b.encode())


def test_counter_past_9999_sorts_after_9999_and_a_correction_after_it_wins() -> None:
    last = hlc.Stamp(T0, 9999)
    after = hlc.tick(last, T0 - 1000)  # the clock went back: the counter carries on
    assert after == hlc.Stamp(T0, 10000)
    assert last.encode() < after.encode() == "2026-11-30T18:00:00.000Z#~0510000"
    assert hlc.tick(after, T0).encode() > after.encode()


@given(st.integers(0, 10**6), st.lists(st.integers(T0 - 10**6, T0 + 10**6), min_size=1, max_size=30))
def test_ticks_from_any_counter_increase_as_text(counter: int, times: list[int]) -> None:
    last = hlc.Stamp(T0, counter)
    issued = [last]
    for t in times:
        last = hlc.tick(last, t)
        issued.append(last)
    assert [s.encode() for s in issued] == sorted(s.encode() for s in issued)


def test_the_old_spelling_of_a_big_counter_is_refused_as_a_pulled_stamp() -> None:
    """'…#10000' sorts before '…#9999' as text: a kiosk that took it would order wrong."""
    assert pulled.stamp_problem(f"{NOW}#10000", HORIZON) is not None
    assert pulled.stamp_problem(f"{NOW}#0000", HORIZON) is not None
    assert pulled.stamp_problem(f"{NOW}#~0509999", HORIZON) is not None
    assert pulled.stamp_problem(f"{NOW}#~0610000", HORIZON) is not None
    assert pulled.stamp_problem(f"{NOW}#~0510000", HORIZON) is None
    assert hlc.decode(f"{NOW}#10000") == hlc.Stamp(T0, 10000)  # a clock saved that way still reads back


# --- scans ----------------------------------------------------------------------------------
def scan_row(**changes: object) -> list[object]:
    row: dict[str, object] = dict(
        id=S, event_id=E, attendee_id=G, code="PLUS20-0007", kind="entry", verdict="accepted", target_id=None,
        device_id=D, device_name="poste-B", staff=None, reason=None, device_time=NOW, hlc=f"{NOW}#0001",
        received_at=NOW)
    row.update(changes)
    return list(row.values())


def test_a_sound_scan_passes() -> None:
    assert pulled.scan(scan_row(), HORIZON) is None
    assert pulled.scan(scan_row(attendee_id=None, kind="undo", target_id=G), HORIZON) is None


def test_every_malformed_kind_of_scan_is_refused_with_its_reason() -> None:
    cases = {
        "hlc": ("not a stamp", "stamp is not a clock stamp"),
        "device_time": ("yesterday", "device time is not a time"),
        "kind": ("teleport", "unknown scan kind"),
        "verdict": ("maybe", "unknown verdict"),
        "id": ("not-a-uuid", "scan id is not a UUID"),
        "attendee_id": ("x" * 36, "guest id is not a UUID"),
        "code": ("C" * 5_000, "code is 5,000 characters long"),
        "device_name": ("n" * 5_000_000, "device name is 5,000,000 characters long"),
    }
    for column, (value, reason) in cases.items():
        got = pulled.scan(scan_row(**{column: value}), HORIZON)
        assert got is not None and got.startswith(reason), (column, got)
    assert pulled.scan(scan_row(device_time="2026-13-01T00:00:00.000Z"), HORIZON) is not None


def test_a_stamp_far_ahead_of_the_hub_is_refused_an_ancient_one_is_not() -> None:
    ahead = hlc.Stamp(T0 + 301_000).encode()
    assert "ahead of the hub's clock" in str(pulled.scan(scan_row(hlc=ahead), HORIZON))
    assert "ahead of the hub's clock" in str(pulled.scan(scan_row(hlc="9999-12-31T23:59:59.999Z"), HORIZON))
    assert pulled.scan(scan_row(hlc=hlc.Stamp(T0 + 299_000).encode()), HORIZON) is None
    assert pulled.scan(scan_row(hlc="2001-01-01T12:00:00.000Z"), HORIZON) is None  # harmless: sorts early
    assert "before the clock's origin" in str(pulled.scan(scan_row(hlc="1969-12-31T23:59:59.999Z"), HORIZON))


hostile = st.one_of(st.none(), st.text(max_size=80), st.integers(), st.floats(), st.booleans(),
                    st.lists(st.text(max_size=5), max_size=3), st.dictionaries(st.text(max_size=3), st.integers()))


@given(st.lists(hostile, min_size=0, max_size=16))
def test_no_row_makes_a_check_raise(row: list[object]) -> None:
    for check in (pulled.scan, pulled.link, pulled.badge_print, pulled.guest):
        got = check(row, HORIZON)
        assert got is None or isinstance(got, str)


@given(st.integers(0, 13), hostile)
def test_a_scan_with_any_column_replaced_passes_only_with_a_value_of_its_kind(column: int, value: object) -> None:
    row = scan_row()
    row[column] = value
    if pulled.scan(row, HORIZON) is None:
        assert isinstance(row[4], str) and row[4] in ("entry", "exit", "override", "undo", "refused")
        assert isinstance(row[12], str) and hlc.parse(row[12]).encode() == row[12]
        assert all(v is None or (isinstance(v, str) and len(v) <= 1000) for v in row)


# --- guests ---------------------------------------------------------------------------------
def guest_row(**values: object) -> list[object]:
    row: list[object] = [G, E, "import:guests.csv", D, NOW]
    base: dict[str, object] = {"ticket_code": "PLUS20-0007", "first_name": "Zoé", "last_name": "Martin", "email": None,
            "organisation": None, "category": None, "workshop": None, "status": "valid"}
    base.update({k: v for k, v in values.items() if k in base})
    for field in MERGED_FIELDS:
        row += [base[field], values.get(f"{field}_stamp", NOW), D]
    return row


def test_a_guest_with_a_huge_name_or_an_unknown_status_is_refused() -> None:
    assert pulled.guest(guest_row(), HORIZON) is None
    assert "first_name is 5,000,000 characters long (at most 1,000)" in str(
        pulled.guest(guest_row(first_name="x" * 5_000_000), HORIZON))
    assert "unknown status: 'banned'" in str(pulled.guest(guest_row(status="banned"), HORIZON))
    assert "ahead of the hub's clock" in str(
        pulled.guest(guest_row(status_stamp="9999-12-31T23:59:59.999Z"), HORIZON))
    assert pulled.guest(guest_row(first_name="x" * 1000), HORIZON) is None  # what an import accepts


def test_the_hubs_poisoned_field_takes_no_part_in_a_merge() -> None:
    """A status stamped 9999-12-31 on the hub would win every merge forever: checked first, it is left
    out, and the door's later correction wins."""
    poisoned = {"status": ["cancelled", "9999-12-31T23:59:59.999Z", D], "first_name": ["Zoé", NOW, D]}
    sound, problems = pulled.guest_fields(poisoned, HORIZON)
    assert list(sound) == ["first_name"] and len(problems) == 1
    fix = {"status": ["valid", hlc.Stamp(T0 + 1000).encode(), E]}
    merged = merge_records(versions(sound, None), versions(fix, None))
    assert merged["status"].value == "valid" and merged["first_name"].value == "Zoé"


@given(st.dictionaries(st.sampled_from([*MERGED_FIELDS, "other"]), st.lists(hostile, max_size=4), max_size=9))
def test_whatever_the_hub_holds_the_checked_fields_merge(fields: dict[str, Any]) -> None:
    sound, problems = pulled.guest_fields(fields, HORIZON)
    assert len(sound) + len(problems) <= len(fields)
    merged = merge_records(versions(sound, D), versions(sound, None))
    assert set(merged) == set(sound)


# --- events ---------------------------------------------------------------------------------
def event_body(**fields: object) -> dict[str, object]:
    return {"id": E, "organiser_device": D, "fields": {f: [v, NOW, D] for f, v in fields.items()}}


def test_a_malformed_capacity_is_refused_and_the_rest_of_the_edit_kept() -> None:
    for bad in ("abc", "-5", "1e9", "99999999999", 12):
        good, problems = pulled.event(event_body(name="#Plus20", capacity=bad), HORIZON)
        assert good is not None and list(good) == ["name"] and len(problems) == 1, (bad, problems)
    good, problems = pulled.event(event_body(capacity="300", **{"workshop:Se loger": json.dumps([40, 0])}), HORIZON)
    assert good is not None and set(good) == {"capacity", "workshop:Se loger"} and problems == []
    good, problems = pulled.event(event_body(**{"workshop:Se loger": json.dumps([-5, 0])}), HORIZON)
    assert good == {} and problems


def test_an_event_without_a_usable_id_is_refused_whole() -> None:
    good, problems = pulled.event({"id": "abc", "organiser_device": D, "fields": {}}, HORIZON)
    assert good is None and problems


# --- links and prints -----------------------------------------------------------------------
def test_links_and_prints_are_checked() -> None:
    link = [S, E, "merge", G, D, D, "poste-B", NOW, NOW, NOW]
    assert pulled.link(link, HORIZON) is None
    assert "unknown link kind" in str(pulled.link([S, E, "absorb", *link[3:]], HORIZON))
    print_row = [S, E, G, D, "poste-B", NOW, NOW]
    assert pulled.badge_print(print_row, HORIZON) is None
    assert "printed at is not a time" in str(pulled.badge_print([*print_row[:5], "now", NOW], HORIZON))


@given(st.integers(0, 28), st.one_of(hostile, st.sampled_from([None, "", NOW, f"{NOW}#~0510000", "valid", "x" * 1001,
                                                                "cancelled", D, "9999-12-31T23:59:59.999Z"])))
def test_the_fast_check_of_a_guest_agrees_with_the_long_one(column: int, value: object) -> None:
    row = guest_row()
    row[column] = value
    assert (pulled.guest(row, HORIZON) is None) == (pulled.guest_problem(row, HORIZON) is None)


@given(st.integers(0, 13), st.one_of(hostile, st.sampled_from([None, "", NOW, f"{NOW}#~0510000", "entry", "x" * 1001,
                                                                "accepted", D, "9999-12-31T23:59:59.999Z"])))
def test_the_fast_check_of_a_scan_agrees_with_the_long_one(column: int, value: object) -> None:
    row = scan_row()
    row[column] = value
    assert (pulled.scan(row, HORIZON) is None) == (pulled.scan_problem(row, HORIZON) is None)
