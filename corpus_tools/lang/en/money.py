"""English money vocabulary. The examples that specify it are in money_examples.tsv beside this file."""

# Written after the number: "$4bn", "€1.5 billion", "£500m", "USD 1.2 trillion".
MAGNITUDES = {
    "thousand": 1e3, "thousands": 1e3, "k": 1e3, "K": 1e3,
    "million": 1e6, "millions": 1e6, "mn": 1e6, "mln": 1e6, "mio": 1e6, "m": 1e6, "M": 1e6, "MM": 1e6,
    "billion": 1e9, "billions": 1e9, "bn": 1e9, "bln": 1e9, "b": 1e9, "B": 1e9,
    "trillion": 1e12, "trillions": 1e12, "tn": 1e12, "trn": 1e12, "T": 1e12,
    "bil": 1e9, "bil.": 1e9, "mil": 1e6, "mil.": 1e6,  # "$2.7 bil.", headline shorthand
    "lakh": 1e5, "lakhs": 1e5, "crore": 1e7, "crores": 1e7,  # South Asian news
}
# Magnitudes that may also mean something else ("m" metres, "B" grades) are only accepted next to
# a currency sign or code, never with a currency word alone.
SYMBOL_ONLY_MAGNITUDES = {"k", "K", "m", "M", "MM", "b", "B", "T", "bil", "bil.", "mil", "mil."}

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
# After the amount: "€5m or so", "$2bn or more". Not "plus": "worth $5m plus expenses" is not a bound.
HEDGES_AFTER = {"approx": ["or so"], "at_least": ["or more", "or higher", "or above", "and up", "and above"]}
# After a price, these make it a unit price: "$609.775 per share" (three decimals, not thousands).
PER_UNIT_AFTER = ["per share", "a share", "per unit", "apiece", "per ADS", "per ADR", "per token"]
# A range opener and the connectors it takes: "between €2bn and €3bn", "from $1m to $2m".
RANGE_PAIRS = {"between": ["and", "to", "-", "–"], "from": ["to", "-", "–"]}
RANGE_CONNECTORS = ["and", "to", "-", "–", "—", "or", "/"]
# Without an opener these join a list or an alternative, never a range: "$2m and $3m".
# Openers that may also start a change ("rose from 2 to 3").
CHANGE_OPENERS = ["from"]
LIST_CONNECTORS = ["and", "or"]
# "2 or 3 million dollars": an alternative, kept with both values.
ALTERNATIVE_CONNECTORS = ["or"]
# "€4 to 6 billion", "$20-40 million": the magnitude written once is shared by both numbers.
SHARED_MAGNITUDE_CONNECTORS = ["to", "-", "–", "—", "or"]
# Before "from X to Y", these say the figure changed (two values), not that it spans a range.
CHANGE_WORDS = ["rise", "rises", "rose", "risen", "rising", "raise", "raises", "raised", "raising", "increase",
                "increases", "increased", "increasing", "grow", "grows", "grew", "grown", "growing", "jump",
                "jumped", "jumps", "climb", "climbed", "climbs", "boost", "boosted", "boosts", "lift", "lifted",
                "up", "upped", "cut", "cuts", "reduce", "reduced", "reduces", "double", "doubled", "triple",
                "tripled", "revise", "revised", "fall", "fell", "fallen", "falls", "drop", "dropped", "drops",
                "decline", "declined", "slash", "slashed", "hike", "hiked", "expand", "expanded", "soar", "soared",
                "surge", "surged", "swell", "swelled", "shrink", "shrank", "went", "gone", "moved", "change",
                "changed", "bump", "bumped", "scale", "scaled", "trim", "trimmed", "lower", "lowered"]
# Between two amounts in different currencies, these words say the second restates the first.
RESTATEMENT_GAPS = ["-", "–", "—", "(", ",", "/", "or", "i.e.", "that is", "equivalent to", "about", "around",
                    "roughly", "some", "approximately", "nearly", "worth", "or about", "or around"]

# Ordinals and determiners before "quarter" that make it a period, not a coin.
ORDINALS_BEFORE = ["first", "second", "third", "fourth", "last", "next", "this", "each", "every", "per"]
# Words that make a "$" American explicitly: "US$", "USD", "U.S. dollars", "American dollars".
EXPLICIT_US = ["United States", "America", "US", "U.S.", "USD", "American"]
# "a billion of dollars" is rare in English but "of" links a magnitude to its currency word.
# Dollar forms that do not say which dollar: a locale or the document decides (USD by default).
GENERIC_DOLLARS = ["$", "dollar", "dollars", "bucks"]
# Before a currency only: « 55 millions en dollars canadiens ».
CURRENCY_PREPOSITIONS = []
# A decimal said in words ("12-point-five"): the words after it are no whole number.
DECIMAL_WORDS = ["point"]
OF_WORDS = ["of"]

