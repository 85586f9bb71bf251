"""A review page of what the cleaner removed: one self-contained HTML file.

Two halves. The data half is pure: :func:`doc_stats` turns one
:class:`~cleaner.result.Result` into numbers, :class:`ReportBuilder` streams
documents through and keeps only totals, a fixed-size histogram, bounded
per-rule examples and the sampled documents (a seeded reservoir plus small heaps
for the extremes), so memory does not grow with the corpus. The render half,
:func:`render_html`, turns that data into HTML with inline CSS, inline SVG and a
few lines of script for the rule filter; every piece of input text is escaped.
The render half lives in :mod:`cleaner.report_html`.

>>> from cleaner import clean_and_explain
>>> b = ReportBuilder(sample=1, seed=0)
>>> b.add("a", clean_and_explain("Share\\nThe council approved the new budget on Monday."))
>>> data = b.data()
>>> data.docs, data.lines_removed, data.rules["lines.share_buttons"].lines
(1, 1, 1)
>>> from cleaner.report_html import render_html
>>> "<del>Share</del>" in render_html(data)
True
"""

from __future__ import annotations

import heapq
import json
import random
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .evaluate import Score, score, tokens
from .result import Result

_TOKEN = re.compile(r"\w+")

#: Histogram of the share of tokens removed per document: this many equal bins over 0..100 %.
BINS = 20

#: Distinct frequent texts remembered per rule before the rarest are dropped (approximate top list).
_TOP_TEXTS_CAP = 4000

#: A removed line of at least this many tokens, nearly all of them in the gold text, is flagged.
_GOLD_MIN_TOKENS = 4

#: Colours of rules, most distinct first (the rules that removed most get those); all are
#: dark enough to read as text on white.
PALETTE = ("#1f6fb4", "#d35400", "#238b23", "#d62728", "#7b4fb0", "#8c564b", "#c2378f", "#0f8a99",
           "#8a8b0f", "#5d5d5d", "#1b3a6b", "#a04000", "#0e6655", "#7b1e1e", "#4b3c9e", "#9c7a00",
           "#a0186b", "#34495e", "#4f7a0a", "#a0522d", "#2e6f95", "#6c3483")


def rule_order() -> list[str]:
    """Every rule id in pipeline order: a rule keeps its colour from report to report."""
    from .pipeline import all_rules

    return [rid for rid, _ in all_rules()]


def count_tokens(text: str) -> int:
    """``\\w+`` tokens, as the evaluation counts them.

    >>> count_tokens("Share this: 3 ways")
    4
    """
    return len(_TOKEN.findall(text))


# --- the data ------------------------------------------------------------------

@dataclass(frozen=True)
class DocStats:
    """The numbers of one document. Lines and tokens count non-blank input lines."""

    doc_id: str
    bytes_in: int
    bytes_out: int
    lines: int
    lines_removed: int
    tokens: int
    tokens_removed: int
    counts: dict[str, int]
    score: Score | None = None

    @property
    def share_removed(self) -> float:
        """Share of the document's tokens that were removed (0 for a document without tokens)."""
        return self.tokens_removed / self.tokens if self.tokens else 0.0


@dataclass(frozen=True)
class Row:
    """One line as the page shows it; ``rule`` is None for a kept line."""

    number: int
    text: str
    rule: str | None = None
    detail: str = ""
    in_gold: bool = False


@dataclass
class SampledDoc:
    stats: DocStats
    rows: tuple[Row, ...]
    reasons: list[str] = field(default_factory=list)


def doc_stats(doc_id: str, result: Result, bytes_in: int | None = None, gold: str | None = None) -> DocStats:
    """The numbers of one cleaned document; with ``gold``, its token-bag P/R/F1.

    >>> from cleaner import clean_and_explain
    >>> s = doc_stats("x", clean_and_explain("Share\\n\\nThe council met on Monday evening."))
    >>> (s.lines, s.lines_removed, s.tokens, s.tokens_removed, s.counts)
    (2, 1, 7, 1, {'lines.share_buttons': 1})
    >>> round(s.share_removed, 3)
    0.143
    """
    lines = removed = toks = toks_removed = 0
    for line in result.lines:
        if not line.text:
            continue
        n = count_tokens(line.text)
        lines += 1
        toks += n
        if line.removal is not None:
            removed += 1
            toks_removed += n
    if bytes_in is None:
        bytes_in = len("\n".join(line.text for line in result.lines).encode("utf-8"))
    bytes_out = len(result.text.encode("utf-8")) + (1 if result.text else 0)
    return DocStats(doc_id, bytes_in, bytes_out, lines, removed, toks, toks_removed, result.counts(),
                    score(result.text, gold) if gold is not None else None)


