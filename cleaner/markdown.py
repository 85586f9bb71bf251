"""Markdown link, image, heading and emphasis syntax reduced to the text a reader sees.

html2text and the crawlers that hand pages to language models write Markdown:
``[Home](/)``, ``![logo](https://.../logo.png)``, ``## Related``, ``_emphasis_``.
The link targets are not wording, and they make a menu item look like a long line
of tokens; a heading mark hides a headline from the rules; an underscore sticks to
the word it emphasises. So where a text shows that it is Markdown (:data:`MIN_LINKS`
links or images or more), each link becomes its text, each image goes, and heading
and emphasis marks come off; nothing else changes.
"""

from __future__ import annotations

import re

#: Links and images that show a text is Markdown (a stray "[1](2)" does not).
MIN_LINKS = 3

# A link target: no spaces (but a line break after a hyphen, where a wrapping dumper broke
# a long URL, or the space that unwrapping put there), backslash escapes, parentheses one
# deep, perhaps a "title" (html2text's may be a long excerpt, line breaks and escaped quotes in it).
_TARGET = r"\((?:[^()\s\\]|\\[^\s]|-\s|\([^()\s]*\))*(?:\s+\"(?:[^\"\\]|\\.){0,2000}\")?\)"
#: A link's text or an image's alt: brackets escaped ("\\[ up \\]") or one deep ("[[76]]", a
#: citation's link); each piece starts with a different character, so the scan stays linear.
#: Up to 1,000 pieces: a teaser card's link holds its headline and summary, 500 characters and more.
_TEXT = r"(?:[^\[\]\\]|\\[^\n]|\[[^\[\]\n\\]{0,300}\]){0,1000}"
#: ``![alt](src)``: an image; the alt text is a description for those who cannot see it, not body.
#: An inline ``data:`` image may hold spaces and quotes (SVG markup): it runs to the first ")".
_IMAGE = re.compile(r"(?<!\\)!\[" + _TEXT + r"\](?:\(data:[^)\n]*\)|" + _TARGET + ")")
#: ``[text](target)``: a link; its text stays (a wrapped one may span two lines). An escaped
#: "\\[" opens none (else a run of them would each start a scan of the ones after).
_LINK = re.compile(r"(?<!\\)\[(" + _TEXT + r")\]" + _TARGET)
#: ``<https://...>``: an autolink.
_AUTOLINK = re.compile(r"<(?:https?|ftp|mailto):[^>\s]*>")
#: ``# Heading`` marks at the start of a line.
_HEADING = re.compile(r"^[ \t]*#{1,6}[ \t]+", re.MULTILINE)
#: ``**strong**`` and ``_emphasis_``, between non-word characters (snake_case and __dunder__
#: names are left alone); either may run over a line break where the text was wrapped.
_STRONG = re.compile(r"\*\*(?=\S)([^*]{1,300}?)(?<=\S)\*\*")
_UNDERSCORES = re.compile(r"(?<!\w)_(?=[^_\s])([^_]{1,300}?)(?<=\S)_(?!\w)")
#: An emphasis of nothing: html2text writes an empty ``<strong>`` as "****" and an empty ``<em>``
#: as "__" (an icon's element: "__ Share", "* ****Download"); not a word's stars ("f****"), nor
#: a name's underscores ("__init__", "__name__").
_EMPTY_MARKS = re.compile(r"(?<![\w*])(?:\*\*\*\*)+(?!\*)|(?<!\w)(?:__)+(?![\w_]*__)(?!_)")


def is_markdown(text: str) -> bool:
    """Does the text hold :data:`MIN_LINKS` Markdown links or images or more?

    >>> is_markdown("* [Home](/)\\n* [News](/news)\\n* [Contact](/contact)")
    True
    >>> is_markdown("See [1](2) for details.")
    False
    """
    if "](" not in text:
        return False
    return sum(1 for _ in zip(range(MIN_LINKS), _LINK.finditer(text))) >= MIN_LINKS


def _without_empty_marks(line: str) -> str:
    """The line without :data:`_EMPTY_MARKS`, where it holds words besides them; a line of marks
    alone stays as it is, a short line for the rules to weigh (an icon row, a button)."""
    if "__" not in line and "****" not in line:
        return line
    bare = _EMPTY_MARKS.sub("", line)
    return bare if bare.strip(" *-+") else line


