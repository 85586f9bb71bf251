"""Line rules: each judges one line alone and returns the evidence, or ``None``.

A rule's id is ``lines.<function name>``. Rules get a :class:`Facts` (the line's
features, computed once) and the :class:`~cleaner.lexicon.Lexicon` of the
document's language. Lines longer than :data:`LONG_LINE` characters are running
text to every rule here and are not offered to them.
"""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import compress, repeat
from operator import and_, contains, ge, itemgetter, lt, methodcaller, not_, or_

from .lexicon import Lexicon
from .text import COLON, capitalised_ratio, ends_sentence, is_prose, key, table_row, word_count, words

#: Lines longer than this are never chrome on their own (characters); a long
#: consent banner (``#! max-words: 80``) still fits.
LONG_LINE = 700
#: A line opening with one of these is quoted speech or a quoted slogan: body, never a button.
_QUOTES = tuple("\"“„«»‘‚'「『")


def opens_quote(text: str) -> bool:
    """Does the line open with a quote mark? "» " with a space after it is an arrow before a
    link ("» Advertising"), as sites draw one, not the German opening quote ("»Nein«"); so is
    "« " before words that make no sentence ("« Previous Post", "« Older | Newer »"), where a
    French quotation, spaced so too, says one ("« Nous ne lâcherons rien », a-t-il dit.").

    >>> opens_quote("“We will not stop,” she said."), opens_quote("»Nein«, sagte er."), opens_quote("» Publicidade")
    (True, True, False)
    >>> opens_quote("« Previous Thread | Next Thread »"), opens_quote("« Nous ne lâcherons rien », a-t-il dit.")
    (False, True)
    """
    if text.startswith("« "):
        inner = text.rstrip("» ")
        return ends_sentence(inner) or "»" in inner
    return text.startswith(_QUOTES) and not text.startswith("» ")


class Facts:
    """What the line rules look at, computed once per line.

    ``flags`` are the cheap necessary conditions of the rules: the categories of
    the phrase the line is or starts with, and the shape flags of :func:`shape_flags`.
    A rule runs only on a line that has one of the flags of its ``gate`` (set next
    to each rule); ``tests/test_speed_equivalence.py`` checks that no rule fires
    without one.
    """

    __slots__ = ("text", "key", "n_words", "phrase", "prefix", "flags")

    def __init__(self, text: str, lex: Lexicon, line_key: str | None = None, n_words: int | None = None):
        self.text = text
        self.key = line_key = key(text) if line_key is None else line_key
        self.n_words = word_count(text, line_key) if n_words is None else n_words
        if opens_quote(text):
            self.phrase = self.prefix = None
        else:
            self.phrase = lex.phrases.get(line_key)  # category of a whole-line phrase
            grouped = None  # the key with numbers in groups as one number ("25,064 views")
            if self.phrase is None and "0" in line_key:
                self.phrase = counted_phrase(line_key, lex, text)
                if self.phrase is None and (grouped := grouped_key(line_key, text)) is not None:
                    self.phrase = lex.phrases.get(grouped)
            # (category, phrase) it starts with
            self.prefix = lex.prefix(line_key, self.n_words) or (lex.prefix(grouped, self.n_words) if grouped else None)
        self.flags = shape_flags(self, lex)

    def category(self, name: str) -> str | None:
        """Evidence that the line is a phrase (or starts with a prefix phrase) of ``name``."""
        if self.phrase == name:
            return f"phrase '{self.key}' ({name})"
        if self.prefix and self.prefix[0] == name:
            return f"starts with '{self.prefix[1]}' ({name})"
        return None


#: Categories whose buttons carry a count: "Share 17", "12 Shares", "Comments (3)".
COUNTED = frozenset({"share", "comments"})
#: Currency signs: a number beside one is a price.
CURRENCY_SIGNS = "$€£¥₹₽₩₺₴₪₦₫฿₱¢"
_PRICE = re.compile(f"[{CURRENCY_SIGNS}]")
#: Signs that a number is a share or a price, not a count.
_NOT_A_COUNT = re.compile(f"[%{CURRENCY_SIGNS}]")
#: Marks a count may stand behind at the start of a line: bullets, brackets.
_LEAD_MARKS = "*•·-–—+>#([ "
#: Longest line (in words) that may be a counted button.
COUNTED_MAX_WORDS = 12


def counted_phrase(line_key: str, lex: Lexicon, text: str) -> str | None:
    """The :data:`COUNTED` category of a phrase the line is, but for a count before or after
    it, or, in brackets, a count and its noun after it ("Comments (5 posted)"). A
    percentage or a price is no count ("Save 45%" is an offer, not a button), nor is an
    item's number ("1. Facebook").

    >>> from cleaner.lexicon import load
    >>> [counted_phrase(key(t), load("de"), t) for t in ("* teilen 17", "Kommentare lesen (1 Beitrag)",
    ...                                                   "Facebook 0 Twitter", "Save 45%", "Home 2")]
    ['share', 'comments', None, None, None]
    >>> counted_phrase(key("1,204 Shares"), load("en"), "1,204 Shares"), counted_phrase(key("1. Facebook"), load("en"), "1. Facebook")
    ('share', None)
    >>> t = "* 61 Click to share on Facebook (Opens in new window) 61"  # a count on both sides
    >>> counted_phrase(key(t), load("en"), t)
    'share'
    """
    words = line_key.split(" ")
    if len(words) > COUNTED_MAX_WORDS or _NOT_A_COUNT.search(text):
        return None
    # Digits are "0" in a key, and "1,204" is "0 0": take the zeros off the ends.
    if words[0] == "0":
        first = text.lstrip(_LEAD_MARKS).split(None, 1)[0]
        if first.endswith((".", ")")) or not first.replace(",", "").replace(".", "").isdigit():
            return None  # "1. Facebook": a numbered item, not a count
        while words and words[0] == "0":
            words.pop(0)
        while words and words[-1] == "0":  # and after it too: "61 Click to share on Facebook 61"
            words.pop()
    elif words[-1] == "0":
        while words and words[-1] == "0":
            words.pop()
    elif "(" in text and len(words) > 2 and words[-2] == "0":
        words = words[:-2]  # "(5 posted)": a count and its noun
    else:
        return None
    category = lex.phrases.get(" ".join(words))
    return category if category in COUNTED else None


#: A number written in groups of three digits ("25,064", "2.994", "1 204"): its key reads "0 0".
_GROUPED_NUMBER = re.compile(r"\d{1,3}(?:[,.'\u00a0\u202f ]\d{3})+(?!\d)")


