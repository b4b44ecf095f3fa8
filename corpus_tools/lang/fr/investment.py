"""Indices français : nature d'un montant, qui investit dans quoi, dates dans la phrase."""

KIND_CUES = {
    "investment": [r"\binvesti\w*", r"\binvestissement\w*", r"\bdébloqu\w+", r"\binject\w+", r"\bdot[ée]\w*",
                   r"\bconsacr\w+", r"\bmobilis\w+", r"\bengag\w+", r"\bfinanc\w+ à hauteur", r"\ballou\w+",
                   r"\bmettre .{0,20}sur la table", r"\benveloppe\b", r"\bdébours\w+", r"\bapport\w*"],
    "funding_round": [r"\blev[ée]\w*", r"\blevée de fonds\b", r"\btour de table\b", r"\bs[ée]rie [a-f]\b",
                      r"\bamorçage\b", r"\bmené\w* par\b", r"\bauprès de\b", r"\brécolt\w+", r"\bboucl\w+"],
    "acquisition": [r"\brach[eè]t\w*", r"\bacqu[iéè]\w*", r"\bacquisition\b", r"\bcession\b", r"\bcéd\w+",
                    r"\bfusion\b", r"\bparticipation\b", r"\boffre publique\b", r"\bs'offr\w+", r"\bmis la main\b"],
    "valuation": [r"\bvaloris\w+", r"\blicorne\b", r"\bvaut\b", r"\bvaleur\b", r"\bestim\w+ à\b"],
    "revenue": [r"\bchiffre d'affaires\b", r"\bchiffre d’affaires\b", r"\bventes\b", r"\bbénéfice\w*",
                r"\brésultat\w*", r"\brevenus?\b", r"\brecettes\b", r"\bperte nette\b", r"\bexcédent\b"],
    "cost": [r"\bco[uû]t\w*", r"\bfacture\b", r"\brevient à\b", r"\bdépass\w+ .{0,20}facture"],
    "price": [r"\b(?:le|du|au) cours (?:de l['’]action|de bourse|du titre|de clôture)\b", r"\bprix\b", r"\baction\b", r"\bbitcoin\b", r"\bjeton\b", r"\bs'échang\w+",
              r"\bvendu\w*\b", r"\bpièce\b", r"\bpar mois\b", r"\btitre\b", r"\bcrypto\w*"],
    "market_cap": [r"\bcapitalisation\w*", r"\bvaleur boursière\b", r"\ben bourse\b", r"\bpèse\b"],
    "salary": [r"\bsalaire\w*", r"\brémunération\b", r"\bpay[ée]s?\b", r"\bgagn\w+", r"\bbrut\b", r"\bprime\w*",
               r"\bsmic\b", r"\bpar an\b", r"\bde l'heure\b", r"\btraitement\b"],
    "other": [r"\bamende\w*", r"\bpénalité\w*", r"\bdommages\b", r"\bdette\b", r"\bprêt\b", r"\bobligataire\b",
              r"\bdividende\w*", r"\brachat d'actions\b", r"\bimpôt\b", r"\bfiscal\w*", r"\bdéficit\b"],
}

# Qui investit : indices écrits juste avant un investisseur (ou le premier d'une liste).
INVESTOR_BEFORE = [r"\b(?:présentée?s?|dévoilée?s?|annoncée?s?)(?: \w+){0,2} par", r"\bsous l['’]égide d['’e]", r"\ben (?:discussions?|négociations?|pourparlers) avec", r"\bpar", r"\bpartagée? entre", r"\brépartie? entre", r"\bmené\w* par", r"\bpiloté\w* par", r"\bauprès d['’e]", r"\bavec la participation d['’e]",
                   r"\bde la part d['’e]", r"\brejoint\w* par", r"\baux côtés d['’e]", r"\bdont", r"\bnotamment",
                   r"\bsoutenu\w* par", r"\bfinancé\w* par", r"\bainsi que", r"\bco-?investisseurs?",
                   r"\bcomme", r"\bparmi lesquels", r"\bavec"]
LEAD_BEFORE = [r"\bsous l['’]égide d['’e]", r"\bmené\w* par", r"\bpiloté\w* par", r"\bconduit\w* par", r"\bavec la participation d['’e]",
               r"\bauprès d['’e]", r"\baux côtés d['’e]", r"\brejoint\w* par", r"\binvestisseurs?(?: historiques?)?,? (?:dont|comme|tels? que)",
               r"\bsoutenu\w* par", r"\bde la part d['’e]", r"\bprêts? d[eu'’]"]
