"""Human sentences for verdicts, French first, English second."""

from __future__ import annotations

from kiosk.domain.model import Attendee, Verdict

_TEXT: dict[str, dict[Verdict, str]] = {
    "fr": {
        Verdict.ACCEPTED: "Bienvenue {name} !",
        Verdict.ALREADY_CHECKED_IN: "{name} est déjà entré·e ({when}, {device}).",
        Verdict.UNKNOWN: "Billet inconnu : cherchez la personne par son nom.",
        Verdict.CANCELLED: "Billet annulé pour {name}.",
        Verdict.INVALID: "Code illisible ou falsifié.",
        Verdict.WRONG_EVENT: "Ce billet est pour un autre événement.",
        Verdict.EXIT_RECORDED: "Sortie enregistrée pour {name}.",
        Verdict.NOT_INSIDE: "{name} n'est pas à l'intérieur.",
    },
    "en": {
        Verdict.ACCEPTED: "Welcome {name}!",
        Verdict.ALREADY_CHECKED_IN: "{name} already checked in ({when}, {device}).",
        Verdict.UNKNOWN: "Unknown ticket: search the guest by name.",
        Verdict.CANCELLED: "Cancelled ticket for {name}.",
        Verdict.INVALID: "Unreadable or forged code.",
        Verdict.WRONG_EVENT: "This ticket is for another event.",
        Verdict.EXIT_RECORDED: "Exit recorded for {name}.",
        Verdict.NOT_INSIDE: "{name} is not inside.",
    },
}

LANGUAGES = tuple(_TEXT)


def verdict_message(
    verdict: Verdict,
    attendee: Attendee | None = None,
    *,
    when: str | None = None,
    device: str | None = None,
    lang: str = "fr",
) -> str:
    table = _TEXT.get(lang, _TEXT["fr"])
    return table[verdict].format(
        name=attendee.full_name if attendee else "?", when=when or "?", device=device or "?"
    )
