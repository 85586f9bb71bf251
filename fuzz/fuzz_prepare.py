"""atheris fuzz target: the whole preparation (decode, repair, normalise, syntax steps, rejoin, glue) on arbitrary bytes.

Run with ``make fuzz`` (``FUZZ_SECONDS=600 make fuzz`` for longer). Checks, for every input:

- decoding, repair and normalisation never raise;
- the result is text without carriage returns, odd line breaks or zero-width characters;
- the path is idempotent: preparing the prepared text again gives the same text (a cleaned
  output fed back in must not change; glued pieces are put back together, as the output does);
- it is fast: a slow input (over ``SLOW_SECONDS``) is a failure, reported with the input.

A failing input is written to ``.fuzz/crash-*`` (replay: ``python fuzz/fuzz_prepare.py .fuzz/crash-...``).
"""

from __future__ import annotations

import sys
import time

import atheris

with atheris.instrument_imports(include=["cleaner"]):
    from cleaner.config import Config
    from cleaner.document import input_lines
    from cleaner.pipeline import prepare

import os

CONFIG = Config(input="text")
#: FUZZ_IDEMPOTENCE=0 skips the idempotence check (to look past a known failure of it).
CHECK_IDEMPOTENCE = os.environ.get("FUZZ_IDEMPOTENCE", "1") != "0"
SLOW_SECONDS = 2.0
FORBIDDEN = ("\r", "\u2028", "\u2029", "\x85", "\x0b", "\x0c", "\u200b", "\ufeff")


def TestOneInput(data: bytes) -> None:
    start = time.perf_counter()
    doc = prepare(data, CONFIG)
    text = "\n".join(input_lines(doc.lines))  # glued pieces back together, as the output has them
    for ch in FORBIDDEN:
        if ch in text:
            raise AssertionError(f"{ch!r} survived normalisation")
    if not CHECK_IDEMPOTENCE:
        again = text
    else:
        again = "\n".join(input_lines(prepare(text, CONFIG).lines))
    if again.strip("\n") != text.strip("\n"):  # blank lines at the ends carry nothing
        raise AssertionError(f"not idempotent: {text!r} -> {again!r}")
    if time.perf_counter() - start > SLOW_SECONDS:
        raise AssertionError(f"slow: {time.perf_counter() - start:.1f} s for {len(data)} bytes")


def main() -> None:
    atheris.Setup(sys.argv, TestOneInput)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
