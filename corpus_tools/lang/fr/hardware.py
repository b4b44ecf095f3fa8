"""Vocabulaire français du matériel. Les exemples qui le spécifient sont dans hardware_examples.tsv à côté.

Les noms de produits et de machines sont des données partagées (``lang/common/hardware.tsv``,
``supercomputers.tsv``) ; ici, les noms communs français, les mots autour d'un nombre et les
façons d'écrire une puissance de calcul.
"""

GENERIC = {
    "gpu": ["GPU", "GPUs", "processeur graphique", "processeurs graphiques", "carte graphique", "cartes graphiques",
            "accélérateur graphique", "accélérateurs graphiques"],
    "chip": ["puce d'IA", "puces d'IA", "puce d’IA", "puces d’IA", "puces IA", "puce IA", "accélérateur d'IA",
             "accélérateurs d'IA", "accélérateurs d’IA", "processeur quantique", "processeurs quantiques",
             "processeurs d'intelligence artificielle", "processeurs d’intelligence artificielle", "superpuce",
             "superpuces"],
    "supercomputer": ["supercalculateur", "supercalculateurs", "superordinateur", "superordinateurs",
                      "supercomputer", "supercomputers",  # the English word, frequent in French tech news
                      "ordinateur exaflopique", "calculateur exaflopique", "machine exaflopique",
                      "supercalculateur exaflopique"],
    "system": ["ordinateur quantique", "ordinateurs quantiques", "système quantique", "systèmes quantiques",
               "simulateur quantique", "simulateurs quantiques", "serveurs informatiques", "serveurs GPU",
               "serveurs IA", "serveurs d'IA", "grappe de GPU", "grappes de GPU", "cluster de GPU", "clusters de GPU",
               "systèmes DGX"],
    "datacenter": ["centre de données", "centres de données", "data center", "data centers", "data centre",
                   "datacenter", "datacenters", "data-center", "data-centers", "méga-centre de données",
                   "centre de calcul", "centres de calcul", "usine d'IA", "usines d'IA", "usine d’IA", "usines d’IA",
                   "gigafactory IA", "gigafactories IA", "gigafactory d'IA", "gigafactory de l'IA",
                   "campus d'IA", "campus IA", "gigafactory of compute", "centre de supercalcul",
                   "centres de supercalcul",
                   "centre de donnés", "centres de donnés"],  # une faute courante, lue comme voulue
}
COUNTED = {
    "chip": ["puce", "puces", "processeur", "processeurs", "CPU", "accélérateur", "accélérateurs",
             "microprocesseur", "microprocesseurs"],
    "system": ["serveur", "serveurs", "nœud", "nœuds", "noeud", "noeuds", "baie", "baies", "rack", "racks",
               "armoire", "armoires", "système", "systèmes", "machine", "machines", "cluster", "clusters"],
    "other": ["cœurs", "coeurs", "qubits"],
}
# « puces » après ces mots désigne une industrie : « le marché des puces », « fabricant de puces ».
INDUSTRY_WORDS = ["marché", "marchés", "fabricant", "fabricants", "géant", "géants", "concepteur", "concepteurs",
                  "production", "fabrication", "industrie", "secteur", "pénurie", "course", "guerre", "usine",
                  "usines", "spécialiste", "leader", "numéro", "filière", "vente", "ventes", "exportations",
                  "stratégie", "fondeur", "fondeurs", "équipements", "sous-traitant", "champion", "acteur",
                  "acteurs", "projet", "loi", "aides", "start-up", "startups", "start-ups"]
# Autour de « centre de données », ces mots nomment un métier, pas un site : « l'opérateur de datacenters ».
DATACENTER_TRADE_WORDS = ["opérateur", "opérateurs", "exploitant", "exploitants", "spécialiste", "spécialistes", "secteur",
                          "marché", "marchés", "industrie", "filière", "acteur", "acteurs", "fournisseur",
                          "fournisseurs", "géant", "géants", "hébergeur", "hébergeurs", "leader"]
