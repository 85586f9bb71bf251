"""The main-text rule: the stretch of lines where prose most outweighs chrome goes on, the lines
before and after it go (:func:`main_text`)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..lexicon import Lexicon
from ..text import ELLIPSES, title_like
from .ending import cut_at_end_marker
from .view import Hit, View
from .weight import TEASER_WEIGHT, unbulleted


def main_text(view: View, lex: Lexicon) -> Iterator[Hit]:
    """A line outside the main run of text: menus, footers and sidebars around the article.

    The main text is the stretch of lines where prose most outweighs chrome: the
    maximum-sum segment of :func:`~cleaner.blocks.weight.line_weight` (the idea of Body Text Extraction,
    Finn et al. 2001, on lines instead of tags). Lines before and after it go.
    Lines next to it that weigh only slightly against it stay with it, and so does
    the line that introduces a list the text starts with ("Specifications:"), and so do
    the lines above its first one where line breaks cut its sentence (:meth:`~cleaner.blocks.view.View.runs_on`). It only
    acts where the stretch holds at least two prose lines, so a poem, a list or a
    short note without prose is left alone. Lines other rules removed count only where
    :data:`GAP_RUN` or more of them stood together between two kept lines (a share row, a
    menu, a sign-up form): such a block still parts the text from what stood beyond it
    (:func:`_max_segment_across`), and a line beyond it does not join the text for weighing
    only slightly against it; cleaning the output again, without those lines, finds the
    same stretch.

    >>> from cleaner.document import Line
    >>> para = "The minister said the talks would continue next week in Geneva, officials added."
    >>> lines = [Line(1, "Home"), Line(2, "World"), Line(3, para), Line(4, "Short heading"),
    ...          Line(5, para), Line(6, "Contact us"), Line(7, "Careers")]
    >>> [i for i, _ in main_text(View(lines), None)]
    [0, 1, 5, 6]
    >>> _max_segment([3, -3, 3])
    (0, 2)
    """
    listed = _introduced_lists(view)
    kept = [i for i in range(len(view.lines)) if view.kept(i)]
    weights = [view.shapes.weight(view.lines[i]) for i in kept]
    for n, i in enumerate(kept):
        if i in listed:
            weights[n] = max(weights[n], LIST_ITEM_WEIGHT)
    for n in _teaser_pairs(view, kept):
        weights[n] = min(weights[n], TEASER_WEIGHT)
    core = [w - PROSE_OFFSET if view.prose[i] else w for w, i in zip(weights, kept)]
    _share_glued(view, kept, core)
    cells = view.shapes.cells(view.lines)
    if cells:  # a table written a cell to a line is data inside the text, as a table's row is;
        for n, i in enumerate(kept):  # it does not draw the text out to it at its edges (a ticker)
            if view.lines[i].number in cells:
                core[n] = 0.0
    start, end = _max_segment_across(view, core, kept)
    if start is None or sum(view.prose[kept[n]] for n in range(start, end + 1)) < 2:
        return
    # Lines next to the text that are only weakly against it (a list, a table row,
    # a heading) stay with it: losing body is worse than keeping a stray line.
    while start > 0 and weights[start - 1] >= WEAK and not _parted(view, kept[start - 1], kept[start]):
        start -= 1
    if start > 0 and listed.get(kept[start]) == kept[start - 1]:
        start -= 1  # a list that stays keeps the line that introduces it ("Features:")
    while end + 1 < len(weights) and weights[end + 1] >= WEAK and not _parted(view, kept[end], kept[end + 1]):
        end += 1
    while start > 0 and view.runs_on(kept[start - 1], kept[start]):
        start -= 1
    end = cut_at_end_marker(view, kept, weights, start, end)
    span = f"lines {view.lines[kept[start]].number}-{view.lines[kept[end]].number}"
    for n, i in enumerate(kept):
        if n < start or n > end:
            yield i, f"{'before' if n < start else 'after'} the main text ({span})"


#: Words a prose line must have beyond this to count for the core of the main text:
#: article paragraphs are long, the one-sentence summaries of teasers around them short.
#: Short paragraphs at the edges of the core still join it (see WEAK).
PROSE_OFFSET = 8

#: Lines weighing at least this much against the text still join it when next to it.
WEAK = -1.0


#: A list item announced by a line ending in ":" belongs to the text that announced it.
LIST_ITEM_WEIGHT = 0.5
#: How many lines a list announced by ":" may run.
MAX_LIST_ITEMS = 40


def _share_glued(view: View, kept: list[int], core: list[float]) -> None:
    """Pieces of one run-together input line (:mod:`cleaner.glue`) that weigh against the
    text share their weight: a glued menu of twenty items weighs as one menu line, as it
    did before it was cut apart, and does not sink the text around it."""
    lines = view.lines
    if not any(line.glued for line in lines):  # most documents
        return
    size = [1] * len(lines)  # how many pieces the line's input line was cut into
    start = 0
    for i in range(1, len(lines) + 1):
        if i == len(lines) or not lines[i].glued:
            size[start:i] = [i - start] * (i - start)
            start = i
    for n, i in enumerate(kept):
        if core[n] < 0 and size[i] > 1:
            core[n] /= size[i]


#: Headline-and-excerpt pairs a document needs before they count as teasers.
TEASER_PAIRS = 3
#: An excerpt's length in words: a sentence's worth at least ("saving…" is a button), a paragraph's at most.
TEASER_PAIR_MIN_WORDS = 8
TEASER_PAIR_MAX_WORDS = 60
#: Text cut off mid-sentence: a word (or a comma) and an ellipsis, not "?..." or "....." (a writer's trailing off).
_CUT_OFF = re.compile(r"[^\W_],?\s?(?:\.\.\.|…)\Z")


def _teaser_pairs(view: View, kept: list[int]) -> list[int]:
    """Positions (into ``kept``) of the lines of headline-and-excerpt pairs, teasers for
    other pages: a headline-shaped line, then right below it an excerpt of
    :data:`TEASER_PAIR_MIN_WORDS` to :data:`TEASER_PAIR_MAX_WORDS` words cut off
    mid-sentence with an ellipsis. Only where the document has at least
    :data:`TEASER_PAIRS` of them, and more prose words outside them than in their
    excerpts: on a blog's or a section's front page the teasers are the content.

    >>> from cleaner.document import Line
    >>> para = "The minister said the talks would continue next week in Geneva, officials added."
    >>> pair = ["Bakery on Mill Street closes", "The owners say they will close the shop at the end of…"]
    >>> lines = [Line(n, t) for n, t in enumerate([para, para, para] + pair * 3, 1)]
    >>> _teaser_pairs(View(lines), list(range(len(lines))))
    [3, 4, 5, 6, 7, 8]
    >>> _teaser_pairs(View(lines[3:]), list(range(6)))  # the teasers alone: a front page
    []
    """
    found: list[int] = []
    excerpts = 0
    for n in range(1, len(kept)):
        i = kept[n]
        text = view.lines[i].text
        if kept[n - 1] != i - 1 or not text.endswith(ELLIPSES) or not _CUT_OFF.search(text):
            continue
        words = view.shapes.words(view.lines[i]) or 0  # counted for every line of a View
        if TEASER_PAIR_MIN_WORDS <= words <= TEASER_PAIR_MAX_WORDS and title_like(
                unbulleted(view.lines[i - 1].text) or view.lines[i - 1].text):
            found += [n - 1, n]
            excerpts += words
    if len(found) < 2 * TEASER_PAIRS:
        return []
    pairs = {kept[n] for n in found}
    outside = sum(view.shapes.words(view.lines[i]) or 0 for i in kept if view.prose[i] and i not in pairs)
    return found if outside > excerpts else []


def _introduced_lists(view: View) -> dict[int, int]:
    """The short kept lines that follow a kept line ending in ":", each with the index of
    that line (the list's introducer)."""
    n = len(view.lines)
    items: dict[int, int] = {}
    after = 0  # the first line that no list has taken
    for i in [i for i, line in enumerate(view.lines) if line.text.endswith(":")]:  # few lines end so
        if i < after or not view.kept(i):  # an item of the list above, or removed
            continue
        j = i + 1
        while j < n and j - i <= MAX_LIST_ITEMS and view.kept(j) and not view.prose[j]:
            items[j] = i
            j += 1
        after = j
    return items


#: A block of at least GAP_RUN lines other rules removed, standing together between two kept lines,
#: weighs GAP_WEIGHT a line in the main-text cut: page furniture (a share row, a menu, a sign-up form)
#: parts the text it stood between, though it is gone. A line or two removed alone part nothing: a
#: dumper that cuts a paragraph at every link leaves a removed link ("Facebook", "News") between the
#: pieces of one paragraph. Data removed (a count, a phone number, a date alone) and a post's
#: buttons never part (UNPARTING_RULES): a listing's phone numbers stand between its entries, and a
#: thread's "Quote" and "Upvote" between its posts.
GAP_RUN = 3
GAP_WEIGHT = -1.0
UNPARTING_RULES = frozenset({"lines.counter", "lines.timestamp", "lines.post_controls"})


def _max_segment_across(view: View, core: list[float], kept: list[int]) -> tuple[int | None, int | None]:
    """:func:`_max_segment` of the kept lines' weights ``core`` (``kept``: their indexes in the
    view), with the blocks of removed lines between them weighing as :data:`GAP_RUN` says; the
    span is given as positions in ``kept``.

    >>> from cleaner.document import Line, Removal
    >>> para = "The minister said the talks would continue next week in Geneva, officials added."
    >>> row = [Line(n, t, Removal("lines.share_buttons", "phrase")) for n, t in ((3, "Share"), (4, "Facebook"), (5, "Email"))]
    >>> lines = [Line(1, para), Line(2, "The talks resume on Monday."), *row, Line(6, "Site map and contact")]
    >>> _max_segment_across(View(lines), [5.0, 0.5, 2.0], [0, 1, 5])
    (0, 1)
    >>> _max_segment_across(View([*lines[:3], lines[5]]), [5.0, 0.5, 2.0], [0, 1, 3])  # one line removed
    (0, 2)
    """
    seq: list[float] = []
    where: list[int] = []  # for each weight of seq, the kept line it stands for (-1: a block removed)
    for n, i in enumerate(kept):
        if n and (gone := _gone_between(view, kept[n - 1], i)) >= GAP_RUN:
            seq.append(GAP_WEIGHT * gone)
            where.append(-1)
        seq.append(core[n])
        where.append(n)
    start, end = _max_segment(seq)
    if start is None:
        return None, None
    return where[start], where[end]  # a maximum segment starts and ends on a kept line: a block weighs < 0


def _gone_between(view: View, a: int, b: int) -> int:
    """How many lines between lines ``a`` and ``b`` of the view other rules removed, those removed
    as data or a post's buttons (:data:`UNPARTING_RULES`) not counted."""
    if b - a <= GAP_RUN:
        return 0  # too few to part, whatever they are
    return sum(view.lines[j].removal.rule not in UNPARTING_RULES for j in range(a + 1, b))


def _parted(view: View, a: int, b: int) -> bool:
    """Does a block of removed lines part kept lines ``a`` and ``b`` (:data:`GAP_RUN`)? Then a line
    beyond it does not join the main text for weighing only slightly against it."""
    return _gone_between(view, a, b) >= GAP_RUN


def _max_segment(weights: list[float]) -> tuple[int | None, int | None]:
    """Start and end index of the maximum-sum run of ``weights`` (Kadane), or ``(None, None)``.

    >>> _max_segment([-1, 3, -1, 4, -9, 2])
    (1, 3)
    """
    best, best_span = 0.0, (None, None)
    total, start = 0.0, 0
    for i, w in enumerate(weights):
        if total < 0:
            total, start = 0.0, i
        total += w
        # ">=" for the same start: of equal runs, take the longer one.
        if total > best or (total == best and best_span[0] == start):
            best, best_span = total, (start, i)
    return best_span
