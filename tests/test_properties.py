"""Planted chrome goes, planted prose stays (the other invariants, never raises,
idempotent, deletion-only and deterministic, are in tests/test_fuzz.py)."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cleaner import clean
from cleaner.lexicon import ROOT, read_phrases

SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _phrases(category: str) -> list[str]:
    return [p for p in read_phrases(ROOT / "en" / f"{category}.txt") if not p.endswith("*")]


_chrome = st.sampled_from(_phrases("share") + _phrases("advertisement") + _phrases("navigation")
                          + ["Get short URL", "Listen Live", "5 min read", "Image 3 of 12", "© 2024 Example Media"])
_prose = st.from_regex(r"[A-Z][a-z]{2,9}( [a-z]{2,9}){7,20}\.", fullmatch=True)


@SETTINGS
@given(st.lists(st.tuples(st.booleans(), _prose, _chrome), min_size=1, max_size=12))
def test_planted_chrome_goes_and_prose_stays(rows):
    lines = []
    for chrome_first, prose, chrome in rows:
        lines += [chrome, prose] if chrome_first else [prose, chrome]
    out = clean("\n".join(lines)).split("\n")
    assert [l for l in out if l] == [prose for _, prose, _ in rows]
