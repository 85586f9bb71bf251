"""The data a cleaning run works on and returns.

A :class:`Document` is the normalised input as lines. Rule stages never edit a
line's text: they only attach a :class:`Removal` (which rule, and why). The kept
and removed lines, in order, always rebuild the normalised input.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True, slots=True)
class Removal:
    """Why a line was removed: the rule id and the evidence it saw."""

    rule: str
    detail: str


@dataclass(slots=True)
class Line:
    """One normalised input line (``number`` counts from 1; blank lines count too).

    ``glued``: the input ran this line on from the one before, with no break between
    them (:mod:`cleaner.glue` cut them apart to judge them); kept together, they are
    output together as the input had them.

    ``linked``: in Markdown input, the line was one link and nothing else
    (:func:`cleaner.markdown.linked_lines`): a menu item, or a teaser whose text is another
    page's summary.
    """

    number: int
    text: str
    removal: Removal | None = None
    glued: bool = False
    linked: bool = False

    @property
    def kept(self) -> bool:
        return self.removal is None and bool(self.text)


def input_lines(lines: list[Line]) -> list[str]:
    """The texts of ``lines`` as the (normalised) input broke them: each glued piece run on
    from the line before it, kept or removed alike.

    >>> input_lines([Line(1, "Community standards"), Line(2, "Discussion", glued=True), Line(3, "")])
    ['Community standardsDiscussion', '']
    """
    out: list[str] = []
    for line in lines:
        if line.glued and out:
            out[-1] += line.text
        else:
            out.append(line.text)
    return out


@dataclass(frozen=True, slots=True)
class Repair:
    """An encoding or whitespace fix: which step, what it did, on which line (0: whole input)."""

    step: str
    detail: str
    line: int = 0


@dataclass(slots=True)
class Document:
    """Lines plus what the stages learned about them."""

    lines: list[Line]
    lang: str = "en"
    repairs: list[Repair] = field(default_factory=list)
    #: Metadata found outside the lines (e.g. trafilatura's, for HTML input).
    extra: dict[str, Any] = field(default_factory=dict)
    #: "text", or "html" when an extractor already chose the main text.
    source: str = "text"

    def kept(self) -> list[Line]:
        """The non-blank lines no rule has removed, in order."""
        return [line for line in self.lines if line.removal is None and line.text]

    def text(self) -> str:
        """The kept lines as text; a blank line marks where the input had one between them,
        and a kept line glued to the kept line before it runs on from it, as in the input.

        >>> doc = Document([Line(1, "One."), Line(2, "Ad", Removal("x", "")),
        ...                 Line(3, ""), Line(4, "Two."), Line(5, "Three.", glued=True)])
        >>> doc.text()
        'One.\\n\\nTwo.Three.'
        >>> doc.lines[3].removal = Removal("x", "")
        >>> doc.text()
        'One.\\n\\nThree.'
        """
        out: list[str] = []
        gap = False
        after_kept = False  # the line before this one is kept
        for line in self.lines:
            if not line.text:
                gap = True
                after_kept = False
            elif line.removal is None:
                if out and not (line.glued and after_kept):
                    out.append("\n\n" if gap else "\n")
                out.append(line.text)
                gap = False
                after_kept = True
            else:
                after_kept = False
        return "".join(out)
