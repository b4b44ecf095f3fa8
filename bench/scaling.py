"""How ct.analyze scales: docs/s and peak memory per number of processes and with Dask, and the
share of CPU the coordinating process keeps.

    .venv/bin/python bench/scaling.py [--n 3000] [--processes 1 2 4 8 16] [--no-dask]
                                      [--share-n 600] [--baseline] [--memory-n 2000 20000]

Builds N documents with bench/throughput.py's corpus builder, then runs each configuration in a
fresh process: ct.analyze with n_process = 1, 2, 4, 8, 16 (those the machine has cores for), and
the Dask engine on a LocalCluster of one single-thread worker per core. Seconds are wall-clock
time of the whole child (start-up and model loading included); peak memory is the largest
resident set of the child or of any process it reaped (ru_maxrss).

The coordinator's share: ct.analyze with n_process=2 over --share-n documents, then the child's
own CPU time (RUSAGE_SELF) against that of its reaped workers (RUSAGE_CHILDREN). --baseline
also times the hand-written spaCy baseline of bench/throughput.py on the same corpus, back to
back with one process of ct.analyze.
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH.parent))
sys.path.insert(0, str(BENCH))

import throughput  # noqa: E402
from throughput import build_corpus, run_baseline  # noqa: E402


def _cpu_seconds(who: int) -> float:
    usage = resource.getrusage(who)
    return usage.ru_utime + usage.ru_stime


def run_child(mode: str, folder: Path, jobs: int) -> dict:
    if mode == "baseline":
        result = run_baseline(folder)
    else:
        from corpus_tools.allocator import prefer_system_allocator

        prefer_system_allocator()  # as the command line runs it
        import corpus_tools as ct

        options = {"engine": "dask"} if mode == "dask" else {"n_process": jobs}
        corpus = ct.analyze([folder], progress=False, **options)
        result = {"documents": corpus.counts()["documents"]}
        del corpus
    return {**result, "self_cpu": _cpu_seconds(resource.RUSAGE_SELF),
            "workers_cpu": _cpu_seconds(resource.RUSAGE_CHILDREN),
            "peak_kb": max(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
                           resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)}


def _cpu(row: dict) -> float:
    return row["self_cpu"] + row["workers_cpu"]


def measure(mode: str, folder: Path, jobs: int = 1) -> dict:
    """One configuration in a fresh process of this script."""
    return throughput.measure(mode, folder, jobs, script=__file__)


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--n", type=int, default=3000, help="documents for the scaling table")
    parser.add_argument("--processes", type=int, nargs="*", default=[1, 2, 4, 8, 16],
                        help="values of n_process (those above the core count are skipped)")
    parser.add_argument("--no-dask", action="store_true", help="skip the Dask engine")
    parser.add_argument("--share-n", type=int, default=600, help="documents for the coordinator's CPU share (0: skip)")
    parser.add_argument("--baseline", action="store_true", help="also one process against the spaCy baseline")
    parser.add_argument("--memory-n", type=int, nargs="*", default=[], help="corpus sizes for peak memory (one process)")
    parser.add_argument("--child", choices=("baseline", "analyze", "dask"), help=argparse.SUPPRESS)
    parser.add_argument("--folder", help=argparse.SUPPRESS)
    parser.add_argument("--jobs", type=int, default=1, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        print(json.dumps(run_child(args.child, Path(args.folder), args.jobs)))
        return
    cores = os.cpu_count() or 1
    print(f"machine: {cores} cores; {time.strftime('%Y-%m-%d %H:%M')}", flush=True)
    with tempfile.TemporaryDirectory() as tmp:
        if args.share_n:
            folder = Path(tmp) / f"share{args.share_n}"
            build_corpus(folder, args.share_n)
            row = measure("analyze", folder, 2)
            share = row["self_cpu"] / (row["self_cpu"] + row["workers_cpu"])
            print(f"coordinator's share of CPU, n_process=2, {args.share_n} documents: {share:.1%} "
                  f"({row['self_cpu']:.1f} s of {row['self_cpu'] + row['workers_cpu']:.1f} s)", flush=True)
        folder = Path(tmp) / f"n{args.n}"
        build_corpus(folder, args.n)
        if args.baseline:
            baseline, one = measure("baseline", folder), measure("analyze", folder, 1)
            print(f"baseline {args.n / baseline['seconds']:.1f} docs/s, ct.analyze 1 process "
                  f"{args.n / one['seconds']:.1f} docs/s: {baseline['seconds'] / one['seconds']:.2f}x "
                  f"(CPU seconds {_cpu(baseline):.1f} against {_cpu(one):.1f}: {_cpu(baseline) / _cpu(one):.2f}x)",
                  flush=True)
        print(f"N = {args.n} documents")
        print(f"{'configuration':<34}{'seconds':>9}{'docs/s':>9}{'speed-up':>10}{'peak MB':>9}{'CPU s':>9}", flush=True)
        configurations = [(f"n_process={j}", "analyze", j) for j in args.processes if j <= cores]
        if not args.no_dask:
            configurations.append((f"dask, LocalCluster of {cores} workers", "dask", cores))
        first = None
        for name, mode, jobs in configurations:
            row = measure(mode, folder, jobs)
            first = first or row["seconds"]
            print(f"{name:<34}{row['seconds']:>9.1f}{args.n / row['seconds']:>9.1f}{first / row['seconds']:>9.2f}x"
                  f"{row['peak_mb']:>9.0f}{_cpu(row):>9.1f}", flush=True)
        for n in args.memory_n:
            sized = Path(tmp) / f"m{n}"
            build_corpus(sized, n)
            row = measure("analyze", sized, 1)
            print(f"peak memory at N={n}, one process: {row['peak_mb']:.0f} MB ({row['seconds']:.0f} s)", flush=True)
            shutil.rmtree(sized)


if __name__ == "__main__":
    main()
