"""cleaner: strip page chrome from scraped web text and keep the body, word for word.

>>> from cleaner import clean
>>> print(clean("Share\\nThe council approved the new budget on Monday evening.\\nAdvertisement"))
The council approved the new budget on Monday evening.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import Any

from .config import Config
from .document import Line, Removal, Repair
from .pipeline import all_rules, process
from .result import Result

__all__ = ["clean", "clean_and_explain", "Cleaner", "Config", "Result", "Line", "Removal", "Repair", "all_rules"]
__version__ = "0.1.0"


class Cleaner:
    """A reusable cleaner: build once with a :class:`Config`, call many times.

    Lexicons and regexes are compiled once per process and shared.

    >>> c = Cleaner(Config(disable={"lines.share_buttons"}))
    >>> c.clean("Share\\nThe council approved the new budget on Monday evening.")
    'Share\\nThe council approved the new budget on Monday evening.'
    """

    def __init__(self, config: Config | None = None, **options: Any):
        self.config = (config or Config()).with_options(**options)

    def explain(self, data: str | bytes, group: str = "") -> Result:
        """Clean and return everything: text, every line with its verdict, metadata, repairs."""
        return Result.from_document(process(data, self.config, group))

    def clean(self, data: str | bytes, group: str = "") -> str:
        """The clean body text of ``data`` (text, or bytes in any encoding)."""
        return process(data, self.config, group).text()

    def clean_many(self, items: Iterable[str | bytes], workers: int = 1, chunksize: int = 16) -> Iterator[str]:
        """Clean many texts, yielded in input order; ``workers > 1`` uses that many processes.

        The cleaner is sent to each worker once; at most ``4 * workers`` chunks are in
        flight, so an endless iterator is fine. For pandas:
        ``pd.Series(c.clean_many(df.text, workers=4), index=df.index)``.

        >>> list(Cleaner().clean_many(["Share\\nThe vote was held on Monday evening.", "Advertisement"]))
        ['The vote was held on Monday evening.', '']
        """
        from .pool import map_ordered

        yield from map_ordered(self.clean, items, workers, chunksize)


@lru_cache(maxsize=32)
def _cleaner(options: tuple) -> Cleaner:
    return Cleaner(**dict(options))


def _options_key(options: dict[str, Any]) -> tuple:
    return tuple(sorted((k, frozenset(v) if isinstance(v, (set, list, tuple)) else v) for k, v in options.items()))


def clean(data: str | bytes, **options: Any) -> str:
    """The clean body text of ``data``; ``options`` are :class:`Config` fields."""
    return _cleaner(_options_key(options)).clean(data)


def clean_and_explain(data: str | bytes, **options: Any) -> Result:
    """Clean and explain: the :class:`Result` with per-line removals, metadata and repairs."""
    return _cleaner(_options_key(options)).explain(data)
