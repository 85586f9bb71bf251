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
    """One normalised input line (``number`` counts from 1; blank lines count too)."""

    number: int
    text: str
    removal: Removal | None = None

    @property
    def kept(self) -> bool:
        return self.removal is None and bool(self.text)


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
        """The kept lines as text; a blank line marks where the input had one between them.

        >>> doc = Document([Line(1, "One."), Line(2, "Ad", Removal("x", "")),
        ...                 Line(3, ""), Line(4, "Two.")])
        >>> doc.text()
        'One.\\n\\nTwo.'
        """
        out: list[str] = []
        gap = False
        for line in self.lines:
            if not line.text:
                gap = True
            elif line.removal is None:
                if out:
                    out.append("\n\n" if gap else "\n")
                out.append(line.text)
                gap = False
        return "".join(out)
