"""HTML input: trafilatura extracts the main text as lines; the same rules run after.

trafilatura is imported on first use, so plain-text cleaning never pays for it.
"""

from __future__ import annotations

import re
from typing import Any

# A comment's body may not run past its own "-->" (a lazy ".*?" could, and then a run of
# empty comments before a non-HTML character backtracks exponentially); a tag may not
# contain "<" (with "[^>]*" a run of "<a<a<a..." without ">" was quadratic). The first tag
# must be complete and page-level (doctype, html, head, body): text that merely starts with
# "<P>" is text (else cleaning "0\n<P>" gave "<P>", and cleaning that again, sniffed as
# HTML, gave ""). A fragment without a page-level start must open with a tag and hold
# eight in its head: prose that quotes markup (an article about HTML) is text.
_HTML_START = re.compile(
    r"\s*(?:<!--(?:[^-]|-(?!->))*-->\s*)*<(!doctype\s+html|html|head|body)\b[^<>]*>",
    re.I)
_TAG = re.compile(r"<(html|head|body|div|p|span|a|br|li|article|section|meta|script)\b[^<>]*>", re.I)


def looks_like_html(text: str) -> bool:
    """Is this an HTML page or fragment rather than text that mentions a tag?

    >>> looks_like_html("<!DOCTYPE html><html><body><p>Hi</p></body></html>")
    True
    >>> looks_like_html("Use the <p> tag for paragraphs."), looks_like_html("<P>")
    (False, False)
    >>> looks_like_html("<h1>Title</h1>" + "<p>Text</p>" * 8)
    True
    >>> looks_like_html("Testing your code? Here is the page:" + "<p>Text</p>" * 8)
    False
    """
    head = text[:4096]
    if _HTML_START.match(head):
        return True
    return head.lstrip().startswith("<") and len(_TAG.findall(head)) >= 8


#: Elements whose text is never page text: code, styling, embedded documents, form controls.
_SKIP = frozenset({"script", "style", "noscript", "template", "head", "title", "svg", "math", "iframe", "object",
                   "select", "option", "button", "textarea", "input"})
#: Elements that start and end a block of text: each becomes its own line.
_BLOCKS = frozenset({"p", "div", "section", "article", "header", "footer", "nav", "aside", "main", "ul", "ol",
                     "li", "h1", "h2", "h3", "h4", "h5", "h6", "table", "thead", "tbody", "tfoot", "tr", "td",
                     "th", "caption", "blockquote", "pre", "figure", "figcaption", "dl", "dt", "dd", "br", "hr",
                     "address", "details", "summary", "form", "fieldset", "legend", "label", "center"})
_SPACES = re.compile(r"\s+")


def page_text(html: str) -> str:
    r"""The whole page as text, one block a line, list items bulleted: what a scraper's
    text dump of the page would hold (menus, sidebars and footers included).

    >>> page_text("<html><body><nav><a href='/'>Home</a></nav><h1>Title</h1>"
    ...           "<p>One <b>bold</b>\n word.</p><ul><li>a</li><li>b</li></ul><script>x()</script></body></html>")
    'Home\nTitle\nOne bold word.\n* a\n* b'
    """
    from lxml import etree
    from trafilatura.utils import load_html

    tree = load_html(html)
    if tree is None:
        return ""
    body = tree.find("body")
    lines: list[str] = []
    run: list[str] = []

    def flush() -> None:
        line = _SPACES.sub(" ", "".join(run)).strip()
        if line and line != "*":
            lines.append(line)
        run.clear()

    # Walked, not recursed: a page may nest deeper than Python's recursion limit.
    walker = etree.iterwalk(body if body is not None else tree, events=("start", "end"))
    for event, el in walker:
        tag = el.tag if isinstance(el.tag, str) else None  # comments and processing instructions: None
        if event == "start":
            if tag in _SKIP:
                walker.skip_subtree()
            elif tag is not None:
                if tag in _BLOCKS:
                    flush()
                    if tag == "li":
                        run.append("* ")
                if el.text:
                    run.append(el.text)
            continue
        if tag in _BLOCKS:
            flush()
        if el.tail:
            run.append(el.tail)
    flush()
    return "\n".join(lines)


def visible(text: str) -> int:
    """How many characters of ``text`` are not white space.

    >>> visible("  a b  c ")
    3
    """
    return sum(map(len, text.split()))


