import pytest

from corpus_tools import extract_hardware
from corpus_tools.extract.hardware import catalog


def _one(text, lang):
    found = extract_hardware(text, lang=lang)
    assert len(found) == 1, [h.text for h in found]
    return found[0]


@pytest.mark.parametrize("text,lang,surface,kind,product,vendor,quantity,unit,approx", [
    ("Microsoft will deploy 25,000 GPUs in France.", "en", "GPUs", "gpu", "", "", 25000, "units", False),
    ("Le groupe installe 2 500 GPU à Paris.", "fr", "GPU", "gpu", "", "", 2500, "units", False),
    ("Le campus accueillera près de 10 000 puces H100.", "fr", "puces H100", "gpu", "H100", "NVIDIA", 10000, "units", True),
    ("L'extension ajoute 1 456 GPU H100 de Nvidia.", "fr", "GPU H100", "gpu", "H100", "NVIDIA", 1456, "units", False),
    ("The machine reaches 14 petaflops.", "en", "14 petaflops", "compute_metric", "", "", 14, "PFLOPS", False),
    ("The new machine will reach 1 exaflop.", "en", "1 exaflop", "compute_metric", "", "", 1, "EFLOPS", False),
    ("La machine atteint 125,9 pétaflops.", "fr", "125,9 pétaflops", "compute_metric", "", "", 125.9, "PFLOPS", False),
    ("The site will draw 40 MW.", "en", "40 MW", "power", "", "", 40, "MW", False),
    ("Le campus consommera jusqu'à 1 GW.", "fr", "1 GW", "power", "", "", 1, "GW", True),
    ("They bought an NVIDIA DGX SuperPOD.", "en", "NVIDIA DGX SuperPOD", "system", "DGX SuperPOD", "NVIDIA", None, "", False),
    ("It runs 512 AMD MI300X accelerators.", "en", "AMD MI300X", "gpu", "MI300X", "AMD", 512, "units", False),
    ("Le supercalculateur Jean Zay est à Saclay.", "fr", "supercalculateur Jean Zay", "supercomputer", "Jean Zay",
     "HPE", None, "", False),
    ("Google trains on TPU v5p pods.", "en", "TPU v5p", "accelerator", "TPU v5p", "Google", None, "", False),
    ("Intel's Gaudi 3 ships this year.", "en", "Intel's Gaudi 3", "accelerator", "Gaudi 3", "Intel", None, "", False),
    ("Each rack holds a GB200 NVL72.", "en", "GB200 NVL72", "system", "GB200 NVL72", "NVIDIA", None, "", False),
    ("The Cerebras CS-3 is wafer-sized.", "en", "Cerebras CS-3", "system", "CS-3", "Cerebras", None, "", False),
])
def test_hardware_cases(text, lang, surface, kind, product, vendor, quantity, unit, approx):
    mention = _one(text, lang)
    assert (mention.text, mention.kind, mention.product, mention.vendor) == (surface, kind, product, vendor)
    assert mention.quantity == quantity and mention.unit == unit and mention.approx == approx
    assert text[mention.start:mention.end] == mention.text


def test_named_supercomputers_need_an_hpc_context():
    assert extract_hardware("Leaders met at the Choose France Summit in Versailles.", lang="en") == []
    assert extract_hardware("They hiked in the Alps with Aurora.", lang="en") == []
    found = extract_hardware("Aurora, the exascale supercomputer at Argonne, and Alps in Lugano.", lang="en")
    assert [(h.text, h.kind) for h in found][:2] == [("Aurora", "supercomputer"), ("exascale supercomputer", "supercomputer")]


def test_quantities_do_not_cross_prepositions_or_sentences():
    found = extract_hardware("It ranks number 10 on the Top500 Supercomputers. It has 3,000 desks. GPUs arrive.", lang="en")
    assert all(h.quantity is None for h in found)


def test_not_hardware():
    for text in ["The startup accelerator opened in Lyon.", "Les clusters d'excellence en IA.", "He bought 3 chips at the bar."]:
        assert [h for h in extract_hardware(text) if h.kind != "accelerator" or h.product] == []


def test_catalog_is_data_with_vendor_and_kind():
    folded, exact, vendors = catalog()
    assert {"NVIDIA", "AMD", "Google", "Intel", "Cerebras", "Graphcore"} <= set(vendors)
    for name in ["a100", "h100", "h200", "b200", "gb200", "dgx h100", "dgx superpod", "gb200 nvl72", "mi250x",
                 "mi300x", "mi325x", "tpu v4", "tpu v5e", "tpu v5p", "gaudi 2", "gaudi 3", "cs-2", "cs-3", "ipu",
                 "jean zay", "adastra", "lumi", "marenostrum 5", "el capitan", "gpu", "processeur graphique",
                 "supercomputer", "supercalculateur", "data centre", "centre de données"]:
        assert name in folded, name
    for name in ["Alps", "JUPITER", "Leonardo", "Frontier", "Aurora", "Cori"]:
        assert name in exact, name


def test_seed_hardware(seeds_dir, gold):
    for name, annotation in gold["documents"].items():
        found = extract_hardware((seeds_dir / name).read_text(encoding="utf-8"))
        for expected in annotation["hardware"]:
            matches = [h for h in found if expected["surface"].lower() in h.text.lower()
                       and h.kind == expected["kind"]]
            assert matches, (name, expected["surface"])
            if expected.get("product"):
                assert any(h.product == expected["product"] and h.vendor == expected["vendor"] for h in matches)
            if expected.get("quantity"):
                assert any(h.quantity == expected["quantity"] and h.unit == expected.get("unit", "units")
                           for h in matches), (name, expected)
    found = extract_hardware((seeds_dir / "004_a740679b1ad3bc90.txt").read_text(encoding="utf-8"))
    gpus = [h for h in found if h.kind == "gpu" and h.quantity]
    assert [(h.quantity, h.approx) for h in gpus] == [(25000, True)]
