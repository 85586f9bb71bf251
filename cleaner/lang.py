"""Language detection from stopwords (jusText's stoplists) and scripts.

The stoplists ship with jusText, which trafilatura installs. They are read as
plain files, so detection works without importing jusText itself.
"""

from __future__ import annotations

import hashlib
import importlib.util
import marshal
import re
import sys
import unicodedata
from array import array
from collections import Counter
from collections.abc import Callable
from functools import cached_property, lru_cache
from pathlib import Path
from typing import NamedTuple

from . import cache
from .text import runs_with_marks, without_marks

_DATA = Path(__file__).parent / "data"
#: A run of letters; a word is such a run with the combining marks that follow its letters
#: (:func:`letter_words`: ``re`` has no class for marks).
_TOKEN = re.compile(r"[^\W\d_]+")
#: The scripts detection counts, as regex classes. Compiled on first use (:func:`_script`):
#: compiling a class of thousands of code points takes milliseconds of pure Python in
#: ``re``, and only a text with a CJK lead byte (:func:`_may_be_cjk`) gets that far.
_SCRIPTS = {
    "_KANA": "[\u3040-\u30ff]",
    "_HAN": "[\u4e00-\u9fff]",
    "_HANGUL": "[\uac00-\ud7af]",
    "_CJK": "[\u3040-\u30ff\u4e00-\u9fff\uac00-\ud7af]",
}
#: How much text detection reads: enough to be sure, little enough to be cheap.
SAMPLE_CHARS = 20_000
FALLBACK = "en"


def _stoplist_dir() -> Path | None:
    spec = importlib.util.find_spec("justext")
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(next(iter(spec.submodule_search_locations))) / "stoplists"
    return path if path.is_dir() else None


@lru_cache(maxsize=1)
def _stoplist_files() -> tuple[tuple[str, Path], ...]:
    """``(language code, jusText stoplist file)`` of every stoplist detection uses, in the
    order of ``stoplist_languages.tsv`` (the order :func:`stopwords` reads them in)."""
    directory = _stoplist_dir()
    if directory is None:
        return ()
    files = []
    for row in (_DATA / "stoplist_languages.tsv").read_text(encoding="utf-8").splitlines():
        if row and not row.startswith("#"):
            name, _, code = row.partition("\t")
            path = directory / f"{name}.txt"
            if code and path.exists():
                files.append((code, path))
    return tuple(files)


def letter_words(text: str) -> list[str]:
    """The words detection reads: runs of letters, each with the combining marks that follow
    its letters (Hindi "में", Arabic "فِي" are one word each, as the stoplists list them).

    >>> letter_words("भारत की राजधानी में 2024 l’été")
    ['भारत', 'की', 'राजधानी', 'में', 'l', 'été']
    """
    if text.isalpha():  # one word of letters only (most chunks of detection): nothing to look for
        return [text]
    return runs_with_marks(_TOKEN, text)


def word_variants(word: str) -> list[str]:
    """Other spellings of a casefolded word with combining marks, to look up when it is not
    found as it is: composed (NFC: the stoplists are composed, a text may be written
    decomposed), then bare: without the marks that sit on a letter as an optional diacritic (Arabic
    harakat, Hebrew points, accents), those of a non-zero canonical combining class
    other than a virama's (9). Indic vowel signs (class 0) and viramas are spelling and
    stay: "पार" is no "पर". Words of one letter are left out, as they are everywhere.

    >>> word_variants("فِي"), word_variants("में"), word_variants("de\u0301ja\u0300") == ["déjà", "deja"]
    (['في'], [], True)
    """
    out = []
    for variant in (unicodedata.normalize("NFC", word),
                    "".join([c for c in word if unicodedata.combining(c) in (0, 9)])):
        if variant != word and len(variant) > 1 and variant not in out:
            out.append(variant)
    return out


def _words_of(path: Path) -> list[str]:
    """The words of one stoplist file, casefolded, in file order (repeats kept): each is a
    whitespace-separated entry, marks and all, so one that :func:`letter_words` finds whole
    in a text is found in the table."""
    return [word.casefold() for word in path.read_text(encoding="utf-8").split()]


@lru_cache(maxsize=1)
def stopwords() -> dict[str, tuple[str, ...]]:
    """Map each stopword to the languages (ISO codes) whose stoplist has it."""
    table: dict[str, list[str]] = {}
    for code, path in _stoplist_files():
        for word in _words_of(path):
            table.setdefault(word, []).append(code)
    return {w: tuple(c) for w, c in table.items()}


