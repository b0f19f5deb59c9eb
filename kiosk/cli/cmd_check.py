"""`kiosk check [--json]`: is this kiosk ready for the evening? Every line green, amber or red with
what to do; exit 0 when none is red (amber is said, e.g. a single door without a hub), 1 otherwise."""

from __future__ import annotations

from typing import Any

from kiosk.cli.context import Context

_MARK = {"ok": "✓", "warn": "!", "fail": "✗"}
_HEAD = {"fr": ("Prêt pour la soirée.", "Pas encore prêt : {n} point(s) à régler."),
         "en": ("Ready for the evening.", "Not ready yet: {n} thing(s) to fix.")}


def register(sub: Any) -> None:
    check = sub.add_parser("check", help="is this kiosk ready for the evening? (exit 0 when nothing is red)")
    check.add_argument("--json", action="store_true")
    check.set_defaults(handler=_check)


def _check(ctx: Context) -> int:
    from kiosk.domain.readiness import FAIL, ready
    from kiosk.service.readiness import check

    lines = check(ctx.kiosk(), ctx.lang)
    is_ready = ready(lines)
    red = sum(line.state == FAIL for line in lines)
    ok_text, not_text = _HEAD.get(ctx.lang, _HEAD["fr"])
    human = [f"{_MARK[line.state]} {line.text}" + (f" — {line.fix}" if line.fix else "") for line in lines]
    human.append(ok_text if is_ready else not_text.format(n=red))
    ctx.emit({"ready": is_ready, "checks": [line.to_json() for line in lines]}, "\n".join(human))
    return 0 if is_ready else 1
