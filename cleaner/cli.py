"""The ``cleaner`` command: argument parsing, reading, writing and reporting only.

Exit codes (also in the README):
0 done; 1 a batch finished but some files failed; 2 usage error;
3 input cannot be read; 4 input refused (binary, too large); 5 output cannot be
written; 130 interrupted.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from . import Cleaner, Config, __version__
from .io import (DEFAULT_MAX_BYTES, EXIT_INTERRUPTED, EXIT_OK, EXIT_SOME_FAILED, CleanerError,
                 InputError, read_input, write_atomic)
from .pipeline import all_rules


def _rule_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--input", choices=("auto", "text", "html"), default="auto",
                   help="input kind (default: auto, HTML is recognised)")
    p.add_argument("--lang", default=None, help="language code (default: detected, fallback en)")
    p.add_argument("--disable", action="append", default=[], metavar="RULE_ID",
                   help="switch a rule off (repeatable; see 'cleaner rules')")
    p.add_argument("--no-repair", action="store_true", help="skip encoding repair (ftfy)")
    p.add_argument("--model", type=Path, default=None, help="a learned model from 'cleaner fit'")
    p.add_argument("--max-bytes", type=int, default=DEFAULT_MAX_BYTES,
                   help=f"refuse inputs larger than this (default {DEFAULT_MAX_BYTES})")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="cleaner", description="Strip page chrome from scraped text.")
    parser.add_argument("--version", action="version", version=f"cleaner {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("clean", help="clean one file (or stdin) to stdout")
    p.add_argument("path", nargs="?", default="-", help="input file, or - for stdin (default)")
    p.add_argument("-o", "--output", default=None, help="write here (atomically) instead of stdout")
    p.add_argument("--format", choices=("text", "json"), default="text")
    p.add_argument("--explain", action="store_true", help="show every line, kept or removed, with the rule")
    _rule_options(p)

    p = sub.add_parser("batch", help="clean every file of a directory into another")
    p.add_argument("in_dir", type=Path)
    p.add_argument("-o", "--output", type=Path, required=True, help="output directory")
    p.add_argument("-j", "--jobs", type=int, default=os.cpu_count() or 1, help="worker processes (default: all cores)")
    p.add_argument("--glob", default="*", help="only files whose name matches (default *)")
    p.add_argument("--format", choices=("text", "json"), default="text")
    p.add_argument("--resume", action="store_true", help="skip inputs whose output already exists")
    p.add_argument("--group-by-folder", action="store_true",
                   help="with --model: the first sub-folder names each file's site group")
    p.add_argument("-q", "--quiet", action="store_true", help="no progress bar")
    _rule_options(p)

    sub.add_parser("rules", help="list every rule id with what it removes")

    p = sub.add_parser("eval", help="score the cleaner against gold texts (token-bag P/R/F1)")
    p.add_argument("input_dir", type=Path, help="inputs, named <id>.<ext>")
    p.add_argument("gold_dir", type=Path, help="gold texts, named <id>.txt")
    p.add_argument("--per-doc", action="store_true", help="print every document's scores")
    p.add_argument("--worst", type=int, default=0, metavar="N", help="print the N lowest-F1 documents")
    _rule_options(p)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        if args.command == "rules":
            width = max(len(rid) for rid, _ in all_rules())
            for rid, doc in all_rules():
                print(f"{rid:<{width}}  {doc}")
            return EXIT_OK
        cleaner = Cleaner(_config(args))
        if args.command == "clean":
            return _clean(cleaner, args)
        if args.command == "batch":
            return _batch(cleaner, args)
        if args.command == "eval":
            return _eval(cleaner, args)
    except CleanerError as e:
        print(f"cleaner: {e}", file=sys.stderr)
        return e.exit_code
    except KeyboardInterrupt:
        print("cleaner: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        # The reader went away (e.g. `| head`); not an error of ours.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK
    return EXIT_OK


def _config(args: argparse.Namespace) -> Config:
    known = {rid for rid, _ in all_rules()}
    unknown = [r for r in args.disable if r not in known]
    if unknown:
        raise UsageError(f"unknown rule id {unknown[0]!r} (see 'cleaner rules')")
    model = None
    if args.model is not None:
        from .learned import Model

        try:
            model = Model.load(args.model)
        except OSError as e:
            raise InputError(f"{args.model}: cannot read model ({e.strerror or e})") from None
        except (ValueError, KeyError, TypeError) as e:
            raise InputError(f"{args.model}: not a valid model file ({e})") from None
    return Config(input=args.input, lang=args.lang, disable=frozenset(args.disable),
                  repair=not args.no_repair, model=model)


class UsageError(CleanerError):
    exit_code = 2


def _clean(cleaner: Cleaner, args: argparse.Namespace) -> int:
    data = read_input(args.path, args.max_bytes)
    result = cleaner.explain(data)
    if args.explain:
        out = explain_text(result)
    elif args.format == "json":
        out = json.dumps(result.to_dict(), ensure_ascii=False, indent=1) + "\n"
    else:
        out = result.text + "\n" if result.text else ""
    if args.output:
        write_atomic(args.output, out)
    else:
        sys.stdout.write(out)
        sys.stdout.flush()
    return EXIT_OK


def explain_text(result) -> str:
    """Every line with its verdict: ``+`` kept, ``-`` removed with the rule id and evidence."""
    rows = []
    for line in result.lines:
        if line.removal is None:
            rows.append(f"{line.number:>5} + {line.text}" if line.text else f"{line.number:>5}")
        else:
            rows.append(f"{line.number:>5} - {line.text}    [{line.removal.rule}: {line.removal.detail}]")
    counts = ", ".join(f"{rule} {n}" for rule, n in sorted(result.counts().items()))
    rows.append(f"# lang {result.lang}; removed {len(result.removed)} line(s){': ' + counts if counts else ''}")
    return "\n".join(rows) + "\n"


def _batch(cleaner: Cleaner, args: argparse.Namespace) -> int:
    from .batch import REPORT_NAME, run_batch

    if not args.in_dir.is_dir():
        raise InputError(f"{args.in_dir}: not a directory")
    if args.jobs < 1:
        raise UsageError("-j must be at least 1")
    out = args.output.resolve()
    if out == args.in_dir.resolve():
        raise UsageError("the output directory must not be the input directory")
    report = run_batch(cleaner, args.in_dir, args.output, workers=args.jobs, fmt=args.format,
                       glob=args.glob, resume=args.resume, max_bytes=args.max_bytes,
                       progress=not args.quiet and sys.stderr.isatty(),
                       group_by_folder=args.group_by_folder)
    print(f"cleaned {report.cleaned}, failed {report.failed}, skipped {report.skipped} "
          f"({report.bytes_in / 1e6:.1f} MB in, {report.bytes_out / 1e6:.1f} MB out, "
          f"{report.seconds:.1f} s); report: {args.output / REPORT_NAME}", file=sys.stderr)
    for rule, n in sorted(report.removed.items(), key=lambda kv: -kv[1]):
        print(f"  {rule:<28} {n}", file=sys.stderr)
    for err in report.errors[:20]:
        print(f"  failed: {err['error']}", file=sys.stderr)
    return EXIT_SOME_FAILED if report.failed else EXIT_OK


def _eval(cleaner: Cleaner, args: argparse.Namespace) -> int:
    from .evaluate import evaluate, mean

    for d in (args.input_dir, args.gold_dir):
        if not d.is_dir():
            raise InputError(f"{d}: not a directory")
    scores = evaluate(cleaner.clean, args.input_dir, args.gold_dir)
    if not scores:
        raise InputError(f"{args.input_dir}: no input has a gold text in {args.gold_dir}")
    if args.per_doc:
        for s in scores:
            print(f"{s.doc_id}\tP {s.score.precision:.3f}\tR {s.score.recall:.3f}\tF1 {s.score.f1:.3f}")
    m = mean(scores)
    print(f"docs {len(scores)}  P {m.precision:.3f}  R {m.recall:.3f}  F1 {m.f1:.3f}")
    if args.worst:
        print(f"worst {args.worst}:")
        for s in sorted(scores, key=lambda s: (s.score.f1, s.doc_id))[: args.worst]:
            print(f"  {s.doc_id}\tP {s.score.precision:.3f}\tR {s.score.recall:.3f}\tF1 {s.score.f1:.3f}")
    return EXIT_OK
