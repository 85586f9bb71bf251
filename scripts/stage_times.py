"""Where cleaning plain text spends its time: CPU seconds per pipeline stage over the bench dumps.

Each stage function the pipeline calls (repair, normalise, language detection, the
line rules, each block rule) is wrapped with a CPU-time counter for the run; the
rest of ``process`` is reported as "other". The documents are cleaned ``--rounds``
times and the median round is reported (the first round also pays for loading
each language's lexicon, hence a warm-up of ``--warm-up`` documents).

    python scripts/stage_times.py               # every page and box dump
    python scripts/stage_times.py --every 4     # a quarter of them
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT.parent / "shared" / "bench"
sys.path.insert(0, str(ROOT))

from cleaner import Cleaner, Config, blocks, pipeline  # noqa: E402

SPENT: dict[str, float] = defaultdict(float)
CALLS: dict[str, int] = defaultdict(int)


def timed(name: str, fn: Callable) -> Callable:
    """``fn``, adding its CPU time and calls to ``SPENT[name]`` and ``CALLS[name]``."""
    clock = time.process_time

    def wrapper(*args, **kwargs):
        start = clock()
        try:
            return fn(*args, **kwargs)
        finally:
            SPENT[name] += clock() - start
            CALLS[name] += 1

    wrapper.__name__, wrapper.__module__ = fn.__name__, fn.__module__
    return wrapper


def timed_iter(name: str, fn: Callable) -> Callable:
    """``fn`` returning an iterator (a block rule), with the time of each step added to ``SPENT[name]``
    (stepping it lazily as the pipeline does: a rule may see the removals it has just yielded)."""
    clock = time.process_time

    def wrapper(*args, **kwargs):
        start = clock()
        it = iter(fn(*args, **kwargs))
        SPENT[name] += clock() - start
        CALLS[name] += 1
        while True:
            start = clock()
            try:
                item = next(it)
            except StopIteration:
                return
            finally:
                SPENT[name] += clock() - start
            yield item

    wrapper.__name__, wrapper.__module__ = fn.__name__, fn.__module__
    return wrapper


def instrument() -> None:
    """Wrap the stages where the pipeline looks them up (its module globals)."""
    for name in ("repair_lines", "normalize_text", "detect", "detect_without", "run_line_rules", "split_lines",
                 "strip_lines"):
        setattr(pipeline, name, timed(name, getattr(pipeline, name)))
    pipeline.BLOCK_RULES = tuple(timed_iter(pipeline.rule_id(r), r) for r in pipeline.BLOCK_RULES)
    blocks_view = blocks.View
    pipeline.blocks = type("blocks", (), {"View": timed("blocks.View", blocks_view), "Shapes": blocks.Shapes})


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--every", type=int, default=1, help="take every Nth dump (default 1: all)")
    ap.add_argument("--rounds", type=int, default=3, help="rounds (median taken; default 3)")
    ap.add_argument("--warm-up", type=int, default=20, help="documents cleaned first, untimed")
    ap.add_argument("--bench", type=Path, default=BENCH)
    args = ap.parse_args(argv)
    paths = (sorted(args.bench.glob("*/page/*.txt")) + sorted(args.bench.glob("*/box/*.txt")))[::args.every]
    docs = [p.read_bytes() for p in paths]
    cleaner = Cleaner(Config(input="text"))
    instrument()
    for data in docs[:args.warm_up]:
        cleaner.clean(data)
    rounds: list[tuple[float, dict[str, float], dict[str, int]]] = []
    for _ in range(args.rounds):
        SPENT.clear()
        CALLS.clear()
        start = time.process_time()
        for data in docs:
            cleaner.clean(data)
        rounds.append((time.process_time() - start, dict(SPENT), dict(CALLS)))
    total, spent, calls = sorted(rounds, key=lambda r: r[0])[len(rounds) // 2]
    mb = sum(map(len, docs)) / 1e6
    print(f"{len(docs)} dumps, {mb:.1f} MB; rounds {', '.join(f'{r[0]:.2f}' for r in rounds)} s CPU; "
          f"median {total:.2f} s = {mb / total:.2f} MB/s")
    inner = spent.get("blocks.View", 0.0)
    spent["other"] = total - sum(spent.values())
    for name, secs in sorted(spent.items(), key=lambda kv: -kv[1]):
        per = f"{calls[name] / len(docs):6.2f}/doc" if name in calls else " " * 11
        print(f"  {name:<24} {secs:7.2f} s  {100 * secs / total:5.1f}%  {per}")
    print(f"  (block rule times exclude the {inner:.2f} s of blocks.View building the views they get)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
