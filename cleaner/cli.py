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
                 InputError, OutputError, read_input, write_atomic)
from .pipeline import all_rules


def _rule_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--input", choices=("auto", "text", "html"), default="auto",
                   help="input kind (default: auto, HTML is recognised)")
    p.add_argument("--lang", default=None, help="language code (default: detected, fallback en)")
    p.add_argument("--disable", action="append", default=[], metavar="RULE_ID",
                   help="switch a rule off (repeatable; see 'cleaner rules')")
    p.add_argument("--no-repair", action="store_true", help="skip encoding repair (ftfy)")
    p.add_argument("--no-unwrap", action="store_true",
                   help="judge lines exactly as the input breaks them (default: join hard-wrapped "
                        "lines back into paragraphs, judge run-together blocks apart)")
    p.add_argument("--no-markdown", action="store_true",
                   help="keep Markdown links, images and marks, and lynx's link numbers and button marks, as they are "
                        "(default: reduce them to their text)")
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
    p.add_argument("--group", default="", metavar="NAME",
                   help="with --model: the site group of this page (its folder or field value when fitted)")
    p.add_argument("--no-color", action="store_true",
                   help="with --explain: no colours (they are on only when stdout is a terminal)")
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
    _batch_scale_options(p)
    _timeout_option(p)
    p.add_argument("-q", "--quiet", action="store_true", help="no progress bar")
    p.add_argument("--report", type=Path, default=None, metavar="FILE.html",
                   help="also write a review page of what was removed (cleans the inputs a second time)")
    _rule_options(p)

    p = sub.add_parser("report", help="write an HTML page showing what was removed, with a sample of documents")
    p.add_argument("source", type=Path, help="a directory, a .jsonl file (one record per line) or one file")
    p.add_argument("-o", "--output", type=Path, required=True, metavar="FILE.html", help="the page to write")
    p.add_argument("--sample", type=int, default=20, metavar="N", help="documents drawn at random (default 20)")
    p.add_argument("--seed", type=int, default=0, help="seed of the random sample (default 0)")
    p.add_argument("--extremes", type=int, default=3, metavar="K",
                   help="also show the K documents with the largest and smallest share removed (default 3)")
    p.add_argument("--gold", type=Path, default=None, metavar="GOLD_DIR",
                   help="gold texts <id>.txt: adds P/R/F1 per document, lowest first")
    p.add_argument("--field", default="text", help="JSONL: the field holding the text (default text)")
    p.add_argument("--glob", default="*", help="directory: only files whose name matches (default *)")
    p.add_argument("-j", "--jobs", type=int, default=os.cpu_count() or 1, help="worker processes (default: all cores)")
    _rule_options(p)

    _add_fit_and_jsonl(sub)
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
        command = {"clean": _clean, "batch": _batch, "eval": _eval, "fit": _fit,
                   "jsonl": _jsonl, "report": _report}[args.command]
        return command(Cleaner(_config(args)), args)
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
    except OSError as e:  # stdout or stderr cannot be written (a full disk, /dev/full)
        _last_words(f"cleaner: stdout: cannot write ({e.strerror or e})")
        return OutputError.exit_code
    except Exception as e:  # a bug: still one line, never a traceback
        _last_words(f"cleaner: internal error (a bug, please report it): {type(e).__name__}: {e}")
        return EXIT_INTERNAL


#: An unexpected error inside cleaner (a bug); documented in the README.
EXIT_INTERNAL = 70


def _last_words(message: str) -> None:
    """One line on stderr; stdout is detached so that exiting does not fail on it again."""
    try:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    except (OSError, ValueError):
        pass
    try:
        print(message.replace("\n", " ")[:2000], file=sys.stderr)
    except OSError:
        pass


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
                  repair=not args.no_repair, unwrap=not args.no_unwrap,
                  markdown=not args.no_markdown, model=model)


class UsageError(CleanerError):
    exit_code = 2


