"""How much one line speaks for (+) or against (-) being inside the main text
(:func:`line_weight`): the score :func:`cleaner.blocks.main.main_text` sums over stretches of lines."""

from __future__ import annotations

import re

from ..lines import opens_quote
from ..text import ELLIPSES, ends_sentence, folded_words, is_prose, machine_text, table_row, title_like, word_count

#: List bullets a dumper writes before an item (lynx: "*", "+", "o", "#").
LIST_BULLETS = frozenset({"*", "+", "o", "#", "-", "•"})


def line_weight(text: str, stopwords: frozenset[str] = frozenset(), n_words: int | None = None) -> float:
    """How much a line speaks for (+) or against (-) being inside the main text.

    Prose counts its words; a short sentence counts half. A line of one to three
    words (menu items, buttons) counts clearly against, unless it ends like a
    sentence or opens with a quote mark (dialogue) or ends in a Chinese or Japanese comma (a
    clause, the rest of its sentence on the lines below); a longer title-like line (a heading, a list item, a headline) slightly
    against; a row of links (:func:`_link_row`: "Home | News | Sport | Contact") as a menu item;
    a line of data (a row of a table, every fifth word a number, or a row led by
    a dated or numbered label and a dash or colon, as in a tour's dates), a list on one
    line (at least :data:`LIST_LINE_ITEMS` short items between commas: keywords, the names
    of those who liked a post), and anything
    else (a line ending in a comma) is neutral. A leading bullet is ignored, except
    that a bulleted line shaped like a teaser (:func:`_teaser`: a truncated headline
    or excerpt, "* Jury rules for half of the plaintiffs …", or a headline run into its
    excerpt's dateline) weighs :data:`TEASER_WEIGHT`, whatever its length (unbulleted,
    a line ending in an ellipsis may be a writer's own trailing off, common in
    informal and CJK writing). A line that is mostly HTML tags (:func:`_markup`), the
    page's own markup dumped as text, weighs :data:`MARKUP_WEIGHT`: its attribute words
    are no prose; so does a line mostly of addresses with queries and URL escapes
    (:func:`~cleaner.text.machine_text`: an ad's or a tracking pixel's, dumped from a
    ``<noscript>``), whose escapes count dozens of words.
    Where the language has a stoplist, stopword-rich lines lean in and
    stopword-poor lines lean out (jusText's observation: running text is full of
    function words, menus and link lists are not).

    >>> line_weight("The committee met on Tuesday to discuss the budget for next year.")
    12.0
    >>> line_weight("Pricing"), line_weight("Draw up a budget"), line_weight("| Term | Meaning |")
    (-1.5, -0.5, 0.0)
    >>> line_weight("Home | News | Sport | Contact"), line_weight("CAPM | 720 | 3,203 | 3,923")
    (-1.5, 0.0)
    >>> line_weight("* Police say the double murder in the suburbs was domestic-related …")
    -1.5
    >>> line_weight("June 9 – Tampa, FL @ Riverside Amphitheatre"), line_weight("Stage 3: 22 April – Velopark")
    (0.0, 0.0)
    >>> line_weight("June 17 -- Bridgestone Arena, Nashville, TN")  # an ASCII dump's dash
    0.0
    >>> line_weight("楓紅的季節樹葉從綠轉黃 再從黃轉紅 一層一層非常漂亮")  # a blog's clause a line, unpunctuated
    0.0
    >>> line_weight("また、その他にも、"), line_weight("お問い合わせ")  # a clause a line break cut; a menu item
    (0.0, -2.5)
    >>> line_weight("knitting, crochet, quilting, weaving, felting, embroidery, sewing, dyeing, spinning yarn")
    0.0
    >>> line_weight("Edition: Argentina (español) Australia (English) België (Nederlands) Brasil (português) "
    ...             "Canada (English) Canada (français) Chile (español) Danmark (dansk) Deutschland (Deutsch)")
    0.0
    >>> from cleaner.lang import stoplist
    >>> line_weight("Draw up a budget", stoplist("en")) > line_weight("Lead Generation Tools For Sales", stoplist("en"))
    True
    >>> line_weight("Home | News | Sport | What's On | Contact", stoplist("en"))  # menu items' stopwords lean no row in
    -1.5

    ``n_words``, when given, is the line's :func:`~cleaner.text.word_count`, known already.
    """
    if "<" in text and _markup(text):
        return MARKUP_WEIGHT  # a page's own markup, dumped as text: its attribute words are no prose
    if machine_text(text):
        return MARKUP_WEIGHT  # a tracking pixel's address, an ad's code: its escapes make no words
    stripped = unbulleted(text) or text
    n = n_words if n_words is not None and len(stripped) == len(text) else word_count(stripped)
    bulleted = len(stripped) < len(text)
    text = stripped
    if bulleted and _teaser(text, n):
        return TEASER_WEIGHT
    if n >= LIST_LINE_WORDS and (commas := text.count(", ")) >= LIST_LINE_ITEMS - 1 and n <= MAX_ITEM_WORDS * (commas + 1):
        return 0.0  # "knitting, crochet, quilting, ...": a list of names or keywords on one line, not prose
    if n >= LIST_LINE_WORDS and text.count(" (") >= LIST_LINE_ITEMS and _noted_items(text, n):
        return 0.0  # "Argentina (español) Australia (English) ...": a picker or a category list on one line
    if is_prose(text, n):
        weight = float(n)
    elif table_row(text):
        return 0.0  # a row of a table: data, not chrome
    elif n >= 4 and ends_sentence(text):
        weight = n / 2
    elif n <= 3:
        # A short sentence or a quoted line is dialogue ("Listen." "I am.") more often than a button;
        # a clause ending in an ideographic comma ("また、その他にも、") is a sentence a line break cut.
        return 0.0 if ends_sentence(text) or opens_quote(text) or text.endswith(CLAUSE_COMMAS) else -(1 + n / 2)
    elif _DIGIT_TOKEN.search(text) and len(_DIGIT_TOKEN.findall(text)) * 5 >= n:
        return 0.0  # a table row or a schedule line: data, not chrome
    elif LABELLED_ROW.match(text):
        return 0.0  # "June 9 – Tampa, FL @ Arena", "3rd stage: 22 April – Velopark": a dated or numbered row
    elif _link_row(text):  # "Home | News | Sport | Contact": a menu or a footer's links on one line;
        # its items' stopwords ("What's On", "Terms of Use") make no running text
        return LINK_ROW_WEIGHT + min(0.0, _stopword_lean(text, n, stopwords))
    elif title_like(text, 40, n, uncased=False):  # capitalised: a line of Chinese without a stop may be prose
        weight = -0.5
    else:
        weight = 0.0
    return weight + _stopword_lean(text, n, stopwords)


