"""The repair fast path is an optimisation, never a behaviour change.

``repair_lines(lines)`` (fast: ftfy only where the text could need it) must return
exactly what ``repair_lines(lines, fast=False)`` (ftfy on every line) returns: the
same lines and the same repair records, on generated text full of mojibake,
entities, control characters and decomposed accents, and on every corpus input.
"""

from __future__ import annotations

import re
import unicodedata

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

import cleaner.decode  # noqa: F401  (registers the "cleaner-cp1252" error handler)
from cleaner.decode import decode
from cleaner.normalize import split_lines
from cleaner.repair import (_ACTIONABLE, _MOJIBAKE, COMMON, lines_needing_repair, mojibake_chars, needs_repair, repair_line,
                            repair_lines)
from ftfy.badness import BADNESS_RE, is_bad
from ftfy.chardata import CONTROL_CHARS, HTML_ENTITY_RE

from conftest import BENCH, corpus_cases

PROPERTY = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Characters that mojibake is made of, and that legitimately sit next to it.
LATIN = "éèêëàâäáãåçñöôóòõøüúùûÿíìîïÉÈÀÂÄÁÇÑÖÓÜÚÍßæœŒÆ"
PUNCT = "’‘“”„«»‹›–—…•·°©®™€£¥¢§¶±×÷¡¿ªº¹²³¼½¾¤¦¨¬¯´¸"
OTHER = "ĀāŁłŠšŽžĞğİıŞşАБВГДежзиклмнопрстуфΑΒΓΔαβγδאבגابت中文字日本語한국어😀👍🏽"
SOURCE = st.text(
    alphabet=st.one_of(
        st.sampled_from("abcdefghij XYZ .,;:!?'\"-()0123456789"),
        st.sampled_from(LATIN + PUNCT + OTHER),
        st.characters(blacklist_categories=("Cs",)),
    ),
    max_size=40,
)
ENCODINGS = ("latin-1", "cp1252", "mac_roman", "cp1251", "cp1250", "cp437", "iso-8859-2", "cp1253",
             "cp1257")
ENTITIES = ("&amp;", "&lt;", "&gt;", "&quot;", "&#39;", "&nbsp;", "&eacute;", "&#233;", "&#xE9;",
            "&#10;", "&#13;", "&#8217;", "&hellip;", "&mdash;", "&amp;amp;", "&", "& ", "&copy;", "&#0;")
CONTROLS = "\x00\x01\x07\x08\x0b\x0c\x0e\x1b\x1f\x7f\x80\x81\x85\x8d\x90\x9d\x9f\u2028\u2029\u200b\u206a" \
           "\ufeff\ufff9\ufffc\ufffd\U000e0001\U0001d173\x1b[31m\x1b[0m"


@st.composite
def mojibake(draw) -> str:
    """Text encoded as UTF-8 and read back in a single-byte charset, perhaps twice."""
    text = draw(SOURCE)
    for _ in range(draw(st.integers(1, 2))):
        encoding = draw(st.sampled_from(ENCODINGS))
        text = text.encode("utf-8", errors="surrogatepass").decode(
            encoding, errors="cleaner-cp1252" if encoding == "cp1252" else "replace")
    return text


@st.composite
def with_entities(draw) -> str:
    parts = draw(st.lists(st.one_of(SOURCE, st.sampled_from(ENTITIES)), max_size=6))
    return "".join(parts)


@st.composite
def with_controls(draw) -> str:
    parts = draw(st.lists(st.one_of(SOURCE, st.sampled_from(CONTROLS),
                                    st.sampled_from(("\ud800", "\udfff", "\ud83d"))), max_size=6))
    return "".join(parts)


@st.composite
def decomposed(draw) -> str:
    return unicodedata.normalize(draw(st.sampled_from(("NFD", "NFKD"))), draw(SOURCE))


CLEAN = st.text(alphabet=st.sampled_from("abcdefghij XYZ .,;:!?'\"-()0123456789" + LATIN + PUNCT + OTHER),
                max_size=20)


@st.composite
def one_defect(draw) -> str:
    """Clean text with one arbitrary code point (surrogates included) or entity inside."""
    odd = draw(st.one_of(st.characters(blacklist_categories=()), st.sampled_from(CONTROLS),
                         st.sampled_from(ENTITIES)))
    return draw(CLEAN) + odd + draw(CLEAN)


PIECE = st.one_of(SOURCE, mojibake(), with_entities(), with_controls(), decomposed(), one_defect())
LINE = st.lists(PIECE, min_size=0, max_size=4).map("".join)


def both_paths(lines: list[str]) -> None:
    fast, slow = list(lines), list(lines)
    fast_repairs = repair_lines(fast)
    slow_repairs = repair_lines(slow, fast=False)
    assert fast == slow
    assert fast_repairs == slow_repairs