# « un » devant une puissance de calcul en mots : « un milliard de milliards d'opérations par seconde ».
COMPUTE_ONE_WORDS = ["un", "une"]
# « l'un des supercalculateurs les plus puissants » : un rang, pas une machine.
RANKING_WORDS = ["l'un des", "l’un des", "l'une des", "l’une des", "un des", "une des"]
# Comptes en mots qui donnent un ordre de grandeur, gardés comme quantité approchée : « une centaine
# de serveurs » (100, approché), « des dizaines de milliers de puces » (10 000).
APPROX_COUNTS = {f"{count} {of}": value for count, value in {
    "une dizaine": 10, "une quinzaine": 15, "une vingtaine": 20, "une trentaine": 30, "une quarantaine": 40,
    "une cinquantaine": 50, "une soixantaine": 60, "une centaine": 100, "des centaines": 100, "un millier": 1000,
    "des milliers": 1000, "plusieurs milliers": 1000, "quelques milliers": 1000, "des dizaines": 10,
    "des dizaines de milliers": 10_000, "des centaines de milliers": 100_000, "des millions": 1_000_000,
    "plusieurs centaines": 100, "quelques centaines": 100}.items() for of in ("de", "d'", "d’")}
GAP_STOPWORDS = ["de", "des", "du", "sur", "dans", "à", "pour", "par", "avec", "en", "et", "ou", "que", "qui", "est",
                 "sont", "a",
                 "ont", "le", "la", "les", "un", "une"]
OF_WORDS = ["de", "d'", "d’", "des"]  # « 1 million de GPU », « 500 000 puces d'IA »
MAKER_PREPOSITIONS = ["de", "d'", "d’"]  # "GPU de Nvidia", "chips from AMD"
HEDGES = ["près de", "environ", "jusqu'à", "jusqu’à", "plus de", "quelque", "quelques", "presque", "au moins",
          "autour de", "moins de", "pas moins de"]
QUANTITY_MAGNITUDES = {"mille": 1e3, "million": 1e6, "millions": 1e6, "milliers": 1e3, "milliard": 1e9}
NUMBER_WORDS = ["deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix", "douze",
                "seize", "vingt", "trente", "quarante", "cinquante", "cent", "mille", "un million", "un milliard"]
CUES = ["supercalcul*", "superordinat*", "exascale", "exaflopique", "pétaflop*", "petaflop*", "exaflop*", "HPC",
        "calcul*", "TOP500", "nœud*", "noeud*", "EuroHPC", "GPU*", "centre de données", "centres de données",
        "data cent*",
        "semi-conducteur*", "quantique*", "qubit*", "Nvidia", "AMD", "Intel", "IA", "informatique*"]

FLOPS_UNITS = {"flops": 1, "flop/s": 1, "téraflops": 1e12, "teraflops": 1e12, "tflops": 1e12, "tflop/s": 1e12,
               "pétaflops": 1e15, "pétaflop": 1e15, "petaflops": 1e15, "pflops": 1e15, "pflop/s": 1e15,
               "exaflops": 1e18, "exaflop": 1e18, "eflops": 1e18, "eflop/s": 1e18}
RATE_WORDS = ["opérations par seconde", "calculs par seconde", "opérations à la seconde",
              "opérations en virgule flottante par seconde", "opérations flottantes par seconde"]
LARGE_NUMBERS = {"mille": 1e3, "million": 1e6, "millions": 1e6, "milliard": 1e9, "milliards": 1e9,
                 "billion": 1e12, "billions": 1e12, "millions de milliards": 1e15, "million de milliards": 1e15,
                 "milliards de milliards": 1e18, "milliard de milliards": 1e18, "trillion": 1e18, "trillions": 1e18}
PRECISIONS = {"IA": "AI", "FP64": "FP64", "FP32": "FP32", "FP16": "FP16", "FP8": "FP8", "FP4": "FP4",
              "BF16": "BF16", "INT8": "INT8", "double précision": "FP64", "en double précision": "FP64", "HPL": "FP64",
              "Linpack": "FP64"}
# Entre une puissance et sa précision : « 2,5 exaflops en précision IA ».
PRECISION_LINKS = ["en", "en précision", "de précision", "en calcul"]
POWER_UNITS = {"mw": ("MW", 1e6), "mégawatts": ("MW", 1e6), "mégawatt": ("MW", 1e6), "megawatts": ("MW", 1e6),
               "gw": ("GW", 1e9), "gigawatts": ("GW", 1e9), "gigawatt": ("GW", 1e9), "kw": ("kW", 1e3),
               "kilowatts": ("kW", 1e3)}
DECIMAL_COMMA = True
# « serveurs GPU » : le premier nom de deux noms accolés dit ce que c'est.
HEAD_NOUN_FIRST = True
