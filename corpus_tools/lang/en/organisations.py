"""English words around organisation names in business news.

Each list is a construction that the organisation extractor (``extract/organisations.py``) reads
as a cue; the examples that must (or must not) match are in ``organisation_examples.tsv`` beside it.
"""

# Determiners dropped at the start of a name ("the ECB" -> "ECB") unless they belong to it.
DETERMINERS = ("the",)

# Linking words allowed inside a name ("Bank of America", "Department for Science").
NAME_CONNECTORS = ("of", "for", "&", "de", "du", "des", "von", "van", "der", "la")

# Coordinations of a list of names ("backed by X, Y and Z").
LIST_JOINERS = (",", "and", "as well as", "&", "plus")

# Category nouns before a name: "the startup X", "the fund X", "the bank X".
DESCRIPTORS = (
    "startup", "start-up", "company", "firm", "fund", "venture firm", "venture capital firm", "vc firm",
    "investor", "investment firm", "bank", "lender", "insurer", "group", "maker", "chipmaker", "developer",
    "provider", "operator", "platform", "unicorn", "scaleup", "scale-up", "subsidiary", "rival", "competitor",
    "outlet", "newspaper", "publication", "magazine", "broadcaster", "agency", "lab", "laboratory",
    "manufacturer", "supplier", "giant", "conglomerate", "consultancy", "spinout", "spin-off", "spinoff",
    "fintech", "biotech", "insurtech", "neobank", "carmaker", "automaker", "retailer", "vendor", "designer",
    "foundry", "incubator", "accelerator", "consortium", "regulator", "watchdog", "holding company",
    "asset manager", "private equity firm", "hedge fund", "sovereign wealth fund", "pension fund", "family office",
    "research firm", "data provider", "network", "brand", "carrier", "partner", "backer", "joint venture",
)

# Nationality adjectives used before a name ("Finnish IQM"); also before "government".
NATIONALITIES = (
    "French", "American", "German", "British", "English", "Italian", "Spanish", "Dutch", "Belgian", "Swiss",
    "Swedish", "Finnish", "Danish", "Norwegian", "Canadian", "Chinese", "Japanese", "Korean", "South Korean",
    "Taiwanese", "Indian", "Israeli", "Australian", "Irish", "Polish", "Austrian", "Portuguese", "Singaporean",
    "Emirati", "Saudi", "European", "Californian", "Scottish", "Welsh", "Brazilian", "Mexican", "Turkish",
    "Greek", "Czech", "Estonian", "Ukrainian", "Russian", "US", "U.S.", "UK", "Dutch", "Qatari",
)

# A country's government named as such: "the Canadian government", "the UK government".
GOVERNMENT = r"\b(?:{nationality}) (?:federal )?government\b"

# Role frames followed by a name or a list of names.
ROLE_FRAMES = (
    "led by", "co-led by", "headed by", "backed by", "funded by", "financed by", "supported by", "joined by",
    "with participation from", "with participation of", "with the participation of", "participation from",
    "alongside", "investors including", "investors such as", "including", "such as", "from investors",
    "acquired by", "bought by", "owned by", "a unit of", "a subsidiary of", "partnered with",
    "in partnership with", "together with", "along with", "existing investors", "new investors",
    "stake in", "stakes in", "shares in", "shares of", "invested in", "invests in", "investing in", "investment in",
)

# Frames that cite a source: "according to X", "told X", "X reported".
SOURCE_FRAMES = ("according to", "told", "reported by", "data from", "per", "via", "source:", "cited by",
                 "said in an interview with", "in an interview with", "first reported by", "seen by",
                 "reviewed by", "obtained by", "questioned by", "confirmed to", "said to")

# Verbs after an outlet that reports: "X reported on Monday", "X previously reported".
SOURCE_VERBS_AFTER = ("reported", "reports", "previously reported", "first reported", "earlier reported",
                      "has reported", "revealed", "reported earlier")

# Appositions after the name: "X, a Paris-based startup", "X, the chipmaker".
APPOSITION_DETERMINERS = ("a", "an", "the", "which is a")

# Legal forms ending a name.
LEGAL_FORMS = ("Ltd", "Ltd.", "Limited", "plc", "PLC", "Inc", "Inc.", "LLC", "LLP", "LP", "L.P.", "Corp", "Corp.",
               "Corporation", "Co", "Co.", "GmbH", "AG", "SE", "SA", "S.A.", "NV", "N.V.", "BV", "B.V.", "SpA",
               "S.p.A.", "AB", "Oy", "ASA", "A/S", "KK", "Pty", "Pte", "Pvt", "SAS")

# Heads of public bodies and institutions starting a name.
PUBLIC_HEADS = (
    "department for", "department of", "ministry of", "ministry for", "office of", "office for", "agency for",
    "council", "commission", "authority", "agency", "university of", "institute of", "institute for",
    "bank of", "central bank", "government of", "foundation", "board", "administration", "treasury",
    "house of", "court of",
)

