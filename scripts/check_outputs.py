"""Prove an optimisation changed nothing: fingerprint the cleaner's full result on many inputs.

Every input (by default all of ``../shared/bench/*/page`` and ``box`` dumps, plus the
stored corpus inputs) is cleaned with the default configuration; the fingerprint is
a SHA-256 of the whole JSON result (text, every removed line with its rule and
evidence, metadata, repairs), so a changed rule verdict shows even where the text
does not.

    python scripts/check_outputs.py --save .bench/before.json    # before the change
    python scripts/check_outputs.py --check .bench/before.json   # after: exit 1 on any difference

``--code DIR`` imports the ``cleaner`` package from DIR instead (a copy of the package
as it was), so two versions can be compared against the same lexicons and rules while
other files keep changing:

    python scripts/check_outputs.py --code /tmp/ref --save .bench/ref.json
    python scripts/check_outputs.py --check .bench/ref.json

``--slow-repair`` cleans with the repair fast path off (ftfy on every line), so
``--save`` with it and ``--check`` without it compares the two paths end to end.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT.parent / "shared" / "bench"


def default_inputs() -> list[Path]:
    paths = sorted(ROOT.glob("corpus/cases/*/input.*"))
    for kind in ("page", "box"):
        paths += sorted(BENCH.glob(f"*/{kind}/*.txt"))
    return paths


def _use_code(code: str | None) -> None:
    if code:
        sys.path.insert(0, code)


def fingerprint(args: tuple[str, bool]) -> tuple[str, str]:
    path, slow = args
    from cleaner import Cleaner
    from cleaner import pipeline, repair

    if slow:  # the reference: ftfy on every line
        pipeline.repair_lines = lambda lines: repair.repair_lines(lines, fast=False)
    result = Cleaner().explain(Path(path).read_bytes())
    blob = json.dumps(result.to_dict(), sort_keys=True, ensure_ascii=False, default=str)
    return path, hashlib.sha256(blob.encode("utf-8")).hexdigest()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    group = ap.add_mutually_exclusive_group(required=True)
    group.add_argument("--save", metavar="FILE", help="write the fingerprints to FILE")
    group.add_argument("--check", metavar="FILE", help="compare with the fingerprints in FILE")
    ap.add_argument("-j", "--jobs", type=int, default=2, help="worker processes (default 2)")
    ap.add_argument("--slow-repair", action="store_true", help="repair every line with ftfy (no fast path)")
    ap.add_argument("--code", metavar="DIR", help="import the cleaner package from DIR (its parent folder)")
    ap.add_argument("paths", nargs="*", type=Path, help="inputs (default: the corpus and the bench dumps)")
    args = ap.parse_args(argv)

    paths = args.paths or default_inputs()
    base = ROOT.parent
    start = time.perf_counter()
    work = [(str(p), args.slow_repair) for p in paths]
    if args.jobs > 1:
        with ProcessPoolExecutor(args.jobs, initializer=_use_code, initargs=(args.code,)) as pool:
            got = dict(pool.map(fingerprint, work, chunksize=8))
    else:
        _use_code(args.code)
        got = dict(map(fingerprint, work))
    got = {str(Path(p).resolve().relative_to(base)) if Path(p).resolve().is_relative_to(base) else p: h
           for p, h in got.items()}
    elapsed = time.perf_counter() - start
    if args.code:
        print(f"code from {args.code}")
    if args.save:
        Path(args.save).parent.mkdir(parents=True, exist_ok=True)
        Path(args.save).write_text(json.dumps(got, indent=0, sort_keys=True) + "\n", encoding="utf-8")
        print(f"saved {len(got)} fingerprints to {args.save} ({elapsed:.1f}s)")
        return 0
    want = json.loads(Path(args.check).read_text(encoding="utf-8"))
    differ = sorted(p for p in got if p in want and got[p] != want[p])
    missing = sorted(set(want) - set(got))
    for p in differ:
        print(f"DIFFERS  {p}")
    print(f"{len(got)} inputs, {len(got) - len(differ)} identical, {len(differ)} differ, "
          f"{len(missing)} in {args.check} not checked ({elapsed:.1f}s)")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
