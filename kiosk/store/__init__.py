"""Persistence: the only layer that speaks SQL. Never imports Qt or the UI."""

from kiosk.store.db import StoreError, connect, migrate, quick_check, savepoint, transaction

__all__ = ["StoreError", "connect", "migrate", "quick_check", "savepoint", "transaction"]
