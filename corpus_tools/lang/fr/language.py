"""Ce qui distingue un texte français d'un texte anglais, pour la décision de langue
(``ingest/language.py``).

Seulement des mots et des formes que l'anglais et les langues voisines n'emploient pas : ni « de »,
« la », « il », « que », « entre » (espagnol, italien), ni « a », « on », « or ».
"""

FUNCTION_WORDS = frozenset("""
les est et une dans du au aux sont qui avec pour sur été ont cette mais leur nous vous être aussi ces
ses selon lors leurs depuis à où était sera seront avait avaient ce cet sans chez vers dont lui ils
elle elles pas ne ou très déjà encore son sa notre nos votre vos fait peut doit après avant aujourd
comme ainsi donc alors car plusieurs chaque quand
""".split())
# Formes de la grammaire monétaire que seul le français écrit : « milliard », « millions d'euros »,
# « 30 M€ », « 1,5 milliard », le symbole après le nombre (« 500 € »).
MONEY_CUES = (
    r"\bmilliards?\b",
    r"\b(?:millions?|milliers?) (?:d['’]|de\b)",
    r"\bd['’](?:euros|dollars)\b",
    r"\d\s?(?:M|Md|Mds|Mrd|Mrds|k)\s?[€$£]",
    r"\d[\d\u00a0\u202f ]*\s?€",
    r"\d,\d+\s?(?:milliards?|millions?|M|Md|Mds)\b",
)
# Lettres accentuées que l'anglais n'écrit que dans des noms empruntés.
LETTERS = "éèêëàâçùûüôîïœ"
# Élisions : « l'usine », « d'euros », « qu'il », « n'a », « s'est », « c'est », « jusqu'à », et en tête
# de phrase devant une minuscule (« L’avantage », « D’après » ; pas « D'Souza », un nom) ; l'espace avant
# les deux-points, le point-virgule, les points d'interrogation et d'exclamation de la typographie
# française (« Crédits : », « Pourquoi ? »).
SHAPES = (r"(?<![\w'’])(?:[ldjmnstc]|qu|jusqu|lorsqu|puisqu)['’](?=\w)",
          r"(?<![\w'’])(?:[LDJMNSTC]|Qu|Jusqu|Lorsqu|Puisqu)['’](?=[a-zà-ÿœ])",
          r"(?<=\w)[ \u00a0\u202f][:;?!](?=\s|$)")
# Crédits photo à la française : « Crédit photo », « Crédits : », « DR » (droits réservés) en tête de
# ligne, après « © », « / » ou « Photo » (« DR Congo » au milieu d'une phrase anglaise n'y est pas).
CREDITS = (r"\bCrédits? photo\b", r"\bCrédits?\s?:", r"(?:^|(?<=\n)|[©/(|]\s*|\bPhotos?\s?:?\s)DR\b(?![-.'’])")
# Les mois s'écrivent en minuscules : un nom que l'anglais écrit aussi (« dec », « nov ») désigne le
# français par sa casse, à côté d'un nombre.
MONTHS_CAPITALISED = False
