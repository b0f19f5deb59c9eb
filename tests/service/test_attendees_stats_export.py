"""Walk-in registration, search, stats (people, not scans) and the spreadsheet-safe export."""

from __future__ import annotations

import csv
import uuid
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from kiosk.cli.main import main
from kiosk.domain.demo import demo_attendees, demo_event
from kiosk.domain.model import Attendee, Direction, Event, Workshop
from kiosk.domain.spreadsheet import neutralise, safe_cell
from kiosk.domain.text import tokens
from kiosk.service import Kiosk, KioskError
from kiosk.service.export import HEADERS, export_attendees
from kiosk.store import attendees as attendee_store
from kiosk.store import transaction
from tests.conftest import FakeClock

STATS_KEYS = {"registered", "checked_in", "inside", "inside_other", "walk_ins", "cancelled", "capacity",
              "by_workshop", "by_category"}


# --------------------------------------------------------------------------- search


def test_search_is_accent_case_order_insensitive_with_prefixes(kiosk: Kiosk) -> None:
    helene = kiosk.register(first_name="Hélène", last_name="Dupont", organisation="Coopérative Œuvre").attendee
    for query in ("helene dupont", "Dupont, Hélène", "DUPONT HELENE", "dup hel", "hél dup", "  hElEnE  ",
                  "oeuvre", "cooperative dup"):
        found = kiosk.search(query)
        assert helene.id in [a.id for a in found], query
    assert kiosk.search("dupont") and all("dupont" in a.last_name.casefold() for a in kiosk.search("dupont"))
    assert helene.id not in [a.id for a in kiosk.search("helene martin")]
    assert kiosk.search("") == [] and kiosk.search("  ,;'\"*  ") == []
    assert kiosk.search('"') == [] and kiosk.search("NEAR(") == []
    assert all(isinstance(a, Attendee) for a in kiosk.search("a OR b AND"))  # FTS syntax is just text


def test_search_by_code_and_email(kiosk: Kiosk) -> None:
    assert [a.ticket_code for a in kiosk.search("PLUS20-0042")] == ["PLUS20-0042"]
    guest = kiosk.find("PLUS20-0042")
    assert guest.email and guest.id in [a.id for a in kiosk.search(guest.email.split("@")[0])]


def test_search_typing_keystroke_by_keystroke_narrows(kiosk: Kiosk) -> None:
    helene = kiosk.register(first_name="Hélène", last_name="Dupont").attendee
    sizes = []
    for prefix in ("h", "he", "hel", "hele", "helen", "helene", "helene d", "helene dupont"):
        found = kiosk.search(prefix, limit=200)
        for a in found:  # every typed word is the start of a word of the guest's record
            words = tokens(" ".join(filter(None, (a.first_name, a.last_name, a.organisation, a.email,
                                                  a.ticket_code))))
            assert all(any(w.startswith(typed) for w in words) for typed in prefix.split()), (prefix, a)
        sizes.append(len(found))
    assert sizes == sorted(sizes, reverse=True) and sizes[0] > 10
    assert [a.id for a in kiosk.search("helene dupont")] == [helene.id]


def test_one_letter_words_find_exactly_the_guests_whose_words_they_start(kiosk: Kiosk) -> None:
    """One-letter words are checked on the candidates' text rather than matched in the index (fast
    keystrokes at the door): the rows found are still those every typed word starts a word of."""
    kiosk.register(first_name="Benoît", last_name="d'Ormesson", organisation="Les Grandes Tables")
    kiosk.register(first_name="Chloé", last_name="Le Gall", email="chloe.legall@example.org")
    guests = list(attendee_store.iterate(kiosk.conn, kiosk.event.id))

    def expected(query: str) -> set[str]:
        typed = tokens(query)
        return {a.id for a in guests if all(any(w.startswith(t) for w in tokens(" ".join(filter(None, (
            a.first_name, a.last_name, a.organisation, a.email, a.ticket_code))))) for t in typed)}

    for query in ("benoit d'o", "benoit d", "chloe l", "chloe le g", "d'o", "l g", "c", "t grandes",
                  "b o", "a b c", "plus20 x"):
        want = expected(query)
        assert {a.id for a in kiosk.search(query, limit=500)} == want, query
        assert len(guests) > len(want), query
    assert [a.last_name for a in kiosk.search("benoit d'o")] == ["d'Ormesson"]


