"""Many documents: directories, worker processes, progress, resume, the report.

A batch mirrors ``IN_DIR`` into ``OUT_DIR``, one output per input, each written
atomically by the worker that cleaned it. An output that exists is complete, so
``resume`` simply skips inputs whose output is there (and removes the temporary
files a killed run left behind). Memory stays flat: files are listed lazily,
only a bounded window of work is in flight, and the report keeps counts, not
outputs.

The same pieces (:func:`plan`, :func:`clean_task`, :func:`fit_task`, :class:`Report`)
run on a Dask cluster in :mod:`cleaner.dask_engine`; only the loop differs.
"""

from __future__ import annotations

import json
import os
import re
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .io import CleanerError, DEFAULT_MAX_BYTES, read_input, write_atomic
from .pool import _WORKER, map_ordered, map_unordered, time_limit  # noqa: F401  (map_ordered: public here too)

REPORT_NAME = "_report.json"
MODEL_NAME = "_model.json"
#: How files are grouped for a learned model: by nothing, or by their first sub-folder.
GROUP_BY = ("none", "folder")
#: At most this many failures are listed in the report (the count is always exact).
MAX_ERRORS_LISTED = 1000

# ---------------------------------------------------------------------------
# Planning: which files, where their outputs go


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


def group_of(rel: Path, group_by: str) -> str:
    """The learned-model group of input ``rel``: its first sub-folder, or ``""``.

    >>> group_of(Path("example.org/a/page.txt"), "folder"), group_of(Path("page.txt"), "folder")
    ('example.org', '')
    """
    if group_by == "folder" and len(rel.parts) > 1:
        return rel.parts[0]
    return ""


@dataclass
class Task:
    src: str
    dst: str
    group: str


def plan(in_dir: Path, out_dir: Path | None, *, fmt: str = "text", glob: str = "*", resume: bool = False,
         group_by: str = "none", skipped: Callable[[], None] | None = None) -> Iterator[Task]:
    """The tasks of a batch, lazily; with ``resume``, inputs whose output exists are skipped
    (``skipped()`` is called for each). Without ``out_dir`` (a fit), tasks have no output."""
    in_dir = Path(in_dir).resolve()
    out_dir = Path(out_dir).resolve() if out_dir is not None else None
    for src in iter_files(in_dir, glob, exclude=out_dir):
        rel = src.relative_to(in_dir)
        if out_dir is None:
            yield Task(str(src), "", group_of(rel, group_by))
            continue
        dst = output_path(out_dir, rel, fmt)
        if resume and dst.exists():
            if skipped is not None:
                skipped()
            continue
        yield Task(str(src), str(dst), group_of(rel, group_by))


#: The temporary files of :func:`cleaner.io.write_atomic`: ``.<name>.<random>.tmp``.
_TEMP = re.compile(r"^\..+\.[A-Za-z0-9_]{8}\.tmp$")


def remove_stale_temps(out_dir: Path) -> int:
    """Delete temporary files a killed run left in ``out_dir``; return how many."""
    removed = 0
    if not out_dir.is_dir():
        return 0
    for folder, _dirs, files in os.walk(out_dir):
        for name in files:
            if _TEMP.match(name):
                try:
                    os.unlink(os.path.join(folder, name))
                    removed += 1
                except OSError:
                    pass
    return removed


# ---------------------------------------------------------------------------
# One file: clean it, or count its lines for a fit


@dataclass
class Outcome:
    src: str
    ok: bool
    bytes_in: int = 0
    bytes_out: int = 0
    counts: dict[str, int] = field(default_factory=dict)
    error: str = ""


def clean_task(cleaner: Any, fmt: str, max_bytes: int, task: Task, timeout: float | None = None) -> Outcome:
    """Clean one file and write its output; any failure becomes an :class:`Outcome`, never an exception.

    ``timeout`` (seconds) bounds the cleaning of the document: past it, the file is
    recorded as failed ("timeout after N s") and no output is written.
    """
    try:
        data = read_input(task.src, max_bytes)
        with time_limit(timeout, task.src):
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


