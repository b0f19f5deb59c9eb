"""Pure merge rules for what several kiosks wrote offline (no I/O: tested with Hypothesis).

Scans are immutable and named by UUID, so merging logs is a set union. An attendee record is a
map of field -> version; each field merges latest-write-wins by hybrid logical clock, the device
id breaking ties. On ``status`` the organiser's word outranks any kiosk's: an organiser's
cancellation wins over a later edit made at the door. Every rule is "keep the greater version"
under a total order, which makes the merge commutative, associative and idempotent: kiosks that
have seen the same writes agree, whatever order they saw them in.
"""

from __future__ import annotations

import functools
import hashlib
import json
import uuid
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from kiosk.domain import hlc
from kiosk.domain.model import Category, Event, Scan, Workshop


@dataclass(frozen=True)
class FieldVersion:
    """One field's value as last written: when (encoded HLC), by which device, with what authority."""

    value: str | None
    hlc: str
    device: str
    organiser: bool = False  # carries the organiser's signature (kiosk.domain.authority), not a door's word
    signature: str | None = None  # the organiser's signature of this very version, as it travels

    def rank(self, field: str) -> tuple[bool, str, str, bool, bool, str, str]:
        # The tail (organiser flag, value, signature) only separates versions that should never
        # differ (same stamp, same device): a total order over every attribute keeps the merge
        # commutative anyway; a signed copy wins over the same version unsigned.
        authority = self.organiser if field == "status" or _is_event_field(field) else False
        return (authority, self.hlc, self.device, self.organiser, self.value is not None, self.value or "",
                self.signature or "")


Record = Mapping[str, FieldVersion]


def merge_field(field: str, a: FieldVersion | None, b: FieldVersion | None) -> FieldVersion | None:
    if a is None:
        return b
    if b is None:
        return a
    return a if a.rank(field) >= b.rank(field) else b


def merge_records(a: Record, b: Record) -> dict[str, FieldVersion]:
    """Field-by-field merge of two versions of one attendee."""
    merged: dict[str, FieldVersion] = {}
    for field in a.keys() | b.keys():
        version = merge_field(field, a.get(field), b.get(field))
        if version is not None:
            merged[field] = version
    return merged


def changed_fields(local: Record, merged: Record) -> dict[str, FieldVersion]:
    """The fields a kiosk must write to turn ``local`` into ``merged``."""
    return {f: v for f, v in merged.items() if local.get(f) != v}


def union_scans(*logs: Iterable[Scan]) -> dict[str, Scan]:
    """Scan logs merged: every scan once, by id (the first copy of an id wins; copies are equal)."""
    merged: dict[str, Scan] = {}
    for log in logs:
        for scan in log:
            merged.setdefault(scan.id, scan)
    return merged


GUEST_NAMESPACE = uuid.UUID("0b6c2f6e-5d0a-4a59-8c57-3c1f5e0f7a21")


@functools.lru_cache(maxsize=64)
def _event_hash(event_id: str) -> hashlib._Hash:
    """SHA-1 state after the namespace and ``event_id``: each guest's id then hashes only its own name."""
    return hashlib.sha1(GUEST_NAMESPACE.bytes + f"{event_id}\n".encode(), usedforsecurity=False)


_VARIANT = {c: "89ab"[int(c, 16) & 3] for c in "0123456789abcdef"}  # RFC 4122 variant bits, as a hex digit


def uuid5_text(event_id: str, name: str) -> str:
    """``str(uuid.uuid5(GUEST_NAMESPACE, f"{event_id}\\n{name}"))``, 5x faster: no UUID object, the
    event's part hashed once, the version and variant set on the hex digits (a 100,000-row import
    mints 100,000 ids). Tested equal to uuid.uuid5."""
    state = _event_hash(event_id).copy()
    state.update(name.encode())
    x = state.hexdigest()
    return f"{x[:8]}-{x[8:12]}-5{x[13:16]}-{_VARIANT[x[16]]}{x[17:20]}-{x[20:32]}"


def guest_id(event_id: str, code_key: str | None, import_key: str | None, taken: set[str]) -> str:
    """The id of a guest imported from an export: the same on every kiosk that imports the same
    file (UUIDv5 of the event id and the normalised ticket code, else the platform's own row id),
    so their scans and edits merge. Random when the row has neither, or the derived id is taken."""
    name = f"code:{code_key}" if code_key else f"key:{import_key}" if import_key else None
    if name is not None:
        derived = uuid5_text(event_id, name)
        if derived not in taken:
            taken.add(derived)
            return derived
    return str(uuid.uuid4())


