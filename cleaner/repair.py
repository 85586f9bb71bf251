"""Encoding repair with ftfy, configured never to alter correct text.

Curly quotes, dashes, ligatures and full-width characters are left as they are;
mojibake, HTML entities, terminal escapes and control characters are fixed.

ftfy works line by line. Most lines cannot contain anything ftfy would change,
and :func:`needs_repair` proves that cheaply, so ftfy runs only on the lines
that could change (the fast path). :func:`lines_needing_repair` finds those
lines with one scan of the whole text instead of a regex search per line.
``tests/test_repair.py`` checks that the fast path returns exactly what running
ftfy on every line returns.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from itertools import accumulate

import ftfy
from ftfy.badness import is_bad
from ftfy.chardata import CONTROL_CHARS

from .document import Repair

FTFY_CONFIG = ftfy.TextFixerConfig(
    unescape_html="auto",
    fix_encoding=True,
    fix_latin_ligatures=False,
    fix_character_width=False,
    uncurl_quotes=False,
    fix_line_breaks=True,
    normalization="NFC",
    explain=True,
)

# Everything besides mojibake that an ftfy fixer above can act on: entities,
# C0/C1 controls and escapes, line/paragraph separators, surrogates, and the
# invisible format characters ftfy.fixes.remove_control_chars deletes.
# ftfy's own table of the characters remove_control_chars deletes (U+FEFF among them) is
# added, so that a newer ftfy deleting more characters still finds them actionable.
_ACTIONABLE = re.compile(
    "[&\x00-\x08\x0b-\x1f\x7f-\x9f\u0085\u2028\u2029\ud800-\udfff"
    "\u206a-\u206f\ufeff\ufff9-\ufffc\U0001d173-\U0001d17a\U000e0000-\U000e007f"
    + "".join(re.escape(chr(c)) for c in sorted(CONTROL_CHARS)) + "]"
)


def needs_repair(line: str) -> bool:
    """Could ftfy (with :data:`FTFY_CONFIG`) change this line at all?

    False is a proof that it would not; True only means "ask ftfy".

    >>> needs_repair("A plain “quoted” line – with a dash.")
    False
    >>> needs_repair("CafÃ© &amp; bar"), needs_repair("\\ufeffbyte-order mark")
    (True, True)
    """
    if _ACTIONABLE.search(line):
        return True
    if line.isascii():
        return False
    return is_bad(line) or not unicodedata.is_normalized("NFC", line)


def lines_needing_repair(lines: list[str]) -> list[int]:
    """Indexes of the lines for which :func:`needs_repair` holds, in order.

    The same answer as asking :func:`needs_repair` of every line, but only lines
    that hold a non-ASCII character, or an actionable one (found by one scan of
    the whole text), are looked at one by one.

    >>> lines_needing_repair(["Fine.", "CafÃ© open", "Fish &amp; chips", "naïve “café”"])
    [1, 2]
    """
    text = "\n".join(lines)
    hits = [m.start() for m in _ACTIONABLE.finditer(text)]
    if hits:
        starts = list(accumulate((len(line) + 1 for line in lines), initial=0))
        candidates = {bisect_right(starts, pos) - 1 for pos in hits}
    else:
        candidates = set()
    if not text.isascii():  # mojibake and unnormalised text need a non-ASCII character
        candidates.update(i for i, line in enumerate(lines) if not line.isascii())
    return [i for i in sorted(candidates) if needs_repair(lines[i])]


def repair_line(line: str) -> tuple[str, list[str]]:
    """Run ftfy on one line; return the fixed line and the names of the fixes applied.

    ftfy is run again on its own output until nothing changes (at most
    :data:`MAX_ROUNDS` times): one pass can leave text that a second pass would
    still change (``"\x81«º"`` -> ``"«º"`` -> ``"Ǽ"``), and cleaning must be idempotent.

    >>> repair_line("The cafÃ© is open &amp; busy")
    ('The café is open & busy', ['unescape_html', 'encode:latin-1', 'decode:utf-8'])
    >>> repair_line("\x81«º")[0] == repair_line(repair_line("\x81«º")[0])[0]
    True
    """
    names: list[str] = []
    for _ in range(MAX_ROUNDS):
        fixed, steps = ftfy.fix_and_explain(line, FTFY_CONFIG)
        names += [step.parameter if step.action == "apply" else f"{step.action}:{step.parameter}"
                  for step in steps or ()]
        if fixed == line:
            break
        line = fixed
    return line, names


#: ftfy rounds per line; two suffice for every case found so far, the bound keeps it linear.
MAX_ROUNDS = 4


def repair_lines(lines: list[str], fast: bool = True) -> list[Repair]:
    """Repair ``lines`` in place; return what was done, per line (numbered from 1).

    ``fast=False`` sends every line through ftfy: the reference the fast path must equal.
    """
    repairs: list[Repair] = []
    for i in lines_needing_repair(lines) if fast else range(len(lines)):
        line = lines[i]
        fixed, names = repair_line(line)
        if fixed != line:
            lines[i] = fixed
            repairs.append(Repair("ftfy", ", ".join(names), i + 1))
    return repairs
