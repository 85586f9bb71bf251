"""Language detection from stopwords (jusText's stoplists) and scripts.

The stoplists ship with jusText, which trafilatura installs. They are read as
plain files, so detection works without importing jusText itself.
"""

from __future__ import annotations

import importlib.util
import re
from collections import Counter
from functools import lru_cache
from pathlib import Path

_DATA = Path(__file__).parent / "data"
_TOKEN = re.compile(r"[^\W\d_]+")
_KANA = re.compile(r"[\u3040-\u30ff]")
_HAN = re.compile(r"[\u4e00-\u9fff]")
_HANGUL = re.compile(r"[\uac00-\ud7af]")
#: How much text detection reads: enough to be sure, little enough to be cheap.
SAMPLE_CHARS = 20_000
FALLBACK = "en"


def _stoplist_dir() -> Path | None:
    spec = importlib.util.find_spec("justext")
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(next(iter(spec.submodule_search_locations))) / "stoplists"
    return path if path.is_dir() else None


@lru_cache(maxsize=1)
def stopwords() -> dict[str, tuple[str, ...]]:
    """Map each stopword to the languages (ISO codes) whose stoplist has it."""
    codes = {}
    for row in (_DATA / "stoplist_languages.tsv").read_text(encoding="utf-8").splitlines():
        if row and not row.startswith("#"):
            name, _, code = row.partition("\t")
            if code:
                codes[name] = code
    table: dict[str, list[str]] = {}
    directory = _stoplist_dir()
    if directory is None:
        return {}
    for name, code in codes.items():
        path = directory / f"{name}.txt"
        if path.exists():
            for word in path.read_text(encoding="utf-8").split():
                table.setdefault(word.casefold(), []).append(code)
    return {w: tuple(c) for w, c in table.items()}


@lru_cache(maxsize=None)
def stoplist(code: str) -> frozenset[str]:
    """The stopwords of one language (empty where there is no stoplist)."""
    return frozenset(w for w, codes in stopwords().items() if code in codes)


def detect(text: str, fallback: str = FALLBACK) -> str:
    """The ISO 639-1 code of the text's language, or ``fallback`` when unsure.

    >>> detect("Der Hund ist in den Garten gelaufen, weil er nicht mehr warten wollte.")
    'de'
    >>> detect("Le chien est allé dans le jardin parce qu'il ne voulait plus attendre.")
    'fr'
    >>> detect("東京で会議が開かれた。")
    'ja'
    >>> detect("12345"), detect("Aaa a a aaa aaa aaaa. J P A")
    ('en', 'en')
    """
    sample = text[:SAMPLE_CHARS]
    if not sample.isascii():
        kana, han, hangul = (len(p.findall(sample)) for p in (_KANA, _HAN, _HANGUL))
        letters = max(1, len(_TOKEN.findall(sample)))
        if kana and kana + han >= letters:
            return "ja"
        if hangul > han and hangul >= letters:
            return "ko"
        if han >= letters:
            return "zh"
    table = stopwords()
    scores: Counter[str] = Counter()
    tokens = Counter(t for t in _TOKEN.findall(sample.casefold()) if len(t) > 1)
    for token, count in tokens.items():
        for code in table.get(token, ()):
            scores[code] += count
    if not scores:
        return fallback
    best, hits = scores.most_common(1)[0]
    # Running text is a quarter stopwords or more; a few stray hits in a list of
    # names or in noise say nothing, and a guess there would be unstable.
    return best if hits >= MIN_HITS and hits >= MIN_SHARE * sum(tokens.values()) else fallback


#: Fewest stopword hits, and least share of the tokens, that name a language.
MIN_HITS = 3
MIN_SHARE = 0.15
