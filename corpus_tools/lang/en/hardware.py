"""English hardware vocabulary. The examples that specify it are in hardware_examples.tsv beside this file.

Product and machine names are shared data (``lang/common/hardware.tsv``, ``supercomputers.tsv``);
here are the English common nouns, the words around a count and the ways English writes compute.
"""

# Common nouns, reported with a kind and no product. "counted": only with a number, a vendor or a
# product beside them ("3,200 chips", "Nvidia chips"), because alone they name an industry.
GENERIC = {
    "gpu": ["GPU", "GPUs", "graphics processing unit", "graphics processing units", "graphics processor",
            "graphics processors", "graphics card", "graphics cards"],
    "chip": ["AI chip", "AI chips", "AI accelerator", "AI accelerators", "superchip", "superchips",
             "quantum processor", "quantum processors", "quantum chip", "quantum chips", "AI processor",
             "AI processors"],
    "supercomputer": ["supercomputer", "supercomputers", "super-computer", "super-computers", "exascale computer",
                      "exascale computers", "exascale system", "exascale systems", "exascale machine",
                      "exascale machines"],
    "system": ["quantum computer", "quantum computers", "quantum system", "quantum systems", "quantum simulator",
               "quantum simulators", "GPU server", "GPU servers", "AI server", "AI servers", "GPU cluster",
               "GPU clusters", "AI cluster", "AI clusters", "compute cluster", "compute clusters", "DGX systems",
               "AI supercluster"],
    "datacenter": ["data centre", "data centres", "data center", "data centers", "datacentre", "datacentres",
                   "datacenter", "datacenters", "AI factory", "AI factories", "AI gigafactory", "AI gigafactories",
                   "gigafactory of compute", "AI campus", "AI campuses", "data centre campus", "data center campus",
                   "supercomputing centre", "supercomputing center", "computing centre", "computing center",
                   "hyperscale campus"],
}
COUNTED = {
    "chip": ["chip", "chips", "CPU", "CPUs", "processor", "processors", "accelerator", "accelerators"],
    "system": ["server", "servers", "node", "nodes", "rack", "racks", "cabinet", "cabinets", "system", "systems",
               "machine", "machines", "cluster", "clusters"],
    "other": ["cores", "CPU cores", "GPU cores", "qubits", "stream processors"],
}
# "chips" after these names an industry, not hardware: "the chip market", "a maker of chips".
INDUSTRY_WORDS = ["market", "markets", "maker", "makers", "industry", "industries", "shortage", "shortages",
                  "giant", "giants", "designer", "designers", "manufacturer", "manufacturers", "production",
                  "sector", "race", "war", "wars", "export", "exports", "supply", "strategy", "business",
                  "company", "companies", "stocks", "startup", "start-up", "startups", "start-ups", "firm", "firms",
                  "plant", "plants",
                  "fab", "fabs", "factory", "factories", "economics", "deal", "deals", "plan", "plans",
                  "stock", "tariffs", "ban", "bans", "act", "law", "subsidies", "prices"]
# Around "data centre", these name a trade, not a site: "a data centre operator", "the data center market".
DATACENTER_TRADE_WORDS = ["operator", "operators", "sector", "industry", "market", "markets", "developer", "developers",
                          "REIT", "REITs", "provider", "providers", "specialist", "specialists", "landlord",
                          "landlords", "company", "companies", "firm", "firms", "business", "startup", "startups",
                          "giant", "giants", "stocks"]
# "one" before a compute figure in words: "a billion billion calculations per second".
COMPUTE_ONE_WORDS = ["a", "an", "one"]
# "one of the most powerful supercomputers": a rank, not a machine of its own.
RANKING_WORDS = ["one of the", "one of its", "one of their", "one of Europe's", "one of the world's"]
# Counts in words that give an order of magnitude, kept as an approximate quantity: "tens of
# thousands of Nvidia GPUs" (10,000, approx).
APPROX_COUNTS = {"dozens of": 12, "hundreds of": 100, "thousands of": 1000, "tens of thousands of": 10_000,
                 "hundreds of thousands of": 100_000, "millions of": 1_000_000, "several thousand": 1000,
                 "a few thousand": 1000, "several hundred": 100, "a few hundred": 100}
