"""Vocabulaire monétaire français. Les exemples qui le spécifient sont dans money_examples.tsv à côté."""

# Après le nombre : « 109 Md€ », « 30 M€ », « 1,2 milliard d'euros ». Le « billion » français vaut 10^12.
MAGNITUDES = {
    "mille": 1e3, "k": 1e3, "K": 1e3, "millier": 1e3, "milliers": 1e3,
    "million": 1e6, "millions": 1e6, "M": 1e6, "Mio": 1e6, "mln": 1e6, "mio": 1e6,
    "milliard": 1e9, "milliards": 1e9, "Md": 1e9, "Mds": 1e9, "md": 1e9, "mds": 1e9, "Mrd": 1e9, "Mrds": 1e9,
    "Mds.": 1e9, "Md.": 1e9, "G": 1e9,
    "billion": 1e12, "billions": 1e12, "trillion": 1e18,
    "m": 1e6, "mrd": 1e9, "mrds": 1e9, "Mrd.": 1e9, "mds.": 1e9,
}
SYMBOL_ONLY_MAGNITUDES = {"k", "K", "M", "G", "md", "mds", "m", "mrd", "mrds"}

HEDGES = {
    "at_least": ["plus de", "au moins", "au minimum", "plus que", "supérieur à", "supérieure à", "dépassant",
                 "pas moins de", "un minimum de", "au-delà de", "largement plus de", "bien plus de",
                 "un peu plus de", "davantage que"],
    "at_most": ["jusqu'à", "jusqu’à", "moins de", "au plus", "au maximum", "pas plus de", "inférieur à",
                "inférieure à", "en-dessous de", "en dessous de", "un maximum de", "un peu moins de",
                "plafonné à", "plafonnée à", "moins que"],
    "approx": ["près de", "environ", "quelque", "quelques", "approximativement", "autour de", "de l'ordre de",
               "de l’ordre de", "à peu près", "presque", "pratiquement", "quasi", "quasiment", "estimé à",
               "estimée à", "un total estimé à", "aux alentours de", "grosso modo", "une estimation de",
               "~", "env."],
}
EXACT_WORDS = ["exactement", "précisément", "pile"]
# Après le montant : « 5 M€ environ », « 2 milliards ou plus ».
HEDGES_AFTER = {"approx": ["environ", "à peu près"], "at_least": ["ou plus", "et plus", "au moins"],
                "at_most": ["ou moins", "au plus", "au maximum"]}
# Après un prix, ces mots en font un prix unitaire : « 29,050 € par action » (trois décimales).
PER_UNIT_AFTER = ["par action", "l'action", "l’action", "par titre", "le titre", "par unité", "l'unité", "l’unité"]
# Un ouvrant de fourchette et ses connecteurs : « entre 2 et 3 milliards », « de 10 à 20 M€ ».
RANGE_PAIRS = {"entre": ["et", "à", "-", "–"], "de": ["à", "-", "–"]}
RANGE_CONNECTORS = ["et", "à", "-", "–", "—", "ou", "/"]
# Sans ouvrant, ces mots joignent une liste ou une alternative, jamais une fourchette.
# Openers that may also start a change ("rose from 2 to 3").
CHANGE_OPENERS = ["de"]
LIST_CONNECTORS = ["et", "ou"]
# « 3 ou 4 millions d'euros » : une alternative, gardée avec ses deux valeurs.
ALTERNATIVE_CONNECTORS = ["ou"]
# « 4 à 6 milliards d'euros », « 20-40 M€ » : la grandeur écrite une fois vaut pour les deux nombres.
SHARED_MAGNITUDE_CONNECTORS = ["à", "-", "–", "—", "ou"]
# Avant « de X à Y », ces mots disent que le chiffre a changé (deux valeurs), pas une fourchette.
CHANGE_WORDS = ["passe", "passer", "passant", "passé", "passée", "passera", "porte", "porter", "portant", "porté",
                "portée", "portés", "relève", "relever", "relevé", "relevée", "augmente", "augmenter", "augmenté",
                "augmentée", "augmentant", "hausse", "rehaussé", "rehausse", "revu", "revue", "revoit", "réduit",
                "réduire", "réduite", "baisse", "baissé", "abaissé", "grimpe", "grimpé", "bondi", "bondit", "double",
                "doublé", "triplé", "chute", "chuté", "recule", "reculé", "progresse", "progressé", "croît", "crû",
                "gonflé", "élevé", "élève", "monte", "monté", "monter", "diminue", "diminué", "ramené", "ramène"]
RESTATEMENT_GAPS = ["-", "–", "—", "(", ",", "/", "soit", "c'est-à-dire", "c’est-à-dire", "environ", "près de",
                    "ou", "ou environ", "l'équivalent de", "l’équivalent de", "quelque", "soit environ",
                    "soient", "soient environ"]  # « soient » : l'accord au pluriel, courant dans la presse