def doc_rows(result: Result, gold: str | None = None) -> tuple[Row, ...]:
    """Every line of a document as a :class:`Row`; with ``gold``, removed lines found in it are flagged.

    A removed line is flagged when it has at least four tokens and at least 90 % of
    them occur in the gold text's token bag: the cleaner probably took body text.
    """
    bag = tokens(gold) if gold is not None else None
    rows = []
    for line in result.lines:
        if line.removal is None:
            rows.append(Row(line.number, line.text))
            continue
        flagged = False
        if bag is not None:
            toks = _TOKEN.findall(line.text.lower())
            if len(toks) >= _GOLD_MIN_TOKENS:
                flagged = sum(1 for t in toks if t in bag) >= 0.9 * len(toks)
        rows.append(Row(line.number, line.text, line.removal.rule, line.removal.detail, flagged))
    return tuple(rows)


def histogram(values: Iterable[float], bins: int = BINS) -> list[int]:
    """Counts of ``values`` (shares in 0..1) in ``bins`` equal bins; 1.0 falls in the last.

    >>> histogram([0.0, 0.04, 0.5, 1.0], bins=4)
    [2, 0, 1, 1]
    """
    counts = [0] * bins
    for v in values:
        counts[_bin(v, bins)] += 1
    return counts


def _bin(value: float, bins: int) -> int:
    return min(bins - 1, max(0, int(value * bins)))


