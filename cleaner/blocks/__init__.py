"""Block rules: they judge a line by its neighbours and its place in the document.

A rule's id is ``blocks.<function name>``, whichever module of this package holds it. Each gets
a :class:`View` of the document's non-blank lines (kept and already removed, in order) and
yields ``(index, evidence)`` for lines to remove; the pipeline ignores lines that are already
gone. Body position comes from prose lines: the *body* runs from the first to the last line
that reads as running text (:func:`cleaner.text.is_prose`).

- :mod:`.view`: the :class:`View` and the per-line features of a document (:class:`Shapes`);
- :mod:`.weight`: how much a line speaks for the main text (:func:`line_weight`);
- :mod:`.names`: people's names as lines show them (author lines, "About <name>");
- :mod:`.lists`: ``series_label``, ``tag_list``, ``labelled_tags``, ``related_links``, ``inset_links``;
- :mod:`.edges`: ``headline``, ``comment_section``, ``author_bio``;
- :mod:`.copies`: ``repeated_text``;
- :mod:`.main` and :mod:`.ending`: ``main_text``, and where it ends.
"""

from .copies import repeated_text
from .edges import author_bio, comment_section, headline
from .lists import inset_links, labelled_tags, related_links, series_label, tag_list
from .main import main_text
from .view import Hit, Shapes, View
from .weight import TEASER_WEIGHT, line_weight, unbulleted

__all__ = ["Hit", "Shapes", "View", "TEASER_WEIGHT", "line_weight", "unbulleted", "series_label",
           "comment_section", "tag_list", "labelled_tags", "related_links", "inset_links", "headline", "author_bio",
           "repeated_text", "main_text"]
