"""What every block rule looks at: a :class:`View` of the document's non-blank lines, and the
per-line features of one document (:class:`Shapes`), worked out once however many rules and
rounds ask for them."""

from __future__ import annotations

import re

from .. import tables
from ..document import Line
from ..text import is_prose, key, title_like, word_counts
from . import names
from .weight import TEASER_WEIGHT, line_weight, unbulleted

#: What a block rule yields: the index of a line (into :attr:`View.lines`) and the evidence for removing it.
Hit = tuple[int, str]


class Shapes:
    """Per-line features of one document, computed once: line text never changes,
    however many rules and passes look at it (only removals do)."""

    def __init__(self, stopwords: frozenset[str] = frozenset(), title: str | None = None,
                 cells: frozenset[int] | None = None):
        self.stopwords = stopwords
        #: The key of the page's title where the input said it (HTML metadata), else ``None``.
        self.title_key = key(title) or None if title else None
        self._prose: dict[int, bool] = {}
        self._weight: dict[int, float] = {}
        self._frame: tuple[list[Line], int, list[Line], list[bool]] | None = None
        self._words: dict[int, int] = {}
        self._name: dict[int, bool] = {}
        self._about: dict[int, list[str] | None] = {}
        self._about_phrases: frozenset[str] | None = None  # the words/about.txt _about was worked out with
        #: Numbers of the lines that are a table's cells (:meth:`cells`), where known already.
        self._cells = cells
        #: Do the lines that are one link each weigh as teasers (:func:`_linked_teasers`)? Set by :meth:`frame`.
        self._linked_teasers: bool | None = None

    def use(self, stopwords: frozenset[str]) -> None:
        """Judge with another language's stopwords from now on (the weights depend on them)."""
        if stopwords is not self.stopwords:
            self.stopwords = stopwords
            self._weight.clear()

    def frame(self, lines: list[Line]) -> tuple[list[Line], list[bool]]:
        """The non-blank lines of ``lines`` and their prose flags, worked out on the first call
        (every :class:`View` of a document gets the same lists: rules only read them)."""
        if self._frame is None or self._frame[0] is not lines or self._frame[1] != len(lines):
            nonblank = [line for line in lines if line.text]
            new = [line for line in nonblank if line.number not in self._words]
            counts = word_counts([line.text for line in new])  # one pass for all new lines
            self._words.update(zip([line.number for line in new], counts))
            self._frame = (lines, len(lines), nonblank, [self.prose(line) for line in nonblank])
            if self._linked_teasers is None:
                self._linked_teasers = _linked_teasers(nonblank, self._frame[3], self._words)
        return self._frame[2], self._frame[3]

    def cells(self, lines: list[Line]) -> frozenset[int]:
        """Numbers of the lines that are cells of a table written a cell to a line
        (:func:`cleaner.tables.cell_runs`), found in the document's first ``lines`` (the
        whole document) and kept for every later round: a cell stays a cell."""
        if self._cells is None:
            nonblank = [line for line in lines if line.text]
            self._cells = frozenset(nonblank[i].number for i in tables.cell_runs([line.text for line in nonblank]))
        return self._cells

    def words(self, line: Line) -> int | None:
        """The line's word count, where :meth:`frame` counted it (else ``None``)."""
        return self._words.get(line.number)

    def prose(self, line: Line) -> bool:
        flag = self._prose.get(line.number)
        if flag is None:
            flag = self._prose[line.number] = is_prose(line.text, self._words.get(line.number))
        return flag

    def name_line(self, line: Line) -> bool:
        """:func:`~cleaner.blocks.names.name_line` of the line, worked out once:
        :func:`~cleaner.blocks.edges.author_bio` asks it of the :data:`~cleaner.blocks.edges.BIO_GAP`
        lines above every paragraph, in every round (a line up to three times a round)."""
        flag = self._name.get(line.number)
        if flag is None:
            flag = self._name[line.number] = names.name_line(line.text)
        return flag

    def about_name(self, line: Line, about: frozenset[str], heads: frozenset[str]) -> list[str] | None:
        """:func:`~cleaner.blocks.names.about_name` of the line, worked out once for the language's phrases (asked as
        often as :meth:`name_line`; a later round may read the text in another language)."""
        if about is not self._about_phrases:
            self._about.clear()
            self._about_phrases = about
        if line.number in self._about:
            return self._about[line.number]
        name = self._about[line.number] = names.about_name(line.text, about, heads)
        return name

    def weight(self, line: Line) -> float:
        """:func:`line_weight` of the line, worked out once. A line of Markdown that is one link
        and reads as prose (a teaser card: a headline and its summary, the whole a link to the
        story) weighs as a teaser does, :data:`TEASER_WEIGHT`, where the document's own prose
        outweighs its linked prose (:func:`_linked_teasers`)."""
        w = self._weight.get(line.number)
        if w is None:
            w = line_weight(line.text, self.stopwords, self._words.get(line.number))
            if line.linked and w > 0 and self._linked_teasers:
                w = TEASER_WEIGHT
            self._weight[line.number] = w
        return w