# Indices avant un nom qui en font un partenaire, un porteur ou un détenteur, pas celui qui met cet
# argent (« en partenariat avec X », « le projet porté par X ») : le nom reste une partie.
NOT_INVESTOR_BEFORE = [r"\ben (?:collaboration|partenariat|coopération) avec", r"\b(?:porté|détenu)e?s? par"]
RELATIVE_PRONOUNS = [r"qui", r"laquelle", r"lequel"]
GOVERNING_PREPOSITIONS = [r"\bavec", r"\bpar", r"\bde", r"\bdu", r"\bdes", r"\bd['’]", r"\bà", r"\bau", r"\baux",
                          r"\bpour", r"\bdans", r"\ben", r"\bchez", r"\bauprès", r"\bcontre", r"\bcomme", r"\bque"]
# Indices avant un nom cité comme source : jamais une partie.
SOURCE_BEFORE = [r"\bselon", r"\bd['’]après", r"\ba appris", r"\bapprend", r"\brapporte", r"\brévèle",
                 r"\bconfié à", r"\bindique", r"\bécrit", r"\bexplique à", r"\bcité\w* par", r"\bvia"]
NOT_PARTY_BEFORE = [r"\b(?:basée?s?|implantée?s?|installée?s?|située?s?) (?:à|en|au|aux)\s+\Z",
                    r"\b(?:fourni|construit|fabriqué|conçu|développé|fondé|cofondé|créé|exploité|opéré)e?s? par\s+(?:[\w-]+\s+){0,2}\Z",
                    r"\bdans le cadre d[eu'’]\s*(?:la |l['’])?(?:[\w-]+\s+){0,2}\Z", r"\b(?:plan|programme|stratégie|sommet|initiative)\s+\Z",
                    r"\blors d[eu'’]\s*(?:la |l['’])?(?:[\w-]+\s+){0,1}\Z",
                    r"\b(?:sous réserve|en attente|dans l['’]attente)\s+(?:de\s+)?(?:l['’]|son\s+|leur\s+)?(?:approbation|aval|autorisation|"
                    r"feu vert)\s+(?:de\s+(?:la\s+|l['’])?|d['’]|du\s+|des\s+)\Z"]
# « Le gouvernement », « l'État » sans nom de pays : le gouvernement du pays que l'article nomme le plus.
GOVERNMENT_NOUNS = [r"\b(?:le|du|au) gouvernement(?: fédéral)?\b(?!\s+(?:d[eu'’]|des\b|\w+ien|\w+ais|\w+and|\w+ois|\w+ain|\w+ol|\w+e\b))",
                    r"\bl['’]État(?: fédéral)?\b(?!\s+(?:d[eu'’]|des\b|\w+ien|\w+ais|\w+and|\w+ois|\w+ain|\w+ol|\w+e\b))"]
# Le pays de l'article nommé comme tel (« le pays injecte 2 milliards »).
COUNTRY_NOUNS = [r"\ble pays\b(?=\s+(?:investit|injecte|consacre|débloque|mobilise|finance|engage|apporte|va|a|compte))"]
# « le gouvernement du Québec » : le lieu qui suit gouverne (ce mot, puis le nom du lieu).
GOVERNMENT_OF = r"\bgouvernement(?: fédéral)?\s+(?:du|de la|de l['’]|de|d['’])\s*\Z"
# Le pays d'un article en français qui n'en nomme aucun.
DEFAULT_COUNTRY = "FR"
# Adjectifs de nationalité qui désignent un pays (sans casse) : « le gouvernement » d'un article sur le Japon.
NATIONAL_ADJECTIVES = {"FR": r"français(?:e|es)?", "DE": r"allemand(?:e|s|es)?", "GB": r"britanniques?",
                       "US": r"américain(?:e|s|es)?", "CA": r"canadien(?:ne|s|nes)?", "JP": r"japonais(?:e|es)?",
                       "KR": r"(?:sud-)?coréen(?:ne|s|nes)?", "CN": r"chinois(?:e|es)?", "TW": r"taïwanais(?:e|es)?",
                       "IN": r"indien(?:ne|s|nes)?", "IT": r"italien(?:ne|s|nes)?", "ES": r"espagnol(?:e|s|es)?",
                       "NL": r"néerlandais(?:e|es)?", "IL": r"israélien(?:ne|s|nes)?", "PL": r"polonais(?:e|es)?"}
