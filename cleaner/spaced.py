"""Blocks a dumper ran together on one line with runs of spaces between them, given their line breaks back.

A scraper that takes a page's text nodes as they are (BeautifulSoup's ``get_text()``)
writes the white space between the elements too. Where the page's source has no line
breaks but indents its markup with spaces, the whole page comes out as one line of
thousands of words, its blocks parted by runs of spaces: "...on distant moon        Skip
to content      HI NOW Tributes Jobs      News     LIVE     Weather ...". No rule can
judge a line that is a menu, an article and a footer at once, and the spaces that told
them apart are gone once white space is normalised. So, before that, such a line is
cut at every run of :data:`MIN_RUN` spaces or more, and each piece becomes a line.

Only a line of :data:`MIN_WORDS` words or more with :data:`MIN_RUNS` such runs is
cut: a table row laid out in columns by a text browser, or a sentence with two spaces
after its full stop, is far shorter or has none. The words stay as they were; the
output has line breaks where the runs were, so cleaning it again finds nothing to cut.
"""

from __future__ import annotations

import re

#: Spaces (tabs, no-break spaces) in a row that part two blocks.
MIN_RUN = 3
#: The shortest line (in words) that is cut: a page run into one line, not a table row.
MIN_WORDS = 120
#: Runs a line needs before it is taken for blocks run together.
MIN_RUNS = 4

_RUN = re.compile(r"[ \t\u00a0]{%d,}" % MIN_RUN)


def split(lines: list[str]) -> tuple[list[str], int]:
    """The lines with every long line of blocks run together cut at its runs of spaces, and how
    many cuts; the same list, and 0, where no line is such.

    >>> page = "   Skip to content    Home   News   Sport      " + "The council met on Monday to vote. " * 30
    >>> out, cuts = split(["Title", page])
    >>> out[:5], cuts
    (['Title', 'Skip to content', 'Home', 'News', 'Sport'], 4)

    A table row in columns, or a short line, stays whole:

    >>> split(["Name     Age     City     Country", "One.   Two.   Three.   Four.   Five."])[1]
    0
    """
    out: list[str] = []
    cuts = 0
    for line in lines:
        if len(line) < MIN_WORDS * 2 or "   " not in line and "\t" not in line and "\u00a0" not in line:
            out.append(line)  # most lines: too short to hold a page, or no run
            continue
        pieces = _RUN.split(line.strip(" \t\u00a0"))  # runs at the ends are indentation
        if len(pieces) - 1 < MIN_RUNS or len(line.split()) < MIN_WORDS:
            out.append(line)
            continue
        out.extend(pieces)
        cuts += len(pieces) - 1
    return (out, cuts) if cuts else (lines, 0)