@lru_cache(maxsize=None)
def stoplist(code: str) -> frozenset[str]:
    """The stopwords of one language (empty where there is no stoplist).

    Read from that language's own files: the words :func:`stopwords` lists
    ``code`` for, without building the whole table (a new process needs only one
    or two languages' stoplists, and the table takes a third of a second).
    """
    return frozenset(word for c, path in _stoplist_files() if c == code for word in _words_of(path))


def detect(text: str, fallback: str = FALLBACK) -> str:
    """The ISO 639-1 code of the text's language, or ``fallback`` when unsure.

    Scripts first (kana, Han, Hangul outnumbering the words), then stopwords:
    each word (:func:`letter_words`, casefolded) of the first :data:`SAMPLE_CHARS`
    characters scores for every language whose stoplist holds it; the best score
    wins (on a tie, the language whose stopword came first), if it has at least
    :data:`MIN_HITS` hits and they are :data:`MIN_SHARE` of the words.

    >>> detect("Der Hund ist in den Garten gelaufen, weil er nicht mehr warten wollte.")
    'de'
    >>> detect("Le chien est allé dans le jardin parce qu'il ne voulait plus attendre.")
    'fr'
    >>> detect("東京で会議が開かれた。")
    'ja'
    >>> detect("12345"), detect("Aaa a a aaa aaa aaaa. J P A")
    ('en', 'en')
    """
    sample = text[:SAMPLE_CHARS]
    data = sample.encode("utf-8", "surrogatepass")
    cjk = _may_be_cjk(data) and _script("_CJK").search(sample)  # without any, no script test can hold
    if cjk:
        kana, han, hangul = (len(_script(name).findall(sample)) for name in ("_KANA", "_HAN", "_HANGUL"))
        letters = max(1, len(_TOKEN.findall(without_marks(sample))))  # as many as letter_words(sample)
        if kana and kana + han >= letters:
            return "ja"
        if hangul > han and hangul >= letters:
            return "ko"
        if han >= letters:
            return "zh"
    groups = _code_groups()
    counts, total = _stopword_counts(sample, data, groups)
    scores = _scores(counts, groups)
    global _last  # for detect_without
    _last = _Counted(text, groups, scores, total) if not cjk and len(text) <= SAMPLE_CHARS else None
    return _decide(scores, total, groups, fallback, counts)


def detect_without(before: str, removed: list[str], after: str, fallback: str = FALLBACK) -> str:
    """``detect(after)``, where ``after`` is the text ``before`` with the lines ``removed`` taken out
    (each of the three is its lines joined with ``\\n``).

    The pipeline detects the language again each time rules remove lines, on the lines
    they kept: some 5% fewer than last time. Where the last detection read the whole of
    ``before`` (:data:`SAMPLE_CHARS` or less, no CJK character), its scores and word count
    less those of the removed lines are those of ``after``: a line break only separates
    words, so a text's words are its lines' words. Only the removed lines are read then,
    and :func:`detect` is called otherwise, or where two languages tie (a tie is broken by
    which stopword came first, which the scores do not tell).

    >>> kept = "Der Hund ist in den Garten gelaufen, weil er nicht mehr warten wollte."
    >>> before = "Home\\n" + kept + "\\nShare this"
    >>> detect(before) == detect_without(before, ["Home", "Share this"], kept) == detect(kept) == "de"
    True
    """
    global _last
    last, groups = _last, _code_groups()
    if last is None or last.groups is not groups or not _same_words(last.text, before):
        return detect(after, fallback)
    gone = "\n".join(removed)
    gone_counts, gone_total = _stopword_counts(gone, gone.encode("utf-8", "surrogatepass"), groups)
    # Field by field: no language scores less in the removed lines than in all of them.
    scores, total = last.scores - _scores(gone_counts, groups), last.total - gone_total
    best = _decide(scores, total, groups, fallback)
    if best is None:  # a tie
        return detect(after, fallback)
    _last = _Counted(after, groups, scores, total)
    return best


class _Counted(NamedTuple):
    """What :func:`detect` counted in the whole of ``text``, kept for :func:`detect_without`:
    its :func:`_scores` and how many words of two letters or more it holds."""

    text: str
    groups: _Groups
    scores: int
    total: int


