"""A review page of what the cleaner removed: one self-contained HTML file.

Two halves. The data half is pure: :func:`doc_stats` turns one
:class:`~cleaner.result.Result` into numbers, :class:`ReportBuilder` streams
documents through and keeps only totals, a fixed-size histogram, bounded
per-rule examples and the sampled documents (a seeded reservoir plus small heaps
for the extremes), so memory does not grow with the corpus. The render half,
:func:`render_html`, turns that data into HTML with inline CSS, inline SVG and a
few lines of script for the rule filter; every piece of input text is escaped.

>>> from cleaner import clean_and_explain
>>> b = ReportBuilder(sample=1, seed=0)
>>> b.add("a", clean_and_explain("Share\\nThe council approved the new budget on Monday."))
>>> data = b.data()
>>> data.docs, data.lines_removed, data.rules["lines.share_buttons"].lines
(1, 1, 1)
>>> "<del>Share</del>" in render_html(data)
True
"""

from __future__ import annotations

import heapq
import html
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

    from .batch import map_ordered

    builder = ReportBuilder(sample, seed, extremes, source)
    for doc_id, stats, rows, error in map_ordered(partial(analyse, cleaner), items, workers, 8):
        if stats is None:
            builder.fail(doc_id, error)
        else:
            builder.add_rows(stats, rows)
        if progress is not None:
            progress.update(1)
    return builder.data()


# --- the page --------------------------------------------------------------------

def _e(text: Any) -> str:
    return html.escape(str(text), quote=True)


def _pct(x: float) -> str:
    return f"{100 * x:.1f}%"


def _size(n: int) -> str:
    for unit, scale in (("GB", 1e9), ("MB", 1e6), ("kB", 1e3)):
        if n >= scale:
            return f"{n / scale:.1f} {unit}"
    return f"{n} B"


def _colours(rules: dict[str, RuleStats]) -> dict[str, tuple[int, str]]:
    """rule id -> (index, colour): the rules that removed most first, then the rest in pipeline order."""
    order = [r for r, _ in sorted(rules.items(), key=lambda kv: (-kv[1].lines, kv[0]))]
    order += [r for r in rule_order() if r not in rules]
    return {rid: (i, PALETTE[i % len(PALETTE)]) for i, rid in enumerate(order)}


def bar_chart(data: ReportData, colours: dict[str, tuple[int, str]]) -> str:
    """Inline SVG: lines removed per rule id, largest first; a bar click filters the sample by that rule."""
    items = sorted(data.rules.items(), key=lambda kv: (-kv[1].lines, kv[0]))
    if not items:
        return '<p class="muted">No line was removed.</p>'
    row, label_w, bar_w = 20, 190, 330
    top = max(s.lines for _, s in items)
    parts = [f'<svg class="chart" role="img" aria-label="lines removed per rule" width="{label_w + bar_w + 110}" '
             f'height="{row * len(items) + 6}" viewBox="0 0 {label_w + bar_w + 110} {row * len(items) + 6}">']
    for k, (rid, s) in enumerate(items):
        idx, colour = colours[rid]
        y = 3 + k * row
        w = max(1.0, bar_w * s.lines / top)
        parts.append(
            f'<g class="bar" data-rule="{idx}"><title>{_e(rid)}: {s.lines} lines, {s.tokens} tokens, '
            f'{s.docs} documents</title>'
            f'<text x="{label_w - 6}" y="{y + 13}" text-anchor="end">{_e(rid)}</text>'
            f'<rect x="{label_w}" y="{y + 2}" width="{w:.1f}" height="{row - 6}" fill="{colour}" rx="2"/>'
            f'<text x="{label_w + w + 5:.1f}" y="{y + 13}" class="num">{s.lines}</text></g>')
    parts.append("</svg>")
    return "".join(parts)


def hist_chart(data: ReportData) -> str:
    """Inline SVG histogram of the share of tokens removed per document."""
    w, h, left, bottom = 460, 170, 34, 24
    bins = len(data.hist)
    top = max(data.hist) or 1
    bw = (w - left - 22) / bins
    parts = [f'<svg class="chart" role="img" aria-label="documents by share of tokens removed" width="{w}" '
             f'height="{h}" viewBox="0 0 {w} {h}">',
             f'<line x1="{left}" y1="{h - bottom}" x2="{w - 4}" y2="{h - bottom}" class="axis"/>',
             f'<text x="{left - 4}" y="14" text-anchor="end" class="num">{top}</text>',
             f'<text x="{left - 4}" y="{h - bottom}" text-anchor="end" class="num">0</text>']
    for i, n in enumerate(data.hist):
        bh = (h - bottom - 10) * n / top
        x = left + i * bw
        lo, hi = 100 * i // bins, 100 * (i + 1) // bins
        parts.append(f'<rect x="{x + 1:.1f}" y="{h - bottom - bh:.1f}" width="{bw - 2:.1f}" height="{bh:.1f}" '
                     f'class="hbar"><title>{lo}–{hi}% removed: {n} documents</title></rect>')
    for pct in (0, 25, 50, 75, 100):
        x = left + (w - left - 22) * pct / 100
        parts.append(f'<text x="{x:.1f}" y="{h - 8}" text-anchor="middle" class="num">{pct}%</text>')
    parts.append("</svg>")
    return "".join(parts)


