"""Constructions qui décident de la nature d'un montant avant le modèle, dans l'ordre : la première
règle dont le motif correspond aux mots juste avant (``left``) ou juste après (``right``) gagne.
Exemples et quasi-exemples : ``kind_rules_examples.tsv``."""

_GAP = r"(?:[\w'’$€£.,-]+\s+){0,%d}"
_IN_SENTENCE = r"(?:[^.;!?]|(?<=\d)\.(?=\d))"  # un point décimal ne termine pas la proposition

RULES = [
    ("revenue", "revenue", None, r"^\s*(?:[\w'’-]+\s+){0,2}de (?:chiffre d['’]affaires|revenus?|ventes)\b"),
    # bénéfices et bénéfice par action : des postes comptables, ni un prix ni un chiffre d'affaires
    ("other", "profit", r"(?<!au )(?<!du )\b(?:bénéfices?|profits?|résultats? nets?|résultat opérationnel|résultat "
     r"d['’]exploitation|pertes? nettes?)\b" + _IN_SENTENCE + r"{0,70}\Z",
     r"^\s*(?:[\w'’-]+\s+){0,2}de (?:bénéfices?|pertes?)\b"),
    ("price", "trading price", r"\b(?:prix|cours) (?:d['’]introduction |d['’]offre |de l['’]action |unitaire |de clôture "
     r")?(?:de|à|fixé à)\s+\Z", None),
    ("acquisition", "enterprise value", r"\bvaleur d['’]entreprise (?:estimée |évaluée )?(?:à|de)\s+" + _GAP % 2 + r"\Z",
     None),
    ("acquisition", "transaction amount", r"\bmontant (?:total )?de (?:la transaction|l['’]acquisition|"
     r"la vente)\b[^.;!?]{0,30}\Z", r"^[^.;!?]{0,60}\b(?:pour|afin de) (?:racheter|acquérir|s['’]offrir)\b"),
    ("price", "per unit", None, r"^\s*(?:par|l['’]) ?(?:action|unité|GPU|puce|carte|mois|heure)\b"),
    ("other", "requested money", r"\b(?:demander|demandes?|demandait|demandaient|demandée?s?|réclam\w+|sollicit\w+|exig\w+|espér\w+ (?:obtenir|lever|tirer))\b\s+"
     + _GAP % 6 + r"\Z", None),
    ("other", "declined money", r"\b(?:rejet\w+|refus\w+|décliné\w*|repouss\w+)\b\s+" + _GAP % 6 + r"\Z", None),
    ("other", "fund size", r"(?<!levée de )(?<!levées de )(?<!lever des )(?<!collecte de )(?<!de )(?<!des )\bfonds\b"
     r"(?:\s+[\w'’-]+){0,3}\s+(?:de|doté de|doté d['’]une? \w+ de|d['’]un montant de|à)\s+" + _GAP % 1 + r"\Z|"
     r"\btaille du fonds\b|\b(?:clôtur\w+|boucl\w+|lanc\w+)\s+(?:son|sa|ses|un|une|le|la|leur)\s+(?:\S+\s+){0,3}(?<!de )fonds\b.{0,40}\Z|\bclosing\s+(?:de|à)\s+"
     + _GAP % 1 + r"\Z|\bfonds d['’]\w+ (?:atteign\w+|atteint|à hauteur de|de|s['’]élève à|totalise)\s+" + _GAP % 1 + r"\Z|\bactifs sous gestion\b|\bencours\b\s+" + _GAP % 3 + r"\Z|\bgère\s+" + _GAP % 2 + r"\Z",
     r"^\s*(?:pour|dans) (?:son|un|le|leur|ce) (?:\w+ ){0,2}fonds\b|^\s*(?:\S+\s+){0,3}(?:premier |dernier |second )?closing\b|^\s*(?:d['’]actifs|sous gestion)\b"),
    ("other", "cash flow", r"\b(?:flux de trésorerie|free cash[- ]flow|cash[- ]flow|fonds de roulement|"
     r"génération de (?:cash|trésorerie))\b[^.;!?]{0,100}\Z", None),
    ("other", "economic contribution", r"\b(?:PIB|retombées|impact économique)\b.{0,40}\Z",
     r"^\s*(?:\S+\s+){0,3}(?:au|à l['’]|dans l['’])\s*(?:\S+\s+){0,2}?(?:PIB|économie)\b"),
    ("other", "economic contribution", r"\bcontribu\w+ à hauteur de\s+\Z", None),
    ("market_cap", "market capitalisation", r"\b(?:capitalisation|valeur|valorisation) boursière\b[^.;!?]{0,130}\Z",
     r"^\s*(?:\S+\s+){0,2}de (?:capitalisation|valeur) boursière\b"),
    ("valuation", "valuation", r"\bvalori[sz]ation (?:proche |d['’]environ |de près |d['’]au moins )?(?:de|à)\s+"
     + _GAP % 2 + r"\Z", r"^\s*de valorisation\b"),
    ("other", "ticket size", r"\btickets?\b(?:\s+\S+){0,4}\s*\Z", r"^\s*(?:\S+\s+){0,1}tickets?\b"),
    ("other", "synergies", r"\bsynergies?\b(?:\s+\S+){0,4}\s*\Z", r"^\s*(?:\S+\s+){0,2}de synergies?\b"),
    ("other", "contract value", r"\b(?:contrat|commande)s?\b\s+(?:[\w'’]+\s+){0,3}(?:de|d['’]un montant de|estimée? à|"
     r"évaluée? à|pour)\s+" + _GAP % 1 + r"\Z", r"^\s*(?:[\w'’-]+\s+){0,2}(?:contrat|commande)s?\b"),
    ("other", "market size", r"\bmarché\b[^.;!?]{0,60}(?:d['’]une valeur de|estimée? à|évaluée? à|pèse|pesant|qui "
     r"représente|devrait atteindre|atteindra)\s+" + _GAP % 2 + r"\Z", None),
    ("other", "secondary sale", r"\bsecondaire\b|\bactionnaires existants\b", r"\bsecondaire\b"),
    ("other", "budget", r"\bbudget\b\s+" + _GAP % 3 + r"\Z", r"^\s*(?:\w+\s+){0,2}budget\b"),
    ("acquisition", "acquisition price", r"\b(?:rach[eè]t\w*|acqu(?:iert|érir|is|ise|isition)|s['’]offr\w+|reprise|"
     r"rachat|mis la main sur|mettre la main sur|met la main sur)\b\s+(?:\S+\s+){0,8}(?:pour|contre|moyennant|à)\s+"
     r"(?:(?:la|une) (?:\w+ )?somme de |un (?:\w+ )?montant de )?" + _GAP % 2 + r"\Z", r"^\s*(?:pour |afin de )?(?:le |la |l['’])?(?:rachat|l['’]acquisition|acquisition|reprise)\b"),
    ("funding_round", "round", r"\b(?:lève|lèvent|lèvera|levé|lever|levait|levant)\s+(?:de |d['’])?" + _GAP % 2 + r"\Z|"
     r"\blevées? (?:de fonds )?(?:de |d['’]un montant de )(?:près de |plus de |environ )?\Z", r"^\s*(?:[\w'’-]+\s+){0,2}(?:lors d['’]une |dans le cadre d['’]une |en |de )?(?:levée de fonds|"
     r"tour de table|tour de financement|série [a-h])\b"),
    ("investment", "cost with named funders", None, r"^\s*,?\s*(?:sera |est |seront )?(?:partagé\w*|réparti\w*|"
     r"financé\w*|cofinancé\w*|pris\w* en charge)\s+(?:à parts égales\s+)?(?:entre|par)\b"),
    ("investment", "subsidy", r"\b(?:subvention\w*|aides? (?:publiques?|d['’]État|de l['’]État|fédérales?|financières?)|"
     r"soutien public|aides?)\b", r"^\s*(?:\w+\s+){0,3}(?:de |d['’])?(?:subvention\w*|aides? publiques?|aides? d['’]État|"
     r"aides?)\b"),
    ("investment", "plant cost", r"\b(?:usine|fab|site|chantier|gigafactory|centre de données|centres de données|data ?cent(?:er|re)s?|"
     r"campus)\b\s+(?:[\w'’]+\s+){0,4}(?:coût\w*|d['’]un (?:coût|montant) de|estimée? à|de)\s+" + _GAP % 1 + r"\Z",
     r"^\s*(?:[\w'’-]+\s+){0,2}(?:usine|fab|gigafactory|centre de données|centres de données|site)\b"),
    ("investment", "project value", r"\bprojet\b.{0,40}(?:d['’]une valeur de|évalué à|estimé à)\s+" + _GAP % 2 + r"\Z",
     None),
    ("investment", "spending verb", r"\b(?:dépenser|investir|injecter|consacrer|débloquer|mobiliser|engager)\s+"
     + _GAP % 2 + r"\Z", None),
]