def _stopword_lean(text: str, n: int, stopwords: frozenset[str]) -> float:
    """How far the line's stopwords lean it in (+) or out (-): ``n`` times their share of its words
    above or below :data:`STOPWORD_PIVOT`, for a line of four words or more."""
    if stopwords and n >= 4:
        tokens = folded_words(text)  # the \w+ words of the casefolded text
        if tokens:
            return n * (sum(map(stopwords.__contains__, tokens)) / len(tokens) - STOPWORD_PIVOT)
    return 0.0


#: The commas of Chinese and Japanese writing: a line ending in one breaks off a sentence.
CLAUSE_COMMAS = ("、", "，")

#: List bullets and reference marks a line may open with; the words after them decide.
BULLETS = "*•·+-–—>^o■□▪▫◦‣⁃ "
#: A run of them; "o" (lynx's bullet of a third-level item) only before a space: "once" opens no list.
_BULLET_RUN = re.compile(r"(?:[*•·+\-–—>^■□▪▫◦‣⁃ ]|o(?= ))+")


def unbulleted(text: str) -> str:
    """The line without the list bullets it opens with.

    >>> unbulleted("* o Baltimore"), unbulleted("once upon a time"), unbulleted("–– 5 km")
    ('Baltimore', 'once upon a time', '5 km')
    """
    if text[:1] not in BULLETS:
        return text
    run = _BULLET_RUN.match(text)
    return text[run.end():] if run else text


