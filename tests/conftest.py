"""Shared test helpers: where the stored corpus and the shared bench are."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import pytest

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