def grouped_key(line_key: str, text: str) -> str | None:
    """The line's key once every number written in groups of three digits counts as one
    number, as the lexicon writes it ("1 views" matches "25,064 views"), or ``None`` where
    the line holds no such number. Facts look its phrase up, and its prefix phrase too.

    >>> from cleaner.lexicon import load
    >>> [grouped_key(key(t), t) for t in ("25,064 views", "View 1,234 comments", "12 views")]
    ['0 views', 'view 0 comments', None]
    >>> [facts(t).category("counters") for t in ("25,064 views", "1,204 3 3 gold badges 14 14 silver badges")]
    ["phrase '0 0 views' (counters)", "starts with '0 0 0 gold badges' (counters)"]
    """
    if "0 0" not in line_key:
        return None
    merged = _GROUPED_NUMBER.sub("0", text)
    return None if merged == text else key(merged)


def shape_flags(f: Facts, lex: Lexicon) -> tuple[str, ...]:
    """The gate flags a line has: its phrase categories, then the shapes below.

    ``empty``: no letter or digit; ``zero``: the key starts with a number;
    ``date``: a short line with a digit whose first word (its first ``_TOKENS`` token) is a number,
    a date word or the first word of a date phrase ("last updated"); ``copyright``: a line opening with ©;
    ``head:<category>``: the first word of the key starts a key of ``words/<category>.txt``
    (and the line is short enough for that rule); ``tail:date``: a line ending in a date
    and a time of day (:func:`_dated_tail`); ``glue``: a short line that could
    split into glued phrases; ``head:share``: a short line opening with a one-word share
    phrase (a network's name); ``script``: a short line naming JavaScript; ``contact``: a
    long line with a label of ``words/contact.txt`` and a number after it ("Fax: 03-5613699").

    >>> facts("Tags: Syria, Russia").flags, facts("The council met.").flags
    (('head:tags',), ())
    >>> facts("Share").flags, facts("© 2024 Example Media").flags
    (('share', 'glue'), ('zero', 'date', 'copyright'))
    """
    k, n = f.key, f.n_words
    flags = []
    if f.phrase:
        flags.append(f.phrase)
    if f.prefix and f.prefix[0] != f.phrase:
        flags.append(f.prefix[0])
    if not k:
        flags.append("empty")
    elif k[0] == "0":
        flags.append("zero")
    if n <= 20 and ("0" in k or not k.isascii() and any(map(str.isdigit, k))) and _date_start(k, lex):
        flags.append("date")
    if f.text.startswith("©"):
        flags.append("copyright")
    first = k.partition(" ")[0]
    if 2 <= n <= 14 and first in lex.word_heads("byline"):
        flags.append("head:byline")
    if n <= 16 and first in lex.word_heads("credit"):
        flags.append("head:credit")
    tail = f.text[-CREDIT_TAIL_CHARS:]
    if (":" in tail or "/" in tail and f.text.endswith(")")) and _credit_tail(f.text, lex):
        flags.append("tail:credit")
    if n <= DATED_ENTRY_MAX_WORDS and _dated_tail(f.text, lex):
        flags.append("tail:date")
    if n <= 40 and first in lex.word_heads("tags") and COLON.search(f.text):
        flags.append("head:tags")
    if n <= 12 and k and lex.may_glue(k.replace(" ", "")):
        flags.append("glue")
    if 2 <= n <= SHARE_ROW_MAX_WORDS and first in lex.share_words:
        flags.append("head:share")
    if n <= SCRIPT_NOTICE_MAX_WORDS and "javascript" in k:
        flags.append("script")
    if n > CONTACT_LINE_WORDS and lex.contact is not None and lex.contact.search(k):
        flags.append("contact")
    return tuple(flags)


def _date_start(line_key: str, lex: Lexicon) -> bool:
    """Is the key's first token (``_TOKENS``) a number, a date word or the first word of a date
    phrase ("last" of "last updated"), as a date must start?"""
    first = _TOKENS.match(line_key)
    return first is not None and (first.group().isdigit() or first.group() in lex.word_heads("dates"))


def flagged(texts: list[str], line_keys: list[str], counts: list[int], lex: Lexicon) -> list[int]:
    """Indexes of the lines that may have a flag of :func:`shape_flags` (at least those that do).

    A handful of C-level passes over the whole document (``map`` over its keys),
    so that most lines never cost a :class:`Facts`: each pass is a loose form of
    one flag (``digit``: a ``0`` or a non-ASCII character in the key of a short line).

    >>> from cleaner.lexicon import load
    >>> from cleaner.text import keys, word_counts
    >>> texts = ["Share", "Councillors met on Monday.", "© 2024 Example", "Tags: a, b"]
    >>> flagged(texts, keys(texts), word_counts(texts), load("en"))
    [0, 2, 3]
    """
    firsts = list(map(itemgetter(0), map(str.partition, line_keys, repeat(" "))))
    short = list(map(ge, repeat(20), counts))  # n_words <= 20
    dates = lex.word_heads("dates")
    heads = lex.prefix_heads.union(*(lex.word_heads(c) for c in ("byline", "credit", "tags")), lex.share_words)
    tails = list(map(itemgetter(slice(-CREDIT_TAIL_CHARS, None)), texts))
    hits = list(map(any, zip(
        map(lex.phrases.__contains__, line_keys),  # a phrase category
        map(heads.__contains__, firsts),  # a prefix phrase category, head:*
        map(not_, line_keys),  # empty
        map(methodcaller("startswith", "0"), line_keys),  # zero
        map(and_, map(and_, short, map(or_, map(contains, line_keys, repeat("0")),
                                       map(not_, map(str.isascii, line_keys)))),
            map(or_, map(dates.__contains__, firsts), map(not_, map(str.isalpha, firsts)))),  # date
        map(and_, short, map(or_, map(or_, map(methodcaller("endswith", " 0"), line_keys),
                                          map(contains, line_keys, repeat(" 0 0"))),
                             map(and_, map(contains, line_keys, repeat(" 0 ")), map(contains, texts, repeat("("))))),
            # a phrase with a count after it (counted_phrase; one before it starts with "0") or a grouped
            # number inside it (grouped_key)
        map(methodcaller("startswith", "©"), texts),  # copyright
        map(contains, tails, repeat(":")),  # tail:credit, tail:date
        map(and_, map(methodcaller("endswith", ")"), texts), map(contains, tails, repeat("/"))),  # tail:credit, "(AP Photo/X)"
        map(contains, line_keys, repeat("javascript")),  # script
    )))
    for i in compress(range(len(texts)), map(ge, repeat(12), counts)):  # glue: short lines only
        if not hits[i] and line_keys[i] and lex.may_glue(line_keys[i].replace(" ", "")):
            hits[i] = True
    if lex.contact is not None:  # contact: long lines only
        for i in compress(range(len(texts)), map(lt, repeat(CONTACT_LINE_WORDS), counts)):
            if not hits[i] and lex.contact.search(line_keys[i]):
                hits[i] = True
    return list(compress(range(len(texts)), hits))


