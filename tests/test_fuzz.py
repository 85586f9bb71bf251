"""Fuzzing with hypothesis: never raises, idempotent, deletion-only, deterministic across processes.

The number of examples comes from the hypothesis profile (``tests/conftest.py``):
2,000 per property, derandomised, under ``CI=true`` (or ``HYPOTHESIS_PROFILE=ci``);
hypothesis' default elsewhere. The atheris target in ``fuzz/`` covers the
decode-repair-normalise path with coverage guidance (``make fuzz``).
"""

from __future__ import annotations

import base64
import json
import os
import subprocess
import sys
import unicodedata

import pytest
from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st

from cleaner import Config, clean, clean_and_explain
from cleaner.document import input_lines
from cleaner.html import looks_like_html
from cleaner.pipeline import prepare

# No max_examples here: it is the profile's (2,000 in CI).
FUZZ = settings(deadline=None, suppress_health_check=list(HealthCheck))

#: Every code point, surrogates and private use included.
ANY_CHAR = st.characters(exclude_categories=())
ANY_TEXT = st.text(ANY_CHAR, max_size=300)

_piece = st.one_of(
    st.text(ANY_CHAR, max_size=40),
    st.sampled_from(["Share", "Advertisement", "Read more", "Related", "11:21 GMT 14 August 2020",
                     "(618)", "Tags: a, b, c", "By Jane Doe", "Photo: AP", "\u00a0", "\u200b", "&amp;",
                     "CafÃ©", "Community standardsDiscussion", "Series Title (3)", "\r\n", "\n\n", "\r",
                     "<p>", "<!-- x -->", "\ufeff", "\x00", "\u2028", "Â\xa0", "&#10;", "Politics, Geneva, Diplomacy"]),
    st.from_regex(r"[A-Z][a-z]{2,9}( [a-z]{1,9}){5,15}\.", fullmatch=True),
    st.from_regex(r"[A-Z][a-z]{2,9}( [A-Z][a-z]{1,9}){1,6}", fullmatch=True),
)
#: Documents that look like pages: lines of prose, chrome, odd characters and junk.
DOCUMENTS = st.lists(_piece, max_size=30).map("\n".join)
#: What reaches the cleaner from a file: any bytes, or a document in some encoding.
RAW = st.one_of(
    st.binary(max_size=2000),
    st.tuples(DOCUMENTS, st.sampled_from(["utf-8", "utf-16", "cp1252", "latin-1", "utf-8-sig"])).map(
        lambda d: d[0].encode(d[1], errors="replace")),
)


@FUZZ
@given(RAW)
def test_never_raises_on_arbitrary_bytes(data):
    assert isinstance(clean(data), str)


@FUZZ
@given(st.one_of(ANY_TEXT, DOCUMENTS))
def test_never_raises_on_arbitrary_str(text):
    assert isinstance(clean(text), str)


def _html_sniff_flips(text: str, once: str) -> bool:
    """Text whose first line hid an HTML start ("0\\n<html>"): the output is sniffed as HTML."""
    return not looks_like_html(text) and looks_like_html(once)


@FUZZ
@given(st.one_of(DOCUMENTS, ANY_TEXT))
# Six title-like lines above the body: blocks.headline took one a round, five in all, and a
# second clean took the sixth (it now judges the run at once).
@example("0:0:A\n0:0:A\n0:0:A\n0:0:A\n0\t0\u00bf\x88\n0\x800\u00bf0\n0:0:0:0:0:A.")
def test_idempotent(text):
    once = clean(text)
    assume(not _html_sniff_flips(text, once))  # the known failure pinned below
    assert clean(once) == once


@pytest.mark.xfail(strict=True, reason="known: HTML is sniffed from the start of the input, and removing a "
                   "first line can expose an HTML start; fixing it changes 5 bench documents (see the note)")
def test_idempotent_when_a_removed_first_line_hid_html():
    once = clean("0\n<html>")  # found by test_idempotent under the ci profile (as "0\n<P>",
    # which is text since HTML needs a page-level start; the class remains for page-level tags)
    assert clean(once) == once


