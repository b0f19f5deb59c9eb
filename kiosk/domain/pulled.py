"""What a row pulled from the hub must be before a kiosk stores it: plain row in, the reason it is
refused (one line, English) or None out.

Anyone with the hub's shared login can write any row, and a laptop's clock can be years off, so a
pulled row is input like a file or a QR code: ids are UUIDs, times and stamps parse (in the one
spelling that sorts right), enum columns hold known words, texts are within the limits the import
applies, capacities are whole numbers in range, and no stamp or time is further ahead of the hub's
clock than ``horizon`` (the hub's time plus the allowed skew, an encoded stamp). A refused row is
quarantined by the caller, never applied; the round goes on.

Kept cheap (regular expressions, a cache for date checks): a join checks 100,000 guests.
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import cast

from kiosk.domain.codes import MAX_CODE_LENGTH
from kiosk.domain.duplicates import LinkKind
from kiosk.domain.limits import MAX_CAPACITY, MAX_FIELD_CHARS
from kiosk.domain.merge import CATEGORY, EVENT_SCALARS, MERGED_FIELDS, WORKSHOP
from kiosk.domain.model import ScanKind, Status, Verdict

ORIGIN = "1970-01-01T00:00:00.000Z"  # the clock's origin: a provisional guest's stamps (merge.PROVISIONAL)
_TIME = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z")
_STAMP = re.compile(r"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z)(?:#(\d{4}|~(\d\d)([1-9]\d*)))?")
_UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
_SCAN_KINDS = frozenset(k.value for k in ScanKind)
_VERDICTS = frozenset(v.value for v in Verdict)
_STATUSES = frozenset(s.value for s in Status)
_LINK_KINDS = frozenset(k.value for k in LinkKind)
Wire = dict[str, list[str | None]]  # {field: [value, stamp, device]}
_MAX_NAME = 200  # a device's name, a guest's source ('import:<file name>')
MAX_EVENT_TEXT = 10_000  # an event's privacy notice is a paragraph, not a book


@functools.lru_cache(maxsize=8192)
def _real_date(wall: str) -> bool:
    """True when the digits of a time in the store's form name a real moment (no month 13)."""
    try:
        datetime.fromisoformat(wall[:-1])
    except ValueError:
        return False
    return True


def time_problem(text: object, horizon: str, what: str = "time") -> str | None:
    """Why ``text`` is not a store time (UTC, milliseconds) no further ahead than ``horizon``."""
    if not isinstance(text, str) or _TIME.fullmatch(text) is None or not _real_date(text):
        return f"{what} is not a time: {_shown(text)}"
    if text > horizon[:24]:
        return f"{what} {text} is ahead of the hub's clock"
    return None


def stamp_problem(text: object, horizon: str, what: str = "stamp") -> str | None:
    """Why ``text`` is not a clock stamp in its one spelling (kiosk.domain.hlc), between the clock's
    origin and ``horizon``. A stamp further ahead would pin every kiosk's clock to it."""
    if isinstance(text, str) and len(text) <= 64:
        return _stamp_problem(text, horizon, what)  # a join's 100,000 guests share a few stamps
    return f"{what} is not a clock stamp: {_shown(text)}"


@functools.lru_cache(maxsize=65536)
def _stamp_problem(text: str, horizon: str, what: str) -> str | None:
    found = _STAMP.fullmatch(text)
    if found is None or not _real_date(found[1]):
        return f"{what} is not a clock stamp: {_shown(text)}"
    wall, short, width, long = found.groups()
    if short == "0000" or (long is not None and (int(width) != len(long) or int(long) <= 9999)):
        return f"{what} is not a clock stamp: {_shown(text)}"
    if wall < ORIGIN:
        return f"{what} {wall} is before the clock's origin"
    if wall > horizon[:24]:
        return f"{what} {wall} is ahead of the hub's clock"
    return None


def _shown(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:60] + "…"


def _uuid(value: object, what: str, *, optional: bool = False) -> str | None:
    if value is None and optional:
        return None
    if isinstance(value, str) and len(value) == 36 and _UUID.fullmatch(value):
        return None
    return f"{what} is not a UUID: {_shown(value)}"


def _text(value: object, what: str, limit: int, *, optional: bool = True) -> str | None:
    if value is None and optional:
        return None
    if not isinstance(value, str):
        return f"{what} is not text: {_shown(value)}"
    if len(value) > limit:
        return f"{what} is {len(value):,} characters long (at most {limit:,})"
    return None


def _word(value: object, what: str, words: frozenset[str]) -> str | None:
    return None if isinstance(value, str) and value in words else f"unknown {what}: {_shown(value)}"