def gate(*flags: str):
    """Name the flags (:func:`shape_flags`, phrase categories) a rule needs one of to fire."""
    def mark(rule):
        rule.gate = frozenset(flags)
        return rule
    return mark


def facts(text: str, lang: str = "en") -> Facts:
    """Facts of one line (a convenience for doctests and exploring)."""
    from .lexicon import load

    return Facts(text, load(lang))


# --- shapes -----------------------------------------------------------------

@gate("empty")
def symbols_only(f: Facts, lex: Lexicon) -> str | None:
    """A line with no letter or digit: separators, bullets, arrows.

    >>> symbols_only(facts("• • •"), None), symbols_only(facts("A."), None)
    ('no letter or digit', None)
    """
    return None if f.key else "no letter or digit"


_COUNTER = re.compile(r"^0( 0)*$")
#: A year alone (a table's cell, a timeline's entry): a value, not a counter.
_YEAR = re.compile(r"(?:1[5-9]|20)\d\d\.?")
#: What a table cell or a data row has and a counter has not: a percentage, an amount,
#: a decimal fraction, a negative number, a column rule.
_DATA_VALUE = re.compile(f"[%‰{CURRENCY_SIGNS}]" r"|\d\.\d|(?:^|[\s(])[-−–]\s?\d|[|│┃]")


@gate("zero", "counters")
def counter(f: Facts, lex: Lexicon) -> str | None:
    """Numbers alone ("(618)", "1 / 23") or a counter phrase ("Image 1 of 23", "5 min read").

    Numbers that are values (a percentage, an amount, a decimal fraction, a
    negative number, a table row, a year: a table's cell written on a line of its
    own, a timeline's entry) are data, not counters: they stay.

    >>> counter(facts("1 / 23"), None)
    'numbers only'
    >>> counter(facts("Image 3 of 12"), None)
    "phrase 'image 0 of 0' (counters)"
    >>> counter(facts("In 2019, 40 people came."), None) is None
    True
    >>> [counter(facts(t), None) for t in ("40%", "$8,639", "4.3333", "-0.757", "2 │ 7.41", "1947")]
    [None, None, None, None, None, None]
    """
    if _COUNTER.match(f.key):
        return None if _DATA_VALUE.search(f.text) or _YEAR.fullmatch(f.text) else "numbers only"
    return f.category("counters")


_TOKENS = re.compile(r"\d+|[^\W\d_]+")


@gate("date")
def timestamp(f: Facts, lex: Lexicon) -> str | None:
    """A line that is only a date and/or time, perhaps with "Updated" or a time zone.

    Month, weekday and date words come from ``lexicons/<lang>/words/dates.txt``.
    A dateline that ends with its author ("Posted on 2 May 2023 by Ruth Akinyemi")
    counts too.

    >>> from cleaner.lexicon import load
    >>> timestamp(facts("11:21 GMT14 August 2020"), load("en"))
    'date/time: 11:21 GMT14 August 2020'
    >>> timestamp(facts("Aktualisiert am 3. März 2021, 14:05 Uhr"), load("de"))
    'date/time: Aktualisiert am 3. März 2021, 14:05 Uhr'
    >>> timestamp(facts("Posted on 2 May 2023 by Ruth Akinyemi"), load("en"))
    'date/time and author: Posted on 2 May 2023 by Ruth Akinyemi'
    >>> timestamp(facts("updated 17h ago"), load("en"))
    'date/time: updated 17h ago'
    >>> timestamp(facts("Last updated on June 19, 2025"), load("en"))  # "last" only in "last updated"
    'date/time: Last updated on June 19, 2025'
    >>> timestamp(facts("Last 30 days"), load("en")) is None
    True
    >>> timestamp(facts("August 2020 was the hottest month on record."), load("en")) is None
    True
    >>> timestamp(facts("| 12–14 Months | | ▢ |"), load("en")) is None
    True
    >>> timestamp(facts("$7 / month"), load("en")) is None  # a price by the month
    True
    """
    if f.n_words > 20 or table_row(f.text):  # a table's row of periods ("| 12–14 Months | ▢ |") is data
        return None
    if _PRICE.search(f.text):  # "$7 / month", "€70 per year": a price, whatever its period
        return None
    if _is_datetime(f.key, lex, f.text):
        return f"date/time: {f.text}"
    head, tail = _split_author(f.text, lex)
    if tail and _is_datetime(key(head), lex, head) and _is_name(tail):
        return f"date/time and author: {f.text}"
    return None


def _is_datetime(line_key: str, lex: Lexicon, text: str) -> bool:
    """Is the line (``text``, its ``key``) a date and/or time and nothing else?

    >>> from cleaner.lexicon import load
    >>> [_is_datetime(key(t), load("en"), t) for t in ("14.08.2020 11:21", "2020-08-14", "2 │ -0.757 │ 12")]
    [True, True, False]
    >>> _is_datetime(key("3. 3. 2021. 14:05"), load("hr"), "3. 3. 2021. 14:05")
    True
    >>> [_is_datetime(key(t), load("en"), t) for t in ("2019-11-19T08:57:40+01:00", "2024-05-02T10:00Z")]
    [True, True]
    """
    if _ISO_DATETIME.fullmatch(text.strip()):
        return True  # "T" and "Z" are no date words, and the tokens below would ask for them
    tokens = _TOKENS.findall(line_key)
    if len(tokens) < 2 or len(tokens) > 16 or not any(t.isdigit() for t in tokens):
        return False
    vocab = lex.words("dates")
    named = [t for t in tokens if not t.isdigit()]
    if any(t not in vocab for t in named):
        # The words of a date phrase ("last updated", "zuletzt aktualisiert") count only together.
        rest = f" {line_key} "
        for phrase in _phrases(vocab):
            rest = rest.replace(f" {phrase} ", " ")
        named = [t for t in _TOKENS.findall(rest) if not t.isdigit()]
        if any(t not in vocab for t in named):
            return False
    # Numbers alone are a date only in date and time shapes (2020-08-14, 14.08.2020, 11:21),
    # not a row of figures.
    return bool(named) or not _DIGIT.search(_NUMERIC_DATETIME.sub(" ", text))


