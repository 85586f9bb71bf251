"""The same batch on a Dask cluster (``pip install cleaner[dask]``).

Nothing here schedules work itself: Dask's distributed scheduler does. This
module only cuts the file list into chunks, submits them as Dask tasks in a
bounded window (so the client's memory stays flat however many files there
are), and adds up the outcomes into the same :class:`cleaner.batch.Report`.
Each task runs :func:`cleaner.batch.clean_task` (or, for a fit,
:func:`cleaner.batch.fit_task`), the very functions of the local batch, so the
outputs are byte for byte the same.

A fit is a map-reduce: each task maps a chunk of files to
:class:`cleaner.learned.Counts`; pairs of partial counts are merged on the
workers (a tree reduction), and only the final counts come back to the client.

Pointing it at a real cluster
-----------------------------
Start a scheduler and workers where the data is (``dask scheduler``,
``dask worker tcp://host:8786``; or dask-jobqueue, dask-kubernetes, Coiled),
install ``cleaner`` in the workers' environment, and pass the scheduler's
address (``--scheduler tcp://host:8786``, or ``DASK_SCHEDULER_ADDRESS``).
The input and output folders must be visible to every worker at the same
paths (a shared file system); the client only lists files.
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from .batch import (GROUP_BY, Outcome, Progress, Report, Task, apply_learned, clean_task,
                    count_tasks, fit_task, plan, remove_stale_temps)
from .io import DEFAULT_MAX_BYTES, CleanerError
from .pool import _chunks

#: Files per Dask task: enough to amortise the scheduler's per-task cost (~1 ms).
CHUNK = 8


class EngineError(CleanerError):
    """The Dask engine is missing or the cluster cannot be reached."""

    exit_code = 2


def _import_distributed():
    try:
        import distributed
    except ImportError:
        raise EngineError("the dask engine needs Dask: pip install 'cleaner[dask]'") from None
    return distributed


@contextmanager
def connect(address: str | None = None, workers: int = 2, timeout: str = "20s") -> Iterator[Any]:
    """A Dask client: of the scheduler at ``address`` (or ``$DASK_SCHEDULER_ADDRESS``),
    else of a local cluster of ``workers`` single-threaded processes, closed on exit."""
    distributed = _import_distributed()
    address = address or os.environ.get("DASK_SCHEDULER_ADDRESS")
    if address:
        try:
            client = distributed.Client(address, timeout=timeout)
        except (OSError, TimeoutError) as e:
            raise EngineError(f"cannot reach the Dask scheduler at {address} ({e})") from None
        try:
            yield client
        finally:
            client.close()
        return
    with distributed.LocalCluster(n_workers=max(1, workers), threads_per_worker=1, processes=True,
                                  dashboard_address=None, silence_logs=40) as cluster:
        with distributed.Client(cluster) as client:
            yield client


def _clean_chunk(cleaner: Any, fmt: str, max_bytes: int, tasks: list[Task]) -> list[Outcome]:
    return [clean_task(cleaner, fmt, max_bytes, t) for t in tasks]


def _fit_chunk(config: Any, max_bytes: int, tasks: list[Task]):
    from .learned import Counts

    counts = Counts()
    for t in tasks:
        group, keys = fit_task(config, max_bytes, t)
        if keys is not None:
            counts.add(group, keys)
    return counts


def _merge(a, b):
    from .learned import Counts

    return Counts().merge(a).merge(b)  # a fresh object: a task may run twice, its inputs stay as they were


def _window(client: Any, fn: Any, chunks: Iterable[list[Task]], shared: tuple,
            limit: int) -> Iterator[tuple[Any, int]]:
    """``(future, files in its chunk)`` of ``fn(*shared, chunk)`` as they complete,
    with at most ``limit`` chunks in flight."""
    from distributed import as_completed

    it = iter(chunks)
    sizes: dict[str, int] = {}
    ac = as_completed()

    def submit(chunk: list[Task]) -> None:
        future = client.submit(fn, *shared, chunk, pure=False)
        sizes[future.key] = len(chunk)
        ac.add(future)

    for chunk in it:
        submit(chunk)
        if ac.count() >= limit:
            break
    for future in ac:
        yield future, sizes.pop(future.key)
        nxt = next(it, None)
        if nxt is not None:
            submit(nxt)


def fit_files(client: Any, config: Any, in_dir: Path, *, glob: str = "*", group_by: str = "none",
              min_share: float = 0.5, min_docs: int = 5, max_bytes: int = DEFAULT_MAX_BYTES,
              exclude: Path | None = None, progress: bool = False):
    """Fit a model on the files of ``in_dir`` as a map-reduce on the cluster."""
    from .learned import Counts

    plan_options = dict(glob=glob, group_by=group_by)
    total = count_tasks(Path(in_dir), exclude, **plan_options) if progress else None
    bar = Progress(progress, total, "fitting")
    limit = 4 * _nworkers(client)
    [cfg] = client.scatter([config], broadcast=True, hash=False)
    chunks = _chunks(plan(Path(in_dir), exclude, **plan_options), CHUNK)
    carry = None  # one finished partial result waiting for a partner
    merging: list[Any] = []
    try:
        for future, n in _window(client, _fit_chunk, chunks, (cfg, max_bytes), limit):
            for _ in range(n):
                bar.update()
            # Tree reduction on the workers: pair each finished part with the previous one.
            if carry is None:
                carry = future
            else:
                merging.append(client.submit(_merge, carry, future, pure=False))
                carry = None
            if len(merging) >= limit:
                merging = _pair_up(client, merging)
    finally:
        bar.close()
    parts = merging + ([carry] if carry is not None else [])
    while len(parts) > 1:
        parts = _pair_up(client, parts)
    counts = parts[0].result() if parts else Counts()
    return counts.to_model(min_share, min_docs, group_by=group_by)


def _pair_up(client: Any, parts: list[Any]) -> list[Any]:
    """Merge futures two by two on the cluster; an odd one out waits for the next round."""
    out = [client.submit(_merge, parts[i], parts[i + 1], pure=False) for i in range(0, len(parts) - 1, 2)]
    if len(parts) % 2:
        out.append(parts[-1])
    return out


def _nworkers(client: Any) -> int:
    return max(1, len(client.scheduler_info().get("workers", {})))


def run_batch(cleaner: Any, in_dir: Path, out_dir: Path, *, client: Any = None, address: str | None = None,
              workers: int = 2, fmt: str = "text", glob: str = "*", resume: bool = False,
              max_bytes: int = DEFAULT_MAX_BYTES, progress: bool = False, group_by: str = "none",
              learn: bool = False, min_share: float = 0.5, min_docs: int = 5) -> Report:
    """:func:`cleaner.batch.run_batch` on Dask: ``client``, else the scheduler at ``address``,
    else a local cluster of ``workers`` processes. Same outputs, same report."""
    if group_by not in GROUP_BY:
        raise ValueError(f"group_by must be one of {', '.join(GROUP_BY)}, not {group_by!r}")
    if client is None:
        with connect(address, workers) as c:
            return run_batch(cleaner, in_dir, out_dir, client=c, fmt=fmt, glob=glob, resume=resume,
                             max_bytes=max_bytes, progress=progress, group_by=group_by, learn=learn,
                             min_share=min_share, min_docs=min_docs)
    start = time.monotonic()
    in_dir, out_dir = Path(in_dir).resolve(), Path(out_dir).resolve()
    report = Report(engine="dask", workers=_nworkers(client))
    remove_stale_temps(out_dir)
    if learn:
        model = fit_files(client, cleaner.config, in_dir, glob=glob, group_by=group_by, min_share=min_share,
                          min_docs=min_docs, max_bytes=max_bytes, exclude=out_dir, progress=progress)
        cleaner = apply_learned(cleaner, model, out_dir, report)

    def skipped() -> None:
        report.skipped += 1

    plan_options = dict(fmt=fmt, glob=glob, resume=resume, group_by=group_by)
    total = count_tasks(in_dir, out_dir, **plan_options) if progress else None
    bar = Progress(progress, total)
    # hash=False: a fresh key per run; a content-hashed key can be released by the
    # previous run's clean-up while this run's tasks already depend on it.
    [remote_cleaner] = client.scatter([cleaner], broadcast=True, hash=False)
    chunks = _chunks(plan(in_dir, out_dir, skipped=skipped, **plan_options), CHUNK)
    try:
        for future, _n in _window(client, _clean_chunk, chunks, (remote_cleaner, fmt, max_bytes),
                                  4 * _nworkers(client)):
            for outcome in future.result():
                report.add(outcome)
                bar.update(outcome.bytes_in)
            future.release()
    finally:
        bar.close()
    report.seconds = time.monotonic() - start
    report.write(out_dir)
    return report
