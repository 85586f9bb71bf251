"""Small, shared text shapes: the line key, word counts, prose and title tests.

Every rule stage judges lines through these few functions, so a line's features
mean the same thing everywhere (and are computed in one place).

A word is a run of ``\\w`` characters together with the combining marks that follow
them: a Devanagari vowel sign, an Arabic haraka, a Hebrew point, the accents that
casefolding splits off Greek "ΐ" or Turkish "İ". ``re``'s ``\\w`` and ``str.isalnum``
leave marks (Unicode categories Mn, Mc, Me) out, and ``re`` has no ``\\p{M}``, so each
function here sorts out the marks of its text among its distinct characters
(:func:`marks_in`). A mark that follows no word character (a variation selector after
an emoji, ``"❤️"``) separates words, as before.
"""

from __future__ import annotations

import re
import unicodedata
from itertools import compress

_DIGITS = re.compile(r"\d+")
_NON_WORD = re.compile(r"[\W_]+")
_WORD = re.compile(r"\w+")
# Scripts written without spaces between words: count their characters instead.
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]")

#: Characters that end a sentence, in the scripts we meet most.
TERMINAL = ".!?…。！？؟।"
#: A Greek letter (basic and extended blocks): before ";" it makes the ";" a question mark.
_GREEK_LETTER = re.compile("[\u0370-\u03ff\u1f00-\u1fff]")
#: Closing marks that may follow the terminal character ("He left." or (see p. 4.)).
CLOSERS = "\"'”’»)]›」』】"
#: How a line cut off ends: a teaser's headline or summary, shortened.
ELLIPSES = ("...", "…")
#: A colon, and the full-width one of Chinese and Japanese: what a label or a list's introduction ends with.
COLONS = (":", "：")
#: Either of them, as a pattern (where a label ends: "Tags: ...", "标签：...").
COLON = re.compile(f"[{''.join(COLONS)}]")

#: Unicode general categories of the combining marks.
MARK_CATEGORIES = frozenset(("Mn", "Mc", "Me"))
_category = unicodedata.category


def marks_in(chars) -> str:
    """The combining marks among ``chars`` (a string, or a set of characters), as a string.

    Called on the distinct characters of a text (a set): one ``unicodedata`` look-up per
    distinct character from U+0300 on (the first mark), none per occurrence.

    >>> sorted(marks_in(set("की नुक़्ता"))) == sorted("\u0940\u0941\u093c\u094d\u093e"), marks_in("café ❤")
    (True, '')
    """
    return "".join([c for c in chars if c >= "\u0300" and _category(c) in MARK_CATEGORIES])


def _marks_of(text: str) -> str:
    """:func:`marks_in` the distinct characters of ``text``, its ASCII ones deleted first in one C pass
    (most lines are Latin text with a few curly quotes: a handful of characters is left to look at)."""
    return "" if text.isascii() else marks_in(_non_ascii_chars(text.encode("utf-8", "surrogatepass")))


def without_marks(text: str) -> str:
    """``text`` with its combining marks deleted.

    Its ``\\w+`` runs are then exactly its words (marks included) with their marks taken
    out: a mark after a word character joins that word to whatever follows, and a mark
    after anything else separates no more than the character before it does.

    >>> without_marks("नुक़्ता ❤\ufe0f")
    'नकत ❤'
    """
    for c in _marks_of(text):
        text = text.replace(c, "")
    return text


def runs_with_marks(pattern: re.Pattern, text: str) -> list[str]:
    """``pattern.findall(text)``, where ``pattern`` is a run of one class (``\\w+``, ``[^\\W\\d_]+``)
    that every combining mark following one of its characters continues.

    Each mark is masked as ``a`` (a member of the class) to find the runs of class
    characters and marks; a run's leading marks follow no class character and are
    dropped (a run of marks alone is no word).

    >>> runs_with_marks(_WORD, "भारत की राजधानी, \u0301x ❤\ufe0f")
    ['भारत', 'की', 'राजधानी', 'x']
    """
    found = _marks_of(text)
    if not found:
        return pattern.findall(text)
    masked = text
    for c in found:
        masked = masked.replace(c, "a")
    runs = [text[m.start():m.end()].lstrip(found) for m in pattern.finditer(masked)]
    return [run for run in runs if run]


