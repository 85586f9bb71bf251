"""The stages, in order, and the one helper that gates and records rules.

::

    bytes/str -> decode -> unwrap -> repair -> normalize -> markdown, references, browser marks, rejoin, glue -> line rules -> block rules -> [learned] -> emit

HTML input is turned into text by trafilatura first (:mod:`cleaner.html`); then
the same stages run. Nothing here knows about files, processes or argparse.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import replace
from typing import Any

from . import blocks, browsermarks, glue, learned, lines, markdown, references, spaced
from . import html as html_input
from .config import Config
from .decode import decode
from .document import Document, Line, Removal, Repair
from .lang import detect, detect_without, stoplist
from .lexicon import Lexicon, load
from .normalize import normalize_text, split_lines, strip_lines
from .repair import repair_lines
from .text import keys, word_counts
from .unwrap import rejoin, unwrap, wrap_width

LineRule = Callable[[lines.Facts, Lexicon], "str | None"]

#: Line rules, in the order they are tried; the first that fires names the removal.
#: Each names its ``gate``: the flags of :class:`~cleaner.lines.Facts` it needs one of.
LINE_RULES: tuple[LineRule, ...] = (
    lines.symbols_only,
    lines.counter,
    lines.timestamp,
    lines.dated_entry,
    lines.share_buttons,
    lines.share_row,
    lines.browser_marks,
    lines.media_controls,
    lines.navigation,
    lines.advertisement,
    lines.newsletter_prompt,
    lines.cookie_notice,
    lines.script_notice,
    lines.contact_details,
    lines.comment_controls,
    lines.post_controls,
    lines.related_heading,
    lines.read_more,
    lines.legal_footer,
    lines.tag_line,
    lines.byline,
    lines.photo_credit,
    lines.caption_credit,
    lines.glued_phrases,
)

#: Block rules, in order; each sees the removals of the rules before it.
BLOCK_RULES: tuple[Callable[[blocks.View, Lexicon], Iterable[tuple[int, str]]], ...] = (
    blocks.series_label,
    blocks.comment_section,
    blocks.tag_list,
    blocks.labelled_tags,
    blocks.related_links,
    blocks.inset_links,
    blocks.headline,
    blocks.author_bio,
    blocks.repeated_text,
    blocks.main_text,
)

#: Repair and normalisation alternate until neither changes the text (bounded). Real text
#: settles in one or two rounds; mojibake of an invisible character nested in itself
#: ("â€‹" around "â€‹") loses one layer a round: repair makes the zero-width space,
#: normalisation deletes it, and what stood either side now reads as mojibake.
PREPARE_ROUNDS = 16

#: Rules that HTML input skips: trafilatura has already cut the page down to its main
#: text, and trimming that again only loses body (measured on the bench: F1 +0.003..0.005).
SKIP_AFTER_EXTRACTION = frozenset({"blocks.main_text"})

#: An extraction holding less than this share of the page's text (and of the page's own main
#: text, cleaned as text) is a sliver: the page's main text is used instead (_unless_sliver).
SLIVER = 0.1

#: Rounds of rules at most (see run_rules); two or three settle nearly every document.
MAX_ROUNDS = 5


def rule_id(rule: Callable[..., Any]) -> str:
    """A rule's public id: its family (the module or package under ``cleaner``) and its function name.

    >>> rule_id(lines.share_buttons), rule_id(blocks.main_text)
    ('lines.share_buttons', 'blocks.main_text')
    """
    return f"{rule.__module__.split('.')[1]}.{rule.__name__}"


def all_rules() -> list[tuple[str, str]]:
    """``(id, first docstring line)`` of every rule, in pipeline order."""
    rules = [*LINE_RULES, *BLOCK_RULES, learned.frequent_line]
    return [(rule_id(r), (r.__doc__ or "").strip().splitlines()[0]) for r in rules]


def prepare(data: str | bytes, config: Config) -> Document:
    """decode -> (HTML extraction) -> unwrap -> repair -> normalize -> markdown, references, browser marks, rejoin, glue:
    the document before any rule."""
    repairs: list[Repair] = []
    if isinstance(data, bytes):
        data, repairs = decode(data)
    extra: dict[str, Any] = {}
    source = "text"
    if config.input == "html" or (config.input == "auto" and html_input.looks_like_html(data)):
        extracted, extra = html_input.extract(data)
        data = _unless_sliver(data, extracted, extra, config)
        source = "html"
    raw = split_lines(data)
    # trafilatura writes one block a line: its line breaks inside a block are the page's own
    # (<br>: verse, an address, a blog's hand-broken Chinese), not a dumper's wrapping.
    if config.unwrap and source == "text":
        raw = _unwrapped(_unspaced(raw, repairs), repairs)
    for _ in range(PREPARE_ROUNDS):
        fixed = repair_lines(raw) if config.repair else []
        # An entity such as &#10; or a repaired line separator made a new line (only a
        # repaired line can hold one). Split again, and go round again: ftfy judged the
        # text of the new lines together, and alone one of them may read differently.
        resplit = any("\n" in raw[r.line - 1] for r in fixed)
        if resplit:
            raw = split_lines("\n".join(raw))
        text, norm_repairs = normalize_text("\n".join(raw))
        repairs += fixed + norm_repairs
        unstripped = text.split("\n")
        stripped = strip_lines(unstripped)
        # Deleting a control or invisible character, or the spaces around a line, can
        # leave mojibake that ftfy would now fix; go round again, so that cleaning the
        # output changes nothing.
        if not config.repair or not resplit and not norm_repairs and (
                stripped == unstripped or not _repair_would_change(stripped, unstripped)):
            break
        raw = stripped
    # Markdown and inline cuts are judged on repaired text: a control character that repair
    # turns into a quote or a bracket must read the same on the first pass as on the second.
    repaired = stripped
    linked: frozenset[str] = frozenset()
    if config.markdown and markdown.is_markdown(text):
        linked = markdown.linked_lines(stripped)
        stripped = _markdown_stripped(stripped, repairs)
        text = "\n".join(stripped)  # what the language is detected from: no link targets
    if config.markdown:
        unnumbered = _marks_stripped(_references_stripped(stripped, repairs), repairs)
        if unnumbered is not stripped:
            stripped, text = unnumbered, "\n".join(unnumbered)
    if config.unwrap:
        stripped = _rejoined(stripped, repairs)
    if stripped is not repaired and stripped != repaired:
        stripped = _settled(stripped, repairs, config.repair, config.unwrap)
    if config.unwrap:
        stripped, glued = _unglued(stripped, repairs)
    else:
        glued = [False] * len(stripped)
    numbered = [Line(n, t, glued=g, linked=bool(linked) and " ".join(t.split()) in linked)
                for n, (t, g) in enumerate(zip(stripped, glued), 1)]
    lang = config.lang or extra.pop("lang", None) or detect(text)
    return Document(numbered, lang=lang, repairs=repairs, extra=extra, source=source)


def _unwrapped(raw: list[str], repairs: list[Repair]) -> list[str]:
    """The lines, hard-wrapped paragraphs joined back (:mod:`cleaner.unwrap`), with a
    repair record saying so. Before any other step: the width counts the indentation.
    A text browser's reference list at the end (:mod:`cleaner.references`) is no wrapped
    text: its long targets overflow any width, so the width is measured above it."""
    end = references.list_start(raw)
    found = wrap_width(raw if end is None else raw[:end])
    if found is None:
        return raw
    w, columns = found
    raw, joins = unwrap(raw, w, columns)
    repairs.append(Repair("unwrap", f"wrapped at {w} {'characters' if columns else 'characters (wide ones counted once)'}: "
                                    f"{joins} line breaks joined"))
    return raw


def _unspaced(raw: list[str], repairs: list[Repair]) -> list[str]:
    """The lines, a page run into one line with runs of spaces between its blocks cut at them
    (:mod:`cleaner.spaced`); before unwrapping (whose joins keep the indentation of wrapped lines)
    and normalising (which collapses the runs)."""
    raw, cuts = spaced.split(raw)
    if cuts:
        repairs.append(Repair("unwrap.spaced", f"{cuts} runs of spaces between blocks made line breaks"))
    return raw


def _rejoined(lines: list[str], repairs: list[Repair]) -> list[str]:
    """The lines, paragraphs cut at inline elements joined back (:func:`cleaner.unwrap.rejoin`)."""
    lines, joins = rejoin(lines)
    if joins:
        repairs.append(Repair("unwrap.rejoin", f"{joins} line breaks inside sentences joined"))
    return lines


def _repaired_again(lines: list[str], repairs: list[Repair], repair: bool) -> list[str]:
    """Lines that the syntax steps or rejoin changed, repaired and normalised again: taking out
    a link's number or joining two lines can bring together pieces that read as mojibake only
    together ("Š‘" and "Š‘" are "ББ"), and an image taken out of a link leaves two spaces
    ("*  Home"); cleaning the output would repair and normalise them. With ``repair`` off
    (``--no-repair``) they are only normalised, as the input was."""
    for _ in range(PREPARE_ROUNDS):
        fixed = repair_lines(lines) if repair else []
        joined = "\n".join(lines)
        text, norm_repairs = normalize_text(joined)
        if not fixed and text == joined:
            break
        repairs += fixed + norm_repairs
        lines = strip_lines(split_lines(text))
    return lines


def _settled(lines: list[str], repairs: list[Repair], repair: bool, rejoin_too: bool) -> list[str]:
    """Lines the syntax steps or rejoin changed, repaired again (:func:`_repaired_again`) and,
    where that made new lines (an entity such as "&#10;" that a join completed), rejoined
    again, until neither changes them: cleaning the output must find nothing left to do."""
    for _ in range(PREPARE_ROUNDS):
        fixed = _repaired_again(lines, repairs, repair)
        if fixed is lines or not rejoin_too:
            return fixed
        lines = _rejoined(fixed, repairs)
        if lines == fixed:
            return lines
    return lines


def _unglued(lines: list[str], repairs: list[Repair]) -> tuple[list[str], list[bool]]:
    """The lines with blocks a dumper ran together cut apart for judging (:mod:`cleaner.glue`),
    and which pieces run on from the line before (output puts kept neighbours back together)."""
    lines, glued, cuts = glue.split(lines)
    if cuts:
        repairs.append(Repair("glue", f"{cuts} places where blocks ran together judged apart"))
    return lines, glued


def _markdown_stripped(lines: list[str], repairs: list[Repair]) -> list[str]:
    """The lines with Markdown links, images, headings and emphasis reduced to their text
    (:mod:`cleaner.markdown`)."""
    text, n = markdown.strip("\n".join(lines))  # a wrapped link may span two lines
    repairs.append(Repair("markdown", f"{n} links and images reduced to their text"))
    return strip_lines(split_lines(text))


def _references_stripped(lines: list[str], repairs: list[Repair]) -> list[str]:
    """The lines without a text browser's numbered link references (:mod:`cleaner.references`);
    the same list where the text has none."""
    stripped, n = references.strip(lines)
    if not n:
        return lines
    repairs.append(Repair("references", f"reference list and {n} link numbers taken out"))
    return strip_lines(stripped)


def _marks_stripped(lines: list[str], repairs: list[Repair]) -> list[str]:
    """The lines without a text browser's marks for buttons, insertions, unnamed images and
    frames (:mod:`cleaner.browsermarks`); the same list where the text has none."""
    stripped, n = browsermarks.strip(lines)
    if not n:
        return lines
    repairs.append(Repair("browsermarks", f"{n} text-browser marks taken out"))
    return strip_lines(stripped)


def _unless_sliver(html: str, extracted: str, extra: dict[str, Any], config: Config) -> str:
    """trafilatura's text, or the page's own main text where trafilatura kept only a sliver of it.

    Now and then an extractor keeps only a page's opening lines (of a listing article, say,
    whose body it misjudged). Where the extraction holds under :data:`SLIVER` of the page's
    text (:func:`~cleaner.html.page_text`), the page is cleaned as text; where its main text
    is more than ``1 / SLIVER`` times the extraction, that main text is used instead, and
    ``extra["extraction"]`` says so. Few pages get this far (10 of 666 on the bench),
    and most are told apart by :func:`~cleaner.html.visible_bound` without parsing the page again.
    """
    size = html_input.visible(extracted)  # characters, white space not counted
    # The page's length bounds its text as well, for free: a quarter of the pages need no count.
    if size >= SLIVER * len(html) or size >= SLIVER * html_input.visible_bound(html):
        return extracted  # most pages: no second parse
    page = html_input.page_text(html)
    if size >= SLIVER * html_input.visible(page):
        return extracted
    main = process(page, replace(config, input="text")).text()
    main_size = html_input.visible(main)
    if size >= SLIVER * main_size:
        return extracted
    extra["extraction"] = f"page text: the extractor kept {size} of its {main_size} characters"
    return main


def _repair_would_change(stripped: list[str], unstripped: list[str]) -> bool:
    """Would ftfy change any line that lost spaces at its ends? (The others it has seen.)"""
    changed = [a for a, b in zip(stripped, unstripped) if a != b]
    return bool(repair_lines(changed))


def run_rules(doc: Document, config: Config, group: str = "") -> Document:
    """Rounds of rules until one removes nothing, so that cleaning the output again
    removes nothing: cleaning is idempotent by construction.

    A round runs the line rules (and the learned model), then each block rule once.
    Round one judges every line. Each later round judges only the lines still kept,
    as if they were the whole input, with the language detected again on them:
    exactly what cleaning the output would see. Line rules judge a line alone, so
    a later round repeats them only when the language changed.
    """
    line_rules = [(rule_id(r), r) for r in LINE_RULES if rule_id(r) not in config.disable]
    skip = config.disable | (SKIP_AFTER_EXTRACTION if doc.source == "html" else frozenset())
    block_rules = [(rule_id(r), r) for r in BLOCK_RULES if rule_id(r) not in skip]
    current, lang, judged_lang = doc.lines, doc.lang, None
    # Line features, kept across rounds (line text never changes), and the title the page names.
    shapes = blocks.Shapes(title=doc.extra.get("title") if doc.source == "html" else None)
    for _ in range(MAX_ROUNDS):
        lex = load(lang)
        changed = False
        if lang != judged_lang:
            if line_rules:
                changed |= run_line_rules(current, lex, line_rules, shapes)
            if config.model is not None and "learned.frequent_line" not in config.disable:
                for line, detail in learned.frequent_line(doc, config.model, group):
                    changed |= mark(line, "learned.frequent_line", detail)
            judged_lang = lang
        shapes.use(stoplist(lang))
        for rid, rule in block_rules:
            view = blocks.View(current, shapes)
            for i, detail in rule(view, lex):
                changed |= mark(view.lines[i], rid, detail)
        if not changed:  # the same lines as the round before: the same language, a fixed point
            break
        kept = [line for line in current if line.removal is None]
        lang = config.lang or detect_without("\n".join(line.text for line in current),
                                             [line.text for line in current if line.removal is not None],
                                             "\n".join(line.text for line in kept))
        current = kept
    doc.lang = lang
    return doc


def run_line_rules(current: list[Line], lex: Lexicon, rules: list[tuple[str, LineRule]],
                   shapes: blocks.Shapes | None = None) -> bool:
    """Each short kept line against the line rules in order; the first that fires removes it
    (the cells of a table written a cell to a line, :func:`cleaner.tables.cell_runs`, are
    data and spared). Returns whether any line was removed.

    A rule is only tried on a line with one of the flags of its ``gate`` (a cheap
    necessary condition); most lines have none, and the rules a set of flags
    calls for is worked out once per document. Given the document's ``shapes``,
    the word counts are the ones the block stage takes (every non-blank line's,
    counted once; the block rules of this round then find them ready).
    """
    cells = shapes.cells(current) if shapes is not None else frozenset()  # a table's cells are data
    todo = [line for line in current
            if line.text and line.removal is None and len(line.text) <= lines.LONG_LINE and line.number not in cells]
    texts = [line.text for line in todo]
    line_keys = keys(texts)
    if shapes is None:
        counts = word_counts(texts)
    else:
        shapes.frame(current)  # counts the words of every non-blank line of ``current``
        counts = list(map(shapes.words, todo))
    if all(getattr(rule, "gate", None) is not None for _, rule in rules):
        indexes = lines.flagged(texts, line_keys, counts, lex)  # the rest have no flag: no rule to try
    else:
        indexes = range(len(todo))
    plans: dict[tuple[str, ...], list[tuple[str, LineRule]]] = {}
    changed = False
    for i in indexes:
        line = todo[i]
        facts = lines.Facts(line.text, lex, line_keys[i], counts[i])
        plan = plans.get(facts.flags)
        if plan is None:  # a rule without a gate is tried on every line
            plan = plans[facts.flags] = [(rid, rule) for rid, rule in rules
                                         if getattr(rule, "gate", None) is None or rule.gate & set(facts.flags)]
        for rid, rule in plan:
            detail = rule(facts, lex)
            if detail:
                line.removal = Removal(rid, detail)
                changed = True
                break
    return changed


def mark(line: Line, rule: str, detail: str) -> bool:
    """Record a removal on a kept line; a line already removed keeps its first reason."""
    if line.removal is not None or not line.text:
        return False
    line.removal = Removal(rule, detail)
    return True


def process(data: str | bytes, config: Config, group: str = "") -> Document:
    """The whole pipeline: the document with every removal and repair recorded.

    ``group`` names the site or folder the document belongs to, for a learned model.
    """
    return run_rules(prepare(data, config), config, group)

