"""How long an event's guest data is kept, and when that ends: one value the privacy notice states and
the purge (kiosk.service.purge) carries out, so the promise and the behaviour cannot differ."""

from __future__ import annotations

import calendar
import re
from datetime import datetime, timedelta

DEFAULT = "3m"  # what the #Plus20 notice promised: three months after the event
MAX_DAYS = 3660  # ten years: beyond that a typo, not a retention period
NOTICE_SLOT = "{retention}"  # where a privacy notice states the period, filled in when it is shown

_UNITS = {"d": 1, "w": 7, "m": 31}  # days per unit, for the bound only
_WORDS = {
    "fr": {"d": ("jour", "jours"), "w": ("semaine", "semaines"), "m": ("mois", "mois")},
    "en": {"d": ("day", "days"), "w": ("week", "weeks"), "m": ("month", "months")},
}


class RetentionError(ValueError):
    """A retention period that cannot be read: ``str`` is the English reason."""


def parse(text: str) -> str:
    """'90d', '12w', '3m' (spaces and case aside) in their one stored form; RetentionError otherwise."""
    match = re.fullmatch(r"\s*(\d{1,5})\s*([dwmDWM])\s*", text or "")
    if not match:
        raise RetentionError(f"{text!r} is not a retention period: write a number of days, weeks or months"
                             " (90d, 12w, 3m)")
    count, unit = int(match.group(1)), match.group(2).lower()
    if count < 1:
        raise RetentionError(f"{text!r}: the retention period must be at least one day")
    if count * _UNITS[unit] > MAX_DAYS:
        raise RetentionError(f"{text!r}: the retention period must be at most ten years")
    return f"{count}{unit}"


def _add_months(moment: datetime, months: int) -> datetime:
    month = moment.month - 1 + months
    year, month = moment.year + month // 12, month % 12 + 1
    day = min(moment.day, calendar.monthrange(year, month)[1])
    return moment.replace(year=year, month=month, day=day)


def ends(event_date: datetime, value: str | None) -> datetime:
    """When the data of an event held on ``event_date`` must be gone (``value`` None: the default)."""
    stored = parse(value or DEFAULT)
    count, unit = int(stored[:-1]), stored[-1]
    if unit == "m":
        return _add_months(event_date, count)
    return event_date + timedelta(days=count * _UNITS[unit])


def words(value: str | None, lang: str = "fr") -> str:
    """'3 mois', '90 jours', '12 weeks': the period as the notice says it."""
    stored = parse(value or DEFAULT)
    count, unit = int(stored[:-1]), stored[-1]
    one, many = _WORDS.get(lang, _WORDS["en"])[unit]
    return f"{count} {one if count == 1 else many}"


def notice(text: str | None, value: str | None, lang: str = "fr") -> str:
    """The privacy notice as shown: its ``{retention}`` slot filled with the event's period."""
    return (text or "").replace(NOTICE_SLOT, words(value, lang))
