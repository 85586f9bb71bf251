"""What a cleaning run returns: the text, the removals, metadata and repairs."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from .document import Document, Line
from .text import COLON

_COUNTER_SUFFIX = re.compile(r"\s*[\(\[]\s*\d[\d.,\s]*[\)\]]\s*$")
_ITEM_SEPARATORS = re.compile(r"\s*[,;|•·，、；]\s*")


@dataclass(frozen=True)
class Result:
    """The outcome of :meth:`cleaner.Cleaner.explain`.

    ``lines`` holds every normalised input line in order, each kept or carrying its
    :class:`~cleaner.document.Removal`: kept plus removed lines rebuild the input (a line
    marked ``glued`` runs on from the one before it, with no line break).
    """

    text: str
    lines: tuple[Line, ...]
    lang: str
    metadata: dict[str, Any]
    repairs: tuple

    @classmethod
    def from_document(cls, doc: Document) -> "Result":
        return cls(doc.text(), tuple(doc.lines), doc.lang, metadata(doc), tuple(doc.repairs))

    @property
    def removed(self) -> list[Line]:
        return [line for line in self.lines if line.removal is not None]

    def counts(self) -> dict[str, int]:
        """Removed lines per rule id."""
        out: dict[str, int] = {}
        for line in self.removed:
            out[line.removal.rule] = out.get(line.removal.rule, 0) + 1
        return out

    def to_dict(self) -> dict[str, Any]:
        """The JSON shape of ``cleaner clean --format json``."""
        return {
            "text": self.text,
            "lang": self.lang,
            "removed": [
                {"line": l.number, "text": l.text, "rule": l.removal.rule, "detail": l.removal.detail}
                for l in self.removed
            ],
            "metadata": self.metadata,
            "repairs": [{"step": r.step, "detail": r.detail, "line": r.line} for r in self.repairs],
        }


def _text(line: Line) -> str:
    return line.text


def _label(line: Line) -> str:
    return _COUNTER_SUFFIX.sub("", line.text)


def _tags(line: Line) -> list[str]:
    """The tags of a tag line ("Tags: a, b") or list ("a, b, c").

    >>> from cleaner.document import Removal
    >>> _tags(Line(1, "标签：港口，航运", Removal("lines.tag_line", "tags")))
    ['港口', '航运']
    """
    text = COLON.split(line.text, 1)[-1] if line.removal.rule == "lines.tag_line" else line.text
    return [t for t in _ITEM_SEPARATORS.split(text.strip()) if t]


#: What chrome tells about the page: rule id -> (metadata field, value of one removed line, many?).
METADATA_FROM = {
    "lines.timestamp": ("timestamp", _text, False),
    "lines.byline": ("byline", _text, False),
    "blocks.series_label": ("series", _label, False),
    "blocks.headline": ("title", _text, False),
    "lines.tag_line": ("tags", _tags, True),
    "blocks.tag_list": ("tags", _tags, True),
    "blocks.related_links": ("related", _text, True),
    "lines.photo_credit": ("credits", _text, True),
}


def metadata(doc: Document) -> dict[str, Any]:
    """Metadata derived from the removals (plus what HTML extraction found).

    Single-valued fields take the first removed line; list fields gather all,
    without repeats.
    """
    meta: dict[str, Any] = dict(doc.extra)
    for line in doc.lines:
        if line.removal is None or line.removal.rule not in METADATA_FROM:
            continue
        name, value, many = METADATA_FROM[line.removal.rule]
        if not many:
            meta.setdefault(name, value(line))
            continue
        items = meta.setdefault(name, [])
        for item in value(line) if isinstance(value(line), list) else [value(line)]:
            if item not in items:
                items.append(item)
    return meta