@lru_cache(maxsize=64)
def _phrases(vocab: frozenset[str]) -> tuple[str, ...]:
    """The entries of a word list that hold more than one word, longest first.

    >>> _phrases(frozenset({"may", "last updated", "il y a"}))
    ('last updated', 'il y a')
    """
    return tuple(sorted((w for w in vocab if " " in w), key=lambda w: (-len(w), w)))


#: An ISO 8601 date and time, as structured data, feeds and page metadata print it.
_ISO_DATETIME = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?(?:Z|[+-]\d{2}(?::?\d{2})?)?")
#: A numeric date (day, month and year with one separator; or, as Croatian, Czech, Slovak and
#: Slovenian print it, "3. 3. 2021": day and month with a stop and a space) or a time of day.
_NUMERIC_DATETIME = re.compile(r"\d{1,4}([-./])\d{1,2}\1\d{1,4}|\d{1,2}\. \d{1,2}\. \d{4}|\d{1,2}:\d{2}(?::\d{2})?")
_DIGIT = re.compile(r"\d")


@gate("tail:date")
def dated_entry(f: Facts, lex: Lexicon) -> str | None:
    """A name or a headline with a date and a time of day after it: the header of a post or
    a comment, or an entry in a list of other stories.

    Comment threads and forums head each post with its author and when it was
    written ("Barry Kooij · March 10, 2017 at 6:30 AM", "answered Jul 18, 2024 at
    13:22"); news sites list other stories with their source and time ("日経平均は
    5日ぶり反発 ロイター 3/9(木) 15:47"). Running text puts a time inside a sentence
    and ends with a stop; a line longer than :data:`DATED_ENTRY_MAX_WORDS` words is
    left alone as well.

    >>> from cleaner.lexicon import load
    >>> dated_entry(facts("Barry Kooij · March 10, 2017 at 6:30 AM"), load("en"))
    'ends in a date and a time: the header of a post, or an entry of a feed'
    >>> dated_entry(facts("The polls close on 5 November 2024 at 20:00."), load("en")) is None
    True
    """
    if "tail:date" not in f.flags:  # :func:`shape_flags` has judged the line's end already
        return None
    return "ends in a date and a time: the header of a post, or an entry of a feed"


#: Longest line (in words) :func:`dated_entry` takes for a header: a headline with its source fits.
DATED_ENTRY_MAX_WORDS = 40
#: A date at the end of a line, then a time of day: a numeric date (3/9, 2016/09/29, 18.11.2019,
#: 3月9日) or one with a month's name (``month``: "March 10, 2017", "18 Nov 2019"), perhaps its weekday
#: in brackets ("3/9(木)"); perhaps one short word ("at", "um", "於"); the time, perhaps "PM" and a
#: zone. Every repeat is bounded, so that a search stays linear in the line.
_DATED_TAIL = re.compile(
    r"(?<![\w/.:-])"
    r"(?:\d{1,4}[/.-]\d{1,2}(?:[/.-]\d{1,4})?\.?|(?:\d{2,4}年)?\d{1,2}月\d{1,2}日"
    r"|(?:\d{1,2}\.?\s{1,3})?(?P<month>[^\W\d_]{3,12})\.?(?:\s{1,3}\d{1,2}(?:st|nd|rd|th)?)?,?\s{1,3}\d{4})"
    r"(?:\s{0,3}[(（][^\W\d_]{1,3}[)）])?,?\s{1,3}(?:[^\W\d_]{1,3}\s{1,3})?"
    r"\d{1,2}:\d{2}(?::\d{2})?(?:\s{0,3}[AaPp]\.?\s?[Mm]\.?)?(?:\s{1,3}[A-Z]{2,5})?\s{0,3}\Z")


def _dated_tail(text: str, lex: Lexicon) -> bool:
    """Does the line end in a date and a time of day, after a name or a headline?
    A month's name must be a date word of the language (``words/dates.txt``), and
    what stands before the date must hold a word that is none ("30th March 2025,
    16:26" is a date alone: :func:`timestamp`'s).

    >>> from cleaner.lexicon import load
    >>> [_dated_tail(t, load("en")) for t in ("Reuters November 18, 2019 11:03 PM", "* #2 茜媽咪 於 2013/12/28 10:42",
    ...                                       "ソフトバンク 現代ビジネス 3/9(木) 18:01", "Jess Jones · 15 Nov. 2022, 19:09")]
    [True, True, True, True]
    >>> [_dated_tail(t, load("en")) for t in ("Doors open at 18:00", "March 10, 2017 at 6:30 AM",
    ...                                       "Score 2016 12:30", "Chapter Three 2016 12:30", "The vote was 3/9 18:01.",
    ...                                       "30th March 2025, 16:26")]
    [False, False, False, False, False, False]
    """
    if ":" not in text[-12:]:  # most lines: no time at the end
        return False
    m = _DATED_TAIL.search(text)
    if m is None:
        return False
    dates = lex.words("dates")
    return (m["month"] is None or m["month"].casefold() in dates) and any(
        not token.isdigit() and token not in dates for token in _TOKENS.findall(key(text[:m.start()])))


def _split_author(text: str, lex: Lexicon) -> tuple[str, str]:
    """``(before, after)`` the first single byline word ("by", "von") inside the line."""
    lowered = text.casefold()
    best = (len(text), "")
    for word in lex.words("byline"):
        if " " not in word:
            at = lowered.find(f" {word} ")
            if 0 < at < best[0]:
                best = (at, word)
    at, word = best
    if not word:
        return text, ""
    return text[:at], text[at + len(word) + 2:].strip()


def _is_name(text: str) -> bool:
    """A short run of capitalised words: a person or an agency."""
    n = word_count(text)
    return 1 <= n <= 8 and text[:1].isupper() and capitalised_ratio(text, short_names=True) >= 0.6 and (
        not ends_sentence(text) or text.endswith("."))


