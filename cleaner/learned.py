"""Corpus-level boilerplate: lines that repeat across many documents of one site.

Fit, then apply (as cc_net does): :func:`fit` counts each normalised line once
per document, per group (a site, a folder), and keeps the lines seen in at least
``min_share`` of a group's documents (and at least ``min_docs`` of them). The
:class:`Model` is small, readable JSON, written deterministically; the rule
``learned.frequent_line`` removes its lines from documents of the same group.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from .document import Document, Line
from .text import key

FORMAT = "cleaner.learned/1"


@dataclass
class Group:
    docs: int
    lines: dict[str, int]  # line key -> documents it appears in


@dataclass
class Model:
    """Frequent lines per group; the group ``""`` holds documents fitted without one."""

    min_share: float = 0.5
    min_docs: int = 5
    groups: dict[str, Group] = field(default_factory=dict)

    def evidence(self, line_key: str, group: str = "") -> str | None:
        """"seen in 143 of 150 docs" for a frequent line of ``group``, else ``None``."""
        g = self.groups.get(group)
        if g is None:
            return None
        df = g.lines.get(line_key)
        return f"seen in {df} of {g.docs} docs" if df else None

    def to_json(self) -> str:
        groups = {
            name: {"docs": g.docs, "lines": dict(sorted(g.lines.items(), key=lambda kv: (-kv[1], kv[0])))}
            for name, g in sorted(self.groups.items())
        }
        body = {"format": FORMAT, "min_share": self.min_share, "min_docs": self.min_docs, "groups": groups}
        return json.dumps(body, ensure_ascii=False, indent=1) + "\n"

    @classmethod
    def from_json(cls, text: str) -> "Model":
        data = json.loads(text)
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            raise ValueError(f"not a cleaner model (expected format {FORMAT!r})")
        groups = {n: Group(int(g["docs"]), {k: int(v) for k, v in g["lines"].items()})
                  for n, g in data["groups"].items()}
        return cls(float(data["min_share"]), int(data["min_docs"]), groups)

    @classmethod
    def load(cls, path: str | Path) -> "Model":
        return cls.from_json(Path(path).read_text(encoding="utf-8"))


#: Lines shorter than this key are too common in real text to learn ("yes", "no").
MIN_KEY_CHARS = 3


def line_keys(text: str) -> set[str]:
    """The distinct learnable line keys of one document."""
    keys = set()
    for raw in text.splitlines():
        k = key(raw)
        if len(k) >= MIN_KEY_CHARS:
            keys.add(k)
    return keys


def fit(docs: Iterable[tuple[str, str]], min_share: float = 0.5, min_docs: int = 5) -> Model:
    """Count line keys over ``(group, text)`` pairs; keep the frequent ones per group.

    >>> docs = [("site", f"Story {i} is about cats.\\nSlogan of the site") for i in range(6)]
    >>> fit(docs).groups["site"].lines
    {'slogan of the site': 6}
    """
    counts: dict[str, Counter[str]] = {}
    totals: Counter[str] = Counter()
    for group, text in docs:
        counts.setdefault(group, Counter()).update(line_keys(text))
        totals[group] += 1
    return from_counts(counts, totals, min_share, min_docs)


def from_counts(counts: dict[str, Counter[str]], totals: Counter[str], min_share: float, min_docs: int) -> Model:
    """Build a model from document frequencies (the reduce step of a distributed fit)."""
    groups = {}
    for group, counter in counts.items():
        n = totals[group]
        floor = max(min_docs, min_share * n)
        frequent = {k: df for k, df in counter.items() if df >= floor}
        groups[group] = Group(n, frequent)
    return Model(min_share, min_docs, groups)


def frequent_line(doc: Document, model: Model, group: str = "") -> Iterator[tuple[Line, str]]:
    """A line the fitted model saw in many documents of the same group (site boilerplate)."""
    for line in doc.lines:
        if line.text and line.removal is None:
            evidence = model.evidence(key(line.text), group)
            if evidence:
                yield line, evidence
