"""Command line: thin wrappers over the functions a notebook calls."""
from __future__ import annotations

import argparse
import shutil
import sys
from pathlib import Path

EXIT_USAGE = 2


def _limits(args: argparse.Namespace):
    from .ingest import Limits

    return Limits(max_file_bytes=int(args.max_file_mb * 1_000_000), max_doc_chars=args.max_doc_chars,
                  max_zip_member_bytes=int(args.max_zip_member_mb * 1_000_000), max_zip_ratio=args.max_zip_ratio)


def _add_input_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--out", default="out", help="output folder, replaced atomically (default: out)")
    parser.add_argument("--text-field", help="comma-separated JSON/CSV field names holding the text")
    parser.add_argument("--max-file-mb", type=float, default=50.0, help="skip larger files (default 50)")
    parser.add_argument("--max-doc-chars", type=int, default=1_000_000,
                        help="truncate longer documents, flagged (default 1,000,000)")
    parser.add_argument("--max-zip-member-mb", type=float, default=50.0,
                        help="skip larger zip members (default 50)")
    parser.add_argument("--max-zip-ratio", type=float, default=200.0,
                        help="skip zip members compressed more than this, as bombs (default 200)")
    parser.add_argument("--no-progress", action="store_true", help="no progress bar")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="corpus-tools", description=__doc__)
    from . import __version__

    parser.add_argument("--version", action="version", version=f"corpus-tools {__version__}")
    commands = parser.add_subparsers(dest="command", required=True)
    ingest = commands.add_parser("ingest", help="documents and errors tables only")
    ingest.add_argument("inputs", nargs="+", metavar="INPUT", help="files or folders")
    _add_input_options(ingest)
    run = commands.add_parser("run", help="the main job: tables, charts, report.html, report.xlsx")
    run.add_argument("inputs", nargs="*", metavar="INPUT", help="files or folders (default: data/sample)")
    _add_input_options(run)
    run.add_argument("--locale", choices=("en", "fr"), default="en", help="chart labels: €4bn (en) or 4 Md€ (fr)")
    run.add_argument("--jobs", type=int, default=1, help="worker processes for the local engine (default 1)")
    run.add_argument("--engine", choices=("local", "dask"), default="local")
    run.add_argument("--scheduler", help="address of an existing Dask scheduler (engine dask)")
    run.add_argument("--parts-dir", help="folder every Dask worker can write to (engine dask; default: a temporary one)")
    run.add_argument("--title", default="Investment report")
    run.add_argument("--batch-size", type=int, default=32, help="documents per analysis batch (default 32)")
    run.add_argument("--resume", action="store_true",
                     help="continue an interrupted run from its checkpoint instead of starting over")
    evaluate = commands.add_parser("evaluate", help="scores against hand annotations (a news set folder or GOLD.json)")
    evaluate.add_argument("gold", metavar="GOLD", help="a folder of annotated excerpts (../shared/dev/news) or GOLD.json")
    evaluate.add_argument("--corpus", help="GOLD.json only: folder of the annotated texts (default: ../corpus/<gold name>)")
    evaluate.add_argument("--no-baseline", action="store_true", help="GOLD.json only: skip the raw spaCy baseline")
    evaluate.add_argument("--csv", help="also write the scores to this CSV file")
    evaluate.add_argument("--jobs", type=int, default=1, help="news sets: worker processes for the analysis")
    evaluate.add_argument("--floors", metavar="FILE", help="news sets: fail (exit 1) if a figure is under its floor")
    evaluate.add_argument("--update-floors", metavar="FILE",
                          help="news sets: raise the floors in FILE to today's figures (never lowers one)")
    evaluate.add_argument("--new-gold", action="store_true", help="with --update-floors: the gold data changed, start anew")
    return parser


def default_inputs() -> list[str]:
    """The bundled sample corpus: ./data/sample, else the one beside the installed package."""
    here = Path("data/sample")
    if here.is_dir():
        return [str(here)]
    return [str(Path(__file__).resolve().parent.parent / "data" / "sample")]


