"""Is this kiosk ready for the evening? The organiser's list, judged from facts gathered elsewhere
(kiosk.service.readiness): each line green, amber or red, with what to do, in French or English.
Pure: no clock, no I/O — the facts carry today's date and the hub's view."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Protocol

OK, WARN, FAIL = "ok", "warn", "fail"
DOOR_SEEN_S = 300.0  # a door last heard of longer ago than this is not "there"
CLOCK_OFF_S = 60.0  # a door's clock further than this from the hub's is said


class _Say(Protocol):  # the wording function judge() hands to each check
    def __call__(self, key: str, /, **values: object) -> str: ...


@dataclass(frozen=True)
class Door:
    name: str
    seen_s_ago: float  # by the hub's clock
    offset_s: float | None  # the door's clock minus the hub's, at its last contact
    mine: bool = False  # this kiosk


@dataclass(frozen=True)
class Facts:
    today: date
    event_name: str | None = None  # None: no active event
    is_demo: bool = False
    starts_on: date | None = None
    guests: int = 0
    printer: str = "pdf"  # the configured backend: pdf, cups, qt
    printer_name: str = ""  # a CUPS or Qt printer, or the PDF folder
    printed: int = 0  # badges that reached the configured printer (test badges included)
    pin_set: bool = False
    privacy_notice: str | None = None
    hub: str | None = None  # the hub's address (no password); None: this kiosk works alone
    hub_error: str | None = None  # why the hub could not be asked; None when it answered
    doors: tuple[Door, ...] = ()  # the kiosks holding this event, as the hub saw them
    fingerprints: tuple[str, ...] = ()  # the ticket keys this kiosk holds or pinned
    hub_fingerprints: tuple[str, ...] = ()  # the ticket keys the hub publishes for the event
    unpaired: tuple[str, ...] = ()  # doors given a hub login that never connected with it


@dataclass(frozen=True)
class Line:
    key: str
    state: str  # OK, WARN or FAIL
    text: str
    fix: str = ""  # what to do, when not OK

    def to_json(self) -> dict[str, str]:
        return {"check": self.key, "state": self.state, "text": self.text, "fix": self.fix}


_W: dict[str, dict[str, str]] = {
    "fr": {
        "no_event": "Aucun événement actif",
        "no_event_fix": "créez l'événement (Kiosk → Événements, ou « kiosk event create »)",
        "demo": "L'événement actif est la démo", "demo_fix": "créez ou choisissez l'événement réel",
        "event": "Événement : {name}",
        "no_date": "L'événement n'a pas de date", "no_date_fix": "indiquez sa date et son heure",
        "past": "L'événement date du {day}, déjà passé", "past_fix": "vérifiez la date, ou choisissez le bon événement",
        "date": "Date : {day}",
        "no_guests": "Aucun invité importé",
        "no_guests_fix": "importez la liste des inscrits (Importer…, ou « kiosk import »)",
        "guests": "{n} invités",
        "printer_pdf": "Badges : dossier PDF ({where}), {n} badge(s) produit(s)",
        "printer": "Imprimante {where} : {n} badge(s) imprimé(s)",
        "printer_untested": "Imprimante {where} jamais essayée",
        "pdf_untested": "Badges : dossier PDF ({where}), jamais essayé",
        "printer_fix": "imprimez un badge de test (Réglages → Imprimer un badge de test)",
        "no_pin": "Pas de code du personnel", "no_pin_fix": "choisissez-le dans Réglages (ou « kiosk pin set »)",
        "pin": "Code du personnel choisi",
        "no_notice": "Pas de mention d'information", "notice": "Mention d'information complète",
        "notice_incomplete": "Mention d'information incomplète : {missing}",
        "notice_fix": "complétez-la dans l'événement (responsable, finalité, durée de conservation, contact)",
        "m_placeholder": "des passages restent à compléter", "m_contact": "pas de contact",
        "m_retention": "pas de durée de conservation", "m_short": "trop courte",
        "no_hub": "Aucun hub : ce poste travaille seul",
        "no_hub_fix": "avec plusieurs postes, connectez le hub (« kiosk sync --hub ... »)",
        "hub_down": "Hub injoignable ({why})", "hub_down_fix": "vérifiez le réseau et l'adresse du hub",
        "hub": "Hub joignable",
        "no_doors": "Aucun autre poste n'a rejoint la soirée",
        "no_doors_fix": "sur chaque poste : « kiosk join » (ou Rejoindre une soirée)",
        "door_ok": "Poste « {name} » vu il y a {ago}",
        "door_away": "Poste « {name} » vu il y a {ago}",
        "door_away_fix": "ouvrez kiosk sur ce poste et vérifiez son réseau",
        "door_unpaired": "Poste « {name} » appairé mais jamais connecté",
        "door_unpaired_fix": "sur ce poste : Rejoindre une soirée avec son code (« kiosk join --pairing »)",
        "clock_off": "Horloge du poste « {name} » décalée de {off}",
        "clock_fix": "mettez ce poste à l'heure (réglage automatique de l'heure)",
        "no_key": "Aucune clé de billets sur ce poste",
        "no_key_fix": "« kiosk keys init » sur le poste de l'organisateur",
        "key_differs": "La clé de billets de ce poste ({mine}) n'est pas celle du hub ({hub})",
        "key_differs_fix": "ce poste doit rejoindre la soirée avec l'empreinte de l'organisateur",
        "key": "Clé de billets {fp}", "key_hub": "Clé de billets {fp}, la même qu'au hub",
        "s": "{n} s", "min": "{n} min", "h": "{n} h",
    },
    "en": {
        "no_event": "No active event",
        "no_event_fix": "create the event (Kiosk → Events, or \"kiosk event create\")",
        "demo": "The active event is the demo", "demo_fix": "create or choose the real event",
        "event": "Event: {name}",
        "no_date": "The event has no date", "no_date_fix": "set its date and time",
        "past": "The event is dated {day}, already past", "past_fix": "check the date, or choose the right event",
        "date": "Date: {day}",
        "no_guests": "No guests imported",
        "no_guests_fix": "import the registrations (Import…, or \"kiosk import\")",
        "guests": "{n} guests",
        "printer_pdf": "Badges: PDF folder ({where}), {n} badge(s) made",
        "printer": "Printer {where}: {n} badge(s) printed",
        "printer_untested": "Printer {where} never tried",
        "pdf_untested": "Badges: PDF folder ({where}), never tried",
        "printer_fix": "print a test badge (Settings → Print a test badge)",
        "no_pin": "No staff PIN", "no_pin_fix": "set it in Settings (or \"kiosk pin set\")",
        "pin": "Staff PIN set",
        "no_notice": "No privacy notice", "notice": "Privacy notice complete",
        "notice_incomplete": "Privacy notice incomplete: {missing}",
        "notice_fix": "complete it in the event (controller, purpose, retention period, contact)",
        "m_placeholder": "parts are still to be completed", "m_contact": "no contact",
        "m_retention": "no retention period", "m_short": "too short",
        "no_hub": "No hub: this kiosk works alone",
        "no_hub_fix": "with several doors, connect the hub (\"kiosk sync --hub ...\")",
        "hub_down": "Hub unreachable ({why})", "hub_down_fix": "check the network and the hub's address",
        "hub": "Hub reachable",
        "no_doors": "No other door has joined the evening",
        "no_doors_fix": "on each door: \"kiosk join\" (or Join an evening)",
        "door_ok": "Door \"{name}\" seen {ago} ago",
        "door_away": "Door \"{name}\" seen {ago} ago", "door_away_fix": "open kiosk on that door and check its network",
        "door_unpaired": "Door \"{name}\" paired but never connected",
        "door_unpaired_fix": "on that laptop: Join an evening with its code (\"kiosk join --pairing\")",
        "clock_off": "Door \"{name}\"'s clock is {off} off",
        "clock_fix": "set that laptop's clock right (automatic time)",
        "no_key": "No ticket key on this kiosk", "no_key_fix": "\"kiosk keys init\" on the organiser's kiosk",
        "key_differs": "This kiosk's ticket key ({mine}) is not the hub's ({hub})",
        "key_differs_fix": "this door must join the evening with the organiser's fingerprint",
        "key": "Ticket key {fp}", "key_hub": "Ticket key {fp}, the same as the hub's",
        "s": "{n} s", "min": "{n} min", "h": "{n} h",
    },
}

_CONTACT = re.compile(r"[^\s@]+@[^\s@]+\.[a-z]{2,}|https?://\S+|(?:\+33|0)\s?[1-9](?:[\s.-]?\d{2}){4}", re.I)
_RETENTION = re.compile(r"\{retention\}|\d+\s*(?:jours?|semaines?|mois|ans?|days?|weeks?|months?|years?)\b", re.I)
_PLACEHOLDER = re.compile(r"\[[^\]]*\]|…\s*à compléter|à compléter|to be completed|\bTODO\b|\bXXX\b", re.I)
NOTICE_MIN_CHARS = 120  # shorter than this cannot name a controller, a purpose, a retention and a contact


def notice_missing(notice: str | None) -> list[str]:
    """What a privacy notice lacks to be complete (keys of the wording): empty when complete."""
    text = (notice or "").strip()
    missing = []
    if _PLACEHOLDER.search(text):
        missing.append("m_placeholder")
    if len(text) < NOTICE_MIN_CHARS:
        missing.append("m_short")
    if not _RETENTION.search(text):
        missing.append("m_retention")
    if not _CONTACT.search(text):
        missing.append("m_contact")
    return missing


def judge(facts: Facts, lang: str = "fr") -> list[Line]:
    """The readiness list, in order: event, date, guests, printer, PIN, notice, hub, doors, key."""
    w = _W.get(lang, _W["fr"])

    def say(key: str, /, **values: object) -> str:
        return w[key].format(**values)

    lines = [_event(facts, say)]
    if facts.event_name is None:
        return lines
    lines.append(_date(facts, say, lang))
    lines.append(Line("guests", OK, say("guests", n=facts.guests)) if facts.guests
                 else Line("guests", FAIL, say("no_guests"), say("no_guests_fix")))
    lines.append(_printer(facts, say))
    lines.append(Line("pin", OK, say("pin")) if facts.pin_set else Line("pin", FAIL, say("no_pin"), say("no_pin_fix")))
    lines.append(_notice(facts, say))
    lines.extend(_hub(facts, say))
    lines.append(_key(facts, say))
    return lines


def ready(lines: list[Line]) -> bool:
    """Ready when no line is red (amber lines are said, not blocking)."""
    return all(line.state != FAIL for line in lines)


def _event(facts: Facts, say: _Say) -> Line:
    if facts.event_name is None:
        return Line("event", FAIL, say("no_event"), say("no_event_fix"))
    if facts.is_demo:
        return Line("event", FAIL, say("demo"), say("demo_fix"))
    return Line("event", OK, say("event", name=facts.event_name))


def _date(facts: Facts, say: _Say, lang: str) -> Line:
    if facts.starts_on is None:
        return Line("date", FAIL, say("no_date"), say("no_date_fix"))
    day = facts.starts_on.strftime("%d/%m/%Y" if lang == "fr" else "%Y-%m-%d")
    if facts.starts_on < facts.today:
        return Line("date", FAIL, say("past", day=day), say("past_fix"))
    return Line("date", OK, say("date", day=day))


def _printer(facts: Facts, say: _Say) -> Line:
    where = facts.printer_name or facts.printer
    if facts.printer == "pdf":
        if facts.printed:
            return Line("printer", OK, say("printer_pdf", where=where, n=facts.printed))
        return Line("printer", FAIL, say("pdf_untested", where=where), say("printer_fix"))
    if facts.printed:
        return Line("printer", OK, say("printer", where=where, n=facts.printed))
    return Line("printer", FAIL, say("printer_untested", where=where), say("printer_fix"))


def _notice(facts: Facts, say: _Say) -> Line:
    if not (facts.privacy_notice or "").strip():
        return Line("notice", FAIL, say("no_notice"), say("notice_fix"))
    missing = notice_missing(facts.privacy_notice)
    if missing:
        return Line("notice", FAIL, say("notice_incomplete", missing=", ".join(say(m) for m in missing)),
                    say("notice_fix"))
    return Line("notice", OK, say("notice"))


def _ago(seconds: float, say: _Say) -> str:
    s = max(0, int(seconds))
    if s < 120:
        return say("s", n=s)
    if s < 7200:
        return say("min", n=s // 60)
    return say("h", n=s // 3600)


def _hub(facts: Facts, say: _Say) -> list[Line]:
    if facts.hub is None:
        return [Line("hub", WARN, say("no_hub"), say("no_hub_fix"))]
    if facts.hub_error is not None:
        return [Line("hub", FAIL, say("hub_down", why=facts.hub_error), say("hub_down_fix"))]
    lines = [Line("hub", OK, say("hub"))]
    others = [d for d in facts.doors if not d.mine]
    if not others:
        lines.append(Line("doors", WARN, say("no_doors"), say("no_doors_fix")))
    for name in facts.unpaired:
        lines.append(Line("door", FAIL, say("door_unpaired", name=name), say("door_unpaired_fix")))
    for door in facts.doors:
        ago = _ago(door.seen_s_ago, say)
        if door.seen_s_ago > DOOR_SEEN_S:
            lines.append(Line("door", FAIL, say("door_away", name=door.name, ago=ago), say("door_away_fix")))
        elif door.offset_s is not None and abs(door.offset_s) > CLOCK_OFF_S:
            off = f"{door.offset_s:+.0f} s"
            lines.append(Line("clock", FAIL, say("clock_off", name=door.name, off=off), say("clock_fix")))
        else:
            lines.append(Line("door", OK, say("door_ok", name=door.name, ago=ago)))
    return lines


def _key(facts: Facts, say: _Say) -> Line:
    if not facts.fingerprints:  # alone, plain ticket codes work; with doors, the organiser's facts go unsigned
        return Line("key", FAIL if facts.hub else WARN, say("no_key"), say("no_key_fix"))
    mine = facts.fingerprints[0]
    if facts.hub is None or facts.hub_error is not None or not facts.hub_fingerprints:
        return Line("key", OK, say("key", fp=mine))
    if not set(facts.fingerprints) & set(facts.hub_fingerprints):
        return Line("key", FAIL, say("key_differs", mine=mine, hub=facts.hub_fingerprints[0]),
                    say("key_differs_fix"))
    return Line("key", OK, say("key_hub", fp=mine))
