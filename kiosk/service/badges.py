"""Badge work that needs the database or the keys: which guests, and what their QR says.

The badges package draws; this module decides. A badge is drawn from (event, attendee, QR text,
options) by :func:`kiosk.badges.content.badge_content`; here the QR text is signed (the private key
loaded once per run, see :func:`kiosk.service.keys.load_private`) and the guests are chosen.
"""

from __future__ import annotations

from pathlib import Path

from kiosk.badges import batch, engine
from kiosk.badges.content import BadgeContent, badge_content, default_logo
from kiosk.badges.layouts import Layout
from kiosk.domain.model import Attendee
from kiosk.service.errors import KioskError, storage_guard
from kiosk.service.keys import Keys
from kiosk.service.session import Session
from kiosk.settings import BadgeOptions, load_badge_options
from kiosk.store import attendees as attendee_store
from kiosk.store import print_jobs


class Badges:
    """What a staff kiosk prints: one guest's badge, everyone's, or the e-mailed tickets' QR."""

    def __init__(self, session: Session, keys: Keys) -> None:
        self._session = session
        self._keys = keys

    @property
    def db_path(self) -> Path | None:  # for storage_guard
        return self._session.db_path

    def options(self) -> BadgeOptions:
        session = self._session
        return load_badge_options(session.data_dir, session.event.id)

    def qr_text(self, attendee: Attendee, mode: str = "auto") -> str:
        """The QR text of a guest's badge: signed payload or ticket code (see kiosk.badges.content)."""
        if mode in ("auto", "signed"):
            try:
                return self._keys.sign(attendee)
            except KioskError:
                if mode == "signed":
                    raise
        return attendee.ticket_code or ""

    def contents(self, attendees: list[Attendee], options: BadgeOptions | None = None) -> list[BadgeContent]:
        """Badge contents for guests of the active event, with options from the data dir."""
        session = self._session
        event = session.event
        opts = options or self.options()
        mode = opts.qr
        if mode == "auto" and session.data_dir is not None and not self._keys.can_sign():
            mode = "code"
        logo = default_logo()
        return [badge_content(a, event, qr=self.qr_text(a, mode) if opts.shows("qr") else "", logo=logo,
                              lang=session.lang, options=opts) for a in attendees]

    @storage_guard
    def guests(self, *, sort: str = "last_name", only_not_printed: bool = False) -> list[Attendee]:
        """Every guest not cancelled, sorted; without those whose badge already came out if asked."""
        conn, event_id = self._session.conn, self._session.event.id
        guests = [a for a in attendee_store.iterate(conn, event_id, sort=sort) if not a.cancelled]
        if only_not_printed:
            printed = print_jobs.printed_attendees(conn, event_id)
            guests = [a for a in guests if a.id not in printed]
        return guests

    def render_one(self, attendee: Attendee, layout: Layout, output: Path) -> int:
        return engine.render(self.contents([attendee]), layout, output, title=attendee.full_name)

    def render_all(self, layout: Layout, output: Path, *, sort: str = "last_name", only_not_printed: bool = False,
                   progress: batch.Progress | None = None) -> batch.BatchResult:
        """Every guest's badge in ``output`` (`kiosk badges --all`, the window's menu)."""
        guests = self.guests(sort=sort, only_not_printed=only_not_printed)
        return batch.render_all(self.contents(guests), layout, output, title=self._session.event.name,
                                progress=progress)