def _cards(data: ReportData) -> str:
    cards = [("documents", f"{data.docs:,}" + (f" <small>({data.failed} failed)</small>" if data.failed else "")),
             ("bytes in → out", f"{_size(data.bytes_in)} → {_size(data.bytes_out)}"),
             ("lines removed", f"{_pct(data.lines_removed / data.lines if data.lines else 0)} "
                               f"<small>{data.lines_removed:,} of {data.lines:,}</small>"),
             ("tokens removed", f"{_pct(data.tokens_removed / data.tokens if data.tokens else 0)} "
                                f"<small>{data.tokens_removed:,} of {data.tokens:,}</small>")]
    m = data.mean_score
    if m is not None:
        cards.append((f"mean over {data.scored} scored", f"P {m.precision:.3f} · R {m.recall:.3f} · "
                                                         f"F1 {m.f1:.3f}"))
    return "".join(f'<div class="card"><div class="lab">{k}</div><div class="val">{v}</div></div>' for k, v in cards)


def _rules_table(data: ReportData, colours: dict[str, tuple[int, str]]) -> str:
    if not data.rules:
        return ""
    gold = data.scored > 0
    head = ("<tr><th>rule</th><th>lines</th><th>tokens</th><th>docs</th>"
            + ("<th title='removed lines of 4+ tokens found in the gold text'>in gold</th>" if gold else "")
            + "<th>most frequent lines removed</th><th>longest lines removed (where misfires show)</th></tr>")
    body = []
    for rid, s in sorted(data.rules.items(), key=lambda kv: (-kv[1].lines, kv[0])):
        idx, _ = colours[rid]
        top = "".join(f"<li><span class='cnt'>{n}×</span> {_e(t)}</li>" for t, n in s.top.most_common(5))
        longest = "".join(f"<li title='{_e(doc)}: {_e(t)}'><span class='cnt'>{n} tok</span> {_e(t[:200])}</li>"
                          for n, t, doc in sorted(s.longest, reverse=True))
        body.append(f"<tr><td><a class='chip r{idx}' href='#sample' data-rule='{idx}'>{_e(rid)}</a></td>"
                    f"<td class='n'>{s.lines:,}</td><td class='n'>{s.tokens:,}</td><td class='n'>{s.docs:,}</td>"
                    + (f"<td class='n{' warn' if s.in_gold else ''}'>{s.in_gold:,}</td>" if gold else "")
                    + f"<td><ul>{top}</ul></td><td><ul>{longest}</ul></td></tr>")
    return f"<table class='rules'>{head}{''.join(body)}</table>"


def _doc(k: int, doc: SampledDoc, colours: dict[str, tuple[int, str]]) -> str:
    s = doc.stats
    present = " ".join(f"h{colours[r][0]}" for r in s.counts) + (" hg" if any(r.in_gold for r in doc.rows) else "")
    chips = "".join(f"<span class='chip r{colours[r][0]}'>{_e(r)} {n}</span>"
                    for r, n in sorted(s.counts.items(), key=lambda kv: -kv[1])[:6])
    score_html = ""
    if s.score is not None:
        score_html = (f"<span class='score'>P {s.score.precision:.2f} · R {s.score.recall:.2f} · "
                      f"<b>F1 {s.score.f1:.2f}</b></span>")
    lines = []
    for row in doc.rows:
        if not row.text:
            lines.append('<div class="b"></div>')
        elif row.rule is None:
            lines.append(f'<div class="l k"><span class="n">{row.number}</span>{_e(row.text)}</div>')
        else:
            idx = colours[row.rule][0]
            flag = ' g" title="' if row.in_gold else '" title="'
            mark = '<span class="warn" title="found in the gold text">⚠ in gold</span>' if row.in_gold else ""
            lines.append(f'<div class="l r r{idx}{flag}{_e(row.rule)}: {_e(row.detail)}">'
                         f'<span class="n">{row.number}</span><del>{_e(row.text)}</del>'
                         f'<span class="t">{_e(row.rule)}</span>{mark}</div>')
    return (f'<details class="doc {present}" open id="doc-{k}"><summary><span class="id">{_e(s.doc_id)}</span>'
            f'<span class="share">{_pct(s.share_removed)} of tokens removed</span>'
            f'<span class="muted">{s.lines_removed}/{s.lines} lines</span>{score_html}'
            f'<span class="why">{_e(", ".join(doc.reasons))}</span>{chips}</summary>'
            f'<div class="lines">{"".join(lines)}</div></details>')