@gate("head:byline")
def byline(f: Facts, lex: Lexicon) -> str | None:
    """An author line: "By Jane Doe", "Von Max Muster und Erika Muster | dpa".

    It starts with a byline word (``words/byline.txt``), then mostly capitalised names; a
    byline phrase of two words or more alone on its line is one too, its name on the next line
    (a lone "By" or "Author" may be a list's field or a proof's word, and a label with a colon
    a record's field, "Reported by:" over each entry of a list of reports).

    >>> from cleaner.lexicon import load
    >>> byline(facts("By Jane Doe, Staff Writer"), load("en"))
    "byline 'by'"
    >>> byline(facts("By the end of the year, prices had doubled."), load("en")) is None
    True
    >>> byline(facts("Written by Ann Lee"), load("en"))  # a name of short words
    "byline 'written by'"
    >>> byline(facts("Fact checked by"), load("en")), byline(facts("By"), load("en")), byline(facts("Reported by:"), load("en"))
    ("byline label 'fact checked by'", None, None)

    In a script without capitals a name cannot be told by its shape; after the word and a
    colon, a line of one to four words is one:

    >>> byline(facts("लेखक: राहुल शर्मा"), load("hi")), byline(facts("نویسنده: علی رضایی"), load("fa"))
    ("byline 'लेखक'", "byline 'نویسنده'")
    >>> byline(facts("著者：山田太郎"), load("ja")), byline(facts("记者：李明"), load("zh"))
    ("byline '著者'", "byline '记者'")
    """
    if f.n_words > 14 or f.n_words < 2:
        return None
    parts = f.key.split(" ")
    vocab = lex.words("byline")
    lead = next((n for n in (3, 2, 1) if " ".join(parts[:n]) in vocab), 0)
    if not lead:
        return None
    colon = COLON.search(f.text)
    if len(parts) <= lead:  # the label alone, its name on the next line: "Written by", "Fact checked by"
        return f"byline label '{f.key}'" if lead >= 2 and not colon else None
    if colon and key(f.text[:colon.start()]) in vocab and _uncased_name(f.text[colon.end():].strip()):
        return f"byline '{f.text[:colon.start()].strip()}'"  # its words as written: the key drops marks
    pieces = f.text.split(None, lead)
    rest = pieces[-1] if len(pieces) > lead else ""
    if (not rest[:1].isupper() or capitalised_ratio(rest, short_names=True) < 0.6
            or ends_sentence(rest) and rest[-1] != "."):
        return None
    return f"byline '{' '.join(parts[:lead])}'"


def _uncased_name(text: str) -> bool:
    """After a byline word and a colon, a name in a script without capitals (Devanagari, Arabic,
    Hebrew...): one to four words starting with a letter without case, no sentence.

    >>> _uncased_name("राहुल शर्मा"), _uncased_name("Jane Doe"), _uncased_name("वह आज सुबह घर से निकला और बाजार गया।")
    (True, False, False)
    """
    first = text[:1]
    return (first.isalpha() and not first.isupper() and not first.islower() and 1 <= word_count(text) <= 4
            and not ends_sentence(text))


@gate("head:credit")
def photo_credit(f: Facts, lex: Lexicon) -> str | None:
    """A picture credit: "Photo: Jane Doe/AP", "Image credit: Reuters", "Foto: dpa".

    >>> from cleaner.lexicon import load
    >>> photo_credit(facts("Photo: Damian Dovarganes, AP"), load("en"))
    "credit 'photo'"
    >>> photo_credit(facts("Photo sharing became popular in the 2000s."), load("en")) is None
    True
    >>> photo_credit(facts("Image copyright Getty Images"), load("en"))
    "credit 'image'"
    >>> photo_credit(facts("Photo copyright is held by the agency."), load("en")) is None
    True

    A credit label of two words or more may end with a comma instead, as a screen reader's
    prefix does ("Image source, Getty Images"); a one-word label so is a sentence's start:

    >>> photo_credit(facts("Image source, Getty Images"), load("en"))
    "credit 'image source'"
    >>> photo_credit(facts("Photo, video and text are sold as one package."), load("en")) is None
    True

    The colons and commas of other scripts count as theirs ("图片：新华社", "منبع تصویر، Getty Images");
    a label written without spaces (Chinese, Japanese) may end with a comma where it is three
    characters or more ("图像来源，Getty Images"):

    >>> photo_credit(facts("图片：新华社"), load("zh")), photo_credit(facts("منبع تصویر، Getty Images"), load("fa"))
    ("credit '图片'", "credit 'منبع تصویر'")
    >>> photo_credit(facts("图像来源，Getty Images"), load("zh"))
    "credit '图像来源'"
    """
    if f.n_words > 16:
        return None
    vocab = lex.words("credit")
    colon = COLON.search(f.text)
    label = key(f.text[:colon.start()]) if colon else ""
    if label and label in vocab:
        return f"credit '{label}'"
    comma = _CREDIT_COMMA.search(f.text)
    label = key(f.text[:comma.start()]) if comma else ""
    if (" " in label or len(label) >= 3 and not label.isascii()) and label in vocab and not ends_sentence(f.text):
        return f"credit '{label}'"
    first = f.text.lstrip("(").split(" ", 2)
    if len(first) >= 2 and key(first[0]) in vocab and (
            first[1].lower() in ("by", "credit", "courtesy")
            or first[1].lower() in ("copyright", "©") and not ends_sentence(f.text)):
        return f"credit '{key(first[0])}'"
    return None


#: Where a credit's label of two words may end instead: a comma (also the Arabic and the full-width
#: one), as a screen reader's prefix has it.
_CREDIT_COMMA = re.compile("[,،] |，")


@gate("tail:credit")
def caption_credit(f: Facts, lex: Lexicon) -> str | None:
    """A picture caption that ends with its credit: "... on the old site. Credit: Jane Doe",
    "Protesters gather in the square (Image: Getty)", or a wire agency's "(AP Photo/Jane Doe)".

    The credit word (``words/credit.txt``) and a colon (or, inside brackets that close
    the line, a slash) stand within the last :data:`CREDIT_TAIL_CHARS` characters,
    followed by a short capitalised name and nothing else; body sentences do not end
    that way.

    >>> from cleaner.lexicon import load
    >>> caption_credit(facts("Fueling your body is important on the trail. Credit: Jessica Haist"), load("en"))
    "caption ending in a credit ('credit')"
    >>> caption_credit(facts("The plague wiped out half of Europe (Image: GETTY)"), load("en"))
    "caption ending in a credit ('image')"
    >>> caption_credit(facts("A row of unsold cars at a port in England. (AP Photo/Frank Augstein)"), load("en"))
    "caption ending in a credit ('photo')"
    >>> caption_credit(facts("The report had one conclusion: Smith was right."), load("en")) is None
    True
    >>> caption_credit(facts("She sent the photo/Video to the editors"), load("en")) is None  # no bracket: no wire credit
    True
    """
    word = _credit_tail(f.text, lex)
    return f"caption ending in a credit ('{word}')" if word else None


