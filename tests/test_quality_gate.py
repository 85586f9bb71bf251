"""The regression gate: the bench scores pinned in tests/quality_pins.json must not drop.

Every set x input kind of ../shared/bench is cleaned and scored in this test (token-bag
P/R/F1, mean over documents). It fails when F1 or recall of any of them drops by more
than TOLERANCE below its pin. Raising the pins is an explicit step after a person has
looked at the change: `make pin` (README, "Quality").
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from cleaner.evaluate import bench_rows

from conftest import BENCH, needs_shared

PINS = Path(__file__).with_name("quality_pins.json")
TOLERANCE = 0.005
SYSTEMS = {"box": ("cleaner",), "page": ("cleaner",), "html": ("cleaner-html",)}


@pytest.fixture(scope="module")
def rows():
    needs_shared(BENCH)
    return {f"{r['set']}/{r['kind']}": r for r in bench_rows(BENCH, SYSTEMS, workers=os.cpu_count() or 1)}


def test_every_pin_is_measured(rows):
    pins = json.loads(PINS.read_text())
    assert set(pins) <= set(rows), f"pinned but not measured: {sorted(set(pins) - set(rows))}"
    assert len(pins) == 9, "expected a pin for each of 3 sets x 3 input kinds"


@pytest.mark.parametrize("name", sorted(json.loads(PINS.read_text())))
def test_no_drop_below_pin(rows, name):
    pin, got = json.loads(PINS.read_text())[name], rows[name]
    for metric in ("F1", "R"):
        assert got[metric] >= pin[metric] - TOLERANCE, (
            f"{name}: {metric} {got[metric]:.4f} fell more than {TOLERANCE} below its pin {pin[metric]:.4f}")
