"""`make demo`'s events are exactly the events of data/sample-gold.json (written by us, in the
development set's format): one row per commitment, right investor, recipient, kind and value, and
no other event."""
import json

import pytest

import corpus_tools as ct
from tests.conftest import REPO, SAMPLE

GOLD = REPO / "data" / "sample-gold.json"


def _names(canonical, accept) -> set[str]:
    return {n.casefold() for n in [canonical, *accept] if n}


@pytest.fixture(scope="module")
def sample():
    corpus = ct.analyze([SAMPLE], progress=False)
    documents = corpus.documents.set_index("doc_id")
    excerpt = {doc_id: row.source.split("data/sample/")[-1] + (f"#{row['item']}" if row["item"] else "")
               for doc_id, row in documents.iterrows()}
    return corpus, excerpt


@pytest.fixture(scope="module")
def gold():
    return json.loads(GOLD.read_text(encoding="utf-8"))


def _mentions(amounts, excerpt) -> set[tuple[str, str, int]]:
    return {(excerpt[row.doc_id], row.text, int(row.start)) for row in amounts.itertuples()}


def test_every_gold_event_is_one_row_with_its_parties(sample, gold):
    corpus, excerpt = sample
    amounts = corpus.amounts
    for event in gold["events"]:
        expected = {(m["excerpt"], m["surface"], m["start"]) for m in event["mentions"]}
        linked = amounts[[(excerpt[d], t, int(s)) in expected
                          for d, t, s in zip(amounts["doc_id"], amounts["text"], amounts["start"])]]
        assert len(linked) == len(expected), (event["event_id"], "a mention was not found as an amount")
        event_ids = set(linked["event_id"])
        assert len(event_ids) == 1 and "" not in event_ids, (event["event_id"], "mentions split or not an event")
        row = corpus.investments.set_index("event_id").loc[event_ids.pop()]
        assert _mentions(amounts[amounts["event_id"] == row.name], excerpt) == expected, event["event_id"]
        assert row["kind"] == event["kind"], event["event_id"]
        assert (row["value"], row["currency"]) == (event["amount"], event["currency"]), event["event_id"]
        if event["investor"]:
            assert row["investor"].casefold() in _names(event["investor"], event["investor_accept"]), event["event_id"]
        else:
            assert row["investor"] == "", event["event_id"]
        if event["recipient"]:
            assert row["recipient"].casefold() in _names(event["recipient"], event["recipient_accept"]), \
                event["event_id"]
        else:
            assert row["recipient"] == "", event["event_id"]
        co_investors = {n.casefold() for n in row["investors"].split(";") if n}
        assert co_investors <= _names(event["investor"], event["investor_accept"]), event["event_id"]


def test_no_other_event_and_non_events_are_not_investments(sample, gold):
    corpus, excerpt = sample
    assert len(corpus.investments) == len(gold["events"])
    amounts = corpus.amounts.assign(key=[(excerpt[d], t, int(s)) for d, t, s in
                                         zip(corpus.amounts["doc_id"], corpus.amounts["text"], corpus.amounts["start"])])
    by_key = amounts.set_index("key")
    for non_event in gold["non_events"]:
        row = by_key.loc[[(non_event["excerpt"], non_event["surface"], non_event["start"])]].iloc[0]
        assert row["event_id"] == "" and row["kind"] == non_event["kind"], non_event["surface"]


def test_no_party_is_its_own_investor_and_every_kind_says_why(sample):
    corpus, _ = sample
    investments = corpus.investments
    assert not (investments["investor"] == investments["recipient"]).any()
    assert corpus.amounts["kind_cue"].str.len().gt(0).all()
