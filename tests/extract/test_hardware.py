"""Hardware beyond the example files: context rules, the catalogs as data, the real seeds."""
from corpus_tools import extract_hardware
from corpus_tools.extract.hardware import catalog, supercomputers


def test_named_supercomputers_need_an_hpc_context():
    assert extract_hardware("Leaders met at the Choose France Summit in Versailles.", lang="en") == []
    assert extract_hardware("They hiked in the Alps with Aurora.", lang="en") == []
    found = extract_hardware("Aurora, the exascale supercomputer at Argonne, and Alps in Lugano.", lang="en")
    assert [(h.text, h.kind) for h in found] == [("Aurora", "supercomputer"), ("supercomputer", "supercomputer"),
                                                 ("Alps", "supercomputer")]


def test_quantities_do_not_cross_prepositions_or_sentences():
    found = extract_hardware("It ranks number 10 on the Top500 Supercomputers. It has 3,000 desks. GPUs arrive.",
                             lang="en")
    assert all(h.quantity is None for h in found)


def test_catalog_is_data_with_vendor_and_kind():
    folded, exact, vendors = catalog()
    assert {"NVIDIA", "AMD", "Google", "Intel", "Cerebras", "Graphcore"} <= set(vendors)
    for name in ["a100", "h100", "h200", "b200", "gb200", "dgx h100", "dgx superpod", "gb200 nvl72", "mi250x",
                 "mi300x", "mi325x", "tpu v4", "tpu v5e", "tpu v5p", "gaudi 2", "gaudi 3", "cs-2", "cs-3", "ipu",
                 "epyc", "xeon", "jean zay", "adastra", "lumi", "marenostrum 5", "el capitan", "fugaku"]:
        assert name in folded, name
    for name in ["Alps", "JUPITER", "Leonardo", "Frontier", "Aurora", "Cori", "Milan"]:
        assert name in exact, name


def test_supercomputers_carry_public_facts():
    machines = supercomputers()
    assert len(machines) >= 40
    frontier, lumi = machines["Frontier"], machines["LUMI"]
    assert (frontier.country, frontier.vendor, frontier.accelerator) == ("United States", "HPE", "AMD MI250X")
    assert lumi.country == "Finland" and lumi.rmax_pflops and lumi.rmax_pflops > 300
    assert {m.country for m in machines.values() if "EuroHPC" in m.source_list} >= {"Finland", "Italy", "Spain"}
    ranked = [m for m in machines.values() if m.rmax_pflops]
    assert all(0 < m.rmax_pflops < 5000 for m in ranked)


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


def test_head_pattern_as_a_tree_finds_what_the_alternation_finds():
    import re

    from corpus_tools.extract.hardware import _alternation, _trie

    folded, exact, _ = catalog()
    forms = sorted(folded) + ["gpu", "gpus", "gpu server", "h1", "h10"]
    as_tree = re.compile(r"(?<![\w])(?P<form>(?i:" + _trie(forms) + r")|" + _trie(exact) + r")(?![\w-])")
    as_list = re.compile(r"(?<![\w])(?P<form>(?i:" + _alternation(forms) + r")|" + _alternation(exact) + r")(?![\w-])")
    text = ("The lab bought 512 H100 GPUs, a GPU server and two DGX H100 systems; Milan hosts Leonardo, "
            "not H10 or H1-class boards. " + " ".join(f"{f} {f.upper()} {f.title()}s {f}-x" for f in forms + sorted(exact)))
    found = [(m.span(), m.group("form")) for m in as_tree.finditer(text)]
    assert found == [(m.span(), m.group("form")) for m in as_list.finditer(text)]
    assert ((19, 28), "H100 GPUs") in found and ((32, 42), "GPU server") in found
