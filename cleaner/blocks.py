"""Block rules: they judge a line by its neighbours and its place in the document.

A rule's id is ``blocks.<function name>``. Each gets a :class:`View` of the
document's non-blank lines (kept and already removed, in order) and yields
``(index, evidence)`` for lines to remove; the pipeline ignores lines that are
already gone. Body position comes from prose lines: the *body* runs from the
first to the last line that reads as running text (:func:`cleaner.text.is_prose`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import NamedTuple

from . import tables
from .document import Line
from .lexicon import Lexicon
from .lines import opens_quote
from .text import (capitalised_ratio, ends_sentence, folded_words, is_prose, key, keys, table_row, title_like,
                   word_count, word_counts)

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
        """:func:`_name_line` of the line, worked out once: :func:`author_bio` asks it of the
        :data:`BIO_GAP` lines above every paragraph, in every round (a line up to three times a round)."""
        flag = self._name.get(line.number)
        if flag is None:
            flag = self._name[line.number] = _name_line(line.text)
        return flag

    def about_name(self, line: Line, about: frozenset[str], heads: frozenset[str]) -> list[str] | None:
        """:func:`_about_name` of the line, worked out once for the language's phrases (asked as
        often as :meth:`name_line`; a later round may read the text in another language)."""
        if about is not self._about_phrases:
            self._about.clear()
            self._about_phrases = about
        if line.number in self._about:
            return self._about[line.number]
        name = self._about[line.number] = _about_name(line.text, about, heads)
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
    """Does the document's own prose (lines that are not one link each) outweigh the prose of its
    linked lines? Then those are teasers beside an article; else the links are the page's content
    (a listing of headlines and summaries).

    >>> from cleaner.document import Line
    >>> lines = [Line(1, "The council met on Tuesday."), Line(2, "Ferry adds a winter timetable.", linked=True)]
    >>> _linked_teasers(lines, [True, True], {1: 12, 2: 10}), _linked_teasers(lines, [True, True], {1: 8, 2: 10})
    (True, False)
    """
    own = linked = 0
    for line, reads_as_prose in zip(lines, prose):
        if reads_as_prose:
            n = words.get(line.number) or 0
            if line.linked:
                linked += n
            else:
                own += n
    return linked > 0 and own >= linked


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
    a comma list inside the body (ingredients, names) is body text, and so is a row
    of a table ("| 3 | Kellogg | 664 |") or a row led by a date or a number and a dash
    (a tour's dates: "June 17 -- Bridgestone Arena, Nashville, TN").

    >>> from cleaner.document import Line
    >>> body = Line(1, "The minister said the talks would continue next week in Geneva.")
    >>> list(tag_list(View([body, Line(2, "Politics, Geneva, Diplomacy")]), None))
    [(1, 'list of 3 topics after the body')]
    >>> list(tag_list(View([body, Line(2, "| 3 | Kellogg School | 664 | N/A |")]), None))
    []
    >>> list(tag_list(View([body, Line(2, "June 17 -- Bridgestone Arena, Nashville, TN")]), None))
    []
    """
    for i in view.after_body():
        text = view.lines[i].text
        if table_row(text) or _LABELLED_ROW.match(text):
            continue
        items = [item for item in _LIST_SEPARATORS.split(text) if item]
        if len(items) >= 3 and not ends_sentence(text) and all(
            1 <= word_count(item) <= 4 and (item[0].isupper() or item[0].isdigit()) for item in items
        ):
            yield i, f"list of {len(items)} topics after the body"


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
    if view.lines[view.body_end].text.endswith(":") or _data_list(view.lines[i].text for i in tail) \
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
                or line.text.split(None, 1)[0] in _BULLETS:
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
    return len(parts) == 2 and parts[0] in _BULLETS


_NUMBER = re.compile(r"\d")


def _stray(text: str) -> bool:
    """A word or two of leftover furniture ("Advertise", "Careers") among the links."""
    return word_count(text) <= 2 and not ends_sentence(text)


def _table_rows(texts: Iterable[str]) -> bool:
    """Are most lines rows of a table?"""
    texts = list(texts)
    return sum(map(table_row, texts)) * 2 > len(texts)


def _data_list(texts: Iterable[str]) -> bool:
    """Do most lines hold a number (a schedule, a ranking, a results table)?"""
    texts = list(texts)
    return sum(bool(_NUMBER.search(t)) for t in texts) * 2 > len(texts)


