"""A block rule for a copy of the text: a run of paragraphs said again further down."""

from __future__ import annotations

from collections.abc import Iterator

from ..lexicon import Lexicon
from .view import Hit, View


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
    Where a page breaks its paragraphs at a fixed width, a passage's lines repeat
    wherever its words do: lines that carry one sentence on
    (:meth:`~cleaner.blocks.view.View.runs_on`) count as one paragraph, and a run that
    starts or ends inside a sentence going on past it is a passage, not whole paragraphs.
    It runs before :func:`~cleaner.blocks.main.main_text`, which then finds the text's end (a share row,
    a "Most read" list) without the copy's paragraphs drawing the text out past it.

    >>> from cleaner.document import Line
    >>> paras = [f"Paragraph {w} of the article tells the reader what happened next in the town. " * 3 for w in "abc"]
    >>> paras = [p.rstrip(". ") + "," for p in paras]  # the last sentence of each goes on after a comma
    >>> lines = [Line(k + 1, t) for k, t in enumerate([*paras, "Share this", *paras])]
    >>> list(repeated_text(View(lines), None))
    [(4, 'a copy of lines 1-3'), (5, 'a copy of lines 1-3'), (6, 'a copy of lines 1-3')]
    >>> lines = [Line(k + 1, t) for k, t in enumerate([*paras, "Share this", *paras, "and so on."])]
    >>> list(repeated_text(View(lines), None))  # the run ends inside a sentence that goes on
    []
    >>> broken = ["The committee met on a cold morning in the old hall by the river and",
    ...           "agreed, after a long debate about the roof and the heating, that the hall",
    ...           "would stay open through the winter for anyone who needed a warm place to",
    ...           "sit, read or talk, and that volunteers would take turns keeping the doors",
    ...           "open from eight in the morning until late in the evening on weekdays, and that the",
    ...           "town would pay for the heating and the lights until the spring came round",
    ...           "again and the roof could be mended by the builders from the next village."]
    >>> lines = [Line(k + 1, t) for k, t in enumerate([*broken, "Once more", *broken])]
    >>> list(repeated_text(View(lines), None))  # one paragraph broken at a width, said twice
    []
    >>> lines = [Line(k + 1, t) for k, t in enumerate([*paras, "Share this", paras[0], paras[2], paras[1]])]
    >>> list(repeated_text(View(lines), None))  # not in their order: no copy of the text
    []
    """
    first: dict[str, int] = {}  # a kept line's text -> the index of its first occurrence
    run: list[int] = []  # the copies in the current run
    origin: list[int] = []  # where each stood first
    long_copies = 0  # long paragraphs in the run
    copied = 0  # words in the run's long paragraphs
    para = 0  # words in the run's last paragraph so far
    prose_above = 0  # words in the kept prose lines above the run
    count = view.shapes.words  # counted for every line of a View (Shapes.frame)

    def flush() -> Iterator[Hit]:
        nonlocal long_copies, copied
        if (long_copies >= COPY_RUN and copied >= max(COPY_WORDS, COPY_SHARE * prose_above)
                and not cut_from_paragraph()):
            span = f"lines {view.lines[origin[0]].number}-{view.lines[origin[-1]].number}"
            for i in run:
                yield i, f"a copy of {span}"
        run.clear()
        origin.clear()
        long_copies = copied = 0

    def cut_from_paragraph() -> bool:  # the run starts or ends inside a sentence that goes on
        head, tail = run[0], run[-1]
        return (head > 0 and view.kept(head - 1) and view.runs_on(head - 1, head)
                or tail + 1 < len(view.lines) and view.kept(tail + 1) and view.runs_on(tail, tail + 1))

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
        n = count(line) or 0
        before = para if len(run) > 1 and view.runs_on(run[-2], i) else 0  # the same paragraph goes on
        para = before + n
        if para >= COPY_MIN_WORDS:
            if before < COPY_MIN_WORDS:
                long_copies += 1
                copied += before
            copied += n
    yield from flush()
