"""Time bounds: no regex and no rule takes super-linear time on adversarial input.

Every compiled pattern of the package is found by introspection (a new one is checked
the day it is added) and fed long runs of the characters it repeats, alone, in pairs
and with a character that makes the match fail at the end. Time is compared as a ratio
between a 10x and a 1x input, never as an absolute time: linear code gives ~10x,
quadratic backtracking ~100x. Then whole documents built from the same characters go
through :func:`cleaner.clean` (one long line, and many short lines) with the same ratio.
"""

from __future__ import annotations

import importlib
import pkgutil
import re
import time
from itertools import product

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import cleaner

try:  # Python 3.11+
    from re import _constants as sre_c, _parser as sre_parse
except ImportError:  # pragma: no cover - Python 3.10
    import sre_constants as sre_c
    import sre_parse

#: A 10x input may take at most this many times as long as the 1x input.
MAX_RATIO = 30
#: Below this the 10x timing is noise (and fast enough whatever the ratio).
FLOOR = 0.004


def package_patterns() -> list[tuple[str, re.Pattern]]:
    """Every module-level compiled regex of the package, as ``(module.name, pattern)``."""
    found = []
    for info in pkgutil.walk_packages(cleaner.__path__, "cleaner."):
        if info.name.endswith(("dask_engine", "__main__")):
            continue
        module = importlib.import_module(info.name)
        if info.name == "cleaner.lang":  # its script patterns are compiled on first use
            for name in module._SCRIPTS:
                module._script(name)
        for name, value in sorted(vars(module).items()):
            if isinstance(value, re.Pattern):
                found.append((f"{info.name}.{name}", value))
    return found


_CATEGORY_CHARS = {
    sre_c.CATEGORY_DIGIT: "1", sre_c.CATEGORY_NOT_DIGIT: "a!",
    sre_c.CATEGORY_SPACE: " \t", sre_c.CATEGORY_NOT_SPACE: "a.",
    sre_c.CATEGORY_WORD: "a_1é", sre_c.CATEGORY_NOT_WORD: "!. ",
}