#: How far from the end of a line a caption's credit may start (characters).
CREDIT_TAIL_CHARS = 80
_CREDIT_TAIL = re.compile(r"(?:^|[\s(\[])([^\W\d_]+(?: [^\W\d_]+)?)\s*(?::|/(?=[^()\[\]/]{1,60}\)\s*$))"
                          r"\s*([^:()\[\]]{1,60}?)\s*[)\]]?\s*$")


def _credit_tail(text: str, lex: Lexicon) -> str | None:
    """The credit word a caption ends with ("Credit: Jane Doe", "(Image: Getty)"), if any."""
    if opens_quote(text):
        return None  # a quotation with its source is body
    m = _CREDIT_TAIL.search(text[-CREDIT_TAIL_CHARS:])
    if m is None or m.start() == 0 and len(text) <= CREDIT_TAIL_CHARS:
        return None  # a whole line "Photo: X" is photo_credit's
    word, name = key(m.group(1)), m.group(2)
    if word not in lex.words("credit"):
        word = word.rpartition(" ")[2]
        if word not in lex.words("credit"):
            return None
    if not name[:1].isupper() or word_count(name) > 8 or ends_sentence(name) and not name.endswith("."):
        return None
    return word


@gate("head:tags")
def tag_line(f: Facts, lex: Lexicon) -> str | None:
    """A labelled list of tags or topics: "Tags: Syria, Russia", "Themen: Politik".

    >>> from cleaner.lexicon import load
    >>> tag_line(facts("Tags: Syria, Russia, United States"), load("en"))
    "tags 'tags'"
    >>> tag_line(facts("标签：港口，航运，基建"), load("zh"))
    "tags '标签'"
    """
    colon = COLON.search(f.text)
    if not colon or not f.text[colon.end():].strip() or f.n_words > 40:
        return None
    label = key(f.text[:colon.start()])
    return f"tags '{label}'" if label in lex.words("tags") else None


# --- phrases (lexicon categories) --------------------------------------------

@gate("share")
def share_buttons(f: Facts, lex: Lexicon) -> str | None:
    """Sharing controls: "Share", "Tweet", "Get short URL" (``share.txt``).

    >>> share_buttons(facts("Get short URL"), None)
    "phrase 'get short url' (share)"
    >>> share_buttons(facts("She did not share his view."), None) is None
    True
    """
    return f.category("share")


@gate("media")
def media_controls(f: Facts, lex: Lexicon) -> str | None:
    """Player and gallery controls: "Listen Live", "Play video", "Close" (``media.txt``).

    >>> media_controls(facts("Listen Live"), None)
    "phrase 'listen live' (media)"
    """
    return f.category("media")


#: The marks themselves, as text browsers write them (the phrases match on the key, which drops brackets and case).
BROWSER_MARKS = ("(BUTTON)", "INS]", "IFRAME:", "IFrame", "Link:")


@gate("browser")
def browser_marks(f: Facts, lex: Lexicon) -> str | None:
    """A text browser's mark for an element it cannot show, alone on its line: lynx's
    "(BUTTON)", an empty "[INS: :INS]", "IFRAME:"; links's "IFrame", "Link:" (a link
    of the page's head, its relation taken off) (``common/browser.txt``).

    The mark must be there as the browser writes it: a list item "Button" (a sewing
    notion, a part's name) is no mark.

    >>> browser_marks(facts("* (BUTTON) (BUTTON)"), None), browser_marks(facts("* Button"), None)
    ("phrase 'button button' (browser)", None)
    """
    if any(map(f.text.__contains__, BROWSER_MARKS)):
        return f.category("browser")
    return None


@gate("navigation")
def navigation(f: Facts, lex: Lexicon) -> str | None:
    """Site navigation: "Home", "Skip to content", "Back to top" (``navigation.txt``).

    >>> navigation(facts("Skip to main content"), None)
    "phrase 'skip to main content' (navigation)"
    """
    return f.category("navigation")


@gate("advertisement")
def advertisement(f: Facts, lex: Lexicon) -> str | None:
    """Ad labels: "Advertisement", "Sponsored content", "Anzeige" (``advertisement.txt``).

    >>> advertisement(facts("ADVERTISEMENT"), None)
    "phrase 'advertisement' (advertisement)"
    """
    return f.category("advertisement")


@gate("newsletter")
def newsletter_prompt(f: Facts, lex: Lexicon) -> str | None:
    """Newsletter, subscription and paywall prompts (``newsletter.txt``).

    >>> newsletter_prompt(facts("Sign up for our newsletter to get the best stories."), None)
    "starts with 'sign up for our newsletter' (newsletter)"
    """
    return f.category("newsletter")


@gate("cookie")
def cookie_notice(f: Facts, lex: Lexicon) -> str | None:
    """Cookie and consent banners (``cookie.txt``).

    >>> cookie_notice(facts("We use cookies to improve your experience."), None)
    "starts with 'we use cookies' (cookie)"
    """
    return f.category("cookie")