def test_search_puts_guests_named_so_before_those_found_in_an_e_mail(kiosk: Kiosk) -> None:
    """A large event: "martin" finds Ms Martin first even when 300 guests have "martin" only in an
    e-mail (a parent's, a payer's) and come before her by name; the e-mail matches follow, by name."""
    with transaction(kiosk.conn):
        attendee_store.insert_many(kiosk.conn, [
            Attendee(id=str(uuid.uuid4()), event_id=kiosk.event.id, ticket_code=f"M-{i}", first_name="Anne",
                     last_name=f"Abel{i:03d}", email=f"famille.martin{i}@example.org", source="import:x.csv")
            for i in range(300)], case_sensitive=False, now="2026-11-30T17:00:00.000Z", device_id=kiosk.device().id)
    martin = kiosk.register(first_name="Zoé", last_name="Martin").attendee
    dupont = kiosk.register(first_name="Martine", last_name="Dupont").attendee  # a first name starts so too

    def named(a: Attendee) -> bool:
        return any(w.startswith("martin") for w in tokens(f"{a.first_name} {a.last_name}"))

    found = kiosk.search("martin", limit=20)
    ranks = [named(a) for a in found]
    assert ranks == sorted(ranks, reverse=True) and ranks.count(False) >= 10  # names first, then e-mails
    assert {martin.id, dupont.id} <= {a.id for a in found if named(a)}
    first = [a for a in found if named(a)]
    assert [a.last_name.casefold() for a in first] == sorted(a.last_name.casefold() for a in first)
    assert [a.id for a in kiosk.search("martin zoe")] == [martin.id]


def test_search_only_sees_the_active_event(data_dir: Path, clock: FakeClock) -> None:
    """A data dir that tried the demo first, then created the real event: the demo's guests must
    neither show up nor crowd out the real event's matches."""
    k = Kiosk.open(data_dir, device_name="door-1", clock=clock)
    k.create_demo()
    demo_martins = [a for a in attendee_store.iterate(k.conn, k.event.id) if a.last_name == "Martin"]
    assert len(demo_martins) >= 2
    k.create_event(Event(id=str(uuid.uuid4()), name="Real"))
    mine = k.register(first_name="Zoé", last_name="Martin").attendee
    assert [a.id for a in k.search("martin", limit=1)] == [mine.id]
    assert [a.id for a in k.search("martin")] == [mine.id]
    k.close()


# --------------------------------------------------------------------------- register


def test_register_walk_in_and_duplicates(kiosk: Kiosk) -> None:
    first = kiosk.register(first_name=" Ann ", last_name="Lee", email="Ann.Lee@Example.org", organisation="Acme",
                           category="entreprise", workshop="se loger")
    assert first.created and first.checkin is None
    a = first.attendee
    assert (a.first_name, a.category, a.workshop, a.source) == ("Ann", "Entreprise", "Se loger", "walk-in")
    assert a.ticket_code and a.ticket_code.startswith("W") and len(a.ticket_code) == 11
    assert kiosk.find(a.ticket_code).id == a.id
    by_email = kiosk.register(first_name="ANN", last_name="lee", email="  ann.lee@example.ORG")
    assert (by_email.created, by_email.attendee.id) == (False, a.id)
    # the same e-mail with another name: a family member or a colleague, not the same person
    shared = kiosk.register(first_name="Annie", last_name="Leigh", email="ann.lee@example.org")
    assert shared.created and shared.attendee.id != a.id
    by_name = kiosk.register(first_name="ann", last_name="LEE", organisation="ACME")
    assert (by_name.created, by_name.attendee.id) == (False, a.id)
    other_org = kiosk.register(first_name="Ann", last_name="Lee", organisation="Other Co")
    assert other_org.created and other_org.attendee.id != a.id
    assert kiosk.stats().walk_ins == 3


