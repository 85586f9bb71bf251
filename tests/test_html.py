"""HTML input: the page as text, and the page's own main text where the extractor kept a sliver."""

from __future__ import annotations

import time

from hypothesis import given, settings
from hypothesis import strategies as st

from cleaner import Config
from cleaner import html as html_input
from cleaner.pipeline import SLIVER, process

PARAGRAPHS = [
    "The harbour ferry will run two boats from June, the port authority said on Tuesday, after queues "
    "of more than an hour formed at both piers on sunny weekends last year.",
    "The second boat is on loan from a lake operator in the north and seats ninety passengers, a few "
    "more than the ferry that has crossed the harbour since 2009.",
    "Tickets will cost the same, and season passes bought before June remain valid on both boats, the "
    "authority said, adding that crews would be hired from the town.",
    "Whether the second boat stays after September will depend on the numbers: the authority will count "
    "passengers on both boats every day and publish the figures at the end of the season.",
] * 3


def page(paragraphs: list[str]) -> str:
    menu = "".join(f"<li><a href='/{w}'>{w}</a></li>" for w in ("Home", "News", "Sport", "Weather"))
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (f"<!DOCTYPE html><html><head><title>Ferry</title><style>p {{color: red}}</style></head><body>"
            f"<nav><ul>{menu}</ul></nav><article><h1>Second ferry for the summer</h1>{body}</article>"
            f"<footer><p>Contact</p><p>Privacy</p></footer><script>track()</script></body></html>")


def test_page_text_is_one_block_a_line_without_code():
    text = html_input.page_text(page(PARAGRAPHS[:2]))
    lines = text.split("\n")
    assert lines[:4] == ["* Home", "* News", "* Sport", "* Weather"]
    assert PARAGRAPHS[0] in lines and PARAGRAPHS[1] in lines
    assert "track()" not in text and "color" not in text and "Ferry" not in lines  # script, style, <title>


def test_page_text_breaks_lines_at_br_and_joins_wrapped_text():
    assert html_input.page_text("<html><body><p>One\n  line<br>two<br/>three</p></body></html>") == \
        "One line\ntwo\nthree"


def test_page_text_of_deep_pages():
    """As deep as the parser nests (it drops deeper content; tests/test_reliability.py has the bomb)."""
    html = "<html><body>" + "<div><span>" * 100 + "<p>deep text</p>" + "</span></div>" * 100 + "</body></html>"
    assert html_input.page_text(html) == "deep text"
    html = "<html><body>" + "<div>" * 100_000 + "<p>deep text</p>" + "</div>" * 100_000 + "</body></html>"
    start = time.perf_counter()
    assert html_input.page_text(html) in ("", "deep text")
    assert time.perf_counter() - start < 10


def test_a_sliver_of_an_extraction_gives_way_to_the_page_main_text(monkeypatch):
    """The extractor kept one opening sentence of a long article: the page's main text is used."""
    monkeypatch.setattr(html_input, "extract", lambda html: ("Second ferry for the summer.", {"title": "Ferry"}))
    doc = process(page(PARAGRAPHS), Config(input="html"))
    assert all(p in doc.text() for p in PARAGRAPHS[:4])
    assert "Contact" not in doc.text() and "Home" not in doc.text()
    assert doc.extra["extraction"].startswith("page text: the extractor kept 24 of its")
    assert doc.extra["title"] == "Ferry"


def test_an_extraction_of_a_fair_share_is_kept(monkeypatch):
    """Two of twelve paragraphs are more than a sliver: the extractor's choice stands."""
    kept = "\n".join(PARAGRAPHS[:2])
    assert len(kept) >= SLIVER * len("\n".join(PARAGRAPHS))
    monkeypatch.setattr(html_input, "extract", lambda html: (kept, {}))
    doc = process(page(PARAGRAPHS), Config(input="html"))
    assert doc.text().strip() == kept and "extraction" not in doc.extra


def test_a_real_extraction_of_an_article_page_is_not_replaced():
    doc = process(page(PARAGRAPHS), Config(input="html"))
    assert PARAGRAPHS[0] in doc.text() and "extraction" not in doc.extra


TOKENS = ["<p>", "</p>", "<li>", "</li>", "<div>", "</div>", "<b>", "</b>", "<br>", "<script>", "</script>",
          "<style>", "</style>", "<scripts>", "</scripts>", "<!--", "-->", "<", ">", "a", "b c", " ", "\n",
          "&amp;", "&lt;", "\xa0", "é", "<ul>", "</ul>", "<title>", "</title>", "<noscript>", "</noscript>",
          "<?xml?>", "<!DOCTYPE html>", "< p>", "</ p>", "<1>", "<a href='x>y'>", "</a>", "<textarea>",
          "</textarea>", "<iframe>", "</iframe>", "<svg>", "</svg>", "<table>", "<td>", "<SCRIPT>", "</Script>"]


@settings(max_examples=1000, deadline=None)
@given(st.lists(st.sampled_from(TOKENS), max_size=60))
def test_the_cheap_bound_is_never_below_the_page_text(tokens):
    """visible_bound lets most pages skip page_text: it must not count less than page_text holds
    (on markup of these pieces; random character soup can defeat it, see its docstring)."""
    html = "<html><body>" + "".join(tokens) + "</body></html>"
    assert html_input.visible_bound(html) >= html_input.visible(html_input.page_text(html))
    assert len(html) >= html_input.visible_bound(html)  # so the page's length is a bound too (_unless_sliver)


def test_hidden_selects_what_no_reader_can_reveal():
    from lxml import html as lxml_html

    tree = lxml_html.fromstring(
        "<html><body><p>Shown.</p><p hidden>Spare copy.</p>"
        "<div style='color: red; Visibility : hidden'>Placeholder.</div>"
        "<span style='visibility:collapse'>Row.</span><p style='visibility: visible'>Seen.</p>"
        "<p hidden='Until-Found'>Answer.</p><p style='display:none'>Panel.</p></body></html>")
    assert [el.text for el in tree.xpath(html_input.HIDDEN)] == ["Spare copy.", "Placeholder.", "Row."]


def test_hidden_elements_leave_the_extraction_and_their_tails_stay():
    hidden = ("<div hidden><p>A spare copy of the opening paragraph kept for a script to swap in.</p></div>"
              "<p style='visibility: hidden'>A placeholder paragraph the page lays out and never shows.</p>"
              "The ferry <span hidden>(template)</span>crossing takes eleven minutes in calm weather, the "
              "authority said.")
    doc = process(page(PARAGRAPHS[:2] + [hidden] + PARAGRAPHS[2:]), Config(input="html"))
    assert "spare copy" not in doc.text() and "placeholder" not in doc.text()
    assert PARAGRAPHS[2] in doc.text() and "template" not in doc.text()
    assert "The ferry crossing takes eleven minutes" in doc.text()  # the hidden span's tail
    shown = process(page(PARAGRAPHS[:2] + [hidden.replace(" hidden>", ">").replace("visibility: hidden", "")]
                         + PARAGRAPHS[2:]), Config(input="html"))
    assert "spare copy" in shown.text() and "placeholder" in shown.text()  # the twin: shown, they stay
