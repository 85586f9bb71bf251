"""Scoring against gold text: the token-bag measure of this field.

Both texts are lower-cased and cut into ``\\w+`` tokens, compared as bags
(multisets): precision = shared / output tokens, recall = shared / gold tokens,
F1 their harmonic mean; scores are averaged over documents. An empty output
against a non-empty gold scores 0 (trafilatura's evaluation and the SIGIR 2023
web-content-extraction comparison use the same measure).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

_TOKEN = re.compile(r"\w+")


@dataclass(frozen=True)
class Score:
    precision: float
    recall: float
    f1: float


def tokens(text: str) -> Counter[str]:
    return Counter(_TOKEN.findall(text.lower()))


def score(output: str, gold: str) -> Score:
    """Token-bag precision, recall and F1 of ``output`` against ``gold``.

    >>> score("the cat sat", "the cat sat on the mat")
    Score(precision=1.0, recall=0.5, f1=0.6666666666666666)
    >>> score("", "gold text")
    Score(precision=0.0, recall=0.0, f1=0.0)
    >>> score("", "")
    Score(precision=1.0, recall=1.0, f1=1.0)
    """
    out, ref = tokens(output), tokens(gold)
    n_out, n_ref = sum(out.values()), sum(ref.values())
    if not n_out and not n_ref:
        return Score(1.0, 1.0, 1.0)
    if not n_out or not n_ref:
        return Score(0.0, 0.0, 0.0)
    shared = sum((out & ref).values())
    p, r = shared / n_out, shared / n_ref
    return Score(p, r, 2 * p * r / (p + r) if p + r else 0.0)


@dataclass(frozen=True)
class DocScore:
    doc_id: str
    score: Score


def mean(scores: Iterable[DocScore]) -> Score:
    items = [s.score for s in scores]
    if not items:
        return Score(0.0, 0.0, 0.0)
    n = len(items)
    return Score(sum(s.precision for s in items) / n, sum(s.recall for s in items) / n,
                 sum(s.f1 for s in items) / n)


def pairs(input_dir: Path, gold_dir: Path) -> list[tuple[str, Path, Path]]:
    """``(id, input, gold)`` for every input ``<id>.*`` that has a gold ``<id>.txt``, sorted by id."""
    out = []
    for path in sorted(input_dir.iterdir()):
        if path.is_file() and not path.name.startswith("."):
            doc_id = path.name.split(".", 1)[0]
            gold = gold_dir / f"{doc_id}.txt"
            if gold.is_file():
                out.append((doc_id, path, gold))
    return out


def evaluate(system: Callable[[bytes], str], input_dir: Path, gold_dir: Path) -> list[DocScore]:
    """Score ``system`` (bytes in, text out) on every input that has gold."""
    return [
        DocScore(doc_id, score(system(src.read_bytes()), gold.read_text(encoding="utf-8", errors="replace")))
        for doc_id, src, gold in pairs(input_dir, gold_dir)
    ]


# --- reference points ----------------------------------------------------------

def keep_everything(data: bytes) -> str:
    """The input as it is: the recall ceiling and precision floor."""
    return data.decode("utf-8", errors="replace")


def c4_filter(data: bytes) -> str:
    """A C4-style line filter: keep lines of at least 5 words that end in terminal punctuation."""
    kept = []
    for line in data.decode("utf-8", errors="replace").splitlines():
        line = line.strip()
        if len(line.split()) >= 5 and line.endswith((".", "!", "?", '"', "”", "’", "'")):
            kept.append(line)
    return "\n".join(kept)


def trafilatura_extract(data: bytes) -> str:
    """trafilatura's own extraction of an HTML page (default settings)."""
    import trafilatura

    return trafilatura.extract(data.decode("utf-8", errors="replace")) or ""


# --- the shared bench: sets x input kinds, with reference points -----------------

BENCH_SETS = ("scrapinghub", "wcxb-dev", "readability")
KINDS = ("box", "page", "html")


def _system(name: str):
    """A system by name (module-level so worker processes can rebuild it)."""
    if name == "cleaner":
        from . import Cleaner, Config

        return Cleaner(Config(input="text")).clean
    if name == "cleaner-html":
        from . import Cleaner, Config

        return Cleaner(Config(input="html")).clean
    return {"keep-all": keep_everything, "c4-filter": c4_filter, "trafilatura": trafilatura_extract}[name]


def _score_one(job: tuple[str, str, str]) -> DocScore:
    name, src, gold = job
    output = _system(name)(Path(src).read_bytes())
    return DocScore(Path(src).name.split(".", 1)[0], score(output, Path(gold).read_text(encoding="utf-8", errors="replace")))


def bench_rows(root: Path, systems: dict[str, tuple[str, ...]], workers: int = 1) -> list[dict]:
    """Mean P/R/F1 for every set x kind x system present under ``root``.

    ``systems`` maps an input kind to the system names to run on it, e.g.
    ``{"box": ("cleaner", "keep-all"), "html": ("cleaner-html", "trafilatura")}``.
    """
    from .pool import map_ordered

    rows = []
    for set_name in BENCH_SETS:
        for kind, names in systems.items():
            folder, gold = root / set_name / kind, root / set_name / "gold"
            if not folder.is_dir() or not gold.is_dir():
                continue
            docs = pairs(folder, gold)
            for name in names:
                jobs = [(name, str(src), str(g)) for _, src, g in docs]
                m = mean(map_ordered(_score_one, jobs, workers, chunksize=8))
                rows.append({"set": set_name, "kind": kind, "system": name, "docs": len(docs),
                             "P": round(m.precision, 4), "R": round(m.recall, 4), "F1": round(m.f1, 4)})
    return rows
