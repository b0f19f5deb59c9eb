"""`kiosk duplicates [--walk-ins]`, `kiosk merge KEEP OTHER`, `kiosk not-same A B`: what several kiosks
made twice, and the staff decisions about it (replicated through the hub at the next sync)."""

from __future__ import annotations

from typing import Any

from kiosk.cli.context import Context


def register(sub: Any) -> None:
    merge = sub.add_parser("merge", help="OTHER is the same person as KEEP: its scans and badges count for KEEP,"
                                         " OTHER is cancelled (never done automatically)")
    merge.add_argument("keep", metavar="KEEP_ID", help="the record kept (id or ticket code)")
    merge.add_argument("other", metavar="OTHER_ID", help="the record merged into it (id or ticket code)")
    merge.add_argument("--json", action="store_true")
    merge.set_defaults(handler=_merge)
    distinct = sub.add_parser("not-same", help="two records offered for merging are two people: never offered again")
    distinct.add_argument("first", metavar="ID")
    distinct.add_argument("second", metavar="OTHER_ID")
    distinct.add_argument("--json", action="store_true")
    distinct.set_defaults(handler=_not_same)


def duplicate_entries(ctx: Context) -> int:
    """`kiosk duplicates`: guests admitted at two kiosks while offline (Entrées en double)."""
    from kiosk.domain.rules import local_timestamp

    k = ctx.kiosk()
    if getattr(ctx.args, "walk_ins", False):
        return _walk_in_pairs(ctx)
    found = k.duplicates.entries()
    rows = [{"attendee_id": d.attendee_id, "name": d.name, "ticket_code": d.ticket_code,
             "first": {"device": d.first.device_name, "at": d.first.at, "scan_id": d.first_scan_id},
             "duplicate": {"device": d.duplicate.device_name, "at": d.duplicate.at, "scan_id": d.duplicate_scan_id}}
            for d in found]
    human = "\n".join(
        ctx.text("duplicate_entry", name=d.name, code=d.ticket_code or "-", first_device=d.first.device_name,
                 first_at=local_timestamp(d.first.at), second_device=d.duplicate.device_name,
                 second_at=local_timestamp(d.duplicate.at)) for d in found)
    ctx.emit(rows, human or ctx.text("no_duplicate_entry"))
    return 0


def _walk_in_pairs(ctx: Context) -> int:
    from kiosk.domain.rules import local_timestamp

    pairs = ctx.kiosk().duplicates.walk_in_pairs()
    rows = [{"keep": {"id": p.keep.id, "name": p.keep.full_name, "email": p.keep.email,
                      "organisation": p.keep.organisation, "device": p.keep_device, "created_at": p.keep.created_at},
             "other": {"id": p.other.id, "name": p.other.full_name, "email": p.other.email,
                       "organisation": p.other.organisation, "device": p.other_device,
                       "created_at": p.other.created_at}} for p in pairs]
    also = ctx.text("walk_in_pair_and")
    human = "\n".join(
        f"{p.keep.full_name} ({p.keep.email or p.keep.organisation or '-'}): {p.keep_device}"
        f" {local_timestamp(p.keep.created_at)} {p.keep.id}\n"
        f"{also} {p.other.full_name} ({p.other.email or p.other.organisation or '-'}): {p.other_device}"
        f" {local_timestamp(p.other.created_at)} {p.other.id}\n"
        f"  kiosk merge {p.keep.id} {p.other.id}   |   kiosk not-same {p.keep.id} {p.other.id}"
        for p in pairs)
    ctx.emit(rows, human or ctx.text("no_walk_in_pair"))
    return 0


def _merge(ctx: Context) -> int:
    done = ctx.kiosk().duplicates.merge(ctx.args.keep, ctx.args.other)
    ctx.emit({"keep": done.keep.id, "other": done.other.id, "link_id": done.link_id},
             ctx.text("merged", other=done.other.full_name, other_id=done.other.id, keep=done.keep.full_name,
                      keep_id=done.keep.id))
    return 0


def _not_same(ctx: Context) -> int:
    k = ctx.kiosk()
    link = k.duplicates.dismiss(ctx.args.first, ctx.args.second)
    ctx.emit({"first": ctx.args.first, "second": ctx.args.second, "link_id": link},
             ctx.text("not_same"))
    return 0
