"""Hard-wrapped text is joined back into paragraphs; nothing else is touched (cleaner.unwrap)."""

from __future__ import annotations

import random
import re
import textwrap
from pathlib import Path

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from cleaner import Cleaner, Config
from cleaner.pipeline import prepare
from cleaner.unwrap import MAX_WIDTH, MIN_FULL, MIN_WIDTH, rejoin, unwrap, width

SETTINGS = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT.parent / "shared" / "seeds"

_VOCABULARY = "a an to of the ferry harbour island crossing summer winter contractor timber council".split()


@st.composite
def _paragraphs(draw) -> list[str]:
    """4 to 8 paragraphs of 40 to 100 lower-case words: no sentence ends, so every
    wrapped break must be joined (words drawn by a seeded generator: big texts, small entropy)."""
    rng = random.Random(draw(st.integers(0, 2**32)))
    return [" ".join(rng.choice(_VOCABULARY) for _ in range(rng.randint(40, 100)))
            for _ in range(draw(st.integers(4, 8)))]


@SETTINGS
@given(_paragraphs(), st.integers(MIN_WIDTH, 120))
def test_wrapped_paragraphs_come_back_whole(texts, wrap_at):
    lines: list[str] = []
    for text in texts:
        lines += textwrap.wrap(text, wrap_at) + [""]
    assume(sum(len(line) > wrap_at * 3 / 4 for line in lines) >= MIN_FULL)  # enough to tell
    w = width(lines)
    assert w is not None and w <= wrap_at
    out, joins = unwrap(lines, w)
    assert [line for line in out if line] == texts
    assert joins == len(lines) - len(out)


@SETTINGS
@given(st.lists(st.from_regex(r"[A-Za-z,.]{1,15}( [A-Za-z,.*\-]{1,15}){0,20}", fullmatch=True)
                | st.just(""), min_size=10, max_size=80),
       st.integers(MIN_WIDTH, MAX_WIDTH))
def test_unwrap_only_joins_lines(lines, w):
    out, joins = unwrap(lines, w)
    assert "".join("".join(out).split()) == "".join("".join(lines).split())  # every character, in order
    # Words stay words: a join takes a space, but after a compound word's hyphen ("Wi-" / "Fi").
    words = " ".join(out).split()
    assert all(word in " ".join(lines).split() or "-" in word for word in words)
    assert len(out) == len(lines) - joins
    assert [line for line in out if not line.strip()] == [line for line in lines if not line.strip()]


def test_text_with_its_own_line_lengths_is_not_wrapped():
    para = ("An article's paragraph is one line however long it is, and the next one is as long "
            "as its author made it, so the lengths spread out. ")
    lines = [para * k for k in (1, 3, 2, 5, 1, 4, 2, 2, 6, 1, 3, 2)] + ["Home", "News", "Contact us"]
    assert width(lines) is None
    if SEED.is_dir():
        for path in SEED.glob("*.txt"):
            assert width(path.read_text(encoding="utf-8").split("\n")) is None, path.name


def test_items_headings_and_sentence_ends_start_their_own_lines():
    filler = "words that run on and on until the line is full and has to be broken " * 12
    lines = textwrap.wrap(filler, 70) + ["- an item that starts with a dash", "# A heading",
                                          "1. a numbered item"]
    out, _ = unwrap(lines, width(lines))
    assert out[-3:] == ["- an item that starts with a dash", "# A heading", "1. a numbered item"]
    full_stop = ["x" * 60 + " ends here.", "Then a new sentence starts here"]
    assert unwrap(full_stop, 70)[0] == full_stop
    assert unwrap(["x" * 60 + " ends here,", "and goes on here"], 70)[0] == ["x" * 60 + " ends here, and goes on here"]


def test_pipeline_joins_and_says_so_unless_switched_off():
    text = "\n\n".join(textwrap.fill("the ferry will run every half hour in summer and every hour in winter " * 4, 72)
                       for _ in range(4))
    doc = prepare(text, Config())
    lines = text.split("\n")
    joins = sum(1 for line in lines if line) - 4
    assert [r.detail for r in doc.repairs if r.step == "unwrap"] == [
        f"wrapped at {width(lines)} characters: {joins} line breaks joined"]
    assert len([line for line in doc.lines if line.text]) == 4
    kept = Cleaner(Config(unwrap=False)).clean(text)
    assert kept.count("\n") == text.count("\n")


_pieces = st.lists(st.from_regex(r"[,.;)]? ?[A-Za-z]{1,9}( [a-z,.]{1,9}){0,6}[.,(]?", fullmatch=True) | st.just(""),
                   min_size=1, max_size=40)


@SETTINGS
@given(_pieces)
def test_rejoin_only_joins_lines(lines):
    out, joins = rejoin(lines)
    assert re.findall(r"\w+", "\n".join(out)) == re.findall(r"\w+", "\n".join(lines))
    assert len(out) == len(lines) - joins
    assert [line for line in out if not line.strip()] == [line for line in lines if not line.strip()]


def test_rejoin_needs_the_text_to_show_cuts_before_joining_on_lower_case():
    wrapped_once = ["The council will meet on Monday to decide on the new", "opening hours of the library."]
    assert rejoin(wrapped_once) == (wrapped_once, 0)  # no line starts with ", " or ". ": no cuts shown
    cut = ["The council", ", which met on Monday", ", chose new", "opening hours", ". The library",
           "opens on Sundays", "."]
    assert rejoin(cut) == (["The council, which met on Monday, chose new opening hours. The library opens on Sundays."], 6)
    menu = cut + ["", "home", "about us", "contact"]
    assert rejoin(menu)[0][-3:] == ["home", "about us", "contact"]
