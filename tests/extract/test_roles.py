"""Roles: the ranker's shipped weights fit its features and never override a construction; what is never a party."""
import json
from importlib import resources

import pytest

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


@pytest.mark.parametrize("lang,text,not_a_party", [
    ("fr", "Vendredi, l'agence a indiqué que Norvelle prévoyait d'investir 12 milliards de dollars dans ses usines.",
     "Vendredi"),  # a weekday the small model takes for a name
    ("en", "OSAKA (Kestrel Press) — Japan's trade ministry said on Monday it will provide ¥90 billion in extra aid to "
           "Norvelle Corp. for its new plant.", "Kestrel Press"),  # an agency's dateline: the outlet word says so
])
def test_days_rounds_and_outlets_are_never_parties(lang, text, not_a_party):
    row = next(r for r in annotate_text(text, lang) if r["kind"] == "investment")
    assert not_a_party not in (row["investor"], row["recipient"], *row["investors"].split(";"))


def test_a_state_gives_and_never_receives():
    text = ("Le gouvernement soutient Ostrale. Le gouvernement veut une filière nationale, et le gouvernement y croit. "
            "La start-up lève 40 millions d'euros.")
    row = next(r for r in annotate_text(text, "fr") if r["kind"] == "funding_round")
    assert row["recipient"] != "French government" and row["investor"] == "French government"


def test_who_reports_a_round_does_not_raise_it():
    text = "Chief executive Mara Quist told Wired that Ostrale Robotics had raised a €25m Series A to build its arms."
    row = next(r for r in annotate_text(text, "en") if r["kind"] == "funding_round")
    assert row["recipient"] != "Mara Quist"


def test_a_raiser_the_recogniser_missed_is_not_the_article_s_company():
    text = ("Helvara builds quantum chips. Helvara raised €40 million last year, and Helvara now hires. "
            "The Finnish QXR certainly raised €128 million in 2022.")
    first, second = (r for r in annotate_text(text, "en") if r["kind"] == "funding_round")
    assert first["recipient"] == "Helvara" and second["recipient"] != "Helvara"
