"""Noms des mois pour les dates des métadonnées (« 13 mai 2024 », « 1er juillet 2023 »)."""

MONTHS = {
    "janvier": 1, "janv": 1, "février": 2, "fevrier": 2, "févr": 2, "fev": 2, "mars": 3, "avril": 4, "avr": 4,
    "mai": 5, "juin": 6, "juillet": 7, "juil": 7, "août": 8, "aout": 8, "septembre": 9, "sept": 9,
    "octobre": 10, "oct": 10, "novembre": 11, "nov": 11, "décembre": 12, "decembre": 12, "déc": 12, "dec": 12,
}
# Dates numériques : le jour d'abord (12/10/2024 est le 12 octobre).
NUMERIC_ORDER = "dmy"
