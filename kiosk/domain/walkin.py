"""A walk-in guest's self-registration form: what is valid, and when it is someone already registered.

Pure rules, shared by the self-service screen (which shows the problems in the guest's language)
and the service (which refuses what the screen let through). Problems are data, not sentences.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, replace
from enum import StrEnum

from kiosk.domain.limits import MAX_FORM_FIELD
from kiosk.domain.model import Attendee, Event
from kiosk.domain.text import email_key, search_text

MAX_FIELD = MAX_FORM_FIELD  # a name or an organisation longer than this is not a name: refused, said so


class Field(StrEnum):
    FIRST_NAME = "first_name"
    LAST_NAME = "last_name"
    EMAIL = "email"
    ORGANISATION = "organisation"
    CATEGORY = "category"
    WORKSHOP = "workshop"
    CONSENT = "consent"


class Problem(StrEnum):
    REQUIRED = "required"
    TOO_LONG = "too_long"
    CONTROL_CHARACTERS = "control_characters"  # tabs, escapes, zero-width tricks: refused
    NOT_AN_EMAIL = "not_an_email"
    NOT_OFFERED = "not_offered"  # a category or workshop the event does not have
    WORKSHOP_FULL = "workshop_full"


@dataclass(frozen=True)
class WalkInForm:
    """What the guest typed, as typed (stored verbatim once valid)."""

    first_name: str = ""
    last_name: str = ""
    email: str = ""
    organisation: str = ""
    category: str = ""
    workshop: str = ""
    consent: bool = False  # to the processing of their data (required)
    contact_ok: bool = False  # to be contacted after the event (optional)

    def cleaned(self) -> WalkInForm:
        """Outer spaces off, inner runs of spaces folded: "  Zoé   Martin " is "Zoé Martin".
        Call on a form that passed ``validate`` (which refuses tabs and other control characters)."""
        def tidy(text: str) -> str:
            return " ".join(text.split())
        return replace(self, first_name=tidy(self.first_name), last_name=tidy(self.last_name),
                       email=self.email.strip(), organisation=tidy(self.organisation),
                       category=self.category.strip(), workshop=self.workshop.strip())


@dataclass(frozen=True)
class FormProblem:
    field: Field
    problem: Problem


def _has_control(text: str) -> bool:
    """Control and format characters (ESC, tab, newline, zero-width joiners used to hide text).
    ZWJ/ZWNJ stay allowed: Persian, Indic scripts and emoji sequences need them."""
    return any(unicodedata.category(ch) in ("Cc", "Cf") and ch not in "\u200c\u200d" for ch in text)


def validate(form: WalkInForm, event: Event, full_workshops: frozenset[str] = frozenset()) -> list[FormProblem]:
    """Every problem of the form, in the order of the fields (empty: it can be submitted)."""
    problems: list[FormProblem] = []
    for field, value, required in ((Field.FIRST_NAME, form.first_name, True),
                                   (Field.LAST_NAME, form.last_name, True),
                                   (Field.EMAIL, form.email, False),
                                   (Field.ORGANISATION, form.organisation, False)):
        if not value.strip():
            if required:
                problems.append(FormProblem(field, Problem.REQUIRED))
        elif len(value) > MAX_FIELD:
            problems.append(FormProblem(field, Problem.TOO_LONG))
        elif _has_control(value):
            problems.append(FormProblem(field, Problem.CONTROL_CHARACTERS))
        elif field is Field.EMAIL and email_key(value) is None:
            problems.append(FormProblem(field, Problem.NOT_AN_EMAIL))
    if form.category and form.category not in {c.name for c in event.categories}:
        problems.append(FormProblem(Field.CATEGORY, Problem.NOT_OFFERED))
    if form.workshop:
        if form.workshop not in {w.name for w in event.workshops}:
            problems.append(FormProblem(Field.WORKSHOP, Problem.NOT_OFFERED))
        elif form.workshop in full_workshops:
            problems.append(FormProblem(Field.WORKSHOP, Problem.WORKSHOP_FULL))
    if not form.consent:
        problems.append(FormProblem(Field.CONSENT, Problem.REQUIRED))
    return problems


class Match(StrEnum):
    SAME_PERSON = "same_person"  # same e-mail and same name: check in the existing registration
    ASK_STAFF = "ask_staff"  # same name and organisation, no e-mail to tell: a person decides
    NONE = "none"


def same_name(form: WalkInForm, attendee: Attendee) -> bool:
    return search_text(form.first_name, form.last_name) == search_text(attendee.first_name, attendee.last_name)


def match(form: WalkInForm, attendee: Attendee) -> Match:
    """Is this registration the guest at the screen? A shared e-mail alone (a family, a company's
    payer) is not the same person; a name alone is not proof either."""
    mail = email_key(form.email)
    if mail is not None and mail == email_key(attendee.email) and same_name(form, attendee):
        return Match.SAME_PERSON
    if same_name(form, attendee) and search_text(form.organisation) == search_text(attendee.organisation) \
            and (mail is None or attendee.email is None):
        return Match.ASK_STAFF
    return Match.NONE
