"""Block rules for lists of links and labels: a series label said twice, a tag list, related
headlines after the body, a box of links set into it."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from ..lexicon import Lexicon
from ..text import COLONS, capitalised_ratio, ends_sentence, key, table_row, title_like, word_count
from .view import Hit, View
from .weight import LABELLED_ROW, LIST_BULLETS, unbulleted


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
    a comma list inside the body (ingredients, names) is body text, and so is a row
    of a table ("| 3 | Kellogg | 664 |", or without its outer bars next to a row with as
    many) or a row led by a date or a number and a dash
    (a tour's dates: "June 17 -- Bridgestone Arena, Nashville, TN").

    >>> from cleaner.document import Line
    >>> body = Line(1, "The minister said the talks would continue next week in Geneva.")
    >>> list(tag_list(View([body, Line(2, "Politics, Geneva, Diplomacy")]), None))
    [(1, 'list of 3 topics after the body')]
    >>> list(tag_list(View([body, Line(2, "| 3 | Kellogg School | 664 | N/A |")]), None))
    []
    >>> list(tag_list(View([body, Line(2, "June 17 -- Bridgestone Arena, Nashville, TN")]), None))
    []
    >>> list(tag_list(View([body, Line(2, "Course | Provider | Renewal"), Line(3, "PMP | PMI | 3 years")]), None))
    []
    """
    for i in view.after_body():
        text = view.lines[i].text
        if table_row(text) or LABELLED_ROW.match(text) or _barred_row(view, i):
            continue
        items = [item for item in _LIST_SEPARATORS.split(text) if item]
        if len(items) >= 3 and not ends_sentence(text) and all(
            1 <= word_count(item) <= 4 and (item[0].isupper() or item[0].isdigit()) for item in items
        ):
            yield i, f"list of {len(items)} topics after the body"


#: Items the list under a tags label must have, at least, between commas (or the separators of a tag list) ...
LABELLED_TAGS_MIN_ITEMS = 3
#: ... of at most this many words each ("stock car santa cruz do sul").
LABELLED_TAG_WORDS = 6
#: The most words a tags label has ("Publicado em", "Sur le même sujet").
LABEL_WORDS = 4


def labelled_tags(view: View, lex: Lexicon) -> Iterator[Hit]:
    """A tags label on a line of its own ("Tags", "Etiquetas:", ``words/tags.txt``) and the list of
    topics on the line right below it, in any case: "calendario stock car 2018, stock car brasil, ...".

    :func:`~cleaner.lines.tag_line` takes the label and its list on one line; a page may break
    them apart, and a list of lower-case keywords is no :func:`tag_list`. Both go, wherever they
    stand: below a label of tags, at least :data:`LABELLED_TAGS_MIN_ITEMS` items of one to
    :data:`LABELLED_TAG_WORDS` words, no sentence and no brackets (an example's list, "(e.g.,
    DOI, ORCID iD)"); neither line a list's item (a list of an article's fields may name "Keywords").

    >>> from cleaner.document import Line
    >>> from cleaner.lexicon import load
    >>> lines = [Line(1, "Tags"), Line(2, "stock car 2018, stock car brasil, interlagos, velopark")]
    >>> list(labelled_tags(View(lines), load("en")))
    [(0, 'tags label over 4 topics'), (1, 'tags label over 4 topics')]
    >>> list(labelled_tags(View([Line(1, "Tags"), Line(2, "Tags name the topics of a post, and readers follow them.")]), load("en")))
    []
    >>> list(labelled_tags(View([Line(1, "* Keywords"), Line(2, "* maps, charts, tables")]), load("en")))
    []
    >>> list(labelled_tags(View([Line(1, "Keywords"), Line(2, "Identifiers (e.g., DOI, ORCID iD, ROR ID)")]), load("en")))
    []
    """
    labels = lex.words("tags")
    words = view.shapes.words
    for i in range(len(view.lines) - 1):
        label, below = view.lines[i], view.lines[i + 1]
        if (words(label) or 0) > LABEL_WORDS or below.number != label.number + 1 or not view.kept(i) \
                or not view.kept(i + 1) or not _LIST_SEPARATORS.search(below.text):
            continue
        if key(label.text.rstrip(":：")) not in labels or ends_sentence(below.text) or "(" in below.text \
                or unbulleted(label.text) != label.text or unbulleted(below.text) != below.text:
            continue  # not a label over a list; or items of a list ("* Keywords", "* PIDs (e.g., DOI, ORCID)")
        items = [item for item in _LIST_SEPARATORS.split(below.text) if item]
        if len(items) >= LABELLED_TAGS_MIN_ITEMS and all(1 <= word_count(item) <= LABELLED_TAG_WORDS for item in items):
            detail = f"tags label over {len(items)} topics"
            yield i, detail
            yield i + 1, detail


