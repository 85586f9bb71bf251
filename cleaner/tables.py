"""Tables a dumper wrote one cell to a line, found so that their cells are judged as data.

A dumper that ends a line at every element (BeautifulSoup's ``get_text("\\n")``,
``get_text()`` on a pretty-printed page) writes a table as a column of cells:
"1", "Kyle Busch", "5040", "5", ... To the line rules a lone number is a counter
and a name is a menu item; the whole table goes. In such a column the rows
repeat: every row has a number where the row above has one. :func:`cell_runs`
finds runs of short lines whose shapes (a number, or a few words) repeat with a
period of :data:`MIN_COLUMNS` to :data:`MAX_COLUMNS` lines for at least
:data:`MIN_ROWS` rows, each row holding at least :data:`MIN_NUMBERS` numbers and
a word cell. The pipeline spares those lines the line rules and weighs them as
data (neutral) in the main-text cut. A menu or a pager has no such rows: no
numbers, or nothing but numbers.
"""

from __future__ import annotations

import re

MIN_COLUMNS, MAX_COLUMNS = 3, 12
MIN_ROWS = 3
#: Numbers a row must hold (ranks, scores, prices): a list of titles with one count each is no table.
MIN_NUMBERS = 2
#: Most words a word cell may have.
MAX_CELL_WORDS = 8
#: A number cell: a number with its sign, currency, decimals, percent or a short unit, or a dash or "n/a" for none.
_NUMBER = re.compile(r"[-+−]?[$€£¥]?\d[\d.,:/]*\s?(?:%|[^\W\d]{1,3}\.?)?|[-–—]|n/?a", re.IGNORECASE)
#: Longest number cell, in characters.
MAX_NUMBER_CHARS = 24
#: What a number cell can start with (a cheap test before the pattern).
_NUMBER_STARTS = frozenset("0123456789-+−$€£¥–—nN")
#: Longest cell, in characters: a longer line is text, whatever its words.
MAX_CELL_CHARS = 80
#: A sentence's end: a cell is no sentence.
_SENTENCE = re.compile(r"[.!?]\s*$")


def shape(text: str) -> str:
    """``n`` for a number cell, ``w`` for a short cell of words, ``x`` for anything else.

    >>> [shape(t) for t in ("5040", "$1,200", "94%", "3.71", "—", "Kyle Busch", "Read the full story now.")]
    ['n', 'n', 'n', 'n', 'n', 'w', 'x']
    """
    if len(text) > MAX_CELL_CHARS:
        return "x"
    if len(text) <= MAX_NUMBER_CHARS and text[:1] in _NUMBER_STARTS and _NUMBER.fullmatch(text):
        return "n"
    if text.count(" ") < MAX_CELL_WORDS and not _SENTENCE.search(text):
        return "w"
    return "x"


def _repeats(row: str) -> bool:
    """Is ``row`` a shorter row repeated ("nwnw" is two rows "nw")?

    >>> _repeats("nwwnww"), _repeats("nwnn")
    (True, False)
    """
    k = len(row)
    return any(k % d == 0 and row == row[:d] * (k // d) for d in range(1, k // 2 + 1))


def cell_runs(texts: list[str]) -> set[int]:
    """Indexes of ``texts`` (non-blank lines, in order) that are cells of a table written a cell
    to a line: a run of at least :data:`MIN_ROWS` rows of the same period and shapes.

    >>> rows = [["Pos.", "Driver", "Points"], ["1", "Kyle Busch", "5040"], ["2", "Martin Truex", "5035"],
    ...         ["3", "Kevin Harvick", "5033"]]
    >>> texts = ["Standings after 36 races", *[c for r in rows for c in r], "Home"]
    >>> sorted(cell_runs(texts))
    [4, 5, 6, 7, 8, 9, 10, 11, 12]
    >>> cell_runs(["1", "2", "3", "4", "5", "6", "7", "8", "9", "Next"])  # a pager: numbers only
    set()
    >>> cell_runs(["6", "Previous", "Marathon plan", "7", "Previous", "Half plan"] * 3)  # one number a row
    set()
    >>> cell_runs(["Home", "News", "Sport", "About", "Contact", "Jobs", "Help", "Shop", "Blog"])
    set()
    """
    rows = [i for i, text in enumerate(texts)  # the lines that are numbers; most documents have few
            if len(text) <= MAX_NUMBER_CHARS and text[:1] in _NUMBER_STARTS and _NUMBER.fullmatch(text)]
    if len(rows) < MIN_NUMBERS * MIN_ROWS:
        return set()
    found: set[int] = set()
    # Tables are where number lines cluster (no more than a row apart): only there are shapes looked at.
    first = 0
    for j in range(1, len(rows) + 1):
        if j == len(rows) or rows[j] - rows[j - 1] > MAX_COLUMNS:
            if j - first >= MIN_NUMBERS * MIN_ROWS:
                a, b = max(0, rows[first] - MAX_COLUMNS), min(len(texts), rows[j - 1] + MAX_COLUMNS + 1)
                shapes = "".join(map(shape, texts[a:b]))
                for stretch in _STRETCH.finditer(shapes):
                    if stretch.group().count("n") >= MIN_NUMBERS * MIN_ROWS:
                        found.update(a + i for i in _periodic(shapes, stretch.start(), stretch.end()))
            first = j
    return found


#: A stretch of cells that could hold MIN_ROWS rows of MIN_COLUMNS cells.
_STRETCH = re.compile("[nw]{%d,}" % (MIN_COLUMNS * MIN_ROWS))


def _periodic(shapes: str, a: int, b: int) -> set[int]:
    """Indexes in ``shapes[a:b]`` of runs of :data:`MIN_ROWS` or more equal rows (see :func:`cell_runs`)."""
    found: set[int] = set()
    for k in range(MIN_COLUMNS, MAX_COLUMNS + 1):
        start = a
        while start + k * MIN_ROWS <= b:
            row = shapes[start:start + k]
            if row.count("n") < MIN_NUMBERS or "w" not in row or _repeats(row):
                start += 1
                continue
            end = start + k
            while end + k <= b and shapes[end:end + k] == row:
                end += k
            if end - start >= k * MIN_ROWS:
                found.update(range(start, end))
                start = end
            else:
                start += 1
    return found
