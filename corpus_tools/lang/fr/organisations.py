"""Mots français qui entourent les noms d'organisations dans l'actualité économique.

Chaque liste est une construction que l'extracteur d'organisations (``extract/organisations.py``)
lit comme indice ; les exemples qui doivent (ou ne doivent pas) correspondre sont dans
``organisation_examples.tsv``, à côté.
"""

# Déterminants qu'on retire en tête d'un nom (« la BCE » -> « BCE ») sauf s'ils en font partie.
DETERMINERS = ("le", "la", "les", "l'", "l’")

# Mots de liaison admis à l'intérieur d'un nom (« Caisse des Dépôts », « Alice & Bob »).
NAME_CONNECTORS = ("de", "du", "des", "d'", "d’", "&", "de la", "de l'", "de l’")

# Coordinations d'une liste de noms (« mené par X, Y et Z »).
LIST_JOINERS = (",", "et", "ainsi que", "&")

# Noms de catégorie devant un nom : « la start-up X », « le fonds X », « la banque X ».
DESCRIPTORS = (
    "start-up", "startup", "start up", "jeune pousse", "pépite", "licorne", "scale-up", "scaleup", "société",
    "entreprise", "firme", "groupe", "fonds", "fonds d'investissement", "fonds d’investissement",
    "société de gestion", "banque", "néobanque", "assureur", "opérateur", "fabricant", "constructeur",
    "éditeur", "fintech", "medtech", "biotech", "healthtech", "deeptech", "foodtech", "cabinet", "incubateur",
    "accélérateur", "investisseur", "family office", "holding", "filiale", "spécialiste", "plateforme",
    "géant", "leader", "concurrent", "rival", "laboratoire", "agence", "quotidien", "journal", "magazine",
    "site", "média", "hebdomadaire", "spin-off", "marque", "enseigne", "distributeur", "équipementier",
    "fournisseur", "hébergeur", "fondeur", "acteur", "champion", "consortium", "association", "organisme",
    "opérateur télécoms", "gestionnaire", "promoteur", "compagnie",
)

# Adjectifs de nationalité employés comme noms devant un nom : « le finlandais IQM », « l'américaine Nod.ai ».
NATIONALITIES = (
    "français", "française", "américain", "américaine", "allemand", "allemande", "britannique", "anglais",
    "anglaise", "italien", "italienne", "espagnol", "espagnole", "néerlandais", "néerlandaise", "belge", "suisse",
    "suédois", "suédoise", "finlandais", "finlandaise", "danois", "danoise", "norvégien", "norvégienne",
    "canadien", "canadienne", "chinois", "chinoise", "japonais", "japonaise", "coréen", "coréenne", "sud-coréen",
    "sud-coréenne", "taïwanais", "taïwanaise", "indien", "indienne", "israélien", "israélienne", "australien",
    "australienne", "irlandais", "irlandaise", "polonais", "polonaise", "autrichien", "autrichienne", "portugais",
    "portugaise", "luxembourgeois", "luxembourgeoise", "singapourien", "singapourienne", "émirati", "émiratie",
    "saoudien", "saoudienne", "européen", "européenne", "californien", "californienne", "parisien", "parisienne",
    "lyonnais", "lyonnaise", "nantais", "nantaise", "bordelais", "bordelaise", "toulousain", "toulousaine",
    "marseillais", "marseillaise", "lillois", "lilloise", "grenoblois", "grenobloise", "montpelliérain",
    "montpelliéraine", "rennais", "rennaise", "strasbourgeois", "strasbourgeoise", "niçois", "niçoise",
)

# Le gouvernement d'un pays, nommé comme tel : « le gouvernement français », « gouvernement fédéral allemand ».
GOVERNMENT = r"\b[Gg]ouvernement (?:fédéral )?(?:{nationality})\b"

