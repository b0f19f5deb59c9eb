"""The #Plus20 demo event: ~150 clearly fictitious guests, the same every time (seeded)."""

from __future__ import annotations

import random
import uuid

from kiosk.domain.model import Attendee, Category, Event, Status, Workshop
from kiosk.domain.text import fold

DEMO_NAMESPACE = uuid.UUID("6f1d2c54-1e7b-4d2a-9a53-2b0c5e7d9f10")

FIRST_NAMES = (
    "Hélène", "Léa", "Chloé", "Manon", "Camille", "Inès", "Zoé", "Louise", "Jade", "Anaïs", "Émilie",
    "Océane", "Maëlle", "Gaëlle", "Noémie", "Agnès", "Françoise", "Brigitte", "Soizic", "Lucas", "Théo",
    "Hugo", "Mathéo", "Raphaël", "Jérôme", "François", "Loïc", "Benoît", "Grégoire", "Stéphane", "Cédric",
    "Jean-Baptiste", "Marie-Noëlle", "Anne-Sophie", "Yasmine", "Karim", "Mehdi", "Nadia", "Fatoumata",
    "Moussa", "Aïcha", "Youssef", "Leïla", "Amadou", "Ngozi", "Chiara", "Giulia", "Matteo", "Sofía",
    "Javier", "Joana", "João", "Łukasz", "Zofia", "Björn", "Ingrid", "Søren", "Anouk", "Jürgen", "Siobhán",
    "Dimitra", "Nikos", "Olena", "Dmytro", "Mei", "Hiroshi", "Thi Thu", "Minh", "Priya", "Arjun", "Emma",
)
LAST_NAMES = (
    "Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit", "Durand", "Leroy", "Moreau",
    "Simon", "Laurent", "Lefèvre", "Michel", "Garcia", "Roux", "Fournier", "Girard", "Bonnet", "Dupont",
    "Lambert", "Fontaine", "Rousseau", "Vincent", "Muller", "Faure", "André", "Mercier", "Blanc", "Guérin",
    "Boyer", "Chevalier", "François", "Legrand", "Gauthier", "Perrin", "Robin", "Clément", "Morin",
    "Nicolas", "Henry", "Roussel", "Mathieu", "Gautier", "Masson", "Marchand", "Duval", "Denis", "Lemaire",
    "de La Fontaine", "d'Arvieux", "Benali", "Haddad", "Diallo", "Traoré", "Ndiaye", "Okafor", "Rossi",
    "Esposito", "García López", "Gonçalves", "Kowalski", "Nowak", "Lindqvist", "Schäfer", "Ó Briain",
    "Papadopoulos", "Kovalenko", "Wang", "Tanaka", "Nguyễn", "Sharma", "Pagnol", "Estrosi-Ferrand",
)
ORGANISATIONS = (
    "La Ruche Marseille", "Inter-Made", "Coopérative Les Paniers du Panier", "Association Habitat Solidaire 13",
    "SCIC Friche Belle de Mai", "Recyclerie du Canet", "Atelier Couture Solidaire Noailles",
    "Collectif Logement d'Abord", "Épicerie Solidaire de la Joliette", "Banque Alimentaire des Bouches-du-Rhône",
    "Fab Lab Provence (fictif)", "Mutuelle Exemple & Cie", "Marseille Solutions (fictive)",
    "Ville de Marseille — Direction ESS (fictive)", "Région Sud — Service Innovation (fictif)",
    "Entreprise d'insertion Le Fil Rouge", "Bureau d'études Exemple SAS", "Incubateur Les Ruches du Sud",
    None, None, None,
)
CATEGORIES = (
    Category("Citoyen·ne", "#2e7d32"), Category("Entreprise", "#1565c0"),
    Category("Association", "#ef6c00"), Category("Institution", "#6a1b9a"),
)
WORKSHOPS = (Workshop("Se loger", 50), Workshop("Se nourrir", 50), Workshop("Se vêtir", 50))


PRIVACY_NOTICE = (
    "La Ruche Marseille et Inter-Made enregistrent votre nom, votre structure et votre e-mail pour "
    "vous accueillir à #Plus20 et compter les présences. Ces données sont effacées {retention} après "
    "l'événement ; seuls des totaux sans nom sont gardés. Contact : contact@example.org."
)


DEMO_EVENT_ID = str(uuid.uuid5(DEMO_NAMESPACE, "plus20"))


def is_demo(event: Event) -> bool:
    """The demo event `make run` opens on a new machine: a real export imported into it would sit among
    its fictitious guests (and their codes would open the door)."""
    return event.id == DEMO_EVENT_ID


def demo_event() -> Event:
    return Event(
        id=DEMO_EVENT_ID,
        name="#Plus20 — La Ruche Marseille × Inter-Made",
        starts_at="2026-11-30T18:00:00+01:00",
        venue="Les Grandes Tables, Friche la Belle de Mai, Marseille",
        capacity=180,
        tagline="Ensemble pour une économie sociale et solidaire",
        privacy_notice=PRIVACY_NOTICE,
        workshops=WORKSHOPS,
        categories=CATEGORIES,
    )


def demo_attendees(event: Event, count: int = 152, seed: int = 20) -> list[Attendee]:
    """Guests with ticket codes PLUS20-0001…; a few cancelled, emails on example.org (RFC 2606)."""
    rng = random.Random(seed)
    people: list[Attendee] = []
    seen: set[tuple[str, str]] = set()
    while len(people) < count:
        first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
        if (first, last) in seen:
            continue
        seen.add((first, last))
        index = len(people) + 1
        organisation = rng.choice(ORGANISATIONS)
        category = (
            "Citoyen·ne" if organisation is None
            else rng.choice(("Entreprise", "Association", "Association", "Institution"))
        )
        local = "".join(ch for ch in fold(f"{first}.{last}") if ch.isalnum() or ch in ".-")
        people.append(Attendee(
            id=str(uuid.uuid5(DEMO_NAMESPACE, f"attendee-{index}")),
            event_id=event.id,
            first_name=first,
            last_name=last,
            ticket_code=f"PLUS20-{index:04d}",
            email=f"{local}@example.org",
            organisation=organisation,
            category=category,
            workshop=rng.choice(event.workshops).name if rng.random() < 0.85 else None,
            status=Status.CANCELLED if rng.random() < 0.04 else Status.VALID,
            source="demo",
        ))
    return people
