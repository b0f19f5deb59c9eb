"""Badges: layouts, fonts, text fitting and drawing. Pure: content in, PDF out (no service, no store)."""
