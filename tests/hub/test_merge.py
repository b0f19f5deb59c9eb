"""The pure merge, property-tested: commutative, associative, idempotent; organiser's cancel wins."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from kiosk.domain import hlc
from kiosk.domain.merge import (
    FieldVersion,
    event_from_values,
    event_values,
    merge_event_wires,
    merge_records,
    union_scans,
)
from kiosk.domain.model import Category, Event, Scan, ScanKind, Verdict, Workshop

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


# --- events, workshops and categories -------------------------------------------------
_STAMPS = ["2026-11-30T18:00:00.000Z", "2026-11-30T18:00:00.000Z#0001", "2026-11-30T18:05:00.000Z"]
_EVENT_FIELDS = ("name", "venue", "capacity", "workshop:Se loger", "workshop:Se vêtir", "category:Presse")
_EVENT_VALUES: dict[str, list[str | None]] = {
                 "name": ["Gala", "Gala d'hiver"], "venue": ["Hall A", None], "capacity": ["120", "80", None],
                 "workshop:Se loger": ["[50, 0]", "[40, 0]", None], "workshop:Se vêtir": ["[null, 1]", None],
                 "category:Presse": ['["#1565c0", 0]', None]}


@st.composite
def event_wires(draw: st.DrawFn) -> dict[str, list[str | None]]:
    fields = draw(st.lists(st.sampled_from(_EVENT_FIELDS), unique=True, max_size=len(_EVENT_FIELDS)))
    return {f: [draw(st.sampled_from(_EVENT_VALUES[f])), draw(st.sampled_from(_STAMPS)),
                draw(st.sampled_from(["d1", "d2", "d3"]))] for f in fields}


@given(event_wires(), event_wires(), event_wires())
def test_event_merge_is_commutative_associative_idempotent(
        a: dict[str, list[str | None]], b: dict[str, list[str | None]], c: dict[str, list[str | None]]) -> None:
    """Kiosks and the hub merge event edits in whatever order they meet them: they must agree."""
    assert merge_event_wires(a, b) == merge_event_wires(b, a)
    assert merge_event_wires(merge_event_wires(a, b), c) == merge_event_wires(a, merge_event_wires(b, c))
    ab = merge_event_wires(a, b)
    assert merge_event_wires(ab, b) == ab and merge_event_wires(a, a) == {f: list(v) for f, v in sorted(a.items())}
    one = event_from_values("e", {f: v[0] for f, v in merge_event_wires(a, b).items()})
    other = event_from_values("e", {f: v[0] for f, v in merge_event_wires(b, a).items()})
    assert one == other


@given(st.lists(st.tuples(st.sampled_from(["Se loger", "Se nourrir", "Se vêtir"]),
                          st.one_of(st.none(), st.integers(0, 500))), unique_by=lambda t: t[0]),
       st.lists(st.sampled_from(["Presse", "Bénévole"]), unique=True), st.one_of(st.none(), st.integers(0, 999)))
def test_an_event_survives_its_merge_fields(workshops: list[tuple[str, int | None]], categories: list[str],
                                            capacity: int | None) -> None:
    event = Event(id="e", name="Gala", venue="Hall", capacity=capacity, codes_case_sensitive=True,
                  workshops=tuple(Workshop(n, c) for n, c in workshops),
                  categories=tuple(Category(n, "#2e7d32") for n in categories))
    assert event_from_values("e", event_values(event)) == event


def test_a_removed_workshop_is_a_tombstone_that_a_later_edit_can_bring_back() -> None:
    added = {"workshop:Se loger": ["[50, 0]", _STAMPS[0], "d1"]}
    removed = {"workshop:Se loger": [None, _STAMPS[1], "d2"]}
    assert event_from_values("e", {f: v[0] for f, v in merge_event_wires(added, removed).items()}).workshops == ()
    back = {"workshop:Se loger": ["[60, 0]", _STAMPS[2], "d1"]}
    merged = merge_event_wires(merge_event_wires(added, removed), back)
    assert event_from_values("e", {f: v[0] for f, v in merged.items()}).workshops == (Workshop("Se loger", 60),)


# --- hostile inputs: any counter, any text -----------------------------------------------------
_T0 = hlc.to_ms("2026-11-30T18:00:00.000Z")
hostile_stamps = st.builds(hlc.Stamp, st.integers(_T0 - 2, _T0 + 2),
                           st.one_of(st.integers(0, 3), st.integers(9990, 10010), st.integers(0, 10**40)))
hostile_versions = st.builds(
    FieldVersion, value=st.one_of(st.none(), st.text(max_size=20)), hlc=hostile_stamps.map(hlc.Stamp.encode),
    device=st.sampled_from(["d1", "d2", ""]), organiser=st.booleans())
hostile_records = st.dictionaries(st.sampled_from(FIELDS), hostile_versions, max_size=4)


@given(hostile_records, hostile_records, hostile_records)
def test_the_merge_stays_a_merge_with_counters_past_9999_and_any_text(
        a: dict[str, FieldVersion], b: dict[str, FieldVersion], c: dict[str, FieldVersion]) -> None:
    assert merge_records(a, b) == merge_records(b, a)
    assert merge_records(merge_records(a, b), c) == merge_records(a, merge_records(b, c))
    assert merge_records(merge_records(a, b), b) == merge_records(a, b)


@given(hostile_versions, hostile_versions)
def test_the_later_stamp_wins_whatever_its_counter(x: FieldVersion, y: FieldVersion) -> None:
    """Before, '…#10000' sorted before '…#9999' as text: a correction after it never won."""
    x, y = FieldVersion(x.value, x.hlc, x.device), FieldVersion(y.value, y.hlc, y.device)
    won = merge_records({"email": x}, {"email": y})["email"]
    assert hlc.decode(won.hlc) == max(hlc.decode(x.hlc), hlc.decode(y.hlc))
