"""Streams of JSON lines: clean one field of every record, keep the rest, keep the order.

Records go through the batch's worker pool (:func:`cleaner.pool.map_ordered`)
in a bounded window, so memory stays constant however long the stream is. The
input may be gzip-compressed (recognised by its magic bytes, also on stdin); an
output named ``*.gz`` is compressed. A file output is written to a temporary
file and renamed into place when the stream is done.

A line that is not a JSON object, or a record without the field (or whose field
is not a string), is never silently lost: it is counted and listed in the report
and either passed through unchanged (``on_bad="keep"``, the default) or dropped
(``on_bad="drop"``); ``rejects`` collects such lines in a file of their own.
"""

from __future__ import annotations

import gzip
import io
import json
import os
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO

from .batch import MAX_ERRORS_LISTED
from .pool import DocumentTimeout, map_ordered, time_limit
from .io import DEFAULT_MAX_BYTES, InputError, OutputError, open_file

ON_BAD = ("keep", "drop")

OK, BLANK, BAD_JSON, MISSING = "ok", "blank", "bad_json", "missing_field"
#: The record was read but cleaning it failed: it ran past ``timeout``, or hit a bug.
TIMEOUT, ERROR = "timeout", "error"


@dataclass(frozen=True)
class RecordCleaner:
    """Cleans the ``field`` of one JSON line; picklable, so it is sent to each worker once.

    Returns ``(status, line, removed counts, problem, input bytes)``; for a bad line,
    ``line`` is the input unchanged.

    >>> from cleaner import Cleaner
    >>> rc = RecordCleaner(Cleaner(), "text")
    >>> rc(b'{"id": 7, "text": "Share\\\\nThe council approved the budget on Monday."}')[:2]
    ('ok', b'{"id": 7, "text": "The council approved the budget on Monday."}\\n')
    >>> rc(b'{"id": 8}')[0], rc(b'not json')[0], rc(b'  ')[0]
    ('missing_field', 'bad_json', 'blank')
    """

    cleaner: Any
    field: str = "text"
    out_field: str | None = None
    group_field: str | None = None
    max_bytes: int = DEFAULT_MAX_BYTES
    timeout: float | None = None

    def __call__(self, line: bytes) -> tuple[str, bytes, dict[str, int], str, int]:
        n = len(line)
        raw = line if line.endswith(b"\n") else line + b"\n"
        if not line.strip():
            return BLANK, b"", {}, "", n
        if n > self.max_bytes:
            return BAD_JSON, raw, {}, f"record larger than the {self.max_bytes}-byte limit", n
        try:
            record = json.loads(line)
        except ValueError as e:  # also invalid UTF-8
            return BAD_JSON, raw, {}, f"not JSON ({_short(e)})", n
        if not isinstance(record, dict):
            return BAD_JSON, raw, {}, f"not a JSON object (a {type(record).__name__})", n
        value = record.get(self.field)
        if not isinstance(value, str):
            why = "no field" if self.field not in record else f"field is {_json_type(value)}, not a string:"
            return MISSING, raw, {}, f"{why} {self.field!r}", n
        group = str(record.get(self.group_field, "")) if self.group_field else ""
        try:
            with time_limit(self.timeout, "record"):
                result = self.cleaner.explain(value, group=group)
        except DocumentTimeout:
            return TIMEOUT, raw, {}, f"timeout after {self.timeout:g} s", n
        except Exception as e:  # a bug must not stop the stream; the record is reported
            return ERROR, raw, {}, f"internal error: {type(e).__name__}: {_short(e)}", n
        record[self.out_field or self.field] = result.text
        out = json.dumps(record, ensure_ascii=False).encode("utf-8", "surrogatepass") + b"\n"
        return OK, out, result.counts(), "", n


@dataclass(frozen=True)
class RecordKeys:
    """``(group, line keys)`` of one JSON line for a fit, or ``None`` when it has no text field."""

    config: Any
    field: str = "text"
    group_field: str | None = None

    def __call__(self, line: bytes) -> tuple[str, frozenset[str]] | None:
        from .learned import document_keys

        try:
            record = json.loads(line)
        except ValueError:
            return None
        if not isinstance(record, dict) or not isinstance(record.get(self.field), str):
            return None
        group = str(record.get(self.group_field, "")) if self.group_field else ""
        return group, frozenset(document_keys(record[self.field], self.config))


def _json_type(value: Any) -> str:
    return {type(None): "null", bool: "a boolean", int: "a number", float: "a number",
            list: "an array", dict: "an object"}.get(type(value), type(value).__name__)


