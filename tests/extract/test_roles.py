"""The role ranker: shipped weights that fit its features, and it never overrides a construction."""
import json
from importlib import resources

from corpus_tools.extract import roles
from corpus_tools.extract.investments import NOBODY, Party, Roles, annotate_text


def test_shipped_weights_fit_the_features():
    """Weights fitted before a feature was added or moved would score the wrong numbers: rebuild
    with ``make train``."""
    shipped = json.loads(resources.files("corpus_tools.lang.common").joinpath(roles.MODEL_FILE).read_text())
    assert shipped["features"] == list(roles.FEATURES)
    for role in roles.ROLES:
        assert len(shipped[role]["coef"]) == len(roles.FEATURES)
        assert 0 < shipped[role]["threshold"] < 1


def test_an_investor_read_from_a_construction_stays():
    text = ("Nordavia raised €12 million in a round led by Kestrel Capital. "
            "Orbis Partners, its first backer, did not take part.")
    row = next(r for r in annotate_text(text, "en") if r["kind"] == "funding_round")
    assert row["investor"] == "Kestrel Capital"
    assert "ranked" not in row["role_cue"]
    assert row["role_cue"]  # every investing amount says what decided its parties


def test_the_ranker_names_nobody_without_candidates():
    ruled = Roles((), Party("Nordavia", ""), "", "salient")
    assert roles.decide(ruled, []) is ruled
    assert roles.decide(Roles((Party("Kestrel", ""),), NOBODY, "", "led by"), []).investor.name == "Kestrel"


def test_a_restatement_in_another_currency_is_the_same_money():
    text = "Le groupe prévoit de dépenser 6 milliards de livres (7,6 milliards de dollars) pour ses entrepôts au Royaume-Uni."
    pounds, dollars = annotate_text(text, "fr")
    assert dollars["equivalent_of"] == 0
    assert (dollars["kind"], dollars["kind_cue"]) == (pounds["kind"], pounds["kind_cue"]) == ("investment", "rule 'spending verb'")
    assert dollars["investor"] == pounds["investor"]
