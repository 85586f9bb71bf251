"""Paragraphs that a dumper broke into lines, joined back: hard wrapping and inline cuts.

Text browsers (lynx, w3m), html2text, mail archives and HTML sources themselves
break every paragraph at a fixed width. The rules judge lines: a paragraph cut
into pieces of ten or twelve words, most ending mid-sentence, looks like a menu
to them, and a page's body can be lost that way. So where the text is wrapped
(:func:`width` finds a width no line goes past and many lines come close to),
each line that ends only because the next word would not have fit is joined to
the next (:func:`unwrap`). Other dumpers end a line at every link or bold span;
:func:`rejoin` puts those pieces back together. Wording is unchanged: the pieces are
joined with the space the break took (none before a comma or after an opening bracket).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from .text import ELLIPSES

#: Widths tried: narrower is verse or a column of words; wider is no terminal, mail or source.
MIN_WIDTH, MAX_WIDTH = 60, 200
#: Fewest lines close to the width (within a quarter of it) that make the text wrapped.
MIN_FULL = 10
#: Least share of the lines longer than half the width that come that close: wrapped
#: lines crowd just below the width, natural lines spread over every length.
FULL_SHARE = 0.5
#: Most share of those lines that may go past the width (a table row, a rule line).
OVER_SHARE = 0.02
#: Most share of the lines close to the width that may end in a punctuation mark. Wrapping
#: ends a line wherever a word does not fit, rarely at a comma or a full stop (about one
#: line in seven); verse and lists of sentences end most lines there, and are not wrapped.
STOPPED_SHARE = 0.4
_STOPS = frozenset(",.;:!?…。，、！？")
#: A line holding a URL or a Markdown link may overflow any width (a dumper does not break
#: a link): it says nothing about the width. (Looking for these marks costs a tenth of
#: looking for any long token.)
_LINK_MARKS = ("://", "](")
#: A line holding two of these or more is a row of a table ("1 | Embarque | 2020 | ..."), which a
#: dumper lays out whole, however wide: it says nothing about the width either.
_CELL = " | "
#: A line that starts a new item, not the rest of the line above: a bullet, a number, a heading mark.
_STARTS_ITEM = re.compile(r"(?:[*+•·\-–—>|#]{1,6}|o|\d{1,3}[.)]|\[\d{1,4}\])(?:\s|$)")
#: What a rule line is drawn with: "______" (lynx's <hr>), "-----", "* * *" (see :func:`_rule`).
_RULE_CHARS = frozenset("_-=*~.·•—–")
#: Marks that end a sentence, or a label ("Tags:"): a line ending in one is not continued
#: by the next on that evidence (unwrap and rejoin both read them).
_END_MARKS = ".!?:;…。！？"
#: A sentence ends here (perhaps inside quotes or brackets), and the next line starts as a new one might.
_ENDS_SENTENCE = re.compile("[" + re.escape(_END_MARKS) + "]['\"’”»)\\]]*$")


def wrap_width(lines: list[str]) -> tuple[int, bool] | None:
    """The width ``lines`` are hard-wrapped at and whether it counts terminal columns (``True``)
    or characters (``False``), or ``None`` if they are not wrapped.

    A terminal dumper (w3m) wraps Chinese and Japanese at their columns, a wide character
    taking two; lynx counts characters, wide or not, so its rows of Chinese run to twice
    the width in columns. Where the text holds wide characters, both measures are tried and
    the one under which more lines end right at their width (within two) wins: wrapping fills
    a row to its last place that a word or a character fits in.

    >>> zh = "宇航员在太空中喝酒会怎么样后果很严重" * 25
    >>> rows = [zh[i:i + 39] for i in range(0, len(zh), 39)]
    >>> mixed = "在太空中用Wi-Fi喝酒会怎么样, the astronaut asked Mission Control, 后果很严重。" * 20
    >>> wrap_width(rows), wrap_width([mixed[i:i + 74] for i in range(0, len(mixed), 74)])
    ((78, True), (74, False))
    """
    shapes = _shapes(lines)
    by_columns = _fit(shapes, columns=True)
    # Without a wide character anywhere the two measures agree (and so do their widths).
    if any(_WIDE.search(line) for line in lines if not line.isascii()):
        by_chars = _fit(shapes, columns=False)
        if by_chars and (not by_columns or _at_width(lines, by_chars, len) > _at_width(lines, by_columns, _columns)):
            return by_chars, False
    return (by_columns, True) if by_columns else None


def _at_width(lines: list[str], w: int, measure: Callable[[str], int]) -> int:
    """How many of ``lines`` end within two places of the width ``w``, as ``measure`` counts."""
    return sum(1 for line in lines if w - 2 <= measure(line.rstrip()) <= w)


def width(lines: list[str], columns: bool = True) -> int | None:
    """The width ``lines`` are hard-wrapped at, in terminal ``columns`` (a wide character taking
    two) or in characters, or ``None`` if they are not wrapped.

    The narrowest width from :data:`MIN_WIDTH` to :data:`MAX_WIDTH` that at most
    :data:`OVER_SHARE` of the longer lines (over half the width) go past (a list item, which
    html2text never wraps, may), and that at least
    :data:`MIN_FULL` lines, and :data:`FULL_SHARE` of the longer ones, come within a
    quarter of. A line's length counts its indentation (the wrapping did), not its trailing
    space. Lines without a space cannot be wrapped and are not counted, nor are lines
    holding a link (:data:`_LINK_MARKS`).

    >>> import textwrap
    >>> para = ("Wrapped text is cut at a fixed width, so that most of its lines end "
    ...         "within a few characters of that width and none goes past it. ") * 6
    >>> width(textwrap.wrap(para, 60))
    60
    >>> width([para] + ["Home", "News", "A short line of a menu."] * 5) is None
    True

    A table's rows are laid out whole, however wide (html2text), and do not count:

    >>> row = "1 | Harbour Ferries | 1921 | Crossings every hour all year round, from seven to eight | 4.5"
    >>> width(textwrap.wrap(para, 60) + [row] * 3)
    60

    Nor do list items past the width: html2text writes an item on one line, however long.

    >>> item = "* Crossings every hour all year round, from seven in the morning to eight at night"
    >>> width(textwrap.wrap(para, 60) + [item] * 3)
    60
    """
    return _fit(_shapes(lines), columns)


#: A line's shape as :func:`width` weighs it: characters, wide characters among them, whether
#: it ends in a punctuation mark, whether it opens a list item.
Shape = tuple[int, int, bool, bool]


def _shapes(lines: list[str]) -> list[Shape]:
    """The shapes of the lines that can say something about a width (see :func:`width`): longer
    than half the narrowest width, holding a space or a wide character, no link, no table row."""
    shapes = []
    for line in lines:
        if len(line) <= MIN_WIDTH // 2:
            continue
        line = line.rstrip()
        n_wide = 0 if line.isascii() else len(_WIDE.findall(line))
        if (n_wide or " " in line.lstrip()) and _LINK_MARKS[0] not in line \
                and _LINK_MARKS[1] not in line and line.count(_CELL) < 2:
            item = not n_wide and _STARTS_ITEM.match(line.lstrip()) is not None
            shapes.append((len(line), n_wide, line[-1] in _STOPS, item))
    return shapes


def _fit(shapes: list[Shape], columns: bool) -> int | None:
    """:func:`width` from the lines' shapes, in terminal ``columns`` or in characters."""
    counts = [0] * (MAX_WIDTH + 2)  # counts[n]: lines of n characters (MAX_WIDTH + 1: longer)
    stops = [0] * (MAX_WIDTH + 2)  # stops[n]: those of them that end in a punctuation mark
    # wides[n]: those of them holding wide characters. Terminals (w3m) wrap them at twice their
    # count of such characters, other dumpers (html2text) at their length: past the width they
    # say nothing against it.
    wides = [0] * (MAX_WIDTH + 2)
    # items[n]: those of them (not holding wide characters) that open a list item: html2text writes
    # an item on one line, however long; past the width it says nothing against it either.
    items = [0] * (MAX_WIDTH + 2)
    for length, n_wide, stop, item in shapes:
        n = length + n_wide if columns else length
        if n > MIN_WIDTH // 2:
            n = min(n, MAX_WIDTH + 1)
            counts[n] += 1
            stops[n] += stop
            wides[n] += n_wide > 0
            items[n] += item
    total = sum(counts)
    if total < MIN_FULL:
        return None
    # longer[n]: lines of more than n columns; longer_wide[n]: those holding wide characters.
    longer, longer_wide, longer_items = [0] * (MAX_WIDTH + 2), [0] * (MAX_WIDTH + 2), [0] * (MAX_WIDTH + 2)
    for n in range(MAX_WIDTH, -1, -1):
        longer[n] = longer[n + 1] + counts[n + 1]
        longer_wide[n] = longer_wide[n + 1] + wides[n + 1]
        longer_items[n] = longer_items[n + 1] + items[n + 1]
    for w in range(MIN_WIDTH, MAX_WIDTH + 1):
        half, full = longer[w // 2] - longer_items[w], longer[w - w // 4] - longer[w]
        # counted in characters, wide lines fit too; list items past the width were never wrapped
        over = longer[w] - (longer_wide[w] if columns else 0) - longer_items[w]
        if full >= MIN_FULL and full >= FULL_SHARE * half and over <= OVER_SHARE * half:
            stopped = sum(stops[w - w // 4 + 1:w + 1])
            return w if stopped <= STOPPED_SHARE * full else None
    return None


def unwrap(lines: list[str], w: int, columns: bool = True) -> tuple[list[str], int]:
    """``lines`` (as the input has them, wrapped at width ``w``) with each wrapped line
    joined to the next, and how many joins were made.

    A line is joined to the next where the next line's first word would not have fit
    on it within the width, unless the next line starts an item of its own (a bullet, a
    number, a heading mark) or a blank line, or a sentence ends there and the next line
    starts with a capital (a sentence break may be a paragraph's end as well; left as it is,
    the two lines are still whole sentences).

    >>> import textwrap
    >>> para = "Wrapped text is cut at a fixed width, and most of its lines end near it. " * 8
    >>> wrapped = textwrap.wrap(para, 60) + ["", "* Home", "* News"]
    >>> out, joins = unwrap(wrapped, width(wrapped))
    >>> " ".join(out[:2]) == para.strip(), out[2:], joins
    (True, ['', '* Home', '* News'], 8)

    Where the sentence "near it." ends a line and the next starts with "Wrapped", the
    paragraph stays cut in two there.

    A terminal dumper (w3m) wraps Chinese and Japanese at twice their characters' count
    and anywhere between them; the pieces go back together with no space:

    >>> zh = "宇航员在太空中喝酒会怎么样后果很严重" * 25
    >>> rows = [zh[i:i + 39] for i in range(0, len(zh), 39)]  # 78 columns a row
    >>> out, joins = unwrap(rows, width(rows))
    >>> width(rows), out == [zh], joins
    (78, True, 11)

    lynx wraps them at their count of characters (``columns=False``, :func:`wrap_width`); and a
    compound word broken after its hyphen goes back together with no space either:

    >>> unwrap(["x" * 60 + " a cheap Wi-", "Fi network"], 70)[0]
    ['xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx a cheap Wi-Fi network']

    >>> rows = [(zh * 2)[i:i + 74] for i in range(0, 2 * len(zh), 74)]
    >>> unwrap(rows, 74, columns=False) == ([zh * 2], len(rows) - 1)
    True
    """
    out: list[str] = []
    joins = 0
    join = False  # the line above was wrapped: this one goes on it
    for i, line in enumerate(lines):
        if join:
            above, below = out[-1].rstrip(), line.strip()
            # Chinese and Japanese break a line between any two characters, with no space; a
            # compound word is broken after its hyphen ("Wi-" / "Fi"), with none either.
            glued = _UNSPACED.match(above[-1:]) and _UNSPACED.match(below) or above[-1:] == "-" \
                and above[-2:-1].isalpha() and below[:1].isalpha()  # (the tail only: "above" grows)
            out[-1] = above + ("" if glued else " ") + below
            joins += 1
        else:
            out.append(line)
        nxt = lines[i + 1] if i + 1 < len(lines) else ""
        join = _wrapped(line, nxt, w, _columns if columns else len)
    return out, joins


def _rule(line: str) -> bool:
    """Is the line a rule, three or more of one character of :data:`_RULE_CHARS` and spaces?

    >>> _rule("   " + "_" * 40), _rule("* * *"), _rule("--"), _rule("[")
    (True, True, False, False)
    """
    text = line.strip()
    return text[:1] in _RULE_CHARS and text.count(text[0]) >= 3 and not text.replace(text[0], "").strip()


def _dateline(line: str) -> bool:
    """Does the line end on a news dateline, a place in capitals and a colon ("... in US NEW YORK:")?
    Its sentence goes on below (a teaser's headline run into its excerpt, as a dumper wraps it).

    >>> _dateline("Man pleads guilty to fraud scheme in US NEW YORK:"), _dateline("He said:"), _dateline("NB:")
    (True, False, True)
    """
    word = line[:-1].rpartition(" ")[2] if line.endswith(":") else ""
    return len(word) >= 2 and word.isupper()


def _wrapped(line: str, nxt: str, w: int, measure: Callable[[str], int]) -> bool:
    """Did ``line`` end only because ``nxt``'s first word would not fit within ``w`` (as ``measure``
    counts: terminal columns, :func:`_columns`, or characters, ``len``)? A rule line (:func:`_rule`)
    is never part of a paragraph, however long.

    >>> _wrapped("x" * 60 + " goes", "on and on", 66, len), _wrapped("x" * 60 + " end.", "_" * 66, 70, len)
    (True, False)
    """
    line, nxt = line.rstrip(), nxt.strip()
    if not line or not nxt:
        return False
    if _STARTS_ITEM.match(nxt) or _rule(nxt) or _rule(line):
        return False  # a new item; a rule line (a text browser's <hr>) on either side
    if _UNSPACED.match(nxt):  # Chinese or Japanese: the line could have broken before any character
        return measure(line) + measure(nxt[0]) > w
    first = nxt.split(None, 1)[0]
    if measure(line) + 1 + measure(first) > w:
        return not (_ENDS_SENTENCE.search(line) and first[:1].isupper() and not _dateline(line))
    # Close to the width, mid-sentence, and going on in lower case: wrapped all the same
    # (the first line of a paragraph in an HTML source shares its row with the tag).
    return len(line) > w - w // 4 and first[:1].islower() and not _ENDS_SENTENCE.search(line)


#: Characters a terminal shows two columns wide (East Asian Wide and Fullwidth: Hangul Jamo,
#: CJK punctuation, kana, Han, Yi, Hangul syllables, compatibility and fullwidth forms).
_WIDE = re.compile("[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff"
                   "\ua000-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]")


#: Wide characters of scripts written without spaces between words (Chinese, Japanese): a
#: terminal breaks their lines anywhere, and joining them back takes no space (Korean spaces
#: its words, so Hangul is joined with one).
_UNSPACED = re.compile("[\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uff60]")


def _columns(line: str) -> int:
    """How many columns ``line`` takes in a terminal: a wide character takes two."""
    return len(line) if line.isascii() else len(line) + len(_WIDE.findall(line))


#: The first character of a line that goes on from the line above: no block starts with it.
_GOES_ON = frozenset(",.;:!?)]}%”’…")
#: The last character of a line that goes on into the next.
_OPENS = frozenset("([{“‘«„")
#: Quote marks that open in one language and close in another (“Text” and „Text“, «texte» and
#: »Text«): at a line's end they open only after a space or alone ("he said “"); right after a
#: word or a mark they close a quotation ("»Anzeige«", „Ja“), and the next line starts anew.
_OPENS_AFTER_SPACE = frozenset("“‘«")


def _ends_open(text: str) -> bool:
    """Does the (stripped, non-empty) line end with an opening bracket or quote mark?

    >>> _ends_open("See the list ("), _ends_open("Il a dit «"), _ends_open("»Anzeige«"), _ends_open("„Ja“")
    (True, True, False, False)
    """
    last = text[-1]
    return last in _OPENS and (last not in _OPENS_AFTER_SPACE or len(text) == 1 or text[-2].isspace())
#: A line whose last character is one of these ends a sentence or a label: the next line is not its rest.
_ENDS = frozenset(_END_MARKS)
#: A full stop, question or exclamation mark ending a sentence (before a space or the end).
_SENTENCE_END = re.compile(r"(?<![.…])[.!?。！？]['\"’”»)\]]*(?:\s|$)")
#: Words no sentence or heading ends with: articles (and "of", "and") of the languages met most.
#: A line ending in one stops mid-sentence, and the next piece goes on from it whatever its case
#: ("In mathematics, a" / "Hermitian matrix"). Not prepositions such as "to" or "in": titles end
#: with them ("Things to pay attention to", "Log in").
_NO_END_WORDS = frozenset("a an the of and der die das den dem des ein eine einen einem einer le la les un une du "
                          "el los las il lo gli het een os um uma".split())
#: Lines starting with :data:`_GOES_ON` punctuation that show a text was cut at inline elements.
MIN_CUTS = 3
#: A chain of lines joined only on lower-case starts must read as a sentence: this many words,
#: ending in a full stop. (A menu in lower case does not; a paragraph cut at its links does.)
CHAIN_MIN_WORDS = 8


def rejoin(lines: list[str]) -> tuple[list[str], int]:
    """``lines`` with the pieces of paragraphs cut at inline elements joined back, and how many joins.

    Some dumpers end a line at every link, bold or code span: "The", "Fetch API", "intends
    to fix most of these problems", ", which". A line is the rest of the line above it
    (no blank line between) where it starts with punctuation no block starts with
    (:data:`_GOES_ON`), or the line above ends with an opening bracket or quote; or where
    it starts in lower case and the line above ends mid-sentence, but such joins are kept
    only where the whole chain reads as prose (:data:`CHAIN_MIN_WORDS` words or more, a
    sentence ending among them): a menu in lower case stays as it is.

    Joins on lower-case starts are made only in a text that shows it was cut this way:
    :data:`MIN_CUTS` lines or more that start with such punctuation. (Elsewhere a line going
    on in lower case is a wrapped line :func:`width` could not be sure of, or a bulleted item.)
    Lines that start with an item mark (a bullet, "o " as text browsers draw one) are not joined
    on lower case either.

    >>> rejoin(["Read the", "Fetch specification", ", which defines", "the API in full.", "Today it",
    ...         "runs in Firefox", ", Chrome", "and", "Safari", ".", "", "home", "about us"])
    (['Read the Fetch specification, which defines the API in full.', 'Today it runs in Firefox, Chrome and Safari.', '', 'home', 'about us'], 8)

    A piece starting with a capital ("Fetch specification") is joined to the line above only
    where that line ends in an article ("Read the": no sentence or heading ends so,
    :data:`_NO_END_WORDS`) or within a chain begun in lower case ("Safari", after "and");
    elsewhere it may start a block of its own.
    """
    weak_ok = sum(1 for line in lines if line.lstrip()[:1] in _GOES_ON and line.strip()) >= MIN_CUTS
    out: list[str] = []
    joins = 0
    chain: list[str] = []  # lines joined on weak evidence so far, not yet accepted

    def close_chain() -> None:
        nonlocal joins
        whole = len(chain) > 1 and _reads_as_sentence(chain)
        # A chain that is no sentence as a whole may hold several (list items without a stop, each
        # cut at its links): its runs, cut where a piece starts with a capital on its own, are judged.
        for run in [chain] if whole or len(chain) < 2 else _runs(chain):
            if len(run) > 1 and (whole or _reads_as_sentence(run)):
                out.append(_join(run))
                joins += len(run) - 1
            else:
                out.extend(run)
        chain.clear()

    previous = ""
    for line in lines:
        text = line.strip()
        if chain and text and previous:
            strong = text[0] in _GOES_ON or _ends_open(previous)
            if strong:
                chain[-1] = _join([chain[-1], line])
                joins += 1
                previous = chain[-1].strip()
                continue
            # Lower case going on from a line that ends mid-sentence; or, once a chain has begun,
            # any piece after a line that ends in a lower-case word or a comma ("Chrome and", "Safari").
            goes_on = text[0].islower() or (len(chain) > 1 and (previous[-1].islower() or previous[-1] == ",")
                                            or previous.rpartition(" ")[2] in _NO_END_WORDS)
            if weak_ok and goes_on and previous[-1] not in _ENDS \
                    and not _STARTS_ITEM.match(text) and not _STARTS_ITEM.match(chain[0].lstrip()):
                chain.append(line)
                previous = text
                continue
        close_chain()
        chain.append(line)
        previous = text
    close_chain()
    return out, joins


def _join(pieces: list[str]) -> str:
    """The pieces as one line: a space between two, none before closing or after opening punctuation."""
    text = pieces[0].rstrip()
    for piece in pieces[1:]:
        piece = piece.strip()
        text += piece if piece[0] in _GOES_ON or _ends_open(text) else " " + piece
    return text


def _runs(chain: list[str]) -> list[list[str]]:
    """The chain cut before every piece that starts with a capital after a piece that may end a
    sentence (not after "and" or "the", :data:`_NO_END_WORDS`)."""
    runs = [[chain[0]]]
    for piece in chain[1:]:
        if piece.strip()[:1].isupper() and not _stops_mid_sentence(runs[-1][-1]):
            runs.append([piece])
        else:
            runs[-1].append(piece)
    return runs


def _reads_as_sentence(chain: list[str]) -> bool:
    """Enough words, and a sentence ending somewhere in them (not an ellipsis: a teaser cut off),
    or a piece before the last ending in a word no sentence ends with (:data:`_NO_END_WORDS`: "Sit
    down with your other half and" / "discuss your ideal wedding": a list item has no full stop).

    >>> _reads_as_sentence(["Sit down with your other half and ", "discuss your ideal wedding", " before you book"])
    True
    >>> _reads_as_sentence(["The results paint a new picture of the", "chip race in the", "..."])  # a teaser cut off
    False
    >>> _reads_as_sentence(["Sit down with your other half and ", "discuss your ideal wedding", "Draw up a budget"])
    False
    """
    text = _join(chain)
    if len(text.split()) < CHAIN_MIN_WORDS:
        return False
    if _SENTENCE_END.search(text) is not None:
        return True
    if text.rstrip().endswith(ELLIPSES):  # a teaser's summary cut off: no sentence, whatever its words
        return False
    # Without a stop, each piece must go on from the one above: in lower case, or after a word no
    # sentence ends with ("Draw up a budget" after "... any venues" starts the next item).
    open_ends = [_stops_mid_sentence(piece) for piece in chain[:-1]]
    return any(open_ends) and all(
        not piece.strip()[:1].isupper() or open_end for piece, open_end in zip(chain[1:], open_ends))


def _stops_mid_sentence(piece: str) -> bool:
    """Does the piece end in a word no sentence ends with (:data:`_NO_END_WORDS`, in any case)?"""
    return piece.rstrip().rpartition(" ")[2].lower() in _NO_END_WORDS