def _timeout_option(p: argparse.ArgumentParser) -> None:
    p.add_argument("--timeout", type=float, default=None, metavar="SECONDS",
                   help="give up on a document that takes longer than this to clean: it is recorded as "
                        "failed ('timeout after N s') and the rest go on (default: no limit)")


def _same_file(a: str | os.PathLike, b: str | os.PathLike) -> bool:
    """Do two paths name the same file (the output would be written over the input)?"""
    try:
        return os.path.samefile(a, b)
    except OSError:
        return Path(a).resolve() == Path(b).resolve()


def _check_not_input(src: str | os.PathLike | None, dst: str | os.PathLike | None) -> None:
    if src not in (None, "-") and dst not in (None, "-") and _same_file(src, dst):
        raise UsageError(f"{dst}: the output would overwrite the input; write it elsewhere")


def _clean(cleaner: Cleaner, args: argparse.Namespace) -> int:
    _check_not_input(args.path, args.output)
    data = read_input(args.path, args.max_bytes)
    result = cleaner.explain(data, group=args.group)
    if args.explain:
        color = (not args.no_color and not args.output and "NO_COLOR" not in os.environ
                 and sys.stdout.isatty())
        out = explain_text(result, color=color)
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


#: ANSI colours of removed lines, by the rule's place in 'cleaner rules'.
_ANSI = (31, 34, 32, 35, 33, 36, 91, 94, 92, 95, 93, 96)


def explain_text(result, color: bool = False) -> str:
    """Every line with its verdict: ``+`` kept, ``-`` removed with the rule id and evidence.
    A piece the input ran on from the line above (:mod:`cleaner.glue`) shows ``…`` first.

    With ``color``, a removed line is coloured by its rule (for a terminal).
    """
    order = {rid: i for i, (rid, _) in enumerate(all_rules())} if color else {}
    rows = []
    for line in result.lines:
        text = f"…{line.text}" if line.glued else line.text
        if line.removal is None:
            rows.append(f"{line.number:>5} + {text}" if text else f"{line.number:>5}")
        else:
            row = f"{line.number:>5} - {text}    [{line.removal.rule}: {line.removal.detail}]"
            if color:
                code = _ANSI[order.get(line.removal.rule, len(order)) % len(_ANSI)]
                row = f"\x1b[{code}m{row}\x1b[0m"
            rows.append(row)
    counts = ", ".join(f"{rule} {n}" for rule, n in sorted(result.counts().items()))
    rows.append(f"# lang {result.lang}; removed {len(result.removed)} line(s){': ' + counts if counts else ''}")
    return "\n".join(rows) + "\n"


def _batch(cleaner: Cleaner, args: argparse.Namespace) -> int:
    from .batch import REPORT_NAME, run_batch

    if not args.in_dir.is_dir():
        raise InputError(f"{args.in_dir}: not a directory")
    if args.jobs < 1:
        raise UsageError("-j must be at least 1")
    out, src = args.output.resolve(), args.in_dir.resolve()
    if out == src:
        raise UsageError("the output directory must not be the input directory")
    if out in src.parents:  # outputs would land among the inputs, possibly over one
        raise UsageError("the input directory must not be inside the output directory")
    if args.timeout is not None and (args.timeout <= 0 or args.engine == "dask"):
        raise UsageError("--timeout must be a positive number of seconds (local engine only)")
    if out.exists() and not out.is_dir():
        raise OutputError(f"{args.output}: cannot write (not a directory)")
    report = run_batch(cleaner, args.in_dir, args.output, workers=args.jobs, fmt=args.format,
                       glob=args.glob, resume=args.resume, max_bytes=args.max_bytes, timeout=args.timeout,
                       progress=not args.quiet and sys.stderr.isatty(),
                       group_by_folder=args.group_by_folder, **_scale_kwargs(cleaner, args))
    print(f"cleaned {report.cleaned}, failed {report.failed}, skipped {report.skipped} "
          f"({report.bytes_in / 1e6:.1f} MB in, {report.bytes_out / 1e6:.1f} MB out, "
          f"{report.seconds:.1f} s); report: {args.output / REPORT_NAME}", file=sys.stderr)
    for rule, n in sorted(report.removed.items(), key=lambda kv: -kv[1]):
        print(f"  {rule:<28} {n}", file=sys.stderr)
    for err in report.errors[:20]:
        print(f"  failed: {err['error']}", file=sys.stderr)
    if args.report is not None:
        from .report import build_report, iter_items
        from .report_html import write_report

        data = build_report(cleaner, iter_items(args.in_dir, glob=args.glob, max_bytes=args.max_bytes),
                            workers=args.jobs, source=str(args.in_dir))
        write_report(data, args.report, command=f"cleaner batch {args.in_dir} -o {args.output} --report {args.report}")
        print(f"review page: {args.report}", file=sys.stderr)
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


