"""Printing tests use the session's private cupsd: fixtures ``cups_server`` and ``cups`` in tests/conftest.py."""
