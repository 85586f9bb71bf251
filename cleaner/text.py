"""Small, shared text shapes: the line key, word counts, prose and title tests.

Every rule stage judges lines through these few functions, so a line's features
mean the same thing everywhere (and are computed in one place).
"""

from __future__ import annotations

import re
import unicodedata

_DIGITS = re.compile(r"\d+")
_NON_WORD = re.compile(r"[\W_]+")
_ASCII_NON_WORD = re.compile(r"[^a-z0-9]+")
_WORD = re.compile(r"\w+")
# Scripts written without spaces between words: count their characters instead.
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]")

#: Characters that end a sentence, in the scripts we meet most.
TERMINAL = ".!?…。！？؟।"
#: Closing marks that may follow the terminal character ("He left." or (see p. 4.)).
CLOSERS = "\"'”’»)]›」』】"


def key(text: str) -> str:
    """The normalisation key a phrase is matched on.

    Casefolded, NFKC, every run of digits mapped to ``0``, and punctuation,
    bullets and separators folded into single spaces (as cc_net normalises lines).

    >>> key("  • Share on Facebook »")
    'share on facebook'
    >>> key("Image 1 of 23")
    'image 0 of 0'
    >>> key("Community standardsDiscussion")
    'community standardsdiscussion'
    """
    if text.isascii():  # NFKC leaves ASCII alone and casefold is lower(); \W is then [^a-z0-9]
        return _ASCII_NON_WORD.sub(" ", _DIGITS.sub("0", text.lower())).strip()
    text = unicodedata.normalize("NFKC", text).casefold()
    text = _DIGITS.sub("0", text)
    return _NON_WORD.sub(" ", text).strip()


def words(text: str) -> list[str]:
    """The ``\\w+`` tokens of a line.

    >>> words("It's 5 o'clock.")
    ['It', 's', '5', 'o', 'clock']
    """
    return _WORD.findall(text)


def word_count(text: str) -> int:
    """Words in a line, where a CJK character counts as half a word.

    >>> word_count("The cat sat on the mat.")
    6
    >>> word_count("東京で会議が開かれた。")
    5
    """
    if text.isascii() or not _CJK.search(text):
        return len(_WORD.findall(text))
    cjk = len(_CJK.findall(text))
    return len(_WORD.findall(_CJK.sub(" ", text))) + cjk // 2


def ends_sentence(text: str) -> bool:
    """Does the line end like a sentence (terminal mark, maybe inside quotes)?

    >>> ends_sentence('He said, “It is over.”')
    True
    >>> ends_sentence("Related stories")
    False
    """
    stripped = text.rstrip().rstrip(CLOSERS)
    return bool(stripped) and stripped[-1] in TERMINAL


def is_prose(text: str) -> bool:
    """Does the line read as running text: a sentence of some length?

    A prose line has at least six words and ends like a sentence, or is long
    enough (25 words) that it is text whatever its ending.

    >>> is_prose("The committee met on Tuesday to discuss the budget.")
    True
    >>> is_prose("Russia Versus ISIL in Syria (618)")
    False
    >>> is_prose("Click here.")
    False
    """
    n = word_count(text)
    return n >= 25 or (n >= 6 and ends_sentence(text))


def title_like(text: str, max_words: int = 20) -> bool:
    """Could the line be a heading or a headline (short, no sentence ending)?

    It starts with an upper-case letter, a digit or a quote mark, has two to
    ``max_words`` words and does not end with a period, comma, colon or semicolon.

    >>> title_like("Free Syrian Army Ready for Contacts With Russia")
    True
    >>> title_like("and then she left the room,")
    False
    """
    n = word_count(text)
    if not 2 <= n <= max_words:
        return False
    stripped = text.rstrip()
    if stripped[-1] in ".,;:":
        return False
    first = stripped.lstrip("'\"‘“«„¿¡(")[:1]
    return bool(first) and (first.isupper() or first.isdigit() or not first.isalpha())


def capitalised_ratio(text: str) -> float:
    """Share of words longer than three letters that start upper-case.

    >>> capitalised_ratio("Russia Reportedly Uses Smart Bombs Against ISIL")
    1.0
    >>> capitalised_ratio("the cat sat on the mat")
    0.0
    """
    long_words = [w for w in _WORD.findall(text) if len(w) > 3 and w[0].isalpha()]
    if not long_words:
        return 0.0
    return sum(w[0].isupper() for w in long_words) / len(long_words)
