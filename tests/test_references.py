"""A text browser's link numbers and reference list (cleaner/references.py)."""

from __future__ import annotations

import shutil
import subprocess

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cleaner import Cleaner, clean_and_explain, references

PARAGRAPH = ("The council approved the new harbour budget on Monday evening, after a debate "
             "that ran for most of the afternoon and ended with a narrow vote.")

PAGE = f"""<html><head><title>Harbour</title></head><body>
<ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li></ul>
<p>{PARAGRAPH.replace("budget", '<a href="/budget">budget</a>')}</p>
<p>{PARAGRAPH.replace("debate", '<a href="/debate">debate</a>')}</p>
<p><a href="/privacy">Privacy</a> <a href="/terms">Terms</a></p>
</body></html>"""


@pytest.mark.skipif(shutil.which("lynx") is None, reason="lynx is not installed (apt install lynx)")
def test_a_real_lynx_dump_loses_its_numbers_and_list_and_keeps_its_body():
    dump = subprocess.run(["lynx", "-dump", "-stdin", "-force_html", "-display_charset=utf-8"],
                          input=PAGE.encode(), capture_output=True, check=True).stdout.decode()
    assert "[4]" in dump and "References" in dump  # lynx writes what this module expects
    result = clean_and_explain(dump)
    words = " ".join(result.text.split())  # lynx wrapped the paragraphs; a page this short shows no width
    assert words.count(PARAGRAPH) == 2
    assert "[" not in words and "References" not in words and "file:" not in words
    assert any(r.step == "references" for r in result.repairs)


def test_markdown_off_keeps_the_numbers():
    text = "\n".join(["[1]Home [2]News", f"{PARAGRAPH} [3]More", "", "References", "",
                      "1. https://x.example/", "2. https://x.example/news", "3. https://x.example/more"])
    assert "[3]More" in Cleaner(markdown=False).clean(text)
    assert "[3]" not in Cleaner().clean(text)


_WORDS = st.sampled_from(["the", "council", "vote", "harbour", "Monday", "said", "budget", "and"])


@given(st.lists(st.tuples(st.lists(_WORDS, min_size=1, max_size=12), st.sampled_from([".", ",", ";", ""])),
                min_size=1, max_size=12),
       st.integers(min_value=3, max_value=12))
def test_citations_before_a_space_or_stop_are_never_taken_for_link_numbers(sentences, sources):
    """A text whose numbered citations ("harbour [2].") all stand before a space or a stop, above a
    numbered list of its sources, is left exactly as it is."""
    body = " ".join(f"{' '.join(words)} [{n}]{stop}" for n, (words, stop) in enumerate(sentences, 1))
    lines = [body, "", "Sources", *[f"{n}. https://source.example/{n}" for n in range(1, sources + 1)]]
    assert references.strip(lines) == (lines, 0)


@given(st.text(alphabet=st.sampled_from("[]0123456789. \nabc:/ReferncsHid"), max_size=300))
def test_strip_never_adds_text_and_takes_out_only_numbers_and_the_list(text):
    lines = text.split("\n")
    out, n = references.strip(lines)
    if n == 0:
        assert out == lines
    else:
        start = references.list_start(lines)
        assert start is not None
        kept = "\n".join(out)
        assert len(kept) < len("\n".join(lines[:start]))
        assert set(kept) <= set("\n".join(lines[:start]))
