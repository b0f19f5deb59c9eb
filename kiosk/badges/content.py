"""What a badge says, built from an Attendee and its Event (pure data, no drawing).

Which fields show is configurable per event in ``<data dir>/badges.json`` (read and validated by
``kiosk.settings.load_badge_options``, like every other setting)::

    {"fields": {"tagline": false}, "qr": "auto",
     "events": {"<event id>": {"fields": {"organisation": false}, "qr": "signed"}}}

``fields`` maps a field name (see ``layouts.FIELDS``) to shown/hidden; anything not named
shows. ``qr``: "code" prints the ticket code, "signed" the signed payload (needs the private
key), "auto" (default) the signed payload when this data dir holds the private key, else the code.
Choosing and signing the QR text is service work (kiosk.service.badges): this module is pure.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from kiosk.badges.fonts import resources_dir
from kiosk.badges.layouts import FIELDS
from kiosk.domain.model import Attendee, Event
from kiosk.settings import BadgeOptions

__all__ = ["BadgeContent", "BadgeOptions", "badge_content", "default_logo", "format_date"]

_MONTHS = {
    "fr": ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
           "novembre", "décembre"),
    "en": ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December"),
}


@dataclass(frozen=True)
class BadgeContent:
    first_name: str
    last_name: str
    organisation: str = ""
    category: str = ""
    category_color: str = "#607d8b"
    workshop: str = ""
    qr: str = ""  # data encoded in the QR; empty: no QR
    event: str = ""
    date: str = ""
    tagline: str = ""
    logo: Path | None = None

    def text(self, field: str) -> str:
        value = getattr(self, field, "")
        return value if isinstance(value, str) else ""


def default_logo() -> Path | None:
    path = resources_dir() / "branding" / "logo.png"
    return path if path.exists() else None


def format_date(starts_at: str | None, lang: str = "fr") -> str:
    """'30 novembre 2026 · 18:00' from the event's ISO start (local time of the event)."""
    if not starts_at:
        return ""
    try:
        when = datetime.fromisoformat(starts_at.replace("Z", "+00:00"))
    except ValueError:
        return starts_at
    month = _MONTHS.get(lang, _MONTHS["en"])[when.month - 1]
    day = f"{when.day} {month} {when.year}" if lang == "fr" else f"{month} {when.day}, {when.year}"
    return day if (when.hour, when.minute) == (0, 0) else f"{day} · {when:%H:%M}"


def badge_content(
    attendee: Attendee, event: Event, *, qr: str | None = None, logo: Path | None = None, lang: str = "fr",
    options: BadgeOptions | None = None,
) -> BadgeContent:
    """The badge of one guest; hidden fields are blanked here so the engine stays generic."""
    opts = options or BadgeOptions()
    values: dict[str, Any] = {
        "first_name": attendee.first_name,
        "last_name": attendee.last_name,
        "organisation": attendee.organisation or "",
        "category": attendee.category or "",
        "workshop": attendee.workshop or "",
        "qr": qr if qr is not None else (attendee.ticket_code or ""),
        "event": event.name,
        "date": format_date(event.starts_at, lang),
        "tagline": event.tagline or "",
        "logo": logo if logo is not None else default_logo(),
    }
    for name in FIELDS:
        if not opts.shows(name):
            values[name] = None if name == "logo" else ""
    color = event.category_color(attendee.category) or "#607d8b"
    return BadgeContent(category_color=color, **values)