def _short(e: Exception) -> str:
    return str(e).split(":")[0][:80]


@dataclass
class StreamReport:
    """Counts of a JSONL run; its size does not grow with the stream."""

    records: int = 0
    cleaned: int = 0
    bad_json: int = 0
    missing_field: int = 0
    timeouts: int = 0
    errors: int = 0
    blank: int = 0
    dropped: int = 0
    bytes_in: int = 0
    bytes_out: int = 0
    removed: Counter = field(default_factory=Counter)
    problems: list[dict[str, Any]] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def failed(self) -> int:
        """Records that were not cleaned (bad JSON, no text field, timeout, internal error)."""
        return self.bad_json + self.missing_field + self.timeouts + self.errors

    def to_dict(self) -> dict[str, Any]:
        return {
            "records": self.records, "cleaned": self.cleaned, "bad_json": self.bad_json,
            "missing_field": self.missing_field, "timeouts": self.timeouts, "errors": self.errors,
            "blank_lines": self.blank, "dropped": self.dropped,
            "bytes_in": self.bytes_in, "bytes_out": self.bytes_out,
            "removed": dict(sorted(self.removed.items())), "problems": self.problems,
            "problems_not_listed": max(0, self.failed - len(self.problems)),
            "seconds": round(self.seconds, 3),
        }


# ---------------------------------------------------------------------------
# Input and output streams


def open_input(src: str | os.PathLike | None) -> tuple[BinaryIO, BinaryIO, int | None]:
    """``(lines stream, raw stream, size)`` for a path or ``-``; gzip is recognised by its magic."""
    name = "stdin" if src in (None, "-") else str(src)
    raw: Any = sys.stdin.buffer if src in (None, "-") else open_file(src, name)
    if not hasattr(raw, "peek"):
        raw = io.BufferedReader(raw)
    size = None if src in (None, "-") else os.fstat(raw.fileno()).st_size
    if raw.peek(2)[:2] == b"\x1f\x8b":
        return gzip.GzipFile(fileobj=raw, mode="rb"), raw, size
    return raw, raw, size


class Output:
    """Where cleaned lines go: stdout, or a temporary file renamed into place on success."""

    def __init__(self, dst: str | os.PathLike | None):
        self.dst = None if dst in (None, "-") else Path(dst)
        self.tmp: str | None = None
        if self.dst is None:
            self.stream: Any = sys.stdout.buffer
            return
        try:
            self.dst.parent.mkdir(parents=True, exist_ok=True)
            _remove_stale_temps(self.dst)
            fd, self.tmp = tempfile.mkstemp(prefix=f".{self.dst.name}.", suffix=".tmp", dir=self.dst.parent)
        except OSError as e:
            raise OutputError(f"{self.dst}: cannot write ({e.strerror or e})") from None
        self.file = os.fdopen(fd, "wb")
        self.stream = (gzip.GzipFile(fileobj=self.file, mode="wb", mtime=0, filename="")
                       if self.dst.suffix == ".gz" else self.file)

    def write(self, data: bytes) -> None:
        try:
            self.stream.write(data)
        except OSError as e:
            if isinstance(e, BrokenPipeError):
                raise
            raise OutputError(f"{self.dst or 'stdout'}: cannot write ({e.strerror or e})") from None

    def commit(self) -> None:
        if self.dst is None:
            self.stream.flush()
            return
        try:
            if self.stream is not self.file:
                self.stream.close()
            self.file.close()
            os.replace(self.tmp, self.dst)
            self.tmp = None
        except OSError as e:
            raise OutputError(f"{self.dst}: cannot write ({e.strerror or e})") from None

    def discard(self) -> None:
        if self.tmp is not None:
            try:
                self.file.close()
            except OSError:
                pass
            try:
                os.unlink(self.tmp)
            except OSError:
                pass
            self.tmp = None


def _remove_stale_temps(dst: Path) -> None:
    """Delete the temporary files a killed run writing ``dst`` left behind."""
    from .batch import _TEMP

    prefix = f".{dst.name}."
    for p in dst.parent.iterdir():
        if p.name.startswith(prefix) and _TEMP.match(p.name) and len(p.name) == len(prefix) + 12:
            try:
                p.unlink()
            except OSError:
                pass


