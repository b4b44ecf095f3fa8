"""The NER's greedy decoding, step by step from Python, with the GIL held: the same entities, faster.

spaCy's compiled decoding loop (``Parser.greedy_parse``) releases the GIL, and then each validity check
of a move takes it back and drops it again (``StateC.B_`` calls ``PyGILState_Ensure``, as the
spaCy wheel is built): perf put about 45% of the English NER's time in taking and dropping the GIL
(``take_gil``, ``drop_gil``, their mutexes), for moves that are checked ~74 times per token.

``GreedyEntityRecognizer`` runs the same steps through the component's own pieces, holding the GIL, so
those checks cost little: the step model's features and maxout (``state2vec``, the compiled
feature sums), the output layer through the same BLIS ``sgemm`` as the compiled loop (the
numbers are bit for bit the same), unseen moves set to the lowest score, then each state's best
valid move, checking the best-scoring move first (``_take_best_moves``).
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
        names = [self.moves.get_class_name(move) for move in range(self.moves.n_moves)]
        states = [state for state in batch if not state.is_final()]
        while states:
            hidden = step_model.state2vec.predict(step_model.get_token_ids(states))
            scores = gemm(hidden, weights, trans2=True, alpha=1.0, beta=0.0)
            scores += bias
            if any_unseen:
                scores[:, unseen] = numpy.nanmin(scores)
            states = self._take_best_moves(states, scores, names)
        step_model.clear_memory()
        return batch

    def _take_best_moves(self, states: list, scores, names: list[str]) -> list:
        """Each state takes its best valid move, as ``transition_states`` does, and the unfinished
        states are returned in order. The best move is tried first: when it is valid it is the
        first valid one of the highest score, and only it is checked, not all 74 moves of the
        English model; otherwise ``transition_states`` checks every move of that state."""
        if numpy.isnan(scores).any():
            return self.transition_states(states, scores)
        unfinished = []
        for row, (state, best) in enumerate(zip(states, scores.argmax(axis=1).tolist())):
            try:
                self.moves.apply_transition(state, names[best])
            except ValueError:  # not valid in this state
                self.transition_states([state], scores[row:row + 1])
            if not state.is_final():
                unfinished.append(state)
        return unfinished


@Language.factory(FACTORY, default_config={"model": None, "moves": None, "update_with_oracle_cut_size": 100,
                                           "incorrect_spans_key": None, "scorer": {"@scorers": "spacy.ner_scorer.v1"}})
def make_greedy_ner(nlp: Language, name: str, model, moves, update_with_oracle_cut_size: int,
                    incorrect_spans_key, scorer) -> GreedyEntityRecognizer:
    """The "ner" component of a packaged model, loaded as ``GreedyEntityRecognizer``."""
    return GreedyEntityRecognizer(nlp.vocab, model, name=name, moves=moves,
                                  update_with_oracle_cut_size=update_with_oracle_cut_size,
                                  incorrect_spans_key=incorrect_spans_key, scorer=scorer)