#: What a row of links weighs (:func:`_link_row`): against the text, as a menu item does.
LINK_ROW_WEIGHT = -1.5
#: The separators a row of links puts between its items, spaced: "Home | News", "About · Blog".
_LINK_SEPARATORS = (" | ", " · ", " • ")
#: Items of a row of links: at least this many ...
LINK_ROW_ITEMS = 3
#: ... of at most this many words each.
LINK_ITEM_WORDS = 4


def _link_row(text: str) -> bool:
    """Is the line a row of links, a menu or a footer on one line: at least
    :data:`LINK_ROW_ITEMS` items of one to :data:`LINK_ITEM_WORDS` words between the same
    spaced separator, none ending a sentence? (Rows with numbers are data, weighed before:
    a table's row printed without its outer bars.)

    >>> _link_row("Terms of Use | Privacy Policy | Cookie Settings"), _link_row("HOME • ABOUT • BLOG • SHOP")
    (True, True)
    >>> _link_row("Cats | Dogs"), _link_row("Rain expected. | Wind from the west. | Cold at night.")
    (False, False)
    >>> _link_row("The results | and what they mean for the next three years of research | Notes")
    False
    """
    for sep in _LINK_SEPARATORS:
        if sep in text:
            items = text.split(sep)
            return len(items) >= LINK_ROW_ITEMS and all(
                0 < len(item.split()) <= LINK_ITEM_WORDS and not ends_sentence(item) for item in items)
    return False


#: What a list item shaped like a teaser weighs: against the text, as a menu item does.
TEASER_WEIGHT = -1.5
#: A bulleted line cut off with an ellipsis is a teaser below this many words (a long one is a paragraph).
TEASER_MAX_WORDS = 25
#: A headline run into its excerpt's dateline: "... may soon be deemed stateless NEW DELHI: The ...".
_GLUED_DATELINE = re.compile(r"\A(?:\S+\s+){4,}?\S*[a-z\d’')\]]\s+(?:[A-Z]{2,}[.,]?\s+){0,3}[A-Z]{3,}:\s")
#: A line of at least LIST_LINE_WORDS words holding at least LIST_LINE_ITEMS comma-separated items of at
#: most MAX_ITEM_WORDS words on average is a list (tags, keywords, the names of those who liked a post).
LIST_LINE_WORDS = 12
LIST_LINE_ITEMS = 8
MAX_ITEM_WORDS = 3
#: An item with a note in brackets, "Argentina (español)", "Gardening (149)": the note is short and
#: hugs its brackets (code writes "f( x )" or "f(x)"; a lone "(" opens no note).
_NOTE = re.compile(r"(?<!\S)\((?:\S[^()]{0,38}?)?\S\)")
#: A line of LIST_LINE_ITEMS notes or more is a list when it has at most this many words a note.
NOTED_ITEM_WORDS = 6


def _noted_items(text: str, n: int) -> bool:
    """Is the line a list of items each with a note in brackets (a language or edition picker,
    categories with their counts), not a sentence with asides?

    >>> _noted_items("Gardening (149) Container Gardening (14) Edible Gardening (16) Fall Gardening (20) "
    ...              "Habitat Gardening (10) Herbs (8) Roses (31) Spring Gardening (12) Winter (2)", 23)
    True
    >>> _noted_items("The survey (run in May) asked growers (most of them small) about prices (which rose) "
    ...              "and about rain (scarce), pests (many), labour (short), loans (dear) and water (rationed) "
    ...              "in the valley, and what they would plant next year if the rain came back in time.", 45)
    False
    """
    notes = len(_NOTE.findall(text))
    return notes >= LIST_LINE_ITEMS and n <= NOTED_ITEM_WORDS * notes and not ends_sentence(text)


