"""The pure merge, property-tested: commutative, associative, idempotent; organiser's cancel wins."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from kiosk.domain.merge import FieldVersion, merge_records, union_scans
from kiosk.domain.model import Scan, ScanKind, Verdict

FIELDS = ("first_name", "email", "organisation", "status")
versions = st.builds(
    FieldVersion,
    value=st.sampled_from(["a", "b", "valid", "cancelled", None]),
    hlc=st.sampled_from(["2026-11-30T18:00:00.000Z", "2026-11-30T18:00:00.000Z#0001",
                         "2026-11-30T18:05:00.000Z"]),
    device=st.sampled_from(["d1", "d2", "d3"]),
    organiser=st.booleans(),
)
records = st.dictionaries(st.sampled_from(FIELDS), versions, max_size=4)


@given(records, records)
def test_commutative(a: dict[str, FieldVersion], b: dict[str, FieldVersion]) -> None:
    assert merge_records(a, b) == merge_records(b, a)


@given(records, records, records)
def test_associative(a: dict[str, FieldVersion], b: dict[str, FieldVersion], c: dict[str, FieldVersion]) -> None:
    assert merge_records(merge_records(a, b), c) == merge_records(a, merge_records(b, c))


@given(records, records)
def test_idempotent_and_keeps_every_field(a: dict[str, FieldVersion], b: dict[str, FieldVersion]) -> None:
    ab = merge_records(a, b)
    assert merge_records(ab, b) == ab
    assert merge_records(a, a) == dict(a)
    assert set(ab) == set(a) | set(b)


def test_latest_write_wins_and_device_breaks_ties() -> None:
    early = FieldVersion("old@x", "2026-11-30T18:00:00.000Z", "d2")
    late = FieldVersion("new@x", "2026-11-30T18:00:00.000Z#0001", "d1")
    assert merge_records({"email": early}, {"email": late})["email"] == late
    tie = FieldVersion("other@x", "2026-11-30T18:00:00.000Z", "d3")
    assert merge_records({"email": early}, {"email": tie})["email"] == tie


@given(versions)
def test_organiser_cancellation_wins_over_any_later_door_edit(edit: FieldVersion) -> None:
    cancel = FieldVersion("cancelled", "2026-11-30T17:00:00.000Z", "organiser", organiser=True)
    door = FieldVersion(edit.value, edit.hlc, edit.device, organiser=False)
    assert merge_records({"status": cancel}, {"status": door})["status"] == cancel


def _scan(i: int) -> Scan:
    return Scan(id=f"s{i}", event_id="e", attendee_id="a", code="X", kind=ScanKind.ENTRY,
                verdict=Verdict.ACCEPTED, device_id="d", device_name="d", device_time="t")


@given(st.lists(st.integers(0, 20)), st.lists(st.integers(0, 20)))
def test_scan_union_is_a_set_union(xs: list[int], ys: list[int]) -> None:
    a, b = [_scan(i) for i in xs], [_scan(i) for i in ys]
    assert set(union_scans(a, b)) == set(union_scans(b, a)) == {f"s{i}" for i in set(xs) | set(ys)}
    assert union_scans(a, a, b) == union_scans(a, b)


def _at(sid: str, kind: ScanKind, device: str, t: str, target: str | None = None) -> Scan:
    return Scan(id=sid, event_id="e", attendee_id="a", code="X", kind=kind, verdict=Verdict.ACCEPTED,
                device_id=device, device_name=device, device_time=f"2026-11-30T18:{t}.000Z", target_id=target)


def test_duplicate_entry_is_the_later_entry_from_another_kiosk_while_inside() -> None:
    from kiosk.domain.merge import duplicate_entries

    a1, b1 = _at("1", ScanKind.ENTRY, "A", "00:00"), _at("2", ScanKind.ENTRY, "B", "00:30")
    assert [(d.first.id, d.duplicate.id) for d in duplicate_entries([b1, a1])] == [("1", "2")]
    out = _at("3", ScanKind.EXIT, "A", "00:10")
    assert duplicate_entries([a1, out, b1]) == []  # left, then came back at the other door
    undo = _at("4", ScanKind.UNDO, "A", "00:05", target="1")
    assert duplicate_entries([a1, undo, b1]) == []  # the first entry was undone
    again = _at("5", ScanKind.OVERRIDE, "A", "00:40")
    assert duplicate_entries([a1, again]) == []  # same kiosk: staff's own decision, not a sync artefact
