"""Two records of one person, and what staff decided about them (pure: no I/O).

Walk-ins registered for the same person at two kiosks that could not see each other are *offered*
for merging, never merged here: a person decides. The rule (``probably_same``): same normalised name
(case, accents, spaces and word order ignored) and the same e-mail, or the same normalised name and
the same organisation when either has no e-mail to tell them apart. Two different e-mails are two
people, whatever the names.

Decisions are immutable links, replicated like scans: ``merge`` (``other`` is ``keep``: its scans
and badges count for ``keep``, it is hidden) and ``distinct`` (not the same person: never offered
again). ``resolve`` turns every kiosk's links into one answer, the same on each kiosk whatever order
they arrived in: merges apply in stamp order, and one that would undo an earlier one (B into A after
A into B, offline at two doors) is ignored.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum

from kiosk.domain.model import WALK_IN, Attendee, Status
from kiosk.domain.text import email_key, search_text, tokens


class LinkKind(StrEnum):
    MERGE = "merge"
    DISTINCT = "distinct"


@dataclass(frozen=True)
class GuestLink:
    id: str
    event_id: str
    kind: LinkKind
    keep_id: str
    other_id: str
    device_id: str
    device_name: str
    made_at: str  # device time (UTC ISO-8601)
    hlc: str


def name_key(first_name: str, last_name: str) -> str:
    """"Zoé  MARTIN" and "martin zoe" are one key; word order ignored (first and last name swapped)."""
    return " ".join(sorted(tokens(f"{first_name} {last_name}")))


def probably_same(a: Attendee, b: Attendee) -> bool:
    """The matching rule of the module docstring."""
    if name_key(a.first_name, a.last_name) != name_key(b.first_name, b.last_name) or not name_key(
            a.first_name, a.last_name):
        return False
    mail_a, mail_b = email_key(a.email), email_key(b.email)
    if mail_a is not None and mail_b is not None:
        return mail_a == mail_b
    org_a, org_b = search_text(a.organisation), search_text(b.organisation)
    return bool(org_a) and org_a == org_b


def pair_key(a: str, b: str) -> frozenset[str]:
    return frozenset((a, b))


@dataclass(frozen=True)
class WalkInPair:
    """Two walk-in records that are probably one person; ``keep`` is the earlier one (suggested)."""

    keep: Attendee
    other: Attendee


def walk_in_pairs(guests: Iterable[Attendee], settled: set[frozenset[str]]) -> list[WalkInPair]:
    """Pairs of valid walk-ins created on different devices that ``probably_same`` matches, minus the
    pairs a link already settled (merged or dismissed). Earlier record first, pairs by time."""
    groups: dict[str, list[Attendee]] = {}
    for g in guests:
        if g.source == WALK_IN and g.status is Status.VALID:
            groups.setdefault(name_key(g.first_name, g.last_name), []).append(g)
    found: list[WalkInPair] = []
    for key, group in groups.items():
        if not key or len(group) < 2:
            continue
        group.sort(key=lambda g: (g.created_at, g.id))
        for i, a in enumerate(group):
            for b in group[i + 1:]:
                if a.source_device != b.source_device and pair_key(a.id, b.id) not in settled \
                        and probably_same(a, b):
                    found.append(WalkInPair(a, b))
    return sorted(found, key=lambda p: (p.other.created_at, p.keep.id, p.other.id))


def resolve(links: Sequence[GuestLink]) -> dict[str, str]:
    """{merged-away guest id: the guest it counts as}, chains followed (A into B, B into C: A → C).
    Merges apply in (hlc, id) order; one whose keeper already resolves to its other, or whose other
    was already merged away, is ignored, so every kiosk holding the same links gets the same map."""
    into: dict[str, str] = {}

    def root(guest: str) -> str:
        seen = set()
        while guest in into and guest not in seen:
            seen.add(guest)
            guest = into[guest]
        return guest

    for link in sorted((lk for lk in links if lk.kind is LinkKind.MERGE), key=lambda lk: (lk.hlc, lk.id)):
        if link.other_id in into or link.keep_id == link.other_id or root(link.keep_id) == link.other_id:
            continue
        into[link.other_id] = link.keep_id
    return {guest: root(guest) for guest in into}


def settled_pairs(links: Iterable[GuestLink]) -> set[frozenset[str]]:
    return {pair_key(lk.keep_id, lk.other_id) for lk in links}