#: The scores of the text :func:`detect` or :func:`detect_without` last read whole (``None``: none).
_last: _Counted | None = None


def _same_words(a: str, b: str) -> bool:
    """Do ``a`` and ``b`` hold the same words: the same text, or the same but for spaces at the
    ends of their lines (the pipeline detects on the text before it strips its lines)?"""
    return a == b or len(a) > len(b) and "\n".join(line.strip(" ") for line in a.split("\n")) == b


def _stopword_counts(sample: str, data: bytes, groups: _Groups) -> tuple[dict[int, int], int]:
    """How often the stopwords of each group occur in ``sample`` (its UTF-8 ``data``), by group
    in order of first occurrence, and how many words of two letters or more it holds."""
    parts = data.translate(_ASCII_WORDS).split()
    chunks = Counter(parts)  # word_chunks(sample), from the bytes at hand
    # Words with the same languages score together: sum their counts per group first.
    counts: dict[int, int] = {}  # group -> count, in order of first occurrence
    # Words of two or more letters: what the share of stopwords is taken of.
    total = len(parts) - sum(chunks.get(letter, 0) for letter in _ASCII_LETTERS)
    ascii_groups = groups.ascii
    # An ASCII chunk is one word: only the stopwords among them need a look.
    wanted = [c for c in chunks if c in ascii_groups] if sample.isascii() else \
        [c for c in chunks if c in ascii_groups or not c.isascii()]
    for chunk in wanted:
        count = chunks[chunk]
        group = ascii_groups.get(chunk)
        if group is not None:
            counts[group] = counts.get(group, 0) + count
        else:  # not one word: count the words it holds instead
            n_words, found = _CHUNK_WORDS.get(chunk) or _chunk_words(chunk, groups)
            total += count * (n_words - 1)
            for group in found:
                counts[group] = counts.get(group, 0) + count
    return counts, total


def _scores(counts: dict[int, int], groups: _Groups) -> int:
    """Every language's score (its stopwords' hits) from the ``counts`` by group, packed as 32-bit
    fields of one integer (``groups.packed``): one multiply-add per group scores every language
    at once, and the fields unpack in C (:func:`_decide`)."""
    return sum(count * groups.packed[group] for group, count in counts.items())


def _decide(vector: int, total: int, groups: _Groups, fallback: str,
            counts: dict[int, int] | None = None) -> str | None:
    """The language the packed :func:`_scores` ``vector`` and ``total`` words name, or ``fallback``.

    A tie goes to the language whose stopword came first: the first in ``counts`` (by group,
    in order of first occurrence); without ``counts``, a tie returns ``None``.
    """
    if not vector:  # no stopword at all
        return fallback
    scores = memoryview(vector.to_bytes(4 * len(groups.languages), sys.byteorder)).cast("I").tolist()
    hits = max(scores)
    if scores.count(hits) == 1:
        best = groups.languages[scores.index(hits)]
    elif counts is None:
        return None
    else:  # a tie: the language whose stopword came first (as Counter.most_common would)
        tied = {code for code, score in zip(groups.languages, scores) if score == hits}
        best = next(code for group in counts for code, _ in groups.codes[group] if code in tied)
    # Running text is a quarter stopwords or more; a few stray hits in a list of
    # names or in noise say nothing, and a guess there would be unstable.
    return best if hits >= MIN_HITS and hits >= MIN_SHARE * total else fallback


#: Fewest stopword hits, and least share of the words (two letters or more), that name a language.
MIN_HITS = 3
MIN_SHARE = 0.15


_ASCII_LETTERS = [bytes([b]) for b in range(97, 123)]


def _script(name: str) -> re.Pattern:
    """The compiled pattern of :data:`_SCRIPTS` ``name``, compiled on first use and then a
    module global: ``from cleaner.lang import _HAN`` works too (:func:`__getattr__`)."""
    pattern = globals().get(name)
    if pattern is None:
        pattern = globals()[name] = re.compile(_SCRIPTS[name])
    return pattern


