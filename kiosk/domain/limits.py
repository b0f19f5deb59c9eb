"""How long a value kiosk stores may be: one place, read by the import, the walk-in form and the
check of rows pulled from the hub (a value another kiosk could not have written is refused)."""

from __future__ import annotations

MAX_FIELD_CHARS = 1_000  # a guest's field in an imported file (names, e-mail, organisation...)
MAX_FORM_FIELD = 120  # a name or an organisation typed on the walk-in form
MAX_CAPACITY = 10_000_000  # seats of an event or a workshop: beyond is not a venue