# Cadres de rôle suivis d'un nom ou d'une liste de noms.
ROLE_FRAMES = (
    "mené par", "menée par", "menés par", "conduit par", "conduite par", "piloté par", "pilotée par",
    "co-mené par", "avec la participation de", "avec la participation d'", "avec la participation d’",
    "aux côtés de", "aux côtés d'", "aux côtés d’", "auprès de", "auprès d'", "auprès d’", "rejoint par",
    "rejointe par", "soutenu par", "soutenue par", "accompagné par", "accompagnée par", "financé par",
    "financée par", "racheté par", "rachetée par", "détenu par", "détenue par", "parmi lesquels",
    "dont", "notamment", "investisseurs historiques", "fonds tels que", "tels que", "comme",
    "associé à", "associée à", "en partenariat avec", "partenaire de", "filiale de", "filiale d'", "filiale d’",
    "investi dans", "investit dans", "investir dans", "participation dans", "au capital de", "au capital d'",
    "au capital d’",
)

# Cadres qui citent une source : « selon X », « rapporte X ».
SOURCE_FRAMES = ("selon", "d'après", "d’après", "rapporte", "révèle", "indique", "cité par", "interrogé par",
                 "confirme à", "a indiqué à", "a confié à", "source :", "source:", "via", "rapportent", "révèlent",
                 "relève", "relèvent", "a déclaré à", "a expliqué à", "a précisé à", "a affirmé à", "a assuré à",
                 "déclare à", "explique à", "précise à", "un décompte de", "interrogée par", "interrogés par")

# Verbes après un média qui rapporte : « X rapporte que », « X a révélé ».
SOURCE_VERBS_AFTER = ("rapporte", "rapportait", "a rapporté", "révèle", "a révélé", "révélait")

# Appositions après le nom : « X, une start-up parisienne », « X, le fonds lyonnais ».
APPOSITION_DETERMINERS = ("une", "un", "la", "le", "l'", "l’", "cette", "ce")

# Formes juridiques en fin de nom.
LEGAL_FORMS = ("SAS", "SA", "SE", "SARL", "SASU", "SCA", "SCOP", "GIE", "EURL", "SNC")

# Têtes d'organismes publics et d'institutions en début de nom, écrites avec ou sans majuscule.
PUBLIC_HEADS = (
    "conseil régional", "conseil départemental", "communauté urbaine", "communauté d'agglomération",
    "communauté d’agglomération", "communauté de communes", "mairie", "préfecture", "ministère",
    "secrétariat d'état", "secrétariat d’état", "caisse", "banque", "agence", "autorité", "commission", "comité",
    "conseil", "office", "observatoire", "centre", "institut", "université", "école", "fondation", "chambre",
    "cour", "direction générale", "haut conseil", "haute autorité", "fédération", "syndicat", "union",
    "association", "établissement public",
)

# Collectivités : organisme quand le mot est capitalisé (« Région Bretagne »), lieu sinon (« la région de Lyon »).
TERRITORY_HEADS = ("Région", "Département", "Ville", "Métropole", "Commune", "Collectivité", "Province", "Canton")

# Derniers mots d'un nom de fonds ou de société qui suffisent à en faire un nom d'organisation.
NAME_HEADS = ("Capital", "Ventures", "Venture", "Partners", "Invest", "Investissement", "Investissements",
              "Gestion", "Holding", "Holdings", "Fund", "Fonds", "Equity", "Growth", "Management", "Technologies",
              "Industries", "Labs", "Bank", "Banque", "Robotics", "Therapeutics", "Capital Partners",
              "Asset Management", "Private Equity", "Participations", "SAS", "SA")

# Mots fréquents dans les noms d'organisations, mais aussi ailleurs (« Quantum », « IA ») : un indice seulement.
NAME_WORDS = ("Group", "Groupe", "Technology", "Solutions", "Systems", "Lab", "Finance", "Energy", "Medical", "Santé",
              "Networks", "Semiconductors", "Computing", "Quantum", "Data", "Cloud", "Software", "Studio", "Studios",
              "Media", "Conseil", "Mobility", "AI", "IA", "Tech", "Digital", "Innovation", "Consulting")

