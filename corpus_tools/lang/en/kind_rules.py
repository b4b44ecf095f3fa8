"""Constructions that decide the kind of an amount before the model does, in order: the first rule
whose pattern matches the words just before (``left``) or just after (``right``) the amount wins.

Each rule names what real news does that the model reads wrong: a fund's size reads like a round,
a GDP contribution like an investment, a subsidy like a cost, a plant's cost like a cost. The
sentences in ``kind_rules_examples.tsv`` beside this file must get the rule's kind; its near-misses
must not fire the rule.
"""

_GAP = r"(?:[\w'’$€£.,-]+\s+){0,%d}"
_IN_SENTENCE = r"(?:[^.;!?]|(?<=\d)\.(?=\d))"  # a decimal point does not end the clause

RULES = [
    # (kind, name, pattern on the left context or None, pattern on the right context or None)
    ("revenue", "revenue", None, r"^\s*(?:[\w-]+\s+){0,2}(?:in |of )(?:annual |quarterly )?(?:revenues?|sales|turnover)\b"),
    # profits and earnings per share are accounting items, not prices or revenue
    ("other", "profit", r"\b(?:net|operating|pre-tax|pretax|adjusted|quarterly|annual)\s+(?:profits?|income|loss(?:es)?|"
     r"earnings)\b" + _IN_SENTENCE + r"{0,60}\Z|\b(?:earnings|profits?|income) per share\b" + _IN_SENTENCE + r"{0,60}\Z|"
     r"\bEPS\b" + _IN_SENTENCE + r"{0,60}\Z", r"^\s*(?:[\w-]+\s+){0,2}(?:in|of) (?:net |operating )(?:profit|income|loss)\b"),
    ("acquisition", "enterprise value", r"\benterprise value of\s+" + _GAP % 2 + r"\Z|\b(?:all-cash|all-stock|cash|"
     r"acquisition|takeover|buyout) deal\b.{0,30}\Z", None),
    ("acquisition", "transaction amount", r"\b(?:total |cash |purchase )?consideration\b[^.;!?]{0,30}\Z|"
     r"\b(?:transaction|deal) value\b[^.;!?]{0,20}\Z", None),
    ("price", "trading price", r"\b(?:trade|trading|traded|priced?|pricing)\s+(?:at\s+|between\s+)?\Z", None),
    ("price", "per unit", None, r"^\s*(?:(?:a|each) share\b|per\s+(?!year\b|annum\b|cent\b)\w)"),
    ("other", "requested money", r"\b(?:asked for|asking for|request(?:ed|ing|s)?|sought|demand(?:ed|ing|s)?|needs|"
     r"lobb(?:ied|ying) for|applied for)\b\s+" + _GAP % 6 + r"\Z", None),
    ("other", "declined money", r"\b(?:rejected|turned down|declined|refused|walked away from)\b\s+" + _GAP % 6 + r"\Z",
     None),
    ("other", "fund size", r"\b(?:(?:new|first|second|third|fourth|fifth|maiden|debut|flagship|latest|growth|venture|"
     r"seed|early-stage|opportunity|investment)\s+)+fund(?:s)?\s+(?:of|worth|totall?ing|with|at|sized at)\s+"
     + _GAP % 2 + r"\Z|\bfund size\b|\bassets under management\b|\bmanages\s+" + _GAP % 2 + r"\Z|"
     r"\bclos(?:e|es|ed|ing)\s+(?:\w+\s+){0,4}fund\w*\s+(?:of|at|with)\s+" + _GAP % 2 + r"\Z",
     r"^\s*(?:(?:venture|growth|seed|investment|new|debut|second|third|flagship|early-stage)\s+)?fund\b(?!ing)|"
     r"^\s*for (?:its|a|the|their) (?:\w+ ){0,2}fund\b(?!ing)|^\s*(?:\S+\s+){0,4}to launch (?:\S+\s+){0,6}funds?\b|"
     r"^\s*(?:\S+\s+){0,3}to invest in (?:\S+\s+){0,3}(?:companies|startups|start-ups)\b|^\s*(?:in|of) (?:assets under management|AUM)\b"),
    ("other", "credit facility", r"\b(?:credit|financing|loan|bridge|revolving) (?:facility|line)\b.{0,20}\Z",
     r"^\s*\)?\s*(?:[\w-]+\s+){0,2}(?:credit|financing|loan|bridge|revolving)\s+(?:facility|facilities|line)\b"),
    ("other", "cost savings", r"\bsavings? of\s+" + _GAP % 1 + r"\Z", r"^\s*(?:[\w-]+\s+){0,3}(?:cost|costs) savings?\b"),
    ("other", "cash flow", r"\b(?:free cash[- ]flow|cash[- ]flows?|working capital|cash generation)\b[^.;!?]{0,60}\Z",
     None),
    ("other", "economic contribution", r"\b(?:GDP|economic (?:contribution|impact|output|benefit))\b.{0,40}\Z",
     r"^\s*(?:\S+\s+){0,3}(?:to|into|towards)\s+(?:\S+\s+){0,3}(?:GDP|gross domestic product|economy)\b"),
    ("market_cap", "market capitalisation", r"\bmarket (?:cap|capitali[sz]ation|value)\b[^.;!?]{0,60}\b(?:of|at|to|reached|"
     r"near|around|about|above|topping|tops|hit)\s+" + _GAP % 2 + r"\Z", r"^\s*(?:[\w-]+\s+){0,2}(?:in )?market "
     r"(?:cap|capitali[sz]ation|value)\b"),
    ("valuation", "valuation", r"\bvaluation (?:of|at|close to|near|around|above|below)\s+" + _GAP % 2 + r"\Z",
     r"^\s*(?:[\w-]+\s+){0,1}(?:valuation|post-money|pre-money)\b"),
    ("other", "ticket size", r"\btickets?\b(?:\s+\S+){0,4}\s*\Z", r"^\s*(?:\S+\s+){0,1}tickets?\b"),
    ("other", "synergies", r"\bsynerg\w+\b(?:\s+\S+){0,4}\s*\Z", r"^\s*(?:\S+\s+){0,2}(?:of|in) synerg\w+"),
    ("other", "contract value", r"\b(?:contract|order)s?\b\s+(?:\w+\s+){0,3}(?:worth|valued at|of|for)\s+"
     + _GAP % 2 + r"\Z", r"^\s*(?:[\w-]+\s+){0,2}(?:contract|order)s?\b"),
    ("other", "secondary sale", r"\bshares (?:were |was |being )?sold\b|\bsecondary\b|\bexisting shareholders\b|\bselling (?:share|stock)holders?\b",
     r"\bsecondary\b|\bto existing shareholders\b"),
    ("other", "budget", r"\bbudget(?:s|ed)?\b\s+" + _GAP % 3 + r"\Z", r"^\s*(?:\w+\s+){0,2}budget\b"),
    ("other", "market size", r"\bmarket\b\s+(?:\w+\s+){0,3}(?:worth|valued at|size of|expected to reach|to reach|"
     r"could reach|estimated at)\s+" + _GAP % 2 + r"\Z|\b(?:industry|market|sector)\b.{0,60}\b(?:expanding|growing|"
     r"rising|up) from\s+\Z", r"^\s*(?:\w+\s+){0,2}market\b"),
    # an amount that qualifies a whole industry or a company measures its size, not money put in
    ("other", "industry size", None, r"^\s*(?:(?!(?:in|into|for|to|by|of|from|on|across|investment|round)\b)[\w-]+\s+){0,2}"
     r"(?:industry|sector)\b"),
    ("market_cap", "company size", None, r"^\s*(?:(?!(?:in|into|for|to|by|of|from|on|the|its|their|a|an|investment|round|"
     r"deal|stake|takeover|acquisition|funding|plan|subsidy|grant)\b)[\w-]+\s+){1,4}(?:group|conglomerate)\b"),
    ("acquisition", "acquisition price", r"\b(?:acquir(?:e|es|ed|ing)|buy(?:s|ing)?|bought|purchas(?:e|es|ed|ing)|"
     r"take over|took over|takes over|taking over|snap(?:s|ped)? up|acquisition of|takeover of|purchase of)\b\s+"
     r"(?:\S+\s+){0,8}(?:for|at|in an?|in)\s+" + _GAP % 4 + r"\Z",
     r"^\s*(?:[\w-]+\s+){0,2}(?:acquisition|takeover|buyout|purchase|deal to (?:buy|acquire))\b"),
    ("funding_round", "round", None, r"^\s*(?:[\w-]+\s+){0,2}(?:funding|financing|fundraising|seed|series [a-h]|equity|"
     r"investment) round\b|^\s*(?:[\w-]+\s+){0,1}(?:series [a-h]|seed round|fundraise|fundraising)\b"),
    ("investment", "cost with named funders", None, r"^\s*,?\s*(?:to be |is |are |being )?(?:shared|split|funded|financed|"
     r"paid for|co-funded|co-financed|covered)\s+(?:equally\s+)?(?:between|by)\b"),
    ("investment", "subsidy", r"\b(?:subsid(?:y|ies|ise|ize|ised|ized)|grants?|state aid|public (?:funding|support|money)|"
     r"incentives?|award(?:ed|s)?)\b", r"^\s*(?:\w+\s+){0,3}(?:in |of )?(?:subsid(?:y|ies)|grants?|state aid|"
     r"public (?:funding|support)|incentives?|in aid)\b"),
    ("investment", "plant cost", r"\b(?:fab|factory|plant|facility|gigafactory|data ?cent(?:er|re)|campus|site)s?\b\s+"
     r"(?:\w+\s+){0,4}(?:costing|cost|worth|valued at|will cost|to cost|expected to cost|of)\s+" + _GAP % 2 + r"\Z",
     r"^\s*(?:[\w-]+\s+){0,3}(?:chip |semiconductor |new )?(?:fab|factory|plant|gigafactory|data ?cent(?:er|re)s?|"
     r"campus|mega-?site|lab|laboratory|research cent(?:er|re))\b|^\s*(?:(?!credit|loan|bond|bridge|revolving|financing|debt|"
     r"term\b)[\w-]+\s+){0,3}facilit(?:y|ies)\b"),
    ("investment", "project value", r"\bproject\b.{0,30}(?:worth|valued at|estimated at|of)\s+" + _GAP % 2 + r"\Z", None),
    ("investment", "spending verb", r"\b(?:spend|invest|inject|pour|plough|plow|commit|pledge)(?:s|ed|ing)?\s+"
     + _GAP % 2 + r"\Z", None),
]
