"""Human sentences the edges (CLI, window) show for service data: verdicts, the printer backlog.
French first, English second. The service returns data; the edge picks the words in its language."""

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


_BACKLOG = {
    "fr": ("Imprimante indisponible", "en attente", "en échec"),
    "en": ("Printer unavailable", "waiting", "failed"),
}


def backlog_message(pending: int, failed: int, printer_ok: bool, reason: str = "", *, lang: str = "fr") -> str | None:
    """One line for the top of the window (or after `kiosk print`) when badges are stuck; None when all
    is well. ``pending``: badges still to come out; ``failed``: badges given up on."""
    head, waiting, given_up = _BACKLOG.get(lang, _BACKLOG["fr"])
    parts: list[str] = []
    if not printer_ok and pending:
        noun = "badge" if pending == 1 else "badges"
        parts.append(f"{head} — {pending} {noun} {waiting}" + (f" ({reason})" if reason else ""))
    if failed:
        noun = "badge" if failed == 1 else "badges"
        parts.append(f"{failed} {noun} {given_up}")
    return " · ".join(parts) or None