# A sentence with one of these counts things: a bare "28 million" there borrows no currency from
# another sentence ("the number of shares offered rose from 28 million to 30 million").
COUNT_NOUNS = ["share", "shares", "customers", "clients", "users", "subscribers", "people", "employees", "workers",
               "jobs", "units", "vehicles", "cars", "homes", "households", "devices", "downloads", "visitors",
               "members", "students", "patients", "passengers", "tonnes", "tons", "barrels", "workforce", "staff",
               "headcount", "population"]
# "bought X for 600 million": a price, kept without a currency when none can be borrowed.
PRICE_VERBS = ["bought", "buy", "buys", "buying", "sold", "sell", "sells", "selling", "paid", "pay", "pays",
               "paying", "acquired", "acquire", "acquires", "acquiring"]
PRICE_PREPOSITIONS = ["for"]
# A number with a magnitude and no currency ("Of the $8bn, 2bn will go to ...") borrows the currency of
# its neighbour only when the word after it is one of these (so "2bn people" stays out), or "of" and
# a word of MONEY_NOUNS.
BARE_FOLLOWERS = ["in", "for", "to", "from", "at", "on", "by", "with", "into", "over", "and", "or", "but", "of",
                  "was", "were", "is", "are", "has", "had", "have", "will", "would", "could", "should", "may",
                  "might", "went", "goes", "go", "going", "came", "comes", "raised", "invested",
                  "committed", "earmarked", "allocated", "set", "already", "last", "this", "next", "that", "which",
                  "more", "less", "apiece", "each", "respectively", "entered", "secured", "previously", "before",
                  "after", "since", "until", "as", "so", "than", "annually", "per", "a", "through"]
ANY_WORD_AFTER_MAGNITUDE = False  # English writes "10 million people": only BARE_FOLLOWERS qualify
MONEY_NOUNS = ["funding", "financing", "investment", "investments", "subsidies", "subsidy", "aid", "grants",
               "revenue", "revenues", "sales", "capital", "debt", "equity", "loans", "support", "cash", "profit",
               "profits", "the", "which", "its", "this", "that", "it", "them"]
# Magnitudes that, even with no currency in sight, only count money in news ("more than 30bn").
MONEY_ONLY_MAGNITUDES = ["bn", "bln", "mn", "mln"]

AND_WORDS = ["and"]  # inside spelled numbers and before cents
NUMBER_WORDS = [
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
    "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty", "thirty",
    "forty", "fifty", "sixty", "seventy", "eighty", "ninety", "hundred",
]
ONE_WORDS = ["a", "an"]  # "a billion dollars"
# Fractions written before a magnitude: "half a billion dollars", "a quarter million euros".
FRACTION_PREFIXES = {"half a": 0.5, "half an": 0.5, "half-a-": 0.5, "half-a": 0.5, "a half": 0.5,
                     "a quarter": 0.25, "a quarter of a": 0.25, "quarter-": 0.25, "a quarter-": 0.25,
                     "three quarters of a": 0.75, "three-quarters of a": 0.75}
# Approximate counts written as nouns: none in English money ("dozens of millions" is vague).
APPROX_NUMBER_NOUNS: dict[str, float] = {}
# Words that mean "one" only before a magnitude: none in English.
ONE_WORDS_BEFORE_MAGNITUDE: list[str] = []
HALF_SUFFIXES = ["and a half"]  # "a billion and a half dollars", "one and a half billion"
CENT_WORDS = ["cents", "cent", "pence", "p", "c", "sen", "sens", "kopiykas", "kopecks"]
# Amounts in a minor unit alone, in hundredths of a currency: "455 pence", "50 cents", "99¢".
MINOR_UNITS = {"pence": "GBP", "penny": "GBP", "cents": "USD", "cent": "USD", "¢": "USD", "euro cents": "EUR",
               "euro cent": "EUR"}
DECIMAL_COMMA = False

# Only with colloquial=True and a locale: slang and coins, worth a share of the locale's currency.
COLLOQUIAL_UNITS = {"grand": 1000.0, "dime": 0.10, "dimes": 0.10, "nickel": 0.05, "nickels": 0.05,
                    "quarter": 0.25, "quarters": 0.25, "penny": 0.01, "pennies": 0.01}
