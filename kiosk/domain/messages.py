"""Human sentences the edges (CLI, window) show for service data: verdicts, the printer backlog.
French first, English second. The service returns data; the edge picks the words in its language."""

from __future__ import annotations

from kiosk.domain.model import Attendee, CheckinResult, Verdict
from kiosk.domain.rules import local_clock

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



def checkin_message(result: CheckinResult, lang: str = "fr") -> str:
    """A check-in's verdict in words, in ``lang``, the first entry's time as the door reads it (18:42)."""
    return verdict_message(result.verdict, result.attendee, when=local_clock(result.first_entry_at),
                           device=result.first_entry_device, lang=lang)


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


# Refusals the service raises as data (kiosk.service.errors.Refused: a key and values); the CLI and
# the window word them in their language. English is also what the logs get.
_REFUSALS: dict[str, dict[str, str]] = {
    "fr": {
        "names_required": "le prénom et le nom sont obligatoires",
        "field_too_long": "un champ dépasse {limit} caractères",
        "not_an_email": "« {email} » n'est pas une adresse e-mail",
        "unknown_choice": "{what} inconnu·e « {value} » ; choisissez parmi : {allowed}",
        "venue_full": "c'est complet ({inside}/{capacity} sur place)",
        "workshop_full": "l'atelier « {workshop} » est complet ({taken}/{capacity})",
        "override_needs_reason": "« laisser entrer » demande le nom de la personne de l'équipe et une raison",
        "no_scan": "aucun passage {scan_id}",
        "not_undoable": "seules les entrées, sorties et entrées autorisées se défont",
        "already_undone": "ce passage est déjà défait",
        "export_format": "exportez vers un fichier .csv ou .xlsx",
        "event_needs_name": "un événement a besoin d'un nom",
        "keys_exist": "une paire de clés existe déjà dans {directory} (--force pour la remplacer)",
        "join_needs_fingerprint": ("le hub présente la clé des billets d'empreinte {offered} : rien n'est gardé sans"
                                   " l'accord de l'organisation. Sur sa machine, « kiosk keys show » montre l'empreinte"
                                   " de sa clé ; si c'est la même, relancez avec --fingerprint \"EMPREINTE\""),
        "join_fingerprint_mismatch": ("l'empreinte donnée ({given}) n'est pas celle de la clé que présente le hub"
                                      " ({offered}) : rien n'est gardé. Ce hub ne sert pas la clé de l'organisation ;"
                                      " vérifiez l'empreinte avec « kiosk keys show » sur sa machine"),
        "join_key_differs": ("la clé des billets du hub ({offered}) n'est pas celle déjà gardée ici ({pinned}) :"
                             " refusée, une clé gardée n'est jamais remplacée (autre --data-dir si l'organisation a"
                             " vraiment changé de clé)"),
        "no_private_key": "pas de clé privée dans {directory} : lancez « kiosk keys init » (organisation seulement)",
        "not_a_private_key": "{path} n'est pas une clé privée Ed25519",
        "merge_same_guest": "on ne fusionne pas un·e invité·e avec lui-même ou elle-même",
        "merge_already_merged": "{name} a déjà été fusionné·e avec une autre fiche",
        "nothing_to_change": "rien à modifier : {name} a déjà ces valeurs",
        "pin_invalid": "un code PIN d'équipe a de 4 à 12 chiffres",
        "pin_not_set": "aucun code PIN d'équipe : lancez d'abord « kiosk pin set »",
        "pin_locked": "trop de codes PIN erronés : réessayez dans {seconds} s",
        "pin_unwritable": "le code PIN ne peut pas être vérifié : {path} n'est pas modifiable ({why})",
    },
    "en": {
        "names_required": "first and last name are required",
        "field_too_long": "a field is longer than {limit} characters",
        "not_an_email": "{email!r} is not an email address",
        "unknown_choice": "unknown {what} {value!r}; choose one of: {allowed}",
        "venue_full": "the venue is full ({inside}/{capacity} inside)",
        "workshop_full": "workshop {workshop!r} is full ({taken}/{capacity})",
        "override_needs_reason": "an override needs the staff member's name and a reason",
        "no_scan": "no scan {scan_id}",
        "not_undoable": "only entries, exits and overrides can be undone",
        "already_undone": "this scan was already undone",
        "export_format": "export to a .csv or .xlsx file",
        "event_needs_name": "an event needs a name",
        "keys_exist": "a key pair already exists in {directory} (use --force to replace it)",
        "join_needs_fingerprint": ("the hub offers the ticket key with fingerprint {offered}: nothing is kept"
                                   " without the organiser's word. On the organiser's machine, 'kiosk keys show'"
                                   " shows its key's fingerprint; if it is the same, run again with"
                                   " --fingerprint \"FINGERPRINT\""),
        "join_fingerprint_mismatch": ("the fingerprint given ({given}) is not the one of the key the hub offers"
                                      " ({offered}): nothing was kept. This hub does not serve the organiser's key;"
                                      " check the fingerprint with 'kiosk keys show' on the organiser's machine"),
        "join_key_differs": ("the hub's ticket key ({offered}) is not the one already kept here ({pinned}): refused,"
                             " a kept key is never replaced (use another --data-dir if the organiser really"
                             " changed keys)"),
        "no_private_key": "no private key in {directory}: run 'kiosk keys init' (organiser only)",
        "not_a_private_key": "{path} is not an Ed25519 private key",
        "merge_same_guest": "a guest cannot be merged with themselves",
        "merge_already_merged": "{name} was already merged into another record",
        "nothing_to_change": "nothing to change: {name} already has these values",
        "pin_invalid": "a staff PIN is 4 to 12 digits",
        "pin_not_set": "no staff PIN is set: run `kiosk pin set` first",
        "pin_locked": "too many wrong PINs: try again in {seconds} s",
        "pin_unwritable": "the PIN cannot be checked: {path} cannot be written ({why})",
    },
}


