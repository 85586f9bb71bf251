"""Reading inputs and writing outputs safely; the errors a user sees.

Outputs are written to a temporary file in the target folder and renamed into
place, so a reader (or a resumed batch) sees either the whole file or none.
"""

from __future__ import annotations

import os
import stat
import sys
import tempfile
from pathlib import Path
from typing import BinaryIO

from .decode import looks_binary

#: Inputs larger than this are refused unless the user raises ``--max-bytes``.
DEFAULT_MAX_BYTES = 64 * 1024 * 1024


class CleanerError(Exception):
    """An error with a one-line message for the user and the exit code it maps to."""

    exit_code = 1


class InputError(CleanerError):
    """The input cannot be read: missing, a directory, no permission."""

    exit_code = 3


class RefusedInput(CleanerError):
    """The input was read but is not text we clean: binary, or over the size limit."""

    exit_code = 4


class OutputError(CleanerError):
    """The output cannot be written."""

    exit_code = 5


#: Exit codes, documented in the README ("Errors and exit codes").
EXIT_OK = 0
EXIT_SOME_FAILED = 1
EXIT_USAGE = 2
EXIT_INTERRUPTED = 130


def open_file(path: str | os.PathLike, name: str, dir_hint: str = "") -> BinaryIO:
    """Open a file for reading; what the OS says against it becomes a one-line :class:`InputError`."""
    try:
        return open(path, "rb")
    except FileNotFoundError:
        raise InputError(f"{name}: no such file") from None
    except IsADirectoryError:
        raise InputError(f"{name}: is a directory{dir_hint}") from None
    except PermissionError:
        raise InputError(f"{name}: permission denied") from None
    except OSError as e:
        raise InputError(f"{name}: cannot read ({e.strerror or e})") from None


def read_input(path: str | os.PathLike | None, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """The bytes of a file, or of stdin for ``None`` / ``"-"``; refused when not text."""
    name = "stdin" if path in (None, "-") else str(path)
    too_big = RefusedInput(f"{name}: larger than the {max_bytes}-byte limit (raise it with --max-bytes)")
    try:
        if path in (None, "-"):
            data = sys.stdin.buffer.read(max_bytes + 1)
        else:
            with open_file(path, name, " (use 'cleaner batch' for directories)") as f:
                st = os.fstat(f.fileno())
                if stat.S_ISREG(st.st_mode) and st.st_size > max_bytes:
                    raise too_big  # refused without reading a byte (a 200 GB file costs nothing)
                data = f.read(max_bytes + 1)
    except OSError as e:  # while reading: an I/O error, a file gone from under us
        raise InputError(f"{name}: cannot read ({e.strerror or e})") from None
    if len(data) > max_bytes:
        raise too_big
    if looks_binary(data):
        raise RefusedInput(f"{name}: looks like binary data, not text")
    return data


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write_atomic(path: str | os.PathLike, data: str | bytes, durable: bool = False) -> None:
    """Write ``data`` to ``path`` via a temporary file and a rename: all or nothing.

    A killed process leaves the old file or the new one, never half of one.
    ``durable`` also syncs to disk (survives power loss; slower).
    """
    path = Path(path)
    payload = data.encode("utf-8") if isinstance(data, str) else data
    try:
        mode = os.stat(path).st_mode
    except OSError:
        mode = None
    if mode is not None and stat.S_ISDIR(mode):
        raise OutputError(f"{path}: cannot write (is a directory)")
    if mode is not None and not stat.S_ISREG(mode):
        # A device, a FIFO or /dev/stdout: write into it; renaming a file over it would
        # replace the device node (as root, /dev/stdout itself) instead.
        try:
            with open(path, "wb") as f:
                f.write(payload)
        except OSError as e:
            raise OutputError(f"{path}: cannot write ({e.strerror or e})") from None
        return
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as e:
        raise OutputError(f"{path}: cannot write ({e.strerror or e})") from None
    try:
        os.chmod(tmp, 0o666 & ~_umask())  # mkstemp makes 0600; outputs get the usual mode
        with os.fdopen(fd, "wb") as f:
            f.write(payload)
            if durable:
                f.flush()
                os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException as e:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        if isinstance(e, OSError):
            raise OutputError(f"{path}: cannot write ({e.strerror or e})") from None
        raise
