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

# Who invests: cue phrases written right before an investor (or the first of a list of them).
INVESTOR_BEFORE = [r"\b(?:presented|unveiled|announced|outlined)(?: \w+){0,2} by", r"\bspearheaded by", r"\bheaded by", r"\bin talks with", r"\bby", r"\b(?:shared|split) between", r"\bled by", r"\bco-led by", r"\bbacked by", r"\bfrom", r"\bincluding",
                   r"\bwith participation (?:from|of)", r"\bjoined by", r"\balongside", r"\binvestors? (?:include|such as)",
                   r"\bsupported by", r"\bfunded by", r"\bfinanced by", r"\bas well as", r"\bco-investors?"]
# Cues of a round's investors in the sentence after its amount ("The round was led by A").
LEAD_BEFORE = [r"\bspearheaded by", r"\bheaded by", r"\bled by", r"\bco-led by", r"\bbacked by", r"\bwith participation (?:from|of)", r"\bjoined by",
               r"\binvestors? (?:include|included|including|such as)", r"\bparticipation from", r"\balongside",
               r"\bled the round", r"\bfrom investors", r"\b(?:funding|financing|investment|backing|money|loans?) from"]
# Cues before a name that make it a partner, an owner or a holder, not who puts this money in
# ("in partnership with X", "a stake held by X"); the name stays a party (it may receive).
NOT_INVESTOR_BEFORE = [r"\bin (?:collaboration|partnership|cooperation) with", r"\b(?:held|owned|carried) by"]
# Prepositions whose object is not the subject of the verb that follows ("in talks with A to raise").
RELATIVE_PRONOUNS = [r"who", r"which", r"that"]
GOVERNING_PREPOSITIONS = [r"\bwith", r"\bby", r"\bfrom", r"\bof", r"\bfor", r"\bto", r"\bin", r"\bat", r"\binto",
                          r"\bagainst", r"\blike", r"\bincluding", r"\bthan"]
# Cues before a name that cite it as a source: never a party.
SOURCE_BEFORE = [r"\baccording to", r"\btold", r"\breported by", r"\bsaid in an interview with", r"\bcited by",
                 r"\breports?", r"\bsources? (?:told|close to)", r"\bvia", r"\bwrites?", r"\b(?:said|says) to"]
# Cues before a name that make it a frame, not a party: programmes, plans, summits.
NOT_PARTY_BEFORE = [r"\b(?:based|headquartered) in\s+\Z",
                    r"\b(?:supplied|built|made|designed|developed|manufactured|founded|co-founded|run|operated) by\s+(?:[\w-]+\s+){0,2}\Z",
                    r"\b(?:as part of|under|within) (?:the |its |their )?(?:[\w-]+\s+){0,2}\Z",
                    r"\b(?:programme|program|plan|scheme|strategy|summit|initiative)\s+\Z", r"\bduring (?:the )?\Z",
                    r"\b(?:pending|subject to|awaiting|requires?|needs?)\s+(?:final\s+)?(?:approval|clearance|sign-off|"
                    r"authori[sz]ation)\s+(?:by|from|of)\s+(?:the\s+)?\Z"]
# A government named without its country ("the government", "the federal government"): the
# government of the country the article names most.
GOVERNMENT_NOUNS = [r"\b(?:the|its) (?:federal |national |central )?government\b(?!\s+(?:of|in)\b)"]
# The country of the article named as such ("the country's C$2bn strategy").
COUNTRY_NOUNS = [r"\bthe country(?=['’]s\b)"]
# "the government of Quebec": the place that follows governs (this phrase, then the place's name).
GOVERNMENT_OF = r"\bgovernment\s+of\s+(?:the\s+)?\Z"
# The country of an English article that names none: none (English is written in many countries).
DEFAULT_COUNTRY = ""
# Nationality adjectives that stand for a country (case-sensitive): "the Canadian government",
# "Japanese chipmakers"; each also names the government ("Canadian government") when the
# gazetteer has none.
NATIONAL_ADJECTIVES = {"FR": r"French", "DE": r"German", "GB": r"British", "US": r"American", "CA": r"Canadian",
                       "JP": r"Japanese", "KR": r"Korean", "CN": r"Chinese", "TW": r"Taiwanese",
                       "IN": r"Indian", "IT": r"Italian", "ES": r"Spanish", "NL": r"Dutch", "IL": r"Israeli",
                       "PL": r"Polish"}
# Currencies only one country uses, as written after a figure ("510 trillion won"): they name its country.
NATIONAL_CURRENCIES = {"KR": r"won", "JP": r"yen", "CN": r"yuan|renminbi", "IN": r"rupees?", "GB": r"pounds?"}
# Capitalised words the small models take for a party but that name a round, a day or a month: never an investor or a recipient (the whole name, case-insensitive).
NOT_PARTY_NAMES = [r"(?:pre-)?(?:series|seed|round)(?: [a-h]\d?)?(?: round)?", r"(?:mon|tues|wednes|thurs|fri|satur|sun)day",
                   r"january|february|march|april|june|july|august|september|october|november|december"]