# Ordinaux et déterminants avant une unité d'argot qui en font autre chose que de l'argent.
ORDINALS_BEFORE = ["premier", "première", "dernier", "dernière", "chaque", "par"]
# Mots qui rendent un « $ » explicitement américain.
EXPLICIT_US = ["États-Unis", "Etats-Unis", "américaine", "américaines", "US", "USD", "américain", "américains",
               "É.-U."]
# « 3 millions d'euros » ; doublé par coquille : « 3 millions de d'euros ».
# Dollar forms that do not say which dollar: a locale or the document decides (USD by default).
GENERIC_DOLLARS = ["$", "dollar", "dollars"]
# Before a currency only: « 80 millions en dollars canadiens ».
CURRENCY_PREPOSITIONS = ["en"]
# A decimal said in words ("41-point-eight"): the words after it are no whole number.
DECIMAL_WORDS = ["virgule"]
OF_WORDS = ["de", "d'", "d’"]

# Une phrase avec l'un de ces noms compte des choses : un « 3 millions » nu n'y emprunte pas la devise
# d'une autre phrase (« porte à 16 millions le nombre d'actions »).
COUNT_NOUNS = ["action", "actions", "clients", "utilisateurs", "abonnés", "personnes", "salariés", "employés",
               "emplois", "habitants", "véhicules", "voitures", "unités", "foyers", "ménages", "appareils",
               "téléchargements", "visiteurs", "membres", "étudiants", "patients", "passagers", "tonnes", "barils",
               "effectif", "effectifs", "population"]
# « racheté X pour 600 millions » : un prix, gardé sans devise quand aucune ne peut être empruntée.
PRICE_VERBS = ["racheté", "rachète", "rachètent", "rachetée", "acheté", "achète", "achètent", "achetée", "vendu",
               "vend", "vendent", "vendue", "cédé", "cède", "cèdent", "cédée", "payé", "paie", "paye", "paient",
               "acquis", "acquiert", "acquise"]
PRICE_PREPOSITIONS = ["pour"]
# Un nombre avec une grandeur et sans devise (« dont 3 milliards pour … ») emprunte la devise de son
# voisin ; le français écrit « 10 millions de personnes », donc tout mot suit, sauf « de » + un nom qui
# n'est pas dans MONEY_NOUNS.
BARE_FOLLOWERS = ["de", "d'", "d’"]
ANY_WORD_AFTER_MAGNITUDE = True
MONEY_NOUNS = ["subventions", "subvention", "chiffre", "financement", "financements", "investissement",
               "investissements", "fonds", "aide", "aides", "dotation", "crédits", "crédit", "prêts", "prêt",
               "dette", "capital", "levée", "levées", "bénéfice", "bénéfices", "ventes", "revenus", "recettes",
               "dollars", "euros", "la", "l'", "l’", "une", "leur", "ses", "son", "sa", "cette", "ce", "ces"]
MONEY_ONLY_MAGNITUDES = ["Md", "Mds", "Md.", "Mds.", "md", "mds", "mrd", "mrds", "Mrd", "Mrds"]

AND_WORDS = ["et"]  # inside spelled numbers and before cents
NUMBER_WORDS = [
    "zéro", "un", "une", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix", "onze",
    "douze", "treize", "quatorze", "quinze", "seize", "dix-sept", "dix-huit", "dix-neuf", "vingt", "vingts",
    "trente", "quarante", "cinquante", "soixante", "septante", "octante", "huitante", "nonante", "cent",
    "cents", "et",
]
ONE_WORDS = ["un", "une"]
# Fractions avant une grandeur : « un demi-milliard d'euros », « un quart de million ».
FRACTION_PREFIXES = {"un demi-": 0.5, "un demi ": 0.5, "demi-": 0.5, "un quart de": 0.25}
# Nombres approximatifs écrits en noms : « une vingtaine de millions d'euros ».
APPROX_NUMBER_NOUNS = {"dizaine": 10, "douzaine": 12, "quinzaine": 15, "vingtaine": 20, "trentaine": 30,
                       "quarantaine": 40, "cinquantaine": 50, "soixantaine": 60, "centaine": 100}
# Mots qui valent « un » seulement devant une grandeur : « franchir le milliard de dollars ».
ONE_WORDS_BEFORE_MAGNITUDE = ["le", "du"]
HALF_SUFFIXES = ["et demi", "et demie"]  # « un milliard et demi d'euros »
CENT_WORDS = ["centimes", "centime", "cents", "cent", "c"]
# Montants en centièmes de devise, seuls : « 455 pence », « 80 centimes ».
MINOR_UNITS = {"pence": "GBP", "centimes": "EUR", "centime": "EUR", "cents": "USD", "centimes d'euro": "EUR",
               "centimes d’euro": "EUR"}
DECIMAL_COMMA = True

# Seulement avec colloquial=True : argot monétaire, en unités de la devise du lieu.
COLLOQUIAL_UNITS = {"balles": 1.0, "balle": 1.0, "briques": 10_000.0, "brique": 10_000.0}
