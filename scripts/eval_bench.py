"""`make eval`: the quality table on ../shared/bench, with reference points from the same run.

Prints set x input kind x system with P/R/F1, and the issue's targets checked:
box:  1-P <= 1/4 (1-P of keep-all) and R >= 0.99 R of keep-all
page: F1 >= trafilatura-on-HTML F1 - 0.03 and F1 >= c4-filter F1 + 0.05
html: F1 >= trafilatura F1 + 0.01
Writes the rows as JSON (--json) for the README and the regression pins.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

from cleaner.evaluate import bench_rows

SYSTEMS = {
    "box": ("cleaner", "keep-all", "c4-filter"),
    "page": ("cleaner", "keep-all", "c4-filter"),
    "html": ("cleaner-html", "trafilatura"),
}


def targets(rows: list[dict]) -> list[tuple[str, str, str, bool]]:
    """(set, kind, the target, met?) for every set where the needed rows exist."""
    get = {(r["set"], r["kind"], r["system"]): r for r in rows}
    out = []
    for set_name in sorted({r["set"] for r in rows}):
        ours, keep = get.get((set_name, "box", "cleaner")), get.get((set_name, "box", "keep-all"))
        if ours and keep:
            p_goal, r_goal = 1 - (1 - keep["P"]) / 4, 0.99 * keep["R"]
            out.append((set_name, "box", f"P {ours['P']:.3f} >= {p_goal:.3f}", ours["P"] >= p_goal))
            out.append((set_name, "box", f"R {ours['R']:.3f} >= {r_goal:.3f}", ours["R"] >= r_goal))
        ours, traf, c4 = (get.get((set_name, "page", "cleaner")), get.get((set_name, "html", "trafilatura")),
                          get.get((set_name, "page", "c4-filter")))
        if ours and traf:
            goal = traf["F1"] - 0.03
            out.append((set_name, "page", f"F1 {ours['F1']:.3f} >= trafilatura-0.03 {goal:.3f}", ours["F1"] >= goal))
        if ours and c4:
            goal = c4["F1"] + 0.05
            out.append((set_name, "page", f"F1 {ours['F1']:.3f} >= c4+0.05 {goal:.3f}", ours["F1"] >= goal))
        ours = get.get((set_name, "html", "cleaner-html"))
        if ours and traf:
            goal = traf["F1"] + 0.01
            out.append((set_name, "html", f"F1 {ours['F1']:.3f} >= trafilatura+0.01 {goal:.3f}", ours["F1"] >= goal))
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--bench", type=Path, default=Path(__file__).resolve().parents[1].parent / "shared" / "bench")
    ap.add_argument("--kinds", default="box,page,html", help="comma-separated input kinds")
    ap.add_argument("-j", "--jobs", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--json", type=Path, default=None, help="write the rows here")
    ap.add_argument("--write-pins", type=Path, default=None, metavar="PINS",
                    help="set the regression pins (tests/quality_pins.json) to this run's scores, showing the change")
    args = ap.parse_args()
    if not args.bench.is_dir():
        print(f"eval: {args.bench} is absent; nothing to measure (it sits beside the checkout on the project's machines)")
        return 0
    start = time.monotonic()
    systems = {k: SYSTEMS[k] for k in args.kinds.split(",")}
    rows = bench_rows(args.bench, systems, args.jobs)
    print(f"{'set':<12} {'kind':<5} {'system':<13} {'docs':>4}  {'P':>6} {'R':>6} {'F1':>6}")
    for r in rows:
        print(f"{r['set']:<12} {r['kind']:<5} {r['system']:<13} {r['docs']:>4}  {r['P']:.3f}  {r['R']:.3f}  {r['F1']:.3f}")
    print("\ntargets:")
    for set_name, kind, text, ok in targets(rows):
        print(f"  {'met ' if ok else 'MISS'}  {set_name:<12} {kind:<5} {text}")
    print(f"\n({time.monotonic() - start:.0f} s)")
    if args.json:
        args.json.write_text(json.dumps(rows, indent=1) + "\n")
    if args.write_pins:
        write_pins(rows, args.write_pins)
    return 0


def write_pins(rows: list[dict], path: Path) -> None:
    """Pin our own scores (cleaner on box/page, cleaner-html on html), printing old -> new."""
    old = json.loads(path.read_text()) if path.exists() else {}
    new = {f"{r['set']}/{r['kind']}": {"P": r["P"], "R": r["R"], "F1": r["F1"]}
           for r in rows if r["system"] in ("cleaner", "cleaner-html")}
    print(f"\npins ({path}):")
    for name in sorted(new):
        before = old.get(name, {})
        changes = ", ".join(f"{m} {before.get(m, float('nan')):.4f} -> {new[name][m]:.4f}" for m in ("P", "R", "F1"))
        print(f"  {name:<18} {changes}")
    path.write_text(json.dumps(dict(sorted(new.items())), indent=1) + "\n")


if __name__ == "__main__":
    sys.exit(main())