# Têtes qui nomment un programme, une loi, un événement ou un produit : jamais une organisation.
NOT_ORGANISATION_HEADS = ("plan", "programme", "sommet", "salon", "loi", "act", "prix", "trophée", "concours",
                          "appel à projets", "festival", "édition", "semaine", "journée", "forum", "stratégie",
                          "mission", "pacte", "label", "challenge", "initiative")

# Mots qui précèdent un nom de personne (titres, fonctions) : le nom suivant n'est pas une organisation.
PERSON_CUES = ("m.", "mme", "monsieur", "madame", "dr", "docteur", "pr", "professeur", "président",
               "présidente", "fondateur", "fondatrice", "cofondateur", "cofondatrice", "co-fondateur",
               "co-fondatrice", "directeur", "directrice", "pdg", "ministre", "dirigeant", "dirigeante",
               "associé", "associée", "patron", "patronne", "ceo", "cto", "cfo", "coo", "chercheur", "chercheuse",
               "économiste", "analyste", "porte-parole", "député", "députée", "sénateur", "sénatrice", "maire")

# Cadres avant une personne ou une liste de personnes (expressions régulières) : « fondée en 2019 par X
# et Y », « les ingénieurs X et Y ». Fondateurs et salariés sont des personnes, pas des investisseurs.
PERSON_FRAMES = (r"(?:co-?)?fondée?s?(?: en \d{4})? par", r"(?:co-?)?fondat(?:eur|rice)s?", r"dirigeant(?:e|s|es)?",
                 r"ingénieurs?", r"chercheu(?:r|se)s?", r"scientifiques?", r"pionniers?", r"conseill(?:er|ère)s?",
                 r"lauréat(?:e|s|es)?", r"économistes?", r"analystes?", r"entrepreneu(?:r|se)s?", r"milliardaires?",
                 r"inventeu(?:r|se)s?", r"physicien(?:ne)?s?")

# Cadres avant un produit, un modèle ou une technologie : « a lancé X », « le lancement de X », « baptisé X ».
PRODUCT_FRAMES = ("lancé", "lancée", "lance", "le lancement de", "le lancement d'", "le lancement d’", "dévoilé",
                  "présenté", "baptisé", "baptisée", "appelé", "appelée", "nommé", "nommée", "dénommé", "dénommée",
                  "la sortie de", "la sortie d'", "la sortie d’")

# Pronoms qui, après un nom, désignent une personne ; « il » et « elle » reprennent aussi une société.
PERSON_PRONOUNS = ()

# Mots qui précèdent un lieu : « à Lyon », « en Bretagne ».
PLACE_CUES = ("à", "en", "au", "aux", "vers", "près de", "près d'", "près d’", "région de", "ville de",
              "commune de", "département de", "capitale de", "banlieue de", "périphérie de")

# Mois et jours : capitalisés en tête de phrase ou dans des titres.
CALENDAR_WORDS = ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
                  "octobre", "novembre", "décembre", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi",
                  "dimanche")

# Étiquettes du modèle spaCy français -> étiquettes des entités de corpus_tools.
MODEL_LABELS = {"ORG": "ORG", "PER": "PERSON", "LOC": "LOC"}

# Sigles et mots que le modèle prend pour des noms ; une entité faite seulement de ces mots est écartée.
NOT_NAME_WORDS = ("IPO", "SPAC", "PME", "TPE", "ETI", "VC", "NFT", "NFTs", "IA", "AI", "HPC", "LLM", "LLMs", "GPU", "GPUs", "CPU", "PDG", "CEO", "IT", "ML", "R&D", "AGI", "API",
                  "SaaS", "Cloud", "Bitcoin", "BTC", "ETH", "Brexit", "&", "et", "Europe", "Tech")