def _first(*problems: str | None) -> str | None:
    return next((p for p in problems if p is not None), None)


# --- immutable rows ------------------------------------------------------------------------
def _opt_text(value: object, limit: int) -> bool:
    return value is None or (type(value) is str and len(value) <= limit)


def _opt_uuid(value: object) -> bool:
    return value is None or (type(value) is str and len(value) == 36 and _UUID.fullmatch(value) is not None)


def scan(row: Sequence[object], horizon: str) -> str | None:
    """A row of kiosk.adapters.hub.replica.pull_scans: SCAN_FIELDS then received_at."""
    if len(row) != 14:
        return "not a scan row"
    sid, event_id, attendee_id, code, kind, verdict, target_id, device_id, device_name, staff, reason, \
        device_time, stamp, received_at = row
    sound = (  # the common case in one expression (a converging kiosk checks every scan of the others)
        type(sid) is str and _opt_uuid(sid) and type(event_id) is str and _known_uuid(event_id)
        and _opt_uuid(attendee_id) and type(code) is str and len(code) <= MAX_CODE_LENGTH
        and type(kind) is str and kind in _SCAN_KINDS and type(verdict) is str and verdict in _VERDICTS
        and _opt_uuid(target_id) and type(device_id) is str and _known_uuid(device_id)
        and type(device_name) is str and len(device_name) <= _MAX_NAME and _opt_text(staff, MAX_FIELD_CHARS)
        and _opt_text(reason, MAX_FIELD_CHARS) and type(device_time) is str
        and time_problem(device_time, horizon) is None and type(stamp) is str and len(stamp) <= 64
        and _stamp_problem(stamp, horizon, "stamp") is None and time_problem(received_at, "9999") is None)
    return None if sound else scan_problem(row, horizon)


def scan_problem(row: Sequence[object], horizon: str) -> str | None:
    """:func:`scan` the long way, column by column, saying what fails first."""
    if len(row) != 14:
        return "not a scan row"
    sid, event_id, attendee_id, code, kind, verdict, target_id, device_id, device_name, staff, reason, \
        device_time, stamp, received_at = row
    return _first(
        _uuid(sid, "scan id"), _uuid(event_id, "event id"), _uuid(attendee_id, "guest id", optional=True),
        _text(code, "code", MAX_CODE_LENGTH, optional=False), _word(kind, "scan kind", _SCAN_KINDS),
        _word(verdict, "verdict", _VERDICTS), _uuid(target_id, "undone scan id", optional=True),
        _uuid(device_id, "device id"), _text(device_name, "device name", _MAX_NAME, optional=False),
        _text(staff, "staff", MAX_FIELD_CHARS), _text(reason, "reason", MAX_FIELD_CHARS),
        time_problem(device_time, horizon, "device time"), stamp_problem(stamp, horizon),
        time_problem(received_at, "9999", "receipt time"),
    )


def link(row: Sequence[object], horizon: str) -> str | None:
    """A row of kiosk.adapters.hub.replica.pull_links: LINK_FIELDS then received_at."""
    if len(row) != 10:
        return "not a guest link row"
    lid, event_id, kind, keep_id, other_id, device_id, device_name, made_at, stamp, received_at = row
    return _first(
        _uuid(lid, "link id"), _uuid(event_id, "event id"), _word(kind, "link kind", _LINK_KINDS),
        _uuid(keep_id, "kept guest id"), _uuid(other_id, "other guest id"), _uuid(device_id, "device id"),
        _text(device_name, "device name", _MAX_NAME, optional=False), time_problem(made_at, horizon, "made at"),
        stamp_problem(stamp, horizon), time_problem(received_at, "9999", "receipt time"),
    )


def badge_print(row: Sequence[object], horizon: str) -> str | None:
    """A row of kiosk.adapters.hub.replica.pull_prints: PRINT_FIELDS then received_at."""
    if len(row) != 7:
        return "not a badge print row"
    pid, event_id, attendee_id, device_id, device_name, printed_at, received_at = row
    return _first(
        _uuid(pid, "print id"), _uuid(event_id, "event id"), _uuid(attendee_id, "guest id"),
        _uuid(device_id, "device id"), _text(device_name, "device name", _MAX_NAME, optional=False),
        time_problem(printed_at, horizon, "printed at"), time_problem(received_at, "9999", "receipt time"),
    )


