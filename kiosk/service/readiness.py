"""Gathers what the readiness check judges (kiosk.domain.readiness): the active event, its guests,
the printer's record, the staff PIN, the privacy notice, and — when a hub is configured — the doors
the hub has seen and the ticket key it publishes. Asks the hub once, with a short timeout: a check
that hangs on a dead network would tell the organiser nothing."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from kiosk import paths
from kiosk.domain import authority as rules
from kiosk.domain.demo import is_demo
from kiosk.domain.readiness import Door, Facts, Line, judge
from kiosk.service.errors import NoEventError
from kiosk.store import attendees as attendee_store
from kiosk.store import print_jobs

if TYPE_CHECKING:
    from kiosk.service.kiosk import Kiosk

HUB_TIMEOUT_S = 4  # the readiness check's own connect timeout


def facts(kiosk: Kiosk, *, today: date | None = None, hub_timeout_s: int = HUB_TIMEOUT_S) -> Facts:
    """What is true now on this kiosk (and at its hub, when one is configured)."""
    from kiosk import settings as settings_mod
    from kiosk.service.pin import StaffPin

    day = today or kiosk.clock().date()
    try:
        event = kiosk.event
    except NoEventError:
        return Facts(today=day)
    conf = settings_mod.load(kiosk.data_dir) if kiosk.data_dir is not None else settings_mod.Settings()
    device = kiosk.device()
    backend = conf.printer_backend
    printed = print_jobs.done_on(kiosk.conn, device.id, backend, None if backend == "pdf" else conf.printer_name)
    where = conf.printer_name or (str(paths.print_dir(kiosk.data_dir)) if backend == "pdf" and kiosk.data_dir else "")
    base = Facts(
        today=day, event_name=event.name, is_demo=is_demo(event), starts_on=_day(event.starts_at),
        guests=attendee_store.count(kiosk.conn, event.id), printer=backend, printer_name=where, printed=printed,
        pin_set=kiosk.data_dir is not None and StaffPin(kiosk.data_dir).is_set,
        privacy_notice=event.privacy_notice, fingerprints=_fingerprints(kiosk),
    )
    return _with_hub(kiosk, base, event.id, device.id, hub_timeout_s)


def check(kiosk: Kiosk, lang: str = "fr", *, today: date | None = None,
          hub_timeout_s: int = HUB_TIMEOUT_S) -> list[Line]:
    return judge(facts(kiosk, today=today, hub_timeout_s=hub_timeout_s), lang)


def _day(starts_at: str | None) -> date | None:
    if not starts_at:
        return None
    try:
        return datetime.fromisoformat(starts_at).date()  # the event's own local date
    except ValueError:
        return None


def _fingerprints(kiosk: Kiosk) -> tuple[str, ...]:
    """The ticket keys this kiosk holds (the organiser's) or pinned (a door's), readable."""
    from kiosk.service import authority
    from kiosk.service.keys import load_public

    keys = list(authority.pinned(kiosk))
    directory = kiosk.keys_dir
    if not keys and directory is not None:
        try:
            keys = load_public(directory)
        except Exception:  # no key, or a file that is not one: said as "no key"
            keys = []
    return tuple(rules.fingerprint(k) for k in keys)


def _with_hub(kiosk: Kiosk, base: Facts, event_id: str, device_id: str, timeout_s: int) -> Facts:
    from dataclasses import replace

    from kiosk.adapters.hub.connection import HubError, redact
    from kiosk.service.sync.round import hub_url

    url = hub_url(kiosk)
    if not url:
        return base
    shown = redact(url)
    try:
        doors, published, unpaired = _ask_hub(url, event_id, timeout_s)
    except HubError as exc:
        return replace(base, hub=shown, hub_error=str(exc))
    except Exception as exc:  # psycopg errors past the connection: said in one line, never a traceback
        return replace(base, hub=shown, hub_error=str(exc).splitlines()[0][:200] if str(exc) else type(exc).__name__)
    seen = tuple(Door(name, ago, None if off is None else off / 1000, mine=device == device_id)
                 for device, name, ago, off in doors)
    return replace(base, hub=shown, doors=seen, hub_fingerprints=published, unpaired=unpaired)


def _ask_hub(url: str, event_id: str, timeout_s: int) -> tuple[list[tuple[str, str, float, int | None]],
                                                                    tuple[str, ...], tuple[str, ...]]:
    import psycopg

    from kiosk.adapters.hub import doors as door_logins
    from kiosk.adapters.hub import replica
    from kiosk.adapters.hub.connection import HubError, connect, describe

    conninfo = psycopg.conninfo.make_conninfo(url, connect_timeout=timeout_s)
    conn = connect(conninfo)
    try:
        doors = replica.doors_seen(conn, event_id)
        unpaired = tuple(door_logins.waiting(conn, event_id))
        found, _cursor = replica.events(conn)
    except psycopg.Error as exc:
        raise HubError(describe(exc, url)) from None
    finally:
        conn.close()
    keys = next((pem for body, pem in found if body.get("id") == event_id), "")
    return doors, tuple(rules.fingerprint(k) for k in rules.parse_keys(keys or "")), unpaired


def check_data_dir(data_dir: Path, device_name: str, lang: str) -> list[Line]:
    """The readiness list on a connection of its own (the window runs it on a worker: the hub may be slow)."""
    from kiosk.service.kiosk import Kiosk

    kiosk = Kiosk.open(data_dir, device_name=device_name, check=False)
    try:
        return check(kiosk, lang)
    finally:
        kiosk.close()
