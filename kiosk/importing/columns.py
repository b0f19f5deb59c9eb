"""Header row -> field mapping.

Headers are compared after normalisation (accents, case, punctuation and whitespace do not matter).
Each field has synonyms; an exact synonym beats a header that merely *contains* a synonym, longer
contained synonyms beat shorter ones. Per-attendee columns ("Attendee e-mail", "Prénom participant") beat
per-order ones ("E-mail" of the order, "Email payeur", HelloAsso's payer "Raison sociale"), whatever the
column order. Each field and each column is used at most once. A caller that has the data can veto a
column for a field (``accept``): a ticket code column whose values repeat, a status column whose values
are no status words; the next candidate is then tried.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from dataclasses import field as dc_field

from kiosk.importing.reader import ImportFileError

__all__ = [
    "FIELDS",
    "NAME_FIELDS",
    "ORDER_CODE_HEADERS",
    "ColumnMapping",
    "compact",
    "map_columns",
    "names_ticket_code",
    "normalize",
    "parse_map_option",
    "resolve_overrides",
]

FIELDS: tuple[str, ...] = (
    "ticket_code",
    "first_name",
    "last_name",
    "full_name",
    "email",
    "organisation",
    "category",
    "workshop",
    "status",
    "row_id",
    "position_id",
    "submitted_at",
    "ignore",
)
NAME_FIELDS: frozenset[str] = frozenset({"first_name", "last_name", "full_name"})

_NON_ALNUM = re.compile(r"[\W_]+")
# Billetweb numbers its custom fields: "Structure - #12", "Atelier choisi (#3)".
_FIELD_NUMBER = re.compile(r"\s*[-–(]?\s*#\s*\d+\s*\)?\s*$")



def normalize(text: str) -> str:
    """Lower-case, accent-less, punctuation-less, single-spaced form of ``text`` ("#" reads "number")."""
    decomposed = unicodedata.normalize("NFKD", text.replace("#", " number "))
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return _NON_ALNUM.sub(" ", stripped.casefold()).strip()


def compact(text: str) -> str:
    """Normalised form without any space ("E-mail" -> "email", "First Name" -> "firstname")."""
    return normalize(text).replace(" ", "")


@dataclass(frozen=True)
class _Synonym:
    tokens: tuple[str, ...]
    key: str  # compact form
    exact_score: int
    contains: bool


@dataclass(frozen=True)
class _FieldRule:
    synonyms: tuple[_Synonym, ...]
    veto: frozenset[str]  # a header containing one of these tokens never *contains*-matches this field
    qualified: bool  # apply the participant bonus / payer penalty


def _rule(
    exact: Sequence[str],
    contains: Sequence[str] = (),
    veto: Sequence[str] = (),
    *,
    tiers: Sequence[tuple[int, Sequence[str]]] = (),
    qualified: bool = False,
) -> _FieldRule:
    """``exact`` synonyms score 100, ``tiers`` give other exact scores, ``contains`` may match inside."""
    syns: list[_Synonym] = []
    contains_keys = {compact(s) for s in contains}
    for score, words in ((100, exact), *tiers):
        for s in words:
            syns.append(_Synonym(tuple(normalize(s).split()), compact(s), score, compact(s) in contains_keys))
    known = {s.key for s in syns}
    for s in contains:  # contains-only synonyms
        if compact(s) not in known:
            syns.append(_Synonym(tuple(normalize(s).split()), compact(s), 0, True))
    return _FieldRule(tuple(syns), frozenset(normalize(" ".join(veto)).split()), qualified)


_GENERIC_CODE_WORDS = ("Code", "Billet", "Ticket", "Référence")  # a ticket code, or its type, a promo code...

_RULES: dict[str, _FieldRule] = {
    "ticket_code": _rule(
        exact=[
            "Code-barres", "Code-barre", "Barcode", "Barcode #", "Numéro de billet", "N° de billet",
            "No de billet", "Numéro billet", "N° billet", "Ticket code", "Ticket number", "Ticket no",
            "Ticket #", "Ticket ID", "Code billet", "Code du billet", "Référence billet",
            "Référence du billet", "Réf billet", "Secret", "QR code", "Code QR", "Ticket barcode",
            "Ticket secret", "Secret du billet", "Public ID", "Attendee public ID",
        ],
        contains=[
            "barcode", "code barre", "code barres", "numero de billet", "n de billet", "numero billet",
            "ticket code", "ticket number", "code billet", "code du billet", "reference billet",
            "reference du billet", "qr code", "code qr", "secret",
        ],
        veto=["type", "prix", "price", "montant", "amount", "date", "promo", "postal", "pseudonymization",
              "pseudonyme", "voucher", "bon"],
        # Per-order references last: every ticket of an order shares them (see ORDER_CODE_HEADERS).
        tiers=[(90, _GENERIC_CODE_WORDS),
               (30, ["Order code", "Code de commande", "Order #", "Order number", "Référence commande",
                     "Numéro de commande", "N° de commande", "Commande", "Order", "Order ID"])],
    ),
    "first_name": _rule(
        exact=["Prénom", "First name", "Firstname", "Given name", "Forename", "Prenom"],
        contains=["prenom", "first name", "firstname", "given name", "forename"],
        qualified=True,
    ),
    "last_name": _rule(
        exact=[
            "Nom", "Nom de famille", "Last name", "Lastname", "Surname", "Family name", "Nom de naissance",
            "Nom d'usage",
        ],
        contains=["nom", "nom de famille", "last name", "lastname", "surname", "family name"],
        veto=[
            "structure", "entreprise", "societe", "organisation", "organization", "association",
            "employeur", "evenement", "event", "atelier", "workshop", "session", "tarif", "billet",
            "ticket", "produit", "product", "fichier", "ville", "rue", "commune", "pays",
            "etablissement", "organisme", "company", "club", "equipe", "team", "groupe", "formule",
            "categorie", "complet", "prenom", "utilisateur", "user", "code",
        ],
        qualified=True,
    ),
    "full_name": _rule(
        exact=[
            "Name", "Nom complet", "Full name", "Fullname", "Nom et prénom", "Nom prénom", "Prénom nom",
            "Prénom et nom", "Participant", "Participante", "Participant(e)", "Participant·e",
            "Attendee", "Attendee name", "Participant name", "Guest", "Guest name", "Ticket holder",
            "Holder name", "Identité", "Invité", "Invité(e)",
        ],
        contains=[
            "nom complet", "full name", "nom et prenom", "nom prenom", "prenom nom", "prenom et nom",
            "attendee name", "participant name", "guest name", "holder name",
        ],
        veto=["given", "family", "first", "last", "title", "titre", "surname", "famille"],
        qualified=True,
    ),
    "email": _rule(
        exact=[
            "Email", "E-mail", "Courriel", "Adresse e-mail", "Adresse email", "Adresse mail",
            "Adresse électronique", "Adresse courriel", "Mail", "Email address", "E-mail address",
        ],
        contains=["email", "e mail", "courriel", "mail", "adresse electronique"],
        veto=[
            "newsletter", "opt", "optin", "consent", "consentement", "accepte", "accepter", "accept",
            "abonnement", "subscribe", "subscription", "confirmation", "confirmer", "confirm",
            "envoye", "sent", "date",
        ],
        qualified=True,
    ),
    "organisation": _rule(
        exact=[
            "Structure", "Organisation", "Organization", "Entreprise", "Société", "Company",
            "Association", "Employeur", "Employer", "Organisme", "Établissement",
            "Nom de la structure", "Nom de l'organisation",
            "Nom de la société", "Nom de l'association", "Affiliation", "Institution", "Collectivité",
            "Club",
        ],
        # HelloAsso's "Raison sociale" is the payer's company: the participant's own field wins.
        tiers=[(60, ["Raison sociale", "Company name", "Nom de l'entreprise"])],
        contains=[
            "structure", "organisation", "organization", "entreprise", "societe", "company",
            "association", "employeur", "employer", "raison sociale", "organisme", "etablissement",
            "affiliation", "institution", "collectivite",
        ],
        veto=[
            "adresse", "address", "ville", "city", "siret", "siren", "tva", "vat", "code", "postal",
            "telephone", "phone", "tel", "email", "mail", "courriel", "type", "taille", "size",
            "secteur", "sector", "site", "website", "web", "logo", "pays", "country", "numero",
            "number", "role", "fonction", "poste",
        ],
        qualified=True,
    ),
    "category": _rule(
        exact=[
            "Catégorie", "Category", "Type", "Profil", "Profile", "Tarif", "Ticket type",
            "Type de billet", "Type billet", "Formule", "Product", "Produit", "Ticket category",
            "Catégorie de billet", "Ticket class", "Ticket name", "Product name", "Nom du billet",
            "Nom du tarif",
        ],
        contains=[
            "categorie", "category", "tarif", "ticket type", "type de billet", "type billet", "formule",
            "profil", "produit", "product",
        ],
        veto=[
            "prix", "price", "montant", "amount", "total", "code", "id", "date", "quantite", "quantity",
            "nombre", "tva", "vat",
        ],
        tiers=[(40, ["Billet", "Ticket"])],
    ),
    "workshop": _rule(
        exact=[
            "Atelier", "Ateliers", "Workshop", "Workshops", "Session", "Sessions", "Choix de l'atelier",
            "Choix atelier", "Track",
        ],
        contains=["atelier", "ateliers", "workshop", "workshops", "session", "sessions"],
        veto=["date", "heure", "time", "prix", "price", "montant", "amount", "id", "paiement", "payment"],
    ),
    "status": _rule(
        exact=[
            "Statut", "Status", "Attendee status", "Order status", "Statut de la commande",
            "Statut commande", "Statut du billet", "Ticket status", "État de la commande",
            "Statut du participant", "Statut participant", "Valide", "Valid", "RSVP", "Registration state",
            "Registration status", "État de l'inscription", "Statut de l'inscription", "Statut inscription",
        ],
        contains=["statut", "status", "etat", "rsvp"],
        veto=["check", "checkin", "scan", "marital", "civil", "professionnel", "emploi", "unis", "paiement",
              "payment", "adresse", "address", "facturation", "billing"],
        # A bare "État" is often an address field (pretix FR): kept only if its values are status words.
        tiers=[(60, ["État", "Etat", "State"])],
        qualified=True,
    ),
    "row_id": _rule(
        exact=[
            "ID", "Id", "Attendee #", "Attendee ID", "Participant ID", "ID participant", "ID du participant",
            "Member ID", "User ID", "Registration ID", "N° de participant", "Numéro de participant",
            "ID d'inscription", "Numéro d'inscription",
            "N° d'inscription", "Référence inscription", "Inscription ID", "Response ID", "Submission ID",
        ],
    ),
    "position_id": _rule(exact=["Position ID", "ID de la position", "Position #"]),
    "submitted_at": _rule(
        exact=[
            "Horodateur", "Horodatage", "Timestamp", "Submitted at", "Submission date", "Date de soumission",
            "Date de réponse", "Response date", "RSVPed on", "Date d'inscription", "Registration date",
        ],
    ),
}

# Ticket-code headers that name the order, not the ticket: a fallback code only (with a position id).
ORDER_CODE_HEADERS: frozenset[str] = frozenset(compact(h) for h in (
    "Order code", "Code de commande", "Order #", "Order number", "Référence commande", "Numéro de commande",
    "N° de commande", "Commande", "Order", "Order ID",
))

# Headers that may name something every ticket of a kind shares: a bare word, or Hi.Events' "Ticket ID" (the
# product's id: every attendee of one ticket type has it).
_SHARED_CODE_HEADERS = frozenset(compact(h) for h in (*_GENERIC_CODE_WORDS, "Ticket ID"))


def names_ticket_code(header: str) -> bool:
    """The header names one ticket's own code ("Barcode", "Numéro de billet", "Ticket secret"...): neither
    an order's reference (shared by the tickets of an order) nor a bare word ("Code", "Billet") or an id that
    may as well name the ticket's type. Such a column's values must not repeat across people."""
    key = compact(header)
    return (_field_score("ticket_code", header) > 0 and key not in ORDER_CODE_HEADERS
            and key not in _SHARED_CODE_HEADERS)


_BONUS_TOKENS = frozenset(
    {
        "participant", "participante", "participants", "attendee", "attendees", "holder", "porteur",
        "invite", "guest", "beneficiaire", "titulaire", "inscrit", "inscrite", "adherent", "adherente",
    }
)
_PENALTY_TOKENS = frozenset(
    {
        "payeur", "payer", "payeuse", "acheteur", "acheteuse", "buyer", "purchaser", "commande", "order",
        "facturation", "billing", "commanditaire", "client", "souscripteur", "paiement", "payment",
    }
)
_EXACT_THRESHOLD = 80


def _contains_seq(haystack: tuple[str, ...], needle: tuple[str, ...]) -> bool:
    n = len(needle)
    if n == 0 or n > len(haystack):
        return False
    return any(haystack[i : i + n] == needle for i in range(len(haystack) - n + 1))


def _field_score(field: str, header: str) -> int:
    """Score of ``header`` for ``field``; 0 = no match."""
    rule = _RULES[field]
    norm = normalize(_FIELD_NUMBER.sub("", header) or header)
    if not norm:
        return 0
    tokens = tuple(norm.split())
    key = norm.replace(" ", "")
    token_set = frozenset(tokens)
    best = 0
    for syn in rule.synonyms:
        if syn.exact_score and key == syn.key:
            best = max(best, syn.exact_score)
        elif syn.contains and not (token_set & rule.veto) and _contains_seq(tokens, syn.tokens):
            best = max(best, 40 + 5 * len(syn.tokens))
    if best and rule.qualified:
        if token_set & _BONUS_TOKENS:
            best += 60  # above any exact synonym: "Attendee e-mail" beats the order's "E-mail"
        if token_set & _PENALTY_TOKENS:
            best -= 15
        best = max(best, 1)
    return best


@dataclass(frozen=True)
class ColumnMapping:
    """Result of mapping one header row."""

    indexes: dict[str, int]  # field -> column index (never contains "ignore")
    headers: list[str]  # the header row, stripped
    confident_name: bool  # a name field is mapped by an exact synonym or an override
    fallbacks: dict[str, int] = dc_field(default_factory=dict)  # field -> column read when the first is empty
    attendee_level: bool = False  # a mapped header names the attendee (or the ticket's own secret/barcode)

    @property
    def mapping(self) -> dict[str, str]:
        return {field: self.headers[i] for field, i in self.indexes.items()}

    def has_name(self) -> bool:
        return any(f in self.indexes for f in NAME_FIELDS)

    def order_level_code(self) -> bool:
        """The ticket code column names the order: shared by every ticket of an order."""
        col = self.indexes.get("ticket_code")
        return col is not None and compact(self.headers[col]) in ORDER_CODE_HEADERS


Accept = Callable[[str, int], bool]


def resolve_overrides(overrides: Mapping[str, str] | None) -> dict[str, tuple[str, str]]:
    """Validate ``{header: field}`` overrides; return ``{compact header: (header as given, field)}``."""
    result: dict[str, tuple[str, str]] = {}
    if not overrides:
        return result
    seen_fields: dict[str, str] = {}
    for header, raw_field in overrides.items():
        field = _clean_field(raw_field)
        if field is None:
            raise ImportFileError("invalid_field", field=raw_field, column=header, fields=", ".join(FIELDS))
        key = compact(header)
        if not key:
            raise ImportFileError("invalid_column_name", column=header)
        if key in result and result[key][1] != field:
            raise ImportFileError("column_mapped_twice", column=header)
        if field != "ignore":
            if field in seen_fields and seen_fields[field] != key:
                raise ImportFileError("field_mapped_twice", field=field)
            seen_fields[field] = key
        result[key] = (header.strip(), field)
    return result


def map_columns(  # noqa: C901 (a sequence of matching passes; split = the same passes, scattered)
    header_row: Sequence[str], overrides: Mapping[str, tuple[str, str]] | None = None,
    accept: Accept | None = None,
) -> ColumnMapping:
    """Map the cells of ``header_row`` to fields.  ``overrides`` is the output of :func:`resolve_overrides`;
    ``accept(field, column)`` may veto a candidate after looking at its values (overrides are never vetoed)."""
    headers = [h.strip() for h in header_row]
    keys = [compact(h) for h in headers]
    indexes: dict[str, int] = {}
    used_cols: set[int] = set()
    confident = False
    if overrides:
        for col, key in enumerate(keys):
            entry = overrides.get(key)
            if entry is None:
                continue
            field = entry[1]
            used_cols.add(col)  # "ignore" and duplicates of an overridden header are dropped too
            if field != "ignore" and field not in indexes:
                indexes[field] = col
                confident = confident or field in NAME_FIELDS
    overridden = set(indexes)

    candidates: list[tuple[int, int, int, str]] = []  # (-score, column, field order, field)
    for col, header in enumerate(headers):
        if col in used_cols or not keys[col]:
            continue
        for order, field in enumerate(FIELDS[:-1]):
            if field in indexes:
                continue
            score = _field_score(field, header)
            if score > 0:
                candidates.append((-score, col, order, field))
    candidates.sort()
    attendee_level = False
    leftovers: dict[str, int] = {}
    for neg_score, col, _order, field in candidates:
        if col in used_cols:
            continue
        if field in indexes:
            leftovers.setdefault(field, col)
            continue
        if accept is not None and not accept(field, col):
            continue
        indexes[field] = col
        used_cols.add(col)
        if field in NAME_FIELDS and -neg_score >= _EXACT_THRESHOLD:
            confident = True
        tokens = frozenset(normalize(headers[col]).split())
        if (tokens & _BONUS_TOKENS and _RULES[field].qualified) or (
                field == "ticket_code" and keys[col] not in ORDER_CODE_HEADERS and -neg_score >= 100):
            attendee_level = True
    # The order's e-mail stands in for an attendee who left theirs empty (pretix's optional attendee e-mail).
    fallbacks = {f: c for f, c in leftovers.items() if f == "email" and c not in used_cols and f not in overridden}
    return ColumnMapping(indexes=indexes, headers=headers, confident_name=confident, fallbacks=fallbacks,
                         attendee_level=attendee_level)


def _clean_field(raw: str) -> str | None:
    field = raw.strip().lower().replace("-", "_").replace(" ", "_")
    aliases = {"organization": "organisation", "code": "ticket_code", "ticket": "ticket_code",
               "name": "full_name", "firstname": "first_name", "lastname": "last_name",
               "fullname": "full_name", "mail": "email", "e_mail": "email", "skip": "ignore"}
    field = aliases.get(field, field)
    return field if field in FIELDS else None


def parse_map_option(items: Sequence[str]) -> dict[str, str]:
    """Parse ``--map`` items ``["Mon prénom=first_name", ...]`` into ``{header: field}``."""
    result: dict[str, str] = {}
    seen: dict[str, str] = {}
    for item in items:
        header, sep, raw_field = item.rpartition("=")
        header = header.strip()
        field = _clean_field(raw_field) if sep else None
        if not sep or not header or field is None:
            raise ImportFileError("invalid_map_item", item=item, fields=", ".join(FIELDS))
        key = compact(header)
        if not key:
            raise ImportFileError("map_item_no_column", item=item)
        if key in seen:
            raise ImportFileError("map_column_twice", column=header)
        seen[key] = header
        result[header] = field
    return result