@dataclass
class RuleStats:
    """What one rule removed over all documents (not only the sample)."""

    lines: int = 0
    tokens: int = 0
    docs: int = 0
    in_gold: int = 0
    top: Counter = field(default_factory=Counter)
    #: The longest lines it removed, as (tokens, text, doc id): where misfires hide.
    longest: list[tuple[int, str, str]] = field(default_factory=list)

    def add(self, row: Row, doc_id: str, n_tokens: int) -> None:
        self.lines += 1
        self.tokens += n_tokens
        self.in_gold += row.in_gold
        self.top[row.text[:160]] += 1
        if len(self.top) > _TOP_TEXTS_CAP:
            self.top = Counter(dict(self.top.most_common(_TOP_TEXTS_CAP // 2)))
        item = (n_tokens, row.text[:400], doc_id)
        if len(self.longest) < 3:
            heapq.heappush(self.longest, item)
        elif item[0] > self.longest[0][0]:
            heapq.heapreplace(self.longest, item)


@dataclass
class ReportData:
    """Everything the page shows; built by :class:`ReportBuilder`."""

    docs: int = 0
    failed: int = 0
    errors: list[str] = field(default_factory=list)
    bytes_in: int = 0
    bytes_out: int = 0
    lines: int = 0
    lines_removed: int = 0
    tokens: int = 0
    tokens_removed: int = 0
    hist: list[int] = field(default_factory=lambda: [0] * BINS)
    rules: dict[str, RuleStats] = field(default_factory=dict)
    scored: int = 0
    score_sums: list[float] = field(default_factory=lambda: [0.0, 0.0, 0.0])
    sample: list[SampledDoc] = field(default_factory=list)
    source: str = ""
    seed: int = 0
    sample_size: int = 0

    @property
    def mean_score(self) -> Score | None:
        if not self.scored:
            return None
        p, r, f = (s / self.scored for s in self.score_sums)
        return Score(p, r, f)


class ReportBuilder:
    """Streams documents in; keeps totals and a bounded sample.

    The sample is ``sample`` documents drawn uniformly with ``seed`` (reservoir
    sampling, so the same inputs in the same order give the same sample), plus the
    ``extremes`` documents with the largest and the smallest share removed and, when
    scored against gold, the ``extremes`` lowest F1.

    >>> b = ReportBuilder(sample=2, seed=1, extremes=0)
    >>> from cleaner import clean_and_explain
    >>> for i in range(10):
    ...     b.add(f"d{i}", clean_and_explain(f"Share\\nBody sentence number {i} is here."))
    >>> len(b.data().sample), b.data().docs
    (2, 10)
    """

    def __init__(self, sample: int = 20, seed: int = 0, extremes: int = 3, source: str = ""):
        self.size = max(0, sample)
        self.extremes = max(0, extremes)
        self.rng = random.Random(seed)
        self.seen = 0
        self.reservoir: list[SampledDoc] = []
        self.most: list[tuple[float, int, SampledDoc]] = []      # min-heap: keeps the largest shares
        self.least: list[tuple[float, int, SampledDoc]] = []     # min-heap on -share: the smallest
        self.worst: list[tuple[float, int, SampledDoc]] = []     # min-heap on -F1: the lowest F1
        self.out = ReportData(source=source, seed=seed, sample_size=self.size)

    def add(self, doc_id: str, result: Result, bytes_in: int | None = None, gold: str | None = None) -> None:
        """Count one document (with ``gold``: score it and flag removed lines found in the gold)."""
        stats = doc_stats(doc_id, result, bytes_in, gold)
        self.add_rows(stats, doc_rows(result, gold))

    def add_rows(self, stats: DocStats, rows: tuple[Row, ...]) -> None:
        """Count one document already reduced to its stats and rows (e.g. by a worker process)."""
        out = self.out
        out.docs += 1
        out.bytes_in += stats.bytes_in
        out.bytes_out += stats.bytes_out
        out.lines += stats.lines
        out.lines_removed += stats.lines_removed
        out.tokens += stats.tokens
        out.tokens_removed += stats.tokens_removed
        out.hist[_bin(stats.share_removed, BINS)] += 1
        if stats.score is not None:
            out.scored += 1
            for i, v in enumerate((stats.score.precision, stats.score.recall, stats.score.f1)):
                out.score_sums[i] += v
        for rule in stats.counts:
            out.rules.setdefault(rule, RuleStats()).docs += 1
        for row in rows:
            if row.rule is not None:
                out.rules.setdefault(row.rule, RuleStats()).add(row, stats.doc_id, count_tokens(row.text))

        doc = SampledDoc(stats, rows)
        i, self.seen = self.seen, self.seen + 1
        if i < self.size:
            self.reservoir.append(doc)
        elif self.size:
            j = self.rng.randrange(i + 1)
            if j < self.size:
                self.reservoir[j] = doc
        share = stats.share_removed
        self._keep(self.most, (share, -i, doc))
        if stats.tokens:    # an empty page says nothing about what the rules leave alone
            self._keep(self.least, (-share, -i, doc))
        if stats.score is not None:
            self._keep(self.worst, (-stats.score.f1, -i, doc))

    def _keep(self, heap: list, item: tuple) -> None:
        if not self.extremes:
            return
        if len(heap) < self.extremes:
            heapq.heappush(heap, item)
        elif item[:2] > heap[0][:2]:
            heapq.heapreplace(heap, item)

    def fail(self, doc_id: str, error: str) -> None:
        """Record a document that could not be read or cleaned."""
        self.out.failed += 1
        if len(self.out.errors) < 50:
            self.out.errors.append(f"{doc_id}: {error}")

    def data(self) -> ReportData:
        """The report data; sampled documents are ordered lowest F1 first when scored, else most removed first."""
        picked: dict[int, SampledDoc] = {}
        for doc in self.reservoir:
            picked.setdefault(id(doc), doc)
        tagged = [(self.reservoir, "random"), ([d for *_, d in self.most], "most removed"),
                  ([d for *_, d in self.least], "least removed"), ([d for *_, d in self.worst], "lowest F1")]
        for docs, reason in tagged:
            for doc in docs:
                doc = picked.setdefault(id(doc), doc)
                if reason not in doc.reasons:
                    doc.reasons.append(reason)
        sample = list(picked.values())
        if any(d.stats.score is not None for d in sample):
            sample.sort(key=lambda d: (d.stats.score.f1 if d.stats.score else 2.0, d.stats.doc_id))
        else:
            sample.sort(key=lambda d: (-d.stats.share_removed, d.stats.doc_id))
        self.out.sample = sample
        return self.out


# --- inputs ----------------------------------------------------------------------

@dataclass(frozen=True)
class Item:
    """One input document: its id, its content (or the error reading it), and its gold text."""

    doc_id: str
    data: str | bytes | None
    gold: str | None = None
    error: str = ""


def iter_items(source: Path, *, field_name: str = "text", glob: str = "*", gold_dir: Path | None = None,
               max_bytes: int | None = None) -> Iterator[Item]:
    """The documents of a folder (every file, recursively), a JSONL file (``field_name`` of each
    record; the id is the record's ``id``, else its line number) or any other single file.

    With ``gold_dir``, document ``<id>.<ext>`` (or JSONL id ``<id>``) gets ``gold_dir/<id>.txt``.
    """
    from .batch import iter_files
    from .io import DEFAULT_MAX_BYTES, CleanerError, read_input

    limit = max_bytes or DEFAULT_MAX_BYTES

    def gold_for(rel: Path) -> str | None:
        if gold_dir is None:
            return None
        path = gold_dir / rel.parent / f"{rel.name.split('.', 1)[0]}.txt"
        return path.read_text(encoding="utf-8", errors="replace") if path.is_file() else None

    if source.is_dir():
        for path in iter_files(source, glob):
            rel = path.relative_to(source)
            try:
                data = read_input(path, limit)
            except CleanerError as e:
                yield Item(rel.as_posix(), None, error=str(e))
                continue
            yield Item(rel.as_posix(), data, gold_for(rel))
    elif source.suffix.lower() == ".jsonl":
        try:
            handle = source.open(encoding="utf-8", errors="replace")
        except OSError as e:
            from .io import InputError
            raise InputError(f"{source}: cannot read ({e.strerror or e})") from None
        with handle:
            for n, raw in enumerate(handle, 1):
                if not raw.strip():
                    continue
                try:
                    record = json.loads(raw)
                    text = record[field_name]
                    if not isinstance(text, str):
                        raise TypeError(f"field {field_name!r} is not a string")
                except (ValueError, KeyError, TypeError) as e:
                    yield Item(f"line {n}", None, error=f"not a record with a {field_name!r} text ({e})")
                    continue
                doc_id = str(record.get("id", n)) if isinstance(record, dict) else str(n)
                yield Item(doc_id, text, gold_for(Path(doc_id)))
    else:
        yield Item(source.name, read_input(source, limit), gold_for(Path(source.name)))


def analyse(cleaner: Any, item: Item) -> tuple[str, DocStats | None, tuple[Row, ...], str]:
    """Clean one item: ``(id, stats, rows, error)``. Runs in worker processes; never raises."""
    if item.data is None:
        return item.doc_id, None, (), item.error
    try:
        result = cleaner.explain(item.data)
    except Exception as e:  # one bad document must not stop the report
        return item.doc_id, None, (), f"internal error: {type(e).__name__}: {e}"
    size = len(item.data) if isinstance(item.data, bytes) else len(item.data.encode("utf-8"))
    return item.doc_id, doc_stats(item.doc_id, result, size, item.gold), doc_rows(result, item.gold), ""


def build_report(cleaner: Any, items: Iterable[Item], *, sample: int = 20, seed: int = 0, extremes: int = 3,
                 workers: int = 1, source: str = "", progress: Any = None) -> ReportData:
    """Clean ``items`` (in ``workers`` processes, in order) and gather the report data."""
    from functools import partial

    from .pool import map_ordered

    builder = ReportBuilder(sample, seed, extremes, source)
    for doc_id, stats, rows, error in map_ordered(partial(analyse, cleaner), items, workers, 8):
        if stats is None:
            builder.fail(doc_id, error)
        else:
            builder.add_rows(stats, rows)
        if progress is not None:
            progress.update(1)
    return builder.data()