@gate("script")
def script_notice(f: Facts, lex: Lexicon) -> str | None:
    """A notice that the page wants its scripts run: "Please enable JavaScript to view the
    comments.", "JavaScript is disabled. For a better experience, please enable JavaScript in
    your browser.", "This slideshow requires JavaScript." A line of at most
    :data:`SCRIPT_NOTICE_MAX_WORDS` words with a word of ``words/script.txt`` ("enable",
    "disabled", "requires"; "aktivieren", "activer", "включите") at most
    :data:`SCRIPT_NOTICE_SPAN` words before or after "JavaScript". A sentence about the language
    in an article runs longer, or says something else of it.

    >>> from cleaner.lexicon import load
    >>> script_notice(facts("Please enable JavaScript to view the comments powered by Disqus."), load("en"))
    "notice about scripts: 'enable javascript'"
    >>> script_notice(facts("Bitte aktivieren Sie JavaScript, um die Kommentare zu sehen.", "de"), load("de"))
    "notice about scripts: 'aktivieren javascript'"
    >>> script_notice(facts("JavaScript is a language for programming web pages."), load("en")) is None
    True
    >>> script_notice(facts("Stránka vyžaduje zapnutí JavaScriptu."), load("cs"))  # with a case ending
    "notice about scripts: 'vyžaduje javascript'"
    """
    if f.n_words > SCRIPT_NOTICE_MAX_WORDS:
        return None
    words = f.key.split()
    needs = lex.words("script")
    for i, word in enumerate(words):
        # the name, or it with a case ending: "JavaScriptu" (Czech), "JavaScriptin" (Finnish), "JavaScripti" (Estonian)
        if word.startswith("javascript") and len(word) <= len("javascript") + 3:
            near = words[max(0, i - SCRIPT_NOTICE_SPAN):i] + words[i + 1:i + 1 + SCRIPT_NOTICE_SPAN]
            verb = next((w for w in near if w in needs), None)
            if verb is not None:
                return f"notice about scripts: '{verb} javascript'"
    return None


@gate("contact")
def contact_details(f: Facts, lex: Lexicon) -> str | None:
    """A paragraph of contact details: two phone or fax numbers or more, each under its
    label (``words/contact.txt``: "Telephone", "Fax", "Telefon", "電話"), on a line of more
    than :data:`CONTACT_LINE_WORDS` words: a footer's customer-service block run into one
    paragraph ("... can be contacted with any questions: Telephone: ... Fax: ... E-mail: ...
    The center is staffed on ..."). A number has at least :data:`PHONE_DIGITS` digits.

    A short line of contact details stays: in a review or a travel post it is the
    article's own (the inn's phone in its info box, under the text); and so does a
    sentence that gives a number in passing.

    >>> from cleaner.lexicon import load
    >>> block = ("The service center can be contacted with any questions or requests: Telephone: 03-7619056 "
    ...          "Fax: 03-5613699 E-mail: subs@example.com The center is staffed on Sundays through Thursdays.")
    >>> contact_details(facts(block), load("en"))
    "contact details: 2 labelled numbers ('telephone')"
    >>> contact_details(facts("Phone: 212-260-1332 Fax: 212-260-1333"), load("en")) is None  # short: an info box
    True
    >>> contact_details(facts("Der Kundenservice ist werktags von 8 bis 18 Uhr erreichbar, Telefon: 030 1234567, "
    ...                       "Fax: 030 1234568, und beantwortet gern alle Ihre Fragen zum Abonnement und zur Zustellung.", "de"), load("de"))
    "contact details: 2 labelled numbers ('telefon')"
    >>> contact_details(facts("The new Phone 11 Pro costs 999 dollars and the older Phone 8 now costs 449 dollars, "
    ...                       "which the company hopes will bring in buyers who waited."), load("en")) is None
    True
    """
    if f.n_words <= CONTACT_LINE_WORDS or lex is None or lex.contact is None:
        return None
    numbers = sum(sum(map(str.isdigit, m.group())) >= PHONE_DIGITS for m in _PHONE.finditer(f.text))
    if numbers < 2:
        return None
    labels = [m.group(1) for m in lex.contact.finditer(f.key)]
    if len(labels) >= 2:
        return f"contact details: {len(labels)} labelled numbers ('{labels[0]}')"
    return None


#: A line of contact details longer than this (words) is a paragraph of them, not an info box.
CONTACT_LINE_WORDS = 24
#: Digits a phone number has at least (a year, a house number, a model number have fewer).
PHONE_DIGITS = 6
#: A phone number as written: digits with spaces, dots, dashes, slashes and brackets between them.
_PHONE = re.compile(r"\+?\(?\d[\d \t().\-/]{4,}\d")


#: A notice about scripts is short; a sentence about JavaScript in an article runs longer.
SCRIPT_NOTICE_MAX_WORDS = 30
#: How far (words) from "JavaScript" the notice's verb stands: "it is necessary to enable JavaScript".
SCRIPT_NOTICE_SPAN = 3


@gate("comments")
def comment_controls(f: Facts, lex: Lexicon) -> str | None:
    """Comment-section furniture: "Comments", "Leave a reply", "Community standards" (``comments.txt``).

    >>> comment_controls(facts("Leave a comment"), None)
    "phrase 'leave a comment' (comments)"
    """
    return f.category("comments")


@gate("posts")
def post_controls(f: Facts, lex: Lexicon) -> str | None:
    """A forum post's buttons: "Quote", "Add to quote", "Improve this answer" (``posts.txt``).

    They stand under every post of a thread, so unlike comment furniture they close
    nothing: the posts below are the page's text, not another page's business.

    >>> post_controls(facts("Add to quote"), None)
    "phrase 'add to quote' (posts)"
    >>> post_controls(facts("Quote of the day: nothing lasts."), None) is None
    True
    """
    return f.category("posts")


@gate("related")
def related_heading(f: Facts, lex: Lexicon) -> str | None:
    """Headings over related links: "Related", "More from this section" (``related.txt``).

    A line that only starts with a heading's words ("More in *") and reads as prose is
    a sentence that opens so, not a heading, unless what follows the words is set off
    (":", "»", "|": "Next in this series: Who Owns the River?").

    >>> related_heading(facts("You may also like"), None)
    "phrase 'you may also like' (related)"
    >>> related_heading(facts("More in U.S."), None)
    "starts with 'more in' (related)"
    >>> related_heading(facts("More in keeping with the old rules, the vote was held in secret."), None) is None
    True
    """
    evidence = f.category("related")
    if evidence and _opens_a_sentence(f, "related", is_prose(f.text, f.n_words)):
        return None
    return evidence


@gate("read_more")
def read_more(f: Facts, lex: Lexicon) -> str | None:
    """Links onward: "Read more", "Continue reading", "Read more: <headline>" (``read_more.txt``).

    A prefix match must be a link, not a sentence: the headline after "Read more"
    is set off (":", "»", "|", ...) or the line does not end like a sentence.

    >>> read_more(facts("Continue reading"), None)
    "phrase 'continue reading' (read_more)"
    >>> read_more(facts("READ MORE: Council approves new budget"), None)
    "starts with 'read more' (read_more)"
    >>> read_more(facts("Read more widely and you will find that the claim is old."), None) is None
    True
    """
    evidence = f.category("read_more")
    if evidence and _opens_a_sentence(f, "read_more", ends_sentence(f.text)):
        return None
    return evidence