def key(text: str) -> str:
    """The normalisation key a phrase is matched on.

    Casefolded, NFKC, every run of digits mapped to ``0``, and punctuation,
    bullets and separators folded into single spaces (as cc_net normalises lines).
    Combining marks are deleted: a word keys as one word whatever marks it holds, and
    the optional ones (Arabic harakat, Hebrew points, the dot of Turkish "İ", the
    accents casefolding splits off Greek "ΐ") do not change its key.

    >>> key("  • Share on Facebook »")
    'share on facebook'
    >>> key("Image 1 of 23")
    'image 0 of 0'
    >>> key("Community standardsDiscussion")
    'community standardsdiscussion'
    >>> key("نُشِرَ"), key("Μαΐου"), key("İzle")
    ('نشر', 'μαιου', 'izle')
    """
    if text.isascii():  # NFKC leaves ASCII alone and casefold is lower(); \W is then [^a-z0-9]
        return _ascii_keys(text, _ASCII_KEY_BYTES_ONE_LINE)
    text = without_marks(unicodedata.normalize("NFKC", text).casefold())
    text = _DIGITS.sub("0", text)
    return _NON_WORD.sub(" ", text).strip()


_NON_ASCII = re.compile(r"[^\x00-\x7f]+")
#: Byte -> key byte: ASCII letters lower-cased, digits "0", other ASCII a space ("\\n" and bytes >= 0x80 kept).
_ASCII_KEY_BYTES = bytes(c + 32 if 65 <= c <= 90 else c if 97 <= c <= 122 or c == 10 or c >= 128 else 48 if 48 <= c <= 57
                         else 32 for c in range(256))
_ASCII_KEY_BYTES_ONE_LINE = _ASCII_KEY_BYTES.replace(b"\n", b" ")


def keys(lines: list[str]) -> list[str]:
    """:func:`key` of every line (none holding a ``\\n``), in one pass over their text.

    Casefolding, digits and separators act character by character, and NFKC never
    composes across a line break (``\\n`` combines with nothing), so the key of the
    joined lines is the joined keys. ASCII lines take a byte-level path.

    >>> keys(["  • Share on Facebook »", "Image 1 of 23", "", "Ｃａｆé 2", "A_b 10,000", "Μαΐου"])
    ['share on facebook', 'image 0 of 0', '', 'café 0', 'a b 0 0', 'μαιου']
    """
    is_ascii = list(map(str.isascii, lines))
    if all(is_ascii):
        return _ascii_keys("\n".join(lines)).split("\n") if lines else []
    if not any(is_ascii):
        return _unicode_keys("\n".join(lines)).split("\n")
    ascii_keys = iter(_ascii_keys("\n".join(compress(lines, is_ascii))).split("\n"))
    other_keys = iter(_unicode_keys("\n".join(compress(lines, [not a for a in is_ascii]))).split("\n"))
    return [next(ascii_keys) if a else next(other_keys) for a in is_ascii]


def _ascii_keys(text: str, table: bytes = _ASCII_KEY_BYTES) -> str:
    """:func:`key` of ASCII text, line by line, with ``bytes`` operations (no regex scan)."""
    return _squeeze(text.encode("ascii").translate(table)).decode("ascii")


_ZERO_RUN = re.compile(rb"00+")
_SPACE_RUN = re.compile(rb"  +")


