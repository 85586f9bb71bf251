"""Worker processes: ordered and unordered maps with bounded memory, crash isolation.

Used by directories (:mod:`cleaner.batch`), JSON lines (:mod:`cleaner.jsonl`) and
:meth:`cleaner.Cleaner.clean_many`. The function (and any ``state``, such as the
cleaner with its model) is sent to each worker once, by the pool's initializer,
never with every item. Workers ignore Ctrl-C (the parent handles it) and, on
Linux, die with the parent even when it is killed with SIGKILL.
"""

from __future__ import annotations

import os
import signal
import sys
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from typing import Any

from .io import CleanerError


class DocumentTimeout(CleanerError):
    """One document took longer than ``--timeout``; it is recorded as failed and the rest go on."""

    exit_code = 1


@contextmanager
def time_limit(seconds: float | None, name: str) -> Iterator[None]:
    """Raise :class:`DocumentTimeout` in the block if it runs longer than ``seconds``.

    Uses ``SIGALRM`` (a real-time interval timer), so it works in a worker process and,
    with ``-j 1``, in the main process alike; Python code, regex matching and ftfy are
    interrupted. ``None``/``0`` (or a call off the main thread, where signals cannot be
    used) sets no limit.

    >>> import time
    >>> with time_limit(0.05, "slow.txt"):
    ...     time.sleep(1)
    Traceback (most recent call last):
    ...
    cleaner.pool.DocumentTimeout: slow.txt: timeout after 0.05 s
    """
    if not seconds or seconds <= 0 or threading.current_thread() is not threading.main_thread() \
            or not hasattr(signal, "setitimer"):
        yield
        return

    def on_alarm(signum: int, frame: Any) -> None:
        raise DocumentTimeout(f"{name}: timeout after {seconds:g} s")

    previous = signal.signal(signal.SIGALRM, on_alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _worker_setup(state: dict[str, Any]) -> None:
    """Runs once in each worker: install its state; die with the parent on Linux.

    A batch killed with SIGKILL cannot stop its workers itself; the kernel does it
    (``PR_SET_PDEATHSIG``), so no orphan keeps cleaning after a kill.
    """
    import signal

    _WORKER.clear()
    _WORKER.update(state)
    # Ctrl-C is the parent's to handle (it cancels the rest and exits 130); a worker
    # that raised KeyboardInterrupt too would print a traceback.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if sys.platform.startswith("linux"):
        try:
            import ctypes

            ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
            if os.getppid() == 1:  # the parent died before prctl: we were handed to init
                os._exit(1)
        except (OSError, AttributeError):
            pass


_WORKER: dict[str, Any] = {}


def _call_worker_fn(chunk: list[Any]) -> list[Any]:
    fn = _WORKER["fn"]
    return [fn(item) for item in chunk]


def map_ordered(fn: Callable[[Any], Any], items: Iterable[Any], workers: int = 1,
                chunksize: int = 16, state: dict[str, Any] | None = None) -> Iterator[Any]:
    """``map(fn, items)`` over ``workers`` processes, in order, with bounded memory.

    ``fn`` is sent to each worker once (not with every chunk), so a cleaner with
    a large model costs nothing per item. At most ``4 * workers`` chunks are in
    flight, so a huge or endless input iterator is never read far ahead.
    ``state`` is installed in each worker's ``_WORKER`` (and in this process when
    ``workers <= 1``) for module-level functions that need it.

    >>> list(map_ordered(str.upper, ["a", "b", "c"], workers=1))
    ['A', 'B', 'C']
    """
    if workers <= 1:
        if state:
            _WORKER.update(state)
        yield from map(fn, items)
        return
    pool = ProcessPoolExecutor(max_workers=workers, initializer=_worker_setup,
                               initargs=({**(state or {}), "fn": fn},))
    try:
        window: deque[Future] = deque()
        for chunk in _chunks(items, chunksize):
            window.append(pool.submit(_call_worker_fn, chunk))
            if len(window) >= 4 * workers:
                yield from window.popleft().result()
        while window:
            yield from window.popleft().result()
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _chunks(items: Iterable[Any], size: int) -> Iterator[list[Any]]:
    chunk: list[Any] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def map_unordered(fn: Callable[[Any], Any], items: Iterable[Any], workers: int,
                  on_crash: Callable[[Any], Any], state: dict[str, Any] | None = None) -> Iterator[Any]:
    """``fn(item)`` for every item as results finish, over ``workers`` processes.

    At most ``8 * workers`` items are in flight. If a worker process dies (the OOM
    killer, a crash in a C extension), every item that was in flight is retried
    alone in a fresh one-worker pool, so the culprit is found exactly: it is
    answered by ``on_crash(item)`` and the others are cleaned as usual. With
    ``workers <= 1`` the items are mapped in this process, in order.
    """
    if workers <= 1:
        if state:
            _WORKER.update(state)
        yield from map(fn, items)
        return

    def new_pool(n: int) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(max_workers=n, initializer=_worker_setup,
                                   initargs=({**(state or {}), "fn": fn},))

    pool = new_pool(workers)
    pending: dict[Future, Any] = {}

    def isolate(suspects: list[Any]) -> Iterator[Any]:
        solo = new_pool(1)
        try:
            for item in suspects:
                try:
                    result = solo.submit(_call_worker_fn, [item]).result()[0]
                except BrokenProcessPool:
                    result = on_crash(item)
                    solo.shutdown(wait=True)
                    solo = new_pool(1)
                yield result
        finally:
            solo.shutdown(wait=True, cancel_futures=True)

    def drain(until: int) -> Iterator[Any]:
        nonlocal pool
        while len(pending) > until:
            done, _ = wait(pending, return_when=FIRST_COMPLETED)
            suspects = []
            for f in done:
                item = pending.pop(f)
                if isinstance(f.exception(), BrokenProcessPool):
                    suspects.append(item)
                else:
                    yield f.result()[0]
            if suspects:  # the pool is broken: everything still in it fails with it
                wait(pending)
                for f, item in pending.items():
                    if isinstance(f.exception(), BrokenProcessPool):
                        suspects.append(item)
                    else:
                        yield f.result()[0]
                pending.clear()
                pool.shutdown(wait=True)
                yield from isolate(suspects)
                pool = new_pool(workers)

    try:
        for item in items:
            yield from drain(8 * workers - 1)
            try:
                pending[pool.submit(_call_worker_fn, [item])] = item
            except BrokenProcessPool:
                yield from drain(0)
                pending[pool.submit(_call_worker_fn, [item])] = item
        yield from drain(0)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
