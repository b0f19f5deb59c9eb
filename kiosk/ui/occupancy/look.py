"""The screen's colours, from the event's branding (resources/branding: the amber honeycomb of La Ruche on
charcoal), and the gauge's three states, each with its own words as well as its colour."""

from __future__ import annotations

BACKGROUND = "#1c1c1c"
PANEL = "#2a2a2a"
TEXT = "#ffffff"
MUTED = "#b0b0b0"
BRAND = "#f5a623"  # the logo's amber
EXIT = "#42a5f5"
GAUGE = {"ok": "#43a047", "amber": "#ffb300", "red": "#e53935"}
TRACK = "#424242"