def _report(cleaner: Cleaner, args: argparse.Namespace) -> int:
    from .report import build_report, iter_items
    from .report_html import write_report

    if not args.source.exists():
        raise InputError(f"{args.source}: no such file or directory")
    if args.gold is not None and not args.gold.is_dir():
        raise InputError(f"{args.gold}: not a directory")
    if args.sample < 0 or args.extremes < 0 or args.jobs < 1:
        raise UsageError("--sample and --extremes must be 0 or more, -j at least 1")
    items = iter_items(args.source, field_name=args.field, glob=args.glob, gold_dir=args.gold,
                       max_bytes=args.max_bytes)
    data = build_report(cleaner, items, sample=args.sample, seed=args.seed, extremes=args.extremes,
                        workers=args.jobs, source=str(args.source))
    if not data.docs and not data.failed:
        raise InputError(f"{args.source}: no documents")
    command = (f"cleaner report {args.source} -o {args.output} --sample {args.sample} --seed {args.seed}"
               + (f" --gold {args.gold}" if args.gold else ""))
    write_report(data, args.output, command=command)
    lines = data.lines_removed / data.lines if data.lines else 0.0
    print(f"{data.docs} documents ({data.failed} failed), {100 * lines:.1f}% of lines removed, "
          f"{len(data.sample)} sampled; review page: {args.output}", file=sys.stderr)
    return EXIT_SOME_FAILED if data.failed else EXIT_OK


# --- batch at scale, fit, jsonl -------------------------------------------------------------


def _batch_scale_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--group-by", choices=("none", "folder"), default=None,
                   help="learned model groups: none, or the first sub-folder (default: as the model was fitted)")
    p.add_argument("--learn", action="store_true",
                   help="first fit a model of site boilerplate on the inputs (saved as OUT_DIR/_model.json), then apply it")
    p.add_argument("--min-share", type=float, default=0.5,
                   help="with --learn: a line must appear in this share of a group's documents (default 0.5)")
    p.add_argument("--min-docs", type=int, default=5,
                   help="with --learn: ... and in at least this many documents (default 5)")
    p.add_argument("--engine", choices=("local", "dask"), default="local",
                   help="local worker processes (default), or a Dask cluster (pip install 'cleaner[dask]')")
    p.add_argument("--scheduler", default=None, metavar="ADDRESS",
                   help="with --engine dask: the scheduler (tcp://host:8786; default $DASK_SCHEDULER_ADDRESS, "
                        "else a local cluster of -j workers)")


def _model_group(cleaner: Cleaner) -> str:
    model = cleaner.config.model
    return model.group_by if model is not None else "none"


def _scale_kwargs(cleaner: Cleaner, args: argparse.Namespace) -> dict:
    if args.learn and args.model is not None:
        raise UsageError("--learn fits its own model; drop --model or --learn")
    if not 0 < args.min_share <= 1 or args.min_docs < 1:
        raise UsageError("--min-share must be in (0, 1] and --min-docs at least 1")
    group_by = args.group_by
    if group_by is None:
        fitted = _model_group(cleaner)
        group_by = "folder" if args.group_by_folder or fitted == "folder" else "none"
        if fitted.startswith("field:"):
            raise UsageError(f"{args.model}: the model groups records by a JSON field ({fitted}); "
                             "use it with 'cleaner jsonl', or pass --group-by")
    return dict(group_by=group_by, learn=args.learn, min_share=args.min_share, min_docs=args.min_docs,
                engine=args.engine, address=args.scheduler)