def test_register_with_checkin(kiosk: Kiosk) -> None:
    result = kiosk.register(first_name="Walk", last_name="In", checkin=True, device_name="desk")
    assert result.checkin is not None and result.checkin.verdict.value == "accepted"
    assert kiosk.presence(result.attendee.id).inside
    assert kiosk.stats().checked_in == 1


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"first_name": "", "last_name": "X"}, "required"),
        ({"first_name": "A", "last_name": "  "}, "required"),
        ({"first_name": "A" * 201, "last_name": "X"}, "longer than"),
        ({"first_name": "A", "last_name": "X", "email": "not-an-email"}, "not an email"),
        ({"first_name": "A", "last_name": "X", "workshop": "Se baigner"}, "unknown workshop"),
        ({"first_name": "A", "last_name": "X", "category": "VIP"}, "unknown category"),
    ],
)
def test_register_refusals(kiosk: Kiosk, fields: dict[str, str], message: str) -> None:
    before = attendee_store.count(kiosk.conn, kiosk.event.id)
    with pytest.raises(KioskError, match=message):
        kiosk.register(**fields)  # type: ignore[arg-type]
    assert attendee_store.count(kiosk.conn, kiosk.event.id) == before


def test_full_workshop_is_refused(data_dir: Path, clock: FakeClock) -> None:
    k = Kiosk.open(data_dir, clock=clock)
    k.create_event(Event(id=str(uuid.uuid4()), name="Small", workshops=(Workshop("Atelier", 2), Workshop("Open"))))
    for name in ("Ann", "Bob"):
        assert k.register(first_name=name, last_name="X", workshop="Atelier").created
    with pytest.raises(KioskError, match=r"workshop 'Atelier' is full \(2/2\)"):
        k.register(first_name="Cy", last_name="X", workshop="Atelier")
    assert k.register(first_name="Cy", last_name="X", workshop="Open").created  # no capacity: no limit
    # The same guest again is not a new place.
    assert not k.register(first_name="Ann", last_name="X", workshop="Atelier").created
    assert k.stats().by_workshop["Atelier"].registered == 2
    k.close()


# --------------------------------------------------------------------------- stats


def test_stats_count_people_not_scans(kiosk: Kiosk, clock: FakeClock) -> None:
    s: Any = kiosk.stats().to_json()
    assert set(s) == STATS_KEYS
    expected = demo_attendees(demo_event())
    valid = [a for a in expected if not a.cancelled]
    assert (s["registered"], s["cancelled"], s["checked_in"], s["inside"], s["walk_ins"], s["capacity"]) == (
        len(valid), len(expected) - len(valid), 0, 0, 0, 180)
    assert set(s["by_workshop"]) == {"Se loger", "Se nourrir", "Se vêtir"}
    code = next(a.ticket_code for a in valid if a.workshop == "Se loger")
    kiosk.check_in(code or "", device_name="door-1")
    clock.advance(10)
    kiosk.check_in(code or "", device_name="door-2")  # already checked in
    clock.advance(10)
    kiosk.check_in(code or "", direction=Direction.EXIT)
    clock.advance(10)
    kiosk.check_in(code or "")  # re-entry: one person, three entries-ish
    s = kiosk.stats()
    assert (s.checked_in, s.inside) == (1, 1)
    assert (s.by_workshop["Se loger"].checked_in, s.by_workshop["Se loger"].inside) == (1, 1)
    assert s.by_workshop["Se loger"].registered == sum(a.workshop == "Se loger" for a in valid)
    assert s.by_workshop["Se loger"].capacity == 50
    cat = kiosk.find(code or "").category or ""
    assert s.by_category[cat].checked_in == 1


