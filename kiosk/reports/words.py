"""The reports' words in French (the default) and English. Plain data: no Qt translator here."""

from __future__ import annotations

WORDS: dict[str, dict[str, str]] = {
    "fr": {
        "evacuation": "Liste d'évacuation — personnes présentes",
        "made_at": "Établie le {date} à {time}",
        "inside_count": "{n} personne(s) présente(s)",
        "last_name": "Nom", "first_name": "Prénom", "organisation": "Organisation", "arrived": "Arrivée",
        "page": "Page {n}", "cancelled_mark": "(inscription annulée)",
        "report": "Bilan de fréquentation", "summary": "En bref",
        "registered": "Inscrits", "attended": "Venus", "walk_ins": "Inscrits sur place",
        "no_show": "Taux d'absence", "peak": "Pic de présence",
        "peak_value": "{n} à {time}", "capacity": "Jauge de la salle",
        "by_workshop": "Par atelier", "by_category": "Par catégorie", "group": "Groupe",
        "places": "Places", "curve": "Arrivées et départs par 5 minutes",
        "arrivals": "Arrivées", "departures": "Départs", "inside_line": "Présents",
        "aggregates": "Chiffres agrégés uniquement : ce document ne contient aucune donnée personnelle.",
        "no_show_note": "Taux d'absence : part des inscrits à l'avance jamais venus "
                        "(les inscrits sur place sont exclus).",
        "untimed_note": "{n} passage(s) dont l'heure de l'appareil est hors de l'événement ou illisible : "
                        "comptés dans les chiffres, pas sur la courbe.",
        "none": "—",
    },
    "en": {
        "evacuation": "Evacuation list — people inside",
        "made_at": "Made on {date} at {time}",
        "inside_count": "{n} people inside",
        "last_name": "Last name", "first_name": "First name", "organisation": "Organisation",
        "arrived": "Arrived", "page": "Page {n}", "cancelled_mark": "(registration cancelled)",
        "report": "Attendance report", "summary": "Summary",
        "registered": "Registered", "attended": "Attended", "walk_ins": "Walk-ins",
        "no_show": "No-show rate", "peak": "Peak occupancy",
        "peak_value": "{n} at {time}", "capacity": "Venue capacity",
        "by_workshop": "By workshop", "by_category": "By category", "group": "Group",
        "places": "Places", "curve": "Arrivals and departures per 5 minutes",
        "arrivals": "Arrivals", "departures": "Departures", "inside_line": "Inside",
        "aggregates": "Aggregate figures only: this document holds no personal data.",
        "no_show_note": "No-show rate: share of pre-registered guests who never came (walk-ins excluded).",
        "untimed_note": "{n} movement(s) whose device time is outside the event or unreadable: "
                        "counted in the figures, not on the curve.",
        "none": "—",
    },
}


def words(lang: str) -> dict[str, str]:
    return WORDS.get(lang, WORDS["fr"])
