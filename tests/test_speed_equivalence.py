"""The fast paths are optimisations, never behaviour changes.

Each fast path is checked against the plain way of computing the same thing
(kept here as the reference): bulk line keys and word counts against
``key``/``word_count`` per line; ``str.splitlines`` against the line-break regex;
the byte-level normaliser, word tokens and language detection against the regex
versions; the rule gates (every rule fires only on a line with a flag of its gate,
and ``lines.flagged`` finds every line with a flag); and the whole rule stage
(gated line rules, block passes that skip a rule when nothing changed) against
running every rule on every line and every block rule in every pass.
``scripts/check_outputs.py`` does the end-to-end version on every bench dump.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cleaner import Config, blocks, lines, pipeline
from cleaner.document import Removal, Repair
from cleaner.lang import (FALLBACK, MIN_HITS, MIN_SHARE, SAMPLE_CHARS, _CHUNK_WORDS, _CJK, _HAN, _HANGUL, _KANA,
                          _code_groups, _may_be_cjk, detect, detect_without, stoplist, stopwords)
from cleaner.lexicon import load
from cleaner.normalize import CONTROLS, INVISIBLE, ODD_SPACES, normalize_text, split_lines
from cleaner.text import _CJK as _TEXT_CJK, folded_words, key, keys, word_count, word_counts

from conftest import BENCH, corpus_cases, reference_pattern

PROPERTY = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Characters that exercise every branch: ASCII word and non-word, digits of other
# scripts, letters NFKC or casefolding changes, combining marks (Devanagari vowel signs
# and virama, Arabic harakat, a variation selector, Greek ΐ that casefolds into marks, the
# kana voicing mark inside the CJK range), CJK, odd spaces.
ODD = ("_ \t.,:;-–—’“”«»•©®½²❶٣Ｃﬁǰİßé\u0301\u00a0\u2003\u200b\u00ad東語한かŉΣ"
       "कि\u093e\u094d\u0902ن\u064f\u0651\ufe0f❤ΐ\u3099\u20e3")
LINE_TEXT = st.text(alphabet=st.one_of(st.sampled_from("abcXYZ019 " + ODD), st.characters(blacklist_characters="\n")),
                    max_size=30)


def bench_lines(every: int = 20) -> list[str]:
    """Stripped non-blank lines of every ``every``-th bench dump and of the corpus inputs."""
    paths = [c.input for c in corpus_cases()]
    if BENCH.exists():
        paths += (sorted(BENCH.glob("*/page/*.txt")) + sorted(BENCH.glob("*/box/*.txt")))[::every]
    out = []
    for path in paths:
        out += [line.strip() for line in path.read_bytes().decode("utf-8", "replace").splitlines()]
    return [line for line in out if line]


LINES = bench_lines()


# --- bulk line features -------------------------------------------------------

@PROPERTY
@given(st.lists(LINE_TEXT, max_size=8))
def test_bulk_keys_and_counts_equal_per_line(texts):
    assert keys(texts) == [key(t) for t in texts]
    assert word_counts(texts) == [word_count(t) for t in texts]


def test_bulk_keys_and_counts_on_bench_lines():
    for start in range(0, len(LINES), 500):
        chunk = LINES[start:start + 500]
        assert keys(chunk) == [key(t) for t in chunk]
        assert word_counts(chunk) == [word_count(t) for t in chunk]


def test_no_character_normalises_to_a_line_break():
    """What makes the joined-lines key exact: NFKC and casefolding never make a ``\\n``."""
    for c in range(0x110000):
        if c != 10 and "\n" in unicodedata.normalize("NFKC", chr(c)).casefold():
            pytest.fail(f"U+{c:04X}")


_WORD = re.compile(r"\w+")
#: The reference of a word: a \w+ run continued by the combining marks after its characters.
_WORD_M = reference_pattern("words")
#: The reference of a word detection reads: the same for a run of letters.
_TOKEN = reference_pattern("letters")


@PROPERTY
@given(st.text(alphabet=st.characters(max_codepoint=127), max_size=40))
def test_ascii_word_count_equals_regex(text):
    assert word_count(text) == len(_WORD.findall(text))


def test_word_count_on_bench_lines():
    for text in LINES:
        assert word_count(text) == len(_WORD_M.findall(text)) or _TEXT_CJK.search(text), text  # CJK counts half


@PROPERTY
@given(LINE_TEXT)
def test_folded_words_equal_regex(text):
    assert folded_words(text) == _WORD_M.findall(text.casefold())


def test_folded_words_on_bench_lines_and_odd_characters():
    for text in [*LINES, "a\ud800b", "İstanbul’da", "Straße_x ǰ ŉ ΣΑΣ 東京 ½ ٣ x\u0301y", "\u2003a\u00a0b",
                 "भारत की राजधानी", "نُشِرَ الخبرُ", "Μαΐου ΰ", "❤\ufe0f \u0301a 1\ufe0f\u20e3 _\u0301"]:
        assert folded_words(text) == _WORD_M.findall(text.casefold()), text


# --- splitting and normalising -----------------------------------------------

_LINE_BREAKS = re.compile("\r\n?|[\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")


def reference_split_lines(text: str) -> list[str]:
    out = _LINE_BREAKS.sub("\n", text).split("\n")
    if out and out[-1] == "":
        out.pop()
    return out


@PROPERTY
@given(st.text(alphabet=st.sampled_from("ab \n\r\x0b\x0c\x1c\x1d\x1e\x1f\x85\u2028\u2029\u2027"), max_size=20))
def test_split_lines_equals_line_break_regex(text):
    assert split_lines(text) == reference_split_lines(text)


def reference_normalize(text: str) -> tuple[str, list[Repair]]:
    repairs = []
    if not text.isascii():
        text, n = ODD_SPACES.subn(" ", text)
        if n:
            repairs.append(Repair("normalize.odd_spaces", f"{n} replaced"))
        text, n = INVISIBLE.subn("", text)
        if n:
            repairs.append(Repair("normalize.invisible", f"{n} removed"))
    else:
        text = text.replace("\t", " ")
    text, n = CONTROLS.subn("", text)
    if n:
        repairs.append(Repair("normalize.controls", f"{n} removed"))
    return re.sub(" {2,}", " ", text), repairs


@PROPERTY
@given(st.text(alphabet=st.sampled_from("ab \n\t\x00\x07\x0b\x1f\x7f\x85\x9f\xa0\u2003\u200b\u2060\ufeff\xad"
                                        "\u180e\u3000é"), max_size=20))
def test_normalize_equals_regex_steps(text):
    assert normalize_text(text) == reference_normalize(text)


# --- language detection --------------------------------------------------------

def reference_lookup(table: dict, token: str):
    """``table[token]``; for a token that is not all letters (it holds a mark), else the entry of its
    composed (NFC) spelling, else of its bare one (no mark of a combining class but 0 and 9)."""
    if token in table or token.isalpha():
        return table.get(token)
    for variant in (unicodedata.normalize("NFC", token),
                    "".join(c for c in token if unicodedata.combining(c) in (0, 9))):
        if variant != token and len(variant) > 1 and variant in table:
            return table[variant]
    return None


def reference_detect(text: str, fallback: str = FALLBACK) -> str:
    sample = text[:SAMPLE_CHARS]
    if not sample.isascii():
        kana, han, hangul = (len(p.findall(sample)) for p in (_KANA, _HAN, _HANGUL))
        letters = max(1, len(_TOKEN.findall(sample)))
        if kana and kana + han >= letters:
            return "ja"
        if hangul > han and hangul >= letters:
            return "ko"
        if han >= letters:
            return "zh"
    table = stopwords()
    scores: Counter[str] = Counter()
    tokens = Counter(t for t in _TOKEN.findall(sample.casefold()) if len(t) > 1)
    for token, count in tokens.items():
        for code in reference_lookup(table, token) or ():
            scores[code] += count
    if not scores:
        return fallback
    best, hits = scores.most_common(1)[0]
    return best if hits >= MIN_HITS and hits >= MIN_SHARE * sum(tokens.values()) else fallback


WORDS = st.sampled_from(["the", "der", "le", "la", "de", "och", "и", "не", "é", "don’t", "Straße", "ΣΑΣ", "東京",
                         "한국", "かな", "a", "in", "12", "_x", "l’été", "İstanbul", "ǰ", "में", "की", "है", "এবং",
                         "இந்த", "في", "فِي", "عَلَى", "עַל", "Μαΐου", "του", "\u0301की", "de\u0301ja\u0300",
                         "e\u0301te\u0301", "ज़्यादा"])


@PROPERTY
@given(st.lists(st.one_of(WORDS, LINE_TEXT), max_size=30).map(" ".join))
def test_detect_equals_counting_every_token(text):
    assert detect(text) == reference_detect(text)


def test_cjk_prefilter_passes_every_cjk_character():
    """``_may_be_cjk`` is a necessary condition of ``_CJK.search`` (surrogates included)."""
    for c in range(0x110000):
        char = chr(c)
        if _CJK.match(char):
            assert _may_be_cjk(char.encode("utf-8", "surrogatepass")), f"U+{c:04X}"


def test_chunk_memo_equals_tokenising():
    """What detection remembers of a non-ASCII chunk is what tokenising it again gives."""
    groups = _code_groups()
    GROUP_OF = {**{w.decode(): g for w, g in groups.ascii.items()}, **groups.other}
    for start in range(0, min(len(LINES), 20_000), 200):
        detect(" ".join(LINES[start:start + 200]) + " l’été Straße ΣΑΣ don’t")
    assert _CHUNK_WORDS
    for chunk, (n_words, found) in list(_CHUNK_WORDS.items())[:5000]:
        words = [t for t in _TOKEN.findall(chunk.decode("utf-8", "surrogatepass").casefold()) if len(t) > 1]
        assert n_words == len(words)
        assert found == tuple(g for g in (reference_lookup(GROUP_OF, w) for w in words) if g is not None)


def test_detect_on_bench_and_corpus():
    paths = [c.input for c in corpus_cases()]
    if BENCH.exists():
        paths += sorted(BENCH.glob("*/*/*.txt"))[::7]
    for path in paths:
        text = path.read_bytes().decode("utf-8", "replace")
        assert detect(text) == reference_detect(text), path


def check_detect_without(lines: list[str], gone: list[bool], padded: bool = False) -> None:
    """``detect_without`` after ``detect`` on the same lines (with spaces at their ends where
    ``padded``, as the pipeline's first detection sees them) equals ``detect`` on the rest."""
    before = "\n".join(lines)
    detect(" \n".join(f" {line}  " for line in lines) if padded else before)
    removed = [line for line, g in zip(lines, gone) if g]
    after = "\n".join(line for line, g in zip(lines, gone) if not g)
    assert detect_without(before, removed, after) == detect(after)


@PROPERTY
@given(st.lists(st.tuples(st.one_of(WORDS, LINE_TEXT), st.booleans()), max_size=30), st.booleans())
def test_detect_without_equals_detect(lines_gone, padded):
    check_detect_without([line for line, _ in lines_gone], [g for _, g in lines_gone], padded)


def test_detect_without_on_bench_lines():
    """Bench texts of about a document's size, losing every third, fifth or seventh line,
    and the lines of one language losing those of another (the answer changes)."""
    for start in range(0, len(LINES), 150):
        lines = LINES[start:start + 150]
        for every in (3, 5, 7):
            check_detect_without(lines, [n % every == 0 for n in range(len(lines))], padded=every == 5)
    german = "Der Hund ist in den Garten gelaufen, weil er nicht mehr warten wollte."
    english = "The dog ran into the garden because he did not want to wait any longer."
    for gone in ([False, True] * 5, [True, False] * 5, [False] * 9 + [True]):
        check_detect_without([german, english] * 5, gone)
        check_detect_without([english, german] * 5, gone)


# --- rule gates ----------------------------------------------------------------

def all_facts(texts: list[str], lang: str) -> list[lines.Facts]:
    lex = load(lang)
    return [lines.Facts(t, lex) for t in texts if len(t) <= lines.LONG_LINE]


@pytest.mark.parametrize("lang", ["en", "de", "fr"])
def test_every_rule_fires_only_through_its_gate(lang):
    lex = load(lang)
    for facts in all_facts(LINES, lang):
        for rule in pipeline.LINE_RULES:
            if rule(facts, lex):
                assert rule.gate & set(facts.flags), (pipeline.rule_id(rule), facts.text, facts.flags)


@PROPERTY
@given(st.lists(st.one_of(LINE_TEXT, st.sampled_from(LINES[:2000] or ["x"])), max_size=6))
def test_gates_on_generated_lines(texts):
    lex = load("en")
    for facts in all_facts(texts, "en"):
        for rule in pipeline.LINE_RULES:
            if rule(facts, lex):
                assert rule.gate & set(facts.flags), (pipeline.rule_id(rule), facts.text, facts.flags)


@pytest.mark.parametrize("lang", ["en", "de"])
def test_flagged_finds_every_line_with_a_flag(lang):
    lex = load(lang)
    texts = [t for t in LINES if len(t) <= lines.LONG_LINE]
    found = set(lines.flagged(texts, keys(texts), word_counts(texts), lex))
    for i, text in enumerate(texts):
        if lines.Facts(text, lex).flags:
            assert i in found, text


# --- the whole rule stage --------------------------------------------------------

def reference_run_rules(doc, config: Config):
    """Every line rule on every short kept line, every block rule, in the same rounds as run_rules."""
    rules = [(pipeline.rule_id(r), r) for r in pipeline.LINE_RULES]
    current, lang, judged = doc.lines, doc.lang, None
    cells = blocks.Shapes().cells(doc.lines)  # a table's cells, found once in the whole document
    for _ in range(pipeline.MAX_ROUNDS):
        lex = load(lang)
        changed = False
        if lang != judged:
            for line in current:
                if line.text and line.removal is None and len(line.text) <= lines.LONG_LINE and line.number not in cells:
                    facts = lines.Facts(line.text, lex)
                    for rid, rule in rules:
                        detail = rule(facts, lex)
                        if detail:
                            line.removal = Removal(rid, detail)
                            changed = True
                            break
            judged = lang
        shapes = blocks.Shapes(stoplist(lang), cells=cells)
        for rule in pipeline.BLOCK_RULES:
            view = blocks.View(current, shapes)
            for i, detail in rule(view, lex):
                changed |= pipeline.mark(view.lines[i], pipeline.rule_id(rule), detail)
        current = [line for line in current if line.removal is None]
        new_lang = config.lang or detect("\n".join(line.text for line in current))
        if not changed and new_lang == lang:
            break
        lang = new_lang
    return doc


def test_rule_stage_equals_running_every_rule():
    config = Config(input="text")
    paths = [c.input for c in corpus_cases()]
    if BENCH.exists():
        paths += (sorted(BENCH.glob("*/page/*.txt")) + sorted(BENCH.glob("*/box/*.txt")))[3::40]
    for path in paths:
        data = path.read_bytes()
        fast = pipeline.run_rules(pipeline.prepare(data, config), config)
        slow = reference_run_rules(pipeline.prepare(data, config), config)
        assert [l.removal for l in fast.lines] == [l.removal for l in slow.lines], path


# --- prefix phrases ---------------------------------------------------------------

@pytest.mark.parametrize("lang", ["en", "de", "fr", "xx"])
def test_prefix_by_head_equals_trying_every_length(lang):
    """Trying only the lengths of the prefix keys that start with the line's first word
    finds what trying every prefix length finds."""
    import dataclasses

    lex = load(lang)
    plain = dataclasses.replace(lex, head_prefix_lengths=None)
    texts = [t for t in LINES if len(t) <= lines.LONG_LINE]
    cases = list(zip(keys(texts), word_counts(texts)))
    cases += [(f"{p} and more words", len(p.split()) + 3) for p in lex.prefixes]
    cases += [(p, len(p.split())) for p in lex.prefixes] + [("", 0)]
    assert lex.head_prefix_lengths
    for line_key, n_words in cases:
        assert lex.prefix(line_key, n_words) == plain.prefix(line_key, n_words), line_key
