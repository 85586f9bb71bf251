"""What a text browser writes in place of an element it cannot show, taken out of the text.

``lynx -dump`` shows a form button as ``(BUTTON)``, inserted and deleted text between
``[INS:`` and ``:INS]`` (``[DEL:`` ... ``:DEL]``; w3m writes ``[INS::INS]``), an image
without alternative text as its file's name in brackets (``[header-ie8.png]``), and an
inline frame as a line ``IFRAME:`` and its address. These are the dumper's marks, not the
page's wording: left in, each is a token of no text, and a row of buttons ("(BUTTON)
(BUTTON) (BUTTON)") or a headline animated word by word ("[INS: Now :INS] [INS: Shipping!
:INS]") stands as a line of them. So the marks go and what they held stays, to be judged
by the rules like any other words. A line of marks and nothing else stays as it is (an
inline frame's line loses its address): the rules remove it as chrome
(``lexicons/common/browser.txt``, :func:`cleaner.lines.browser_marks`), and a removed line
still tells the block rules where chrome stands.
"""

from __future__ import annotations

import re

#: lynx's form button, and its insertion and deletion marks (w3m's "[INS::INS]" too); the
#: inserted or deleted words between them stay.
_MARK = re.compile(r"\(BUTTON\)|\[(?:INS|DEL):[ \t]?|[ \t]?:(?:INS|DEL)\]")
#: An image without alternative text, as lynx names it: the file's name in brackets, one
#: word with an image's extension.
_IMAGE_NAME = re.compile(r"\[[^\]\s/\[]{1,200}\.(?:png|jpe?g|gif|svg|webp|bmp|ico)\]", re.IGNORECASE)
#: An inline frame, a line of its own: "IFRAME:" and perhaps the frame's address.
_IFRAME = re.compile(r"[ \t]*IFRAME:(?:[ \t]+\S+)?[ \t]*")
_SPACES = re.compile(r"[ \t]{2,}")
#: What is left of a line of marks alone: nothing, or a list bullet as lynx writes them.
_BULLETS = frozenset({"", "*", "+", "#", "o", "-", "•", "·"})


def strip(lines: list[str]) -> tuple[list[str], int]:
    """The lines without a text browser's marks, and how many marks went; the same list, and 0,
    where there are none.

    >>> strip(["(BUTTON) Subscribe", "* 12 (BUTTON)", "[INS: Now :INS] [INS: Shipping! :INS]"])
    (['Subscribe', '* 12', 'Now Shipping!'], 6)
    >>> strip(["Help overlay [fff-277-finished-2.png] [baz.png]", "IFRAME: https://tags.example/ns.html"])
    (['Help overlay', 'IFRAME:'], 3)

    A line of marks alone stays, for the rules; brackets of the page's own, and words in
    capitals, stay too:

    >>> strip(["(BUTTON) (BUTTON)", "[INS::INS]", "[logo.png]"])
    (['(BUTTON) (BUTTON)', '[INS::INS]', '[logo.png]'], 0)
    >>> strip(["See [1] and [the photo] (PDF).", "The BUTTON was red.", "The iframe: an element."])
    (['See [1] and [the photo] (PDF).', 'The BUTTON was red.', 'The iframe: an element.'], 0)
    """
    out: list[str] = []
    count = 0
    for line in lines:
        if "(BUTTON)" not in line and ":INS" not in line and ":DEL" not in line and "]" not in line \
                and "IFRAME:" not in line:
            out.append(line)
            continue
        if _IFRAME.fullmatch(line):
            if line.strip() != "IFRAME:":
                line = "IFRAME:"
                count += 1
            out.append(line)
            continue
        new, n = _MARK.subn("", line)
        new, m = _IMAGE_NAME.subn("", new)
        new = _SPACES.sub(" ", new).strip() if n + m else line
        if not n + m or new in _BULLETS:  # nothing but marks (and a bullet): for the rules
            out.append(line)
            continue
        count += n + m
        out.append(new)
    return (out, count) if count else (lines, 0)
