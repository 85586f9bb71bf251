"""Blocks a dumper ran together, told apart for judging and put back together for output.

A dumper that writes each text node with no separator (BeautifulSoup's
``get_text()``, the commonest scraper of all) runs a page's blocks into one
another: "Community standardsDiscussion", "...in the spring.Share this
articleThe council said...". On a minified page the whole page is a handful of
such lines, menus and body alike, and no line rule or block rule can judge a
line that is half menu and half paragraph.

:func:`split` cuts a line where one block ends and the next begins: a lower-case
letter, or a sentence's end, right before a capitalised word, with no space
between. It leaves words alone that merely have a capital inside ("JavaScript",
"McDonald", "iPhone": one short hump; "1Password") and tokens that are addresses
or code (a URL, an e-mail, brackets, an underscore, an identifier such as
"printStackTrace"). Each piece is
judged as a line of its own; the output puts kept pieces that stood next to each
other back together with nothing between them (:attr:`cleaner.document.Line.glued`),
so the wording, glue and all, is what the input had. Only where a piece between
two others was removed does the output break the line there.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from itertools import accumulate

_LOWER = "a-zß-öø-ÿа-яё"
_UPPER = "A-ZÀ-ÖØ-ÞА-ЯЁ"
#: Where one block may end and the next begin: a lower-case letter, or a sentence's end after
#: one or a digit (perhaps closed by a quote or a bracket), then a capital and a lower-case letter,
#: or the one-letter word "A" or "I" and a space ("SteakhouseA party of six", "walkway.I have").
#: Not after a bare digit ("1Password", "9to5Mac" are names) nor a colon ("Tags:Politics" is
#: a label and what it labels). The capital is matched first and the text before it looked
#: at only then: capitals are rare, so the whole text is searched in one fast pass.
_GLUE = re.compile(rf"[{_UPPER}](?:(?<=[{_LOWER}][{_UPPER}])|(?<=[{_LOWER}0-9)\]][.!?][{_UPPER}])"
                   rf"|(?<=[.!?][\"”’)][{_UPPER}]))(?=[{_LOWER}])"
                   rf"|[AI](?:(?<=[{_LOWER}][AI])|(?<=[{_LOWER}0-9)\]][.!?][AI]))(?= [{_LOWER}])")
#: A word with one capital inside it, not two words: "JavaScript", "McDonald", "YouTube".
_CAMEL_LEFT = re.compile(rf"[{_UPPER}][{_LOWER}]{{1,7}}|[{_LOWER}]")
_CAMEL_RIGHT = re.compile(rf"[{_UPPER}][{_LOWER}]{{1,9}}(?:['’][{_LOWER}]{{1,2}})?\W*")
#: Tokens that are addresses, handles or code: never cut.
_NOT_PROSE = re.compile(r"://|www\.|[@#_(){}\[\]<>=/\\]")
#: A character of a script written without spaces (Chinese, Japanese; Korean particles join a Latin
#: word with none): a Latin word inside such text ends where these begin.
_UNSPACED = "\u3000-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef"
_UNSPACED_CHAR = re.compile(f"[{_UNSPACED}]")
_UNSPACED_TAIL = re.compile(f"[{_UNSPACED}][^{_UNSPACED}]*\\Z")
#: A code identifier: "getName", "printStackTrace" (a short lower-case head, or two capitals inside).
_IDENTIFIER = re.compile(rf"(?<![{_LOWER}])(?:[{_LOWER}]{{1,3}}[{_UPPER}]\w*|[{_LOWER}]+(?:[{_UPPER}][{_LOWER}]+){{2,}})\W*")


def points(line: str) -> list[int]:
    """Where ``line`` runs one block into the next (offsets of the second block's first letter).

    >>> points("Community standardsDiscussion")
    [19]
    >>> points("It rained all spring.Share this articleThe council met.")
    [21, 39]
    >>> points("Bill At Troy SteakhouseA party of six left.I have no idea, he said. Plan A is fine.")
    [23, 43]
    >>> points("JavaScript and McDonald's on an iPhone, 1Password, by GitHub user @someName")
    []
    >>> points("Call getElementById(x), printStackTrace or setUp, see https://example.org/NewsRoom")
    []

    In text written without spaces, a Latin word ends where the other script resumes:

    >>> points("先日、不正に改造したiPhoneを販売した。公司DeepMind开发出"), points("了。StartNow开始")
    ([], [])
    """
    return _cuts(line, [m.start() for m in _GLUE.finditer(line)])


def _cuts(line: str, candidates: list[int]) -> list[int]:
    """The ``candidates`` (offsets of a :data:`_GLUE` capital in ``line``) that are cuts:
    not inside an address, code or a word with one capital inside."""
    out = []
    unspaced = not line.isascii()  # Chinese or Japanese may be in it (one scan of the line, not one a candidate)
    for p in candidates:
        a = line.rfind(" ", 0, p) + 1
        b = line.find(" ", p)
        b = len(line) if b < 0 else b
        if unspaced:  # in Chinese or Japanese text, a token is a Latin run between its characters
            tail = _UNSPACED_TAIL.search(line, a, p)
            a = tail.start() + 1 if tail else a
            head = _UNSPACED_CHAR.search(line, p, b)
            b = head.start() if head else b
        token = line[a:b]
        if _NOT_PROSE.search(token) or _IDENTIFIER.fullmatch(token):
            continue
        if _CAMEL_LEFT.fullmatch(line, a, p) and _CAMEL_RIGHT.fullmatch(line, p, b):
            continue  # one capital inside a short word
        out.append(p)
    return out


def split(lines: list[str]) -> tuple[list[str], list[bool], int]:
    """The lines with every run-together line cut at its :func:`points`, whether each
    line continues the one before it (a piece after the first), and how many cuts.

    >>> split(["Title", "Read moreThe council met on Monday."])
    (['Title', 'Read more', 'The council met on Monday.'], [False, False, True], 1)
    """
    text = "\n".join(lines)
    found = [m.start() for m in _GLUE.finditer(text)]  # one pass over the text; most lines have none
    if not found:
        return lines, [False] * len(lines), 0
    starts = list(accumulate((len(line) + 1 for line in lines), initial=0))
    candidates: dict[int, list[int]] = {}
    for p in found:
        i = bisect_right(starts, p) - 1
        candidates.setdefault(i, []).append(p - starts[i])
    out: list[str] = []
    glued: list[bool] = []
    cuts = 0
    for i, line in enumerate(lines):
        at = _cuts(line, candidates[i]) if i in candidates else []
        if not at:
            out.append(line)
            glued.append(False)
            continue
        out.extend(line[s:e] for s, e in zip([0, *at], [*at, len(line)]))
        glued.extend([False] + [True] * len(at))
        cuts += len(at)
    return out, glued, cuts
