"""Where the main text ends: a removed end marker (a related heading, a share row, a byline...)
with teasers or a feed of dated entries below it (:func:`cut_at_end_marker`)."""

from __future__ import annotations

from typing import NamedTuple

from ..text import title_like
from .view import View


#: Removed lines that close an article: what follows them is another page's business. Share rows,
#: newsletter prompts, cookie banners, the author's line or box and the legal footer stand at the foot of an
#: article as often as related headings do.
END_MARKERS = frozenset({"lines.related_heading", "lines.comment_controls", "lines.tag_line", "blocks.tag_list",
                         "lines.share_buttons", "lines.newsletter_prompt", "lines.cookie_notice", "lines.byline",
                         "lines.legal_footer", "blocks.author_bio"})
#: Share of the text's prose words that must stand before an end marker for it to close the text...
END_SHARE = 0.75
#: ...or before a block of at least END_BLOCK removed lines holding one (a share row, a related heading
#: with its furniture): a wall of chrome is a surer end than one stray button.
END_BLOCK_SHARE = 0.5
END_BLOCK = 2
#: Behind a wall of at least END_WALL removed lines, paragraphs in a row only keep the text going when
#: they start within the first END_WALL_CLEAR lines after it.
END_WALL = 3
END_WALL_CLEAR = 5
#: Below a related-links, comments, newsletter or cookie heading, paragraphs in a row keep the text going
#: only above the third headline-shaped line (teasers and footers pile up headlines first), or where the
#: paragraphs in runs below weigh at least RESUME_SHARE of the text above (the article resumes after an
#: inline "Don't miss" box). Share rows, bylines and legal lines stand inside articles too often for this.
HEADING_MARKERS = frozenset({"lines.related_heading", "lines.comment_controls", "lines.newsletter_prompt",
                             "lines.cookie_notice"})
RESUME_SHARE = 0.1
#: Below an end marker, at least FEED_DATES removed date or byline lines, one per FEED_EVERY kept lines,
#: make a feed: entries that each carry their own date (other stories, posts), not the article going on.
DATE_RULES = frozenset({"lines.timestamp", "lines.byline"})
FEED_DATES = 3
#: Share of the text's prose a feed needs above its end marker (its excerpts are prose too).
FEED_SHARE = 0.3
#: (A teaser of five lines is common: a section label, an image's alternative text, the headline, the
#: author and a one-line summary, its date removed. At six, a "Recommended" box of three dated teasers set
#: into an article passed for a feed, and the article below it went.)
FEED_EVERY = 5


def cut_at_end_marker(view: View, kept: list[int], weights: list[float], start: int, end: int) -> int:
    """The last index (into ``kept``) of the text once an end marker closes it.

    An end marker is a removed related-links or comments heading, tag line, share row,
    newsletter prompt, cookie banner, byline, legal footer or author box (:data:`END_MARKERS`) with at least
    :data:`END_SHARE` of the text's prose above it (:data:`END_BLOCK_SHARE` when it stands
    in a block of :data:`END_BLOCK` removed lines), and below it, up to the end of the
    text, teasers rather than paragraphs: at least a third of the lines headline-shaped
    (where only one is, the prose below must weigh under :data:`RESUME_SHARE` of the
    text above: one link and a long paragraph are an inline box and the article's
    last paragraph) and no paragraphs going on (:func:`_goes_on`).

    Below the marker, a *feed* (at least :data:`FEED_DATES` entries that each carry a
    removed date or byline, one per :data:`FEED_EVERY` lines) counts as teasers
    whatever its headlines look like, and needs only :data:`FEED_SHARE` of the prose
    above (its summaries are prose too and swell the total: a dozen of them outweigh
    a short article). Where the text above the
    marker carries as many dates, the whole page is a listing and no feed is judged.

    >>> from cleaner.document import Line, Removal
    >>> para = "The minister said the talks would continue next week in Geneva, officials added."
    >>> share = Removal("lines.share_buttons", "")
    >>> lines = [Line(1, para), Line(2, para), Line(3, "Share", share), Line(4, "Facebook", share),
    ...          Line(5, "Rail Strike Called Off"), Line(6, "Unions and the operator reached a deal late on Sunday night."),
    ...          Line(7, "Harbour Festival Returns"), Line(8, "The festival will run for three days in August, with music.")]
    >>> view = View(lines)
    >>> kept = [0, 1, 4, 5, 6, 7]
    >>> cut_at_end_marker(view, kept, [12.0, 12.0, -0.5, 10.0, -0.5, 11.0], 0, 5)
    1
    >>> lines[5], lines[6] = Line(6, para), Line(7, para)  # paragraphs go on: the share row closes nothing
    >>> cut_at_end_marker(View(lines), kept, [12.0, 12.0, -0.5, 12.0, 12.0, 11.0], 0, 5)
    5

    Dated teasers with long summaries under one "More in" heading, below two paragraphs:

    >>> date, heading = Removal("lines.timestamp", ""), Removal("lines.related_heading", "")
    >>> summary = "The council voted on Monday to close the old bridge to cars for the whole of next summer."
    >>> lines = [Line(1, para), Line(2, para), Line(3, "More in Local News", heading)]
    >>> for k in range(3):
    ...     lines += [Line(4 + 3 * k, "Bridge to close for repairs"), Line(5 + 3 * k, "May 2, 2024", date),
    ...               Line(6 + 3 * k, summary)]
    >>> kept = [i for i, line in enumerate(lines) if line.removal is None]
    >>> weights = [14.0, 14.0] + [-0.5, 8.0] * 3
    >>> cut_at_end_marker(View(lines), kept, weights, 0, len(kept) - 1)
    1
    """
    prose = [max(weights[n], 0.0) if view.prose[kept[n]] else 0.0 for n in range(start, end + 1)]
    total = sum(prose)
    if total <= 0:
        return end
    below: _Below | None = None  # worked out at the first marker
    before = 0.0
    for n in range(start, end):
        before += prose[n - start]
        if before < FEED_SHARE * total:
            continue
        gap = range(kept[n] + 1, kept[n + 1])
        if not gap or not _holds(view, gap, END_MARKERS):  # most kept lines stand next to each other
            continue
        if below is None:  # most texts have no marker and never pay for this
            below = _below(view, kept, weights, start, end)
        rest = end - n  # kept lines below the marker
        # Entries that each carry a date (teasers, posts) are a feed, whatever their headlines look like;
        # not where the text above carries dates as well: then the whole page is a listing.
        dated = below.dates[n + 1]
        feed = dated >= FEED_DATES and FEED_EVERY * dated >= rest and below.dates[start] - dated < FEED_DATES
        if not feed and (before < END_BLOCK_SHARE * total or before < END_SHARE * total and len(gap) < END_BLOCK):
            continue
        # One headline and a paragraph of weight below may be an inline link and the article's last paragraph.
        teasers = feed or (3 * below.titles[n + 1] >= rest and (
            below.titles[n + 1] >= 2 or total - before < RESUME_SHARE * before))
        if teasers and not _goes_on(view, below, n, gap, feed, before):
            return n
    return end


