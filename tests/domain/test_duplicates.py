"""The pure rules for two records of one person: who is probably the same, and how decisions resolve."""

from __future__ import annotations

import itertools

from hypothesis import given
from hypothesis import strategies as st

from kiosk.domain.duplicates import GuestLink, LinkKind, name_key, pair_key, probably_same, resolve, walk_in_pairs
from kiosk.domain.model import WALK_IN, Attendee, Status


def guest(gid: str, first: str = "Zoé", last: str = "Martin", *, email: str | None = None, org: str | None = None,
          device: str = "A", at: str = "2026-11-30T18:00:00.000Z", source: str = WALK_IN,
          status: Status = Status.VALID) -> Attendee:
    return Attendee(id=gid, event_id="e", first_name=first, last_name=last, email=email, organisation=org,
                    source=source, source_device=device, created_at=at, status=status)


def test_names_match_folded_and_in_either_order() -> None:
    assert name_key("Zoé", "  MARTIN ") == name_key("martin", "zoe") == "martin zoe"
    assert name_key("Jean-Pierre", "Roux") != name_key("Jean", "Roux")


def test_same_name_and_same_email_or_same_organisation() -> None:
    assert probably_same(guest("1", email="Zoe@Example.org"), guest("2", "ZOE", "martin", email="zoe@example.org "))
    assert not probably_same(guest("1", email="zoe@a.org"), guest("2", email="zoe@b.org", org="X"))  # two people
    assert probably_same(guest("1", org="La Ruche"), guest("2", org="la  ruche", email="z@a.org"))
    assert not probably_same(guest("1"), guest("2"))  # a name alone is not proof
    assert not probably_same(guest("1", "Zoé", "Martin", email="z@a.org"), guest("2", "Léa", "Martin", email="z@a.org"))


def test_pairs_are_walk_ins_of_two_devices_not_yet_settled() -> None:
    a = guest("a", email="z@a.org", device="A")
    b = guest("b", email="z@a.org", device="B", at="2026-11-30T18:05:00.000Z")
    same_door = guest("c", email="z@a.org", device="A", at="2026-11-30T18:01:00.000Z")
    imported = guest("d", email="z@a.org", device="B", source="import:x.csv")
    cancelled = guest("e", email="z@a.org", device="C", status=Status.CANCELLED)
    pairs = walk_in_pairs([b, a, same_door, imported, cancelled], set())
    assert [(p.keep.id, p.other.id) for p in pairs] == [("a", "b"), ("c", "b")]
    assert [(p.keep.id, p.other.id) for p in walk_in_pairs([a, b, same_door], {pair_key("b", "a")})] == [("c", "b")]


def link(i: int, keep: str, other: str, kind: LinkKind = LinkKind.MERGE) -> GuestLink:
    return GuestLink(f"l{i}", "e", kind, keep, other, "d", "d", "t", f"2026-11-30T18:00:0{i}.000Z")


def test_resolve_follows_chains_and_ignores_a_merge_that_undoes_an_earlier_one() -> None:
    assert resolve([link(1, "b", "a"), link(2, "c", "b")]) == {"a": "c", "b": "c"}
    assert resolve([link(1, "b", "a"), link(2, "a", "b")]) == {"a": "b"}  # the earlier decision stands
    assert resolve([link(1, "b", "a", LinkKind.DISTINCT)]) == {}


guests = st.sampled_from("abcd")
links = st.lists(st.tuples(guests, guests), max_size=6).map(
    lambda pairs: [link(i, k, o) for i, (k, o) in enumerate(pairs)])


@given(links)
def test_resolve_is_the_same_in_any_order_and_never_loses_a_person(found: list[GuestLink]) -> None:
    answer = resolve(found)
    for order in itertools.islice(itertools.permutations(found), 24):
        assert resolve(list(order)) == answer
    assert all(keep not in answer for keep in answer.values())  # everyone resolves to a kept record
