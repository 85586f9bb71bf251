"""Shared test helpers: where the stored corpus and the shared bench are."""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
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