#: Inputs the atheris target (``make fuzz``) found: a repaired line separator (cp1252 "â€¨")
#: split a line, and ftfy, shown the new lines alone, would still change one of them.
ATHERIS_FOUND = [b'\xd5 \x85e\xe2\x80\xa8f\x1f#02A\x80\xa8\x7f', b' \x85\x00\x00\x00\x00\x00\x00e\xe2\x80\xa8f\x1f[\x00&#05\x1cd\x85e\xe2\x80\xa8f\xebd\x85e\xe2\x80\xa8f\x80\xa8f\x1f[\x00\x00\x00\x000m\x7f[0m\x7f\x00\x00',
                 # hypothesis: two pieces that rejoin puts together read as mojibake only together
                 "\x8a\x91\x1e\x8a\x91".encode("utf-8"),
                 # cp1252 mojibake of a zero-width space nested in itself: each round of repair and
                 # normalisation peels one layer ("â€‹" around "â€‹"), three rounds were not enough
                 b'\xad\xe2\x8d\xe2\x80\x8b\xad\xe2\x8d\xe2\x80\x8b\x80\x8b\x80\x8b',
                 b'\x8d\xad\xe2\x8d\xe2\xad\xe2\x8d\xe2\xad\x80\x8b\x80\x8b\xad\x80\x8b\x80\x8b',
                 # rejoin completed an entity ("&#10" + ";%"), repair made it a line break, and
                 # rejoin, run again on the output, joined the new line back ("%" goes on)
                 b"\x93\xa0)\x00\x1c'\x8b&#10\x1c;%\x8b\x1c\xac\xc2\xa0)"]


def _prepared_text(data) -> str:
    """The prepared lines as the output writes them: a glued piece runs on from the line before."""
    return "\n".join(input_lines(prepare(data, Config(input="text")).lines))


@pytest.mark.parametrize("data", ATHERIS_FOUND)
def test_idempotent_on_inputs_atheris_found(data):
    once = clean(data)
    assert clean(once) == once
    prepared = _prepared_text(data)
    assert _prepared_text(prepared) == prepared


@FUZZ
@given(st.one_of(DOCUMENTS, ANY_TEXT))
def test_deletion_only(text):
    """Output lines are prepared input lines, in order (a kept piece glued to the kept line
    before it runs on from it); kept + removed rebuild the input."""
    result = clean_and_explain(text)
    prepared = [line.text for line in prepare(text, Config()).lines]
    assert [line.text for line in result.lines] == prepared
    kept: list[str] = []
    after_kept = False
    for line in result.lines:
        if line.removal is None and line.text:
            if line.glued and after_kept:
                kept[-1] += line.text
            else:
                kept.append(line.text)
        after_kept = line.removal is None and bool(line.text)
    assert [l for l in result.text.split("\n") if l] == kept


# ---------------------------------------------------------------------------
# Every Unicode general category


CATEGORIES = sorted({unicodedata.category(chr(c)) for c in range(0x110000)})


def test_all_categories_are_covered():
    assert len(CATEGORIES) == 30 and "Cs" in CATEGORIES and "Cn" in CATEGORIES


@pytest.mark.parametrize("category", CATEGORIES)
@settings(FUZZ, max_examples=60)
@given(data=st.data())
def test_every_unicode_category(category, data):
    """Text of one category, mixed with prose and line breaks: cleaned, idempotent."""
    chars = st.characters(categories=[category])
    text = data.draw(st.lists(st.one_of(st.text(chars, min_size=1, max_size=20),
                                        st.sampled_from(["\n", " ", "The vote was held on Monday evening."])),
                              max_size=12).map("".join))
    once = clean(text)
    assert clean(once) == once
    assert isinstance(clean(text.encode("utf-8", "surrogatepass")), str)


# ---------------------------------------------------------------------------
# Determinism across processes: two long-lived interpreters with different hash seeds

_SERVER = r"""
import base64, json, sys
from cleaner import clean
for line in sys.stdin:
    msg = json.loads(line)
    data = base64.b64decode(msg["b"]) if "b" in msg else msg["s"]
    sys.stdout.write(json.dumps(clean(data)) + "\n")
    sys.stdout.flush()
"""


class Server:
    def __init__(self, seed: str):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        self.proc = subprocess.Popen([sys.executable, "-c", _SERVER], stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE, env=env, text=True, encoding="utf-8")

    def clean(self, data: str | bytes) -> str:
        msg = {"b": base64.b64encode(data).decode()} if isinstance(data, bytes) else {"s": data}
        self.proc.stdin.write(json.dumps(msg) + "\n")  # ensure_ascii: surrogates travel escaped
        self.proc.stdin.flush()
        return json.loads(self.proc.stdout.readline())

    def close(self) -> None:
        self.proc.stdin.close()
        self.proc.wait(30)


@pytest.fixture(scope="module")
def servers():
    pair = [Server("1"), Server("2024")]
    yield pair
    for s in pair:
        s.close()


@FUZZ
@given(data=st.one_of(DOCUMENTS, ANY_TEXT, RAW))
def test_deterministic_across_processes(servers, data):
    here = clean(data)
    assert servers[0].clean(data) == here
    assert servers[1].clean(data) == here