def visible_bound(html: str) -> int:
    """At least :func:`visible` of :func:`page_text`, counted without parsing: the characters
    outside tags, scripts and style sheets (entities, comments and other hidden elements
    counted as well; a "<" that opens no tag, and what follows a tag left open, count as
    text), and one for each list item's bullet. One pass over the page, to spare most
    pages a second parse.

    It is an upper bound for the markup tests/test_html.py generates (tags, stray "<" and
    ">", comments, raw-text elements); on badly broken markup the parser's error recovery
    may read more text than this counts, and then the page simply keeps its extraction.

    >>> page = "<html><body><p>One <b>bold</b> word.</p><script>var x = '<p>';</script></body></html>"
    >>> visible_bound(page), visible(page_text(page))
    (12, 12)
    """
    pieces = html.split("<")
    text = [pieces[0]]  # what counts, measured once at the end
    extra, hidden, raw, loose = 0, "", "", False  # extra: the "<" read as text, and the bullets
    for piece in pieces[1:]:
        if loose:  # after a tag without ">", the parser's reading is anyone's guess: count it all
            text.append(piece)
            extra += 1
            loose = ">" not in piece
            continue
        name = _TAG_NAME.match(piece)
        tag = name.group(0).lower() if name else ""
        if hidden:  # inside a script or style sheet: nothing counts until it closes
            if tag != hidden:
                continue
            hidden = ""  # and the text after the closing tag counts, below
        if raw and tag != raw:  # inside a title or text area: even "<p>" is text, count it all
            text.append(piece)
            extra += 1
            continue
        raw = ""
        end = piece.find(">")
        if not tag or end < 0:  # "a < b" or a tag left open: counted as text
            text.append(piece)
            extra += 1
            loose = bool(tag)
            continue
        if tag in ("script", "style"):
            hidden = "/" + tag
            continue
        if tag in _RAW_TEXT:
            raw = "/" + tag
        text.append(piece[end + 1:])
        extra += tag == "li"  # the bullet page_text gives a list item
    return visible(" ".join(text)) + extra


#: Elements whose content the parser reads as text, tags and all, up to their closing tag.
_RAW_TEXT = frozenset({"title", "textarea", "xmp", "iframe", "noembed", "noframes", "plaintext"})
#: What may follow "<" for the parser to read a tag, a closing tag, a comment or a declaration.
_TAG_NAME = re.compile(r"/?[A-Za-z][A-Za-z0-9:-]*|[!?]")


def extract(html: str) -> tuple[str, dict[str, Any]]:
    """The main text of a page, one block a line, and what trafilatura read of its metadata
    (trafilatura extracts the text without the elements :data:`HIDDEN` selects; it reads the
    metadata before it prunes them)."""
    import trafilatura

    doc = trafilatura.bare_extraction(
        html,
        output_format="python",
        include_comments=False,
        include_tables=True,
        include_images=False,
        include_links=False,
        with_metadata=True,
        deduplicate=False,
        favor_recall=False,
        # trafilatura prunes its own tree: a tree parsed here would cost it a copy
        prune_xpath=HIDDEN if _may_hide(html) else None,
    )
    if doc is None:
        return "", {}
    doc = doc.as_dict() if hasattr(doc, "as_dict") else dict(doc)
    text = doc.get("text") or ""
    meta = {k: doc.get(k) for k in ("title", "author", "date", "sitename", "url", "language") if doc.get(k)}
    if meta.get("language"):
        meta["lang"] = str(meta.pop("language")).split("-")[0].lower()
    return text, meta


#: Where an element may be hidden for good: a ``hidden`` attribute (or a class named "hidden": this
#: only spares the XPath where nothing can match), a hiding style. Each starts with its literal,
#: which the regex engine finds at the speed of a substring search (a case-insensitive scan
#: that parsed every tag cost 3% of trafilatura's time); upper-case markup is caught by name.
_SCAN_HIDDEN_ATTR = re.compile(r"hidden(?<=\shidden)(?=[\s>=/])")
_SCAN_HIDING_STYLE = re.compile(r"visibility\s*:\s*(?:hidden|collapse)")


def _may_hide(html: str) -> bool:
    """Could the page hold an element :data:`HIDDEN` selects? (No false "no" on markup
    written in lower or upper case.)

    >>> _may_hide('<p hidden>x</p>'), _may_hide('<DIV HIDDEN>'), _may_hide('<p class="hidden-xs">x</p>')
    (True, True, False)
    """
    return ("HIDDEN" in html or "VISIBILITY" in html or _SCAN_HIDDEN_ATTR.search(html) is not None
            or _SCAN_HIDING_STYLE.search(html) is not None)


_UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
#: The style attribute lower-cased, white space taken out, after a ";": XPath 1.0 has no
#: regular expressions, and a declaration is found as ";visibility:hidden" in it.
_STYLE = f"concat(';', translate(@style, '{_UPPER} \t\r\n', '{_UPPER.lower()}'))"
#: The elements of the page's body that are hidden for good: those with the ``hidden``
#: attribute (the page says they are not relevant) or styled ``visibility: hidden`` (or
#: ``collapse``). Their text is no text a reader sees (a duplicate of the article kept for
#: scripts, a template, a placeholder), and trafilatura would take it; it prunes them
#: (``prune_xpath``) and keeps their tails.
#:
#: ``display: none`` is left alone, and so is ``hidden="until-found"``: accordions, tabs
#: and "read more" panels hide their text that way until a click shows it, and the text
#: is the page's (an FAQ's answers, a product's details).
#: (tests/test_html.py: test_hidden_*.)
HIDDEN = ("//body//*[@hidden][translate(normalize-space(@hidden), 'UNTILFOD', 'untilfod') != 'until-found']"
          f" | //body//*[@style][contains({_STYLE}, ';visibility:hidden') or contains({_STYLE}, ';visibility:collapse')]")