#: A row led by a short label holding a number (a date, a rank, a stage), then a dash or a colon
#: (ASCII text writes the dash "-" or "--").
LABELLED_ROW = re.compile(r"\A(?:[^\W\d]+\.?\s+){0,2}\d[\w.,/]*(?:\s+[^\W\d]+\.?){0,2}\s*(?:[–—]|--?|:)\s+\S")
_DIGIT_TOKEN = re.compile(r"\b\d[\d.,:%/]*\b")


#: An HTML tag (or comment) as page dumps leave them in the text.
_TAG = re.compile(r"<[!/]?[A-Za-z][^<>]{0,2000}>|<!--.{0,2000}?-->")
#: Share of a line's characters that tags take up for the line to be markup.
MARKUP_SHARE = 0.5
#: A tag that points elsewhere: an image, a frame, a script, a link.
_POINTING_TAG = re.compile(r"<[A-Za-z][^<>]{0,2000}?\s(?:src|href)\s*=")
#: Words a line of markup may hold outside its tags, where it does not open with one: captions.
MARKUP_CAPTION_WORDS = 20
#: What a line of markup weighs: against the text, as a menu item, though inside it it stays.
MARKUP_WEIGHT = -1.5


def _markup(text: str) -> bool:
    """Is the line mostly HTML tags (a page's markup dumped as text)? A line that does not
    open with a tag must point elsewhere (a tag with a ``src`` or ``href``) and hold at
    most :data:`MARKUP_CAPTION_WORDS` words outside its tags: banners' captions and their
    tracking pixels, dumped from a ``<noscript>``. A formula written out in MathML, alone
    or inside a paragraph, is text.

    >>> _markup('<div class="ad"><img width=1 height=1 src="http://ads.example/b?p=1"></div>')
    True
    >>> _markup('Win a chicken dinner! <div style="position:absolute;"><img width=1 height=1 src="http://ads.example/b?p=1"></div>')
    True
    >>> _markup("<b>Note:</b> the council meets on Tuesday to discuss the budget for next year.")
    False
    >>> _markup('In linear algebra, a square matrix is called Hermitian if <math><mrow class="MJX-TeXAtom-ORD">'
    ...         '<mi mathvariant="normal">A</mi><mo stretchy="false">=</mo><msup><mi mathvariant="normal">A</mi>'
    ...         '<mo stretchy="false">*</mo></msup></mrow></math> holds, that is, if it is equal to its own '
    ...         'conjugate transpose.')
    False
    >>> _markup('[MATH: <semantics><mrow class="MJX-TeXAtom-ORD"><mi mathvariant="normal">x</mi><mo>=</mo>'
    ...         '<mn>0</mn></mrow></semantics> :MATH]')
    False
    """
    outside = _TAG.split(text)  # the text between the tags: one scan for the share and the words
    if len(text) - sum(map(len, outside)) < MARKUP_SHARE * len(text):
        return False
    return text.startswith("<") or (_POINTING_TAG.search(text) is not None
                                    and word_count(" ".join(outside)) <= MARKUP_CAPTION_WORDS)


#: Stopword density above which a line leans towards running text (jusText uses 0.30-0.32).
STOPWORD_PIVOT = 0.3


def _teaser(text: str, n: int) -> bool:
    """Is this list item (its bullet stripped; ``n`` words) shaped like a teaser for another page?

    Cut off with an ellipsis under :data:`TEASER_MAX_WORDS` words, or a headline run
    into the dateline of its excerpt.

    >>> _teaser("Jury rules for half of the plaintiffs in the body parts suit …", 12)
    True
    >>> _teaser("Indian-origin man pleads guilty to fraud scheme in US NEW YORK: An Indian-origin man has", 15)
    True
    >>> _teaser("NEW YORK: An Indian-origin man has pleaded guilty to a fraud scheme.", 12)
    False
    """
    return (text.endswith(ELLIPSES) and n < TEASER_MAX_WORDS) or _GLUED_DATELINE.match(text) is not None