def help_call(row: Sequence[object], horizon: str) -> str | None:
    """A row of kiosk.adapters.hub.replica.pull_help_calls: HELP_FIELDS then received_at."""
    if len(row) != 9:
        return "not a help call row"
    hid, event_id, kind, call_id, device_id, device_name, at, staff, received_at = row
    return _first(
        _uuid(hid, "call id"), _uuid(event_id, "event id"), _word(kind, "kind", frozenset(("call", "answer"))),
        _uuid(call_id, "call id"), _uuid(device_id, "device id"),
        _text(device_name, "device name", _MAX_NAME, optional=False), time_problem(at, horizon, "called at"),
        _text(staff, "staff", _MAX_NAME), time_problem(received_at, "9999", "receipt time"),
    )


# --- guests --------------------------------------------------------------------------------
_GUEST_LIMITS = {f: MAX_CODE_LENGTH if f == "ticket_code" else MAX_FIELD_CHARS for f in MERGED_FIELDS}


def guest_field(field: str, value: object, stamp: object, device: object, horizon: str) -> str | None:
    """One field of a guest as [value, stamp, device]."""
    if field == "status":
        problem = None if value is None else _word(value, "status", _STATUSES)
    else:
        problem = _text(value, field, _GUEST_LIMITS[field])
    return _first(problem, stamp_problem(stamp, horizon, f"{field}'s stamp"),
                  None if device == "" else _uuid(device, f"{field}'s device"))


_GUEST_LEN = 5 + 3 * len(MERGED_FIELDS)
MAX_SIGNATURE = 200  # an Ed25519 signature is 64 bytes, 88 in base64
_STATUS_AT = MERGED_FIELDS.index("status")
_CODE_AT = MERGED_FIELDS.index("ticket_code")


@functools.lru_cache(maxsize=4096)
def _known_uuid(value: str) -> bool:
    return len(value) == 36 and _UUID.fullmatch(value) is not None


def _guest_sound(row: Sequence[object], horizon: str) -> bool:
    """True for a row that passes every check of :func:`guest` (the common case, decided ~5x faster
    on a join: a page's guests share their event, devices and stamps)."""
    gid, event_id, source, source_device, created = row[:5]
    values, stamps, devices = row[5:_GUEST_LEN:3], row[6:_GUEST_LEN:3], row[7:_GUEST_LEN:3]
    if not (type(gid) is str and len(gid) == 36 and _UUID.fullmatch(gid) and type(event_id) is str
            and _known_uuid(event_id) and type(source) is str and len(source) <= _MAX_NAME
            and (source_device is None or source_device == "" or (type(source_device) is str
                                                                 and _known_uuid(source_device)))
            and type(created) is str and time_problem(created, horizon) is None):
        return False
    if not all(v is None or type(v) is str for v in (*stamps, *devices)):
        return False  # let the long way say what it is (and never hash a list)
    for stamp in set(stamps):
        if stamp is not None and (type(stamp) is not str or _stamp_problem(stamp, horizon, "stamp") is not None):
            return False
    for device in set(devices):
        if device is None:
            if any(d is None and st is not None for d, st in zip(devices, stamps, strict=True)):
                return False
        elif device != "" and not (type(device) is str and _known_uuid(device)):
            return False
    for value in values:
        if value is not None and (type(value) is not str or len(value) > MAX_FIELD_CHARS):
            return False
    code, status = values[_CODE_AT], values[_STATUS_AT]
    return (code is None or len(str(code)) <= MAX_CODE_LENGTH) and (status is None or status in _STATUSES)


def guest(row: Sequence[object], horizon: str) -> str | None:
    """A row of kiosk.adapters.hub.replica.pull_guest_rows: id, event_id, source, source_device, created_at,
    then value, stamp, device of each of MERGED_FIELDS (stamp NULL: the field is absent), then the
    organiser's signature of the status (or NULL; verified by kiosk.service.authority)."""
    if len(row) not in (_GUEST_LEN, _GUEST_LEN + 1):
        return "not a guest row"
    signature = row[_GUEST_LEN] if len(row) > _GUEST_LEN else None
    if not (signature is None or (isinstance(signature, str) and len(signature) <= MAX_SIGNATURE)):
        return "status signature is not a signature"
    return None if _guest_sound(row, horizon) else guest_problem(row, horizon)


def guest_problem(row: Sequence[object], horizon: str) -> str | None:
    """:func:`guest` the long way, field by field, saying what fails first."""
    problem = _first(
        _uuid(row[0], "guest id"), _uuid(row[1], "event id"), _text(row[2], "source", _MAX_NAME, optional=False),
        None if row[3] in (None, "") else _uuid(row[3], "source device"),
        time_problem(row[4], horizon, "created at"))
    if problem is not None:
        return problem
    for i, field in enumerate(MERGED_FIELDS):
        value, stamp, device = row[5 + 3 * i: 8 + 3 * i]
        if stamp is None:
            continue
        problem = guest_field(field, value, stamp, device, horizon)
        if problem is not None:
            return problem
    return None


