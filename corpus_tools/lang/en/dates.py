"""English month names for dates in metadata ("May 13, 2024", "13 May 2024", "Sept. 2023")."""

MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4, "may": 5,
    "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9, "sept": 9, "sep": 9,
    "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}
# Numeric dates with both parts under 13: which comes first. English news is written both ways
# (06/05/2024 is 5 June in the US, 6 May in the UK): not guessed, kept in date_raw.
NUMERIC_ORDER = None