def pattern_chars(pattern: re.Pattern) -> str:
    """Characters the pattern mentions (its literals, set members, class examples)."""
    chars: set[str] = set()

    def walk(items) -> None:
        for op, av in items:
            if op is sre_c.LITERAL or op is sre_c.NOT_LITERAL:
                chars.add(chr(av))
            elif op is sre_c.IN:
                for sop, sav in av:
                    if sop is sre_c.LITERAL:
                        chars.add(chr(sav))
                    elif sop is sre_c.RANGE:
                        chars.update(chr(c) for c in (sav[0], (sav[0] + sav[1]) // 2, sav[1]))
                    elif sop is sre_c.CATEGORY:
                        chars.update(_CATEGORY_CHARS.get(sav, ""))
            elif op is sre_c.CATEGORY:
                chars.update(_CATEGORY_CHARS.get(av, ""))
            elif op in (sre_c.MAX_REPEAT, sre_c.MIN_REPEAT, getattr(sre_c, "POSSESSIVE_REPEAT", None)):
                walk(av[2])
            elif op is sre_c.SUBPATTERN:
                walk(av[-1])
            elif op is sre_c.BRANCH:
                for branch in av[1]:
                    walk(branch)
            elif op in (sre_c.ASSERT, sre_c.ASSERT_NOT):
                walk(av[1])

    walk(sre_parse.parse(pattern.pattern, pattern.flags))
    chars = {c for c in chars if c not in "\n\r"} | set("a1 .!é")
    return "".join(sorted(chars))[:24]


def adversarial(chars: str, n: int) -> list[str]:
    """Runs of one character, of a pair, each with and without a failing tail."""
    runs = [c * n for c in chars] + [(c + d) * (n // 2) for c, d in product(chars, repeat=2) if c != d]
    return runs + [r + "\x00" for r in runs]


def _best(fn, arg: str, repeat: int = 3) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        fn(arg)
        best = min(best, time.perf_counter() - start)
    return best


#: Patterns only ever used with ``.match`` (anchored at the start): only that is timed.
MATCH_ONLY = {"cleaner.html._HTML_START"}

#: Super-linear on raw whitespace runs, but the rules only see normalised lines, where
#: every run of spaces is one space (checked by the test after this one). Latent: they are
#: in rule files this suite does not own; the fix is ``(?<!\s)`` before the leading ``\s*``.
LATENT_ON_RAW_WHITESPACE = {
    "cleaner.blocks.lists._COUNTER_SUFFIX", "cleaner.blocks.lists._LIST_SEPARATORS",
    "cleaner.result._COUNTER_SUFFIX", "cleaner.result._ITEM_SEPARATORS",
}


def _scan(pattern: re.Pattern, match_only: bool = False):
    as_bytes = isinstance(pattern.pattern, bytes)  # a bytes pattern runs on the UTF-8 text

    def run(s: str) -> None:
        if as_bytes:
            s = s.encode("utf-8", "surrogatepass")
        pattern.match(s)
        if not match_only:
            pattern.findall(s)  # a search from every position, as sub() and split() do
    return run


def _slow_inputs(pattern: re.Pattern, texts_small, texts_big, match_only: bool = False) -> list[str]:
    run = _scan(pattern, match_only)
    slow = []
    for small, big in zip(texts_small, texts_big):
        if _best(run, big, 1) < FLOOR:
            continue
        t_big, t_small = _best(run, big, 2), _best(run, small, 2)
        if t_big > FLOOR and t_big > MAX_RATIO * t_small:
            slow.append(f"{small[:12]!r}... x10: {t_small * 1e3:.2f} ms -> {t_big * 1e3:.2f} ms")
            if len(slow) >= 2:
                break
    return slow


def _params():
    for name, pattern in package_patterns():
        marks = [pytest.mark.xfail(strict=True, reason="quadratic on raw whitespace runs; unreachable "
                                   "after normalisation (see test_latent_patterns_are_linear_on_normalised_text)")
                 ] if name in LATENT_ON_RAW_WHITESPACE else []
        yield pytest.param(name, pattern, id=name, marks=marks)


@pytest.mark.parametrize("name, pattern", list(_params()))
def test_every_package_regex_is_linear_on_adversarial_runs(name, pattern):
    chars = pattern_chars(pattern)
    slow = _slow_inputs(pattern, adversarial(chars, 200), adversarial(chars, 2000), name in MATCH_ONLY)
    assert not slow, f"{name} = /{pattern.pattern}/ is super-linear on: " + "; ".join(slow)


@pytest.mark.parametrize("name", sorted(LATENT_ON_RAW_WHITESPACE))
def test_latent_patterns_are_linear_on_normalised_text(name):
    """What the rules see: the adversarial runs after decode, repair and normalisation."""
    from cleaner import Config
    from cleaner.pipeline import prepare

    pattern = dict(package_patterns())[name]

    def as_rules_see_it(texts):
        return [" ".join(line.text for line in prepare(t, Config(input="text")).lines) for t in texts]

    chars = pattern_chars(pattern)
    small, big = as_rules_see_it(adversarial(chars, 200)), as_rules_see_it(adversarial(chars, 2000))
    slow = _slow_inputs(pattern, small, big)
    assert not slow, f"{name} = /{pattern.pattern}/ is super-linear on: " + "; ".join(slow)


def test_the_scan_finds_the_package_regexes():
    names = [n for n, _ in package_patterns()]
    assert len(names) >= 20 and "cleaner.normalize.LINE_BREAKS" in names


def test_the_checker_catches_a_quadratic_regex():
    """The check itself works: a pattern known to backtrack quadratically fails it."""
    pattern = re.compile(r"\s*,")  # a search restarts at every space of a long run
    run = _scan(pattern)
    small, big = " " * 1000, " " * 10000
    t_small, t_big = _best(run, small), _best(run, big)
    assert t_big > FLOOR and t_big > MAX_RATIO * t_small


# ---------------------------------------------------------------------------
# Whole documents through the cleaner

ALPHABET = "".join(sorted(set("".join(pattern_chars(p) for _, p in package_patterns()))))
TIMEBOUND = settings(max_examples=10, deadline=None, derandomize=True, database=None,
                     suppress_health_check=list(HealthCheck))


def _linear(unit: str, shape: str) -> None:
    small, big = _document(unit, shape, 2000), _document(unit, shape, 20000)
    t_small, t_big = _best(cleaner.clean, small, 2), _best(cleaner.clean, big, 1)
    if t_big > max(MAX_RATIO * t_small, 0.05):  # measure again before failing: the machine is shared
        t_small, t_big = _best(cleaner.clean, small, 3), _best(cleaner.clean, big, 3)
    assert t_big < max(MAX_RATIO * t_small, 0.05), (
        f"{shape} of {unit!r}: {len(small)} chars {t_small:.3f} s, {len(big)} chars {t_big:.3f} s")


def _document(unit: str, shape: str, n: int) -> str:
    if shape == "line":
        return unit * n
    if shape == "lines":  # many short lines: the line rules run on each
        line = (unit * (60 // max(1, len(unit)) + 1))[:60]
        return "\n".join([line] * max(1, n * len(unit) // 60))
    # prose around the runs: the block rules see a body and lines after it
    prose = "The council approved the new budget on Monday evening after a long debate.\n"
    return (prose + (unit * 20)[:80] + "\n") * max(1, n * len(unit) // 100)


@TIMEBOUND
@given(unit=st.text(alphabet=ALPHABET + "\n", min_size=1, max_size=4),
       shape=st.sampled_from(["line", "lines", "prose"]))
def test_cleaning_time_grows_linearly(unit, shape):
    _linear(unit, shape)


@pytest.mark.parametrize("unit", ["word ", "(1", " ,", "Share ", "1.", "é\u200b", "&amp;", "Ã©",
                                  "<p>", "Tags: a, ", "11:21 "])
@pytest.mark.parametrize("shape", ["line", "lines", "prose"])
def test_known_adversarial_documents_clean_in_linear_time(unit, shape):
    _linear(unit, shape)


def test_a_run_of_html_comments_is_not_exponential():
    """Found by this suite: 40 empty comments before a non-HTML character took hours in
    ``looks_like_html`` (a lazy ``.*?`` inside a repeated group)."""
    start = time.perf_counter()
    text = "<!---->" * 40 + "x the council approved the new budget on Monday evening."
    assert cleaner.clean(text) == text
    assert time.perf_counter() - start < 5
