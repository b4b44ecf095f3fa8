"""The NER's matrix products through numpy's BLAS, one thread at a time.

thinc multiplies matrices with BLIS by default, and the ``blis`` wheel runs its generic kernels
(``BLIS_ARCH_DEBUG=1`` prints "selecting sub-configuration 'generic'"): about 34 GFLOP/s on the
shapes of the NER's tok2vec where numpy's OpenBLAS, built for the CPU it finds, reaches about 100.
Those products are most of the time of ``extract_entities`` (``bench/entities.py``). One thread per
product: on a per-document matrix, OpenBLAS's thread pool spends more CPU waiting than computing,
and worker processes already share the cores.
"""
from __future__ import annotations

from functools import lru_cache

from thinc.api import NumpyOps


@lru_cache(maxsize=1)
def _thread_pools():
    from threadpoolctl import ThreadpoolController

    return ThreadpoolController()


class NumpyBlasOps(NumpyOps):
    """``NumpyOps`` whose ``gemm`` calls ``numpy.dot`` under a one-thread BLAS limit."""

    def __init__(self) -> None:
        super().__init__(use_blis=False)

    def gemm(self, x, y, out=None, trans1=False, trans2=False):
        with _thread_pools().limit(limits=1, user_api="blas"):
            return super().gemm(x, y, out=out, trans1=trans1, trans2=trans2)


def use_numpy_blas(nlp) -> None:
    """Every trained component of ``nlp`` multiplies through ``NumpyBlasOps``."""
    ops = NumpyBlasOps()
    for _, component in nlp.pipeline:
        model = getattr(component, "model", None)
        if hasattr(model, "walk"):
            for node in model.walk():
                node.ops = ops
