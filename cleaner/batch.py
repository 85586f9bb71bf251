"""Many documents: directories, worker processes, progress, resume, the report.

A batch mirrors ``IN_DIR`` into ``OUT_DIR``, one output per input, each written
atomically by the worker that cleaned it. An output that exists is complete, so
``resume`` simply skips inputs whose output is there. Memory stays flat: files
are listed lazily and only a bounded window of work is in flight.
"""

from __future__ import annotations

import json
import os
import sys
import time
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .io import CleanerError, DEFAULT_MAX_BYTES, read_input, write_atomic

REPORT_NAME = "_report.json"


def map_ordered(fn: Callable[[Any], Any], items: Iterable[Any], workers: int = 1,
                chunksize: int = 16) -> Iterator[Any]:
    """``map(fn, items)`` over ``workers`` processes, in order, with bounded memory.

    At most ``4 * workers`` chunks are in flight, so a huge or endless input
    iterator is never read far ahead.

    >>> list(map_ordered(str.upper, ["a", "b", "c"], workers=1))
    ['A', 'B', 'C']
    """
    if workers <= 1:
        yield from map(fn, items)
        return
    with ProcessPoolExecutor(max_workers=workers) as pool:
        window: deque[Future] = deque()
        for chunk in _chunks(items, chunksize):
            window.append(pool.submit(_apply, fn, chunk))
            if len(window) >= 4 * workers:
                yield from window.popleft().result()
        while window:
            yield from window.popleft().result()


def _apply(fn: Callable[[Any], Any], chunk: list[Any]) -> list[Any]:
    return [fn(item) for item in chunk]


def _chunks(items: Iterable[Any], size: int) -> Iterator[list[Any]]:
    chunk: list[Any] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def iter_files(root: Path, glob: str = "*", exclude: Path | None = None) -> Iterator[Path]:
    """Files under ``root`` matching ``glob``, sorted per folder, never following symlinked folders.

    ``exclude`` is skipped (an output folder inside the input folder).
    """
    for folder, dirs, files in os.walk(root, followlinks=False):
        here = Path(folder)
        dirs[:] = sorted(d for d in dirs if exclude is None or (here / d).resolve() != exclude)
        for name in sorted(files):
            path = here / name
            if path.match(glob) and not name.startswith(".") and path.is_file():
                yield path


def output_path(out_dir: Path, rel: Path, fmt: str) -> Path:
    """Where the output of input ``rel`` goes: its path, with ``.txt``/``.json`` added.

    >>> output_path(Path("out"), Path("a/page.html"), "text").as_posix()
    'out/a/page.html.txt'
    >>> output_path(Path("out"), Path("a/page.txt"), "text").as_posix()
    'out/a/page.txt'
    """
    suffix = ".json" if fmt == "json" else ".txt"
    return out_dir / (rel if rel.suffix == suffix else rel.with_name(rel.name + suffix))


@dataclass
class Task:
    src: str
    dst: str
    group: str


@dataclass
class Outcome:
    src: str
    ok: bool
    bytes_in: int = 0
    bytes_out: int = 0
    counts: dict[str, int] = field(default_factory=dict)
    error: str = ""


_WORKER: dict[str, Any] = {}


def _init_worker(cleaner: Any, fmt: str, max_bytes: int) -> None:
    _WORKER.update(cleaner=cleaner, fmt=fmt, max_bytes=max_bytes)


def _run_task(task: Task) -> Outcome:
    """Clean one file and write its output; any failure becomes an :class:`Outcome`, never an exception."""
    cleaner, fmt = _WORKER["cleaner"], _WORKER["fmt"]
    try:
        data = read_input(task.src, _WORKER["max_bytes"])
        result = cleaner.explain(data, group=task.group)
        if fmt == "json":
            out = json.dumps({"source": task.src, **result.to_dict()}, ensure_ascii=False) + "\n"
        else:
            out = result.text + "\n" if result.text else ""
        payload = out.encode("utf-8")
        write_atomic(task.dst, payload)
        return Outcome(task.src, True, len(data), len(payload), result.counts())
    except CleanerError as e:
        return Outcome(task.src, False, error=str(e))
    except Exception as e:  # a bug must not stop the batch; it is reported with the file
        return Outcome(task.src, False, error=f"{task.src}: internal error: {type(e).__name__}: {e}")