def _squeeze(b: bytes) -> bytes:
    """A run of ``0`` (digits) to one ``0``, a run of spaces (separators) to one space,
    and no space at the ends of a line: the last steps of a key.

    One regex substitution each (they search for their two-byte prefix in C), where
    halving the runs with ``bytes.replace`` until none is left took a pass per halving.
    ("0" stands for nothing but digits here, and collapsing spaces makes no "00".)
    """
    if b"00" in b:
        b = _ZERO_RUN.sub(b"0", b)
    if b"  " in b:
        b = _SPACE_RUN.sub(b" ", b)
    return b.replace(b" \n", b"\n").replace(b"\n ", b"\n").strip(b" ")


def _unicode_keys(text: str) -> str:
    """:func:`key` of any text, line by line: :func:`_ascii_keys` once each other character
    is mapped as ``\\d`` and ``[\\W_]`` would map it (to ``0``, to a space, or kept), and
    each combining mark deleted (the ``00`` a mark between digits leaves is squeezed)."""
    if not unicodedata.is_normalized("NFKC", text):
        text = unicodedata.normalize("NFKC", text)
    text = text.casefold()
    b = text.encode("utf-8", "surrogatepass")
    others = _non_ascii_chars(b)
    b = b.translate(_ASCII_KEY_BYTES)  # bytes >= 0x80 stay
    for c in others:
        if c.isdecimal():  # \d
            b = b.replace(c.encode("utf-8", "surrogatepass"), b"0")
        elif not c.isalnum():  # \W (a letter or another number is \w and stays); a mark goes
            b = b.replace(c.encode("utf-8", "surrogatepass"), b"" if _category(c) in MARK_CATEGORIES else b" ")
    return _squeeze(b).decode("utf-8", "surrogatepass")


def _non_ascii_chars(utf8: bytes) -> set[str]:
    """The distinct non-ASCII characters of UTF-8 text (its ASCII bytes deleted in one C pass)."""
    return set(utf8.translate(None, _ASCII).decode("utf-8", "surrogatepass"))


_ASCII = bytes(range(128))
#: Byte -> ``a`` for an ASCII word character (``\\w``), a space for any other ASCII but ``\\n``;
#: bytes >= 0x80 stay (the characters they encode are sorted out one by one).
_ASCII_WORD_BYTES = bytes(97 if c < 128 and (chr(c).isalnum() or c == 95) else c if c == 10 or c >= 128 else 32
                          for c in range(256))
#: :data:`_ASCII_WORD_BYTES` for one line: ``\\n`` is a non-word character like any other.
_ASCII_WORD_BYTES_ONE_LINE = _ASCII_WORD_BYTES.replace(b"\n", b" ")
#: Every byte but space and ``\\n`` -> ``a``.
_ANY_WORD_BYTES = bytes(c if c in (10, 32) else 97 for c in range(256))


def word_counts(lines: list[str]) -> list[int]:
    """:func:`word_count` of every line (none holding a ``\\n``), from one pass over their text.

    Each ``\\w+`` run becomes a run of ``a`` and everything else spaces, with
    ``bytes.translate`` (and one ``replace`` per distinct non-word, non-ASCII
    character); a line's words are then its ``" a"`` transitions. Combining marks
    are deleted: what is left has as many ``\\w+`` runs as the text has words
    (:func:`without_marks`).

    >>> word_counts(["The cat sat on the mat.", "", "It's 10:30 — naïve_x «ok»", "東京で会議が開かれた。", "की बात"])
    [6, 0, 6, 5, 2]
    """
    is_ascii = list(map(str.isascii, lines))
    if all(is_ascii):
        return _ascii_word_counts("\n".join(lines)) if lines else []
    text = "\n".join(compress(lines, [not a for a in is_ascii]))
    b = text.encode("utf-8", "surrogatepass")
    others = _non_ascii_chars(b)
    if _CJK.search(text):  # CJK characters count half: line by line (marks looked for once)
        marked = bool(marks_in(others))
        return [_non_ascii_word_count(line, marked) if not a else word_count(line) for line, a in zip(lines, is_ascii)]
    b = b.translate(_ASCII_WORD_BYTES)
    for c in others:
        if not c.isalnum():  # not \w: a space, or nothing for a mark
            b = b.replace(c.encode("utf-8", "surrogatepass"), b"" if _category(c) in MARK_CATEGORIES else b" ")
    other_counts = iter(_counts(b.translate(_ANY_WORD_BYTES)))
    ascii_counts = iter(_ascii_word_counts("\n".join(compress(lines, is_ascii))))
    return [next(ascii_counts) if a else next(other_counts) for a in is_ascii]


