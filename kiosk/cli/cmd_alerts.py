"""`kiosk alerts [--json]`: the calls for help not answered yet (this kiosk's and, once synced, the other
doors'); `kiosk alerts --answer ID [--staff NAME]` closes one."""

from __future__ import annotations

from typing import Any

from kiosk.cli.context import Context

_W = {"fr": {"none": "Aucun appel à l'aide en attente.",
             "call": "  {id}  {at}  au poste libre-service « {device} »",
             "head": "{n} appel(s) à l'aide en attente :",
             "answered": "Appel {id} : réponse enregistrée{staff}."},
      "en": {"none": "No call for help waiting.",
             "call": "  {id}  {at}  at the walk-in screen \"{device}\"",
             "head": "{n} call(s) for help waiting:",
             "answered": "Call {id}: answer recorded{staff}."}}


def register(sub: Any) -> None:
    alerts = sub.add_parser("alerts", help="calls for help from walk-in screens not answered yet")
    alerts.add_argument("--answer", metavar="ID", help="record that someone went (the call's id, or its start)")
    alerts.add_argument("--staff", help="who went (with --answer)")
    alerts.add_argument("--json", action="store_true")
    alerts.set_defaults(handler=_alerts)


def _alerts(ctx: Context) -> int:
    from kiosk.service import help_calls

    w = _W.get(ctx.lang, _W["fr"])
    kiosk = ctx.kiosk()
    if ctx.args.answer:
        wanted = ctx.args.answer.strip().lower()
        found = [c for c in help_calls.open_calls(kiosk) if c.id.startswith(wanted)] if wanted else []
        if len(found) != 1:
            return ctx.fail(f"no single open call for help starts with {ctx.args.answer!r} (kiosk alerts lists them)")
        done = help_calls.answer(kiosk, found[0].id, ctx.args.staff)
        ctx.emit(done.to_json(), w["answered"].format(id=found[0].id[:8],
                                                      staff=f" ({done.staff})" if done.staff else ""))
        return 0
    calls = help_calls.open_calls(kiosk)
    lines = [w["head"].format(n=len(calls))] + [w["call"].format(id=c.id[:8], at=c.at, device=c.device_name)
                                              for c in calls] if calls else [w["none"]]
    ctx.emit([c.to_json() for c in calls], "\n".join(lines))
    return 0
