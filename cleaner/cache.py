"""A small on-disk cache for tables that are slow to build and never change between runs.

Building the stopword tables of language detection from jusText's stoplists takes
about a third of a second, paid by every new process (a one-file ``cleaner clean``,
each worker of a batch). Read back from a file they take a fraction of that.

An entry is one file, ``<cache dir>/<name>-<key>.bin``: a magic line, the key,
the SHA-256 of the payload and the payload. The key says what the payload was
built from (the caller hashes the source files' identity and a format version
into it); the digest catches a truncated or damaged file. Anything unexpected
(no such file, a damaged one, a directory that cannot be created or written)
makes :func:`read` return ``None`` and :func:`write` do nothing: the caller then
builds the table in memory, as it would without a cache. Files are written to
a temporary name and renamed, so a reader never sees half a file, and two
processes writing the same entry at once both leave a whole one.

The directory is ``$CLEANER_CACHE_DIR`` if set (empty: no cache at all), else
``$XDG_CACHE_HOME/cleaner``, else ``~/.cache/cleaner``. Deleting it is always safe.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
import time
from pathlib import Path

MAGIC = b"cleaner-cache 1\n"


def cache_dir() -> Path | None:
    """Where cache files go, or ``None`` when caching is switched off (``CLEANER_CACHE_DIR=``)."""
    explicit = os.environ.get("CLEANER_CACHE_DIR")
    if explicit is not None:
        return Path(explicit) if explicit else None
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "cleaner"


def key_of(*parts: object) -> str:
    """A hex key naming what a payload was built from (``repr`` of each part, hashed)."""
    return hashlib.sha256(repr(parts).encode("utf-8", "surrogatepass")).hexdigest()[:32]


def _path(name: str, key: str) -> Path | None:
    directory = cache_dir()
    return None if directory is None else directory / f"{name}-{key}.bin"


def read(name: str, key: str) -> bytes | None:
    """The payload stored under ``name`` and ``key``, or ``None`` if there is no whole one."""
    path = _path(name, key)
    if path is None:
        return None
    try:
        blob = path.read_bytes()
    except (OSError, ValueError):
        return None
    head = MAGIC + key.encode("ascii")
    start = len(head) + 32
    if not blob.startswith(head) or len(blob) < start:
        return None
    payload = blob[start:]
    if hashlib.sha256(payload).digest() != blob[len(head):start]:
        return None
    return payload


def write(name: str, key: str, payload: bytes) -> bool:
    """Store ``payload`` under ``name`` and ``key``, atomically; False (and no error) if it cannot."""
    path = _path(name, key)
    if path is None:
        return False
    tmp = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{name}-", suffix=".tmp", dir=path.parent)
        with os.fdopen(fd, "wb") as f:
            f.write(MAGIC + key.encode("ascii") + hashlib.sha256(payload).digest() + payload)
        os.replace(tmp, path)
    except (OSError, ValueError):
        if tmp is not None:
            try:
                os.unlink(tmp)
            except OSError:
                pass
        return False
    _prune(path, name)
    return True


#: Other entries of the same name unwritten for this long (seconds) go when a new one is written.
STALE_AFTER = 30 * 24 * 3600


def _prune(kept: Path, name: str) -> None:
    """Delete the entries of ``name`` built from other sources (an older jusText, say) that
    nobody has written for :data:`STALE_AFTER`: each is megabytes. A month, so that two
    installs sharing the folder never take turns deleting each other's entry."""
    try:
        for old in kept.parent.glob(f"{name}-*.bin"):
            if old != kept and time.time() - old.stat().st_mtime > STALE_AFTER:
                old.unlink()
    except OSError:
        pass
