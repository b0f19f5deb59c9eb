"""Kept for code written against the mixin layout: the session core is ``kiosk.service.session``."""

from kiosk.service.session import Clock, Session, utc_now

KioskBase = Session

__all__ = ["Clock", "KioskBase", "Session", "utc_now"]