_CSS = """
*{box-sizing:border-box}
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",sans-serif;margin:0;color:#1d1d1f;background:#f6f6f4}
header,section{max-width:1200px;margin:0 auto;padding:10px 20px}
h1{font-size:22px;margin:14px 0 2px}h2{font-size:17px;margin:18px 0 8px}
.muted,small{color:#6b6b6b}small{font-size:12px;font-weight:400}
.cards{display:flex;flex-wrap:wrap;gap:10px}
.card{background:#fff;border:1px solid #ddd;border-radius:6px;padding:8px 14px;min-width:170px}
.card .lab{font-size:12px;color:#6b6b6b;text-transform:uppercase;letter-spacing:.04em}.card .val{font-size:19px;font-weight:600}
.charts{display:flex;flex-wrap:wrap;gap:16px}
figure{margin:0;background:#fff;border:1px solid #ddd;border-radius:6px;padding:8px 12px}
figcaption{font-weight:600;margin-bottom:4px}
.chart text{font-size:12px;fill:#333}.chart .num{fill:#555}.chart .axis{stroke:#999}
.chart .hbar{fill:#5b6abf}.chart .bar{cursor:pointer}.chart .bar:hover text{font-weight:700}
table.rules{border-collapse:collapse;background:#fff;width:100%;font-size:13px}
.rules th,.rules td{border:1px solid #e2e2e2;padding:4px 6px;vertical-align:top;text-align:left}
.rules td.n{text-align:right;white-space:nowrap}.rules ul{margin:0;padding:0;list-style:none}
.rules li{white-space:nowrap;overflow:hidden;text-overflow:ellipsis;max-width:380px}
.cnt{color:#888;font-size:11px;margin-right:3px}
.chip{display:inline-block;border-radius:10px;padding:0 7px;margin:1px 3px 1px 0;font-size:12px;color:var(--c);
 background:var(--t);border:1px solid var(--c);text-decoration:none;white-space:nowrap;cursor:pointer}
#controls{position:sticky;top:0;z-index:2;background:#f6f6f4;padding:8px 0;border-bottom:1px solid #ddd;
 display:flex;flex-wrap:wrap;gap:12px;align-items:center}
#controls select{font-size:14px;padding:2px 4px}
.doc{background:#fff;border:1px solid #ddd;border-radius:6px;margin:10px 0;content-visibility:auto;
 contain-intrinsic-size:auto 600px;scroll-margin-top:56px}
.doc summary{padding:6px 10px;cursor:pointer;display:flex;flex-wrap:wrap;gap:10px;align-items:baseline;
 border-bottom:1px solid #eee}
.doc .id{font-weight:700;font-family:ui-monospace,monospace}.doc .share{font-weight:600}
.doc .why{font-size:12px;color:#fff;background:#777;border-radius:3px;padding:0 5px}
.score b{font-weight:700}
.lines{font:12.5px/1.5 ui-monospace,"DejaVu Sans Mono",monospace;padding:4px 0}
.l{padding:0 10px 0 54px;text-indent:-54px;white-space:pre-wrap;word-break:break-word;border-left:4px solid transparent}
.l .n{display:inline-block;width:44px;text-align:right;margin-right:10px;color:#aaa;user-select:none}
.r{color:var(--c);background:var(--t);border-left-color:var(--c)}
.r del{text-decoration-thickness:1.5px}
.r .t{font:11px system-ui,sans-serif;margin-left:10px;opacity:.8}
.b{height:6px}
.warn{color:#b00020;font-weight:700}.r .warn{font:700 11px system-ui,sans-serif;margin-left:8px}
.g{outline:2px solid #b00020;outline-offset:-2px}
#docs.nokept .k,#docs.nokept .b,#docs.gold .l:not(.g),#docs.gold .b,#docs.gold>.doc:not(.hg){display:none}
.errors{color:#b00020;font-size:13px}
"""