def _ascii_word_counts(text: str) -> list[int]:
    return _counts(text.encode("ascii").translate(_ASCII_WORD_BYTES))


def _counts(words: bytes) -> list[int]:
    """Runs of ``a`` per line of ``words`` (only ``a``, space and ``\\n``)."""
    return [line.count(b" a") + line.startswith(b"a") for line in words.split(b"\n")]


#: ASCII word bytes (``\\w``) stay, upper-case letters lower-cased, every other ASCII byte
#: a space; bytes >= 0x80 stay (UTF-8 of the characters sorted out one by one).
_LOWER_WORDS_ONLY = bytes(c + 32 if 65 <= c <= 90 else c if c >= 128 or chr(c).isalnum() or c == 95 else 32
                          for c in range(256))


def folded_words(text: str) -> list[str]:
    """The words (``\\w+`` tokens with their marks) of the casefolded line (ASCII by
    ``bytes.translate``, no regex).

    >>> folded_words("It's 5 O'Clock_now"), folded_words("Straße"), folded_words("नई दिल्ली में")
    (['it', 's', '5', 'o', 'clock_now'], ['strasse'], ['नई', 'दिल्ली', 'में'])
    >>> folded_words("Μαΐου") == ["μαι\u0308\u0301ου"]  # casefolding splits the accents off ΐ
    True
    """
    if text.isascii():
        return text.encode("ascii").translate(_LOWER_WORDS_ONLY).decode("ascii").split()
    # As word_counts does: every distinct non-word character (not alphanumeric: \w is
    # alphanumerics and "_") becomes a space, then the ASCII ones by bytes.translate.
    # Marks stay: they belong to the word before them (unless a non-word character is before them).
    b = text.casefold().encode("utf-8", "surrogatepass")
    marks = ""
    for c in _non_ascii_chars(b):
        if not c.isalnum():
            if _category(c) in MARK_CATEGORIES:
                marks += c
            else:
                b = b.replace(c.encode("utf-8", "surrogatepass"), b" ")
    tokens = b.translate(_LOWER_WORDS_ONLY).decode("utf-8", "surrogatepass").split()
    if marks:  # marks that lead a token follow a non-word character: separators
        tokens = [t for t in (t.lstrip(marks) for t in tokens) if t]
    return tokens


def words(text: str) -> list[str]:
    """The words of a line: its ``\\w+`` tokens, each with the marks that follow its characters.

    >>> words("It's 5 o'clock."), words("नई दिल्ली में")
    (['It', 's', '5', 'o', 'clock'], ['नई', 'दिल्ली', 'में'])
    """
    return runs_with_marks(_WORD, text)


def word_count(text: str, line_key: str | None = None) -> int:
    """Words in a line, where a CJK character counts as half a word.

    Given the line's :func:`key`, an ASCII line without ``_`` is counted from it:
    the key's words are then exactly the line's ``\\w+`` runs. Elsewhere the words are
    the ``\\w+`` runs once the marks are deleted (:func:`without_marks`).

    >>> word_count("The cat sat on the mat.")
    6
    >>> word_count("नई दिल्ली में आज बैठक हुई।")
    6
    >>> word_count("東京で会議が開かれた。")
    5
    >>> word_count("It's 10:30 now.", "it s 0 0 now")
    5
    """
    if text.isascii():
        if line_key is not None and "_" not in text:
            return line_key.count(" ") + 1 if line_key else 0
        # Each \w+ run becomes a run of "a", everything else spaces: its words are the
        # " a" transitions (bytes.translate and count: a quarter cheaper than a findall).
        b = text.encode("ascii").translate(_ASCII_WORD_BYTES_ONE_LINE)
        return b.count(b" a") + b.startswith(b"a")
    return _non_ascii_word_count(text, bool(_marks_of(text)))