# Monnaies d'un seul pays, écrites après un chiffre (« 3 000 milliards de wons ») : elles nomment ce pays.
NATIONAL_CURRENCIES = {"KR": r"wons?", "JP": r"yens?", "CN": r"yuans?|renminbis?", "IN": r"roupies?", "GB": r"livres? sterling"}
# Mots à majuscule que les petits modèles prennent pour une partie mais qui nomment un tour, un jour, un
# mois : jamais investisseur ni bénéficiaire (le nom entier, sans casse).
NOT_PARTY_NAMES = [r"(?:pré-?)?(?:série|seed|amorçage|tour)(?: [a-h]\d?)?", r"lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche",
                   r"janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre"]
# Dernier mot du nom d'un média ou d'une agence (« ... Press », « ... Times ») : une source, jamais une partie.
OUTLET_WORDS = [r"presse?", r"news", r"times", r"journal", r"herald", r"tribune", r"gazette", r"hebdo", r"matin",
                r"soir", r"quotidien", r"magazine"]
NOT_PARTY_AFTER = [r"\s*(?:a |ont |avait )?(?:appris|rapporté|révélé|approuvé|autorisé|validé|donné son (?:feu vert|accord)"
                   r"|a donné son (?:feu vert|accord)|approuve|autorise|valide)\b"]
# Verbes dont le sujet lève des fonds : le sujet est le bénéficiaire.
RAISE_VERBS = [r"\bdoté\w* d['’e]", r"\bl[èe]v(?:e|ent|é|ée|er|era)\b", r"\blevée\b", r"\bboucl\w+", r"\bobtien\w*", r"\bobten\w*",
               r"\bsécuris\w+", r"\brécolt\w+", r"\breç\w+", r"\brecev\w+", r"\bdécroch\w+", r"\bbénéfici\w+",
               r"\bannonce une\b", r"\bfinalis\w+", r"\bempoch\w+", r"\bengrang\w+"]
# Verbes d'investissement dont le complément d'objet reçoit l'argent (« l'État soutient X à hauteur de »).
RECIPIENT_OBJECT_VERBS = [r"\bsout(?:ien|iennent|enu|enue|enir|iendra)", r"\bfinanc(?:e|ent|é|ée|er|era)",
                          r"\bsubventionn\w+"]
# Mots qui terminent le domaine où va un investissement (« dans la recherche au cours des dix ans »).
FIELD_END = [r"\bau cours\b", r"\bd['’]ici\b", r"\bsur\b", r"\bpour\b", r"\bafin\b", r"\bjusqu", r"\bavec\b",
             r"\bvia\b", r"\bd[eè]s\b", r"\bpendant\b", r"\bdans\b", r"\ben\b", r"\bà\b", r"\bau\b", r"\baux\b",
             r"\bdepuis\b", r"\bcette\b", r"\bces\b", r"\bparmi\b", r"\d"]
# L'agent d'un passif (« à commencer par X », « présenté par X ») : jamais ce que reçoit l'argent.
AGENT_BEFORE = [r"\bpar"]
# Formes que prend l'argent (« en prêts », « en fonds propres ») : pas ce qu'il finance.
MONEY_FORMS = [r"prêts?", r"fonds propres", r"capital", r"actions", r"dette", r"obligations", r"subventions?", r"aides?", r"crédits?", r"financements?", r"soutien", r"numéraire", r"tranches?", r"total"]
# Mots qui font de ce qui suit « dans » un temps, pas un domaine (« dans les années à venir »).
NOT_FIELD = [r"\b(?:ans?|années?|mois|semaines?|décennies?|jours?|trimestres?|temps|période|délais?)\b"]
# Mots entre un sujet et son verbe (« X vient de lever ») : le nom qui les précède est le sujet.
AUXILIARIES = [r"a", r"ont", r"avait", r"avaient", r"vient", r"viennent", r"de", r"d['’]", r"va", r"vont", r"aussi",
               r"également", r"déjà", r"enfin"]