def _linked_teasers(lines: list[Line], prose: list[bool], words: dict[int, int]) -> bool:
    """Does the document's own prose (lines that are not links alone) outweigh the prose of its
    linked lines, in words or in lines? Then those are teasers beside an article; else the links
    are the page's content (a listing of headlines and summaries). Lines count as well as words
    because a Markdown writer may run a row of teaser cards onto one line: one line of links,
    however many cards and words it holds.

    >>> from cleaner.document import Line
    >>> lines = [Line(1, "The council met on Tuesday."), Line(2, "Ferry adds a winter timetable.", linked=True)]
    >>> _linked_teasers(lines, [True, True], {1: 12, 2: 10}), _linked_teasers(lines, [True, True], {1: 8, 2: 10})
    (True, False)
    >>> lines.append(Line(3, "The vote was close."))  # two paragraphs of its own, one row of cards
    >>> _linked_teasers(lines, [True, True, True], {1: 8, 2: 30, 3: 8})
    True
    """
    own = linked = own_lines = linked_lines = 0
    for line, reads_as_prose in zip(lines, prose):
        if reads_as_prose:
            n = words.get(line.number) or 0
            if line.linked:
                linked += n
                linked_lines += 1
            else:
                own += n
                own_lines += 1
    return linked > 0 and (own >= linked or own_lines > linked_lines)


class View:
    """The non-blank lines, with prose flags and the body span computed once."""

    def __init__(self, lines: list[Line], shapes: Shapes | None = None):
        self.shapes = shapes or Shapes()
        self.lines, self.prose = self.shapes.frame(lines)
        n = len(self.lines)
        #: Index of the first and last kept prose line (``None`` when there is no prose).
        self.body_start = next((i for i in range(n) if self.prose[i] and self.lines[i].removal is None), None)
        self.body_end = next((i for i in range(n - 1, -1, -1) if self.prose[i] and self.lines[i].removal is None),
                             None)

    def kept(self, i: int) -> bool:
        return self.lines[i].removal is None

    def runs_on(self, above: int, below: int) -> bool:
        """Does line ``below`` carry on the sentence that line ``above``, right above it, breaks
        off? (A paragraph broken at line breaks: a verse, an address, a dumper's cut at a link.)
        ``above`` ends on a word or a comma, ``below`` starts with a word in lower case, and
        neither is a list item (a menu's items may be lower case). Below a heading's shape, only
        prose carries on: "Google Stadia" over "launches tomorrow, and early reviews are mixed..."
        is the sentence's subject, "Live Chat" over "message 1 of 3." a widget's title.

        >>> lines = [Line(1, "Lorem ipsum dolor,"), Line(2, "sit amet."), Line(3, "Call Us Now"), Line(4, "e-Mail Us")]
        >>> View(lines).runs_on(0, 1), View(lines).runs_on(2, 3)
        (True, False)
        >>> View([Line(1, "* Science"), Line(2, "* cool culture")]).runs_on(0, 1)
        False
        >>> View([Line(1, "Live Chat"), Line(2, "message 1 of 3.")]).runs_on(0, 1)
        False
        """
        first, second = self.lines[above].text, self.lines[below].text
        if (self.lines[below].number != self.lines[above].number + 1 or not _BROKEN_OFF.search(first)
                or unbulleted(first) != first or unbulleted(second) != second):
            return False
        word = second.split(None, 1)[0].rstrip(",;")
        return word.isalpha() and word.islower() and (self.prose[below] or not title_like(first))

    def after_body(self) -> list[int]:
        """Indexes of kept lines after the last prose line."""
        if self.body_end is None:
            return []
        return [i for i in range(self.body_end + 1, len(self.lines)) if self.kept(i)]

    def before_body(self) -> list[int]:
        """Indexes of kept lines before the first prose line."""
        if self.body_start is None:
            return []
        return [i for i in range(self.body_start) if self.kept(i)]


#: A line that breaks its sentence off: it ends on a letter, a digit, a comma or a semicolon.
_BROKEN_OFF = re.compile(r"(?:[^\W_]|[,;])\Z")
