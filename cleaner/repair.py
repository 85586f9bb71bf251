"""Encoding repair with ftfy, configured never to alter correct text.

Curly quotes, dashes, ligatures and full-width characters are left as they are;
mojibake, HTML entities, terminal escapes and control characters are fixed.

ftfy works line by line. Most lines cannot contain anything ftfy would change,
and :func:`needs_repair` proves that cheaply, so ftfy runs only on the lines
that could change (the fast path). ``tests/test_repair.py`` checks that the fast
path returns exactly what running ftfy on every line returns.
"""

from __future__ import annotations

import re
import unicodedata

import ftfy
from ftfy.badness import is_bad

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
_ACTIONABLE = re.compile(
    "[&\x00-\x08\x0b-\x1f\x7f-\x9f\u0085\u2028\u2029\ud800-\udfff"
    "\u206a-\u206f\ufff9-\ufffc\U0001d173-\U0001d17a\U000e0000-\U000e007f]"
)


def needs_repair(line: str) -> bool:
    """Could ftfy (with :data:`FTFY_CONFIG`) change this line at all?

    False is a proof that it would not; True only means "ask ftfy".

    >>> needs_repair("A plain “quoted” line – with a dash.")
    False
    >>> needs_repair("CafÃ© &amp; bar")
    True
    """
    if _ACTIONABLE.search(line):
        return True
    if line.isascii():
        return False
    return is_bad(line) or not unicodedata.is_normalized("NFC", line)


def repair_line(line: str) -> tuple[str, list[str]]:
    """Run ftfy on one line; return the fixed line and the names of the fixes applied.

    >>> repair_line("The cafÃ© is open &amp; busy")
    ('The café is open & busy', ['unescape_html', 'encode:latin-1', 'decode:utf-8'])
    """
    fixed, steps = ftfy.fix_and_explain(line, FTFY_CONFIG)
    names = [step.parameter if step.action == "apply" else f"{step.action}:{step.parameter}"
             for step in steps or ()]
    return fixed, names


def repair_lines(lines: list[str], fast: bool = True) -> list[Repair]:
    """Repair ``lines`` in place; return what was done, per line (numbered from 1).

    ``fast=False`` sends every line through ftfy: the reference the fast path must equal.
    """
    repairs: list[Repair] = []
    for i, line in enumerate(lines):
        if fast and not needs_repair(line):
            continue
        fixed, names = repair_line(line)
        if fixed != line:
            lines[i] = fixed
            repairs.append(Repair("ftfy", ", ".join(names), i + 1))
    return repairs
