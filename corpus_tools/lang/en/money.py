"""English money vocabulary. The examples that specify it are in money_examples.tsv beside this file."""

# Written after the number: "$4bn", "€1.5 billion", "£500m", "USD 1.2 trillion".
MAGNITUDES = {
    "thousand": 1e3, "thousands": 1e3, "k": 1e3, "K": 1e3,
    "million": 1e6, "millions": 1e6, "mn": 1e6, "mln": 1e6, "mio": 1e6, "m": 1e6, "M": 1e6, "MM": 1e6,
    "billion": 1e9, "billions": 1e9, "bn": 1e9, "bln": 1e9, "b": 1e9, "B": 1e9,
    "trillion": 1e12, "trillions": 1e12, "tn": 1e12, "trn": 1e12, "T": 1e12,
    "lakh": 1e5, "lakhs": 1e5, "crore": 1e7, "crores": 1e7,  # South Asian news
}
# Magnitudes that may also mean something else ("m" metres, "B" grades) are only accepted next to
# a currency sign or code, never with a currency word alone.
SYMBOL_ONLY_MAGNITUDES = {"k", "K", "m", "M", "MM", "b", "B", "T"}

HEDGES = {
    "at_least": ["more than", "over", "at least", "upwards of", "in excess of", "north of", "no less than",
                 "a minimum of", "above", "exceeding", "greater than", "just over", "well over", "over and above",
                 "not less than", "more then"],
    "at_most": ["up to", "under", "less than", "at most", "no more than", "a maximum of", "below", "lower than",
                "not more than", "as much as", "just under", "capped at", "not exceeding"],
    "approx": ["about", "around", "approximately", "roughly", "some", "nearly", "almost", "close to",
               "an estimated", "estimated at", "circa", "~", "approx.", "an approximate", "roughly about",
               "in the region of", "the equivalent of", "around about", "close on", "something like"],
}
EXACT_WORDS = ["exactly", "precisely", "just"]
RANGE_OPENERS = ["between", "from"]
RANGE_CONNECTORS = ["and", "to", "-", "–", "—", "or"]
# Between two amounts in different currencies, these words say the second restates the first.
RESTATEMENT_GAPS = ["-", "–", "—", "(", ",", "/", "or", "i.e.", "that is", "equivalent to", "about", "around",
                    "roughly", "some", "approximately", "nearly", "worth", "or about", "or around"]

NUMBER_WORDS = [
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
    "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty", "thirty",
    "forty", "fifty", "sixty", "seventy", "eighty", "ninety", "hundred",
]
ONE_WORDS = ["a", "an"]  # "a billion dollars"
HALF_PREFIXES = ["half a", "half an"]  # "half a billion dollars"
HALF_SUFFIXES = ["and a half"]  # "a billion and a half dollars", "one and a half billion"
CENT_WORDS = ["cents", "cent", "pence", "p", "c", "sen", "sens", "kopiykas", "kopecks"]
DECIMAL_COMMA = False

# Only with colloquial=True and a locale: slang and coins, worth a share of the locale's currency.
COLLOQUIAL_UNITS = {"grand": 1000.0, "dime": 0.10, "dimes": 0.10, "nickel": 0.05, "nickels": 0.05,
                    "quarter": 0.25, "quarters": 0.25, "penny": 0.01, "pennies": 0.01}
