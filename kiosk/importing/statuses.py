"""The one table of status words (FR/EN) that exports write, and what each means at the door.

A status cell is compared after :func:`~kiosk.importing.columns.normalize` (case, accents and punctuation
do not matter). Whole values are looked up first; then the cancelled stems, which catch inflections
("annulée", "remboursement", "canceled by organiser"). Words of neither kind are *unknown*: a column
whose values are mostly unknown words is not a status column at all (pretix's French "État" is the
address's state, not the order's).

=====================  ==========================================================================
platform               values seen (valid → cancelled)
=====================  ==========================================================================
HelloAsso              Validé, Payé → Remboursé, Annulé
pretix                 paid, pending / Payé, en attente → canceled, expired / annulé, expiré
Eventbrite             Attending, Checked In / Participe → Not attending, Refunded / Ne participe pas
Weezevent              Valide, Payé → Annulé, Remboursé
Billetweb ``Valide``   Oui → Non
Meetup ``RSVP``        Yes → No, Waitlist
Hi.Events              ACTIVE, AWAITING_PAYMENT → CANCELLED
Indico                 Completed, Pending, Unpaid → Withdrawn, Rejected
=====================  ==========================================================================
"""

from __future__ import annotations

from kiosk.importing.columns import normalize

__all__ = ["CANCELLED_WORDS", "VALID_WORDS", "is_cancelled_status", "status_meaning"]

# Whole values that mean "this guest may come in" (pending payment included: the door does not sell).
VALID_WORDS: frozenset[str] = frozenset(normalize(w) for w in (
    "Validé", "Valide", "Validée", "Valid", "Oui", "Yes", "Y", "O", "True", "Vrai", "1", "OK",
    "Payé", "Payée", "Paid", "Confirmé", "Confirmée", "Confirmed", "Complete", "Completed", "Terminé",
    "Inscrit", "Inscrite", "Registered", "Attending", "Participe", "Going", "Approved", "Accepté",
    "Accepted", "Active", "Actif", "Pending", "En attente", "Awaiting payment", "Unpaid", "Non payé",
    "Checked in", "Enregistré", "Présent", "Gratuit", "Free", "Offert", "Invité", "Réservé", "Booked",
))

# Whole values that mean "not coming / not admitted".
CANCELLED_WORDS: frozenset[str] = frozenset(normalize(w) for w in (
    "Non", "No", "N", "False", "Faux", "0", "Waitlist", "Waitlisted", "Liste d'attente", "Not going",
    "Not attending", "Ne participe pas", "Withdrawn", "Désisté", "Désistée", "Désistement", "Rejected",
    "Rejeté", "Refusé", "Refusée", "Refused", "Declined", "Décliné", "Expired", "Expiré", "Expirée",
    "Void", "Deleted", "Supprimé", "Supprimée", "Abandonné",
))

# Stems found inside longer values ("remboursé partiellement", "cancelled by the organiser").
_CANCELLED_STEMS = ("annul", "cancel", "rembours", "refund", "desist", "withdr", "reject", "rejet", "refus",
                    "declin", "supprim", "delete", "expir", "not attending", "ne participe pas")


def status_meaning(value: str) -> bool | None:
    """True: cancelled; False: valid; None: not a status word."""
    norm = normalize(value)
    if norm in CANCELLED_WORDS:
        return True
    if norm in VALID_WORDS:
        return False
    if any(stem in norm for stem in _CANCELLED_STEMS):
        return True
    return None


def is_cancelled_status(value: str) -> bool:
    """True when a status cell means the registration is cancelled, refunded, withdrawn or refused."""
    return status_meaning(value) is True
