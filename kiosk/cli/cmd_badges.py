"""`kiosk badge|badges|formats|tickets|print|printers`: badges, e-mail tickets and printing.

reportlab, qrcode and Qt are imported inside the handlers so `kiosk --help` stays light.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kiosk.badges import layouts
from kiosk.cli.context import Context, MessageError, UsageError
from kiosk.cli.progress import Progress
from kiosk.domain.os_errors import os_reason
from kiosk.settings import PRINTER_BACKENDS, SORT_KEYS

if TYPE_CHECKING:
    from kiosk.service.printing import PrintQueue

FORMAT_NAMES = tuple(layouts.FORMATS)  # layouts is light (no reportlab): safe at import time


def register(sub: Any) -> None:
    one = sub.add_parser("badge", help="one guest's badge as a PDF")
    one.add_argument("attendee", metavar="CODE_OR_ID")
    one.add_argument("-o", "--output", type=Path, required=True)
    one.add_argument("--format", default=None, help=f"one of: {', '.join(FORMAT_NAMES)} (default: settings)")
    one.add_argument("--json", action="store_true")
    one.set_defaults(handler=_badge)

    many = sub.add_parser("badges", help="badges of all guests in one PDF")
    many.add_argument("--all", action="store_true", required=True, help="every guest not cancelled")
    many.add_argument("-o", "--output", type=Path, required=True)
    many.add_argument("--format", default=None)
    many.add_argument("--sort", choices=SORT_KEYS, default="last_name")
    many.add_argument("--only-not-printed", action="store_true", help="skip guests whose badge came out")
    many.add_argument("--json", action="store_true")
    many.set_defaults(handler=_badges)

    formats = sub.add_parser("formats", help="badge formats")
    formats.add_argument("--json", action="store_true")
    formats.set_defaults(handler=_formats)

    tickets = sub.add_parser("tickets", help="e-mail tickets: PDF + QR PNG per guest, and mailing.csv")
    tickets.add_argument("-o", "--output", type=Path, required=True, help="folder")
    tickets.add_argument("--attendee", action="append", metavar="CODE_OR_ID", help="only these (repeatable)")
    tickets.add_argument("--json", action="store_true")
    tickets.set_defaults(handler=_tickets)

    print_ = sub.add_parser("print", help="print a guest's badge through the persistent queue")
    print_.add_argument("attendee", metavar="CODE_OR_ID", nargs="?")
    print_.add_argument("--resume", action="store_true",
                        help="print this kiosk's badges still waiting (held while the printer was away)")
    print_.add_argument("--watch", action="store_true",
                        help="with --resume: keep running and print each badge as soon as the printer can")
    print_.add_argument("--printer", default=None, help="CUPS/Qt printer name, or folder for --backend pdf")
    print_.add_argument("--backend", choices=PRINTER_BACKENDS, default=None)
    print_.add_argument("--format", default=None)
    print_.add_argument("--timeout", type=float, default=60.0, help="seconds to wait for the printer")
    print_.add_argument("--json", action="store_true")
    print_.set_defaults(handler=_print)

    printers = sub.add_parser("printers", help="printers this machine knows")
    printers.add_argument("--json", action="store_true")
    printers.set_defaults(handler=_printers)


def _layout(ctx: Context) -> Any:
    from kiosk.badges import layouts

    name = ctx.args.format or ctx.settings.badge_format
    try:
        return layouts.get(name)
    except KeyError as exc:
        raise UsageError(str(exc.args[0])) from None


@contextlib.contextmanager
def _writing(target: Path) -> Iterator[None]:
    """A full disk or a read-only stick is a message and exit 2, not a traceback (the old file stays)."""
    try:
        yield
    except OSError as exc:
        raise MessageError("cannot_write_file", path=exc.filename or target, why=os_reason(exc)) from None


def _badge(ctx: Context) -> int:
    k = ctx.kiosk()
    layout = _layout(ctx)
    attendee = k.find(ctx.args.attendee)
    with _writing(ctx.args.output):
        pages = k.badges.render_one(attendee, layout, ctx.args.output)
    ctx.emit({"attendee_id": attendee.id, "output": str(ctx.args.output), "format": layout.name, "pages": pages},
             ctx.text("badge_written", name=attendee.full_name, output=ctx.args.output, format=layout.name))
    return 0


def _badges(ctx: Context) -> int:
    k = ctx.kiosk()
    layout = _layout(ctx)
    bar = Progress(ctx.text("progress_badges"), ctx)
    with _writing(ctx.args.output):
        result = k.badges.render_all(layout, ctx.args.output, sort=ctx.args.sort,
                                  only_not_printed=ctx.args.only_not_printed, progress=bar)
    bar.finish(result.badges)
    ctx.emit({"output": str(ctx.args.output), "format": layout.name, "badges": result.badges,
              "pages": result.pages},
             ctx.text("badges_written", badges=result.badges, pages=result.pages, output=ctx.args.output,
                      format=layout.name))
    return 0


def _formats(ctx: Context) -> int:
    from kiosk.badges import layouts

    rows = [layout.summary() for layout in layouts.FORMATS.values()]
    human = "\n".join(f"{layout.name:<10} {layout.page_w_mm:g}×{layout.page_h_mm:g} mm  "
                      f"{layout.badges_per_page}/page  {layout.description}" for layout in layouts.FORMATS.values())
    ctx.emit(rows, human)
    return 0


def _tickets(ctx: Context) -> int:
    from kiosk import paths
    from kiosk.badges import tickets
    from kiosk.service.keys import PRIVATE

    k = ctx.kiosk()
    if not (paths.keys_dir(ctx.data_dir) / PRIVATE).exists():
        raise MessageError("no_signing_key")
    guests = [k.find(code) for code in ctx.args.attendee] if ctx.args.attendee else k.badges.guests()
    progress = Progress(ctx.text("progress_tickets"), ctx, total=len(guests))
    with _writing(ctx.args.output):
        made = tickets.write_tickets(guests, k.event, k.ticket_payload, ctx.args.output, lang=k.lang,
                                     progress=progress)
    progress.finish()
    mailing = ctx.args.output / "mailing.csv"
    from kiosk.service.purge import Purge

    Purge(k).record_written(mailing, *(p for f in made for p in (f.pdf, f.png)), kind="tickets")  # purge deletes them
    ctx.emit({"tickets": len(made), "mailing": str(mailing),
              "files": [{"attendee_id": f.attendee.id, "pdf": str(f.pdf), "png": str(f.png)} for f in made]},
             ctx.text("tickets_written", count=len(made), folder=ctx.args.output, mailing=mailing))
    return 0


def _print(ctx: Context) -> int:
    from kiosk.adapters.printing import PrinterError, make_printer
    from kiosk.service.print_runner import PrintRunner
    from kiosk.service.printing import PrintQueue

    settings = ctx.settings
    backend = ctx.args.backend or settings.printer_backend
    name = ctx.args.printer if ctx.args.printer is not None else settings.printer_name
    k = ctx.kiosk()
    try:
        printer = make_printer(backend, name, data_dir=ctx.data_dir)
    except PrinterError as exc:
        raise UsageError(str(exc)) from None
    layout = _layout(ctx)
    queue = PrintQueue(k, printer, default_format=layout.name)
    if ctx.args.resume:
        return _resume(ctx, queue)
    if ctx.args.attendee is None:
        raise UsageError("print needs a guest (CODE_OR_ID), or --resume")
    attendee = k.find(ctx.args.attendee)
    job = queue.enqueue(attendee.id, layout.name)
    PrintRunner(queue).run_until_empty(timeout=ctx.args.timeout)
    job = queue.job(job.id) or job
    banner = queue.backlog().message(ctx.lang)
    payload = {**job.to_json(), "destination": queue.destination, "banner": banner}
    human = f"{attendee.full_name}: {job.status}" + (" (reprint)" if job.reprint else "") + \
        f" → {queue.destination}" + (f"\n{banner}" if banner else "") + \
        (f"\n{job.last_error}" if job.last_error and job.status != "done" else "") + \
        (f"\nNo font for: {job.missing_glyphs} (left out of the badge)" if job.missing_glyphs else "")
    ctx.emit(payload, human)
    return 0 if job.status in ("done", "printing") else 1


def _resume(ctx: Context, queue: PrintQueue) -> int:
    """`kiosk print --resume [--watch]`: the badges a paused or missing printer held come out when it is
    back. Without --watch, one pass (exit 1 when some still wait); with it, the queue's worker runs
    (it looks at the printer every second) until Ctrl-C or SIGTERM; what is unfinished stays queued."""
    from kiosk.service.print_runner import PrintRunner

    if ctx.args.watch:
        import signal
        import threading

        stop = threading.Event()
        signal.signal(signal.SIGTERM, lambda *_: stop.set())
        PrintRunner(queue).start()
        try:
            stop.wait()
        except KeyboardInterrupt:
            pass
        finally:
            queue.stop()
        return 0
    printed = PrintRunner(queue).run_until_empty(timeout=ctx.args.timeout)
    left = queue.pending_count()
    banner = queue.backlog().message(ctx.lang)
    ctx.emit({"printed": printed, "waiting": left, "destination": queue.destination, "banner": banner},
             ctx.text("badges_resumed", done=printed, left=left, where=queue.destination)
             + (f"\n{banner}" if banner else ""))
    return 0 if left == 0 else 1


def _printers(ctx: Context) -> int:
    from kiosk.adapters.printing import list_printers

    found = list_printers()
    human = "\n".join(f"{'*' if p.default else ' '} {p.name:<24} {p.state}"
                      + ("" if p.accepting else " (rejecting jobs)") for p in found) or "No printer found."
    ctx.emit([p.to_json() for p in found], human)
    return 0