def headline(view: View, lex: Lexicon) -> Iterator[Hit]:
    """The title-like lines just above the body: the headline (it goes to metadata ``title``)
    with what stands between it and the first paragraph (a byline, a date, a share row).

    Body text starts with the first paragraph; the headline is the nearest kept
    line above it that is title-like with at least three words and asks no
    question (a question above the first paragraph is more often a section heading
    of an FAQ-like text), and that the next kept line below does not go on in lower case
    (then it is a paragraph's first piece). In-body headings (below the first paragraph)
    are never touched. ``--disable blocks.headline`` keeps it in the text.

    Once the headline is gone, the line above it stands just above the body, so
    cleaning the output again would take that one too if it is shaped alike. The rule
    therefore judges the whole run of such lines at once, so that cleaning is
    idempotent: a run of at most :data:`HEADLINE_RUN` lines goes, a longer one is a
    list (a table of contents, a changelog, teasers) and stays whole.

    Where the page names its title (HTML input: trafilatura reads it from the
    metadata), the headline is a line that is that title, and nothing else: the
    extracted text holds no menus above the body, and the title-like lines it has
    there are the article's own (a list, a table, a paragraph broken at each link).

    >>> from cleaner.document import Line
    >>> body = Line(9, "The minister said the talks would continue next week in Geneva.")
    >>> list(headline(View([Line(1, "Talks To Resume In Geneva"), body]), None))
    [(0, 'headline above the body')]
    >>> list(headline(View([Line(1, "The results in table two differ from those of the first"),
    ...                     Line(2, "round, because the sample was drawn again in March.")]), None))
    []
    >>> items = [Line(n, f"Added the command number {n}") for n in range(1, HEADLINE_RUN + 2)]
    >>> list(headline(View(items + [body]), None))
    []
    >>> list(headline(View(items[-HEADLINE_RUN:] + [body]), None))
    [(3, 'headline above the body'), (2, 'headline above the body'), (1, 'headline above the body'), (0, 'headline above the body')]
    >>> shapes = Shapes(title="Talks to resume in Geneva")
    >>> list(headline(View([Line(1, "Talks To Resume In Geneva"), Line(2, "October 1: Opening Session Held"), body], shapes), None))
    [(0, 'the page title')]
    """
    if view.shapes.title_key is not None:
        for i, k in enumerate(keys([line.text for line in view.lines])):  # one pass over the text
            if k == view.shapes.title_key and view.lines[i].removal is None:
                yield i, "the page title"
        return
    run: list[int] = []
    below = view.body_start
    for i in reversed(view.before_body()):
        text = view.lines[i].text
        if not (title_like(text) and word_count(text) >= 3 and not text.endswith("?")
                and not view.lines[below].text[:1].islower()):
            break
        run.append(i)
        below = i
        if len(run) > HEADLINE_RUN:
            return
    for i in run:
        yield i, "headline above the body"


#: The most lines :func:`headline` takes above the body (headline, byline, date, share row);
#: a longer run of title-like lines is a list.
HEADLINE_RUN = 4


def comment_section(view: View, lex: Lexicon) -> Iterator[Hit]:
    """Everything from a comment-section heading after the body to the end: reader comments.

    The heading is a line removed as comment furniture below the first paragraph
    that opens with a heading phrase of ``words/comment_headings.txt`` ("2 Responses
    to ...", "Comments", "Leave a reply"), and what follows must look like a thread:
    at least two author lines ("Hanna Lund says:", "1. Hanna Lund says") or reply
    links ("Reply"), words from ``words/comments.txt``; and the heading may not be a
    comment count at the article's top (:func:`_article_below`). An in-body heading
    that merely says "Comments" is followed by no thread and stays; so do a Q&A
    site's answers under an "Add a comment" link.

    >>> from cleaner.document import Line, Removal
    >>> from cleaner.lexicon import load
    >>> body = "The minister said the talks would continue next week in Geneva, where both sides meet."
    >>> r = Removal("lines.comment_controls", "")
    >>> article = [Line(n, body) for n in range(1, 8)]
    >>> lines = [*article, Line(8, "2 Comments", r), Line(9, "Ann says:"),
    ...          Line(10, "I agree with every word of this."), Line(11, "Reply", r)]
    >>> [i for i, _ in comment_section(View(lines), load("en"))]
    [8, 9]
    >>> lines[7] = Line(8, "Report", r)
    >>> list(comment_section(View(lines), load("en")))
    []

    A comment count beside the byline, the article right under it:

    >>> lines = [Line(1, body), Line(2, "33 Comments", r), *[Line(n, body) for n in range(3, 10)],
    ...          Line(10, "Ann says:"), Line(11, "I agree with every word of this."), Line(12, "Reply", r)]
    >>> list(comment_section(View(lines), load("en")))
    []
    """
    if view.body_start is None or lex is None:
        return
    headings, says = lex.words("comment_headings"), lex.words("comments")
    for h in range(view.body_start + 1, len(view.lines)):
        line = view.lines[h]
        if line.removal is None or line.removal.rule != "lines.comment_controls":
            continue
        if not _starts_with_any(key(line.text), headings):
            continue
        rest = range(h + 1, len(view.lines))
        found = [i for i in rest if _author_line(view.lines[i].text, says) or key(view.lines[i].text) in says]
        if len(found) >= 2 and not _article_below(view, h, found[0]):
            for i in rest:
                if view.kept(i):
                    yield i, f"in the comment section under line {line.number}"
            return


