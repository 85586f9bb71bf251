"""The one immutable configuration of a cleaning run."""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from typing import Any

INPUT_KINDS = ("auto", "text", "html")


@dataclass(frozen=True)
class Config:
    """Options of :class:`cleaner.Cleaner`; every field has a safe default.

    input:
        ``"auto"`` (HTML is recognised and extracted with trafilatura first),
        ``"text"`` or ``"html"``.
    lang:
        ISO 639-1 code of the text's language, or ``None`` to detect it from
        stopwords (falling back to ``"en"``). Picks the lexicons the phrase rules use;
        English and language-neutral phrases always apply.
    disable:
        Rule ids to switch off, e.g. ``{"lines.byline", "blocks.related_links"}``.
        ``cleaner rules`` lists them.
    repair:
        Repair encoding damage (mojibake, entities, control characters) with ftfy.
    unwrap:
        Judge paragraphs as the page had them, whatever the dumper did to its lines:
        join hard-wrapped lines and pieces cut at inline elements back into paragraphs
        (:mod:`cleaner.unwrap`), break a page run into one line at the runs of spaces
        between its blocks (:mod:`cleaner.spaced`), and judge apart blocks run together
        with no break (:mod:`cleaner.glue`; the output keeps their wording as it was). ``False``
        judges the lines exactly as the input breaks them.
    markdown:
        Reduce link markup to its text: Markdown links become their text, images and
        emphasis marks go (:mod:`cleaner.markdown`), where the text is Markdown; a text
        browser's link numbers and reference list go (:mod:`cleaner.references`), where
        the text is a ``lynx -dump``, and so do its marks for buttons, insertions,
        unnamed images and frames (:mod:`cleaner.browsermarks`).
    model:
        A fitted :class:`cleaner.learned.Model` of site boilerplate, or ``None``.

    >>> Config(disable=["lines.byline"]).disable
    frozenset({'lines.byline'})
    >>> Config(input="pdf")
    Traceback (most recent call last):
    ...
    ValueError: input must be one of auto, text, html, not 'pdf'
    """

    input: str = "auto"
    lang: str | None = None
    disable: frozenset[str] = frozenset()
    repair: bool = True
    unwrap: bool = True
    markdown: bool = True
    model: Any = None

    def __post_init__(self) -> None:
        if self.input not in INPUT_KINDS:
            raise ValueError(f"input must be one of {', '.join(INPUT_KINDS)}, not {self.input!r}")
        object.__setattr__(self, "disable", frozenset(self.disable))
        if self.lang is not None:
            object.__setattr__(self, "lang", self.lang.lower())

    def with_options(self, **options: Any) -> "Config":
        """A copy with some fields changed; unknown names raise ``TypeError``."""
        known = {f.name for f in fields(self)}
        unknown = sorted(set(options) - known)
        if unknown:
            raise TypeError(f"unknown option(s): {', '.join(unknown)}")
        return replace(self, **options) if options else self