_SCRIPT = """
(function(){
var docs=document.getElementById('docs'),sel=document.getElementById('rule'),
kept=document.getElementById('kept'),gold=document.getElementById('gold'),
count=document.getElementById('shown');
function apply(){
 var v=sel.value;
 docs.className=(v===''?'':'f'+v)+(kept.checked?'':' nokept')+(gold&&gold.checked?' gold':'');
 var n=docs.querySelectorAll(':scope>.doc'+(v===''?'':'.h'+v)+(gold&&gold.checked?'.hg':'')).length;
 count.textContent=n+' of '+docs.children.length+' documents';
 if(history.replaceState)history.replaceState(null,'',v===''?location.pathname:'#rule='+v);
}
sel.addEventListener('change',apply);kept.addEventListener('change',apply);
if(gold)gold.addEventListener('change',apply);
document.querySelectorAll('[data-rule]').forEach(function(el){el.addEventListener('click',function(ev){
 ev.preventDefault();sel.value=el.getAttribute('data-rule');apply();
 document.getElementById('sample').scrollIntoView();});});
var m=/rule=(\\d+)/.exec(location.hash);if(m)sel.value=m[1];
apply();
})();
"""


def render_html(data: ReportData, title: str = "cleaner: what was removed", command: str = "") -> str:
    """The whole page as one string: no external resource of any kind.

    Filtering is plain CSS switched by one class on the container (``#docs.f3`` hides
    every removed line not of rule 3 and every document without one), so the script
    does constant work whatever the number of lines.
    """
    colours = _colours(data.rules)
    for doc in data.sample:   # rules seen only in rows built by hand (not counted) still get a colour
        for rule in doc.stats.counts:
            colours.setdefault(rule, (len(colours), PALETTE[len(colours) % len(PALETTE)]))
    used = sorted({colours[r] for r in data.rules} | {colours[r] for d in data.sample for r in d.stats.counts})
    rule_css = "".join(f".r{i}{{--c:{c};--t:{c}1a}}"
                       f"#docs.f{i} .r:not(.r{i}),#docs.f{i}>.doc:not(.h{i}){{display:none}}" for i, c in used)
    names = {i: r for r, (i, _) in colours.items()}
    options = "".join(f'<option value="{i}">{_e(names[i])} ({data.rules[names[i]].lines if names[i] in data.rules else 0})'
                      f'</option>' for i, _ in used)
    sample_note = (f"{len(data.sample)} documents: {data.sample_size} at random (seed {data.seed}) plus the "
                   f"largest and smallest share removed" + (", and the lowest F1; lowest F1 first" if data.scored
                                                            else "; most removed first"))
    gold_box = ""
    if data.scored:
        gold_box = ('<label title="removed lines of 4+ tokens, 90% of them in the gold text">'
                    '<input type="checkbox" id="gold"> only removed lines found in the gold (⚠)</label>')
    errors = ""
    if data.errors:
        errors = ("<section><h2>Failed documents</h2><ul class='errors'>"
                  + "".join(f"<li>{_e(e)}</li>" for e in data.errors) + "</ul></section>")
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>{_e(title)}</title><style>{_CSS}{rule_css}</style></head><body>
<header><h1>{_e(title)}</h1><p class="muted">{_e(data.source)}{' · ' if command else ''}<code>{_e(command)}</code></p></header>
<section id="summary"><div class="cards">{_cards(data)}</div></section>
<section class="charts"><figure><figcaption>Lines removed per rule <small>(click a bar to filter)</small></figcaption>
{bar_chart(data, colours)}</figure>
<figure><figcaption>Documents by share of tokens removed</figcaption>{hist_chart(data)}</figure></section>
<section><h2>What each rule removed, over all documents</h2>{_rules_table(data, colours)}</section>
{errors}
<section id="sample"><h2>Sampled documents</h2><p class="muted">{_e(sample_note)}. Removed lines are struck
through in their rule's colour; hover one for the rule and its evidence.</p>
<div id="controls"><label>Rule: <select id="rule"><option value="">all rules</option>{options}</select></label>
<label><input type="checkbox" id="kept" checked> show kept lines</label>{gold_box}<span id="shown" class="muted"></span></div>
<div id="docs">{"".join(_doc(k, d, colours) for k, d in enumerate(data.sample))}</div></section>
<script>{_SCRIPT}</script></body></html>
"""


def write_report(data: ReportData, path: str | Path, command: str = "") -> None:
    """Render and write the page atomically."""
    from .io import write_atomic

    write_atomic(path, render_html(data, command=command))