# The last word of an outlet's or an agency's name ("Jiji Press", "Daily News"): a source, never a party.
OUTLET_WORDS = [r"press", r"news", r"times", r"journal", r"herald", r"tribune", r"gazette", r"telegraph",
                r"chronicle", r"newswire", r"wire", r"daily"]
# Cues after a name that make it a source or an approver, not a party.
NOT_PARTY_AFTER = [r"\s*(?:has |have |had |was the first to )?(?:reported|first reported|reports|learned|"
                   r"approved|cleared|authori[sz]ed|signed off|gave (?:the )?green light|greenlit|greenlighted)\b",
                   r"(?:['’]s?)? (?:approval|green light|authori[sz]ation|report|reporting)\b"]
# Verbs whose subject raises money: the subject is the recipient.
RAISE_VERBS = [r"\bendowed with\b", r"\brais(?:e|es|ed|ing)\b", r"\bsecur(?:e|es|ed|ing)\b", r"\bclos(?:e|es|ed|ing) an?\b",
               r"\bland(?:s|ed)?\b", r"\bbag(?:s|ged)?\b", r"\bnab(?:s|bed)?\b", r"\bpull(?:s|ed)? in\b",
               r"\bgets?\b", r"\bgot\b", r"\breceiv(?:e|es|ed|ing)\b", r"\bwins?\b", r"\bwon\b",
               r"\bobtain(?:s|ed)?\b", r"\bcompleted? an?\b", r"\bannounc(?:e|es|ed) an?\b"]
# Verbs whose subject puts money in: the subject is the investor.
INVEST_VERBS = [r"\binvest(?:s|ed|ing)?\b", r"\bpledg(?:e|es|ed|ing)\b", r"\bcommit(?:s|ted|ting)?\b",
                r"\binject(?:s|ed|ing)?\b", r"\bback(?:s|ed|ing)?\b", r"\blead(?:s|ing)?\b", r"\bled\b",
                r"\bco-led\b", r"\bjoin(?:s|ed)?\b", r"\bspend(?:s|ing)?\b", r"\bspent\b", r"\bput(?:s|ting)?\b",
                r"\bpour(?:s|ed|ing)?\b", r"\bgrant(?:s|ed|ing)?\b", r"\baward(?:s|ed|ing)?\b",
                r"\bprovid(?:e|es|ed|ing)\b", r"\bgiv(?:e|es|ing)\b", r"\bgave\b", r"\ballocat(?:e|es|ed|ing)\b",
                r"\bearmark(?:s|ed|ing)?\b", r"\bcontribut(?:e|es|ed|ing)\b", r"\bsubsidi[sz](?:e|es|ed|ing)\b",
                r"\bfund(?:s|ed|ing)?\b", r"\bfinanc(?:e|es|ed|ing)\b", r"\bsupport(?:s|ed|ing)?\b",
                r"\bextend(?:s|ed|ing)?\b", r"\boffer(?:s|ed|ing)?\b", r"\bplough(?:s|ed)?\b", r"\bplow(?:s|ed)?\b",
                r"\bmobili[sz](?:e|es|ed|ing)\b", r"\bdeploy(?:s|ed|ing)?\b", r"\bbuild(?:s|ing)?\b", r"\bbuilt\b",
                r"\bparticipat(?:e|es|ed|ing)\b"]
# Investing verbs whose direct object receives the money ("the state backs X with $5m").
RECIPIENT_OBJECT_VERBS = [r"\bback(?:s|ed|ing)?", r"\bfund(?:s|ed|ing)?", r"\bfinanc(?:e|es|ed|ing)", r"\bsupport(?:s|ed|ing)?",
                          r"\bsubsidi[sz](?:e|es|ed|ing)", r"\bbankroll(?:s|ed|ing)?"]
# Words that end what an investment goes to when it names a field, not a party ("in chip
# manufacturing over ten years"): the field is the words before.
FIELD_END = [r"\bover\b", r"\bby\b", r"\bthrough\b", r"\bwithin\b", r"\bduring\b", r"\buntil\b", r"\bto\b",
             r"\bas\b", r"\bfrom\b", r"\bwith\b", r"\bacross\b", r"\bin\b", r"\bat\b", r"\band\s+(?:to|in|at)\b",
             r"\bthis\b", r"\bnext\b", r"\bsince\b", r"\bfor\b", r"\d"]
