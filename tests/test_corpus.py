"""The stored corpus: every case's input cleans to its expected text, and cleaning is stable."""

from __future__ import annotations

import pytest

from cleaner import Cleaner, Config

from conftest import corpus_cases

CASES = corpus_cases()


def _cleaner(options: dict) -> Cleaner:
    return Cleaner(Config(**options))


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_case_cleans_to_expected(case):
    got = _cleaner(case.options).clean(case.input.read_bytes())
    assert got == case.expected.rstrip("\n"), f"{case.name}: output differs from expected.txt"


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_case_is_idempotent(case):
    cleaner = _cleaner(case.options)
    once = cleaner.clean(case.input.read_bytes())
    assert cleaner.clean(once) == once


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_case_explains_what_it_cleans(case):
    """The explained result (what the CLI's --explain and --format json print, metadata and all)
    holds the same text: reading a removed line's metadata never fails on any case."""
    result = _cleaner(case.options).explain(case.input.read_bytes())
    assert result.text == case.expected.rstrip("\n")
    assert isinstance(result.to_dict()["metadata"], dict)


def test_corpus_is_big_enough():
    assert len(CASES) >= 30, "the stored corpus should hold at least 30 cases"
    notes = [c for c in CASES if not (c.input.parent / "note.md").exists()]
    assert not notes, f"cases without a note.md: {[c.name for c in notes]}"