def _non_ascii_word_count(text: str, marked: bool) -> int:
    """:func:`word_count` of a non-ASCII line; ``marked``: it may hold combining marks."""
    if not _CJK.search(text):
        return len(_WORD.findall(without_marks(text) if marked else text))
    cjk = len(_CJK.findall(text))  # the kana voicing marks (U+3099, U+309A) count as CJK characters
    text = _CJK.sub(" ", text)
    return len(_WORD.findall(without_marks(text) if marked else text)) + cjk // 2


def ends_sentence(text: str) -> bool:
    """Does the line end like a sentence (terminal mark, maybe inside quotes)?

    >>> ends_sentence('He said, “It is over.”')
    True
    >>> ends_sentence("Related stories")
    False

    Greek asks with ";" (the Greek question mark, U+037E, is ";" once normalised):

    >>> ends_sentence("Τι θα γίνει με τους μισθούς;"), ends_sentence("x = 1;")
    (True, False)

    A writer's or agency's tag in brackets after the full stop leaves it a sentence; a
    picture's credit or a headline's subtitle does not make one:

    >>> ends_sentence("Die App setzt iOS 16 voraus. (jes)"), ends_sentence("The talks ended. (Reuters)")
    (True, True)
    >>> ends_sentence("A ship leaves port. (AP Photo/Jane Doe)"), ends_sentence("How Do They Work? (The 2025 Expert Guide)")
    (False, False)
    """
    stripped = text.rstrip().rstrip(CLOSERS)
    if not stripped:
        return False
    last = stripped[-1]
    if last in TERMINAL or last == ";" and len(stripped) > 1 and _GREEK_LETTER.match(stripped[-2]) is not None:
        return True
    # A sentence and a short note in brackets after it: the writer's or agency's tag ("(dpa)", "(bsc)").
    return text.endswith(")") and _TRAILING_NOTE.search(text[-_TRAILING_NOTE_SPAN:]) is not None


#: A sentence's end and a note of a word or two in brackets ending the line: no "/" (a photo's
#: credit, "(AP Photo/Jane Doe)", ends a caption), no dot inside ("(onmeth.com)" credits a picture
#: too), and no longer ("(The 2025 Expert Guide)" ends a headline).
_TRAILING_NOTE = re.compile("[" + re.escape(TERMINAL) + r"]['\"’”»]?\s*\([^\s()/.]{1,20}\.?(?: [^\s()/.]{1,20}\.?)?\)$")
_TRAILING_NOTE_SPAN = 40


def is_prose(text: str, n_words: int | None = None) -> bool:
    """Does the line read as running text: a sentence of some length?

    A prose line has at least six words and ends like a sentence, or is long
    enough (25 words) that it is text whatever its ending.

    >>> is_prose("The committee met on Tuesday to discuss the budget.")
    True
    >>> is_prose("Russia Versus ISIL in Syria (618)")
    False
    >>> is_prose("Click here.")
    False

    ``n_words``, when given, is the line's :func:`word_count`, known already.
    """
    n = word_count(text) if n_words is None else n_words
    return n >= 25 or (n >= 6 and ends_sentence(text))


#: What marks a token written by a machine: a URL escape, a query's parameter. (An address alone is
#: no mark: reference lists cite them; nor is code's "=": code is text; tags are markup's, judged apart.)
_MACHINE_MARK = re.compile(r"%[0-9A-Fa-f]{2}|[?&][\w.-]+=")


