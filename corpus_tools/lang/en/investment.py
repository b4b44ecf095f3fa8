"""English cues for the kind of an amount, who invests in what, and dates in a sentence."""

# Regular expressions (case-insensitive) whose presence near an amount hints at its kind.
KIND_CUES = {
    "investment": [r"\binvest\w*", r"\bpledg\w+", r"\binject\w*", r"\bcommit\w*", r"\bpour\w* .{0,20}into",
                   r"\bearmark\w*", r"\ballocat\w+", r"\bspend\w*", r"\bmobilis\w+", r"\bcontribut\w+",
                   r"\bfund(s|ing)? (for|to)\b", r"\bput .{0,15}into"],
    "funding_round": [r"\braise[sd]?\b", r"\braising\b", r"\bfunding round", r"\bround\b", r"\bseries [a-f]\b",
                      r"\bseed\b", r"\bfundrais\w+", r"\bled by\b", r"\bbacked by\b", r"\bventure\b"],
    "acquisition": [r"\bacqui\w+", r"\bbuy\w*", r"\bbought\b", r"\btakeover\b", r"\btake over\b", r"\bpurchas\w+",
                    r"\bmerger\b", r"\bdeal\b", r"\bstake\b", r"\bsold\b", r"\bsale of\b"],
    "valuation": [r"\bvalu(e|es|ed|ing|ation)\b", r"\bunicorn\b", r"\bpost-money\b", r"\bpre-money\b", r"\bworth\b"],
    "revenue": [r"\brevenue\w*", r"\bsales\b", r"\bturnover\b", r"\bprofit\w*", r"\bearn(ed|ings)\b", r"\bebitda\b",
                r"\bincome\b", r"\bnet loss\b", r"\bquarter(ly)?\b"],
    "cost": [r"\bcost\w*", r"\bprice tag\b", r"\bbill\b", r"\boverrun\b", r"\bto build\b"],
    "price": [r"\bprice\b", r"\bshares? (closed|rose|fell|traded)", r"\btrad(ed|ing|es) at\b", r"\bper share\b",
              r"\bbitcoin\b", r"\btoken\b", r"\bresistance\b", r"\bretail\w*", r"\ba month\b", r"\bper chip\b",
              r"\bcrypto\w*", r"\bcoin\b"],
    "market_cap": [r"\bmarket cap\w*", r"\bmarket value\b", r"\bstock market\b", r"\bon the stock market\b"],
    "salary": [r"\bsalar\w+", r"\bwages?\b", r"\bpaid\b", r"\bpay\b", r"\bbonus\w*", r"\bearns?\b", r"\ba year\b",
               r"\ban hour\b", r"\bcompensation package\b", r"\bgross\b"],
    "other": [r"\bfine[sd]?\b", r"\bpenalt\w+", r"\bdamages\b", r"\bdebt\b", r"\bloan\b", r"\bbond\b",
              r"\bdividend\w*", r"\bbuyback\w*", r"\btax\b", r"\bsettlement\b", r"\bdeficit\b"],
}

# Who invests: cue phrases written right before an organisation.
INVESTOR_BEFORE = [r"\bby", r"\bled by", r"\bfrom", r"\bbacked by", r"\bco-led by", r"\bincluding"]
# "the parent company of Free" names the parent of the organisation that follows.
PARENT_OF = [r"\bparent (company |group )?of", r"\bowner of"]
# Words that stand for the organisation named just before ("the company said").
ANAPHORS = [r"\bthe (company|group|firm|tech giant|giant|start-?up|operator|telecoms? group|telecommunications group"
            r"|chipmaker|lab|laboratory|carrier|government|ministry|fund)\b", r"\bit\b", r"\bits\b", r"\bthey\b"]
# The target of an investment starts after one of these.
TARGET_START = [r"\binto\b", r"\bin\b", r"\btowards?\b", r"\bfor\b", r"\bto\b", r"\bon\b"]

MONTHS = {"jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4, "april": 4, "may": 5,
          "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8, "sep": 9, "sept": 9, "september": 9,
          "oct": 10, "october": 10, "nov": 11, "november": 11, "dec": 12, "december": 12}