#: Prose words above a comment count at an article's top ("33 Comments" beside the byline): a
#: teaser or a signup blurb at most.
COUNT_ABOVE_WORDS = 100


def _article_below(view: View, h: int, first: int) -> bool:
    """Is the removed comments line ``h`` a comment count at the top of the article rather
    than a thread's heading? Little prose stands above it (under :data:`COUNT_ABOVE_WORDS`
    words), and two paragraphs in a row stand below it before the thread's ``first``
    author line or reply link: the article goes on at once, a thread opens with a name."""
    above = sum(view.shapes.words(view.lines[i]) or 0 for i in range(h) if view.prose[i] and view.kept(i))
    return above < COUNT_ABOVE_WORDS and any(
        view.prose[i] and view.prose[i + 1] and view.kept(i) and view.kept(i + 1) for i in range(h + 1, first - 1))


def author_bio(view: View, lex: Lexicon) -> Iterator[Hit]:
    """Below the article, an author box: the author's name on a line, then a paragraph on their work.

    The paragraph is a kept prose line below at least :data:`BIO_AFTER` prose lines
    of the body. A name line stands at most :data:`BIO_GAP` lines above it (a role
    line such as "Staff Writer" may stand between): two to five words, all
    capitalised, no digit, no comma or colon ("Source: Acme" is no name), no sentence ending ("Mara Quist", "About Mara Quist",
    "By Mara Quist"). The paragraph names the person (the name line's first or last
    word) within its first :data:`BIO_NAME_WORDS` words and says what they do with a
    word of ``words/bio.txt`` ("writer", "editor", "Redakteurin") within its first
    :data:`BIO_ROLE_WORDS`. No paragraph may follow it directly, nor two paragraphs in a
    row further down (a profile of a writer inside an article goes on with more text). The name line, the lines between
    and the paragraph go. A paragraph about someone who is no writer ("Dr Jane Roe is
    a nurse at ...") stays, unless the name line is a heading that says the box is about
    them: a phrase of ``words/about.txt`` before the name ("About Mara Quist", "Über Mara
    Quist", "À propos de Mara Quist"). Then the paragraph needs no role word, but it must
    name them by a capitalised word of the name that is no stopword, as written ("About
    This Game" over "This game is ..." names nobody).

    >>> from cleaner.document import Line
    >>> from cleaner.lexicon import load
    >>> body = [Line(n, "The minister said the talks would continue next week in Geneva.") for n in (1, 2, 3)]
    >>> bio = Line(5, "Mara Quist is a staff writer covering transport and the islands for the Post.")
    >>> [i for i, _ in author_bio(View([*body, Line(4, "Mara Quist"), bio]), load("en"))]
    [3, 4]
    >>> nurse = Line(5, "Mara Quist is a nurse who has worked on the island ward for twenty years.")
    >>> list(author_bio(View([*body, Line(4, "Mara Quist"), nurse]), load("en")))
    []
    >>> [i for i, _ in author_bio(View([*body, Line(4, "About Mara Quist"), nurse]), load("en"))]
    [3, 4]
    >>> game = Line(5, "This game is a puzzle about islands, played on a map that grows every turn.")
    >>> from cleaner.lang import stoplist
    >>> list(author_bio(View([*body, Line(4, "About This Game"), game], Shapes(stoplist("en"))), load("en")))
    []
    """
    roles = lex.words("bio") if lex is not None else frozenset()
    if not roles:
        return
    about, heads = lex.words("about"), lex.word_heads("about")
    seen = 0
    name_line, about_name = view.shapes.name_line, view.shapes.about_name
    for i, (line, prose) in enumerate(zip(view.lines, view.prose)):
        if not prose or line.removal is not None:
            continue
        seen += 1
        if seen <= BIO_AFTER:
            continue
        name, heading = None, None
        for j in range(i - 1, max(i - 1 - BIO_GAP, -1), -1):
            heading = about_name(view.lines[j], about, heads)
            if heading is not None or name_line(view.lines[j]):
                name = j
                break
        if name is None:
            continue
        words = [w.strip(".,;:!?()\"'“”’") for w in line.text.split()]
        if heading is not None:
            named = {w for w in heading if w.casefold() not in view.shapes.stopwords} & set(words[:BIO_NAME_WORDS])
            if not named or _paragraphs_follow(view, i):
                continue
            role = "about"
        else:
            names = view.lines[name].text.split()
            if not {names[0], names[-1]} & set(words[:BIO_NAME_WORDS]):
                continue
            role = next((w for w in words[:BIO_ROLE_WORDS] if key(w) in roles), None)
            if role is None or _paragraphs_follow(view, i):
                continue
        for j in range(name, i + 1):
            if view.kept(j):
                yield j, f"author box of '{view.lines[name].text}' ({role})"


