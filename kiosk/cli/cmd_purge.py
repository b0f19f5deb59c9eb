"""`kiosk purge [--now] [--dry-run] [--json]`: erase the guests' personal data after the evening."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Any

from kiosk.cli.context import Context

if TYPE_CHECKING:
    from kiosk.service.purge import Done, Plan

_WORDS: dict[str, dict[str, str]] = {
    "fr": {
        "nothing_due": "Rien à effacer : aucune durée de conservation n'est écoulée (« kiosk purge --now » "
                       "efface l'événement actif tout de suite).",
        "plan_head": "{name} : conservation jusqu'au {due}{state}",
        "plan_due": " (écoulée)",
        "plan_purged": " — déjà effacé le {at}",
        "plan_goes": "  effacé : noms, e-mails, structures, codes de billet de {guests} invités ; texte libre de "
                     "{scans} passages (code saisi, équipier, motif) ; {waitlist} contacts en liste d'attente ; "
                     "{files} fichiers ({size})",
        "plan_file": "    {kind} {path} ({size})",
        "plan_stays": "  gardé : les totaux du bilan (par atelier, catégorie, heure ; pic ; sur place ; absents)",
        "plan_export": "  dernier export : {at}",
        "plan_no_export": "  attention : aucun export depuis le dernier import ou passage (dernier : {at})",
        "plan_db": "  base de données : {size} (réduite par VACUUM)",
        "dry": "Essai : rien n'a été effacé.",
        "done": "{name} : données personnelles effacées ({guests} invités, {scans} passages, {files} fichiers) ; "
                "base {before} → {after}",
        "never": "jamais",
        "wal_busy": "attention : une autre fenêtre kiosk lit cette base ; fermez-la puis relancez "
                    "« kiosk purge --now » pour vider aussi le journal (kiosk.db-wal)",
        "leave_refused": "{unsent} passages de « {name} » ne sont pas encore arrivés au hub : synchronisez "
                         "(« kiosk sync ») ou « kiosk leave --force » (ils seront perdus)",
        "left": "Copie de « {name} » effacée de ce poste ({files} fichiers, {lost} passages non envoyés perdus) ; "
                "retour à la démo : {demo}",
    },
    "en": {
        "nothing_due": "Nothing to erase: no retention period has passed (\"kiosk purge --now\" erases the "
                       "active event now).",
        "plan_head": "{name}: kept until {due}{state}",
        "plan_due": " (passed)",
        "plan_purged": " — already erased on {at}",
        "plan_goes": "  erased: names, e-mails, organisations, ticket codes of {guests} guests; free text of "
                     "{scans} scans (typed code, staff, reason); {waitlist} waiting-list contacts; "
                     "{files} files ({size})",
        "plan_file": "    {kind} {path} ({size})",
        "plan_stays": "  kept: the report's totals (per workshop, category, hour; peak; walk-ins; no-shows)",
        "plan_export": "  last export: {at}",
        "plan_no_export": "  warning: no export since the last import or scan (last one: {at})",
        "plan_db": "  database: {size} (shrunk by VACUUM)",
        "dry": "Dry run: nothing was erased.",
        "done": "{name}: personal data erased ({guests} guests, {scans} scans, {files} files); "
                "database {before} → {after}",
        "never": "never",
        "wal_busy": "warning: another kiosk window is reading this database; close it, then run "
                    "\"kiosk purge --now\" again to empty its log (kiosk.db-wal) too",
        "leave_refused": "{unsent} scans of \"{name}\" have not reached the hub yet: sync (\"kiosk sync\") or "
                         "\"kiosk leave --force\" (they will be lost)",
        "left": "This door's copy of \"{name}\" erased ({files} files, {lost} unsent scans lost); back to the "
                "demo: {demo}",
    },
}


def words(ctx: Context, key: str, **values: object) -> str:
    return _WORDS.get(ctx.lang, _WORDS["fr"])[key].format(**values)


def register(sub: Any) -> None:
    _register_purge(sub)
    register_leave(sub)


def _register_purge(sub: Any) -> None:
    purge = sub.add_parser("purge", help="erase guests' personal data once the event's retention has passed")
    purge.add_argument("--now", action="store_true",
                       help="erase the active event now, whatever its retention period")
    purge.add_argument("--dry-run", action="store_true", help="say what would be erased and kept, erase nothing")
    purge.add_argument("--json", action="store_true")
    purge.set_defaults(handler=_purge, no_auto_purge=True)  # a dry run erases nothing, not even what is due


def size_text(n: int) -> str:
    for unit in ("B", "kB", "MB", "GB"):
        if n < 1000 or unit == "GB":
            return f"{n} {unit}" if unit == "B" else f"{n:.1f} {unit}"
        n /= 1000  # type: ignore[assignment]
    return f"{n} B"


def plan_json(p: Plan) -> dict[str, object]:
    return {"event_id": p.event.id, "event": p.event.name, "retention": p.event.retention, "due_at": p.due_at,
            "due": p.due, "purged_at": p.purged_at, "guests": p.guests, "scans": p.scans, "waitlist": p.waitlist,
            "files": [{"path": str(f.path), "kind": f.kind, "bytes": f.size} for f in p.files],
            "files_bytes": sum(f.size for f in p.files), "database_bytes": p.database_bytes,
            "last_export": p.last_export, "last_change": p.last_change, "export_stale": p.export_stale,
            "kept": ["workshop", "category", "status", "source", "presence", "scan kinds and times"]}


def done_json(d: Done) -> dict[str, object]:
    return {"event_id": d.event_id, "purged_at": d.purged_at, "guests": d.guests, "scans": d.scans,
            "files_deleted": d.files_deleted, "database_bytes_before": d.bytes_before,
            "database_bytes_after": d.bytes_after, "wal_emptied": d.wal_emptied}


def _plan_lines(ctx: Context, p: Plan) -> list[str]:
    from kiosk.domain.rules import local_timestamp

    state = words(ctx, "plan_purged", at=local_timestamp(p.purged_at)) if p.purged_at else (
        words(ctx, "plan_due") if p.due else "")
    lines = [words(ctx, "plan_head", name=p.event.name, due=local_timestamp(p.due_at), state=state),
             words(ctx, "plan_goes", guests=p.guests, scans=p.scans, waitlist=p.waitlist, files=len(p.files),
                   size=size_text(sum(f.size for f in p.files)))]
    lines += [words(ctx, "plan_file", kind=f.kind, path=f.path, size=size_text(f.size)) for f in p.files]
    lines.append(words(ctx, "plan_stays"))
    if p.export_stale:
        lines.append(words(ctx, "plan_no_export", at=local_timestamp(p.last_export) or words(ctx, "never")))
    else:
        lines.append(words(ctx, "plan_export", at=local_timestamp(p.last_export)))
    lines.append(words(ctx, "plan_db", size=size_text(p.database_bytes)))
    return lines


def _purge(ctx: Context) -> int:
    from kiosk.service.purge import Purge

    k = ctx.kiosk()
    service = Purge(k)
    plans = [service.plan(k.event)] if ctx.args.now else service.plans(only_due=True)
    if ctx.args.dry_run:
        lines = [line for p in plans for line in _plan_lines(ctx, p)]
        ctx.emit({"dry_run": True, "events": [plan_json(p) for p in plans]},
                 "\n".join([*lines, words(ctx, "dry")]) if plans else words(ctx, "nothing_due"))
        return 0
    results = []
    for p in plans:
        if p.export_stale:
            ctx.say(words(ctx, "plan_no_export", at=p.last_export or words(ctx, "never")).strip())
        done = service.purge(p.event.id)
        if not done.wal_emptied:
            ctx.say(words(ctx, "wal_busy"))
        results.append((p, done))
    ctx.emit({"dry_run": False, "purged": [done_json(d) for _p, d in results]},
             "\n".join(words(ctx, "done", name=p.event.name, guests=d.guests, scans=d.scans, files=d.files_deleted,
                             before=size_text(d.bytes_before), after=size_text(d.bytes_after))
                       for p, d in results) if results else words(ctx, "nothing_due"))
    return 0


def register_leave(sub: Any) -> None:
    leave = sub.add_parser(
        "leave", help="erase this door's copy of the event (guests, scans, files, keys, PIN) and return to the demo")
    leave.add_argument("--force", action="store_true",
                       help="leave even though scans have not reached the hub (they are lost)")
    leave.add_argument("--json", action="store_true")
    leave.set_defaults(handler=_leave, no_auto_purge=True)


def _leave(ctx: Context) -> int:
    from kiosk.cli.context import EXIT_REFUSED
    from kiosk.domain.demo import is_demo
    from kiosk.service.purge import Purge

    k = ctx.kiosk()
    event = k.event
    service = Purge(k)
    unsent = service.unsent(event.id)
    if unsent and not ctx.args.force and not is_demo(event):
        sys.stderr.write("kiosk: " + words(ctx, "leave_refused", name=event.name, unsent=unsent) + "\n")
        return EXIT_REFUSED
    left = service.leave(event.id)
    k.reload_keys()
    demo = k.create_demo(force=True)
    ctx.emit({"left": event.id, "event": event.name, "unsent_lost": left.unsent_lost,
              "files_deleted": left.files_deleted, "database_bytes_before": left.bytes_before,
              "database_bytes_after": left.bytes_after, "active": demo.id},
             words(ctx, "left", name=event.name, files=left.files_deleted, lost=left.unsent_lost, demo=demo.name))
    return 0
