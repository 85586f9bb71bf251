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


def extract(html: str) -> tuple[str, dict[str, Any]]:
    """The main text of a page, one block a line, and what trafilatura read of its metadata."""
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
    )
    if doc is None:
        return "", {}
    doc = doc.as_dict() if hasattr(doc, "as_dict") else dict(doc)
    text = doc.get("text") or ""
    meta = {k: doc.get(k) for k in ("title", "author", "date", "sitename", "url", "language") if doc.get(k)}
    if meta.get("language"):
        meta["lang"] = str(meta.pop("language")).split("-")[0].lower()
    return text, meta