def _about_name(text: str, about: frozenset[str], heads: frozenset[str]) -> list[str] | None:
    """The words of the name in a heading "About <name>" (a phrase of ``words/about.txt``,
    then a name as :func:`_name_line` reads one, of at most :data:`ABOUT_NAME_WORDS`), else ``None``.
    A longer name is an institution's ("About Northfield University Medical Center"), and the
    paragraph on it that closes a press release is the release's own.

    ``heads`` are the first words of the phrases: most lines open with none of them.

    >>> about, heads = frozenset({"about", "à propos de"}), frozenset({"about", "à"})
    >>> _about_name("About Mara Quist", about, heads), _about_name("À propos de Mara Quist", about, heads)
    (['Mara', 'Quist'], ['Mara', 'Quist'])
    >>> _about_name("About us", about, heads), _about_name("Mara Quist", about, heads)
    (None, None)
    >>> _about_name("About the author", about, heads), _about_name("About Northfield University Medical Center", about, heads)
    (None, None)
    """
    if not about or len(text) > NAME_LINE_CHARS or not text[:1].isupper():
        return None
    words = text.split()
    if key(words[0]) not in heads:
        return None
    for n in (1, 2, 3):
        if key(" ".join(words[:n])) in about:
            rest = " ".join(words[n:])
            return words[n:] if len(words) - n <= ABOUT_NAME_WORDS and _name_line(rest) else None
    return None


def _paragraphs_follow(view: View, i: int) -> bool:
    """Does running text go on below line ``i``: a kept prose line right after it, or two kept
    prose lines in a row (nothing but blank lines between) further down?"""
    if i + 1 < len(view.lines) and view.prose[i + 1] and view.kept(i + 1):
        return True
    return any(view.prose[a] and view.prose[a + 1] and view.kept(a) and view.kept(a + 1)
               for a in range(i + 1, len(view.lines) - 1))


_LIST_MARKS = re.compile(r"[,:;|]")
#: Prose lines of the body that must stand above an author box.
BIO_AFTER = 3
#: How far (non-blank lines) above the paragraph its name line may stand.
BIO_GAP = 3
#: The paragraph names the person within this many words, and says what they do within BIO_ROLE_WORDS.
BIO_NAME_WORDS = 12
BIO_ROLE_WORDS = 30


#: An "About <name>" heading names a person in at most this many words (first, middle, last name).
ABOUT_NAME_WORDS = 3
#: Longer than this, a line is no name of two to five words (the longest names run to about 60).
NAME_LINE_CHARS = 80


def _name_line(text: str) -> bool:
    """A person's name on its own line: two to five capitalised words, no digit, comma, colon or sentence ending."""
    if len(text) > NAME_LINE_CHARS or not text[:1].isupper():  # most lines: no need to count words
        return False
    n = word_count(text)
    return 2 <= n <= 5 and not _NUMBER.search(text) and not ends_sentence(text) and not _LIST_MARKS.search(text) and all(
        w[:1].isupper() for w in text.split())


def _starts_with_any(line_key: str, phrases: frozenset[str]) -> bool:
    words = line_key.split()
    return any(" ".join(words[:n]) in phrases for n in (1, 2, 3, 4))


def _author_line(text: str, says: frozenset[str]) -> bool:
    """ "Hanna Lund says:" - a short line ending in a 'says' word and a colon; a longer one
    when it holds the comment's date and reads as a name and a date, mostly capitalised
    ("Hanna Lund on May 2, 2024 at 4:47 pm said:"), not as a sentence introducing a quote;
    without the colon (themes that add it in their style sheet), a name alone before the
    word, perhaps numbered as the thread's first item ("1. Hanna Lund says").

    >>> says = frozenset({"says", "said"})
    >>> _author_line("Hanna Lund says:", says), _author_line("Hanna Lund on May 2, 2024 at 4:47 pm said:", says)
    (True, True)
    >>> _author_line("1. Hanna Lund says", says), _author_line("Hanna says", says)
    (True, True)
    >>> _author_line("At the meeting on 12 March 2024, the council leader said:", says)
    False
    >>> _author_line("The Minister of Transport says", says), _author_line("Hanna Lund says so", says)
    (False, False)
    """
    if not text.endswith(":"):
        return _name_says(text, says)
    n = word_count(text)
    if n > AUTHOR_LINE_WORDS and not (
            n <= AUTHOR_LINE_DATED_WORDS and _NUMBER.search(text) and capitalised_ratio(text) >= 0.5):
        return False
    words = key(text).split()
    return bool(words) and (words[-1] in says or " ".join(words[-2:]) in says)


def _name_says(text: str, says: frozenset[str]) -> bool:
    """A name of one to :data:`NAME_WORDS` capitalised words, then a 'says' word: "Hanna Lund says"
    (after a list number or bullet); see :func:`_author_line`. Only a thread's lines are
    asked (under a comments heading, two of them at least), where "Amy says" is a name."""
    words = text.split()
    if words and (words[0][:-1].isdigit() and words[0].endswith(".") or words[0] in _BULLETS):
        words = words[1:]
    if not 2 <= len(words) <= NAME_WORDS + 1 or words[-1].casefold() not in says:
        return False
    name = words[:-1]
    return all(w[0].isupper() and w[-1].isalpha() for w in name)


