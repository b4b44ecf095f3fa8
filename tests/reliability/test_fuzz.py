"""Every extractor on random strings: no exception, offsets inside the text, and (for the
rule-based ones) a grammar whose every repetition is bounded, hence linear time (adversarial
strings, with a time limit: test_adversarial_time.py)."""
import re
import string

from hypothesis import given, settings
from hypothesis import strategies as st

from corpus_tools import extract_entities, extract_hardware
from corpus_tools.extract import hardware
from corpus_tools.ingest.clean import clean_text
from corpus_tools.ingest.decode import DecodeError, decode_bytes
from corpus_tools.ingest.language import detect_language

ALPHABET = string.digits + string.ascii_letters + " ,.-–€$£\u00a0\u202f'’()\n" + "éèàçÉ«»“”"
TEXT = st.text(alphabet=ALPHABET, max_size=300)


@settings(max_examples=300, deadline=None)
@given(text=TEXT, lang=st.sampled_from(["en", "fr"]))
def test_hardware_never_raises_and_offsets_stay_inside(text, lang):
    for mention in extract_hardware(text, lang=lang):
        assert text[mention.start:mention.end] == mention.text


@settings(max_examples=40, deadline=None)
@given(text=TEXT, lang=st.sampled_from(["en", "fr"]))
def test_entities_never_raise_and_offsets_stay_inside(text, lang):
    for entity in extract_entities(text, lang=lang):
        assert 0 <= entity.start < entity.end <= len(text)
        assert text[entity.start:entity.end] == entity.text


@settings(max_examples=300, deadline=None)
@given(data=st.binary(max_size=2000))
def test_decoding_never_raises_anything_but_decode_error(data):
    try:
        decode_bytes(data)
    except DecodeError:
        pass


@settings(max_examples=300, deadline=None)
@given(text=st.text(max_size=500))
def test_cleaning_and_language_never_raise(text):
    cleaned = clean_text(text)
    assert cleaned.dropped_chars >= 0
    assert detect_language(text) in ("en", "fr", "und")


def test_every_repetition_in_the_hardware_grammar_is_bounded():
    import re._parser as parser

    from tests.extract.test_money_reference import _unbounded_repeats

    for lang in ("en", "fr"):
        patterns = [v for v in vars(hardware._grammar(lang)).values() if isinstance(v, re.Pattern)]
        assert len(patterns) >= 9
        for pattern in patterns + [hardware._PRECEDING_NAME]:
            assert _unbounded_repeats(parser.parse(pattern.pattern, pattern.flags)) == [], pattern.pattern[:80]
