"""Write a seeded, realistic French registration export (HelloAsso-like CSV) for the import benchmark.

Usage: python benchmarks/gen_registrations.py N OUT.csv [--seed SEED]

The file is UTF-8 with BOM, ';'-separated, CRLF line endings (what Excel/HelloAsso produce), with a title
line above the header, accented and particle names, quoted fields containing ';' and line breaks, about
3 % cancelled/refunded registrations and unique ticket codes.  Every data row is a valid record, so an
import of the file must yield exactly N records.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import random
import unicodedata
from pathlib import Path

FIRST_NAMES = (
    "Hélène", "Jean-Pierre", "Marie", "Zoé", "Léa", "Chloé", "Noël", "François", "Anaïs", "Jérôme",
    "Camille", "Loïc", "Maëlle", "Thomas", "Nicolas", "Inès", "Yasmine", "Mohamed", "Nguyễn", "Ana",
    "Sébastien", "Aurélie", "Benoît", "Cécile", "Gaëlle", "Joël", "Mathéo", "Océane", "Raphaël", "Élodie",
)
LAST_NAMES = (
    "Dupont", "Martin", "Bernard", "de La Fontaine", "Lefèvre", "Müller", "N'Diaye", "Le Goff",
    "d'Ormesson", "Durand", "Moreau", "Girard", "Bonnet", "François", "Rousseau", "Mercier", "Faure",
    "Benali", "Da Silva", "Van der Berg", "Lemaître", "Châtelain", "Gauthier", "Perrin", "Lambert",
)
ORGANISATIONS = (
    "", "", "", "Mairie de Rennes", "Association Les Amis du Vélo", "SARL Dupont & Fils", "Université de Lyon",
    "Collectif « Demain »", "Coop; Bio & Co", "MJC Saint-Étienne",
)
TARIFS = ("Plein tarif", "Tarif réduit", "Bénévole", "Intervenant·e", "Gratuit - étudiant")
ATELIERS = ("", "Atelier A – Vélo", "Atelier B – Compost", "Atelier C – Réparation", "Table ronde")
STATUSES = ("Validé",) * 30 + ("Remboursé",)
DOMAINS = ("gmail.com", "orange.fr", "free.fr", "laposte.net", "asso-exemple.org", "yahoo.fr")
COMMENTS = ("", "", "", "", "Végétarien", "Allergie : arachides; gluten", "Arrivée tardive\r\nvers 10h", "RAS")

HEADER = (
    "Numéro de billet", "Référence commande", "Date de la commande", "Statut de la commande", "Tarif",
    "Montant tarif", "Nom participant", "Prénom participant", "Nom payeur", "Prénom payeur", "Email payeur",
    "Raison sociale", "Atelier", "Code Promo", "Commentaire",
)


def _ascii(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if c.isascii() and (c.isalnum() or c in "-.")).lower()


def generate(n: int, out: Path, seed: int = 42) -> None:
    rng = random.Random(seed)
    codes = rng.sample(range(10**9, 10**10), n)
    start = dt.datetime(2025, 1, 6, 9, 0)
    with out.open("w", encoding="utf-8-sig", newline="") as fh:
        writer = csv.writer(fh, delimiter=";", lineterminator="\r\n")
        writer.writerow(["Export des participants - Festival de la Transition 2025"])
        writer.writerow([])
        writer.writerow(HEADER)
        order = 0
        i = 0
        while i < n:
            order += 1
            payer_first, payer_last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
            email = f"{_ascii(payer_first)}.{_ascii(payer_last)}{rng.randint(1, 999)}@{rng.choice(DOMAINS)}"
            if rng.random() < 0.04:
                email = ""
            when = start + dt.timedelta(minutes=rng.randint(0, 120 * 24 * 60))
            status = rng.choice(STATUSES)
            org = rng.choice(ORGANISATIONS)
            for _ in range(min(rng.choice((1, 1, 1, 2, 3)), n - i)):
                first = payer_first if rng.random() < 0.5 else rng.choice(FIRST_NAMES)
                last = payer_last if rng.random() < 0.7 else rng.choice(LAST_NAMES)
                tarif = rng.choice(TARIFS)
                writer.writerow(
                    [
                        str(codes[i]),
                        f"{order:07d}",
                        when.strftime("%d/%m/%Y %H:%M"),
                        status,
                        tarif,
                        "0,00" if "Gratuit" in tarif or "Bénévole" in tarif else f"{rng.choice((12, 18, 25))},00",
                        last,
                        first,
                        payer_last,
                        payer_first,
                        email,
                        org,
                        rng.choice(ATELIERS),
                        "EARLY" if rng.random() < 0.1 else "",
                        rng.choice(COMMENTS),
                    ]
                )
                i += 1


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("n", type=int, help="number of registrations (data rows)")
    parser.add_argument("out", type=Path, help="output CSV path")
    parser.add_argument("--seed", type=int, default=42)
    args = parser.parse_args(argv)
    if args.n < 0:
        parser.error("N must be >= 0")
    generate(args.n, args.out, args.seed)


if __name__ == "__main__":
    main()
