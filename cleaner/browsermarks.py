"""What a text browser writes in place of an element it cannot show, taken out of the text.

``lynx -dump`` shows a form button as ``(BUTTON)``, inserted and deleted text between
``[INS:`` and ``:INS]`` (``[DEL:`` ... ``:DEL]``; w3m writes ``[INS::INS]``), a formula as its
MathML markup between ``[MATH:`` and ``:MATH]`` (its symbols stay), an image
without alternative text as its file's name in brackets (``[header-ie8.png]``; w3m often its
extension alone, ``[svg]``), and an inline frame as a line ``IFRAME:`` and its address
(wrapped onto the lines below where it is long); ``links`` and ``elinks`` write an image
without alternative text as ``[IMG]``, a frame as ``IFrame`` and its name, and the page
head's ``<link>`` elements as lines ``Link: canonical``. These are the dumper's marks, not the
page's wording: left in, each is a token of no text, and a row of buttons ("(BUTTON)
(BUTTON) (BUTTON)") or a headline animated word by word ("[INS: Now :INS] [INS: Shipping!
:INS]") stands as a line of them. So the marks go and what they held stays, to be judged
by the rules like any other words. A line of marks and nothing else stays as it is (a
frame's or a head link's line loses its address, name or relation): the rules remove a
button's, an ad slot's, a frame's or a head link's as chrome (``lexicons/common/browser.txt``,
:func:`cleaner.lines.browser_marks`), and a removed line still tells the block rules where
chrome stands. A line of images alone is neither chrome nor body (an image stands in both);
it stays, a short line among the others, as it did (taking it out let an article run on
into the thumbnails of a related list below it; removing it as chrome cut a listicle whose
items images parted).
"""

from __future__ import annotations

import re

#: lynx's form button, and its insertion and deletion marks (w3m's "[INS::INS]" too), the
#: inserted or deleted words between them staying.
_MARK = re.compile(r"\(BUTTON\)|\[(?:INS|DEL):[ \t]?|[ \t]?:(?:INS|DEL)\]")
#: lynx's MathML: the formula's markup between "[MATH:" and ":MATH]" ("[MATH: <mi> a </mi> <mo> +
#: </mo> <mi> b </mi> :MATH]"); its symbols stay, its tags go, and so does its TeX annotation (the
#: same formula again, as its source).
_MATH = re.compile(r"\[MATH:(.{0,20000}?):MATH\]")
_ANNOTATION = re.compile(r"<annotation[ \t>].{0,5000}?</annotation>")
_TAG = re.compile(r"<[^<>]{0,2000}>")
#: An image file's extension, in any case.
_IMAGE_EXTENSION = r"(?i:png|jpe?g|gif|svg|webp|bmp|ico)"
#: An image without alternative text: lynx names it by its file (one word with an image's
#: extension, in brackets), w3m often by the extension alone ("[svg]", "[gif]"), links and
#: elinks write "[IMG]".
_IMAGE_NAME = re.compile(r"\[IMG\]|\[(?:[^\]\s/\[]{1,200}\.)?" + _IMAGE_EXTENSION + r"\]")
#: A line of its own that says where an element stood and what it pointed to, as a text browser
#: writes it: an inline frame (lynx "IFRAME:" and its address, links "IFrame: name") or a link of
#: the page's head (links "Link: canonical", "Link: alternate en", and with the link's title or
#: address "Link: prev: Older post", "Link: https://example.org/"; elinks "Link: Feed (alternate)");
#: the mark alone stays.
_PLACE = re.compile(r"(IFRAME:)(?:[ \t].*)?"
                    r"|(Link:)[ \t]+(?:[a-z][\w-]*(?: [a-z][\w-]*)*:[ \t].*|(?:https?:)?/\S*|.*\([a-z][\w-]*(?: [a-z][\w-]*)*\))"
                    r"|(IFrame(?=$|[: \t])|Link:(?=[ \t]+[a-z]))(?::?[ \t]+[\w/.:-]+(?: [\w-]{1,20})?)?")
#: A piece of a frame's address that lynx wrapped onto the lines below its "IFRAME:" line: one ASCII
#: token (printable, no space) with a URL's punctuation ("[40]http://ads.example/f?id=1&w=" and
#: "3&h=250" below it).
_TOKEN = re.compile(r"[!-~]+")
_URL_PUNCTUATION = re.compile(r"[/=&%?:.]")
_SPACES = re.compile(r"[ \t]{2,}")
#: Any of the marks above, loosely: a line without one is left alone. (Each alternative opens with
#: its own literal: one alternative opening with a class of "." or "[" made the scan four times as slow.)
_ANY = re.compile(r"\(BUTTON\)|\[(?:INS|DEL|MATH):|:(?:INS|DEL)\]|IFRAME:|IFrame|Link:|\[IMG\]"
                  rf"|\.{_IMAGE_EXTENSION}\]|\[{_IMAGE_EXTENSION}\]")
