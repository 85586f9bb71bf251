"""Block rules: they judge a line by its neighbours and its place in the document.

A rule's id is ``blocks.<function name>``. Each gets a :class:`View` of the
document's non-blank lines (kept and already removed, in order) and yields
``(index, evidence)`` for lines to remove; the pipeline ignores lines that are
already gone. Body position comes from prose lines: the *body* runs from the
first to the last line that reads as running text (:func:`cleaner.text.is_prose`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from .document import Line
from .lexicon import Lexicon
from .text import capitalised_ratio, ends_sentence, is_prose, key, title_like, word_count

Hit = tuple[int, str]


class View:
    """The non-blank lines, with prose flags and the body span computed once."""

    def __init__(self, lines: list[Line]):
        self.lines = [line for line in lines if line.text]
        self.prose = [is_prose(line.text) for line in self.lines]
        kept_prose = [i for i, line in enumerate(self.lines) if line.removal is None and self.prose[i]]
        #: Index of the first and last kept prose line (``None`` when there is no prose).
        self.body_start = kept_prose[0] if kept_prose else None
        self.body_end = kept_prose[-1] if kept_prose else None

    def kept(self, i: int) -> bool:
        return self.lines[i].removal is None

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


_COUNTER_SUFFIX = re.compile(r"\s*[\(\[]\s*\d[\d.,\s]*[\)\]]\s*$|\s+\d+$")


def series_label(view: View, lex: Lexicon) -> Iterator[Hit]:
    """A short title-like line standing both above and below the body: a series or section label.

    Sites print the story's series ("Russia Versus ISIL in Syria (618)", "The
    Climate Crisis") at the top and again at the bottom; a counter may follow it.
    A line repeated *inside* the body (a refrain, a recurring heading) is left alone.

    >>> from cleaner.document import Line
    >>> from cleaner.lexicon import load
    >>> body = "The minister said the talks would continue next week in Geneva."
    >>> lines = [Line(1, "Climate Desk (12)"), Line(2, body), Line(3, body), Line(4, "Climate Desk (12)")]
    >>> list(series_label(View(lines), load("en")))
    [(0, "label 'Climate Desk' above and below the body"), (3, "label 'Climate Desk' above and below the body")]
    """
    before, after = view.before_body(), view.after_body()
    if not before or not after:
        return
    below = {}
    for i in after:
        text = view.lines[i].text
        if word_count(text) <= 12 and not ends_sentence(text):
            below.setdefault(text, []).append(i)
    for i in before:
        text = view.lines[i].text
        if text in below:
            label = _COUNTER_SUFFIX.sub("", text)
            for j in [i, *below.pop(text)]:
                yield j, f"label '{label}' above and below the body"


_LIST_SEPARATORS = re.compile(r"\s*[,;|•·]\s*")


def tag_list(view: View, lex: Lexicon) -> Iterator[Hit]:
    """After the body, a line that is a list of three or more short topics.

    "Syrian conflict, Russian Foreign Ministry, Sergei Ryabkov, Syria" is a tag line;
    a comma list inside the body (ingredients, names) is body text.

    >>> from cleaner.document import Line
    >>> body = Line(1, "The minister said the talks would continue next week in Geneva.")
    >>> list(tag_list(View([body, Line(2, "Politics, Geneva, Diplomacy")]), None))
    [(1, 'list of 3 topics after the body')]
    """
    for i in view.after_body():
        text = view.lines[i].text
        items = [item for item in _LIST_SEPARATORS.split(text) if item]
        if len(items) >= 3 and not ends_sentence(text) and all(
            1 <= word_count(item) <= 4 and (item[0].isupper() or item[0].isdigit()) for item in items
        ):
            yield i, f"list of {len(items)} topics after the body"


def related_links(view: View, lex: Lexicon) -> Iterator[Hit]:
    """After the body, a run of headline-like lines: related stories.

    Every kept line after the last prose line must be title-like (short, no
    sentence ending), at least two of them, and the run must be introduced by
    removed chrome (a "Related" heading, a series label) or be mostly in Title
    Case. A poem or list ending an article has lines ending in punctuation, or
    lower-case words, and stays.

    >>> from cleaner.document import Line, Removal
    >>> body = Line(1, "The minister said the talks would continue next week in Geneva.")
    >>> tail = [Line(2, "Talks Stall Over Border Dispute"), Line(3, "Ministers Meet Again in Geneva")]
    >>> [i for i, _ in related_links(View([body, *tail]), None)]
    [1, 2]
    >>> poem = [Line(2, "the rain falls on the roof"), Line(3, "and the night goes on")]
    >>> list(related_links(View([body, *poem]), None))
    []
    """
    tail = view.after_body()
    if len(tail) < 2 and not (tail and _introduced(view, tail[0], lex)):
        return
    if not all(title_like(view.lines[i].text) for i in tail):
        return
    titled = sum(capitalised_ratio(view.lines[i].text) >= 0.6 for i in tail) / len(tail)
    if titled < 0.6 and not _introduced(view, tail[0], lex):
        return
    for n, i in enumerate(tail, 1):
        yield i, f"headline {n} of {len(tail)} after the body"


def _introduced(view: View, first: int, lex: Lexicon) -> bool:
    """Is the line just before ``first`` removed chrome (a heading, a label)?"""
    return first > 0 and not view.kept(first - 1) and first - 1 != view.body_end