def guest_culprit(row: Sequence[object], horizon: str) -> object:
    """The device that wrote the part of a refused guest row that fails: the field's, else the guest's."""
    if len(row) >= _GUEST_LEN:
        for i, field in enumerate(MERGED_FIELDS):
            value, stamp, device = row[5 + 3 * i: 8 + 3 * i]
            if stamp is not None and guest_field(field, value, stamp, device, horizon) is not None:
                return device
    return row[3] if len(row) > 3 else None


def guest_fields(fields: Mapping[str, object], horizon: str) -> tuple[Wire, list[str]]:
    """A guest's wire fields {field: [value, stamp, device]} (the hub's copy, merged with a push) split
    into those that hold and the reasons the others do not: a malformed version never outranks a good one."""
    good: Wire = {}
    problems: list[str] = []
    for field, version in fields.items():
        if field not in MERGED_FIELDS:
            continue
        if not isinstance(version, list | tuple) or len(version) < 3:
            problems.append(f"{field} is not [value, stamp, device]")
            continue
        problem = guest_field(field, version[0], version[1], version[2], horizon)
        if problem is None:
            kept = list(version[:3])
            if len(version) > 3 and type(version[3]) is str and len(version[3]) <= MAX_SIGNATURE:
                kept.append(version[3])  # the organiser's signature travels with the version it signs
            good[field] = cast(list[str | None], kept)  # checked: texts or None
        else:
            problems.append(problem)
    return good, problems


# --- events --------------------------------------------------------------------------------
def _capacity(value: object, what: str) -> str | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= MAX_CAPACITY:
        return f"{what} is not a whole number from 0 to {MAX_CAPACITY:,}: {_shown(value)}"
    return None


def event_value(field: str, value: object) -> str | None:
    """Why an event's merge field (kiosk.domain.merge.event_values) cannot hold ``value``."""
    if value is None:
        return None  # a cleared value, or a removed workshop or category (a tombstone)
    if not isinstance(value, str):
        return f"{field} is not text: {_shown(value)}"
    if field == "capacity":
        if value == "":
            return None
        return _capacity(int(value) if value.isascii() and value.isdigit() else value, "capacity")
    if field == "codes_case_sensitive":
        return None if value in ("0", "1") else f"codes_case_sensitive is not 0 or 1: {_shown(value)}"
    if field.startswith((WORKSHOP, CATEGORY)):
        try:
            pair = json.loads(value)
        except ValueError:
            pair = None
        if not (isinstance(pair, list) and len(pair) == 2 and isinstance(pair[1], int)
                and not isinstance(pair[1], bool)):
            return f"{field} is not [value, position]: {_shown(value)}"
        if field.startswith(WORKSHOP):
            return _capacity(pair[0], f"{field}'s capacity")
        return _text(pair[0], f"{field}'s colour", 100, optional=False)
    return _text(value, field, MAX_EVENT_TEXT if field == "privacy_notice" else MAX_FIELD_CHARS)


def event_field(field: object, version: object, horizon: str) -> str | None:
    """One field of an event's wire form as [value, stamp, device]."""
    if not isinstance(field, str) or not (field in EVENT_SCALARS or field.startswith((WORKSHOP, CATEGORY))):
        return f"unknown event field: {_shown(field)}"
    if len(field) > MAX_FIELD_CHARS + 20:
        return "event field name too long"
    if not isinstance(version, list) or len(version) < 3:
        return f"{field} is not [value, stamp, device]"
    return _first(event_value(field, version[0]), stamp_problem(version[1], horizon, f"{field}'s stamp"),
                  None if version[2] == "" else _uuid(version[2], f"{field}'s device"))


def event(body: Mapping[str, object], horizon: str) -> tuple[Wire | None, list[str]]:
    """An event pulled from the hub: its wire fields that hold (None: the body itself is unusable, no
    valid id or organiser), and why the others were refused."""
    problem = _first(_uuid(body.get("id"), "event id"), _uuid(body.get("organiser_device"), "organiser device"))
    if problem is not None:
        return None, [problem]
    fields = body.get("fields")
    if fields is None:
        return {}, []
    if not isinstance(fields, dict):
        return {}, ["event fields are not a map"]
    good: Wire = {}
    problems: list[str] = []
    for field, version in fields.items():
        problem = event_field(field, version, horizon)
        if problem is None:
            good[field] = cast(list[str | None], list(version))  # checked: texts or None
        else:
            problems.append(problem)
    return good, problems
