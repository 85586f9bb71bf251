"""The stages, in order, and the one helper that gates and records rules.

::

    bytes/str -> decode -> repair -> normalize -> line rules -> block rules -> [learned] -> emit

HTML input is turned into text by trafilatura first (:mod:`cleaner.html`); then
the same stages run. Nothing here knows about files, processes or argparse.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from . import blocks, learned, lines
from . import html as html_input
from .config import Config
from .decode import decode
from .document import Document, Line, Removal, Repair
from .lang import detect, stoplist
from .lexicon import Lexicon, load
from .normalize import normalize_text, split_lines, strip_lines
from .repair import repair_lines

#: Line rules, in the order they are tried; the first that fires names the removal.
LINE_RULES: tuple[Callable[[lines.Facts, Lexicon], str | None], ...] = (
    lines.symbols_only,
    lines.counter,
    lines.timestamp,
    lines.share_buttons,
    lines.media_controls,
    lines.navigation,
    lines.advertisement,
    lines.newsletter_prompt,
    lines.cookie_notice,
    lines.comment_controls,
    lines.related_heading,
    lines.read_more,
    lines.legal_footer,
    lines.tag_line,
    lines.byline,
    lines.photo_credit,
    lines.glued_phrases,
)

#: Block rules, in order; each sees the removals of the rules before it.
BLOCK_RULES: tuple[Callable[[blocks.View, Lexicon], Iterable[tuple[int, str]]], ...] = (
    blocks.series_label,
    blocks.comment_section,
    blocks.tag_list,
    blocks.related_links,
    blocks.headline,
    blocks.main_text,
)

#: Repair and normalisation alternate until neither changes the text (bounded).
PREPARE_ROUNDS = 3

#: Block rules run again until nothing changes (each pass can expose new context),
#: so that cleaning the output once more removes nothing: cleaning is idempotent.
MAX_BLOCK_PASSES = 4


def rule_id(rule: Callable[..., Any]) -> str:
    """A rule's public id: its module's short name and its function name.

    >>> rule_id(lines.share_buttons)
    'lines.share_buttons'
    """
    return f"{rule.__module__.rsplit('.', 1)[-1]}.{rule.__name__}"


def all_rules() -> list[tuple[str, str]]:
    """``(id, first docstring line)`` of every rule, in pipeline order."""
    rules = [*LINE_RULES, *BLOCK_RULES, learned.frequent_line]
    return [(rule_id(r), (r.__doc__ or "").strip().splitlines()[0]) for r in rules]


def prepare(data: str | bytes, config: Config) -> Document:
    """decode -> (HTML extraction) -> repair -> normalize: the document before any rule."""
    repairs: list[Repair] = []
    if isinstance(data, bytes):
        data, repairs = decode(data)
    extra: dict[str, Any] = {}
    if config.input == "html" or (config.input == "auto" and html_input.looks_like_html(data)):
        data, extra = html_input.extract(data)
    raw = split_lines(data)
    for _ in range(PREPARE_ROUNDS):
        fixed = repair_lines(raw) if config.repair else []
        if any("\n" in line for line in raw):  # an entity such as &#10; made a new line
            raw = split_lines("\n".join(raw))
        text, norm_repairs = normalize_text("\n".join(raw))
        repairs += fixed + norm_repairs
        # Deleting a control or invisible character can join bytes into mojibake that
        # ftfy would now fix; go round again so that cleaning the output changes nothing.
        if not (config.repair and norm_repairs):
            break
        raw = text.split("\n")
    numbered = [Line(n, t) for n, t in enumerate(strip_lines(text.split("\n")), 1)]
    lang = config.lang or extra.pop("lang", None) or detect(text)
    return Document(numbered, lang=lang, repairs=repairs, extra=extra)


def run_rules(doc: Document, config: Config, group: str = "") -> Document:
    """Line rules, then block rules to a fixed point, then the learned model."""
    lex = load(doc.lang)
    line_rules = [(rule_id(r), r) for r in LINE_RULES if rule_id(r) not in config.disable]
    for line in doc.lines:
        if line.text and len(line.text) <= lines.LONG_LINE and line_rules:
            facts = lines.Facts(line.text, lex)
            no_phrase = facts.phrase is None and facts.prefix is None
            for rid, rule in line_rules:
                if no_phrase and rule in lines.PHRASE_RULES:
                    continue  # a phrase rule cannot fire on a line that starts no phrase
                detail = rule(facts, lex)
                if detail:
                    line.removal = Removal(rid, detail)
                    break
    block_rules = [(rule_id(r), r) for r in BLOCK_RULES if rule_id(r) not in config.disable]
    shapes = blocks.Shapes(stoplist(doc.lang))
    for _ in range(MAX_BLOCK_PASSES):
        changed = False
        for rid, rule in block_rules:
            view = blocks.View(doc.lines, shapes)
            for i, detail in rule(view, lex):
                if mark(view.lines[i], rid, detail):
                    changed = True
        if not changed:
            break
    if config.model is not None and "learned.frequent_line" not in config.disable:
        for line, detail in learned.frequent_line(doc, config.model, group):
            mark(line, "learned.frequent_line", detail)
    return doc


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