def strip(text: str) -> tuple[str, int]:
    """The text with links reduced to their text, images and autolinks removed, and heading
    and emphasis marks taken off; and how many links and images there were.

    >>> strip("## Read [the report](https://example.org/r.pdf \\"PDF\\") and _see_ ![chart](c.png) **now**.")
    ('Read the report and see  now.', 2)
    >>> card = "[ Bridge to close " + "while engineers replace the deck " * 12 + "2H ago ](/news/bridge)"
    >>> strip(card)[0].endswith("the deck 2H ago "), strip(card)[1]
    (True, 1)
    >>> strip("[![logo](/logo.png)](/)"), strip("[More](/blog/a-little-more-\\nobsessed) here")
    (('', 2), ('More here', 1))
    >>> strip("![](data:image/svg+xml;utf8,<svg viewBox='0 0 24 24'></svg>)")
    ('', 1)
    >>> strip("my_variable and __init__ stay, as does a # in a line")
    ('my_variable and __init__ stay, as does a # in a line', 0)

    Emphasis of nothing (an icon's element) goes from a line with words; a word's stars stay,
    and so does a line of such marks alone:

    >>> strip("* ****Download __ Share ______Follow, and f**** or if __name__ == '__main__':\\n* __")
    ("* Download  Share Follow, and f**** or if __name__ == '__main__':\\n* __", 0)
    """
    text, images = _IMAGE.subn("", text)
    text, links = _unlinked(text, r"\1")
    text = _AUTOLINK.sub("", text)
    text = _HEADING.sub("", text)
    if "__" in text or "****" in text:
        text = "\n".join(map(_without_empty_marks, text.split("\n")))
    text = _STRONG.sub(r"\1", text)
    text = _UNDERSCORES.sub(r"\1", text)
    return text, images + links


#: What may stand before a line's links: a list bullet.
_BULLET = frozenset({"", "*", "+", "-"})


def linked_lines(lines: list[str]) -> frozenset[str]:
    """The texts (as :func:`strip` leaves them, each run of spaces one space) of the lines that are
    links and nothing else: one link, or several in a row (a row of teaser cards, each an image,
    a headline and a summary inside one link, as Markdown converters write them unwrapped onto
    one line).

    >>> sorted(linked_lines(["* [Storm closes the coast road](/a)", "Read [the report](/r) today.", "[Home](/)"]))
    ['* Storm closes the coast road', 'Home']
    >>> sorted(linked_lines(["[ ![](/i.jpg) Ferry adds a winter timetable ](/f) [ Bridge to close ](/b)"]))
    ['Ferry adds a winter timetable Bridge to close']
    """
    texts = (" ".join(strip(line)[0].split()) for line in lines if "](" in line and _links_only(line))
    return frozenset(filter(None, texts))


#: Links inside links at most this deep are reduced (html2text writes an anchor inside an anchor as
#: "[summary [More…](/a)](/a)"; the outer link's text is too long to match until the inner one goes).
LINK_DEPTH = 3


def _unlinked(text: str, replacement: str) -> tuple[str, int]:
    """The text with its links replaced (``r"\\1"``: by their text), those inside links first, and
    how many there were.

    >>> target = "(/news/" + "a-long-slug-" * 10 + ".html)"
    >>> text, n = _unlinked("[" + "The council voted late on Tuesday. " * 6 + "[More…]" + target + "]" + target, r"\\1")
    >>> text[-40:], n
    ('The council voted late on Tuesday. More…', 2)
    """
    text, links = _LINK.subn(replacement, text)
    for _ in range(LINK_DEPTH - 1):
        if not links or "](" not in text:
            break
        text, more = _LINK.subn(replacement, text)
        if not more:
            break
        links += more
    return text, links


def _links_only(line: str) -> bool:
    """Is the line links and nothing else, images inside or beside them aside (taken off first, as
    :func:`strip` does: a card's image and long summary would outrun a link's text)?"""
    rest, links = _unlinked(_IMAGE.sub("", line), "")
    return links > 0 and rest.strip() in _BULLET
