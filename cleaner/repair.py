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

import hashlib
import importlib.util
import json
import re
import sys
import unicodedata
from bisect import bisect_right
from functools import lru_cache
from itertools import accumulate
from pathlib import Path
from typing import Any

from . import cache
from .document import Repair

try:
    from re import _parser as _re_parser
except ImportError:  # Python 3.10
    import sre_parse as _re_parser  # type: ignore[no-redef]


@lru_cache(maxsize=1)
def ftfy_config():
    """ftfy's settings here: fix mojibake, entities and controls; leave correct text alone."""
    import ftfy

    return ftfy.TextFixerConfig(
        unescape_html="auto",
        fix_encoding=True,
        fix_latin_ligatures=False,
        fix_character_width=False,
        uncurl_quotes=False,
        fix_line_breaks=True,
        normalization="NFC",
        explain=True,
    )


def _badness_re() -> re.Pattern:
    """ftfy's badness pattern (``ftfy.badness.is_bad`` is a search for it)."""
    from ftfy.badness import BADNESS_RE

    return BADNESS_RE


#: Characters ordinary text is full of, most wanted first. :func:`mojibake_chars` keeps as
#: many of them as it can out of the prefilter, so that their lines skip ftfy's badness scan.
COMMON = ("\u00a0’‘“”–—…•·«»"
          "éèêëàâäáãåçñöôóòõøüúùûÿíìîïœæßčšžřěůýńłąęćśźżőűğışţăđ"
          "ÉÈÊÀÂÄÁÇÑÖÔÓØÜÚÍÎČŠŽŘŁŚŻĞİŞ"
          "©®™°€£¥¢§¶×±½¼¾²³¹µ−″′"
          "абвгдеёжзийклмнопрстуфхцчшщъыьэюяАБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯіїєґІЇЄҐ"
          "αβγδεζηθικλμνξοπρστυφχψωάέήίόύώΑΒΓΔΕΖΗΘΙΚΛΜΝΞΟΠΡΣΤΥΦΧΨΩ"
          "─│┼┌┐└┘├┤┬┴═║►▼▲◄→←↑↓★☆✓✔")


def mojibake_chars(pattern: re.Pattern | None = None, common: str = COMMON) -> re.Pattern | None:
    """A character class every match of ftfy's badness ``pattern`` (by default ftfy's own)
    needs one character of.

    Read from the pattern itself: each of its alternatives is a sequence of
    character classes, and a class without an ASCII character can only match one
    of its own characters (a *blocking* class). The characters of :data:`COMMON`
    are let out of the prefilter one by one, as long as every alternative keeps a
    blocking class none of whose characters is let out; what remains of the
    blocking classes is the prefilter. So a line with none of its characters has
    no match: ``is_bad`` would be False. ``None`` when the pattern has a shape this
    reading does not know (then every non-ASCII line is asked).

    >>> hint = mojibake_chars()
    >>> bool(hint.search("Ã©")), bool(hint.search("don’t “quote” – ok…")), bool(hint.search("日本語"))
    (True, False, False)
    """
    if pattern is None:
        pattern = _badness_re()
    if pattern.flags & re.IGNORECASE:
        return None
    tree = _parse(pattern.pattern, pattern.flags)
    if len(tree.data) != 1 or tree.data[0][0] is not _re_parser.BRANCH:
        return None
    alternatives = []
    for alt in tree.data[0][1][1]:
        blocking = []
        for item in alt.data:
            chars = _class_chars(item)
            if chars is not None and chars and not any(ord(c) < 128 for c in chars):
                blocking.append(chars)
            elif item[0] not in (_re_parser.IN, _re_parser.LITERAL, _re_parser.ANY, _re_parser.AT,
                                 _re_parser.MAX_REPEAT, _re_parser.MIN_REPEAT):
                return None  # a group, a lookaround, a back reference: do not guess
        if not blocking:
            return None
        alternatives.append(blocking)
    let_out = _let_out(alternatives, common)
    needed = set().union(*(chars for blocking in alternatives for chars in blocking)) - let_out
    return re.compile("[" + "".join(re.escape(c) for c in sorted(needed)) + "]")


@lru_cache(maxsize=4)
def _parse(pattern: str, flags: int):
    """The parsed form of a regex (parsing ftfy's badness pattern takes milliseconds, and
    the import needs it twice)."""
    return _re_parser.parse(pattern, flags)


def _let_out(alternatives: list[list[set[str]]], common: str) -> set[str]:
    """The characters of ``common`` let out of the prefilter, in order, each as long as every
    alternative keeps a blocking class that holds none of the characters let out.

    Worked out from where each common character occurs (a few set intersections in C)
    rather than by testing every class against every character: this runs at import.
    """
    wanted = set(common)
    # character -> alternative -> the indexes of its classes that hold the character
    holders: dict[str, dict[int, set[int]]] = {}
    for a, classes in enumerate(alternatives):
        for k, chars in enumerate(classes):
            for c in chars & wanted:
                holders.setdefault(c, {}).setdefault(a, set()).add(k)
    clear = [set(range(len(classes))) for classes in alternatives]  # classes with no character let out
    let_out: set[str] = set()
    for c in common:
        held = holders.get(c, {})
        if all(clear[a] - ks for a, ks in held.items()):  # each alternative keeps a clear class
            let_out.add(c)
            for a, ks in held.items():
                clear[a] -= ks
    return let_out


