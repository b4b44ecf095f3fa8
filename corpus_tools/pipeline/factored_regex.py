"""Large alternations of regular expressions compiled in their factored form.

spaCy's French tokenizer matches hyphenated and elided words ("porte-monnaie", "entr'ouvrir") with
one pattern of 266 alternatives, most of which repeat a class of every lower-case letter: 1.45 MB
of pattern text. ``re`` compiles each copy of a class again, case folding included: 2.3 CPU s when
``spacy.lang.fr`` is imported, paid again by every worker process (as long as a worker then spends
on 160 bench documents). Most alternatives differ only in a literal stretch between the same big
classes ("^abat-" and "^after-" before the same tail), so grouping those stretches,
``A(?:m1|m2)B`` for ``(?:Am1B)|(?:Am2B)``, gives a pattern that matches exactly the same strings
with 6 copies of the big classes instead of 482: factored and compiled in 0.07 s. A tokenizer
saved afterwards holds the factored pattern.
"""
from __future__ import annotations

import re
import threading
from contextlib import contextmanager

LARGE_PATTERN = 100_000  # characters; spaCy's other patterns are under 20,000
BIG_PIECE = 64  # characters: a piece longer than this is a big class, kept out of the grouped stretch
_QUANTIFIER = re.compile(r"(?:[*+?]|\{\d*,?\d*\})[?+]?")
_INLINE_FLAGS = re.compile(r"\(\?[aiLmsux]+\)")
_UNSAFE_TO_REGROUP = re.compile(r"\\\d|\(\?P|\(\?\(")  # back-references and conditionals count groups


def _class_end(pattern: str, start: int) -> int:
    """Index just past the character class opening at ``start`` ("[^]a-z]" included)."""
    i = start + 1
    if pattern.startswith("^", i):
        i += 1
    if pattern.startswith("]", i):
        i += 1
    while True:
        close = pattern.index("]", i)
        escapes = close - i - len(pattern[i:close].rstrip("\\"))  # backslashes just before it
        if escapes % 2 == 0:
            return close + 1
        i = close + 1


def _group_end(pattern: str, start: int) -> int:
    """Index just past the group opening at ``start``."""
    depth, i = 0, start
    while True:
        char = pattern[i]
        if char == "\\":
            i += 2
            continue
        if char == "[":
            i = _class_end(pattern, i)
            continue
        depth += char == "("
        depth -= char == ")"
        i += 1
        if depth == 0:
            return i


def pieces(pattern: str) -> list[str]:
    """The top-level pieces of a pattern, each with its quantifier: a class, a group, an escape, a
    character, or "|"."""
    out, i = [], 0
    while i < len(pattern):
        char = pattern[i]
        if char == "[":
            end = _class_end(pattern, i)
        elif char == "(":
            end = _group_end(pattern, i)
        else:
            end = i + (2 if char == "\\" else 1)
        quantifier = _QUANTIFIER.match(pattern, end)
        end = quantifier.end() if quantifier else end
        out.append(pattern[i:end])
        i = end
    return out


def _split_around_literals(alternative: str) -> tuple[str, str, str] | None:
    """(before, stretch, after): the longest run of pieces with no big class, and what surrounds it."""
    parts = pieces(alternative)
    if "|" in parts:
        return None
    best = (0, 0, 0)
    start = 0
    while start < len(parts):
        if len(parts[start]) > BIG_PIECE:
            start += 1
            continue
        end = start
        while end < len(parts) and len(parts[end]) <= BIG_PIECE:
            end += 1
        best = max(best, (end - start, -start, end))
        start = end
    _, start, end = best
    start = -start
    return "".join(parts[:start]), "".join(parts[start:end]), "".join(parts[end:])


def grouped(alternatives: list[str]) -> dict[tuple[str, str], list[str]] | None:
    """The literal stretches of ``alternatives`` under what surrounds them, (before, after); None
    where an alternative holds a top-level "|"."""
    groups: dict[tuple[str, str], list[str]] = {}
    for alternative in alternatives:
        split = _split_around_literals(alternative)
        if split is None:
            return None
        before, stretch, after = split
        groups.setdefault((before, after), []).append(stretch)
    return groups


def factored(pattern: str) -> str | None:
    """``pattern``, an alternation of non-capturing groups after optional inline flags, with the
    alternatives that share what surrounds their literal stretch grouped; None for any other shape."""
    if _UNSAFE_TO_REGROUP.search(pattern):
        return None
    flags = _INLINE_FLAGS.match(pattern)
    head = flags.group(0) if flags else ""
    parts = pieces(pattern[len(head):])
    alternatives = parts[0::2]
    if any(part != "|" for part in parts[1::2]) or not all(
            a.startswith("(?:") and a.endswith(")") for a in alternatives):
        return None
    groups = grouped([a[3:-1] for a in alternatives])
    if groups is None:
        return None
    return head + "|".join(f"(?:{before}(?:{'|'.join(stretches)}){after})"
                           for (before, after), stretches in groups.items())


_compiled: dict[tuple[str, int], re.Pattern] = {}
_patching = threading.Lock()


@contextmanager
def large_alternations_factored():
    """Within the block, ``re.compile`` compiles a large flat alternation in its factored form (same
    matches, a fraction of the time); every other pattern as usual. Wraps ``spacy.load``: the
    pattern is compiled when ``spacy.lang.fr`` is imported and again when the tokenizer is read from
    the model."""
    with _patching:
        plain = re.compile

        def compile_factored(pattern, flags=0):
            if isinstance(pattern, str) and len(pattern) > LARGE_PATTERN:
                if (pattern, flags) not in _compiled:
                    regrouped = factored(pattern)
                    _compiled[pattern, flags] = plain(regrouped if regrouped is not None else pattern, flags)
                return _compiled[pattern, flags]
            return plain(pattern, flags)

        re.compile = compile_factored
        try:
            yield
        finally:
            re.compile = plain
