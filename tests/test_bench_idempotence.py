"""Cleaning real pages twice changes nothing: ``clean(clean(x)) == clean(x)`` on every page and
box dump of ../shared/bench, but for the known exceptions listed here with their cause.

The property tests (tests/test_fuzz.py) check idempotence on generated documents; real
pages found other ways to break it (a rule that took one more line each round, two spaces
left inside a link), so the bench is checked as a whole. A page that starts to fail fails
this test; one of the known pages that stops failing needs only its entry removed.
"""

from __future__ import annotations

import os
from pathlib import Path

from cleaner import clean
from cleaner.pool import map_ordered

from conftest import BENCH, needs_shared

#: Dumps whose output cleans differently, and why (README, How it works > rounds).
KNOWN = {
    # unwrap, run on the output, finds a width that the input's many short menu lines hid
    "readability/page/pixnet.txt",
    # an HTML fragment: cleaned as HTML, its output is text, which the main-text cut then judges
    "wcxb-dev/box/0174.txt",
    # unwrap joins two lines of the output that a removed line separated in the input
    "wcxb-dev/box/2908.txt",
}


def _changes_on_second_clean(path: str) -> str | None:
    once = clean(Path(path).read_bytes())
    return None if clean(once) == once else path


def test_bench_dumps_clean_to_a_fixed_point():
    needs_shared(BENCH)
    paths = sorted(str(p) for kind in ("page", "box") for p in BENCH.glob(f"*/{kind}/*.txt"))
    assert len(paths) > 1000, f"expected the bench's page and box dumps under {BENCH}"
    failing = {str(Path(p).relative_to(BENCH)) for p in map_ordered(
        _changes_on_second_clean, paths, workers=os.cpu_count() or 1, chunksize=8) if p}
    assert failing <= KNOWN, f"cleaning the output changes it: {sorted(failing - KNOWN)}"
