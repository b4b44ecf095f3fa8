"""Acceptance of ingestion on the real scraped seeds and their hand annotations."""
import pytest

from corpus_tools.jobs import ingest


@pytest.fixture(scope="module")
def seed_documents(seeds_dir):
    corpus = ingest([seeds_dir], progress=False)
    assert corpus.errors.empty
    return {path.split("/")[-1]: row for path, row in zip(corpus.documents["source"],
                                                          corpus.documents.to_dict("records"))}


def test_every_seed_is_a_document_with_the_gold_language_and_date(seed_documents, gold):
    assert set(seed_documents) == set(gold["documents"])
    for name, annotation in gold["documents"].items():
        document = seed_documents[name]
        assert document["lang"] == annotation["lang"], name
        assert document["date"] == (annotation["date"] or ""), name
    assert seed_documents["001_1ba31ebbfb365cc3.txt"]["date"] == "2023-09"
    assert seed_documents["004_a740679b1ad3bc90.txt"]["date"] == "2024-05-13"


def test_clean_body_keeps_the_article_and_drops_the_boilerplate(seed_documents, gold):
    for name, annotation in gold["documents"].items():
        body = seed_documents[name]["body"]
        for kept in annotation.get("body_must_contain", []):
            assert kept in body, (name, kept)
        for dropped in annotation.get("body_must_not_contain", []):
            assert dropped not in body, (name, dropped)
        assert not body.lstrip().startswith("date "), name


def test_boilerplate_is_counted(seed_documents):
    assert seed_documents["000_4dfe5cbc6a336ca8.txt"]["dropped_chars"] > 1500
    assert seed_documents["002_bf61c21007f7a443.txt"]["dropped_chars"] > 1000
