"""Block rules for what stands at the body's edges: the headline above it, and below it the
comment section and the author's box."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from itertools import islice

from ..lexicon import Lexicon
from ..text import key, keys, title_like, word_count
from . import names
from .view import Hit, View


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
    >>> from cleaner.blocks import Shapes
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
    to ...", "Comments", "Leave a reply"), or a kept line that is one such phrase whole
    (at most :data:`KEPT_HEADING_CHARS` long: a shop's "Customer reviews", which alone closes
    nothing, since a course's testimonials under "Reviews" are the page's text). What follows
    must look like a thread:
    at least two author lines ("Hanna Lund says:", "1. Hanna Lund says"), reply
    links ("Reply") or a review's rating and votes ("Rated 4 out of 5 stars", "Verified
    purchase"), words from ``words/comments.txt``; and the heading may not be a
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

    A product's reviews under a heading the line rules kept:

    >>> lines = [*article, Line(8, "Customer reviews"), Line(9, "Rated 4 out of 5 stars"),
    ...          Line(10, "Comfortable straps, and the pockets hold a lot."), Line(11, "Verified purchase")]
    >>> [i for i, _ in comment_section(View(lines), load("en"))]
    [7, 8, 9, 10]
    >>> lines[8] = Line(9, "Aug 2024")  # dated testimonials: no rating, no votes
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
    opens_heading = _first_word_of(headings).match
    for h in range(view.body_start + 1, len(view.lines)):
        line = view.lines[h]
        if line.removal is None:  # a heading the line rules kept ("Customer reviews"): a short line
            if len(line.text) > KEPT_HEADING_CHARS or not opens_heading(line.text) or key(line.text) not in headings:
                continue
        elif line.removal.rule != "lines.comment_controls" or not _starts_with_any(key(line.text), headings):
            continue
        rest = range(h + 1, len(view.lines))
        # The first two author lines, reply links or review markers below (two make a thread).
        found = list(islice((i for i in rest if names.author_line(view.lines[i].text, says)
                             or key(view.lines[i].text) in says), 2))
        if len(found) == 2 and not _article_below(view, h, found[0]):
            if line.removal is None:
                yield h, "a comment section's heading"
            for i in rest:
                if view.kept(i):
                    yield i, f"in the comment section under line {line.number}"
            return


#: Longest comment heading that the line rules kept ("Customer ratings and reviews (1,204)").
KEPT_HEADING_CHARS = 40

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
    >>> from cleaner.blocks import Shapes
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


def _paragraphs_follow(view: View, i: int) -> bool:
    """Does running text go on below line ``i``: a kept prose line right after it, or two kept
    prose lines in a row (nothing but blank lines between) further down?"""
    if i + 1 < len(view.lines) and view.prose[i + 1] and view.kept(i + 1):
        return True
    return any(view.prose[a] and view.prose[a + 1] and view.kept(a) and view.kept(a + 1)
               for a in range(i + 1, len(view.lines) - 1))


#: Prose lines of the body that must stand above an author box.
BIO_AFTER = 3
#: How far (non-blank lines) above the paragraph its name line may stand.
BIO_GAP = 3
#: The paragraph names the person within this many words, and says what they do within BIO_ROLE_WORDS.
BIO_NAME_WORDS = 12
BIO_ROLE_WORDS = 30


@lru_cache(maxsize=64)
def _first_word_of(phrases: frozenset[str]) -> re.Pattern:
    """A pattern that matches the start of a line whose key starts with the first word of one
    of the (keyed) ``phrases``: a cheap test before the line's key is worked out (a "0" in a
    key stands for any number; a line written in another Unicode form than the phrase, with
    its accents as combining marks, is missed).

    >>> opens = _first_word_of(frozenset({"customer reviews", "0件のコメント", "0 comments"})).match
    >>> [bool(opens(t)) for t in ("Customer Reviews", "* customer", "3件のコメント", "1,204 Comments", "Customers")]
    [True, True, True, True, False]
    """
    firsts = sorted({p.split()[0] for p in phrases if p}, key=len, reverse=True)
    words = "|".join(r"\d+".join(map(re.escape, w.split("0"))) for w in firsts)
    return re.compile(rf"[\W_]*(?:{words})(?!\w)", re.IGNORECASE)


def _starts_with_any(line_key: str, phrases: frozenset[str]) -> bool:
    words = line_key.split()
    return any(" ".join(words[:n]) in phrases for n in (1, 2, 3, 4))