@PROPERTY
@given(st.lists(LINE, max_size=12))
@example(["CafÃ© &amp; bar", "plain", "Ã ", "â€™"])
@example(["line ends with Ã", " next starts with a space"])  # a mojibake pair across the break
@example(["œ", "x"])
def test_fast_path_equals_ftfy_on_every_line(lines):
    both_paths(lines)
    # the whole-text scans find exactly the lines the per-line proof flags
    assert lines_needing_repair(lines) == [i for i, line in enumerate(lines) if needs_repair(line)]


@PROPERTY
@given(st.lists(LINE, max_size=8).map("\n".join))
def test_fast_path_equals_slow_path_on_split_text(text):
    """As the pipeline calls it: text cut on every line-break convention first."""
    both_paths(split_lines(text))


@PROPERTY
@given(LINE)
def test_needs_repair_false_is_a_proof(line):
    if not needs_repair(line):
        assert repair_line(line)[0] == line


@PROPERTY
@given(one_defect())
def test_needs_repair_false_is_a_proof_with_one_odd_character(line):
    if not needs_repair(line):
        assert repair_line(line)[0] == line


def test_needs_repair_false_is_a_proof_for_every_character():
    """Each code point of the BMP and of the planes ftfy cares about, alone and between letters."""
    chars = [*range(0x10000), *range(0x1D100, 0x1D200), *range(0x1F300, 0x1F700), *range(0xE0000, 0xE0200)]
    for c in chars:
        for line in (chr(c), f"ab{chr(c)}cd"):
            if not needs_repair(line):
                assert repair_line(line)[0] == line, f"U+{c:04X}"


TRICKY = [
    "",
    "plain ASCII with nothing to fix.",
    "A “quoted” line – with a dash… and l’été, naïve café, Straße, Ærø.",
    "CafÃ© &amp; bar",
    "The cafÃ© is open &amp; busy",
    "Ã©tÃ©",
    "ÃƒÂ©tÃƒÂ©",                       # double mojibake
    "voilÃ le travail",                # byte A0 lost as a space
    "â€œquotedâ€\x9d",
    "donâ€™t",
    "Ã ",
    "Â ",
    "text Â more",
    "×²",
    "œ",
    "œ ",
    "caf\u0065\u0301",                 # NFD
    "e\u0301",
    "\u0301 combining mark first",
    "&lt;b&gt;bold&lt;/b&gt;",
    "<p>&amp;</p>",                    # looks like HTML: entities stay
    "a&#10;b",                         # an entity that is a line break
    "AT&T and Q&A",
    "tab\there",
    "\x1b[31mred\x1b[0m",
    "bell\x07",
    "\x85next line",
    "para\u2029graph",
    "zero\u200bwidth",
    "\ufeffBOM",
    "lone \ud800 surrogate",
    "ｆｕｌｌ ｗｉｄｔｈ",
    "ﬁ ligature",
    "ГўВЂВњ",
    "вЂ™",
    "Ð¿Ñ€Ð¸Ð²ÐµÑ‚",
    "ØªØ³Øª",
    "\u2014\u2014\u2014",
    "Ã",
]


def test_tricky_strings_one_per_line():
    both_paths(list(TRICKY))
    for line in TRICKY:
        both_paths([line])
        if not needs_repair(line):
            assert repair_line(line)[0] == line


def test_tricky_strings_in_pairs():
    """Each ordered pair as neighbouring lines: a break must not hide or invent damage."""
    for a in TRICKY:
        both_paths([a + b for b in TRICKY])
        both_paths([x for b in TRICKY for x in (a, b)])


# Every character ftfy's badness pattern names, the common ones the prefilter lets out, and ASCII.
PATTERN_CHARS = sorted({c for c in BADNESS_RE.pattern if ord(c) > 127} | set(COMMON) | set("aZ .,!1_"))


@PROPERTY
@given(st.one_of(LINE, st.text(alphabet=st.sampled_from(PATTERN_CHARS), max_size=12)))
def test_mojibake_prefilter_is_a_proof(line):
    """A line with no character of the prefilter has no badness match: ftfy sees nothing bad."""
    if not _MOJIBAKE.search(line):
        assert not is_bad(line)


def test_mojibake_prefilter_is_a_proof_for_every_pair():
    """Every pair of the pattern's characters (and ASCII), alone and inside a line."""
    assert _MOJIBAKE is not None and mojibake_chars().pattern == _MOJIBAKE.pattern
    for a in PATTERN_CHARS:
        for b in PATTERN_CHARS:
            if not _MOJIBAKE.search(a + b):
                assert not is_bad(a + b) and not is_bad(f"x {a}{b} y"), (a, b)


def test_known_repairs():
    lines = ["The cafÃ© is open &amp; busy", "Nothing here.", "donâ€™t"]
    repairs = repair_lines(lines)
    assert lines == ["The café is open & busy", "Nothing here.", "don’t"]
    assert [r.line for r in repairs] == [1, 3]


def _prepared_lines(data: bytes) -> list[str]:
    text = decode(data)[0] if isinstance(data, bytes) else data
    return split_lines(text)