def _opens_a_sentence(f: Facts, category: str, sentence: bool) -> bool:
    """Is the line, which starts with a prefix phrase of ``category``, a sentence that merely
    opens with its words (``sentence``: the line reads as one), not a link or a heading?
    Not where a whole-line phrase matched, nor where the rest is set off as a title
    (:data:`_SET_OFF` in its first :data:`SET_OFF_CHARS` characters: "Read more: <headline>")."""
    return sentence and f.phrase != category and not _SET_OFF.search(f.text[:SET_OFF_CHARS])


_SET_OFF = re.compile(r"[:»›→|]")
#: How far into a line the mark setting a title off may stand.
SET_OFF_CHARS = 60


#: A line opening with "©" is a copyright notice up to this many words (a publisher's notice
#: names its company, registration and address: "©News Group Newspapers Limited in England No. ...").
#: Not any length: a picture's credit may run into the first paragraph ("© Provided by Example Inc
#: Nintendo and Apple shocked the world ..."), and that line is body; a longer line is a notice
#: where it says what only a notice says ("All rights reserved", ``words/rights.txt``).
COPYRIGHT_MAX_WORDS = 40


@gate("copyright", "legal")
def legal_footer(f: Facts, lex: Lexicon) -> str | None:
    """Copyright and legal footer lines: "© 2024 Example Media", "Privacy Policy" (``legal.txt``).

    >>> legal_footer(facts("© 2024 Example Media. All rights reserved."), None)
    "starts with '©' (legal)"
    >>> legal_footer(facts("©Example Newspapers Limited in England No. 679215 Registered office: "
    ...                    "1 Bridge Street, London, SE1 9GF. All rights reserved."), None)
    "starts with '©' (legal)"
    >>> from cleaner.lexicon import load
    >>> notice = ("© 2024 Example Media. All rights reserved. Use of and registration on any part of this "
    ...           "site is subject to our terms. " + "The material may not be copied without our written permission. " * 4)
    >>> legal_footer(facts(notice), load("en"))
    "starts with '©', says 'all rights reserved' (legal)"
    >>> credit = ("© Provided by Example Inc The two companies shocked the world this year by announcing a game "
    ...           "for phones, the first of its kind, and the shares of both rose sharply on the news. " * 2)
    >>> legal_footer(facts(credit), load("en")) is None
    True
    """
    if f.text.startswith("©"):
        if f.n_words <= COPYRIGHT_MAX_WORDS:
            return "starts with '©' (legal)"
        said = [mark for mark in lex.words("rights") if mark in f.key] if lex is not None else []
        if said:  # the first it says, so that the evidence is the same in every run (a set has no order)
            return f"starts with '©', says '{min(said, key=lambda mark: (f.key.index(mark), -len(mark)))}' (legal)"
    return f.category("legal")


#: Longest share row, in words, that :func:`share_row` looks at.
SHARE_ROW_MAX_WORDS = 8


@gate("head:share")
def share_row(f: Facts, lex: Lexicon) -> str | None:
    """A row of share buttons with words the lexicon lacks: "WhatsApp Facebook Pint Download",
    "Facebook 12 Twitter Google+". It opens with a one-word share phrase (a network's name),
    holds at least two, half its words or more (:data:`SHARE_ROW_MAX_WORDS` at most); the other words capitalised or numbers (button labels, counts), and
    no sentence ending. "Instagram and Facebook" is a heading (a lower-case word), "Follow
    us on Facebook and Twitter." a sentence.

    >>> from cleaner.lexicon import load
    >>> share_row(facts("WhatsApp Facebook Pint Download"), load("en"))
    'share row: whatsapp, facebook (+ Pint, Download)'
    >>> [share_row(facts(t), load("en")) for t in ("Instagram and Facebook", "Facebook Twitter Email.",
    ...                                             "X Twitter Marketing")]
    [None, None, None]
    """
    parts = f.key.split(" ")
    if parts[0] not in lex.share_words or len(parts) > SHARE_ROW_MAX_WORDS:
        return None  # a row opens with a network's name
    brands = [w for w in parts if w in lex.share_words]
    if len(brands) < 2 or 2 * len(brands) < len(parts) or ends_sentence(f.text):
        return None
    others = [t for t in words(f.text) if t.casefold() not in lex.share_words]
    if not all(t[0].isupper() or t[0].isdigit() for t in others):
        return None
    return f"share row: {', '.join(brands)}" + (f" (+ {', '.join(others)})" if others else "")


@gate("glue")
def glued_phrases(f: Facts, lex: Lexicon) -> str | None:
    """A line made only of chrome phrases run together: "Community standardsDiscussion".

    Dumpers often lose the space between adjacent buttons. The line, spaces
    removed, must split entirely into whole-line phrases of the lexicon.

    >>> from cleaner.lexicon import load
    >>> glued_phrases(facts("Community standardsDiscussion"), load("en"))
    'glued: community standards + discussion'
    >>> glued_phrases(facts("Facebook Twitter Email"), load("en"))
    'glued: facebook + twitter + email'
    >>> glued_phrases(facts("Share your thoughts"), load("en")) is None
    True
    """
    if f.n_words > 12 or not f.key:
        return None
    squeezed = f.key.replace(" ", "")
    parts = _segment(squeezed, lex.glue, lex.glue_max, lex.glue_prefixes)
    if parts and len(parts) >= 2:
        return "glued: " + " + ".join(lex.glue[p] for p in parts)
    return None


def _segment(s: str, vocab: dict[str, str], longest: int,
             prefixes: frozenset[str] | None = None) -> list[str] | None:
    """Split ``s`` into pieces that are all in ``vocab`` (fewest pieces), or ``None``.

    ``prefixes``, every prefix of every piece of ``vocab``, only saves time: a
    piece is not extended once it starts no piece of ``vocab``.

    >>> _segment("communitystandardsdiscussion", {"communitystandards": "", "discussion": ""}, 20)
    ['communitystandards', 'discussion']
    """
    best: dict[int, list[str]] = {0: []}
    for start in range(len(s)):  # positions in order: each is final once reached
        prev = best.get(start)
        if prev is None:
            continue
        for end in range(start + 1, min(len(s), start + longest) + 1):
            piece = s[start:end]
            if prefixes is not None and piece not in prefixes:
                break  # no longer piece starting here is in vocab either
            if piece in vocab and (end not in best or len(prev) + 1 < len(best[end])):
                best[end] = prev + [piece]
    return best.get(len(s))
