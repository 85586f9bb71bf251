"""Chrome phrases as data: ``lexicons/<lang>/<category>.txt``, one phrase a line.

Two kinds of file. ``<category>.txt`` lists chrome phrases: a line that is one of
them is removed by the rule of that category (``share.txt`` feeds
``lines.share_buttons``). ``words/<category>.txt`` lists vocabulary that shape rules
use (month names for ``lines.timestamp``, "by" for ``lines.byline``); those words
remove nothing by themselves.

File format: ``#`` starts a comment; each other line is a phrase, matched on the
whole line after :func:`cleaner.text.key` (casefold, digits to ``0``, punctuation
and bullets dropped). A phrase ending in `` *`` matches a line that *starts* with
it and has at most :data:`PREFIX_MAX_WORDS` words ("We use cookies *"); a directive
line ``#! max-words: 80`` sets that limit for the prefix phrases below it in the file
(consent banners run long; a call to action that merely opens like "Get the latest *"
stays short).

``common/`` holds language-neutral phrases (brand names, symbols); English applies
to every page too, since English chrome turns up on sites in every language. A
language with no folder of its own may use a close one's (``data/borrowed_lexicons.tsv``:
Nynorsk uses Bokmål's).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .text import key

ROOT = Path(__file__).parent / "lexicons"
BORROWED = Path(__file__).parent / "data" / "borrowed_lexicons.tsv"
#: A prefix phrase only marks lines up to this long: a long line is text that merely starts so.
PREFIX_MAX_WORDS = 30
_ALWAYS = ("common", "en")


@dataclass(frozen=True)
class Lexicon:
    """The phrase tables of one language (plus ``common`` and ``en``), compiled once."""

    lang: str
    phrases: dict[str, str]          # whole-line key -> category
    prefixes: dict[str, str]         # prefix key -> category
    prefix_lengths: tuple[int, ...]  # word counts of the prefix keys, longest first
    glue: dict[str, str]             # phrase key without spaces -> phrase key, for glued lines
    glue_max: int
    vocab: dict[str, frozenset[str]]  # words/<category>.txt -> its keys
    prefix_heads: frozenset[str] = frozenset()  # first words of the prefix keys: most lines miss
    prefix_max: dict[str, int] | None = None  # prefix key -> its own word limit (a directive above it)
    prefix_max_words: int = PREFIX_MAX_WORDS  # the largest limit of any prefix: longer lines match none
    vocab_heads: dict[str, frozenset[str]] | None = None  # words/<category>.txt -> first words of its keys
    glue_heads: frozenset[str] = frozenset()  # first 4 letters of the glue keys (shorter keys whole)
    glue_tails: frozenset[str] = frozenset()  # last 4 letters of the glue keys (shorter keys whole)
    glue_prefixes: frozenset[str] = frozenset()  # every prefix of every glue key
    head_prefix_lengths: dict[str, tuple[int, ...]] | None = None  # first word -> word counts of its prefix keys, longest first
    share_words: frozenset[str] = frozenset()  # one-word share phrases ("facebook", "teilen"), two letters or more
    contact: re.Pattern | None = None  # a label of words/contact.txt and the number after it, in a key

    def phrase(self, line_key: str) -> str | None:
        """The category whose phrase is this whole line, if any."""
        return self.phrases.get(line_key)

    def prefix(self, line_key: str, n_words: int) -> tuple[str, str] | None:
        """``(category, phrase)`` of a prefix phrase the line starts with, if short enough."""
        head = line_key.partition(" ")[0]
        if head not in self.prefix_heads:  # every candidate starts with it
            return None
        if not self.prefixes or n_words > self.prefix_max_words:
            return None
        limits = self.prefix_max or {}
        # Only the lengths of the prefix keys that start with this word can match.
        lengths = self.head_prefix_lengths[head] if self.head_prefix_lengths else self.prefix_lengths
        parts = line_key.split(" ", lengths[0])
        for n in lengths:
            if n <= len(parts):
                candidate = " ".join(parts[:n])
                category = self.prefixes.get(candidate)
                if category and n_words <= limits.get(candidate, PREFIX_MAX_WORDS):
                    return category, candidate
        return None

    def words(self, category: str) -> frozenset[str]:
        return self.vocab.get(category, frozenset())

    def word_heads(self, category: str) -> frozenset[str]:
        """First words of the keys of ``words/<category>.txt``: a line one of them starts has one."""
        return (self.vocab_heads or {}).get(category, frozenset())

    def may_glue(self, squeezed: str) -> bool:
        """Could ``squeezed`` (a key without spaces) split into glue keys? False is a proof it cannot.

        It would start with a glue key and end with one: its first and last four
        letters, or a whole short key, are those of a glue key.

        >>> lex = load("en")
        >>> lex.may_glue("communitystandardsdiscussion"), lex.may_glue("ministersaid")
        (True, False)
        """
        heads, tails = self.glue_heads, self.glue_tails
        s = squeezed
        return ((s[:4] in heads or s[:3] in heads or s[:2] in heads or s[:1] in heads)
                and (s[-4:] in tails or s[-3:] in tails or s[-2:] in tails or s[-1:] in tails))


@lru_cache(maxsize=1)
def borrowed() -> dict[str, str]:
    """Languages without a lexicon folder, mapped to the language whose lexicon they use.

    >>> borrowed()["nn"]
    'nb'
    """
    pairs = (row.split("\t") for row in BORROWED.read_text(encoding="utf-8").splitlines()
             if row.strip() and not row.startswith("#"))
    return {lang.strip(): lender.strip() for lang, lender in pairs}


def languages() -> list[str]:
    """Languages that have a lexicon folder (``common`` excluded)."""
    return sorted(p.name for p in ROOT.iterdir() if p.is_dir() and p.name != "common")


def read_entries(path: Path) -> list[tuple[str, int | None]]:
    """The phrases of one file, each with the ``#! max-words:`` limit above it (``None``
    before any), comments and blank lines dropped."""
    out = []
    limit = None
    for raw in path.read_text(encoding="utf-8").splitlines():
        if raw.startswith("#!") and ":" in raw:
            name, _, value = raw[2:].partition(":")
            if name.strip() == "max-words":
                limit = int(value)
            continue
        line = raw.split(" #", 1)[0].strip() if not raw.lstrip().startswith("#") else ""
        if line:
            out.append((line, limit))
    return out


def read_phrases(path: Path) -> list[str]:
    """The phrases of one file, comments and blank lines dropped."""
    return [phrase for phrase, _ in read_entries(path)]


def load(lang: str) -> Lexicon:
    """The compiled lexicon for ``lang`` (unknown languages get ``common`` + ``en``; a language
    listed in :data:`BORROWED` gets its lender's too). Languages that read the same folders
    share one compiled lexicon: a stream of short records is detected in dozens of languages
    without a folder of their own, and each copy of the English tables would cost its memory.

    >>> lex = load("de")
    >>> lex.phrase("teilen"), lex.phrase("share"), lex.phrase("the share price rose")
    ('share', 'share', None)
    >>> load("la") is load("en"), load("nn") is load("nb")
    (True, True)
    """
    return _compiled(_folder(lang))


@lru_cache(maxsize=None)
def _folder(lang: str) -> str:
    """The lexicon folder ``lang`` reads besides ``common`` and ``en``: its own, its lender's,
    else ``en`` (no third folder)."""
    own = lang if (ROOT / lang).is_dir() else borrowed().get(lang, lang)
    return own if (ROOT / own).is_dir() else _ALWAYS[-1]


@lru_cache(maxsize=64)
def _compiled(own: str) -> Lexicon:
    """The lexicon of the folders ``common``, ``en`` and ``own``, compiled."""
    phrases: dict[str, str] = {}
    prefixes: dict[str, str] = {}
    vocab: dict[str, set[str]] = {}
    prefix_max: dict[str, int] = {}
    for folder in dict.fromkeys((*_ALWAYS, own)):
        directory = ROOT / folder
        if not directory.is_dir():
            continue
        for path in sorted(directory.glob("*.txt")):
            for phrase, limit in read_entries(path):
                is_prefix = phrase.endswith(" *")
                k = key(phrase[:-2] if is_prefix else phrase)
                if k:
                    (prefixes if is_prefix else phrases).setdefault(k, path.stem)
                    if is_prefix and limit is not None and prefixes[k] == path.stem:
                        prefix_max[k] = max(limit, prefix_max.get(k, 0))
        for path in sorted(directory.glob("words/*.txt")):
            vocab.setdefault(path.stem, set()).update(filter(None, map(key, read_phrases(path))))
    lengths = sorted({len(k.split()) for k in prefixes}, reverse=True)
    head_lengths: dict[str, set[int]] = {}
    for k in prefixes:
        head_lengths.setdefault(k.partition(" ")[0], set()).add(len(k.split()))
    glue: dict[str, str] = {}
    for k in phrases:  # the first spelling wins ("email" before "e mail")
        glue.setdefault(k.replace(" ", ""), k)
    return Lexicon(
        lang=own,
        phrases=phrases,
        prefixes=prefixes,
        prefix_lengths=tuple(lengths),
        glue=glue,
        glue_max=max((len(g) for g in glue), default=0),
        vocab={c: frozenset(w) for c, w in vocab.items()},
        prefix_heads=frozenset(k.partition(" ")[0] for k in prefixes),
        prefix_max=prefix_max,
        prefix_max_words=max([PREFIX_MAX_WORDS, *prefix_max.values()]),
        vocab_heads={c: frozenset(k.partition(" ")[0] for k in w) for c, w in vocab.items()},
        glue_heads=frozenset(g[:4] for g in glue),
        glue_tails=frozenset(g[-4:] for g in glue),
        glue_prefixes=frozenset(g[:n] for g in glue for n in range(1, len(g) + 1)),
        head_prefix_lengths={h: tuple(sorted(n, reverse=True)) for h, n in head_lengths.items()},
        share_words=frozenset(k for k, c in phrases.items() if c == "share" and " " not in k and len(k) > 1),
        contact=labelled_number(vocab.get("contact", ())),
    )


def labelled_number(labels) -> re.Pattern | None:
    """A pattern finding a label and the number after it in a line's key ("phone 0 0 0",
    "联系电话 0"); group 1 is the label. A label of letters starts a word ("iphone 0" has
    none); one of CJK characters may close a longer word, as those scripts write no spaces.

    >>> pattern = labelled_number({"phone", "tel", "电话"})
    >>> [m.group(1) for m in pattern.finditer("tel 0 0 fax 0 联系电话 0 iphone 0 hotel 0")]
    ['tel', '电话']
    """
    if not labels:
        return None
    ordered = sorted(labels, key=len, reverse=True)
    spaced = "|".join(re.escape(w) for w in ordered if not _CJK.match(w))
    unspaced = "|".join(re.escape(w) for w in ordered if _CJK.match(w))
    either = f"(?<!\\S)(?:{spaced})" + (f"|{unspaced}" if unspaced else "")
    return re.compile(f"({either}) 0(?= |$)")


#: Scripts written without spaces between words (CJK ideographs, kana, Hangul).
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\uf900-\ufaff]")