def _holds(view: View, gap: range, rules: frozenset[str]) -> bool:
    """Does a line in ``gap`` stand removed by one of ``rules``?"""
    return any(view.lines[j].removal is not None and view.lines[j].removal.rule in rules for j in gap)


def _goes_on(view: View, below: _Below, n: int, gap: range, feed: bool, before: float) -> bool:
    """Does the article go on below the end marker in ``gap`` (after ``kept[n]``)?

    It does where two prose lines stand in a row below (with nothing but blank lines
    between them: a teaser's summary stands under its headline, a comment under its
    author and above its "Reply"), except:

    * behind a wall of :data:`END_WALL` removed lines, they must start within
      :data:`END_WALL_CLEAR` lines: an article goes on at once, comments and other
      stories open with names, dates and headlines;
    * in a feed, they must stand above its third dated entry;
    * below a heading marker (:data:`HEADING_MARKERS`), they must stand above the third
      headline-shaped line, unless the paragraphs in runs below weigh :data:`RESUME_SHARE`
      of the text above.
    """
    pair = below.pair_at[n + 1]
    if pair is None:
        return False
    if len(gap) >= END_WALL and pair - (n + 1) >= END_WALL_CLEAR:
        return False
    third_date = below.third_date_at[n + 1]
    if feed and third_date is not None and pair >= third_date:
        return False
    third_title = below.third_title_at[n + 1]
    if (third_title is not None and pair >= third_title and below.in_runs[n + 1] < RESUME_SHARE * before
            and _holds(view, gap, HEADING_MARKERS)):
        return False
    return True


class _Below(NamedTuple):
    """For each m in ``start..end`` (an index into ``kept``), what stands in ``kept[m..end]``."""

    titles: list[int]  #: how many lines are headline-shaped
    pair_at: list[int | None]  #: where the first two prose lines in a row start (None: nowhere)
    in_runs: list[float]  #: the weight of the prose lines that stand in such runs
    dates: list[int]  #: how many lines a removed date or byline follows (DATE_RULES)
    third_date_at: list[int | None]  #: where the third of those stands (None: fewer)
    third_title_at: list[int | None]  #: where the third headline-shaped line stands (None: fewer)


def _below(view: View, kept: list[int], weights: list[float], start: int, end: int) -> _Below:
    """Work out :class:`_Below` in one pass from the end up."""
    size = end + 2
    b = _Below([0] * size, [None] * size, [0.0] * size, [0] * size, [None] * size, [None] * size)
    date_at: list[int] = []  # from the end up: where the dated lines and the headlines stand
    title_at: list[int] = []
    for m in range(end, start - 1, -1):
        i = kept[m]
        if title_like(view.lines[i].text, n_words=view.shapes.words(view.lines[i])):
            title_at.append(m)
        b.titles[m] = len(title_at)
        b.third_title_at[m] = title_at[-3] if len(title_at) >= 3 else None
        prose = view.prose[i]
        in_row = prose and m < end and kept[m + 1] == i + 1 and view.prose[i + 1]
        after_row = prose and m > start and kept[m - 1] == i - 1 and view.prose[i - 1]
        b.pair_at[m] = m if in_row else b.pair_at[m + 1]
        b.in_runs[m] = b.in_runs[m + 1] + (max(weights[m], 0.0) if in_row or after_row else 0.0)
        if _holds(view, range(i + 1, kept[m + 1] if m < end else len(view.lines)), DATE_RULES):
            date_at.append(m)
        b.dates[m] = len(date_at)
        b.third_date_at[m] = date_at[-3] if len(date_at) >= 3 else None
    return b