CASES = corpus_cases()


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_fast_path_equals_slow_path_on_corpus(case):
    both_paths(_prepared_lines(case.input.read_bytes()))


def test_fast_path_equals_slow_path_on_bench_sample():
    """Every 25th page and box dump of the shared bench (skipped where it is absent)."""
    if not BENCH.exists():
        pytest.skip(f"{BENCH} is absent")
    paths = (sorted(BENCH.glob("*/page/*.txt")) + sorted(BENCH.glob("*/box/*.txt")))[::25]
    for path in paths:
        both_paths(_prepared_lines(path.read_bytes()))


# The actionable pattern as first written: the entity alternative, then the character class.
_PLAIN_ACTIONABLE = re.compile(
    f"&(?={HTML_ENTITY_RE.pattern[1:]})|[\x00-\x08\x0b-\x1f\x7f-\x9f\u0085\u2028\u2029\ud800-\udfff"
    "\u206a-\u206f\ufeff\ufff9-\ufffc\U0001d173-\U0001d17a\U000e0000-\U000e007f"
    + "".join(re.escape(chr(c)) for c in sorted(CONTROL_CHARS)) + "]"
)


def _starts(pattern: re.Pattern, text: str) -> list[int]:
    return [m.start() for m in pattern.finditer(text)]


@PROPERTY
@given(st.lists(st.one_of(LINE, st.sampled_from(ENTITIES), st.sampled_from(CONTROLS)), max_size=12).map("".join))
def test_actionable_pattern_equals_the_plain_alternation(text):
    assert _starts(_ACTIONABLE, text) == _starts(_PLAIN_ACTIONABLE, text)


def test_actionable_pattern_on_every_character_and_the_bench():
    chars = "".join(map(chr, [*range(0x10000), *range(0x1D100, 0x1D200), *range(0xE0000, 0xE0200)]))
    assert _starts(_ACTIONABLE, chars) == _starts(_PLAIN_ACTIONABLE, chars)
    assert _starts(_ACTIONABLE, "&&amp;&#10;& &x;&&") == _starts(_PLAIN_ACTIONABLE, "&&amp;&#10;& &x;&&") == [1, 6, 13]
    if BENCH.exists():
        for path in (sorted(BENCH.glob("*/page/*.txt")) + sorted(BENCH.glob("*/box/*.txt")))[::5]:
            text = path.read_bytes().decode("utf-8", "replace")
            assert _starts(_ACTIONABLE, text) == _starts(_PLAIN_ACTIONABLE, text), path


def _reference_let_out(alternatives, common):
    """The rule as first written: let ``c`` out if every alternative keeps a blocking class
    disjoint from everything let out with it."""
    let_out: set[str] = set()
    for c in common:
        trial = let_out | {c}
        if all(any(not (chars & trial) for chars in blocking) for blocking in alternatives):
            let_out = trial
    return let_out


@PROPERTY
@given(st.lists(st.lists(st.sets(st.sampled_from("abcdeé’“ÃÂâ€"), min_size=1, max_size=4), min_size=1, max_size=3),
                min_size=1, max_size=4),
       st.text(alphabet="abcdeé’“ÃÂâ€xy", max_size=12))
def test_let_out_equals_the_plain_rule(alternatives, common):
    from cleaner.repair import _let_out
    assert _let_out(alternatives, common) == _reference_let_out(alternatives, common)


def test_mojibake_chars_for_other_common_sets():
    """Different characters let out, in different orders: the same prefilter as the plain rule."""
    from cleaner import repair

    calls = []
    real = repair._let_out
    try:
        repair._let_out = lambda alternatives, common: calls.append(alternatives) or real(alternatives, common)
        repair.mojibake_chars()
    finally:
        repair._let_out = real
    [alternatives] = calls
    for common in (COMMON, COMMON[::-1], COMMON + "ÃÂâ€", "ÃÂâ€" + COMMON, ""):
        assert real(alternatives, common) == _reference_let_out(alternatives, common)


def _two_scans(text: str) -> tuple[list[int], list[int]]:
    hits = _starts(_ACTIONABLE, text)
    return hits, [p for p in _starts(_MOJIBAKE, text) if p not in set(hits)]


@PROPERTY
@given(st.lists(st.one_of(LINE, st.sampled_from(ENTITIES), st.sampled_from(CONTROLS)), max_size=12).map("".join))
def test_one_scan_equals_the_two(text):
    from cleaner.repair import _scan
    assert _scan(text) == _two_scans(text)


def test_one_scan_equals_the_two_on_the_bench():
    from cleaner.repair import _scan
    chars = "".join(map(chr, [*range(0x10000), *range(0xE0000, 0xE0200)])) + "&amp; &#10;"
    assert _scan(chars) == _two_scans(chars)
    if BENCH.exists():
        for path in (sorted(BENCH.glob("*/page/*.txt")) + sorted(BENCH.glob("*/box/*.txt")))[::5]:
            text = path.read_bytes().decode("utf-8", "replace")
            assert _scan(text) == _two_scans(text), path
