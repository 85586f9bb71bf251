"""Corpus-level boilerplate: lines that repeat across many documents of one site.

Fit, then apply (as cc_net does): :func:`fit` counts each normalised line once
per document, per group (a site, a folder), and keeps the lines seen in at least
``min_share`` of a group's documents (and at least ``min_docs`` of them). The
:class:`Model` is small, readable JSON, written deterministically; the rule
``learned.frequent_line`` removes its lines from documents of the same group.

A fit is a map-reduce: :func:`document_keys` maps one document to its set of
line keys, :class:`Counts` adds and merges them (in any order, with the same
result), and :meth:`Counts.to_model` applies the thresholds. The local batch,
``cleaner fit`` and the Dask engine all run these same three steps.
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
    #: How documents were grouped when fitting: ``"none"``, ``"folder"`` or ``"field:NAME"``;
    #: the CLI groups the same way when it applies the model.
    group_by: str = "none"

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
        body = {"format": FORMAT, "group_by": self.group_by, "min_share": self.min_share,
                "min_docs": self.min_docs, "groups": groups}
        return json.dumps(body, ensure_ascii=False, indent=1) + "\n"

    @classmethod
    def from_json(cls, text: str) -> "Model":
        data = json.loads(text)
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            raise ValueError(f"not a cleaner model (expected format {FORMAT!r})")
        groups = {n: Group(int(g["docs"]), {k: int(v) for k, v in g["lines"].items()})
                  for n, g in data["groups"].items()}
        return cls(float(data["min_share"]), int(data["min_docs"]), groups, str(data.get("group_by", "none")))

    def save(self, path: str | Path) -> None:
        """Write the model atomically (a temporary file renamed into place): a reader, or a
        run killed mid-write, sees the old model or the new one, never half of one."""
        from .io import write_atomic

        write_atomic(path, self.to_json())

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


def document_keys(data: str | bytes, config=None) -> set[str]:
    """The learnable line keys of one document as the pipeline sees it (decoded, HTML
    extracted, repaired, normalised), so that fit and apply agree on every line.

    >>> sorted(document_keys("Slogan of the site!\\nA story about 3 cats.\\nok"))
    ['a story about 0 cats', 'slogan of the site']
    """
    from .config import Config
    from .pipeline import prepare  # the pipeline imports this module

    doc = prepare(data, config or Config())
    return line_keys("\n".join(line.text for line in doc.lines))


@dataclass
class Counts:
    """Document frequencies of line keys per group: the state of a fit, mergeable in any order.

    >>> a, b = Counts(), Counts()
    >>> a.add("site", {"slogan", "story one"}); b.add("site", {"slogan"})
    >>> a.merge(b).to_model(min_share=0.5, min_docs=2).groups["site"].lines
    {'slogan': 2}
    """

    lines: dict[str, Counter] = field(default_factory=dict)
    docs: Counter = field(default_factory=Counter)

    def add(self, group: str, keys: Iterable[str]) -> None:
        """Count one document of ``group`` with its distinct line ``keys``."""
        self.lines.setdefault(group, Counter()).update(set(keys))
        self.docs[group] += 1

    def merge(self, other: "Counts") -> "Counts":
        """Add ``other`` into this one (the reduce step); returns ``self``."""
        for group, counter in other.lines.items():
            self.lines.setdefault(group, Counter()).update(counter)
        self.docs.update(other.docs)
        return self

    def to_model(self, min_share: float = 0.5, min_docs: int = 5, group_by: str = "none") -> Model:
        model = from_counts(self.lines, self.docs, min_share, min_docs)
        model.group_by = group_by
        return model


def fit(docs: Iterable[tuple[str, str]], min_share: float = 0.5, min_docs: int = 5) -> Model:
    """Count line keys over ``(group, text)`` pairs; keep the frequent ones per group.

    >>> docs = [("site", f"A story about {animal}.\\nSlogan of the site") for animal in "cats dogs owls bees ants eels".split()]
    >>> fit(docs).groups["site"].lines
    {'slogan of the site': 6}
    """
    counts = Counts()
    for group, text in docs:
        counts.add(group, line_keys(text))
    return counts.to_model(min_share, min_docs)


def from_counts(counts: dict[str, Counter[str]], totals: Counter[str], min_share: float, min_docs: int) -> Model:
    """Build a model from document frequencies (the reduce step of a distributed fit).

    A line is kept when its document frequency reaches both ``min_docs`` and
    ``min_share`` of its group's documents; groups with no such line are left out,
    so the model stays small however many sites were seen.
    """
    groups = {}
    for group in sorted(counts):
        n = totals[group]
        floor = max(min_docs, min_share * n)
        frequent = {k: df for k, df in sorted(counts[group].items()) if df >= floor}
        if frequent:
            groups[group] = Group(n, frequent)
    return Model(min_share, min_docs, groups)


def frequent_line(doc: Document, model: Model, group: str = "") -> Iterator[tuple[Line, str]]:
    """A line the fitted model saw in many documents of the same group (site boilerplate)."""
    for line in doc.lines:
        if line.text and line.removal is None:
            evidence = model.evidence(key(line.text), group)
            if evidence:
                yield line, evidence