def _summary(corpus, out: Path) -> str:
    counts = corpus.counts()
    files = len(set(corpus.read("documents", ["source"])["source"]) | set(corpus.read("errors", ["source"])["source"]))
    return (f"{files} files, {counts['documents']} documents ({counts['duplicates']} duplicates), "
            f"{counts['errors']} errors -> {out}")


def _remove_stale_staging(out: Path) -> None:
    """Staging folders left by a killed run (the previous output itself is never touched)."""
    for stale in out.parent.glob(f".{out.name}.tmp-*"):
        shutil.rmtree(stale, ignore_errors=True)


def _check_inputs(inputs: list[str]) -> str | None:
    missing = [p for p in inputs if not Path(p).exists() and not Path(p).is_symlink()]
    return f"input not found: {missing[0]}" if missing else None


def _evaluate(args: argparse.Namespace) -> int:
    from .evaluation import default_corpus_dir, evaluate, is_news_set

    gold = Path(args.gold)
    if is_news_set(gold):
        return _evaluate_news(args, gold)
    corpus = Path(args.corpus) if args.corpus else default_corpus_dir(gold)
    problem = _check_inputs([str(gold), str(corpus)])
    if problem:
        print(f"corpus-tools: error: {problem}", file=sys.stderr)
        return EXIT_USAGE
    scores = evaluate(gold, corpus, baseline=not args.no_baseline)
    with __import__("pandas").option_context("display.width", 160, "display.max_columns", 20):
        print(scores.to_string(index=False))
    if args.csv:
        scores.to_csv(args.csv, index=False)
    return 0


def _evaluate_news(args: argparse.Namespace, folder: Path) -> int:
    from .evaluation import evaluate_news, gate
    from .evaluation.news import load_news_set, score_table

    scores = evaluate_news(folder, n_process=args.jobs)
    print(score_table(scores))
    if args.csv:
        scores.to_csv(args.csv, index=False)
    digest = load_news_set(folder).digest
    if args.update_floors:
        try:
            gate.raise_floors(scores, args.update_floors, digest, new_gold=args.new_gold)
        except gate.FloorError as exc:
            print(f"corpus-tools: error: {exc}", file=sys.stderr)
            return EXIT_USAGE
        print(f"floors written to {args.update_floors}")
    if args.floors:
        problems = gate.check(scores, gate.read_floors(args.floors), digest)
        for problem in problems:
            print(f"under the floor: {problem}", file=sys.stderr)
        if problems:
            return 1
        print(f"every figure at or above its floor in {args.floors}")
    return 0


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.command == "evaluate":
        return _evaluate(args)
    if args.command == "run" and not args.inputs:
        args.inputs = default_inputs()
    problem = _check_inputs(args.inputs)
    if problem:
        print(f"corpus-tools: error: {problem}", file=sys.stderr)
        return EXIT_USAGE
    from .analysis import analyze, ingest
    from .ingest import FieldMap

    out = Path(args.out)
    progress = False if args.no_progress else None
    fields = FieldMap.with_text_fields(args.text_field)
    if args.command == "ingest":
        corpus = ingest(args.inputs, limits=_limits(args), fields=fields, progress=progress)
        corpus.save(out)
        print(_summary(corpus, out))
        return 0
    from .report.export import write_report

    checkpoint = out.parent / f".{out.name}.checkpoint"
    _remove_stale_staging(out)
    corpus = analyze(args.inputs, n_process=args.jobs, engine=args.engine, scheduler=args.scheduler,
                     limits=_limits(args), fields=fields, progress=progress, batch_size=args.batch_size,
                     checkpoint=checkpoint, resume=args.resume, parts_dir=args.parts_dir)
    write_report(corpus, out, locale=args.locale, title=args.title)
    counts = corpus.counts()
    shutil.rmtree(checkpoint, ignore_errors=True)
    print(f"{counts['documents']} documents ({counts['duplicates']} duplicates), {counts['amounts']} amounts, "
          f"{counts['investments']} investments, {counts['errors']} errors -> {out / 'report.html'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
