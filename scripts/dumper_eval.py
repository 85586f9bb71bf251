"""`make dumpers`: the cleaner on the same bench pages as other dumpers write them.

Scrapers differ: some wrap lines at a fixed width, some end a line at every link or
bold span, some write Markdown. The bench's ``page`` dumps come from one layout-aware
dumper; this script makes the others from the same pages and scores the cleaner on
each (P/R/F1, mean over documents, as ``cleaner eval``), with keeping every line as
the reference point:

- ``page``: the bench's own page dumps;
- ``wrapped``: those dumps hard-wrapped at 80 columns (lynx, w3m, mail);
- ``cut``: the HTML's text nodes one per line, as BeautifulSoup's ``get_text("\\n")``
  writes them (a line ends at every link, bold or code span);
- ``joined``: the HTML's text nodes with nothing between them, as BeautifulSoup's
  ``get_text()`` writes them (lines only where the HTML source had line breaks in its
  text; a minified page comes out as a few long lines: "HomeNewsSportThe council ...");
- ``markdown``: html2text's Markdown, where html2text is installed (it is not a
  dependency: ``pip install html2text``);
- ``lynx``: ``lynx -dump``, where lynx is installed: wrapped and indented, every link
  numbered in place ("[12]Home") and listed under "References" at the end;
- ``w3m``: ``w3m -dump``, where w3m is installed: the page laid out as a text browser
  shows it, tables as columns;
- ``links``, ``elinks``: ``links -dump`` and ``elinks -dump`` (without link numbers), where
  installed: nested lists indented, "[IMG]" for an image without alt text, the page head's
  links as "Link: canonical" lines.

    python scripts/dumper_eval.py              # all sets, every dumper
    python scripts/dumper_eval.py --every 3    # a third of the pages
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from cleaner.evaluate import BENCH_SETS, bench_rows  # noqa: E402

BENCH = ROOT.parent / "shared" / "bench"
WRAP_AT = 80


def wrapped(page: str) -> str:
    """The dump with every line wrapped at :data:`WRAP_AT` columns (its indentation kept on the first)."""
    return "\n".join(textwrap.fill(line, WRAP_AT) if line.strip() else line for line in page.split("\n"))


def cut(html: str, separator: str = "\n") -> str:
    """Every text node of the page on a line of its own (script, style and template dropped),
    or, with ``separator=""``, all of them run together (:func:`joined`)."""
    import lxml.html

    try:
        tree = lxml.html.document_fromstring(html)
    except Exception:  # noqa: BLE001 - a page lxml cannot read has no text here
        return ""
    for element in tree.xpath("//script|//style|//template"):
        element.drop_tree()
    return separator.join(tree.itertext())


def joined(html: str) -> str:
    """The page's text nodes with nothing between them (BeautifulSoup's ``get_text()``)."""
    return cut(html, "")


def markdown(html: str) -> str:
    import html2text

    return html2text.HTML2Text().handle(html)


#: The text browsers that dump a page, by name: the command that reads HTML on stdin.
BROWSERS = {
    "lynx": ["lynx", "-dump", "-stdin", "-force_html", "-assume_charset=utf-8", "-display_charset=utf-8"],
    "w3m": ["w3m", "-dump", "-T", "text/html", "-I", "utf-8", "-O", "utf-8"],
    # These two read a file ("{}"), not standard input.
    "links": ["links", "-dump", "-codepage", "utf-8", "{}"],
    "elinks": ["elinks", "-dump", "-dump-charset", "utf-8", "-no-references", "-no-numbering", "{}"],
}


def browser_dump(name: str, html: str) -> str:
    """The page as the text browser ``name`` dumps it ("" where it fails or takes over a minute)."""
    command, data = BROWSERS[name], html.encode("utf-8")
    reads_file = "{}" in command
    with tempfile.NamedTemporaryFile(suffix=".html") as page:
        if reads_file:
            page.write(data)
            page.flush()
            command = [page.name if part == "{}" else part for part in command]
        try:
            done = subprocess.run(command, input=None if reads_file else data, capture_output=True, timeout=60)
        except subprocess.TimeoutExpired:
            return ""
    return done.stdout.decode("utf-8", "replace")


def _has_html2text() -> bool:
    try:
        import html2text  # noqa: F401
    except ImportError:
        return False
    return True


#: How each variant is made from a page's bench dump and its HTML.
MAKERS = {
    "page": lambda page, html: page,
    "wrapped": lambda page, html: wrapped(page),
    "cut": lambda page, html: cut(html),
    "joined": lambda page, html: joined(html),
    "markdown": lambda page, html: markdown(html),
    **{name: (lambda page, html, name=name: browser_dump(name, html)) for name in BROWSERS},
}
ALL = list(MAKERS)


def available(names: list[str]) -> list[str]:
    """Those of ``names`` this machine can make (html2text and the browsers are optional)."""
    return [name for name in names
            if (name != "markdown" or _has_html2text()) and (name not in BROWSERS or shutil.which(name))]


def build(root: Path, every: int, dumpers: list[str]) -> None:
    """Write the ``dumpers``' variants under ``root/<set>/<dumper>/`` (gold linked)."""
    for set_name in BENCH_SETS:
        pages, html, gold = BENCH / set_name / "page", BENCH / set_name / "html", BENCH / set_name / "gold"
        if not pages.is_dir():
            continue
        (root / set_name).mkdir(parents=True)
        (root / set_name / "gold").symlink_to(gold)
        for name in dumpers:
            (root / set_name / name).mkdir()
        for path in sorted(pages.glob("*.txt"))[::every]:
            page = path.read_text(encoding="utf-8", errors="replace")
            source = html / f"{path.stem}.html"
            page_html = source.read_text(encoding="utf-8", errors="replace") if source.exists() else ""
            for name in dumpers:
                text = MAKERS[name](page, page_html)
                (root / set_name / name / path.name).write_text(text, encoding="utf-8")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--every", type=int, default=1, help="take every Nth page (default: all)")
    ap.add_argument("--dumpers", default=",".join(ALL), help=f"which, comma-separated (default: {','.join(ALL)})")
    ap.add_argument("--keep", type=Path, help="write the variants here and keep them (default: a temporary folder)")
    ap.add_argument("-j", "--jobs", type=int, default=os.cpu_count() or 1)
    args = ap.parse_args()
    asked = [name.strip() for name in args.dumpers.split(",") if name.strip()]
    unknown = sorted(set(asked) - set(ALL))
    if unknown:
        ap.error(f"unknown dumper {', '.join(unknown)} (known: {', '.join(ALL)})")
    if not BENCH.is_dir():
        print(f"skipped: {BENCH} is absent (the bench sits beside the checkout)")
        return 0
    dumpers = available(asked)
    for name in asked:
        if name not in dumpers:
            print(f"{name}: skipped (not installed)")
    with tempfile.TemporaryDirectory() as tmp:
        root = args.keep or Path(tmp) / "variants"
        build(root, args.every, dumpers)
        rows = bench_rows(root, {name: ("cleaner", "keep-all") for name in dumpers}, args.jobs)
    print(f"{'set':12} {'dumper':9} {'docs':>4}  {'cleaner P / R / F1':>20}   keep-all F1")
    get = {(r["set"], r["kind"], r["system"]): r for r in rows}
    for set_name in BENCH_SETS:
        for name in dumpers:
            ours, keep = get.get((set_name, name, "cleaner")), get.get((set_name, name, "keep-all"))
            if ours and keep:
                print(f"{set_name:12} {name:9} {ours['docs']:>4}  {ours['P']:.3f} / {ours['R']:.3f} / {ours['F1']:.3f}"
                      f"   {keep['F1']:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