# Words after a number that are not hardware counted next ("number 10 on the Top500").
GAP_STOPWORDS = ["on", "in", "at", "for", "to", "by", "with", "from", "and", "or", "than", "of", "per", "a", "an",
                 "the", "its", "their", "is", "are", "was", "were", "has", "have", "will"]
OF_WORDS = ["of the", "of its", "of their", "of"]  # "25,000 of the most advanced GPUs"
MAKER_PREPOSITIONS = ["from", "by"]  # "GPU de Nvidia", "chips from AMD"
HEDGES = ["up to", "about", "around", "nearly", "almost", "roughly", "some", "more than", "over", "at least",
          "approximately", "close to", "an estimated", "less than", "as many as"]
QUANTITY_MAGNITUDES = {"thousand": 1e3, "million": 1e6, "millions": 1e6, "billion": 1e9}
NUMBER_WORDS = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
                "sixteen", "twenty", "thirty", "forty", "fifty", "sixty", "hundred", "thousand", "a million",
                "one million", "a hundred", "a thousand"]
# Words near a name that is also a common word ("*": any ending) ("Summit", "Alps") that make it a machine.
CUES = ["supercomput*", "exascale", "petaflop*", "exaflop*", "HPC", "TOP500", "node", "nodes", "EuroHPC",
        "computing", "GPU*", "data cent*", "semiconductor*", "quantum", "qubit*", "Nvidia", "AMD", "Intel", "AI",
        "server*", "chipmaker*"]

# Compute written with a unit: the unit, its power of ten in FLOP/s.
FLOPS_UNITS = {"flops": 1, "flop/s": 1, "teraflops": 1e12, "teraflop": 1e12, "tflops": 1e12, "tflop/s": 1e12,
               "petaflops": 1e15, "petaflop": 1e15, "pflops": 1e15, "pflop/s": 1e15, "exaflops": 1e18,
               "exaflop": 1e18, "eflops": 1e18, "eflop/s": 1e18, "zettaflops": 1e21}
# Compute written in words: "90 quintillion calculations per second", "a billion billion operations a second".
RATE_WORDS = ["calculations per second", "calculations a second", "calculations each second",
              "operations per second", "operations a second", "operations each second",
              "floating-point operations per second", "floating-point calculations per second",
              "floating point operations per second"]
LARGE_NUMBERS = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12, "quadrillion": 1e15,
                 "quintillion": 1e18, "sextillion": 1e21, "billion billion": 1e18, "million billion": 1e15}
# Precision words before or after a compute figure: "300 AI exaflops", "1.1 exaflops FP64".
PRECISIONS = {"AI": "AI", "FP64": "FP64", "FP32": "FP32", "FP16": "FP16", "FP8": "FP8", "FP4": "FP4",
              "BF16": "BF16", "INT8": "INT8", "double-precision": "FP64", "double precision": "FP64",
              "mixed-precision": "mixed", "HPL": "FP64", "Linpack": "FP64"}
# Between a compute figure and its precision: "1.8 exaflops of FP8 performance".
PRECISION_LINKS = ["of", "in", "at"]
POWER_UNITS = {"mw": ("MW", 1e6), "megawatts": ("MW", 1e6), "megawatt": ("MW", 1e6), "gw": ("GW", 1e9),
               "gigawatts": ("GW", 1e9), "gigawatt": ("GW", 1e9), "kw": ("kW", 1e3), "kilowatts": ("kW", 1e3)}
DECIMAL_COMMA = False
# "CPU nodes": of two nouns side by side, the last says what it is.
HEAD_NOUN_FIRST = False
