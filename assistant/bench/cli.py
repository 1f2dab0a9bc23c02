"""``assistant bench`` (also ``python -m assistant.bench``): run the benchmark, write bench.json and bench.md."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The bench's options, shared by ``assistant bench`` and ``python -m assistant.bench``."""
    parser.add_argument("--scale", choices=("small", "large"), default="small",
                        help="small: the article; large: also Debian's python3.11-doc HTML and a 100k-chunk "
                             "synthetic scale test (default: %(default)s)")
    parser.add_argument("--quick", action="store_true", help="few repetitions (--scale small --quick: under a minute)")
    parser.add_argument("--out", type=Path, default=Path("evals/reports/bench"), help="report folder (default: %(default)s)")
    parser.add_argument("--workdir", type=Path, help="where corpora and indexes are built (default: a temp folder, removed)")
    parser.add_argument("--keep", action="store_true", help="keep the temp work folder")
    parser.add_argument("--no-ui", dest="ui", action="store_false", help="skip the `assistant serve` figures")
    parser.add_argument("--reps", type=int, help="repetitions of each process-level figure (overrides the defaults)")
    parser.add_argument("--questions", type=int, help="questions in the warm-latency runs (default 240; quick 40)")
    parser.add_argument("--synthetic-chunks", type=int,
                        help="chunks in the synthetic scale test (default 100000 with --scale large, else none)")
    parser.add_argument("--large-limit", type=int, help="index only the first N Python doc pages (to try the bench out)")
    parser.add_argument("--article", type=Path, help="the small corpus's document (default: corpus/albania-iran-relations.txt)")
    parser.add_argument("--eval-set", type=Path, help="eval set for quality and questions (default: evals/questions.jsonl)")


def run(args: argparse.Namespace) -> int:
    """Run the bench with parsed arguments; print the markdown report."""
    from assistant.bench import report
    from assistant.bench.run import Options, progress, run_bench

    options = Options(scale=args.scale, quick=args.quick, out=args.out, workdir=args.workdir, keep=args.keep, ui=args.ui,
                      reps=args.reps, questions=args.questions, synthetic_chunks=args.synthetic_chunks,
                      large_limit=args.large_limit, article=args.article, eval_set=args.eval_set)
    results = run_bench(options, progress, lambda partial: report.write(partial, args.out))  # BenchError: cli.main
    paths = report.write(results, args.out)
    print(report.markdown(results))
    print(f"\nreport: {paths['md']} and {paths['json']}", file=sys.stderr)
    return 0