def test_cancelled_guests_are_not_registered_or_checked_in_but_are_in_the_room(kiosk: Kiosk) -> None:
    guest = next(a for a in attendee_store.iterate(kiosk.conn, kiosk.event.id) if a.cancelled)
    kiosk.override(guest.id, reason="paid cash", staff="Chloé")
    s = kiosk.stats()
    assert s.checked_in == 0 and s.registered == 143  # counted under "cancelled", not twice...
    assert s.inside == 1 and s.inside_other == 1  # ...but in the room, as the evacuation list says (issue 24)


# --------------------------------------------------------------------------- export


def _with_formula_cells(k: Kiosk) -> None:
    now = k.now()
    nasty = [
        Attendee(id="f1", event_id=k.event.id, first_name="=HYPERLINK(\"http://x\")", last_name="+33 6 12",
                 organisation="-2+3", email="@SUM(A1)", ticket_code="F-1"),
        Attendee(id="f2", event_id=k.event.id, first_name="\tTab", last_name="\rCR", organisation="Plain=Fine",
                 ticket_code="F-2"),
    ]
    with transaction(k.conn):
        attendee_store.insert_many(k.conn, nasty, case_sensitive=False, now=now, device_id="x")


def test_neutralise() -> None:
    for start in ("=", "+", "-", "@", "\t", "\r"):
        assert neutralise(start + "1") == "'" + start + "1"
    assert neutralise("Plain=Fine") == "Plain=Fine" and neutralise("") == ""


def test_export_csv(kiosk: Kiosk, tmp_path: Path) -> None:
    _with_formula_cells(kiosk)
    kiosk.check_in("F-2")
    out = tmp_path / "guests.csv"
    assert export_attendees(kiosk, out) == 154
    assert out.read_bytes().startswith(b"\xef\xbb\xbf")
    with out.open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh))
    assert tuple(rows[0]) == HEADERS and len(rows) == 155
    by_id = {r[0]: dict(zip(HEADERS, r, strict=True)) for r in rows[1:]}
    f1, f2 = by_id["f1"], by_id["f2"]
    assert (f1["first_name"], f1["last_name"], f1["organisation"], f1["email"]) == (
        "'=HYPERLINK(\"http://x\")", "'+33 6 12", "'-2+3", "'@SUM(A1)")
    assert (f2["first_name"], f2["last_name"], f2["organisation"]) == ("'\tTab", "'\rCR", "Plain=Fine")
    assert (f2["inside"], f1["inside"]) == ("yes", "no") and f2["first_entry_device"] == "door-1"
    assert not any(v.startswith(("=", "+", "-", "@", "\t", "\r")) for r in rows for v in r)
    assert not list(tmp_path.glob("*.part"))


def test_export_xlsx(kiosk: Kiosk, tmp_path: Path) -> None:
    _with_formula_cells(kiosk)
    out = tmp_path / "guests.xlsx"
    assert export_attendees(kiosk, out) == 154
    sheet = openpyxl.load_workbook(out).active
    assert sheet is not None
    rows = [[c.value for c in row] for row in sheet.iter_rows()]
    assert tuple(rows[0]) == HEADERS
    f1 = dict(zip(HEADERS, next(r for r in rows if r[0] == "f1"), strict=True))
    assert f1["first_name"] == "'=HYPERLINK(\"http://x\")" and f1["organisation"] == "'-2+3"
    formulas = [c for row in sheet.iter_rows() for c in row if c.data_type == "f"]
    assert formulas == []


def _with_control_characters(k: Kiosk) -> None:
    odd = [Attendee(id="c1", event_id=k.event.id, first_name="Ana\x0bMaría", last_name="Nul\x00l\x1b",
                    organisation="\x01=cmd|' /C calc'!A0", email="a\x08@example.org", ticket_code="C-1")]
    with transaction(k.conn):
        attendee_store.insert_many(k.conn, odd, case_sensitive=False, now=k.now(), device_id="x")


def test_safe_cell_drops_what_xml_cannot_hold_then_neutralises() -> None:
    assert safe_cell("Ana\x0bMaría") == "Ana María"
    assert safe_cell("\x01=1+1") == "'=1+1"  # cleaned first, so no live formula is left behind
    assert safe_cell("tab\tand\nline") == "tab\tand\nline" and safe_cell("\tx") == "'\tx"