# --- an attendee as the hub stores it --------------------------------------------------
MERGED_FIELDS = ("ticket_code", "first_name", "last_name", "email", "organisation", "category", "workshop",
                 "status")

# A guest a door created from a signed ticket before it had the organiser's record (placeholder
# names, no e-mail, no organisation) is provisional: its fields are stamped at the clock's origin,
# older than any real write, so the organiser's record wins over every one of them wherever the two
# meet (kiosk or hub), with no special case in the merge. Its scans name the same guest id (the
# ticket's), so they stay attached.
PROVISIONAL = hlc.ZERO.encode()


def provisional_stamps(device: str) -> dict[str, list[str]]:
    """The field stamps of a guest created from a ticket alone (see PROVISIONAL)."""
    return {f: [PROVISIONAL, device] for f in MERGED_FIELDS}


def is_provisional(fields: Mapping[str, Sequence[str | None]]) -> bool:
    """True when no field of a wire record was written for real yet."""
    return bool(fields) and all(v[1] == PROVISIONAL for f, v in fields.items() if f in MERGED_FIELDS)


def versions(fields: Mapping[str, Sequence[str | None]],
             organiser_device: str | None = None) -> dict[str, FieldVersion]:
    """{field: [value, hlc, device(, signature)]} (the wire form) as FieldVersions. The organiser's
    authority is a signature, never a device id anyone can write (``organiser_device`` is no longer
    consulted): whoever applies a version checks its signature first (kiosk.service.authority)."""
    del organiser_device
    return {f: _version(v) for f, v in fields.items() if f in MERGED_FIELDS}


def _version(v: Sequence[str | None]) -> FieldVersion:
    signature = v[3] if len(v) > 3 and v[3] else None
    return FieldVersion(v[0], str(v[1]), str(v[2]), organiser=signature is not None, signature=signature)


def wire(record: Mapping[str, FieldVersion]) -> dict[str, list[str | None]]:
    """FieldVersions in the wire form; a signed version carries its signature as a fourth item."""
    return {f: [v.value, v.hlc, v.device, *([v.signature] if v.signature else [])] for f, v in sorted(record.items())}


# --- duplicate entries ------------------------------------------------------------------
@dataclass(frozen=True)
class DuplicateEntry:
    """A guest admitted at two kiosks that could not see each other: both scans stay (a physical
    scan is never thrown away); the later one is the duplicate, and the guest counts once."""

    attendee_id: str
    first: Scan
    duplicate: Scan


def duplicate_entries(scans: Iterable[Scan]) -> list[DuplicateEntry]:
    """Entries recorded while the guest was already inside through another kiosk's entry, replayed
    in HLC order like presence (undone scans and refused attempts ignored)."""
    from kiosk.domain.model import ScanKind

    by_guest: dict[str, list[Scan]] = {}
    for s in scans:
        if s.attendee_id is not None:
            by_guest.setdefault(s.attendee_id, []).append(s)
    found: list[DuplicateEntry] = []
    for guest, log in by_guest.items():
        log.sort(key=lambda s: (s.hlc or s.device_time, s.id))
        undone = {s.target_id for s in log if s.kind is ScanKind.UNDO and s.target_id}
        inside_by: Scan | None = None
        for s in log:
            if s.id in undone:
                continue
            if s.kind in (ScanKind.ENTRY, ScanKind.OVERRIDE):
                if inside_by is not None and inside_by.device_id != s.device_id:
                    found.append(DuplicateEntry(guest, inside_by, s))
                    continue
                inside_by = s
            elif s.kind is ScanKind.EXIT:
                inside_by = None
    return sorted(found, key=lambda d: (d.duplicate.hlc or d.duplicate.device_time, d.duplicate.id))


# --- events, workshops and categories ---------------------------------------------------
# An event merges like an attendee: a map of field -> version, latest write (HLC) wins, device
# breaking ties. Its workshops and categories are fields too ("workshop:<name>" holding capacity and
# position, "category:<name>" colour and position); a removed one keeps its field with the value
# None (a tombstone), so a removal and an edit made elsewhere resolve by the same rule.
EVENT_SCALARS = ("name", "starts_at", "venue", "capacity", "tagline", "codes_case_sensitive", "privacy_notice")
WORKSHOP, CATEGORY = "workshop:", "category:"


