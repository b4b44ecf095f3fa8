"""Arrow's allocator in the processes corpus_tools owns: the command line and its workers."""
from __future__ import annotations

import os

ARROW_POOL_VARIABLE = "ARROW_DEFAULT_MEMORY_POOL"


def prefer_system_allocator() -> None:
    """Arrow's own C++ readers and writers on malloc, unless the user chose another allocator.

    Arrow reads this variable once, when pyarrow is first imported, so this runs before pandas or
    pyarrow are. Its default (mimalloc in the wheels) keeps the pages it frees; malloc's are handed
    back by ``store.release_memory``. Measured with bench/throughput.py's corpus, one process: peak
    588 MB at 2,000 documents and 668 MB at 20,000 with mimalloc, 579 and 617 MB with malloc.
    Worker processes inherit the variable (forked or spawned)."""
    os.environ.setdefault(ARROW_POOL_VARIABLE, "system")