@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_kiosk_export_with_control_characters(kiosk: Kiosk, data_dir: Path, tmp_path: Path, suffix: str) -> None:
    _with_control_characters(kiosk)
    kiosk.close()
    out = tmp_path / f"guests{suffix}"
    assert main(["export", str(out)]) == 0
    if suffix == ".xlsx":
        sheet = openpyxl.load_workbook(out).active
        assert sheet is not None
        rows = [["" if c.value is None else str(c.value) for c in row] for row in sheet.iter_rows()]
    else:
        with out.open(encoding="utf-8-sig", newline="") as fh:
            rows = list(csv.reader(fh))
    c1 = dict(zip(HEADERS, next(r for r in rows if r[0] == "c1"), strict=True))
    assert (c1["first_name"], c1["last_name"], c1["organisation"], c1["email"]) == (
        "Ana María", "Null", "'=cmd|' /C calc'!A0", "a@example.org")
    assert len(rows) == 154 and not list(tmp_path.glob("*.part")) and not list(tmp_path.glob(".*"))


def test_export_refuses_other_formats(kiosk: Kiosk, tmp_path: Path) -> None:
    with pytest.raises(KioskError, match=r"\.csv or \.xlsx"):
        export_attendees(kiosk, tmp_path / "guests.pdf")
    assert not (tmp_path / "guests.pdf").exists()


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_export_reports_progress_then_the_whole(kiosk: Kiosk, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                suffix: str) -> None:
    import kiosk.service.export as export_module

    monkeypatch.setattr(export_module, "PROGRESS_EVERY", 50)
    calls: list[tuple[int, int]] = []
    total = kiosk.stats().registered + kiosk.stats().cancelled
    count = export_attendees(kiosk, tmp_path / f"out{suffix}", progress=lambda done, of: calls.append((done, of)))
    assert count == total and calls == [(50, total), (100, total), (150, total), (total, total)]


def test_kiosk_export_and_import_draw_a_progress_bar_on_a_terminal_only(kiosk: Kiosk, data_dir: Path,
                                                                        tmp_path: Path) -> None:
    """stderr a real pseudo-terminal: the bar is drawn and its line ended; a pipe gets no bar at all."""
    import os
    import subprocess
    import sys

    from tests.helpers.cli import on_a_terminal

    root = Path(__file__).resolve().parents[2]
    env = {**os.environ, "LANG": "C.UTF-8"}
    env.pop("LC_ALL", None)
    kiosk_cmd = [sys.executable, "main.py", "--data-dir", str(data_dir)]
    export = [*kiosk_cmd, "export", str(tmp_path / "out.csv"), "--lang", "en"]
    code, out, drawn = on_a_terminal(export, root, env)
    assert code == 0 and out.startswith("Exported ")
    assert "\rexport [" in drawn and "] 152/152" in drawn and drawn.endswith("\r\n"), drawn  # the pty's \n
    piped = subprocess.run(export, cwd=root, env=env, capture_output=True, text=True, timeout=60)
    assert piped.returncode == 0 and piped.stderr == ""
    rows = "\n".join(f"T-{i};Guest{i};Lee" for i in range(5_000))
    (tmp_path / "inscrits.csv").write_text(f"Billet;Prénom;Nom\n{rows}\n", encoding="utf-8")
    code, out, drawn = on_a_terminal([*kiosk_cmd, "import", str(tmp_path / "inscrits.csv")], root, env)
    assert code == 0 and out.startswith("inscrits.csv : ajoutés 5000")
    assert "\rimport (lignes) [" in drawn and "] 5000/5000" in drawn and drawn.endswith("\r\n"), drawn
    # Each phase said after the count, in order: the bar stands full while the rows are saved and indexed.
    said = [drawn.index(f"]{count} {words}") for count, words in (  # no made-up count before the total
        ("", "lecture du fichier…"), ("", "comparaison avec les invité·es…"),
        (" 5000/5000", "enregistrement…"), (" 5000/5000", "index de recherche…"))]
    assert said == sorted(said), drawn