# The agent of a passive ("presented by X"): never what the money goes to.
AGENT_BEFORE = [r"\bby"]
# Forms the money takes ("in loans", "en fonds propres"): not what it goes to.
MONEY_FORMS = [r"loans?", r"equity", r"cash", r"shares", r"debt", r"bonds?", r"grants?", r"subsid\w+", r"credits?", r"funding", r"capital", r"aid", r"support", r"tranches?", r"instalments?", r"installments?", r"total"]
# Words that make the phrase after "in" a time or an action, not a field ("in the coming years",
# "in establishing the plant").
NOT_FIELD = [r"\b(?:years?|months?|weeks?|decades?|days?|quarters?|period|time)\b", r"^(?:the |its |their )?\w+ing\b"]
# Words between a subject and its verb ("X has just raised"): the name before them is the subject.
AUXILIARIES = [r"has", r"have", r"had", r"just", r"will", r"would", r"is", r"was", r"also", r"recently", r"now"]
# Nouns of a company held by another, named after a comma ("into a subsidiary it controls, X").
SUBSIDIARY_NOUNS = [r"subsidiary", r"joint venture", r"unit", r"affiliate", r"venture"]
# Words of a funding round: an investment in the round goes to the round's company.
ROUND_WORDS = [r"\bround\b", r"\bfundraise\b", r"\bfundraising\b", r"\bSeries [A-H]\b"]
# Prepositions that open the field an investment goes to ("invest €2bn in quantum research").
FIELD_START = [r"\binto\b", r"\bin\b"]
# Verbs whose subject buys and whose object is bought.
ACQUIRE_VERBS = [r"\bacquir(?:e|es|ed|ing)\b", r"\bbuy(?:s|ing)?\b", r"\bbought\b", r"\bpurchas(?:e|es|ed|ing)\b",
                 r"\btak(?:e|es|ing) over\b", r"\btook over\b", r"\bsnap(?:s|ped)? up\b", r"\bto take control of\b"]
# "X was acquired by Y": the name before is bought, the one after buys.
ACQUIRED_BY = [r"\b(?:acquired|bought|purchased|taken over|snapped up) by\b", r"\bsold to\b", r"\bsells? to\b",
               # "X accepted a takeover offer from Y": Y buys X
               r"\b(?:accepted|accepts|agreed to|backed|recommended)\s+(?:an?|the)\s+(?:[\w$€£.,-]+\s+){0,3}?"
               r"(?:takeover |buyout |acquisition |cash )?(?:offer|bid)\s+(?:from|by)\b"]
# "the acquisition of X": the name after is bought.
ACQUISITION_OF = [r"\b(?:acquisition|purchase|takeover|buyout|buy-out|sale) of\b", r"\bdeal for\b", r"\bstake in\b",
                  r"\bbid for\b", r"\boffer for\b"]
# Nouns of a purchase followed by its buyer ("a $5bn acquisition by A").
BOUGHT_PARTICIPLES = [r"(?:which was |that was )?(?:acquired|bought|purchased|taken over) (?:for|in)"]
ACQUISITION_NOUNS = [r"\b(?:acquisition|takeover|buyout|buy-out|purchase|sale)\b"]
BUYER_CUES = [r"\bby\b", r"\bto\b(?= [A-Z])"]
# Words that make money a subsidy, a grant or state aid: the state gives, the company receives.
SUBSIDY_WORDS = [r"\bsubsid\w+", r"\bgrants?\b", r"\bstate aid\b", r"\bpublic (?:funding|support|money)\b",
                 r"\bincentives?\b", r"\bin aid\b", r"\baid package\b", r"\bfederal funding\b"]
# Names that stand for a state ("the German government", "Berlin" is a place and counts already).
STATE_NAMES = [r"\bgovernment\b", r"\bstate\b", r"\bministry\b", r"\bcommission\b", r"\bunion\b", r"\bregion\b",
               r"\bcouncil\b", r"\bgouvernement\b", r"\bÉtat\b"]
# Prepositions after the amount or the verb that introduce what the money goes to.
RECIPIENT_AFTER = [r"\bin(?:to)?\b", r"\bfor\b", r"\bto\b", r"\btowards?\b", r"\bbehind\b", r"\bat\b"]
# "the parent company of Free" names the parent of the organisation that follows.
# Between a place and its amount: "one in Poland worth €4.6bn"
AMOUNT_OF = [r"of", r"worth", r"totall?ing", r"valued at", r"costing"]
PARENT_OF = [r"\bparent (company |group )?of", r"\bowner of"]
# Words that stand for the machine or site an article is about ("the system will cost").
MACHINE_ANAPHORS = [r"\bthe (?:system|machine|supercomputer|computer|cluster|data ?cent(?:re|er)|facility|extension|upgrade)\b"]
# The target of an investment starts after one of these.
TARGET_START = [r"\binto\b", r"\bin\b", r"\btowards?\b", r"\bfor\b", r"\bto\b", r"\bon\b"]
# Clause breaks: a subject is not looked for across them.
CLAUSE_BREAK = [r"[.;:!?]\s", r"\bwhile\b", r"\bwhereas\b", r"\bafter\b", r"\bbefore\b", r"\bbut\b", r"\bthan\b",
                # reported speech: "X told Y that Z raised", the subject is after "that"
                r"\b(?:said|says|told|tells|announced|announces|confirmed|reported|explained|added|noted)\b[^.;:!?]{0,40}?\bthat\b"]

MONTHS = {"jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4, "april": 4, "may": 5,
          "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8, "sep": 9, "sept": 9, "september": 9,
          "oct": 10, "october": 10, "nov": 11, "november": 11, "dec": 12, "december": 12}
