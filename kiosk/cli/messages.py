"""The command line's own sentences, French first, English second, chosen at the edge like the
verdicts (kiosk/domain/messages.py). The language: --lang, else the one saved in settings.json,
else $LC_ALL / $LC_MESSAGES / $LANG (fr_* or en_*), else French.
"""

from __future__ import annotations

import os
from collections.abc import Mapping

from kiosk.domain.messages import LANGUAGES
from kiosk.domain.os_errors import OsReason

__all__ = ["LANGUAGES"]

_TEXT: dict[str, dict[str, str]] = {
    "fr": {
        "version": "kiosk, version {version}",
        "newer_database": "{path} vient d'une version plus récente de kiosk (schéma v{found} ; celle-ci lit "
                          "jusqu'à v{supported}) : installez la dernière version de kiosk. Rien n'a été modifié.",
        "start_failed": "kiosk ne peut pas démarrer",
        "start_log": "Détails dans le journal : {log}",
        "no_display": "pas d'écran : la fenêtre de kiosk a besoin d'un affichage graphique (DISPLAY ou "
                      "WAYLAND_DISPLAY vide). Les commandes (« kiosk --help ») marchent sans écran.",
        "version_unknown": "kiosk, version inconnue : cette copie des sources n'est pas installée "
                           "(« make run » ou « pip install -e . » l'installent)",
        "no_match": "Aucun résultat.",
        "waitlist_empty": "Personne en liste d'attente.",
        "cancelled": "annulé",
        "checked_in": "entré·e",
        "registered": "Inscrit·e : {name} ({code})",
        "already_registered": "Déjà inscrit·e : {name} ({code})",
        "edited": "Modifié : {name} ({code}) — {fields}",
        "stats": "inscrits {registered}  entrés {checked_in}  présents {inside}{cap}  "
                 "inscrits sur place {walk_ins}  annulés {cancelled}",
        "stats_row": "  {title} {name} : {checked_in}/{registered} arrivés, {inside} présents",
        "stats_other": " (dont {n} sur inscription annulée)",
        "workshop": "atelier",
        "category": "catégorie",
        "nothing_to_undo": "Rien à défaire sur ce poste.",
        "undone": "Défait : {kind} de {code} à {when}",
        "event_created": "Événement créé : {name} ({id})",
        "event_edited": "Événement modifié : {name} ({id})",
        "event_used": "Événement actif : {name} ({id})",
        "no_events": "Aucun événement : lancez « kiosk demo » ou « kiosk event create --name … ».",
        "guests": "{registered} inscrits",
        "badge_out": "Badge imprimé : {name} → {where}",
        "badge_waiting": "Badge en attente : {name} ({why}) — il sortira dès que l'imprimante sera prête, "
                         "si « kiosk sync --watch » ou « kiosk print --resume --watch » tourne sur ce poste",
        "badges_resumed": "{done} badge(s) imprimé(s), {left} en attente → {where}",
        "demo_ready": "Événement de démonstration prêt : {name} — {total} invités fictifs ({cancelled} annulés)",
        "demo_refused": "ce dossier de données sert l'événement « {name} » : « kiosk demo --force » rend "
                        "la démo active (l'autre événement est gardé, « kiosk event use » y revient)",
        "no_event": "aucun événement dans ce dossier de données : lancez « kiosk demo » ou "
                    "« kiosk event create --name … »",
        "no_such_event": "aucun événement ne correspond à « {ref} » : voyez « kiosk event list »",
        "no_such_attendee": "aucun·e invité·e avec l'id ou le code de billet « {ref} » : cherchez par le nom "
                            "(« kiosk search »)",
        "label_id": "id : ", "label_starts": "début : ", "label_venue": "lieu : ", "label_capacity": "capacité : ",
        "label_workshops": "ateliers : ", "label_categories": "catégories : ",
        "label_data_dir": "dossier de données : ",
        "counts": "inscrits : {registered}, entrés : {checked_in}, présents : {inside}",
        "ambiguous_event": "plusieurs événements correspondent à « {ref} » : donnez l'id complet "
                           "(« kiosk event list »)",
        "no_signing_key": "aucune clé privée de signature : lancez d'abord « kiosk keys init » "
                          "(organisateur seulement)",
        "not_saved": "rien n'a été enregistré : {reason}",
        "io_error": "{what} : {why}",
        "cannot_write_file": "impossible d'écrire {path} : {why}",
        "no_code_found": "aucun code trouvé",
        "frame": "image {frame}",
        "import_summary": "{dry_run}{file} : ajoutés {added}, mis à jour {updated}, inchangés {unchanged}, "
                          "annulés {cancelled}{pruned}, ignorés {skipped}",
        "import_dry_run": "Essai — rien n'a été écrit. ",
        "import_pruned": ", annulés par --prune {pruned}",
        "import_sheet": "feuille « {sheet} » ; ",
        "import_matched": "  {sheet}lignes reconnues par {matched_by}{matches}",
        "import_match": "{count} par {how}",
        "import_code_source": "  code de billet lu dans la colonne « {column} »",
        "import_into_demo": "kiosk: attention : l'événement actif est la démonstration #Plus20 ; les invité·es de "
                            "{file} rejoignent ses invité·es fictif·ves, dont les codes ouvrent aussi la porte. Pour "
                            "votre événement : kiosk event create --name « … », puis importez.",
        "import_skipped": "  ligne {line} : ignorée — {reason}",
        "import_warning": "kiosk: {file}, ligne {line} : {message}",
        "import_more_warnings": "kiosk: {file} : … et {count} autres lignes avec des avertissements d'encodage",
        "import_missing": "  {count} invité·e(s) importé·e(s) absent·e(s) de ce fichier (gardé·e(s) ; "
                          "--prune pour les annuler) :",
        "import_more": "    … et {count} de plus",
        "import_overwrite_hint": "  (import --overwrite impose les valeurs du fichier à la place des corrections)",
        # --- organisers' commands (export, badges, tickets, duplicates, occupancy, PIN, hub)
        "exported": "{count} participant·es exporté·es dans {file}",
        "badge_written": "{name} : {output} ({format})",
        "badges_written": "{badges} badges, {pages} pages : {output} ({format})",
        "tickets_written": "{count} billets dans {folder} ; publipostage : {mailing}",
        "progress_badges": "badges",
        "progress_tickets": "billets",
        "progress_export": "export",
        "progress_import": "import (lignes)",
        "progress_phase_read": "lecture du fichier…",
        "progress_phase_match": "comparaison avec les invité·es…",
        "progress_phase_write": "enregistrement…",
        "progress_phase_index": "index de recherche…",
        "progress_done": "{label} : {total} faits",
        "no_duplicate_entry": "Aucune entrée en double.",
        "duplicate_entry": "{name} ({code}) : {first_device} {first_at} puis {second_device} {second_at}",
        "no_walk_in_pair": "Personne inscrit·e deux fois sur place.",
        "walk_in_pair_and": "  et",
        "merged": "{other} ({other_id}) fusionné·e dans {keep} ({keep_id}) ; l'autre fiche est annulée, "
                  "ses passages comptent pour celle gardée.",
        "not_same": "Enregistré : deux personnes différentes ; cette paire ne sera plus proposée.",
        "evacuation_written": "liste d'évacuation ({count} personnes) écrite dans {file}",
        "present_head": "{count} présent·es à {time}",
        "report_where": "dites où écrire le rapport : -o RAPPORT.pdf (ou --json)",
        "report_written": "rapport écrit dans {file}",
        "checked_out": "{count} personnes sorties",
        "pin_prompt": "Nouveau code PIN de l'équipe : ",
        "pin_invalid": "kiosk: un code PIN de l'équipe a de 4 à 12 chiffres",
        "pin_set": "code PIN de l'équipe enregistré",
        "joined": "Rejoint {name} ({event_id}) : {guests} invité·es, {scans} passages. Clés des billets : "
                  "la publique seulement ({fingerprints}).",
        "hub_status": "Hub {hub} : schéma v{schema}, {scans} passages, {kiosks} postes",
        "hub_kiosk": "  {name:<16} dernier contact {when} UTC  {scans:>7} passages  {queued} en attente{detail}"
                     "  horloge {offset}  ({id})",
        "hub_queued_detail": " (passages {scans}, invité·es {guests}, badges {prints}, décisions {links})",
        "hub_event": "    {event} : {state}  (ici {scans} passages, {guests} invité·es ;"
                     " hub {hub_scans}, {hub_guests})",
        "hub_up_to_date": "à jour",
        "hub_behind": "en retard de {what}",
        "hub_scans_n": "{n} passage(s)",
        "hub_guests_n": "{n} invité·e(s)",
        "hub_and": " et ",
        "hub_waiting": " dont {n} en attente de leur invité·e",
        "hub_differs": "diffère : {scans} passages connus du hub ici, {expected} attendus",
        "hub_differs_guests": "diffère : {missing} invité·e(s) du hub absent(s) ici",
        "hub_unreported": "    n'a pas encore dit ce qu'il détient (synchroniser ce poste)",
        "join_key_offered": "Le hub présente la clé des billets d'empreinte :",
        "join_key_same": "Est-ce l'empreinte que montre « kiosk keys show » sur la machine de l'organisation ? [o/N]",
        "no_key": "aucune",
        "door_added": "Poste « {door} » ajouté : son accès au hub est {role}. Sur ce poste, ouvrez kiosk → "
                      "Rejoindre une soirée et lisez le QR code, ou : kiosk join --pairing CODE\n{text}",
        "door_qr": "QR code écrit dans {path}",
        "doors_none": "Aucun poste appairé sur ce hub (kiosk hub add-door NOM).",
        "door_line": "  {name:<18} {state:<10} créé {created} UTC  dernier contact {seen}",
        "door_active": "actif", "door_waiting": "en attente", "door_revoked": "révoqué",
        "door_never": "jamais",
        "door_revoked_done": "Poste « {name} » révoqué : il ne peut plus se connecter au hub ; ses passages restent.",
        "pairing_bad": "code d'appairage illisible : {why}",
        "need_hub_admin": "donnez l'adresse du hub avec son accès administrateur : --hub URL ou ${env}",
    },
    "en": {
        "version": "kiosk version {version}",
        "newer_database": "{path} comes from a newer kiosk (schema v{found}; this one reads up to "
                          "v{supported}): install the latest kiosk. Nothing was changed.",
        "start_failed": "kiosk cannot start",
        "start_log": "Details in the log: {log}",
        "no_display": "no display: kiosk's window needs a graphical display (DISPLAY or WAYLAND_DISPLAY "
                      "is empty). The commands (kiosk --help) work without one.",
        "version_unknown": "kiosk, unknown version: this source checkout is not installed "
                           "(`make run` or `pip install -e .` installs it)",
        "no_match": "No match.",
        "waitlist_empty": "Nobody on the waiting list.",
        "cancelled": "cancelled",
        "checked_in": "checked in",
        "registered": "Registered: {name} ({code})",
        "already_registered": "Already registered: {name} ({code})",
        "edited": "Edited: {name} ({code}) — {fields}",
        "stats": "registered {registered}  checked in {checked_in}  inside {inside}{cap}  "
                 "walk-ins {walk_ins}  cancelled {cancelled}",
        "stats_row": "  {title} {name}: {checked_in}/{registered} arrived, {inside} inside",
        "stats_other": " (of whom {n} on a cancelled registration)",
        "workshop": "workshop",
        "category": "category",
        "nothing_to_undo": "Nothing to undo on this device.",
        "undone": "Undone: {kind} of {code} at {when}",
        "event_created": "Event created: {name} ({id})",
        "event_edited": "Event edited: {name} ({id})",
        "event_used": "Active event: {name} ({id})",
        "no_events": "No event: run 'kiosk demo' or 'kiosk event create --name ...'.",
        "guests": "{registered} registered",
        "badge_out": "Badge printed: {name} → {where}",
        "badge_waiting": "Badge waiting: {name} ({why}) — it comes out as soon as the printer is ready "
                         "if `kiosk sync --watch` or `kiosk print --resume --watch` runs on this kiosk",
        "badges_resumed": "{done} badge(s) printed, {left} waiting → {where}",
        "demo_ready": "Demo event ready: {name} — {total} fictitious guests ({cancelled} cancelled)",
        "demo_refused": "this data dir serves the event '{name}': 'kiosk demo --force' makes the demo "
                        "the active event (the other is kept; 'kiosk event use' switches back)",
        "no_event": "no event in this data dir: run 'kiosk demo' or 'kiosk event create --name ...'",
        "no_such_event": "no event matches '{ref}': see 'kiosk event list'",
        "no_such_attendee": "no attendee with id or ticket code '{ref}': search by name ('kiosk search')",
        "label_id": "id: ", "label_starts": "starts: ", "label_venue": "venue: ", "label_capacity": "capacity: ",
        "label_workshops": "workshops: ", "label_categories": "categories: ", "label_data_dir": "data dir: ",
        "counts": "registered: {registered}, checked in: {checked_in}, inside: {inside}",
        "ambiguous_event": "several events match '{ref}': give the whole id ('kiosk event list')",
        "no_signing_key": "no ticket-signing private key: run 'kiosk keys init' first (organiser only)",
        "not_saved": "nothing was recorded: {reason}",
        "io_error": "{what}: {why}",
        "cannot_write_file": "cannot write {path}: {why}",
        "no_code_found": "no code found",
        "frame": "frame {frame}",
        "import_summary": "{dry_run}{file}: added {added}, updated {updated}, unchanged {unchanged}, "
                          "cancelled {cancelled}{pruned}, skipped {skipped}",
        "import_dry_run": "Dry run — nothing written. ",
        "import_pruned": ", pruned {pruned}",
        "import_sheet": "sheet {sheet!r}; ",
        "import_matched": "  {sheet}rows matched by {matched_by}{matches}",
        "import_match": "{count} on {how}",
        "import_code_source": "  ticket code read from column {column!r}",
        "import_into_demo": "kiosk: warning: the active event is the #Plus20 demo; the guests of {file} join its "
                            "fictitious guests, whose codes open the door too. For your own event: kiosk event "
                            "create --name \"…\", then import.",
        "import_skipped": "  line {line}: skipped — {reason}",
        "import_warning": "kiosk: {file} line {line}: {message}",
        "import_more_warnings": "kiosk: {file}: … and {count} more lines with encoding warnings",
        "import_missing": "  {count} imported attendee(s) are not in this file (kept; use --prune to cancel them):",
        "import_more": "    … and {count} more",
        "import_overwrite_hint": "  (import --overwrite puts the file's values in place of the corrections)",
        # --- organisers' commands (export, badges, tickets, duplicates, occupancy, PIN, hub)
        "exported": "Exported {count} attendees to {file}",
        "badge_written": "{name}: {output} ({format})",
        "badges_written": "{badges} badges, {pages} pages: {output} ({format})",
        "tickets_written": "{count} tickets in {folder}; mail merge: {mailing}",
        "progress_badges": "badges",
        "progress_tickets": "tickets",
        "progress_export": "export",
        "progress_import": "import (rows)",
        "progress_phase_read": "reading the file…",
        "progress_phase_match": "comparing with the guests…",
        "progress_phase_write": "saving…",
        "progress_phase_index": "search index…",
        "progress_done": "{label}: {total} done",
        "no_duplicate_entry": "No duplicate entry.",
        "duplicate_entry": "{name} ({code}): {first_device} {first_at} then {second_device} {second_at}",
        "no_walk_in_pair": "No walk-in registered twice.",
        "walk_in_pair_and": "  and",
        "merged": "Merged {other} ({other_id}) into {keep} ({keep_id}); the other record is cancelled, "
                  "its scans count for the kept one.",
        "not_same": "Recorded: two different people; this pair is not offered again.",
        "evacuation_written": "evacuation list ({count} people) written to {file}",
        "present_head": "{count} inside at {time}",
        "report_where": "say where to write the report: -o OUT.pdf (or --json)",
        "report_written": "report written to {file}",
        "checked_out": "checked out {count} people",
        "pin_prompt": "New staff PIN: ",
        "pin_invalid": "kiosk: a staff PIN is 4 to 12 digits",
        "pin_set": "staff PIN set",
        "joined": "Joined {name} ({event_id}): {guests} guests, {scans} scans. Ticket keys: public only"
                  " ({fingerprints}).",
        "hub_status": "Hub {hub}: schema v{schema}, {scans} scans, {kiosks} kiosks",
        "hub_kiosk": "  {name:<16} last contact {when} UTC  {scans:>7} scans  {queued} queued{detail}"
                     "  clock {offset}  ({id})",
        "hub_queued_detail": " (scans {scans}, guests {guests}, badges {prints}, decisions {links})",
        "hub_event": "    {event}: {state}  (here {scans} scans, {guests} guests; hub {hub_scans}, {hub_guests})",
        "hub_up_to_date": "up to date",
        "hub_behind": "behind by {what}",
        "hub_scans_n": "{n} scan(s)",
        "hub_guests_n": "{n} guest(s)",
        "hub_and": " and ",
        "hub_waiting": ", {n} of them waiting for their guest",
        "hub_differs": "differs: holds {scans} of the hub's scans, {expected} expected",
        "hub_differs_guests": "differs: {missing} of the hub's guests missing here",
        "hub_unreported": "    has not said what it holds yet (sync this kiosk)",
        "join_key_offered": "The hub offers the ticket key with fingerprint:",
        "join_key_same": "Is it the fingerprint 'kiosk keys show' shows on the organiser's machine? [y/N]",
        "no_key": "none",
        "door_added": "Door \"{door}\" added: its hub login is {role}. On that laptop, open kiosk → Join an "
                      "evening and read the QR code, or: kiosk join --pairing CODE\n{text}",
        "door_qr": "QR code written to {path}",
        "doors_none": "No door paired on this hub (kiosk hub add-door NAME).",
        "door_line": "  {name:<18} {state:<10} created {created} UTC  last contact {seen}",
        "door_active": "active", "door_waiting": "waiting", "door_revoked": "revoked",
        "door_never": "never",
        "door_revoked_done": "Door \"{name}\" revoked: it can no longer connect to the hub; its scans stay.",
        "pairing_bad": "unreadable pairing code: {why}",
        "need_hub_admin": "give the hub's address with its administrator login: --hub URL or ${env}",
    },
}


def text(key: str, lang: str, **values: object) -> str:
    """The sentence ``key`` in ``lang`` (French when the language is unknown); the system's words for an
    OSError (an OsReason value) in that language too."""
    table = _TEXT.get(lang, _TEXT["fr"])
    worded = {k: v.message(lang if lang in _TEXT else "fr") if isinstance(v, OsReason) else v
              for k, v in values.items()}
    return table[key].format(**worded)


def version_line(version: str | None, lang: str) -> str:
    """What `kiosk --version` prints: the version as each language writes it, or why it is unknown."""
    return text("version", lang, version=version) if version else text("version_unknown", lang)


def language(explicit: str | None, saved: str | None, environ: Mapping[str, str] = os.environ) -> str:
    """--lang, else the language saved in settings.json, else the locale's, else French."""
    for choice in (explicit, saved):
        if choice in LANGUAGES:
            return choice
    for var in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = environ.get(var, "")
        if value and value.split(".")[0] not in ("C", "POSIX"):  # the first real locale decides
            return "en" if value.startswith("en") else "fr"
    return "fr"
