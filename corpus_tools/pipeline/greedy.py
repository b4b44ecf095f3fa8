"""The NER's greedy decoding, step by step from Python, with the GIL held: the same entities, faster.

spaCy's compiled decoding loop (``Parser.greedy_parse``) releases the GIL, and then each validity check
of a move takes it back and drops it again (``StateC.B_`` calls ``PyGILState_Ensure``, as the
spaCy wheel is built): perf put about 45% of the English NER's time in taking and dropping the GIL
(``take_gil``, ``drop_gil``, their mutexes), for moves that are checked ~74 times per token.

``GreedyEntityRecognizer`` runs the same steps through the component's own pieces, holding the GIL, so
those checks cost nothing: the step model's features and maxout (``state2vec``, the compiled
feature sums), the output layer through the same BLIS ``sgemm`` as the compiled loop (the
numbers are bit for bit the same), unseen moves set to the lowest score, then
``transition_states``, which takes the best valid move of each state exactly as the compiled loop.
"""
from __future__ import annotations

import numpy
from blis.py import gemm
from spacy.language import Language
from spacy.pipeline import EntityRecognizer
from thinc.api import set_dropout_rate

FACTORY = "corpus_tools_greedy_ner"


class GreedyEntityRecognizer(EntityRecognizer):
    """spaCy's ``EntityRecognizer`` whose greedy decoding loop runs in Python."""

    def greedy_parse(self, docs, drop: float = 0.0):
        self._ensure_labels_are_added(docs)
        set_dropout_rate(self.model, drop)
        batch = self.moves.init_batch(docs)
        step_model = self.model.predict(docs)
        weights, bias = step_model.vec2scores.get_param("W"), step_model.vec2scores.get_param("b")
        unseen = step_model._class_mask == 0
        any_unseen = bool(unseen.any())
        states = [state for state in batch if not state.is_final()]
        while states:
            hidden = step_model.state2vec.predict(step_model.get_token_ids(states))
            scores = gemm(hidden, weights, trans2=True, alpha=1.0, beta=0.0)
            scores += bias
            if any_unseen:
                scores[:, unseen] = numpy.nanmin(scores)
            states = self.transition_states(states, scores)
        step_model.clear_memory()
        return batch


@Language.factory(FACTORY, default_config={"model": None, "moves": None, "update_with_oracle_cut_size": 100,
                                           "incorrect_spans_key": None, "scorer": {"@scorers": "spacy.ner_scorer.v1"}})
def make_greedy_ner(nlp: Language, name: str, model, moves, update_with_oracle_cut_size: int,
                    incorrect_spans_key, scorer) -> GreedyEntityRecognizer:
    """The "ner" component of a packaged model, loaded as ``GreedyEntityRecognizer``."""
    return GreedyEntityRecognizer(nlp.vocab, model, name=name, moves=moves,
                                  update_with_oracle_cut_size=update_with_oracle_cut_size,
                                  incorrect_spans_key=incorrect_spans_key, scorer=scorer)