def _class_chars(item: tuple) -> set[str] | None:
    """The characters a literal or a class of literals and ranges matches (else ``None``)."""
    op, av = item
    if op is _re_parser.LITERAL:
        return {chr(av)}
    if op is not _re_parser.IN:
        return None
    chars: set[str] = set()
    for kind, value in av:
        if kind is _re_parser.LITERAL:
            chars.add(chr(value))
        elif kind is _re_parser.RANGE:
            chars.update(map(chr, range(value[0], value[1] + 1)))
        else:  # a negation or a category (\s, \w): it matches ASCII, so it never blocks
            return None
    return chars


def _read_patterns() -> dict[str, Any]:
    """What the prefilters take from ftfy, read from ftfy's own tables and patterns.

    ``actionable``: the characters (a regex class body) that, besides mojibake, an
    ftfy fixer configured as :func:`ftfy_config` can act on: "&" (where ftfy's own
    entity pattern, ``entity`` after its "&", matches: "Terms & Conditions" holds
    none), C0/C1 controls and escapes, line/paragraph separators, surrogates, and
    the invisible format characters ``ftfy.fixes.remove_control_chars`` deletes
    (ftfy's own table of them is added, so that a newer ftfy deleting more
    characters still finds them actionable). ``mojibake``: :func:`mojibake_chars`'s
    pattern (``None``: no prefilter). ``width``: the longest match of ftfy's badness
    pattern (``None``: unbounded).
    """
    from ftfy.chardata import CONTROL_CHARS, HTML_ENTITY_RE

    assert HTML_ENTITY_RE.pattern.startswith("&"), HTML_ENTITY_RE.pattern
    actionable = ("&\x00-\x08\x0b-\x1f\x7f-\x9f\u0085\u2028\u2029\ud800-\udfff"
                  "\u206a-\u206f\ufeff\ufff9-\ufffc\U0001d173-\U0001d17a\U000e0000-\U000e007f"
                  + "".join(re.escape(chr(c)) for c in sorted(CONTROL_CHARS) if chr(c) != "&"))
    mojibake = mojibake_chars()
    badness = _badness_re()
    width = _parse(badness.pattern, badness.flags).getwidth()[1]
    return {"actionable": actionable, "entity": HTML_ENTITY_RE.pattern[1:],
            "mojibake": None if mojibake is None else mojibake.pattern,
            "width": None if width >= _re_parser.MAXREPEAT else width}


#: Bump when what :func:`_read_patterns` returns changes meaning.
_PATTERNS_FORMAT = 1


def _patterns() -> dict[str, Any]:
    """:func:`_read_patterns`, from the on-disk cache (:mod:`cleaner.cache`) when it holds
    what these very ftfy files gave: importing ftfy (and wcwidth, which it imports)
    is a third of the time of ``import cleaner``, and most documents never need it
    (no line has anything ftfy could change). Else read from ftfy and cached."""
    key = _patterns_key()
    payload = cache.read("ftfy-patterns", key) if key else None
    if payload is not None:
        try:
            parts = json.loads(payload)
            if (isinstance(parts, dict) and parts.keys() == {"actionable", "entity", "mojibake", "width"}
                    and isinstance(parts["actionable"], str)
                    and isinstance(parts["entity"], str)
                    and (parts["mojibake"] is None or isinstance(parts["mojibake"], str)
                         and parts["mojibake"][:1] == "[" and parts["mojibake"][-1:] == "]")
                    and isinstance(parts["width"], (int, type(None)))):
                # They compile (half a millisecond; the mojibake one then comes from re's cache).
                re.compile(f"[{parts['actionable']}](?={parts['entity']})")
                re.compile(parts["mojibake"] or "")
                return parts
        except (ValueError, re.error):  # not JSON; a pattern that does not compile
            pass
    parts = _read_patterns()
    if key:
        cache.write("ftfy-patterns", key, json.dumps(parts, ensure_ascii=True).encode("ascii"))
    return parts


def _patterns_key() -> str | None:
    """What :func:`_read_patterns` depends on: ftfy's files (path, size, mtime; found
    without importing ftfy), this module's source (COMMON, the rules), the Python
    version (its regex parser) and the format. ``None`` if they cannot be looked at."""
    try:
        spec = importlib.util.find_spec("ftfy")
        if spec is None or spec.origin is None:
            return None
        folder = Path(spec.origin).parent
        files = [(str(path), (st := path.stat()).st_size, st.st_mtime_ns)
                 for path in (folder / "__init__.py", folder / "chardata.py", folder / "badness.py")]
        source = hashlib.sha256(Path(__file__).read_bytes()).hexdigest()
    except (OSError, ImportError, ValueError):
        return None
    return cache.key_of(_PATTERNS_FORMAT, sys.version_info[:2], source, files)


