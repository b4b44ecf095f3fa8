"""Vocabulaire monétaire français. Les exemples qui le spécifient sont dans money_examples.tsv à côté."""

# Après le nombre : « 109 Md€ », « 30 M€ », « 1,2 milliard d'euros ». Le « billion » français vaut 10^12.
MAGNITUDES = {
    "mille": 1e3, "k": 1e3, "K": 1e3, "millier": 1e3, "milliers": 1e3,
    "million": 1e6, "millions": 1e6, "M": 1e6, "Mio": 1e6, "mln": 1e6, "mio": 1e6,
    "milliard": 1e9, "milliards": 1e9, "Md": 1e9, "Mds": 1e9, "md": 1e9, "mds": 1e9, "Mrd": 1e9, "Mrds": 1e9,
    "Mds.": 1e9, "Md.": 1e9, "G": 1e9,
    "billion": 1e12, "billions": 1e12, "trillion": 1e18,
}
SYMBOL_ONLY_MAGNITUDES = {"k", "K", "M", "G", "md", "mds"}

HEDGES = {
    "at_least": ["plus de", "au moins", "au minimum", "plus que", "supérieur à", "supérieure à", "dépassant",
                 "pas moins de", "un minimum de", "au-delà de", "largement plus de", "bien plus de",
                 "un peu plus de", "davantage que"],
    "at_most": ["jusqu'à", "jusqu’à", "moins de", "au plus", "au maximum", "pas plus de", "inférieur à",
                "inférieure à", "en-dessous de", "en dessous de", "un maximum de", "un peu moins de",
                "plafonné à", "plafonnée à", "moins que"],
    "approx": ["près de", "environ", "quelque", "approximativement", "autour de", "de l'ordre de",
               "de l’ordre de", "à peu près", "presque", "pratiquement", "quasi", "quasiment", "estimé à",
               "estimée à", "un total estimé à", "aux alentours de", "grosso modo", "une estimation de",
               "~", "env."],
}
EXACT_WORDS = ["exactement", "précisément", "pile"]
RANGE_OPENERS = ["entre", "de"]
RANGE_CONNECTORS = ["et", "à", "-", "–", "—", "ou"]
RESTATEMENT_GAPS = ["-", "–", "—", "(", ",", "/", "soit", "c'est-à-dire", "c’est-à-dire", "environ", "près de",
                    "ou", "ou environ", "l'équivalent de", "l’équivalent de", "quelque", "soit environ"]

NUMBER_WORDS = [
    "zéro", "un", "une", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix", "onze",
    "douze", "treize", "quatorze", "quinze", "seize", "dix-sept", "dix-huit", "dix-neuf", "vingt", "vingts",
    "trente", "quarante", "cinquante", "soixante", "septante", "octante", "huitante", "nonante", "cent",
    "cents", "et",
]
ONE_WORDS = ["un", "une"]
HALF_PREFIXES = ["un demi-", "un demi ", "demi-"]  # « un demi-milliard d'euros »
HALF_SUFFIXES = ["et demi", "et demie"]  # « un milliard et demi d'euros »
CENT_WORDS = ["centimes", "centime", "cents", "cent", "c"]
DECIMAL_COMMA = True

# Seulement avec colloquial=True : argot monétaire, en unités de la devise du lieu.
COLLOQUIAL_UNITS = {"balles": 1.0, "balle": 1.0, "briques": 10_000.0, "brique": 10_000.0}