#: List bullets a dumper writes before an item (lynx: "*", "+", "o", "#").
_BULLETS = frozenset({"*", "+", "o", "#", "-", "•"})
#: Words of a commenter's name.
NAME_WORDS = 4


#: Words a comment's author line may have; with a date in it (a digit), AUTHOR_LINE_DATED_WORDS.
AUTHOR_LINE_WORDS = 8
AUTHOR_LINE_DATED_WORDS = 16


def _introduced(view: View, first: int, lex: Lexicon) -> bool:
    """Is the line just before ``first`` removed chrome (a heading, a label)?"""
    return first > 0 and not view.kept(first - 1)


def line_weight(text: str, stopwords: frozenset[str] = frozenset(), n_words: int | None = None) -> float:
    """How much a line speaks for (+) or against (-) being inside the main text.

    Prose counts its words; a short sentence counts half. A line of one to three
    words (menu items, buttons) counts clearly against, unless it ends like a
    sentence or opens with a quote mark (dialogue); a longer title-like line (a heading, a list item, a headline) slightly
    against; a line of data (a row of a table, every fifth word a number, or a row led by
    a dated or numbered label and a dash or colon, as in a tour's dates), a list on one
    line (at least :data:`LIST_LINE_ITEMS` short items between commas: keywords, the names
    of those who liked a post), and anything
    else (a line ending in a comma) is neutral. A leading bullet is ignored, except
    that a bulleted line shaped like a teaser (:func:`_teaser`: a truncated headline
    or excerpt, "* Jury rules for half of the plaintiffs …", or a headline run into its
    excerpt's dateline) weighs :data:`TEASER_WEIGHT`, whatever its length (unbulleted,
    a line ending in an ellipsis may be a writer's own trailing off, common in
    informal and CJK writing). A line that is mostly HTML tags (:func:`_markup`), the
    page's own markup dumped as text, weighs :data:`MARKUP_WEIGHT`: its attribute words
    are no prose.
    Where the language has a stoplist, stopword-rich lines lean in and
    stopword-poor lines lean out (jusText's observation: running text is full of
    function words, menus and link lists are not).

    >>> line_weight("The committee met on Tuesday to discuss the budget for next year.")
    12.0
    >>> line_weight("Pricing"), line_weight("Draw up a budget"), line_weight("| Term | Meaning |")
    (-1.5, -0.5, 0.0)
    >>> line_weight("* Police say the double murder in the suburbs was domestic-related …")
    -1.5
    >>> line_weight("June 9 – Tampa, FL @ Riverside Amphitheatre"), line_weight("Stage 3: 22 April – Velopark")
    (0.0, 0.0)
    >>> line_weight("June 17 -- Bridgestone Arena, Nashville, TN")  # an ASCII dump's dash
    0.0
    >>> line_weight("楓紅的季節樹葉從綠轉黃 再從黃轉紅 一層一層非常漂亮")  # a blog's clause a line, unpunctuated
    0.0
    >>> line_weight("knitting, crochet, quilting, weaving, felting, embroidery, sewing, dyeing, spinning yarn")
    0.0
    >>> line_weight("Edition: Argentina (español) Australia (English) België (Nederlands) Brasil (português) "
    ...             "Canada (English) Canada (français) Chile (español) Danmark (dansk) Deutschland (Deutsch)")
    0.0
    >>> from cleaner.lang import stoplist
    >>> line_weight("Draw up a budget", stoplist("en")) > line_weight("Lead Generation Tools For Sales", stoplist("en"))
    True

    ``n_words``, when given, is the line's :func:`~cleaner.text.word_count`, known already.
    """
    if "<" in text and _markup(text):
        return MARKUP_WEIGHT  # a page's own markup, dumped as text: its attribute words are no prose
    stripped = unbulleted(text) or text
    n = n_words if n_words is not None and len(stripped) == len(text) else word_count(stripped)
    bulleted = len(stripped) < len(text)
    text = stripped
    if bulleted and _teaser(text, n):
        return TEASER_WEIGHT
    if n >= LIST_LINE_WORDS and (commas := text.count(", ")) >= LIST_LINE_ITEMS - 1 and n <= MAX_ITEM_WORDS * (commas + 1):
        return 0.0  # "knitting, crochet, quilting, ...": a list of names or keywords on one line, not prose
    if n >= LIST_LINE_WORDS and text.count(" (") >= LIST_LINE_ITEMS and _noted_items(text, n):
        return 0.0  # "Argentina (español) Australia (English) ...": a picker or a category list on one line
    if is_prose(text, n):
        weight = float(n)
    elif table_row(text):
        return 0.0  # a row of a table: data, not chrome
    elif n >= 4 and ends_sentence(text):
        weight = n / 2
    elif n <= 3:
        # A short sentence or a quoted line is dialogue ("Listen." "I am.") more often than a button.
        return 0.0 if ends_sentence(text) or opens_quote(text) else -(1 + n / 2)
    elif _DIGIT_TOKEN.search(text) and len(_DIGIT_TOKEN.findall(text)) * 5 >= n:
        return 0.0  # a table row or a schedule line: data, not chrome
    elif _LABELLED_ROW.match(text):
        return 0.0  # "June 9 – Tampa, FL @ Arena", "3rd stage: 22 April – Velopark": a dated or numbered row
    elif title_like(text, 40, n, uncased=False):  # capitalised: a line of Chinese without a stop may be prose
        weight = -0.5
    else:
        weight = 0.0
    if stopwords and n >= 4:
        tokens = folded_words(text)  # the \w+ words of the casefolded text
        if tokens:
            density = sum(map(stopwords.__contains__, tokens)) / len(tokens)
            weight += n * (density - STOPWORD_PIVOT)
    return weight


