"""What tells English text from French, for the language decision (``ingest/language.py``).

Only words and forms that French, and English's Germanic and Romance neighbours, do not use:
no "a", "on", "in", "an" ("un an", "par an"), "or", "per", "die".
"""

FUNCTION_WORDS = frozenset("""
the and of is was were that with which has have had will would said says from this these those their
been its are it by for to at as be but not than who whom whose we they he she his her our your you
after before about into over up out can could should may might there when where while what how why
also more most do does did being such other only just any every each against between during through
""".split())
# Forms of the money grammar only English writes: "billion" (10^9; French says "milliard"),
# the currency sign before the number with a short magnitude ("€4bn", "$250m"), "1.5 billion",
# thousands set off by commas after a currency ("€65,000", "CHF 120,000"; French writes "65 000 €").
MONEY_CUES = (
    r"\b(?i:billions?)\b",
    r"[$€£¥]\s?\d[\d.,]*\s?(?:bn|mn|m|k|b)\b",
    r"\b\d+(?:\.\d+)?\s?(?:bn|mn)\b",
    r"\b\d+\.\d+\s?(?:billion|million|trillion)\b",
    r"\b(?:million|billion|trillion) (?:dollars|euros|pounds)\b",
    r"(?:[$€£¥]|\b(?:CHF|USD|EUR|GBP) ?)\d{1,3}(?:,\d{3})+(?![,\d])",
)
# Letters of words that only this language writes (none for English: it borrows French accents).
LETTERS = ""
# Word shapes: the English possessive and contractions ("Intel's", "don't", "it's", "we're"), and
# ordinals written with digits ("10th", "21st"; French writes "10e", "1er").
SHAPES = (r"\b\w+['’](?:s|t|re|ve|ll|d)\b", r"\b\d+(?:st|nd|rd|th)\b")
# Photo credits as English pages write them: "Credit:", "Photo credit:", "Image: …", "Photo by …",
# "Courtesy of …" (not "Credit Suisse": the colon or the preposition is required).
CREDITS = (r"\b(?:Photo |Image )?[Cc]redits?:", r"\b(?:Photo|Image|Picture):", r"\b(?:Photo|Image) by\b",
           r"\bCourtesy of\b")
# English writes month names with a capital: a name French writes too ("Dec", "Nov", "Sept") tells
# English by its case when it stands beside a number ("3 Nov 2024"; French: "3 nov. 2024").
MONTHS_CAPITALISED = True
