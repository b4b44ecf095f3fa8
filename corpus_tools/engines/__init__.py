"""Engines run the workers' tasks (``tasks``): ``local`` in this process or a pool of processes,
``dask`` on a Dask cluster. Both hand them to the same coordinator (``coordinator``)."""
ENGINES = ("local", "dask")
