"""Invariants as properties: never raises, idempotent, deletion-only, planted chrome goes, prose stays."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cleaner import Config, clean, clean_and_explain
from cleaner.lexicon import ROOT, read_phrases
from cleaner.pipeline import prepare

SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Text built from pieces that exercise the rules: lines, blanks, chrome, dates, numbers, odd spaces.
_piece = st.one_of(
    st.text(max_size=40),
    st.sampled_from(["Share", "Advertisement", "Read more", "Related", "11:21 GMT 14 August 2020",
                     "(618)", "Tags: a, b, c", "By Jane Doe", "Photo: AP", "\u00a0", "\u200b", "&amp;",
                     "CafÃ©", "Community standardsDiscussion", "Series Title (3)", "\r\n", "\n\n"]),
    st.from_regex(r"[A-Z][a-z]{2,9}( [a-z]{1,9}){5,15}\.", fullmatch=True),
    st.from_regex(r"[A-Z][a-z]{2,9}( [A-Z][a-z]{1,9}){1,6}", fullmatch=True),
)
documents = st.lists(_piece, max_size=30).map("\n".join)


@SETTINGS
@given(st.text())
def test_never_raises_on_any_str(text):
    clean(text)


@SETTINGS
@given(st.binary())
def test_never_raises_on_any_bytes(data):
    clean(data)


@SETTINGS
@given(documents)
def test_idempotent(text):
    once = clean(text)
    assert clean(once) == once


@SETTINGS
@given(st.text())
def test_idempotent_on_any_text(text):
    once = clean(text)
    assert clean(once) == once


@SETTINGS
@given(documents)
def test_deletion_only(text):
    """Output lines are normalised input lines, in order; kept + removed rebuild the input."""
    result = clean_and_explain(text)
    normalised = [line.text for line in prepare(text, Config()).lines]
    assert [line.text for line in result.lines] == normalised
    out_lines = [l for l in result.text.split("\n") if l]
    kept = [line.text for line in result.lines if line.removal is None and line.text]
    assert out_lines == kept


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
