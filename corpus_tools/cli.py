"""Command line: thin wrappers over the functions a notebook calls."""
from __future__ import annotations

import argparse
import shutil
import sys
from pathlib import Path

from .allocator import prefer_system_allocator

prefer_system_allocator()  # before anything imports pyarrow

from .lang import LANGUAGES  # noqa: E402
from .report.export import CSV_DIALECTS  # noqa: E402

EXIT_USAGE = 2


def _limits(args: argparse.Namespace):
    from .ingest import Limits

    return Limits(max_file_bytes=int(args.max_file_mb * 1_000_000), max_doc_chars=args.max_doc_chars,
                  max_zip_member_bytes=int(args.max_zip_member_mb * 1_000_000), max_zip_ratio=args.max_zip_ratio)


def _delimiter(value: str) -> str:
    named = {"tab": "\t", "\\t": "\t", "comma": ",", "semicolon": ";", "pipe": "|"}
    value = named.get(value.lower(), value)
    if len(value) != 1 or value.isalnum() or value in "\"\r\n":
        raise argparse.ArgumentTypeError(f"not a CSV delimiter: {value!r} (use ',', ';', '|' or 'tab')")
    return value


def _add_input_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--out", default="out",
                        help="output folder: new, empty or a previous output, replaced atomically (default: out)")
    parser.add_argument("--force", action="store_true",
                        help="write into a folder holding other files, replacing only the tool's own names")
    parser.add_argument("--text-field", help="comma-separated JSON/CSV field names holding the text")
    parser.add_argument("--delimiter", type=_delimiter,
                        help="CSV delimiter: ',', ';' or 'tab' (default: sniffed from each file)")
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
    run.add_argument("--locale", choices=LANGUAGES, default="en",
                     help="language of the report, charts and spreadsheet: €4bn (en) or 4 Md€ (fr)")
    run.add_argument("--csv-dialect", choices=sorted(CSV_DIALECTS),
                     help="CSV separators: comma (, and decimal point) or semicolon (; and decimal comma, "
                          "as French Excel expects); default: semicolon with --locale fr, else comma")
    run.add_argument("--jobs", type=int, default=1, help="worker processes for the local engine (default 1)")
    run.add_argument("--engine", choices=("local", "dask"), default="local")
    run.add_argument("--scheduler", help="address of an existing Dask scheduler (engine dask)")
    run.add_argument("--parts-dir", help="folder every Dask worker can write to (engine dask; default: a temporary one)")
    run.add_argument("--title", help="title of the report (default: \"Investment report\" in its language)")
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
    from .outputs import OutputRefused, plan_output, remove_stale_work

    try:
        plan = plan_output(args.out, inputs=args.inputs, force=args.force)
    except OutputRefused as refused:
        problem = problem or str(refused)
    if problem:
        print(f"corpus-tools: error: {problem}", file=sys.stderr)
        return EXIT_USAGE
    from .jobs import analyze, ingest
    from .ingest import FieldMap
    from .progress import Progress

    out = Path(args.out)
    remove_stale_work(plan)
    progress = Progress(False if args.no_progress else None, log=True)
    fields = FieldMap.with_text_fields(args.text_field, args.delimiter)
    if args.command == "ingest":
        corpus = ingest(args.inputs, limits=_limits(args), fields=fields, progress=progress)
        progress.stage("writing tables")
        try:
            corpus.save(out, force=args.force)
        except OutputRefused as refused:  # the folder changed while reading
            progress.close()
            print(f"corpus-tools: error: {refused}", file=sys.stderr)
            return EXIT_USAGE
        progress.close()
        print(_summary(corpus, out))
        return 0
    from .report.export import write_report

    checkpoint = plan.work_folder("checkpoint")
    corpus = analyze(args.inputs, n_process=args.jobs, engine=args.engine, scheduler=args.scheduler,
                     limits=_limits(args), fields=fields, progress=progress, batch_size=args.batch_size,
                     checkpoint=checkpoint, resume=args.resume, parts_dir=args.parts_dir)
    steps = {"tables": "writing tables", "spreadsheet": "writing the spreadsheet", "charts": "drawing charts",
             "report": "writing report.html"}
    try:
        write_report(corpus, out, locale=args.locale, title=args.title, csv_dialect=args.csv_dialect,
                     on_step=lambda step: progress.stage(steps[step]), force=args.force, inputs=args.inputs)
    except OutputRefused as refused:  # the folder changed during the analysis: it is kept for --resume
        progress.close()
        print(f"corpus-tools: error: {refused}; the analysis is kept in {checkpoint}: "
              "rerun with --resume once --out is fixed", file=sys.stderr)
        return EXIT_USAGE
    progress.close()
    counts = corpus.counts()
    shutil.rmtree(checkpoint, ignore_errors=True)
    print(f"{counts['documents']} documents ({counts['duplicates']} duplicates), {counts['amounts']} amounts, "
          f"{counts['investments']} investments, {counts['errors']} errors -> {out / 'report.html'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
