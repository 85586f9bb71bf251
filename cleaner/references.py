"""Numbered link references, as text browsers write them, taken out of the text.

``lynx -dump`` numbers every link where it stands, ``[12]Home``, and lists the targets
under a heading at the end::

    References

       1. https://example.org/
      12. https://example.org/home

The numbers and the list are the dumper's, not the page's wording; left in, the list
reads as a long run of lines and every marker as a token. So where a text ends with
such a list (:data:`MIN_REFERENCES` numbered targets or more, perhaps in "Visible
links:" and "Hidden links:" parts), its markers are found: every "[n]" whose number
comes next, in order through the text (or a few numbers on: a link lynx numbered but
did not show), as lynx numbers its links as they come; a citation such as "[3]"
written in the page, after its link's own marker, "[45][3]", is not taken for one.
Where there are :data:`MIN_REFERENCES` of them and most run straight into their
link's text or end their line, as lynx writes them (a citation is followed by a space
or a stop), the markers and the list go. A marker that lynx broke over two lines
(``[4`` / ``2]``) counts too; its line break stays.
"""

from __future__ import annotations

import re

#: Numbered targets a list needs before a text counts as a text browser's dump.
MIN_REFERENCES = 3

#: One reference: "  12. https://...", "3. file:///about", "7. javascript:void(0)", "9. //cdn...";
#: lynx writes a target as the page has it, spaces and all.
_REFERENCE = re.compile(r"\d{1,7}\.[ \t]+(?:[A-Za-z][\w+.-]*:|/)[^\n]*")
#: Numbers a text may skip between two markers: links lynx numbered but did not show.
MAX_SKIPPED = 10
#: The list's first reference.
_FIRST = re.compile(r"1\.[ \t]")
#: Lines of a text's end that are not references before :func:`list_start` gives up.
MAX_OTHER_LINES = 50
#: Other lines of the list: a heading ("Visible links:", "Hidden links:", a few words and
#: a colon), an image map's ("[USEMAP]" and its address, above a list of its own: on two
#: lines, or on one where unwrapping joined them), the rest of a target that held a line
#: break. Anchored: only whole lines are asked.
_PART = re.compile(r"^(?:\w+(?: \w+){0,2}:|\[[A-Z]+\](?:[ \t]+\S+)?|(?:[A-Za-z][\w+.-]*:|/)\S*)[ \t]*")
#: A marker: "[12]", or "[4" and "2]" where the dumper wrapped the line inside it (or
#: unwrapping joined those two lines again with a space).
_MARKER = re.compile(r"\[([ \t\n]?\d{1,7}(?:[ \t]*\n?[ \t]*\d{1,7})?[ \t\n]?)\]")
_SPACE = re.compile(r"\s+")
#: What follows a citation ("as shown [1]. And [2], [3]"); a lynx marker runs straight into
#: its link's text, or ends its line (an image link).
_AFTER_CITATION = frozenset(" \t.,;:!?)")


def list_start(lines: list[str]) -> int | None:
    """The index of the heading above a trailing reference list, or ``None`` without one.

    The list runs from a line numbered 1 to the end, at least half of its lines
    references (a target may run on over lines of its own: an address, a mail's text);
    its heading is a line of a few words. A text's last :data:`MAX_OTHER_LINES` lines
    that are not references are as far as it looks.

    The lines may be indented, as lynx writes them (unwrap asks before any line is stripped).

    >>> list_start(["Body [1]here.", "", "References", "", "   1. https://a.example/", "   2. /b", "   3. //c"])
    2
    >>> list_start(["Body.", "References", "1. https://maps.example/?q=3535 Piedmont Rd", "Atlanta, GA 30305",
    ...             "2. /b", "3. /c"])
    1
    >>> list_start(["Body.", "References", "1. /a", "2. /b", "3. /c", "[USEMAP] file://localhost/p.html#map",
    ...             "1. /m1", "2. /m2", "3. /m3"])  # an image map's list of its own, its heading joined to its address
    1
    >>> list_start(["1. https://a.example/", "2. https://b.example/", "3. https://c.example/"]) is None
    True
    >>> list_start(["Sources:", "1. https://a.example/", "2. https://b.example/", "A closing line."]) is None
    True
    """
    references = others = 0
    for i in range(len(lines) - 1, -1, -1):
        line = lines[i].strip()
        if not line or _PART.fullmatch(line):
            continue
        if not _REFERENCE.fullmatch(line):
            others += 1
            if others > MAX_OTHER_LINES + references:
                return None
            continue
        references += 1
        if references >= MIN_REFERENCES and references >= others and _FIRST.match(line):
            above = i - 1
            while above >= 0 and (not lines[above].strip() or _PART.fullmatch(lines[above].strip())):
                above -= 1
            if above >= 0 and not _REFERENCE.fullmatch(lines[above].strip()) and len(lines[above].split()) <= 3:
                return above
    return None


def strip(lines: list[str]) -> tuple[list[str], int]:
    """The lines without a trailing reference list and the markers of its links, and how many
    markers went; the lines as they were, and 0, where the text has no such list.

    >>> text = ["* [1]Home [2]News", "Trump [3]tweeted before the vote [4]", "cited [2] [5]here [1]", "",
    ...         "References", "", "1. https://x.example/", "2. https://x.example/news",
    ...         "3. https://t.example/1", "4. https://t.example/2", "5. https://y.example/"]
    >>> strip(text)
    (['* Home News', 'Trump tweeted before the vote ', 'cited [2] here [1]'], 5)
    >>> strip(["[1]Home [2]Ne", "ws [3", "]Sport", "References", "1. /", "2. /n", "3. /s"])
    (['Home Ne', 'ws ', 'Sport'], 3)

    Citations and their sources, written by the page, stay:

    >>> strip(["As shown [1], [2] and [3].", "Sources", "1. https://a.example/", "2. /b", "3. /c"])[1]
    0
    """
    start = list_start(lines)
    if start is None:
        return lines, 0
    body = "\n".join(lines[:start]).rstrip("\n")
    markers, expected, cited = [], 1, 0
    for match in _MARKER.finditer(body):
        number = int(_SPACE.sub("", match.group(1)))
        if expected <= number <= expected + MAX_SKIPPED:
            markers.append(match)
            expected = number + 1
            cited += body[match.end():match.end() + 1] in _AFTER_CITATION
    if len(markers) < MIN_REFERENCES or 2 * cited > len(markers):
        return lines, 0
    pieces, at = [], 0
    for match in markers:
        pieces += [body[at:match.start()], "\n" if "\n" in match.group(1) else ""]
        at = match.end()
    pieces.append(body[at:])
    return "".join(pieces).split("\n"), len(markers)