#: List bullets and reference marks a line may open with; the words after them decide.
BULLETS = "*•·+-–—>^o■□▪▫◦‣⁃ "
#: A run of them; "o" (lynx's bullet of a third-level item) only before a space: "once" opens no list.
_BULLET_RUN = re.compile(r"(?:[*•·+\-–—>^■□▪▫◦‣⁃ ]|o(?= ))+")


def unbulleted(text: str) -> str:
    """The line without the list bullets it opens with.

    >>> unbulleted("* o Baltimore"), unbulleted("once upon a time"), unbulleted("–– 5 km")
    ('Baltimore', 'once upon a time', '5 km')
    """
    if text[:1] not in BULLETS:
        return text
    run = _BULLET_RUN.match(text)
    return text[run.end():] if run else text


#: What a list item shaped like a teaser weighs: against the text, as a menu item does.
TEASER_WEIGHT = -1.5
#: A bulleted line cut off with an ellipsis is a teaser below this many words (a long one is a paragraph).
TEASER_MAX_WORDS = 25
_ELLIPSES = ("...", "…")
#: A headline run into its excerpt's dateline: "... may soon be deemed stateless NEW DELHI: The ...".
_GLUED_DATELINE = re.compile(r"\A(?:\S+\s+){4,}?\S*[a-z\d’')\]]\s+(?:[A-Z]{2,}[.,]?\s+){0,3}[A-Z]{3,}:\s")
#: A line of at least LIST_LINE_WORDS words holding at least LIST_LINE_ITEMS comma-separated items of at
#: most MAX_ITEM_WORDS words on average is a list (tags, keywords, the names of those who liked a post).
LIST_LINE_WORDS = 12
LIST_LINE_ITEMS = 8
MAX_ITEM_WORDS = 3
#: An item with a note in brackets, "Argentina (español)", "Gardening (149)": the note is short and
#: hugs its brackets (code writes "f( x )" or "f(x)"; a lone "(" opens no note).
_NOTE = re.compile(r"(?<!\S)\((?:\S[^()]{0,38}?)?\S\)")
#: A line of LIST_LINE_ITEMS notes or more is a list when it has at most this many words a note.
NOTED_ITEM_WORDS = 6


def _noted_items(text: str, n: int) -> bool:
    """Is the line a list of items each with a note in brackets (a language or edition picker,
    categories with their counts), not a sentence with asides?

    >>> _noted_items("Gardening (149) Container Gardening (14) Edible Gardening (16) Fall Gardening (20) "
    ...              "Habitat Gardening (10) Herbs (8) Roses (31) Spring Gardening (12) Winter (2)", 23)
    True
    >>> _noted_items("The survey (run in May) asked growers (most of them small) about prices (which rose) "
    ...              "and about rain (scarce), pests (many), labour (short), loans (dear) and water (rationed) "
    ...              "in the valley, and what they would plant next year if the rain came back in time.", 45)
    False
    """
    notes = len(_NOTE.findall(text))
    return notes >= LIST_LINE_ITEMS and n <= NOTED_ITEM_WORDS * notes and not ends_sentence(text)


#: A row led by a short label holding a number (a date, a rank, a stage), then a dash or a colon
#: (ASCII text writes the dash "-" or "--").
_LABELLED_ROW = re.compile(r"\A(?:[^\W\d]+\.?\s+){0,2}\d[\w.,/]*(?:\s+[^\W\d]+\.?){0,2}\s*(?:[–—]|--?|:)\s+\S")
_DIGIT_TOKEN = re.compile(r"\b\d[\d.,:%/]*\b")


