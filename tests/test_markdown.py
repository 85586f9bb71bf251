"""Markdown syntax is reduced to its text only where the text is Markdown (cleaner.markdown)."""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cleaner import Cleaner, Config
from cleaner.markdown import is_markdown, strip

SETTINGS = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])

_words = st.from_regex(r"[A-Za-z]{1,10}( [A-Za-z]{1,10}){0,4}", fullmatch=True)
_url = st.from_regex(r"(https://example\.org)?/[a-z0-9\-]{1,20}(/[a-z0-9\-]{1,20}){0,3}", fullmatch=True)


@SETTINGS
@given(st.lists(st.tuples(_words, _words, _url, st.booleans()), min_size=1, max_size=10))
def test_links_keep_their_text_and_images_go(parts):
    markdown, plain = [], []
    for before, label, url, image in parts:
        markdown.append(f"{before} {'!' if image else ''}[{label}]({url})")
        plain.append(f"{before} {'' if image else label}")
    text, n = strip("\n".join(markdown))
    assert n == len(parts)
    assert re.findall(r"\w+", text) == re.findall(r"\w+", "\n".join(plain))


def test_only_markdown_is_touched():
    notes = "Table [2](a) differs; the spelling is theirs [sic](b).\nsurvey_round_id and __all__ stay."
    assert not is_markdown(notes)
    assert Cleaner().clean(notes) == notes
    page = "* [Home](/)\n* [News](/news)\n\nThe ferry runs [every hour](/timetable) in _winter_, the port said."
    assert is_markdown(page)
    assert Cleaner().clean(page).endswith("The ferry runs every hour in winter, the port said.")
    assert "[every hour](/timetable)" in Cleaner(Config(markdown=False)).clean(page)


def test_what_html2text_writes_around_links_is_reduced_too():
    # A citation's link holds brackets; html2text escapes brackets in alt text and quotes in
    # titles; a blog's "related posts" widget puts a long excerpt, line breaks and all, in the title.
    excerpt = "\n".join(["Every spring the river floods the lower fields for a week or two."] * 6)
    text, n = strip(f'Time loops recur.[[76]](https://en.wikipedia.org/wiki/Loops#cite_note-76)\n'
                    f'[![\\[ up \\]](../compass.gif)](../)\n'
                    f'* [Floods again](https://example.blogspot.com/2019/05/floods.html "{excerpt}")\n'
                    f'* [Say \\"when\\"](/when "The \\"when\\" question")')
    assert text == 'Time loops recur.[76]\n\n* Floods again\n* Say \\"when\\"'
    assert n == 5


@pytest.mark.parametrize("repair", [True, False])
def test_an_image_taken_out_of_a_link_leaves_no_double_space(repair):
    # The space after the image stays beside the item's bullet; cleaning the output again
    # collapsed it, so the first clean must (found on html2text dumps: 169 of 666 pages).
    text = ("* [![](/icons/a.png) Speak Freely](/blog/speak)\n* [![](/icons/b.png) Free Future](/blog/future)\n"
            "* [![](/icons/c.png) People Power](/blog/people)\n\n"
            "The blog posts below were written by our staff attorneys over the last year and a half.")
    cleaner = Cleaner(Config(unwrap=False, repair=repair))  # --no-repair still normalises
    once = cleaner.clean(text)
    assert "  " not in once
    assert cleaner.clean(once) == once