class _Bar:
    """Progress in bytes of the (compressed) input when its size is known, else in records."""

    def __init__(self, enabled: bool, raw: Any, size: int | None):
        self.bar, self.raw, self.pos, self.n = None, raw, 0, 0
        if enabled:
            from tqdm import tqdm

            if size:
                self.bar = tqdm(total=size, unit="B", unit_scale=True, file=sys.stderr,
                                dynamic_ncols=True, desc="records")
            else:
                self.bar = tqdm(unit="rec", file=sys.stderr, dynamic_ncols=True, desc="records")
        self.sized = bool(size)

    def update(self) -> None:
        if self.bar is None:
            return
        self.n += 1
        if not self.sized:
            self.bar.update(1)
        elif self.n % 256 == 0:
            try:
                pos = self.raw.tell()
            except OSError:
                return
            self.bar.update(pos - self.pos)
            self.bar.set_postfix_str(f"{self.n} rec", refresh=False)
            self.pos = pos

    def close(self) -> None:
        if self.bar is not None:
            if self.sized:
                try:
                    self.bar.update(self.raw.tell() - self.pos)
                except (OSError, ValueError):
                    pass
            self.bar.close()


def _lines(stream: BinaryIO, name: str) -> Iterator[bytes]:
    try:
        yield from stream
    except (OSError, EOFError, gzip.BadGzipFile) as e:
        raise InputError(f"{name}: cannot read ({e})") from None


# ---------------------------------------------------------------------------
# The runs


def run_jsonl(cleaner: Any, src: str | os.PathLike | None, dst: str | os.PathLike | None, *,
              field: str = "text", out_field: str | None = None, group_field: str | None = None,
              workers: int = 1, on_bad: str = "keep", rejects: str | os.PathLike | None = None,
              progress: bool = False, max_bytes: int = DEFAULT_MAX_BYTES,
              timeout: float | None = None) -> StreamReport:
    """Clean ``field`` of every record of ``src`` into ``dst`` (``-``/``None``: stdin/stdout).

    ``timeout`` (seconds) bounds the cleaning of each record: one that takes longer is
    reported ("timeout after N s") and handled like a bad record (``on_bad``).
    """
    if on_bad not in ON_BAD:
        raise ValueError(f"on_bad must be one of {', '.join(ON_BAD)}, not {on_bad!r}")
    start = time.monotonic()
    report = StreamReport()
    stream, raw, size = open_input(src)
    name = "stdin" if src in (None, "-") else str(src)
    fn = RecordCleaner(cleaner, field, out_field, group_field, max_bytes, timeout)
    out = Output(dst)
    rej = Output(rejects) if rejects is not None else None
    bar = _Bar(progress, raw, size)
    try:
        results = map_ordered(fn, _lines(stream, name), workers, chunksize=32)
        for lineno, (status, payload, counts, problem, nbytes) in enumerate(results, 1):
            bar.update()
            report.bytes_in += nbytes
            if status == BLANK:
                report.blank += 1
                continue
            report.records += 1
            if status == OK:
                report.cleaned += 1
                report.removed.update(counts)
                out.write(payload)
                report.bytes_out += len(payload)
                continue
            if status == BAD_JSON:
                report.bad_json += 1
            elif status == TIMEOUT:
                report.timeouts += 1
            elif status == ERROR:
                report.errors += 1
            else:
                report.missing_field += 1
            if len(report.problems) < MAX_ERRORS_LISTED:
                report.problems.append({"line": lineno, "problem": problem})
            if rej is not None:
                rej.write(payload)
            if on_bad == "keep":
                out.write(payload)
                report.bytes_out += len(payload)
            else:
                report.dropped += 1
        out.commit()
        if rej is not None:
            rej.commit()
    except BaseException:
        out.discard()
        if rej is not None:
            rej.discard()
        raise
    finally:
        bar.close()
        if stream is not raw:
            stream.close()
        if raw is not sys.stdin.buffer:
            raw.close()
    report.seconds = time.monotonic() - start
    return report


def fit_jsonl(config: Any, src: str | os.PathLike | None, *, field: str = "text",
              group_field: str | None = None, min_share: float = 0.5, min_docs: int = 5,
              workers: int = 1, progress: bool = False):
    """Fit a :class:`cleaner.learned.Model` on the ``field`` of the records of ``src``."""
    from .learned import Counts

    stream, raw, size = open_input(src)
    name = "stdin" if src in (None, "-") else str(src)
    counts = Counts()
    bar = _Bar(progress, raw, size)
    try:
        for item in map_ordered(RecordKeys(config, field, group_field), _lines(stream, name), workers, chunksize=32):
            bar.update()
            if item is not None:
                counts.add(*item)
    finally:
        bar.close()
        if raw is not sys.stdin.buffer:
            raw.close()
    group_by = f"field:{group_field}" if group_field else "none"
    return counts.to_model(min_share, min_docs, group_by=group_by)