def _is_event_field(field: str) -> bool:
    """An event's field: only the organiser makes them, so a signed version outranks any other."""
    return field in EVENT_SCALARS or field.startswith((WORKSHOP, CATEGORY))


def event_values(event: Event) -> dict[str, str | None]:
    """An event as merge fields (every value text or None)."""
    values: dict[str, str | None] = {
        "name": event.name, "starts_at": event.starts_at, "venue": event.venue,
        "capacity": None if event.capacity is None else str(event.capacity), "tagline": event.tagline,
        "codes_case_sensitive": "1" if event.codes_case_sensitive else "0", "privacy_notice": event.privacy_notice,
    }
    values.update(workshop_value(w, i) for i, w in enumerate(event.workshops))
    values.update(category_value(c, i) for i, c in enumerate(event.categories))
    return values


def workshop_value(w: Workshop, position: int) -> tuple[str, str]:
    """A workshop's merge field and value: its capacity and where it is listed."""
    return WORKSHOP + w.name, json.dumps([w.capacity, position])


def category_value(c: Category, position: int) -> tuple[str, str]:
    return CATEGORY + c.name, json.dumps([c.color, position])


def event_from_values(event_id: str, values: Mapping[str, str | None]) -> Event:
    """The event that merge fields describe (tombstoned workshops and categories left out); a
    workshop or category field that is not a [value, position] pair is ignored."""
    workshops: list[tuple[int, str, Workshop]] = []
    categories: list[tuple[int, str, Category]] = []
    for field, text in values.items():
        parsed = _pair(text)
        if parsed is None:
            continue
        value, position = parsed
        if field.startswith(WORKSHOP):
            name = field[len(WORKSHOP):]
            workshops.append((position, name, Workshop(name, value if isinstance(value, int) else None)))
        elif field.startswith(CATEGORY) and isinstance(value, str):
            name = field[len(CATEGORY):]
            categories.append((position, name, Category(name, value)))
    capacity = values.get("capacity")
    return Event(
        id=event_id, name=values.get("name") or "", starts_at=values.get("starts_at"), venue=values.get("venue"),
        capacity=int(capacity) if capacity and capacity.isdigit() else None, tagline=values.get("tagline"),
        codes_case_sensitive=values.get("codes_case_sensitive") == "1", privacy_notice=values.get("privacy_notice"),
        workshops=tuple(w for _, _, w in sorted(workshops, key=lambda t: (t[0], t[1]))),
        categories=tuple(c for _, _, c in sorted(categories, key=lambda t: (t[0], t[1]))),
    )


def event_body(event: Event, organiser: str, fields: Mapping[str, Sequence[str | None]]) -> dict[str, object]:
    """What the hub keeps of an event: its plain form (what `join` reads), the merge fields with
    their stamps, and the organiser (the first device that published it)."""
    return {
        "id": event.id, "name": event.name, "starts_at": event.starts_at, "venue": event.venue,
        "capacity": event.capacity, "tagline": event.tagline, "codes_case_sensitive": event.codes_case_sensitive,
        "privacy_notice": event.privacy_notice, "workshops": [[w.name, w.capacity] for w in event.workshops],
        "categories": [[c.name, c.color] for c in event.categories], "organiser_device": organiser,
        "fields": {f: list(v) for f, v in sorted(fields.items())},
    }


def _pair(text: str | None) -> tuple[object, int] | None:
    if text is None:
        return None
    try:
        found = json.loads(text)
    except ValueError:
        return None
    if isinstance(found, list) and len(found) == 2 and isinstance(found[1], int):
        return found[0], found[1]
    return None


def event_versions(fields: Mapping[str, Sequence[str | None]]) -> dict[str, FieldVersion]:
    """An event's wire form {field: [value, hlc, device(, signature)]} as FieldVersions: latest
    write wins, a signed version over any unsigned one (a kiosk that pinned the organiser's key
    drops every version the key did not sign before merging)."""
    return {f: _version(v) for f, v in fields.items() if _is_event_field(f)}


def merge_event_wires(a: Mapping[str, Sequence[str | None]],
                      b: Mapping[str, Sequence[str | None]]) -> dict[str, list[str | None]]:
    """Two wire forms of one event merged field by field (what the hub and every kiosk compute)."""
    return wire(merge_records(event_versions(a), event_versions(b)))
