"""People's names as lines show them: a name alone on a line, an "About <name>" heading, a
commenter's "Hanna Lund says:". Text shapes only; the rules that use them are in
:mod:`cleaner.blocks.edges`."""

from __future__ import annotations

import re

from ..text import capitalised_ratio, ends_sentence, key, word_count
from .weight import LIST_BULLETS

_NUMBER = re.compile(r"\d")
_LIST_MARKS = re.compile(r"[,:;|]")
#: An "About <name>" heading names a person in at most this many words (first, middle, last name).
ABOUT_NAME_WORDS = 3
#: Longer than this, a line is no name of two to five words (the longest names run to about 60).
NAME_LINE_CHARS = 80


def name_line(text: str) -> bool:
    """A person's name on its own line: two to five capitalised words, no digit, comma, colon or sentence ending."""
    if len(text) > NAME_LINE_CHARS or not text[:1].isupper():  # most lines: no need to count words
        return False
    n = word_count(text)
    return 2 <= n <= 5 and not _NUMBER.search(text) and not ends_sentence(text) and not _LIST_MARKS.search(text) and all(
        w[:1].isupper() for w in text.split())


def about_name(text: str, about: frozenset[str], heads: frozenset[str]) -> list[str] | None:
    """The words of the name in a heading "About <name>" (a phrase of ``words/about.txt``,
    then a name as :func:`name_line` reads one, of at most :data:`ABOUT_NAME_WORDS`), else ``None``.
    A longer name is an institution's ("About Northfield University Medical Center"), and the
    paragraph on it that closes a press release is the release's own.

    ``heads`` are the first words of the phrases: most lines open with none of them.

    >>> about, heads = frozenset({"about", "à propos de"}), frozenset({"about", "à"})
    >>> about_name("About Mara Quist", about, heads), about_name("À propos de Mara Quist", about, heads)
    (['Mara', 'Quist'], ['Mara', 'Quist'])
    >>> about_name("About us", about, heads), about_name("Mara Quist", about, heads)
    (None, None)
    >>> about_name("About the author", about, heads), about_name("About Northfield University Medical Center", about, heads)
    (None, None)
    """
    if not about or len(text) > NAME_LINE_CHARS or not text[:1].isupper():
        return None
    words = text.split()
    if key(words[0]) not in heads:
        return None
    for n in (1, 2, 3):
        if key(" ".join(words[:n])) in about:
            rest = " ".join(words[n:])
            return words[n:] if len(words) - n <= ABOUT_NAME_WORDS and name_line(rest) else None
    return None


def author_line(text: str, says: frozenset[str]) -> bool:
    """ "Hanna Lund says:" - a short line ending in a 'says' word and a colon; a longer one
    when it holds the comment's date and reads as a name and a date, mostly capitalised
    ("Hanna Lund on May 2, 2024 at 4:47 pm said:"), not as a sentence introducing a quote;
    without the colon (themes that add it in their style sheet), a name alone before the
    word, perhaps numbered as the thread's first item ("1. Hanna Lund says").

    >>> says = frozenset({"says", "said"})
    >>> author_line("Hanna Lund says:", says), author_line("Hanna Lund on May 2, 2024 at 4:47 pm said:", says)
    (True, True)
    >>> author_line("1. Hanna Lund says", says), author_line("Hanna says", says)
    (True, True)
    >>> author_line("At the meeting on 12 March 2024, the council leader said:", says)
    False
    >>> author_line("The Minister of Transport says", says), author_line("Hanna Lund says so", says)
    (False, False)
    """
    if not text.endswith(":"):
        return _name_says(text, says)
    n = word_count(text)
    if n > AUTHOR_LINE_WORDS and not (n <= AUTHOR_LINE_DATED_WORDS and _NUMBER.search(text)
                                      and capitalised_ratio(text, short_names=True) >= 0.5):
        return False
    words = key(text).split()
    return bool(words) and (words[-1] in says or " ".join(words[-2:]) in says)


def _name_says(text: str, says: frozenset[str]) -> bool:
    """A name of one to :data:`NAME_WORDS` capitalised words, then a 'says' word: "Hanna Lund says"
    (after a list number or bullet); see :func:`author_line`. Only a thread's lines are
    asked (under a comments heading, two of them at least), where "Amy says" is a name."""
    words = text.split()
    if words and (words[0][:-1].isdigit() and words[0].endswith(".") or words[0] in LIST_BULLETS):
        words = words[1:]
    if not 2 <= len(words) <= NAME_WORDS + 1 or words[-1].casefold() not in says:
        return False
    name = words[:-1]
    return all(w[0].isupper() and w[-1].isalpha() for w in name)


#: Words of a commenter's name.
NAME_WORDS = 4


#: Words a comment's author line may have; with a date in it (a digit), AUTHOR_LINE_DATED_WORDS.
AUTHOR_LINE_WORDS = 8
AUTHOR_LINE_DATED_WORDS = 16