def related_links(view: View, lex: Lexicon) -> Iterator[Hit]:
    """After the body, a run of headline-like lines: related stories.

    Every kept line after the last prose line must be title-like (short, no
    sentence ending) or a stray word or two of furniture, at least two of them, and the run must be introduced by
    removed chrome (a "Related" heading, a series label) or be mostly in Title
    Case. A poem or list ending an article has lines ending in punctuation, or
    lower-case words, and stays; so does a list the body announces with a colon,
    a list of data (most lines holding a number: dates, scores, rankings) and the
    rows of a table.

    >>> from cleaner.document import Line, Removal
    >>> body = Line(1, "The minister said the talks would continue next week in Geneva.")
    >>> tail = [Line(2, "Talks Stall Over Border Dispute"), Line(3, "Ministers Meet Again in Geneva")]
    >>> [i for i, _ in related_links(View([body, *tail]), None)]
    [1, 2]
    >>> poem = [Line(2, "the rain falls on the roof"), Line(3, "and the night goes on")]
    >>> list(related_links(View([body, *poem]), None))
    []
    >>> dates = [Line(2, "June 9 – Tampa, FL @ Amphitheatre"), Line(3, "June 12 – Miami, FL @ Arena")]
    >>> list(related_links(View([body, *dates]), None))
    []
    """
    tail = view.after_body()
    if len(tail) < 2 and not (tail and _introduced(view, tail[0], lex)):
        return
    if not all(title_like(view.lines[i].text) or _stray(view.lines[i].text) for i in tail):
        return
    if view.lines[view.body_end].text.endswith(COLONS) or _data_list(view.lines[i].text for i in tail) \
            or _table_rows(view.lines[i].text for i in tail):
        return
    titled = sum(capitalised_ratio(view.lines[i].text) >= 0.6 for i in tail) / len(tail)
    if titled < 0.6 and not _introduced(view, tail[0], lex):
        return
    for n, i in enumerate(tail, 1):
        yield i, f"headline {n} of {len(tail)} after the body"


#: Line rules whose removed line may head a list of links set into the body.
INSET_HEADINGS = frozenset({"lines.related_heading", "lines.navigation", "lines.read_more"})
#: The most words an inset's heading has ("Trending News", "More from UK"), and the most items it heads.
INSET_HEADING_WORDS = 5
INSET_MAX_ITEMS = 8
#: The most words an inset's item has: a headline, not a paragraph of a bulleted list.
INSET_ITEM_WORDS = 25


def inset_links(view: View, lex: Lexicon) -> Iterator[Hit]:
    """A list of links set into the body: a short related heading ("Trending News", "More:",
    "Related articles", removed by its line rule), then two to :data:`INSET_MAX_ITEMS`
    bulleted items of at most :data:`INSET_ITEM_WORDS` words (headlines of other pages),
    where the article's prose stands above the heading and goes on right below the list.

    News sites set such boxes between two paragraphs of a story; the items are other
    stories. A list at the end of the text is :func:`related_links`' business; a list
    the text goes on from under a heading of its own words (not a chrome phrase) is the
    article's; and so is a list that a bulleted "Learn more" merely stands in.

    >>> from cleaner.document import Line, Removal
    >>> para = "The minister said the talks would continue next week in Geneva, officials added."
    >>> heading = Line(2, "Trending News", Removal("lines.related_heading", "phrase"))
    >>> items = [Line(3, "* Storm closes mountain passes"), Line(4, "* Museum reopens after fire")]
    >>> [i for i, _ in inset_links(View([Line(1, para), heading, *items, Line(5, para)]), None)]
    [2, 3]
    >>> list(inset_links(View([Line(1, para), heading, *items]), None))  # at the end: related_links' business
    []
    """
    lines = view.lines
    for i, line in enumerate(lines):
        removal = line.removal
        if removal is None or removal.rule not in INSET_HEADINGS or word_count(line.text) > INSET_HEADING_WORDS \
                or line.text.split(None, 1)[0] in LIST_BULLETS:
            continue
        above = i - 1
        while above >= 0 and not view.kept(above):
            above -= 1
        if above < 0 or not view.prose[above]:
            continue
        end = i + 1
        while end < len(lines) and end - i <= INSET_MAX_ITEMS + 1 and _bulleted(lines[end].text):
            end += 1
        items = range(i + 1, end)
        if not 2 <= len(items) <= INSET_MAX_ITEMS or end == len(lines) or not (view.kept(end) and view.prose[end]):
            continue
        if any(word_count(lines[j].text) > INSET_ITEM_WORDS for j in items):
            continue
        heading = " ".join(line.text.split())
        for n, j in enumerate(items, 1):
            if view.kept(j):
                yield j, f"link {n} of {len(items)} under '{heading}' inside the body"


def _bulleted(text: str) -> bool:
    """Does the line open with a list bullet and hold words after it?"""
    parts = text.split(None, 1)
    return len(parts) == 2 and parts[0] in LIST_BULLETS


_NUMBER = re.compile(r"\d")


def _stray(text: str) -> bool:
    """A word or two of leftover furniture ("Advertise", "Careers") among the links."""
    return word_count(text) <= 2 and not ends_sentence(text)


def _barred_row(view: View, i: int) -> bool:
    """Is line ``i`` a row of a table printed without its outer bars, "PMP | PMI | 3 years": as many
    bars (two or more) as the line right above or below it?"""
    bars = view.lines[i].text.count("|")
    if bars < 2:
        return False
    number = view.lines[i].number
    return any(0 <= j < len(view.lines) and abs(view.lines[j].number - number) == 1
               and view.lines[j].text.count("|") == bars for j in (i - 1, i + 1))


def _table_rows(texts: Iterable[str]) -> bool:
    """Are most lines rows of a table?"""
    texts = list(texts)
    return sum(map(table_row, texts)) * 2 > len(texts)


def _data_list(texts: Iterable[str]) -> bool:
    """Do most lines hold a number (a schedule, a ranking, a results table)?"""
    texts = list(texts)
    return sum(bool(_NUMBER.search(t)) for t in texts) * 2 > len(texts)


def _introduced(view: View, first: int, lex: Lexicon) -> bool:
    """Is the line just before ``first`` removed chrome (a heading, a label)?"""
    return first > 0 and not view.kept(first - 1)