def _add_fit_and_jsonl(sub) -> None:
    p = sub.add_parser("fit", help="learn a site's boilerplate (lines repeated across its pages) into a model")
    p.add_argument("source", type=Path, help="a directory of pages, or a .jsonl(.gz) file of records")
    p.add_argument("-o", "--output", type=Path, required=True, help="the model file to write (JSON)")
    p.add_argument("--glob", default="*", help="directory: only files whose name matches (default *)")
    p.add_argument("--group-by", choices=("none", "folder"), default="none",
                   help="directory: one group per first sub-folder (a site each), or none (default)")
    p.add_argument("--field", default="text", help="JSONL: the field holding the text (default text)")
    p.add_argument("--group-field", default=None, metavar="NAME",
                   help="JSONL: group records by this field (e.g. domain); default: one group")
    p.add_argument("--min-share", type=float, default=0.5,
                   help="keep lines found in at least this share of a group's documents (default 0.5)")
    p.add_argument("--min-docs", type=int, default=5, help="... and in at least this many (default 5)")
    p.add_argument("-j", "--jobs", type=int, default=os.cpu_count() or 1, help="worker processes (default: all cores)")
    p.add_argument("--engine", choices=("local", "dask"), default="local", help="directory: local processes or Dask")
    p.add_argument("--scheduler", default=None, metavar="ADDRESS", help="with --engine dask: the scheduler address")
    p.add_argument("-q", "--quiet", action="store_true", help="no progress bar")
    p.add_argument("--input", choices=("auto", "text", "html"), default="auto",
                   help="input kind (default: auto, HTML is recognised)")
    p.add_argument("--no-repair", action="store_true", help="skip encoding repair (ftfy)")
    p.add_argument("--no-unwrap", action="store_true", help="judge lines exactly as the input breaks them")
    p.add_argument("--no-markdown", action="store_true", help="keep Markdown links, images and marks, and lynx's link numbers and button marks, as they are")
    p.add_argument("--max-bytes", type=int, default=DEFAULT_MAX_BYTES, help="skip inputs larger than this")
    p.set_defaults(lang=None, disable=[], model=None)

    p = sub.add_parser("jsonl", help="clean one field of every JSON line (also .jsonl.gz), keeping the rest")
    p.add_argument("path", nargs="?", default="-", help="input .jsonl or .jsonl.gz, or - for stdin (default)")
    p.add_argument("-o", "--output", default="-", help="output file (.gz compresses), or - for stdout (default)")
    p.add_argument("--field", default="text", help="the field to clean (default text)")
    p.add_argument("--out-field", default=None, help="write the clean text here (default: replace --field)")
    p.add_argument("--group-field", default=None, metavar="NAME",
                   help="with --model: the field naming each record's site (default: as the model was fitted)")
    p.add_argument("--on-bad", choices=("keep", "drop"), default="keep",
                   help="a line that is not JSON or a record without the field: pass it through "
                        "unchanged (keep, default) or drop it; either way it is reported")
    p.add_argument("--rejects", default=None, metavar="FILE", help="also write such lines to FILE")
    p.add_argument("--report", type=Path, default=None, metavar="FILE.json", help="write the counts here")
    p.add_argument("-j", "--jobs", type=int, default=os.cpu_count() or 1, help="worker processes (default: all cores)")
    p.add_argument("-q", "--quiet", action="store_true", help="no progress bar")
    _timeout_option(p)
    _rule_options(p)


def _check_jobs(args: argparse.Namespace) -> None:
    if args.jobs < 1:
        raise UsageError("-j must be at least 1")