#: What is left of a line of marks alone: nothing, or a list bullet as lynx writes them.
_BULLETS = frozenset({"", "*", "+", "#", "o", "-", "•", "·"})


def _formula(math: re.Match) -> str:
    """The symbols of a formula lynx wrote as MathML, its tags and TeX annotation taken out."""
    return " " + " ".join(_TAG.sub(" ", _ANNOTATION.sub(" ", math.group(1))).split()) + " "


def strip(lines: list[str]) -> tuple[list[str], int]:
    """The lines without a text browser's marks, and how many marks went; the same list, and 0,
    where there are none.

    >>> strip(["(BUTTON) Subscribe", "* 12 (BUTTON)", "[INS: Now :INS] [INS: Shipping! :INS]"])
    (['Subscribe', '* 12', 'Now Shipping!'], 6)
    >>> strip(["Help overlay [fff-277-finished-2.png] [baz.png]", "IFRAME: https://tags.example/ns.html"])
    (['Help overlay', 'IFRAME:'], 3)
    >>> strip(["[svg] Newsletters [gif]"])
    (['Newsletters'], 2)
    >>> strip(["Link: canonical", "   IFrame: fb_xdm_frame_https", "* [IMG] For DACA Recipients"])
    (['Link:', 'IFrame', '* For DACA Recipients'], 3)
    >>> strip(["Link: prev: Older post", "Link: https://example.org/logo.png", "Link: Comments Feed (alternate)"])
    (['Link:', 'Link:', 'Link:'], 3)

    A formula lynx wrote as MathML keeps its symbols:

    >>> strip(['Solve [MATH: <mi> x </mi> <mo> + </mo> <mn> 2 </mn> <annotation encoding="application/x-tex"> '
    ...        'x+2 </annotation> :MATH] for x.'])
    (['Solve x + 2 for x.'], 1)

    A frame's address too long for its line stands below it, wrapped (lynx breaks a long
    line anywhere), or joined to it by unwrapping, a space at each break; it goes whole:

    >>> strip(["IFRAME:", "https://ads.example/f?slot=mid&si", "te=courier&ord=82", "", "Body text."])
    (['IFRAME:', '', '', '', 'Body text.'], 2)
    >>> strip(["IFRAME: https://ads.example/f?slot=mid&si te=courier&ord=82"])
    (['IFRAME:'], 1)

    A line of marks alone stays, for the rules; brackets of the page's own, and words in
    capitals, stay too:

    >>> strip(["(BUTTON) (BUTTON)", "[INS::INS]", "[logo.png]", "* [IMG] [IMG]", "Body."])
    (['(BUTTON) (BUTTON)', '[INS::INS]', '[logo.png]', '* [IMG] [IMG]', 'Body.'], 0)
    >>> strip(["See [1] and [the photo] (PDF).", "The BUTTON was red.", "The iframe: an element.",
    ...        "Link: The full report", "IFrame elements hold other pages."])[1]
    0
    """
    if not _ANY.search("\n".join(lines)):  # most texts: one scan in C, no line loop
        return lines, 0
    out: list[str] = []
    count = 0
    frame = False  # the lines above were a frame's: its "IFRAME:" line and pieces of its address
    for line in lines:
        if frame and _address_piece(line):
            out.append("")  # the address lynx wrapped below its frame goes with it
            count += 1
            continue
        frame = False
        if not _ANY.search(line):
            out.append(line)
            continue
        place = _PLACE.fullmatch(line.strip(" \t"))
        if place:
            mark = place.group(1) or place.group(2) or place.group(3)
            if line.strip() != mark:
                line = mark
                count += 1
            frame = mark == "IFRAME:"
            out.append(line)
            continue
        new, n = _MARK.subn("", line)
        new, m = _IMAGE_NAME.subn("", new)
        if "[MATH:" in new:
            new, k = _MATH.subn(_formula, new)
            n += k
        new = _SPACES.sub(" ", new).strip()
        if n + m and new not in _BULLETS:  # marks alone: the line stays as it is, for the rules
            line = new
            count += n + m
        out.append(line)
    return (out, count) if count else (lines, 0)


def _address_piece(line: str) -> bool:
    """Is the line a piece of a frame's address (:data:`_TOKEN`, with :data:`_URL_PUNCTUATION`)?"""
    token = line.strip(" \t")
    return _TOKEN.fullmatch(token) is not None and _URL_PUNCTUATION.search(token) is not None
