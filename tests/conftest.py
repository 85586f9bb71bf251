"""Shared test helpers: where the stored corpus and the shared bench are."""

from __future__ import annotations

import json
import os
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pytest
from hypothesis import settings

# Hypothesis profiles: "ci" runs 2,000 examples per property that does not set its own count
# (tests/test_fuzz.py), derandomised so a CI failure reproduces; chosen by CI=true (set by CI
# services) or HYPOTHESIS_PROFILE=ci. Elsewhere hypothesis' defaults (100 examples).
settings.register_profile("ci", max_examples=2000, derandomize=True, database=None, deadline=None,
                          print_blob=True)
settings.register_profile("dev", deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE")
                      or ("ci" if os.environ.get("CI", "").lower() in ("1", "true", "yes") else "dev"))

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus" / "cases"
SHARED = ROOT.parent / "shared"
SEED = SHARED / "seeds" / "000_657b378cf3d0c81d.txt"
BENCH = SHARED / "bench"


@dataclass(frozen=True)
class Case:
    name: str
    input: Path
    expected: str
    options: dict

    @classmethod
    def load(cls, folder: Path) -> "Case":
        inputs = sorted(folder.glob("input.*"))
        assert len(inputs) == 1, f"{folder.name}: needs exactly one input.* file"
        opts = folder / "options.json"
        return cls(
            folder.name,
            inputs[0],
            (folder / "expected.txt").read_text(encoding="utf-8"),
            json.loads(opts.read_text(encoding="utf-8")) if opts.exists() else {},
        )


def corpus_cases() -> list[Case]:
    return [Case.load(p) for p in sorted(CORPUS.iterdir()) if p.is_dir()] if CORPUS.is_dir() else []


def needs_shared(path: Path) -> None:
    """Skip (with the reason) where ../shared is absent, as in a user's clone."""
    if not path.exists():
        pytest.skip(f"{path} is absent (it sits beside the checkout only on the project's machines)")


@lru_cache(maxsize=1)
def mark_class() -> str:
    """Every combining mark (Unicode general category M: Mn, Mc, Me) as the body of a regex
    class, found by scanning every code point (half a second): the reference that the
    package's per-character look-ups (:func:`cleaner.text.marks_in`) are held to."""
    ranges: list[list[int]] = []
    for cp in range(0x110000):
        if unicodedata.category(chr(cp))[0] == "M":
            if ranges and ranges[-1][1] == cp - 1:
                ranges[-1][1] = cp
            else:
                ranges.append([cp, cp])
    return "".join(f"{re.escape(chr(a))}-{re.escape(chr(b))}" for a, b in ranges)


@lru_cache(maxsize=None)
def reference_pattern(name: str) -> re.Pattern:
    """The reference tokenisers, as regexes with the whole class of marks in them.

    ``words``: a ``\\w+`` run continued by the combining marks that follow its characters
    (what :mod:`cleaner.text` counts and keys as a word). ``letters``: the same for runs of
    letters (``[^\\W\\d_]``, what :mod:`cleaner.lang` looks up in the stoplists).
    """
    marks = mark_class()
    return re.compile({"words": rf"\w[\w{marks}]*", "letters": rf"[^\W\d_](?:[^\W\d_]|[{marks}])*"}[name])
