"""The NER multiplies through numpy's BLAS and finds what it found through BLIS."""
import numpy
from threadpoolctl import threadpool_info

from corpus_tools.pipeline.blas import NumpyBlasOps, use_numpy_blas

_TEXT = ("La jeune pousse lyonnaise Quantalis lève 12 millions d'euros auprès de Vireo Capital et de la "
         "Banque des Territoires. Marie Lefort, sa présidente, veut ouvrir un bureau à Montréal d'ici 2026.\n\n"
         "Le fonds nantais Brumaire Invest, déjà présent au capital, remet au pot selon Les Echos.")


def _blas_threads() -> list[int]:
    return [pool["num_threads"] for pool in threadpool_info() if pool["user_api"] == "blas"]


def test_products_match_blis_and_leave_the_thread_pool_as_it_was():
    from thinc.api import NumpyOps

    rng = numpy.random.default_rng(7)
    x = rng.standard_normal((230, 288), dtype=numpy.float32)
    y = rng.standard_normal((384, 288), dtype=numpy.float32)
    before = _blas_threads()
    ours, blis = NumpyBlasOps().gemm(x, y, trans2=True), NumpyOps().gemm(x, y, trans2=True)
    assert ours.shape == (230, 384) and ours.dtype == numpy.float32
    assert numpy.allclose(ours, blis, rtol=1e-4, atol=1e-4)
    assert _blas_threads() == before


def test_entity_pipeline_ner_uses_numpy_blas_and_finds_the_same_entities():
    from corpus_tools.pipeline.models import _UNUSED_FOR_NER, entity_pipeline, load_model

    ner = entity_pipeline("fr").get_pipe("ner")
    assert all(isinstance(node.ops, NumpyBlasOps) for node in ner.model.walk())
    model = load_model("fr", exclude=tuple(_UNUSED_FOR_NER))
    through_blis = [(e.text, e.label_) for e in model(_TEXT).ents]
    use_numpy_blas(model)
    found = [(e.text, e.label_) for e in model(_TEXT).ents]
    assert found == through_blis
    assert ("Marie Lefort", "PER") in found
