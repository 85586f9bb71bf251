"""A text browser's marks for buttons, insertions, images, frames and head links (cleaner/browsermarks.py),
and a page run into one line with runs of spaces (cleaner/spaced.py)."""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cleaner import Cleaner, Config, browsermarks, clean_and_explain, spaced

MARKS = ["(BUTTON)", "[INS:", ":INS]", "[IMG]", "[logo.png]", "[DEL:", ":DEL]"]
WORDS = st.from_regex(r"[A-Za-z][a-z]{0,8}[.,]?", fullmatch=True)
_WORD = re.compile(r"[A-Za-z]+")


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(st.one_of(WORDS, st.sampled_from(MARKS)), max_size=12).map(" ".join), max_size=20))
def test_marks_go_and_every_word_stays(lines):
    out, count = browsermarks.strip(lines)
    assert len(out) == len(lines)
    for before, after in zip(lines, out):
        rest = " ".join(w for w in before.split() if w not in MARKS)
        words = _WORD.findall(rest)
        if rest not in browsermarks._BULLETS:  # a line with words keeps them all, in order, and loses its marks
            assert _WORD.findall(after) == words
            assert not any(mark in after.split() for mark in MARKS)
        else:  # a line of marks alone (perhaps behind a bullet: lynx's "o") stays as it is, for the rules
            assert after == before
    assert browsermarks.strip(out)[1] == 0  # nothing left to take: cleaning the output again changes nothing


PAGE = """<html><head><title>Harbour</title><link rel="canonical" href="https://x.example/a"></head><body>
<button>Menu</button><button>Search</button>
<h1><ins>Ferry</ins> <ins>returns</ins> <ins>to</ins> <ins>the</ins> <ins>timetable</ins></h1>
<p>The old ferry between Penwick and the islands will sail again from March, the harbour board
said on Tuesday, after a winter of repairs to its hull and a new landing stage at the quay.</p>
<ins class="adsbygoogle"></ins>
<p>Crossings will run every ninety minutes in the morning and every two hours after noon.
Bicycles travel free; cars must be booked a day ahead at the harbour office.</p>
<p><img src="/img/quay.jpg"> The new landing stage was built by a yard in Penwick over the winter.</p>
<button>Load more comments</button>
</body></html>"""


def _dump(command: list[str], page: str, tmp_path) -> str:
    path = tmp_path / "page.html"
    path.write_text(page, encoding="utf-8")
    return subprocess.run([*command, str(path)], capture_output=True, check=True).stdout.decode("utf-8", "replace")


@pytest.mark.parametrize("command", [
    ["lynx", "-dump", "-force_html", "-display_charset=utf-8"],
    ["links", "-dump", "-codepage", "utf-8"],
], ids=lambda c: c[0])
def test_a_real_text_browser_dump_loses_its_marks_and_keeps_its_body(command, tmp_path):
    if shutil.which(command[0]) is None:
        pytest.skip(f"{command[0]} is not installed (apt install {command[0]})")
    dump = _dump(command, PAGE, tmp_path)
    out = " ".join(Cleaner(Config()).clean(dump).split())  # the dumper wraps; too few lines to unwrap
    assert "sail again from March" in out and "every two hours after noon" in out
    assert "The new landing stage was built" in out
    for mark in ("(BUTTON)", "[INS:", ":INS]", "Link:", "[IMG]"):
        assert mark not in out, (mark, out)


def test_no_markdown_keeps_the_marks():
    dump = "[IMG] The council met on Monday and voted to keep the harbour open all winter.\n"
    assert "[IMG]" in Cleaner(Config(markdown=False)).clean(dump)
    result = clean_and_explain(dump)
    assert result.text == "The council met on Monday and voted to keep the harbour open all winter."
    assert any(r.step == "browsermarks" for r in result.repairs)


# --- spaced -------------------------------------------------------------------------

BLOCK = st.lists(st.from_regex(r"[A-Za-z]{1,9}", fullmatch=True), min_size=1, max_size=30).map(" ".join)


@settings(max_examples=200, deadline=None)
@given(st.lists(BLOCK, min_size=1, max_size=40), st.lists(st.integers(3, 12), min_size=40, max_size=40))
def test_spaced_cuts_only_at_runs_and_keeps_every_word(blocks, gaps):
    line = "".join(block + " " * gap for block, gap in zip(blocks, gaps)).rstrip()
    out, cuts = spaced.split(["Title", line])
    assert out[0] == "Title"
    assert " ".join(out[1:]).split() == line.split()  # the words, in order
    if cuts:
        assert len(line.split()) >= spaced.MIN_WORDS and cuts >= spaced.MIN_RUNS
        assert out[1:] == blocks  # each block a line of its own
    assert spaced.split(out)[1] == 0  # the output has nothing left to cut


def test_spaced_leaves_tables_and_double_spaced_sentences():
    row = "Ashford       9-17        9-17        9-19        9-17        9-17        9-13"
    prose = "The winter timetable keeps every branch open.  Staff will answer questions.  " * 20
    assert spaced.split([row, prose]) == ([row, prose], 0)