#: An HTML tag (or comment) as page dumps leave them in the text.
_TAG = re.compile(r"<[!/]?[A-Za-z][^<>]{0,2000}>|<!--.{0,2000}?-->")
#: Share of a line's characters that tags take up for the line to be markup.
MARKUP_SHARE = 0.5
#: A tag that points elsewhere: an image, a frame, a script, a link.
_POINTING_TAG = re.compile(r"<[A-Za-z][^<>]{0,2000}?\s(?:src|href)\s*=")
#: Words a line of markup may hold outside its tags, where it does not open with one: captions.
MARKUP_CAPTION_WORDS = 20
#: What a line of markup weighs: against the text, as a menu item, though inside it it stays.
MARKUP_WEIGHT = -1.5


def _markup(text: str) -> bool:
    """Is the line mostly HTML tags (a page's markup dumped as text)? A line that does not
    open with a tag must point elsewhere (a tag with a ``src`` or ``href``) and hold at
    most :data:`MARKUP_CAPTION_WORDS` words outside its tags: banners' captions and their
    tracking pixels, dumped from a ``<noscript>``. A formula written out in MathML, alone
    or inside a paragraph, is text.

    >>> _markup('<div class="ad"><img width=1 height=1 src="http://ads.example/b?p=1"></div>')
    True
    >>> _markup('Win a chicken dinner! <div style="position:absolute;"><img width=1 height=1 src="http://ads.example/b?p=1"></div>')
    True
    >>> _markup("<b>Note:</b> the council meets on Tuesday to discuss the budget for next year.")
    False
    >>> _markup('In linear algebra, a square matrix is called Hermitian if <math><mrow class="MJX-TeXAtom-ORD">'
    ...         '<mi mathvariant="normal">A</mi><mo stretchy="false">=</mo><msup><mi mathvariant="normal">A</mi>'
    ...         '<mo stretchy="false">*</mo></msup></mrow></math> holds, that is, if it is equal to its own '
    ...         'conjugate transpose.')
    False
    >>> _markup('[MATH: <semantics><mrow class="MJX-TeXAtom-ORD"><mi mathvariant="normal">x</mi><mo>=</mo>'
    ...         '<mn>0</mn></mrow></semantics> :MATH]')
    False
    """
    outside = _TAG.split(text)  # the text between the tags: one scan for the share and the words
    if len(text) - sum(map(len, outside)) < MARKUP_SHARE * len(text):
        return False
    return text.startswith("<") or (_POINTING_TAG.search(text) is not None
                                    and word_count(" ".join(outside)) <= MARKUP_CAPTION_WORDS)


#: Stopword density above which a line leans towards running text (jusText uses 0.30-0.32).
STOPWORD_PIVOT = 0.3


def _teaser(text: str, n: int) -> bool:
    """Is this list item (its bullet stripped; ``n`` words) shaped like a teaser for another page?

    Cut off with an ellipsis under :data:`TEASER_MAX_WORDS` words, or a headline run
    into the dateline of its excerpt.

    >>> _teaser("Jury rules for half of the plaintiffs in the body parts suit …", 12)
    True
    >>> _teaser("Indian-origin man pleads guilty to fraud scheme in US NEW YORK: An Indian-origin man has", 15)
    True
    >>> _teaser("NEW YORK: An Indian-origin man has pleaded guilty to a fraud scheme.", 12)
    False
    """
    return (text.endswith(_ELLIPSES) and n < TEASER_MAX_WORDS) or _GLUED_DATELINE.match(text) is not None