@dataclass
class Report:
    """Counts of a batch; written to ``OUT_DIR/_report.json``."""

    cleaned: int = 0
    failed: int = 0
    skipped: int = 0
    bytes_in: int = 0
    bytes_out: int = 0
    removed: Counter = field(default_factory=Counter)
    errors: list[dict[str, str]] = field(default_factory=list)
    seconds: float = 0.0

    def add(self, outcome: Outcome) -> None:
        if outcome.ok:
            self.cleaned += 1
            self.bytes_in += outcome.bytes_in
            self.bytes_out += outcome.bytes_out
            self.removed.update(outcome.counts)
        else:
            self.failed += 1
            if len(self.errors) < 1000:
                self.errors.append({"file": outcome.src, "error": outcome.error})

    def to_dict(self) -> dict[str, Any]:
        return {
            "cleaned": self.cleaned, "failed": self.failed, "skipped": self.skipped,
            "bytes_in": self.bytes_in, "bytes_out": self.bytes_out,
            "removed": dict(sorted(self.removed.items())), "errors": self.errors,
            "seconds": round(self.seconds, 3),
        }


def run_batch(cleaner: Any, in_dir: Path, out_dir: Path, *, workers: int = 1, fmt: str = "text",
              glob: str = "*", resume: bool = False, max_bytes: int = DEFAULT_MAX_BYTES,
              progress: bool = False, group_by_folder: bool = False) -> Report:
    """Clean every file of ``in_dir`` into ``out_dir``; return (and write) the report."""
    start = time.monotonic()
    in_dir, out_dir = in_dir.resolve(), out_dir.resolve()
    report = Report()

    def tasks() -> Iterator[Task]:
        for src in iter_files(in_dir, glob, exclude=out_dir):
            rel = src.relative_to(in_dir)
            dst = output_path(out_dir, rel, fmt)
            if resume and dst.exists():
                report.skipped += 1
                continue
            group = rel.parts[0] if group_by_folder and len(rel.parts) > 1 else ""
            yield Task(str(src), str(dst), group)

    bar = _progress_bar() if progress else None
    if workers <= 1:
        _init_worker(cleaner, fmt, max_bytes)
        outcomes: Iterable[Outcome] = map(_run_task, tasks())
        pool = None
    else:
        pool = ProcessPoolExecutor(max_workers=workers, initializer=_init_worker,
                                   initargs=(cleaner, fmt, max_bytes))
        outcomes = _bounded(pool, tasks(), workers)
    try:
        for outcome in outcomes:
            report.add(outcome)
            if bar is not None:
                bar.update(1)
                bar.set_postfix_str(f"{report.bytes_in / 1e6:.1f} MB", refresh=False)
    finally:
        if pool is not None:
            pool.shutdown(cancel_futures=True)
        if bar is not None:
            bar.close()
    report.seconds = time.monotonic() - start
    write_atomic(out_dir / REPORT_NAME, json.dumps(report.to_dict(), indent=1, ensure_ascii=False) + "\n")
    return report


def _bounded(pool: ProcessPoolExecutor, tasks: Iterator[Task], workers: int) -> Iterator[Outcome]:
    """Completed outcomes as they finish, with at most ``16 * workers`` tasks in flight."""
    from concurrent.futures import FIRST_COMPLETED, wait

    pending: set[Future] = set()
    for task in tasks:
        pending.add(pool.submit(_run_task, task))
        if len(pending) >= 16 * workers:
            done, pending = wait(pending, return_when=FIRST_COMPLETED)
            for f in done:
                yield f.result()
    for f in pending:
        yield f.result()


def _progress_bar():
    from tqdm import tqdm

    return tqdm(unit="file", file=sys.stderr, dynamic_ncols=True, smoothing=0.1)