def fit_task(config: Any, max_bytes: int, task: Task) -> tuple[str, frozenset[str] | None]:
    """``(group, line keys)`` of one file for a fit; keys are ``None`` when it cannot be read
    (the cleaning pass reports it)."""
    from .learned import document_keys

    try:
        return task.group, frozenset(document_keys(read_input(task.src, max_bytes), config))
    except Exception:
        return task.group, None


def _run_clean(task: Task) -> Outcome:
    return clean_task(_WORKER["cleaner"], _WORKER["fmt"], _WORKER["max_bytes"], task, _WORKER.get("timeout"))


def _run_fit(task: Task) -> tuple[str, frozenset[str] | None]:
    return fit_task(_WORKER["config"], _WORKER["max_bytes"], task)


def _fit_crashed(task: Task) -> tuple[str, None]:
    return task.group, None


def _crashed(task: Task) -> Outcome:
    return Outcome(task.src, False, error=f"{task.src}: a worker process died while this file was "
                                          f"in flight (out of memory?); retry with --resume")


# ---------------------------------------------------------------------------
# The report


@dataclass
class Report:
    """Counts of a batch; written to ``OUT_DIR/_report.json``. Its size does not grow
    with the number of files (failures beyond :data:`MAX_ERRORS_LISTED` are only counted)."""

    cleaned: int = 0
    failed: int = 0
    skipped: int = 0
    bytes_in: int = 0
    bytes_out: int = 0
    removed: Counter = field(default_factory=Counter)
    errors: list[dict[str, str]] = field(default_factory=list)
    seconds: float = 0.0
    engine: str = "local"
    workers: int = 1
    model: str = ""

    def add(self, outcome: Outcome) -> None:
        if outcome.ok:
            self.cleaned += 1
            self.bytes_in += outcome.bytes_in
            self.bytes_out += outcome.bytes_out
            self.removed.update(outcome.counts)
        else:
            self.failed += 1
            if len(self.errors) < MAX_ERRORS_LISTED:
                self.errors.append({"file": outcome.src, "error": outcome.error})

    def to_dict(self) -> dict[str, Any]:
        return {
            "cleaned": self.cleaned, "failed": self.failed, "skipped": self.skipped,
            "bytes_in": self.bytes_in, "bytes_out": self.bytes_out,
            "removed": dict(sorted(self.removed.items())), "errors": self.errors,
            "errors_not_listed": max(0, self.failed - len(self.errors)),
            "seconds": round(self.seconds, 3), "engine": self.engine, "workers": self.workers,
            **({"model": self.model} if self.model else {}),
        }

    def write(self, out_dir: Path) -> None:
        write_atomic(Path(out_dir) / REPORT_NAME, json.dumps(self.to_dict(), indent=1, ensure_ascii=False) + "\n")


# ---------------------------------------------------------------------------
# Progress


class Progress:
    """A tqdm bar on stderr: files done of the total, MB, MB/s and ETA; a no-op when off."""

    def __init__(self, enabled: bool, total: int | None, desc: str = "cleaning"):
        self.bar = None
        self.bytes = 0
        self.start = time.monotonic()
        if enabled:
            from tqdm import tqdm

            self.bar = tqdm(total=total, desc=desc, unit="file", file=sys.stderr,
                            dynamic_ncols=True, smoothing=0.1)

    def update(self, nbytes: int = 0) -> None:
        if self.bar is None:
            return
        self.bytes += nbytes
        mb = self.bytes / 1e6
        rate = mb / max(time.monotonic() - self.start, 1e-6)
        self.bar.set_postfix_str(f"{mb:.1f} MB, {rate:.1f} MB/s", refresh=False)
        self.bar.update(1)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()


def count_tasks(in_dir: Path, out_dir: Path | None, **plan_options: Any) -> int:
    """How many files a batch will clean (for the progress bar's total and ETA): one cheap walk."""
    return sum(1 for _ in plan(in_dir, out_dir, **plan_options))


# ---------------------------------------------------------------------------
# The batch, on local worker processes


