"""`kiosk scan FILE...`: the camera's decoding pipeline, run on image and video files."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from kiosk.cli.context import Context
from kiosk.settings import DECODERS


def register(sub: Any) -> None:
    scan = sub.add_parser("scan", help="decode QR codes and barcodes in image or video files")
    scan.add_argument("files", nargs="+", type=Path, metavar="FILE")
    scan.add_argument("--decoder", default=None, choices=DECODERS)
    scan.add_argument("--json", action="store_true")
    scan.set_defaults(handler=_scan)


def _scan(ctx: Context) -> int:
    from kiosk.adapters.decoding import make_decoder
    from kiosk.adapters.scanfiles import scan_file

    decoder = make_decoder(ctx.args.decoder or ctx.settings.decoder)
    found_any = False
    for path in ctx.args.files:
        result = scan_file(path, decoder)
        found_any = found_any or bool(result.get("codes"))
        codes = ", ".join(result.get("codes", [])) or result.get("error") or ctx.text("no_code_found")
        frame = f" ({ctx.text('frame', frame=result['frame'])})" if result.get("frame") is not None else ""
        ctx.emit(result, f"{path}: {codes}{frame} [{result.get('ms', 0):.1f} ms]")  # a QR may hold ESC too
        sys.stdout.flush()
    return 0 if found_any else 1
