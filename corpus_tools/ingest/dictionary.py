"""Whether a word is in a language's dictionary: the lemmatizer tables of its installed spaCy model.

The short-text language model knows the words of our training news; a caption or a CSV cell may
use ordinary words it never saw ("skills", "entrepôts"). The models' lemmatizers ship each
language's lexicon (lemmas by part of speech, irregular forms, suffix rules; French also a table
of inflected forms): a word only one language's lexicon holds is a word of that language. Nothing
is downloaded: the tables come with the model packages, and are read only when asked (about 0.7 s).
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import util
from pathlib import Path

from ..lang import LANGUAGES
from ..pipeline.models import MODEL_PACKAGES

_PARTS_OF_SPEECH = ("noun", "verb", "adj", "adv")  # what the index lists; irregular forms of any part


@dataclass(frozen=True)
class Lexicon:
    lemmas: dict  # part of speech -> frozenset of lemmas
    forms: tuple  # tables of irregular and inflected forms (spaCy Tables: `word in table`)
    suffix_rules: dict  # part of speech -> [(old suffix, new suffix)]

    def holds(self, word: str) -> bool:
        if any(word in table for table in self.forms):
            return True
        for pos, lemmas in self.lemmas.items():
            if word in lemmas:
                return True
            for old, new in self.suffix_rules.get(pos, ()):
                if old and word.endswith(old) and word[:-len(old)] + new in lemmas:
                    return True
        return False


def _lookups_folder(package: str) -> Path | None:
    spec = util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        return None
    found = sorted(Path(spec.submodule_search_locations[0]).glob("*/lemmatizer/lookups"))
    return found[0] if found else None


@lru_cache(maxsize=None)
def lexicon(lang: str) -> Lexicon | None:
    """The lexicon of the first installed model of ``lang`` (as ``pipeline.models`` picks it);
    None when no installed model ships lemmatizer tables."""
    from spacy.lookups import Lookups

    for package in MODEL_PACKAGES[lang]:
        folder = _lookups_folder(package)
        if folder is None:
            continue
        lookups = Lookups().from_disk(folder)
        tables = {name: lookups.get_table(name) for name in lookups.tables}
        index, rules = tables.get("lemma_index", {}), tables.get("lemma_rules", {})
        irregular = tables.get("lemma_exc", {})
        forms = [table for table in irregular.values() if isinstance(table, dict)]
        if "lemma_lookup" in tables:
            forms.append(tables["lemma_lookup"])
        return Lexicon({pos: frozenset(index[pos]) for pos in _PARTS_OF_SPEECH if pos in index}, tuple(forms),
                       {pos: [tuple(rule) for rule in rules[pos]] for pos in _PARTS_OF_SPEECH if pos in rules})
    return None


def languages_of(word: str) -> tuple[str, ...]:
    """The languages whose lexicon holds the lower-case ``word`` (none: perhaps a third language's)."""
    return tuple(lang for lang in LANGUAGES if (found := lexicon(lang)) is not None and found.holds(word))
