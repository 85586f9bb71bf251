"""Whitespace and invisible-character normalisation, each step named.

Runs on the whole text at once (C-speed regexes), before the text is cut into
lines. Nothing here changes a word: odd spaces become plain spaces, invisible
characters go, indentation and runs of spaces collapse.
"""

from __future__ import annotations

import re

from .document import Repair

#: No-break, figure, thin, ideographic and other spaces, and tabs.
ODD_SPACES = re.compile("[\t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]")
#: Zero-width space, word joiner, BOM, soft hyphen. ZWJ/ZWNJ stay: scripts and emoji need them.
INVISIBLE = re.compile("[\u200b\u2060\ufeff\u00ad\u180e]")
#: Control characters a text line has no use for (tab and newline are handled apart).
CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
#: Line breaks of every convention: CRLF, old-Mac CR, NEL, line and paragraph separators.
LINE_BREAKS = re.compile("\r\n?|[\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")
# " {2,}" spelt with a two-space literal prefix: the regex engine then looks for two
# spaces in C, instead of trying a match at every single space (three times slower).
_SPACE_RUN = re.compile("  +")
#: Any character one of the steps above acts on.
_ANY_STEP = re.compile("[" + "".join(p.pattern[1:-1] for p in (ODD_SPACES, INVISIBLE, CONTROLS)) + "]")
#: The ASCII characters of :data:`CONTROLS`.
_ASCII_CONTROLS = bytes(b for b in range(128) if CONTROLS.match(chr(b)))


def split_lines(text: str) -> list[str]:
    """Cut text into lines on every line-break convention.

    ``str.splitlines`` breaks on exactly :data:`LINE_BREAKS` and ``\\n``, and drops
    nothing but the break after the last line.

    >>> split_lines("a\\r\\nb\\rc\\u2028d\\n")
    ['a', 'b', 'c', 'd']
    >>> split_lines("a\\n\\n"), split_lines("")
    (['a', ''], [])
    """
    return text.splitlines()


def normalize_text(text: str) -> tuple[str, list[Repair]]:
    """Apply the named steps; line structure is kept (newlines are untouched).

    >>> normalize_text("a\\u00a0b\\u200bc\\t d")
    ('a bc d', [Repair(step='normalize.odd_spaces', detail='2 replaced', line=0), Repair(step='normalize.invisible', detail='1 removed', line=0)])
    """
    repairs = []
    if not text.isascii():
        if _ANY_STEP.search(text):  # one scan finds out whether any step has work
            text, n = ODD_SPACES.subn(" ", text)
            if n:
                repairs.append(Repair("normalize.odd_spaces", f"{n} replaced"))
            text, n = INVISIBLE.subn("", text)
            if n:
                repairs.append(Repair("normalize.invisible", f"{n} removed"))
            text, n = CONTROLS.subn("", text)
            if n:
                repairs.append(Repair("normalize.controls", f"{n} removed"))
    else:
        text = text.replace("\t", " ")
        raw = text.encode("ascii")
        if len(raw.translate(None, _ASCII_CONTROLS)) != len(raw):  # bytes.translate: no regex scan
            text, n = CONTROLS.subn("", text)
            repairs.append(Repair("normalize.controls", f"{n} removed"))
    if "  " in text:
        text = _SPACE_RUN.sub(" ", text)
    return text, repairs


def strip_lines(lines: list[str]) -> list[str]:
    """Indentation and trailing space off every line.

    >>> strip_lines(["    indented", "trailing  ", ""])
    ['indented', 'trailing', '']
    """
    return [line.strip() for line in lines]
