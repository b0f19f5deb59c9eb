"""`kiosk keys init|show` and `kiosk ticket-code ATTENDEE`: signed tickets."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from kiosk import paths
from kiosk.cli.context import Context


def register(sub: Any) -> None:
    keys = sub.add_parser("keys", help="ticket-signing keys (Ed25519)")
    actions = keys.add_subparsers(dest="action", metavar="ACTION", required=True)
    init = actions.add_parser("init", help="make a key pair (private key: organiser only, mode 0600)")
    init.add_argument("--dir", type=Path, help="where to write them (default: <data dir>/keys)")
    init.add_argument("--force", action="store_true", help="replace an existing key pair")
    init.add_argument("--json", action="store_true")
    init.set_defaults(handler=_init)
    rotate = actions.add_parser("rotate", help="a new key pair for new tickets; the old public key still verifies "
                                "the tickets it signed, and doors that kept it accept the new one at their next sync")
    rotate.add_argument("--json", action="store_true")
    rotate.set_defaults(handler=_rotate)
    show = actions.add_parser("show", help="show the public key(s) this kiosk trusts")
    show.add_argument("--json", action="store_true")
    show.set_defaults(handler=_show)
    code = sub.add_parser("ticket-code", help="print the signed QR payload of an attendee")
    code.add_argument("attendee", help="attendee id or ticket code")
    code.add_argument("--key-dir", type=Path, help="folder holding ticket-private.pem")
    code.add_argument("--json", action="store_true")
    code.set_defaults(handler=_ticket_code)


def _init(ctx: Context) -> int:
    from kiosk.domain.tickets import fingerprint, load_public_key
    from kiosk.service.keys import init_keys

    directory = ctx.args.dir or paths.keys_dir(ctx.data_dir)
    private, public = init_keys(directory, force=ctx.args.force)
    fp = fingerprint(load_public_key(public.read_bytes()))
    ctx.emit({"private_key": str(private), "public_key": str(public), "fingerprint": fp},
             f"Private key: {private} (keep it with the organiser)\nPublic key:  {public}\nFingerprint: {fp}")
    return 0


def _rotate(ctx: Context) -> int:
    from kiosk.domain.tickets import fingerprint, load_public_key
    from kiosk.service.keys import rotate_keys

    private, public = rotate_keys(paths.keys_dir(ctx.data_dir))
    fp = fingerprint(load_public_key(public.read_bytes()))
    ctx.emit({"private_key": str(private), "public_key": str(public), "fingerprint": fp},
             f"New private key: {private}\nNew public key:  {public}\nFingerprint: {fp}")
    return 0


def _show(ctx: Context) -> int:
    from kiosk.domain.tickets import fingerprint, public_key_pem
    from kiosk.service.keys import load_public

    found = load_public(paths.keys_dir(ctx.data_dir))
    rows = [{"fingerprint": fingerprint(k), "pem": public_key_pem(k).decode()} for k in found]
    human = "\n".join(f"{r['fingerprint']}\n{r['pem']}" for r in rows) or "No public key: run 'kiosk keys init'."
    ctx.emit(rows, human)
    return 0


def _ticket_code(ctx: Context) -> int:
    k = ctx.kiosk()
    attendee = k.find(ctx.args.attendee)
    payload = k.ticket_payload(attendee, ctx.args.key_dir)
    ctx.emit({"attendee_id": attendee.id, "payload": payload}, payload)
    return 0