def main_text(view: View, lex: Lexicon) -> Iterator[Hit]:
    """A line outside the main run of text: menus, footers and sidebars around the article.

    The main text is the stretch of lines where prose most outweighs chrome: the
    maximum-sum segment of :func:`line_weight` (the idea of Body Text Extraction,
    Finn et al. 2001, on lines instead of tags). Lines before and after it go.
    Lines next to it that weigh only slightly against it stay with it, and so does
    the line that introduces a list the text starts with ("Specifications:"). It only
    acts where the stretch holds at least two prose lines, so a poem, a list or a
    short note without prose is left alone. Lines other rules removed count only where
    :data:`GAP_RUN` or more of them stood together between two kept lines (a share row, a
    menu, a sign-up form): such a block still parts the text from what stood beyond it
    (:func:`_max_segment_across`); cleaning the output again, without those lines, finds the
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
    while start > 0 and weights[start - 1] >= WEAK:
        start -= 1
    if start > 0 and listed.get(kept[start]) == kept[start - 1]:
        start -= 1  # a list that stays keeps the line that introduces it ("Features:")
    while end + 1 < len(weights) and weights[end + 1] >= WEAK:
        end += 1
    end = _cut_at_end_marker(view, kept, weights, start, end)
    span = f"lines {view.lines[kept[start]].number}-{view.lines[kept[end]].number}"
    for n, i in enumerate(kept):
        if n < start or n > end:
            yield i, f"{'before' if n < start else 'after'} the main text ({span})"


#: A line of at least this many words is a paragraph whose exact copy is no accident.
COPY_MIN_WORDS = 10
#: A run of at least this many such copies, in their order, of at least COPY_WORDS words in all, is a
#: copy of the text (a short passage said twice, a template's filler, is not).
COPY_RUN = 3
COPY_WORDS = 100
#: ... holding at least this share of the words of the prose above it: a copy of the article, not of a
#: passage (a forum reply quoting a post, a recipe's list given twice).
COPY_SHARE = 0.5


def repeated_text(view: View, lex: Lexicon) -> Iterator[Hit]:
    """A later copy of a stretch of the kept text: the same paragraphs again, in the same order.

    Pages carry second copies of their article that a reader never sees: the
    structured-data copy (``articleBody``) that dumpers print when they do not apply
    the page's CSS, a print or app version, a preloaded duplicate. Where at least
    :data:`COPY_RUN` paragraphs of :data:`COPY_MIN_WORDS` words or more stand again,
    one after another (with only copied lines between them) and in the order they
    had, :data:`COPY_WORDS` words or more and at least :data:`COPY_SHARE` of the prose
    above them, the later copy goes and the first stays. A paragraph or a passage
    repeated (a refrain, a recurring notice, a reply quoting a post) is left alone,
    and so are copies of lines already removed: the first copy must be kept text.
    It runs before :func:`main_text`, which then finds the text's end (a share row,
    a "Most read" list) without the copy's paragraphs drawing the text out past it.

    >>> from cleaner.document import Line
    >>> paras = [f"Paragraph {w} of the article tells the reader what happened next in the town, " * 3 for w in "abc"]
    >>> lines = [Line(k + 1, t) for k, t in enumerate([*paras, "Share this", *paras])]
    >>> list(repeated_text(View(lines), None))
    [(4, 'a copy of lines 1-3'), (5, 'a copy of lines 1-3'), (6, 'a copy of lines 1-3')]
    >>> lines = [Line(k + 1, t) for k, t in enumerate([*paras, "Share this", paras[0], paras[2], paras[1]])]
    >>> list(repeated_text(View(lines), None))  # not in their order: no copy of the text
    []
    """
    first: dict[str, int] = {}  # a kept line's text -> the index of its first occurrence
    run: list[int] = []  # the copies in the current run
    origin: list[int] = []  # where each stood first
    long_copies = 0
    copied = 0  # words in the run's long copies
    prose_above = 0  # words in the kept prose lines above the run
    count = view.shapes.words  # counted for every line of a View (Shapes.frame)

    def flush() -> Iterator[Hit]:
        nonlocal long_copies, copied
        if long_copies >= COPY_RUN and copied >= max(COPY_WORDS, COPY_SHARE * prose_above):
            span = f"lines {view.lines[origin[0]].number}-{view.lines[origin[-1]].number}"
            for i in run:
                yield i, f"a copy of {span}"
        run.clear()
        origin.clear()
        long_copies = copied = 0

    prose = view.prose
    for i, line in enumerate(view.lines):
        if line.removal is not None:
            continue
        at = first.setdefault(line.text, i)
        if at == i:  # its first occurrence
            if run:
                yield from flush()
            if prose[i]:
                prose_above += count(line) or 0
            continue
        if run and at <= origin[-1]:  # out of order: a new run may start here
            yield from flush()
        run.append(i)
        origin.append(at)
        if (n := count(line) or 0) >= COPY_MIN_WORDS:
            long_copies += 1
            copied += n
    yield from flush()


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


def _cut_at_end_marker(view: View, kept: list[int], weights: list[float], start: int, end: int) -> int:
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
    >>> _cut_at_end_marker(view, kept, [12.0, 12.0, -0.5, 10.0, -0.5, 11.0], 0, 5)
    1
    >>> lines[5], lines[6] = Line(6, para), Line(7, para)  # paragraphs go on: the share row closes nothing
    >>> _cut_at_end_marker(View(lines), kept, [12.0, 12.0, -0.5, 12.0, 12.0, 11.0], 0, 5)
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
    >>> _cut_at_end_marker(View(lines), kept, weights, 0, len(kept) - 1)
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
        if kept[n - 1] != i - 1 or not text.endswith(_ELLIPSES) or not _CUT_OFF.search(text):
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
#: pieces of one paragraph. Data removed (DATA_RULES: a count, a phone number, a date alone) never
#: parts: a listing's phone numbers stand between its entries.
GAP_RUN = 3
GAP_WEIGHT = -1.0
DATA_RULES = frozenset({"lines.counter", "lines.timestamp"})


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
        if n and i - kept[n - 1] > GAP_RUN:
            gone = sum(view.lines[j].removal.rule not in DATA_RULES for j in range(kept[n - 1] + 1, i))
            if gone >= GAP_RUN:
                seq.append(GAP_WEIGHT * gone)
                where.append(-1)
        seq.append(core[n])
        where.append(n)
    start, end = _max_segment(seq)
    if start is None:
        return None, None
    return where[start], where[end]  # a maximum segment starts and ends on a kept line: a block weighs < 0


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