def __getattr__(name: str) -> re.Pattern:
    """Module attributes made on first use (PEP 562): the :data:`_SCRIPTS` patterns."""
    if name in _SCRIPTS:
        return _script(name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


#: Every byte but the UTF-8 lead bytes of ``_CJK``'s characters (U+3000..U+DFFF: 0xE3..0xED).
_NOT_CJK_LEADS = bytes(b for b in range(256) if not 0xE3 <= b <= 0xED)


def _may_be_cjk(data: bytes) -> bool:
    """Could the UTF-8 ``data`` hold a character of ``_CJK`` (:data:`_SCRIPTS`)? False is a proof it cannot.

    Deleting every other byte is one C pass; the regex search it spares, on the
    nine samples in ten that hold curly quotes or accents and no CJK, costs ten
    times as much.

    >>> _may_be_cjk("“Café” – ok".encode()), _may_be_cjk("東京".encode())
    (False, True)
    """
    return bool(data.translate(None, _NOT_CJK_LEADS))


#: A non-ASCII chunk -> (how many words of two letters or more it holds, the groups of
#: the stopwords among them, in order): chunks recur within a document and across
#: documents, and tokenising one takes a regex, a decode and a casefold.
_CHUNK_WORDS: dict[bytes, tuple[int, tuple[int, ...]]] = {}
#: Entries :data:`_CHUNK_WORDS` holds at most: it is emptied when full (a bound on memory).
_CHUNK_WORDS_MAX = 100_000


def _chunk_words(chunk: bytes, groups: _Groups) -> tuple[int, tuple[int, ...]]:
    """What :data:`_CHUNK_WORDS` holds for ``chunk``, worked out (and stored there)."""
    words = [token for token in letter_words(chunk.decode("utf-8", "surrogatepass").casefold()) if len(token) > 1]
    found = tuple(group for group in map(groups.group, words) if group is not None)
    if len(_CHUNK_WORDS) >= _CHUNK_WORDS_MAX:
        _CHUNK_WORDS.clear()
    _CHUNK_WORDS[chunk] = result = (len(words), found)
    return result


#: UTF-8 bytes: ASCII letters lower-cased, every other ASCII byte a space, the rest kept.
_ASCII_WORDS = bytes(b + 32 if 65 <= b <= 90 else b if 97 <= b <= 122 or b >= 128 else 32 for b in range(256))


def word_chunks(sample: str) -> Counter[bytes]:
    """How often each chunk between ASCII non-letters occurs, in order of first occurrence.

    An ASCII chunk is one casefolded word; a chunk with other characters holds
    the words ``letter_words(chunk.casefold())`` finds (casefolding works
    character by character, and an ASCII non-letter stays a separator: no mark is ASCII). Counting
    chunks with ``bytes.translate`` and ``split`` is several times faster than a
    regex scan, and taking each chunk's words in first-occurrence order gives the
    words in their own first-occurrence order.

    >>> word_chunks("The cat, the CAT’s hat 2x")
    Counter({b'the': 2, b'cat': 1, b'cat\\xe2\\x80\\x99s': 1, b'hat': 1, b'x': 1})
    """
    return Counter(sample.encode("utf-8", "surrogatepass").translate(_ASCII_WORDS).split())


class _Groups:
    """The stopwords, each with its group: the words held by the same languages.

    ``ascii``: the ASCII stopwords of two letters or more, as bytes (the chunks of
    :func:`word_chunks`) -> group. ``codes``: group -> (language, how many of its
    stoplists hold the word), in order. ``languages``: every language, in a fixed
    order: the fields of ``packed``. ``packed``: group -> those counts, 32 bits a
    language. :attr:`other`: the non-ASCII stopwords -> group, made on first use
    (from ``other``, a function): they are three quarters of the words, a text
    needs them only for a word with a non-ASCII letter, and they take most of the
    time of reading the groups back from the cache.
    """

    def __init__(self, ascii_words: dict[bytes, int], codes: list[tuple[tuple[str, int], ...]],
                 other: Callable[[], dict[str, int]]):
        self.ascii = ascii_words
        self.codes = codes
        self.languages = sorted({code for group in codes for code, _ in group})
        field = {code: 32 * i for i, code in enumerate(self.languages)}
        self.packed = [sum(times << field[code] for code, times in group) for group in codes]
        self._make_other = other

    @cached_property
    def other(self) -> dict[str, int]:
        return self._make_other()

    def group(self, word: str) -> int | None:
        """The group of a casefolded word of two letters or more (``None``: not a stopword).

        A word that is not all letters (a :func:`letter_words` word holding a mark) and is
        not found as it is is looked up as its :func:`word_variants`: vocalised Arabic
        "فِي" scores as "في".
        """
        if word.isascii():
            return self.ascii.get(word.encode("ascii"))
        group = self.other.get(word)
        if group is None and not word.isalpha():
            for variant in word_variants(word):
                group = self.ascii.get(variant.encode("ascii")) if variant.isascii() else self.other.get(variant)
                if group is not None:
                    break
        return group


@lru_cache(maxsize=1)
def _code_groups() -> _Groups:
    """:func:`stopwords`, with the words that belong to the same languages grouped.

    Read from the on-disk cache (:mod:`cleaner.cache`) when it holds the groups of
    these very stoplists, else built and stored there: building takes a third of a
    second, every new process, and reading them back a fraction of that.
    """
    _CHUNK_WORDS.clear()  # it holds group numbers
    key = _groups_key()
    payload = cache.read("stopword-groups", key) if key else None
    groups = _unpack_groups(payload) if payload is not None else None
    if groups is None:
        groups = _build_groups()
        if key and groups.codes:
            cache.write("stopword-groups", key, _pack_groups(groups))
    return groups


def _build_groups() -> _Groups:
    """The groups, built from :func:`stopwords`."""
    ids: dict[tuple[str, ...], int] = {}
    words = {w: ids.setdefault(codes, len(ids)) for w, codes in stopwords().items()}
    # One-letter words never score (nor count): leaving them out saves testing the length.
    ascii_words = {w.encode("ascii"): g for w, g in words.items() if w.isascii() and len(w) > 1}
    other = {w: g for w, g in words.items() if not w.isascii()}
    codes = [tuple(Counter(group).items()) for group in ids]
    return _Groups(ascii_words, codes, lambda: other)


#: Bump when what :func:`_pack_groups` writes, or how the groups are built, changes.
_GROUPS_FORMAT = 2


def _groups_key() -> str | None:
    """What the cached groups depend on: the stoplist files (path, size, mtime), the
    language table, this module's source (so that editing how groups are built can
    never read stale ones), the format, and the Python version (for ``marshal``).
    ``None`` without stoplists, or when a file cannot be looked at."""
    try:
        files = [(str(path), (st := path.stat()).st_size, st.st_mtime_ns) for _, path in _stoplist_files()]
        sources = [hashlib.sha256(path.read_bytes()).hexdigest()
                   for path in (_DATA / "stoplist_languages.tsv", Path(__file__))]
    except OSError:
        return None
    if not files:
        return None
    return cache.key_of(_GROUPS_FORMAT, sys.version_info[:2], sys.byteorder, sources, files)


def _pack_groups(groups: _Groups) -> bytes:
    """The groups as a few flat strings, for the cache (``_unpack_groups`` reads them back).

    Words joined by newlines and their group ids as one array are much quicker to
    read back than a marshalled dict of 150,000 words. (A stopword is a
    casefolded chunk between spaces: it never holds a newline.)
    """
    return marshal.dumps((
        b"\n".join(groups.ascii), array("I", groups.ascii.values()).tobytes(),
        "\n".join(groups.other), array("I", groups.other.values()).tobytes(),
        tuple(groups.codes),
    ))


def _unpack_groups(payload: bytes) -> _Groups | None:
    """The groups :func:`_pack_groups` wrote, or ``None`` if the payload is not such.

    The non-ASCII words are checked for number now, made into a dict on first use.
    """
    try:
        ascii_text, ascii_ids, other_text, other_ids, codes = marshal.loads(payload)
        ascii_words = dict(_zip_exact(_split(ascii_text, b"\n"), array("I", ascii_ids).tolist()))
        if not isinstance(other_text, str) or _count(other_text, "\n") != len(array("I", other_ids)):
            raise ValueError("lengths differ")
        return _Groups(ascii_words, list(codes),
                       lambda: dict(zip(_split(other_text, "\n"), array("I", other_ids).tolist())))
    except (ValueError, EOFError, TypeError, AttributeError):
        return None


def _zip_exact(keys: list, values: list) -> zip:
    """``zip``, refusing lists of different lengths (a payload that does not hold together)."""
    if len(keys) != len(values):
        raise ValueError("lengths differ")
    return zip(keys, values)


def _split(joined, sep):
    """The words ``sep.join`` joined (none when ``joined`` is empty)."""
    return joined.split(sep) if joined else []


def _count(joined, sep) -> int:
    """How many words ``sep.join`` joined (counted, not split)."""
    return joined.count(sep) + 1 if joined else 0