def refusal_message(key: str, lang: str = "en", **values: object) -> str:
    """A refusal's sentence in ``lang`` (English when the language is unknown)."""
    return _REFUSALS.get(lang, _REFUSALS["en"])[key].format(**values)


# --- replication: rows refused from the hub, a clock that cannot be right ----------------------
_SYNC: dict[str, dict[str, str]] = {
    "fr": {
        "clock_off": "l'horloge de cet ordinateur indique {when} : mettez-la à l'heure",
        "refused": "{count} ligne(s) reçue(s) du hub refusée(s) et mise(s) de côté",
        "refused_from": "{count} de {device}",
        "unknown_device": "appareil inconnu",
    },
    "en": {
        "clock_off": "this laptop's clock says {when}: set the time",
        "refused": "{count} row(s) pulled from the hub refused and kept aside",
        "refused_from": "{count} from {device}",
        "unknown_device": "unknown device",
    },
}


def clock_message(when: str, lang: str = "fr") -> str:
    """Said at the door and by `kiosk sync` when this computer's clock cannot be right; ``when`` is
    its local time as staff read it ('2001-01-01 12:00')."""
    return _SYNC[lang if lang in _SYNC else "fr"]["clock_off"].format(when=when)


def refused_message(total: int, by_device: list[tuple[str, str, int]], lang: str = "fr") -> str | None:
    """How many pulled rows this kiosk refused, and from which devices (name, else the id's start);
    None when none was."""
    if total <= 0:
        return None
    words = _SYNC[lang if lang in _SYNC else "fr"]
    sources = ", ".join(words["refused_from"].format(
        count=n, device=name or (device_id[:8] if device_id else words["unknown_device"]))
        for device_id, name, n in by_device[:5])
    return words["refused"].format(count=total) + (f" ({sources})" if sources else "")