_PATTERNS = _patterns()
# The actionable class holds "&" too, followed by the entity test for an "&" only: a pattern
# that opens with a character class is scanned for that class in C (the regex engine's
# charset prefix), while "&(?=...)|[...]" was tried position by position, twice as slow.
# ((?<!&) after the class: the character just matched was not "&".)
_ENTITY_AFTER_AMPERSAND = f"(?:(?<!&)|(?={_PATTERNS['entity']}))"
_ACTIONABLE = re.compile(f"[{_PATTERNS['actionable']}]{_ENTITY_AFTER_AMPERSAND}")
_MOJIBAKE = None if _PATTERNS["mojibake"] is None else re.compile(_PATTERNS["mojibake"])
#: :data:`_ACTIONABLE` with :data:`_MOJIBAKE`'s characters in its class: one scan of a
#: document finds both kinds of spot (``None`` without a prefilter).
assert _MOJIBAKE is None or _MOJIBAKE.pattern.startswith("[") and _MOJIBAKE.pattern.endswith("]")
_ACTIONABLE_OR_MOJIBAKE = None if _MOJIBAKE is None else re.compile(
    f"[{_PATTERNS['actionable']}{_MOJIBAKE.pattern[1:-1]}]{_ENTITY_AFTER_AMPERSAND}")
#: The longest match of ftfy's badness pattern (characters): a match holding a character of
#: :data:`_MOJIBAKE` lies within this distance of it. ``None`` when unbounded.
_BADNESS_WIDTH: int | None = _PATTERNS["width"]


def needs_repair(line: str) -> bool:
    """Could ftfy (with :func:`ftfy_config`) change this line at all?

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
    from ftfy.badness import is_bad

    return is_bad(line) or not unicodedata.is_normalized("NFC", line)


def lines_needing_repair(lines: list[str]) -> list[int]:
    """Indexes of the lines for which :func:`needs_repair` holds, in order.

    The same answer as asking :func:`needs_repair` of every line, but only lines
    that hold an actionable character or one that mojibake needs (found by one
    scan of the whole text each, :func:`mojibake_chars`), or that is not in NFC
    (looked for only when the whole text is not), are looked at one by one.

    >>> lines_needing_repair(["Fine.", "CafÃ© open", "Fish &amp; chips", "naïve “café”"])
    [1, 2]
    """
    text = "\n".join(lines)
    candidates: set[int] = set()
    if text.isascii():  # mojibake and unnormalised text need a non-ASCII character
        hits = [m.start() for m in _ACTIONABLE.finditer(text)]
    else:
        if _ACTIONABLE_OR_MOJIBAKE is None:
            hits = [m.start() for m in _ACTIONABLE.finditer(text)]
            candidates.update(i for i, line in enumerate(lines) if not line.isascii())
        else:  # only a line with a character mojibake needs can be bad
            hits, spots = _scan(text)
            hits += _bad_spots(text, lines, spots)
        # NFC never joins across a line break: an unnormalised line shows in the whole text.
        if not unicodedata.is_normalized("NFC", text):
            candidates.update(i for i, line in enumerate(lines)
                              if not line.isascii() and not unicodedata.is_normalized("NFC", line))
    if hits:
        starts = list(accumulate((len(line) + 1 for line in lines), initial=0))
        candidates.update(bisect_right(starts, pos) - 1 for pos in hits)
    return [i for i in sorted(candidates) if needs_repair(lines[i])]


def _scan(text: str) -> tuple[list[int], list[int]]:
    """The positions of :data:`_ACTIONABLE` matches in ``text``, and those of the other
    characters of :data:`_MOJIBAKE`, from one scan (a character of both counts as
    actionable: its line is looked at anyway)."""
    hits: list[int] = []
    spots: list[int] = []
    actionable = _ACTIONABLE.match
    for m in _ACTIONABLE_OR_MOJIBAKE.finditer(text):
        pos = m.start()
        (hits if actionable(text, pos) else spots).append(pos)
    return hits, spots


def _bad_spots(text: str, lines: list[str], spots: list[int]) -> list[int]:
    """The positions in ``spots`` (in ``text``, the joined ``lines``) with a badness match around them.

    Every match holds a character of :data:`_MOJIBAKE` and is at most
    :data:`_BADNESS_WIDTH` long, so a line is bad exactly when the pattern matches
    within that distance of one of its spots: searched in the line itself (where
    ``^`` means what it means to ``is_bad``), and only there, not the whole line.
    """
    if _BADNESS_WIDTH is None or not spots:
        return spots
    width = _BADNESS_WIDTH
    search = _badness_re().search
    starts = list(accumulate((len(line) + 1 for line in lines), initial=0))
    out = []
    for pos in spots:
        i = bisect_right(starts, pos) - 1
        at = pos - starts[i]
        if search(lines[i], max(0, at - width + 1), at + width):
            out.append(pos)
    return out


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
    import ftfy

    names: list[str] = []
    config = ftfy_config()
    for _ in range(MAX_ROUNDS):
        fixed, steps = ftfy.fix_and_explain(line, config)
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