def fit_files(config: Any, in_dir: Path, *, glob: str = "*", group_by: str = "none",
              min_share: float = 0.5, min_docs: int = 5, workers: int = 1,
              max_bytes: int = DEFAULT_MAX_BYTES, exclude: Path | None = None,
              progress: bool = False):
    """Fit a :class:`cleaner.learned.Model` on the files of ``in_dir`` (the first pass of ``--learn``)."""
    from .learned import Counts

    out_dir = Path(exclude) if exclude is not None else None
    tasks = plan(Path(in_dir), out_dir, glob=glob, group_by=group_by)
    total = count_tasks(Path(in_dir), out_dir, glob=glob, group_by=group_by) if progress else None
    bar = Progress(progress, total, "fitting")
    counts = Counts()
    state = {"config": config, "max_bytes": max_bytes}
    try:
        results = map_unordered(_run_fit, tasks, workers, on_crash=_fit_crashed, state=state)
        for group, keys in results:
            if keys is not None:
                counts.add(group, keys)
            bar.update()
    finally:
        bar.close()
    return counts.to_model(min_share, min_docs, group_by=group_by)


def run_batch(cleaner: Any, in_dir: Path, out_dir: Path, *, workers: int = 1, fmt: str = "text",
              glob: str = "*", resume: bool = False, max_bytes: int = DEFAULT_MAX_BYTES,
              progress: bool = False, group_by: str = "none", group_by_folder: bool = False,
              learn: bool = False, min_share: float = 0.5, min_docs: int = 5,
              engine: str = "local", address: str | None = None, timeout: float | None = None) -> Report:
    """Clean every file of ``in_dir`` into ``out_dir``; return (and write) the report.

    ``learn`` first fits a model of site boilerplate on the same inputs (grouped by
    ``group_by``) and writes it to ``OUT_DIR/_model.json``; a fit is deterministic,
    so a resumed ``learn`` batch applies the same model. ``engine="dask"`` runs the
    same work on a Dask cluster (``address``, or a local cluster of ``workers``).
    ``timeout`` (seconds, local engine) bounds each document: one that takes longer is
    recorded as failed with "timeout after N s" and the batch goes on.
    """
    if group_by_folder:
        group_by = "folder"
    if group_by not in GROUP_BY:
        raise ValueError(f"group_by must be one of {', '.join(GROUP_BY)}, not {group_by!r}")
    if engine == "dask":
        from . import dask_engine

        return dask_engine.run_batch(cleaner, in_dir, out_dir, address=address, workers=workers, fmt=fmt,
                                     glob=glob, resume=resume, max_bytes=max_bytes, progress=progress,
                                     group_by=group_by, learn=learn, min_share=min_share, min_docs=min_docs)
    if engine != "local":
        raise ValueError(f"engine must be 'local' or 'dask', not {engine!r}")
    start = time.monotonic()
    in_dir, out_dir = Path(in_dir).resolve(), Path(out_dir).resolve()
    report = Report(engine="local", workers=workers)
    remove_stale_temps(out_dir)
    if learn:
        cleaner = apply_learned(cleaner, fit_files(cleaner.config, in_dir, glob=glob, group_by=group_by,
                                                   min_share=min_share, min_docs=min_docs, workers=workers,
                                                   max_bytes=max_bytes, exclude=out_dir, progress=progress),
                                out_dir, report)

    def skipped() -> None:
        report.skipped += 1

    plan_options = dict(fmt=fmt, glob=glob, resume=resume, group_by=group_by)
    total = count_tasks(in_dir, out_dir, **plan_options) if progress else None
    tasks = plan(in_dir, out_dir, skipped=skipped, **plan_options)
    bar = Progress(progress, total)
    state = {"cleaner": cleaner, "fmt": fmt, "max_bytes": max_bytes, "timeout": timeout}
    try:
        outcomes = map_unordered(_run_clean, tasks, workers, on_crash=_crashed, state=state)
        for outcome in outcomes:
            report.add(outcome)
            bar.update(outcome.bytes_in)
    finally:
        bar.close()
    report.seconds = time.monotonic() - start
    report.write(out_dir)
    return report


def apply_learned(cleaner: Any, model: Any, out_dir: Path, report: Report) -> Any:
    """The cleaner with ``model`` added; the model is saved beside the outputs."""
    path = Path(out_dir) / MODEL_NAME
    model.save(path)
    report.model = str(path)
    return type(cleaner)(cleaner.config.with_options(model=model))
