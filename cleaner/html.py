"""HTML input: trafilatura extracts the main text as lines; the same rules run after.

trafilatura is imported on first use, so plain-text cleaning never pays for it.
"""

from __future__ import annotations

import re
from typing import Any

_HTML_START = re.compile(r"\s*(<!--.*?-->\s*)*<(!doctype\s+html|html|head|body|meta|title|div|article|p)\b", re.I | re.S)
_TAG = re.compile(r"<(html|head|body|div|p|span|a|br|li|article|section|meta|script)\b[^>]*>", re.I)


def looks_like_html(text: str) -> bool:
    """Is this an HTML page or fragment rather than text that mentions a tag?

    >>> looks_like_html("<!DOCTYPE html><html><body><p>Hi</p></body></html>")
    True
    >>> looks_like_html("Use the <p> tag for paragraphs.")
    False
    """
    head = text[:4096]
    if _HTML_START.match(head):
        return True
    return len(_TAG.findall(head)) >= 8


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