# Noms d'une société détenue par une autre, nommée après une virgule (« dans une filiale ..., X »).
SUBSIDIARY_NOUNS = [r"filiale", r"co-?entreprise", r"joint-venture", r"entité", r"société commune"]
# Mots d'un tour de table : un investissement dans le tour va à la société qui lève.
ROUND_WORDS = [r"\btour de (?:table|financement)\b", r"\blevée\b", r"\btour\b", r"\bs[ée]rie [A-H]\b"]
# Prépositions qui ouvrent le domaine où va un investissement (« dans la recherche quantique »).
FIELD_START = [r"\bdans\b"]
# Verbes dont le sujet met l'argent : le sujet est l'investisseur.
INVEST_VERBS = [r"\binvesti\w*", r"\binject\w+", r"\bdébloqu\w+", r"\bengag\w+", r"\bapport\w*", r"\bmis\w*",
                r"\bmet(?:tre|tra|tent)?\b", r"\bconsacr\w+", r"\bmobilis\w+", r"\ballou\w+", r"\baccord\w+",
                r"\boctroi\w*", r"\bvers\w+", r"\bsubventionn\w+", r"\bfinanc(?!ement)\w+", r"\bsoutien\w*", r"\bcontribu\w+",
                r"\bsoutenir\b", r"\bmen\w+", r"\bpilot\w+", r"\bparticip\w+", r"\bdépens\w+",
                r"\bconstrui\w+", r"\bpromet\w*", r"\bpromis\b", r"\bmise\b", r"\bpari\w*", r"\bprend\w*",
                r"\bpris\b"]
ACQUIRE_VERBS = [r"\brach[eè]t\w*", r"\bacqu(?:iert|érir|is|ise|ière|ièrent)\b", r"\bs['’]offr\w+",
                 r"\bmet(?:tre)? la main sur\b", r"\bmis la main sur\b", r"\breprend\w*", r"\brepris\b",
                 r"\bprend(?:re)? le contrôle d['’e]"]
ACQUIRED_BY = [r"\b(?:racheté|acquis|repris|acheté)e?s? par\b", r"\bcédée? à\b", r"\bvend\w* à\b",
               # « X a accepté une offre de rachat de Y » : Y achète X
               r"\baccept\w*\s+(?:\w+\s+){0,2}?(?:une|l['’]|la|son)\s*offre\s+(?:\w+\s+){0,2}?(?:de rachat\s+|d['’]achat\s+)?(?:de la part\s+)?(?:de|du|d['’])"]
ACQUISITION_OF = [r"\b(?:rachat|acquisition|reprise|achat|cession|prise de contrôle) d['’eu]s?\b",
                  r"\bparticipation dans\b", r"\boffre sur\b"]
BOUGHT_PARTICIPLES = [r"(?:qui a été |a été )?(?:racheté|acquis|repris|acheté)e?s? (?:pour|contre|moyennant)"]
ACQUISITION_NOUNS = [r"\b(?:rachat|acquisition|reprise|achat|cession|offre de rachat)\b"]
BUYER_CUES = [r"\bpar\b", r"\bà\b(?= [A-Z])"]
SUBSIDY_WORDS = [r"\bsubvention\w*", r"\baides? (?:publiques?|d['’]État|de l['’]État|fédérales?)\b", r"\bsoutien public\b",
                 r"\baides?\b"]
STATE_NAMES = [r"\bgouvernement\b", r"\bÉtat\b", r"\bministère\b", r"\bcommission\b", r"\bunion\b", r"\brégion\b",
               r"\bgovernment\b"]
RECIPIENT_AFTER = [r"\bdans\b", r"\ben\b", r"\bpour\b", r"\bà\b", r"\bau\b", r"\baux\b",
                   r"\bau profit d['’e]", r"\bà destination d['’e]", r"\bau capital d['’e]", r"\bchez\b"]
# Entre un lieu et son montant : « en Pologne d'une hauteur de 4,6 milliards »
AMOUNT_OF = [r"d['’]une? (?:hauteur|valeur|montant|enveloppe|coût) d['’e]", r"à hauteur d['’e]", r"de", r"d['’]"]
PARENT_OF = [r"\bmaison-m[èe]re d['’e]", r"\bsociété-m[èe]re d['’e]", r"\bpropriétaire d['’e]"]
MACHINE_ANAPHORS = [r"\b(?:le (?:système|supercalculateur|calculateur|cluster|centre de données)|la machine|l['’](?:extension|infrastructure))\b"]
TARGET_START = [r"\bdans\b", r"\ben\b", r"\bpour\b", r"\bau profit d['’e]", r"\bà destination d['’e]"]
CLAUSE_BREAK = [r"[.;:!?]\s", r"\btandis que\b", r"\balors que\b", r"\baprès\b", r"\bavant\b", r"\bmais\b"]

MONTHS = {"janvier": 1, "janv": 1, "février": 2, "fevrier": 2, "févr": 2, "mars": 3, "avril": 4, "avr": 4, "mai": 5,
          "juin": 6, "juillet": 7, "juil": 7, "août": 8, "aout": 8, "septembre": 9, "sept": 9, "octobre": 10,
          "oct": 10, "novembre": 11, "nov": 11, "décembre": 12, "decembre": 12, "déc": 12}