def _fit(cleaner: Cleaner, args: argparse.Namespace) -> int:
    _check_jobs(args)
    if not 0 < args.min_share <= 1 or args.min_docs < 1:
        raise UsageError("--min-share must be in (0, 1] and --min-docs at least 1")
    progress = not args.quiet and sys.stderr.isatty()
    options = dict(min_share=args.min_share, min_docs=args.min_docs)
    if args.source.is_dir():
        if args.group_field:
            raise UsageError("--group-field is for JSONL input; for a directory use --group-by folder")
        if args.engine == "dask":
            from .dask_engine import connect, fit_files as dask_fit

            with connect(args.scheduler, args.jobs) as client:
                model = dask_fit(client, cleaner.config, args.source, glob=args.glob, group_by=args.group_by,
                                 max_bytes=args.max_bytes, progress=progress, **options)
        else:
            from .batch import fit_files

            model = fit_files(cleaner.config, args.source, glob=args.glob, group_by=args.group_by,
                              workers=args.jobs, max_bytes=args.max_bytes, progress=progress, **options)
    else:
        from .jsonl import fit_jsonl

        if args.engine == "dask":
            raise UsageError("--engine dask fits directories; for JSONL use the local engine")
        if args.group_by != "none":
            raise UsageError("--group-by is for directories; for JSONL use --group-field NAME")
        model = fit_jsonl(cleaner.config, args.source, field=args.field, group_field=args.group_field,
                          workers=args.jobs, progress=progress, **options)
    model.save(args.output)
    docs = sum(g.docs for g in model.groups.values())
    lines = sum(len(g.lines) for g in model.groups.values())
    print(f"model: {lines} frequent line(s) in {len(model.groups)} group(s) "
          f"(from {docs} documents of those groups); written to {args.output}", file=sys.stderr)
    return EXIT_OK


def _jsonl(cleaner: Cleaner, args: argparse.Namespace) -> int:
    from .jsonl import run_jsonl

    _check_jobs(args)
    if args.timeout is not None and args.timeout <= 0:
        raise UsageError("--timeout must be a positive number of seconds")
    for other in (args.output, args.rejects, args.report):
        if other is not None:
            _check_not_input(args.path, other)
    group_field = args.group_field
    fitted = _model_group(cleaner)
    if group_field is None and fitted.startswith("field:"):
        group_field = fitted.split(":", 1)[1]
    elif group_field is None and fitted == "folder":
        raise UsageError(f"{args.model}: the model groups files by folder; pass --group-field NAME for records")
    report = run_jsonl(cleaner, args.path, args.output, field=args.field, out_field=args.out_field,
                       group_field=group_field, workers=args.jobs, on_bad=args.on_bad, rejects=args.rejects,
                       progress=not args.quiet and sys.stderr.isatty(), max_bytes=args.max_bytes,
                       timeout=args.timeout)
    if args.report is not None:
        write_atomic(args.report, json.dumps(report.to_dict(), indent=1, ensure_ascii=False) + "\n")
    kept = "dropped" if args.on_bad == "drop" else "passed through"
    print(f"records {report.records}: cleaned {report.cleaned}, not JSON {report.bad_json}, "
          f"without field {args.field!r} {report.missing_field}"
          + (f", timed out {report.timeouts}" if report.timeouts else "")
          + (f", internal errors {report.errors}" if report.errors else "") + f" ({kept}); "
          f"{report.bytes_in / 1e6:.1f} MB in, {report.bytes_out / 1e6:.1f} MB out, {report.seconds:.1f} s",
          file=sys.stderr)
    for rule, n in sorted(report.removed.items(), key=lambda kv: -kv[1]):
        print(f"  {rule:<28} {n}", file=sys.stderr)
    for p in report.problems[:20]:
        print(f"  line {p['line']}: {p['problem']}", file=sys.stderr)
    return EXIT_SOME_FAILED if report.failed else EXIT_OK
