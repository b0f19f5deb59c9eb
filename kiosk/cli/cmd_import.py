"""`kiosk import FILE` and `kiosk export FILE`."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from kiosk.cli import messages
from kiosk.cli.context import Context, UsageError


def register(sub: Any) -> None:
    imp = sub.add_parser("import", help="import registrations (CSV/TSV/xlsx from HelloAsso, Weezevent, ...)")
    imp.add_argument("file", type=Path)
    imp.add_argument("--map", action="append", default=[], metavar="COLUMN=FIELD",
                     help="map a column by hand (FIELD: ticket_code, first_name, last_name, full_name, email, "
                          "organisation, category, workshop, status, ignore)")
    imp.add_argument("--dry-run", action="store_true", help="report what would change, change nothing")
    imp.add_argument("--prune", action="store_true", help="cancel imported attendees missing from this file")
    imp.add_argument("--force", action="store_true",
                     help="with --prune: cancel even when more than half of the event is missing from the file")
    imp.add_argument("--sheet", metavar="NAME", help="the workbook sheet to read (default: the one with attendees)")
    imp.add_argument("--overwrite", action="store_true",
                     help="the file's values replace the doors' corrections too (by default a field corrected "
                          "here or at a door keeps its correction until the platform's value changes)")
    imp.add_argument("--json", action="store_true")
    imp.set_defaults(handler=_import)
    exp = sub.add_parser("export", help="export attendees with their check-in status (.csv or .xlsx)")
    exp.add_argument("file", type=Path)
    exp.add_argument("--json", action="store_true")
    exp.set_defaults(handler=_export)


def _import(ctx: Context) -> int:
    from kiosk.cli.progress import Progress
    from kiosk.domain.demo import is_demo
    from kiosk.importing import ImportFileError, identity_words, parse_map_option, worded
    from kiosk.importing.messages import changes_lines
    from kiosk.service.importer import import_registrations

    try:
        overrides = parse_map_option(ctx.args.map)
    except ImportFileError as exc:
        raise UsageError(exc.message(ctx.lang)) from exc
    kiosk = ctx.kiosk()
    bar = Progress(ctx.text("progress_import"), ctx, every=1)  # the importer calls it every 2,000 rows
    try:
        report = import_registrations(kiosk, ctx.args.file, overrides=overrides, dry_run=ctx.args.dry_run,
                                      prune=ctx.args.prune, force=ctx.args.force, sheet=ctx.args.sheet,
                                      progress=bar, phase=bar.phase, overwrite=ctx.args.overwrite)
    finally:
        bar.close()  # its line ended, before the summary or the one line saying why not
    lang, name = ctx.lang, ctx.args.file.name  # ctx.lang reads settings.json: once, not once a line

    def t(key: str, **values: object) -> str:
        return messages.text(key, lang, **values)

    lines = [t("import_summary", dry_run=t("import_dry_run") if report.dry_run else "", file=name,
               added=report.added, updated=report.updated, unchanged=report.unchanged, cancelled=report.cancelled,
               skipped=len(report.skipped), pruned=t("import_pruned", pruned=report.pruned) if ctx.args.prune else "")]
    matched = ", ".join(t("import_match", count=n, how=identity_words(how, lang)) for how, n in report.matches.items())
    lines.append(t("import_matched", sheet=t("import_sheet", sheet=report.sheet) if report.sheet else "",
                   matched_by=identity_words(report.matched_by, lang), matches=f" ({matched})" if matched else ""))
    if report.code_source:  # the column the QR must hold: the organiser checks it before the night
        lines.append(t("import_code_source", column=report.code_source))
    lines += [t("import_skipped", line=s.line, reason=worded(s.reason, lang)) for s in report.skipped]
    # Which guest's fields changed, and the doors' corrections the file met (kept or replaced): the first 15 each.
    lines += ["  " + line for line in changes_lines(
        [(c.attendee.full_name, c.fields) for c in report.changed],
        [(c.attendee.full_name, c.field, c.current, c.file) for c in report.kept],
        [(c.attendee.full_name, c.field, c.current, c.file) for c in report.replaced], lang)]
    if report.kept:
        lines.append(t("import_overwrite_hint"))
    # Encoding repairs go to stderr too: stdout may be JSON, and a person should see them either way.
    for line, message in report.warnings[:50]:
        ctx.say(t("import_warning", file=name, line=line, message=worded(message, lang)))
    if len(report.warnings) > 50:
        ctx.say(t("import_more_warnings", file=name, count=len(report.warnings) - 50))
    if report.missing:
        lines.append(t("import_missing", count=len(report.missing)))
        lines += [f"    {a.ticket_code or a.id}  {a.full_name}" for a in report.missing[:50]]
        if len(report.missing) > 50:
            lines.append(t("import_more", count=len(report.missing) - 50))
    # Into the demo `make run` opened: said, not refused (a try-out with one's own file is fine).
    into_demo = is_demo(kiosk.event) and not report.dry_run and bool(report.added or report.updated)
    if into_demo and not ctx.json:
        ctx.say(t("import_into_demo", file=name))
    ctx.emit({**report.to_json(), "into_demo": into_demo}, "\n".join(lines))
    return 0


def _export(ctx: Context) -> int:
    from kiosk.cli.progress import Progress
    from kiosk.service.export import PROGRESS_EVERY, export_attendees

    bar = Progress(ctx.text("progress_export"), ctx, every=PROGRESS_EVERY)
    try:
        count = export_attendees(ctx.kiosk(), ctx.args.file, progress=bar)
    finally:
        bar.close()
    ctx.emit({"file": str(ctx.args.file), "attendees": count}, ctx.text("exported", count=count, file=ctx.args.file))
    return 0