# Local authorities: a body when capitalised ("City of London Corporation"), a place otherwise.
TERRITORY_HEADS = ("City of", "County of", "State of", "Region of", "Province of", "Municipality of")

# Last words of a fund or company name that make it an organisation on their own.
NAME_HEADS = ("Capital", "Ventures", "Venture Partners", "Partners", "Invest", "Investments", "Fund", "Funds",
              "Holding", "Holdings", "Equity", "Growth", "Management", "Advisors", "Advisers", "Technologies",
              "Industries", "Labs", "Bank", "Robotics", "Therapeutics", "Semiconductor", "Semiconductors",
              "Asset Management", "Private Equity", "Associates", "Pharmaceuticals", "Biosciences", "Motors",
              "Electronics", "Insurance", "Company", "Authority", "Agency", "Commission", "Council", "University",
              "Institute", "Foundation", "Ministry", "Department", "Laboratory", "Laboratories", "Joint Undertaking")

# Words frequent in organisation names but also elsewhere ("Quantum", "AI"): a cue only.
NAME_WORDS = ("Group", "Investment", "Technology", "Solutions", "Systems", "Lab", "Finance", "Financial", "Energy",
              "Networks", "Computing", "Quantum", "Data", "Cloud", "Software", "Studios", "Media", "Global",
              "International", "Research", "Institute", "University", "Foundation", "Agency", "Authority",
              "Commission", "Council", "Department", "Ministry", "Trust", "Mobility", "AI", "Digital", "Venture")

# Heads that name a programme, a law, an event or a product: never an organisation.
NOT_ORGANISATION_HEADS = ("act", "plan", "programme", "program", "summit", "conference", "expo", "award",
                          "awards", "prize", "week", "day", "festival", "strategy", "mission", "initiative",
                          "challenge")

# Words before a person's name (titles, roles): the next name is not an organisation.
PERSON_CUES = ("mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "prof", "prof.", "president", "founder",
               "co-founder", "cofounder", "ceo", "cto", "cfo", "coo", "chief", "chairman", "chairwoman", "chair",
               "director", "minister", "secretary", "senator", "governor", "analyst", "partner at", "investor",
               "economist", "spokesperson", "spokesman", "spokeswoman", "head", "executive", "boss", "professor", "vp",
               "svp", "evp", "vice president", "managing director", "general manager", "chancellor", "premier",
               "prime minister", "mayor", "commissioner", "researcher", "scientist", "engineer", "author", "senior", "deputy", "lead", "adviser",
               "advisor")

# Frames before a person or a list of people (regular expressions): "founded in 2019 by X, Y and Z",
# "Google engineers X and Y", "AI pioneer X". Founders and staff are people, not investors.
PERSON_FRAMES = (r"(?:co-?)?founded(?: in \d{4})? by", r"(?:co-?)?founders?", r"executives?", r"engineers?",
                 r"researchers?", r"scientists?", r"pioneers?", r"advis[eo]rs?", r"laureates?", r"economists?",
                 r"analysts?", r"entrepreneurs?", r"billionaires?", r"inventors?", r"physicists?")

# Frames before a product, a model or a technology: "launched X", "the release of X", "a model called X".
PRODUCT_FRAMES = ("launched", "launches", "the launch of", "released", "the release of", "unveiled", "introduced",
                  "rolled out", "called", "dubbed", "named", "known as", "frameworks like", "tools like",
                  "products like", "models like", "models such as", "products such as")

# Pronouns that stand for a person in the words after a name ("X said he would").
PERSON_PRONOUNS = ("he", "she", "his", "her", "him", "himself", "herself")

# Words before a place: "in London", "near Dresden".
PLACE_CUES = ("in", "near", "at", "across", "outside", "throughout", "city of", "town of", "state of",
              "province of", "region of", "suburb of", "outskirts of", "capital of")

# Months, days and quarters: capitalised in English.
CALENDAR_WORDS = ("q1", "q2", "q3", "q4", "h1", "h2", "january", "february", "march", "april", "may", "june", "july", "august", "september",
                  "october", "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday",
                  "saturday", "sunday")

# Labels of the English spaCy model -> corpus_tools entity labels.
MODEL_LABELS = {"ORG": "ORG", "PERSON": "PERSON", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC"}

# Acronyms and words the small model takes for names; an entity made only of these is dropped.
NOT_NAME_WORDS = ("IPO", "IPOs", "SPAC", "VC", "VCs", "NFT", "NFTs", "EPS", "AI", "HPC", "LLM", "LLMs", "GPU", "GPUs", "CPU", "CEO", "IT", "ML", "R&D", "the", "AGI", "API", "SaaS",
                  "Cloud", "Bitcoin", "BTC", "ETH", "Brexit", "&", "and", "Field", "Europe", "European", "Tech")