def machine_text(text: str) -> bool:
    """Is at least half the line (its characters outside spaces) in tokens written by a machine,
    addresses with queries or URL escapes? A tracking pixel's or an ad's address dumped as
    text is no running text, however many ``\\w+`` words its escapes make.

    >>> machine_text('src="http://b5.example.jp/b?P=oI9TL&T=16m%2fX%3d1489053188%2fE%3d2078709551" alt=""')
    True
    >>> machine_text("R&D spending rose to 5% of sales, the report said (see https://example.org).")
    False
    >>> machine_text("Karpathy, A. (n.d.). Software in the era of AI. https://www.youtube.com/watch/software-in-the-era-of-ai")
    False
    >>> machine_text("-> Seq Scan on users u (cost=0.00..50.00 rows=500 width=32) (actual time=0.015..1.234 rows=487)")
    False
    """
    if "%" not in text and "=" not in text:  # every mark holds one of them
        return False
    tokens = text.split()
    machine = sum(len(token) for token in tokens if _MACHINE_MARK.search(token))
    return machine * 2 >= sum(map(len, tokens))


#: A line ending in one of these (a full stop, a comma, a colon, a semicolon; in Latin, CJK, Arabic and
#: Devanagari writing) is a sentence or part of one, not a title.
SENTENCE_INSIDE_OR_END = ".,;:。，；：、،؛।"


def title_like(text: str, max_words: int = 20, n_words: int | None = None, uncased: bool = True) -> bool:
    """Could the line be a heading or a headline (short, no sentence ending)?

    It starts with anything but a lower-case letter (a capital, a digit, a quote mark,
    or a letter of a script without case: Chinese, Arabic, Devanagari...), has two to
    ``max_words`` words and does not end with a full stop, comma, colon or semicolon
    (:data:`SENTENCE_INSIDE_OR_END`).

    >>> title_like("Free Syrian Army Ready for Contacts With Russia")
    True
    >>> title_like("and then she left the room,")
    False
    >>> title_like("研究团队发布新一代语言模型"), title_like("研究人员表示，这项技术意味着未来的系统可能不需要人类。")
    (True, False)

    With ``uncased=False`` only a capital counts, not a letter without case: where a
    line's weight hangs on it, a line of Chinese without a full stop is as often a
    clause of running text (blogs write one to a line, unpunctuated) as a title.

    >>> title_like("研究团队发布新一代语言模型", uncased=False), title_like("Free Army Ready", uncased=False)
    (False, True)
    """
    n = word_count(text) if n_words is None else n_words
    if not 2 <= n <= max_words:
        return False
    stripped = text.rstrip()
    if stripped[-1] in SENTENCE_INSIDE_OR_END:
        return False
    first = stripped.lstrip("'\"‘“«„¿¡(")[:1]
    return bool(first) and not first.islower() and (uncased or not first.isalpha() or first.isupper())


def capitalised_ratio(text: str, short_names: bool = False) -> float:
    """Share of words longer than three letters that start upper-case. With ``short_names``,
    where no word is that long, the share of all words that start with a letter: the name
    checks judge "Ann Lee", "Li Wei" or "AP" so.

    >>> capitalised_ratio("Russia Reportedly Uses Smart Bombs Against ISIL")
    1.0
    >>> capitalised_ratio("the cat sat on the mat"), capitalised_ratio("Ann Lee"), capitalised_ratio("Ann Lee", True)
    (0.0, 0.0, 1.0)
    """
    lettered = [w for w in words(text) if w[0].isalpha()]
    long_words = [w for w in lettered if len(w) > 3] or (lettered if short_names else [])
    if not long_words:
        return 0.0
    return sum(w[0].isupper() for w in long_words) / len(long_words)


def table_row(text: str) -> bool:
    """Is the line a row of a table, "| cell | cell |", as dumpers and trafilatura print tables?

    >>> table_row("| Origami | Fold a dog |"), table_row("Home | About"), table_row("|")
    (True, False, False)
    """
    return text.startswith("|") and text.endswith("|") and text.count("|") >= 3
