"""The review page: the data that feeds it, the HTML, the CLI, and the page in a real browser.

The browser test drives headless Chromium over the DevTools protocol on a pipe
(``--remote-debugging-pipe``: NUL-separated JSON on file descriptors 3 and 4), so it
needs no websocket library and no network. It skips, saying why, where no Chromium
is installed; ``.ci/run`` installs one from the system packages.
"""

from __future__ import annotations

import fcntl
import json
import os
import random
import re
import select
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

import pytest

from cleaner import Cleaner, Line, Removal, Result, clean_and_explain
from cleaner.cli import explain_text, main
from cleaner.evaluate import score
from cleaner.report import (BINS, DocStats, ReportBuilder, ReportData, Row, RuleStats,
                            build_report, doc_rows, doc_stats, histogram, iter_items)
from cleaner.report_html import render_html

ARTIFACTS = Path(__file__).resolve().parent / "artifacts"

BODY = [
    "The council approved the new budget on Monday evening after a long debate.",
    "Members said the plan would fund three new schools and a library in the north.",
    "Critics argued that the tax rise would hurt small shops in the old town centre.",
    "The mayor promised a public meeting before the first payments are made next year.",
]


def page(i: int) -> str:
    """A small scraped page: chrome of several rules around body sentences."""
    chrome_top = ["Home", "Share", "Tweet"] if i % 2 else ["Skip to content", "Advertisement"]
    body = BODY[: 2 + i % 3]
    return "\n".join(chrome_top + ["", *body, "", "Advertisement", "© 2024 Example Media"]) + "\n"


@pytest.fixture
def corpus(tmp_path):
    src, gold = tmp_path / "pages", tmp_path / "gold"
    src.mkdir()
    gold.mkdir()
    for i in range(12):
        (src / f"{i:03d}.txt").write_text(page(i), encoding="utf-8")
        (gold / f"{i:03d}.txt").write_text("\n".join(BODY[: 1 + i % 4]) + "\n", encoding="utf-8")
    return src, gold


# --- the data ----------------------------------------------------------------------

def test_doc_stats_counts_lines_tokens_and_rules():
    result = clean_and_explain(page(1))
    s = doc_stats("p", result, bytes_in=123)
    removed = [l for l in result.lines if l.removal is not None]
    assert s.lines == sum(1 for l in result.lines if l.text)
    assert s.lines_removed == len(removed) > 0
    assert s.tokens_removed == sum(len(re.findall(r"\w+", l.text)) for l in removed)
    assert s.tokens == sum(len(re.findall(r"\w+", l.text)) for l in result.lines)
    assert s.counts == result.counts()
    assert s.bytes_in == 123 and s.bytes_out == len(result.text.encode()) + 1
    assert 0 < s.share_removed < 1
    assert s.score is None


def test_doc_stats_scores_against_gold():
    result = clean_and_explain(page(2))
    s = doc_stats("p", result, gold=BODY[0])
    assert s.score == score(result.text, BODY[0])
    assert s.score.precision < 1 and s.score.recall == 1


def test_rows_rebuild_the_input_and_flag_removed_body():
    result = clean_and_explain(page(3))
    rows = doc_rows(result)
    assert [r.text for r in rows] == [l.text for l in result.lines]
    assert all((r.rule is None) == (l.removal is None) for r, l in zip(rows, result.lines))
    assert not any(r.in_gold for r in rows)
    # A removed line whose words are in the gold text is flagged: the likely misfires.
    lines = (Line(1, "Share", Removal("lines.share_buttons", "phrase")),
             Line(2, "The council approved the new budget.", Removal("blocks.related_links", "run")),
             Line(3, "Members met.", None))
    result = Result("Members met.", lines, "en", {}, ())
    flagged = [r.in_gold for r in doc_rows(result, gold="Members met. The council approved the new budget.")]
    assert flagged == [False, True, False]
    assert not any(r.in_gold for r in doc_rows(result, gold="Something else entirely here."))


def test_histogram_bins():
    assert histogram([]) == [0] * BINS
    assert histogram([0.0, 0.049, 0.05, 0.999, 1.0]) == [2, 1] + [0] * (BINS - 3) + [2]
    assert sum(histogram(random.random() for _ in range(500))) == 500


def _stats(doc_id: str, share: float, f1: float | None = None) -> DocStats:
    from cleaner.evaluate import Score

    return DocStats(doc_id, 10, 5, 10, int(share * 10), 100, int(share * 100), {"lines.share_buttons": 1},
                    Score(f1, f1, f1) if f1 is not None else None)


def _fill(builder: ReportBuilder, n: int, scored: bool = False) -> ReportData:
    for i in range(n):
        share = ((i * 37) % 101) / 100
        builder.add_rows(_stats(f"d{i:04d}", share, 1 - share if scored else None),
                         (Row(1, "Share", "lines.share_buttons", "phrase 'share'"), Row(2, "Body text here.")))
    return builder.data()


def test_sample_is_seeded_and_bounded():
    ids = lambda data: sorted(d.stats.doc_id for d in data.sample if "random" in d.reasons)
    a = _fill(ReportBuilder(sample=5, seed=7, extremes=0), 1000)
    b = _fill(ReportBuilder(sample=5, seed=7, extremes=0), 1000)
    c = _fill(ReportBuilder(sample=5, seed=8, extremes=0), 1000)
    assert ids(a) == ids(b) and len(ids(a)) == 5
    assert ids(a) != ids(c)
    assert a.docs == 1000 and sum(a.hist) == 1000
    # The reservoir is uniform: over many seeds every position gets picked about as often.
    hits = [0] * 10
    for seed in range(400):
        for d in _fill(ReportBuilder(sample=2, seed=seed, extremes=0), 10).sample:
            hits[int(d.stats.doc_id[1:])] += 1
    assert min(hits) > 40 and max(hits) < 120  # expected 80 each


def test_sample_holds_the_extremes_and_orders_them():
    data = _fill(ReportBuilder(sample=3, seed=0, extremes=2), 300)
    shares = [d.stats.share_removed for d in data.sample]
    assert shares == sorted(shares, reverse=True)  # most removed first
    most = [d for d in data.sample if "most removed" in d.reasons]
    least = [d for d in data.sample if "least removed" in d.reasons]
    assert [d.stats.share_removed for d in most] == [1.0, 1.0]
    assert [d.stats.share_removed for d in least] == [0.0, 0.0]
    assert len(data.sample) <= 3 + 2 + 2


def test_scored_sample_lists_lowest_f1_first():
    data = _fill(ReportBuilder(sample=4, seed=0, extremes=2), 200, scored=True)
    f1 = [d.stats.score.f1 for d in data.sample]
    assert f1 == sorted(f1)
    assert "lowest F1" in data.sample[0].reasons and f1[0] == 0.0
    assert data.mean_score is not None and 0 < data.mean_score.f1 < 1


def test_rule_stats_keep_frequent_and_longest_lines_bounded():
    rs = RuleStats()
    for i in range(10000):
        rs.add(Row(1, f"line {i % 5000}", "x", ""), "d", 2)
    rs.add(Row(1, "a very long line that the rule should not have removed at all", "x", ""), "d9", 13)
    assert rs.lines == 10001 and len(rs.top) <= 4000 and len(rs.longest) == 3
    assert max(rs.longest)[2] == "d9"


def test_iter_items_reads_folders_jsonl_and_gold(tmp_path, corpus):
    src, gold = corpus
    items = list(iter_items(src, gold_dir=gold))
    assert [it.doc_id for it in items][:2] == ["000.txt", "001.txt"] and len(items) == 12
    assert items[1].gold == BODY[0] + "\n" + BODY[1] + "\n"
    jsonl = tmp_path / "docs.jsonl"
    jsonl.write_text(json.dumps({"id": "a", "body": page(1)}) + "\n\nnot json\n"
                     + json.dumps({"body": page(2)}) + "\n", encoding="utf-8")
    items = list(iter_items(jsonl, field_name="body"))
    assert [it.doc_id for it in items] == ["a", "line 3", "4"]
    assert items[1].data is None and "not a record" in items[1].error
    data = build_report(Cleaner(), iter_items(jsonl, field_name="body"), sample=5)
    assert data.docs == 2 and data.failed == 1


# --- the page ------------------------------------------------------------------------

def test_page_is_self_contained_and_escaped(corpus):
    src, gold = corpus
    data = build_report(Cleaner(), iter_items(src, gold_dir=gold), sample=4, seed=1)
    data.sample[0].rows += (Row(99, "<script>alert(1)</script> & </del>", "lines.share_buttons", "<b>x</b>"),)
    page_html = render_html(data, command="cleaner report <x>")
    assert "<script>alert(1)" not in page_html and "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;/del&gt;" in page_html
    assert "&lt;b&gt;x&lt;/b&gt;" in page_html
    for external in ("http://", "https://", "src=", "@import", "url("):
        assert external not in page_html, external
    assert page_html.count("<svg") == 2 and "<del>" in page_html
    assert "F1 " in page_html


def test_render_is_linear(tmp_path):
    def timed(n_lines: int) -> float:
        data = _big(n_lines)
        start = time.perf_counter()
        render_html(data)
        return time.perf_counter() - start

    timed(1000)
    small, big = timed(2000), timed(20000)
    assert big < 2.0 and big < 25 * max(small, 1e-3)


def _big(n_lines: int, per_doc: int = 500) -> ReportData:
    rules = ["lines.share_buttons", "lines.navigation", "lines.timestamp", "blocks.related_links"]
    builder = ReportBuilder(sample=n_lines // per_doc, seed=0, extremes=0)
    for d in range(n_lines // per_doc):
        rows = tuple(Row(i + 1, f"Line {i} of document {d} with some words in it.",
                         rules[i % 5] if i % 5 < 4 else None, "evidence") for i in range(per_doc))
        counts = {r: sum(1 for x in rows if x.rule == r) for r in rules}
        builder.add_rows(DocStats(f"doc{d}", 1000, 200, per_doc, per_doc * 4 // 5, 5000, 4000, counts), rows)
    return builder.data()


# --- the command line --------------------------------------------------------------

def test_report_command(corpus, tmp_path, capsys):
    src, gold = corpus
    out = tmp_path / "r.html"
    assert main(["report", str(src), "-o", str(out), "--sample", "3", "--seed", "2", "--gold", str(gold),
                 "-j", "1"]) == 0
    text = out.read_text(encoding="utf-8")
    assert "lowest F1" in text and "lines.share_buttons" in text
    assert "review page" in capsys.readouterr().err
    assert main(["report", str(tmp_path / "missing"), "-o", str(out)]) == 3


def test_batch_writes_a_report(corpus, tmp_path, capsys):
    src, _ = corpus
    out = tmp_path / "r.html"
    assert main(["batch", str(src), "-o", str(tmp_path / "cleaned"), "-j", "1", "-q", "--report", str(out)]) == 0
    assert "<del>" in out.read_text(encoding="utf-8")


def test_explain_colours_only_when_asked():
    result = clean_and_explain(page(1))
    plain, coloured = explain_text(result), explain_text(result, color=True)
    assert "\x1b[" not in plain and "\x1b[" in coloured
    assert coloured.replace("\x1b[0m", "").count("\x1b[") == len(result.removed)


def test_explain_is_plain_when_piped(corpus):
    src, _ = corpus
    exe = Path(__file__).resolve().parent.parent / ".venv" / "bin" / "cleaner"
    if not exe.exists():
        pytest.skip(f"{exe} is absent")
    out = subprocess.run([str(exe), "clean", str(src / "001.txt"), "--explain"], capture_output=True, text=True)
    assert out.returncode == 0 and "\x1b[" not in out.stdout and re.search(r"^ +\d+ - ", out.stdout, re.M)


# --- in a real browser ---------------------------------------------------------------

def _chromium() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable"):
        path = shutil.which(name)
        if path:
            return path
    return None


class Browser:
    """Headless Chromium driven over the DevTools protocol on a pipe; one page (tab)."""

    def __init__(self, exe: str, width: int = 1280, height: int = 900):
        self.profile = tempfile.mkdtemp(prefix="cleaner-chromium-")
        cmd_r, self._cmd_w = os.pipe()    # we write commands; Chromium reads fd 3
        self._res_r, res_w = os.pipe()    # Chromium writes fd 4; we read

        def fds() -> None:
            a, b = fcntl.fcntl(cmd_r, fcntl.F_DUPFD, 10), fcntl.fcntl(res_w, fcntl.F_DUPFD, 10)
            os.dup2(a, 3)
            os.dup2(b, 4)

        self.proc = subprocess.Popen(
            [exe, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
             "--disable-background-networking", "--disable-component-update", "--disable-sync",
             "--hide-scrollbars", "--disable-dev-shm-usage", "--remote-debugging-pipe", f"--user-data-dir={self.profile}", "about:blank"],
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            preexec_fn=fds, close_fds=False)
        os.close(cmd_r)
        os.close(res_w)
        self._buf = b""
        self._id = 0
        self.events: list[dict] = []
        target = self.call("Target.createTarget", url="about:blank")["targetId"]
        self.session = self.call("Target.attachToTarget", targetId=target, flatten=True)["sessionId"]
        self.call("Page.enable", session=True)
        self.call("Emulation.setDeviceMetricsOverride", session=True, width=width, height=height,
                  deviceScaleFactor=1, mobile=False)

    def _read(self, deadline: float) -> dict:
        while b"\0" not in self._buf:
            left = deadline - time.monotonic()
            if left <= 0 or not select.select([self._res_r], [], [], left)[0]:
                raise TimeoutError("Chromium did not answer in time")
            chunk = os.read(self._res_r, 1 << 20)
            if not chunk:
                raise RuntimeError("Chromium closed the pipe")
            self._buf += chunk
        raw, self._buf = self._buf.split(b"\0", 1)
        return json.loads(raw)

    def call(self, method: str, session: bool = False, timeout: float = 20, **params):
        self._id += 1
        msg = {"id": self._id, "method": method, "params": params}
        if session:
            msg["sessionId"] = self.session
        os.write(self._cmd_w, json.dumps(msg).encode() + b"\0")
        deadline = time.monotonic() + timeout
        while True:
            reply = self._read(deadline)
            if reply.get("id") == self._id:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                return reply.get("result", {})
            self.events.append(reply)

    def wait_event(self, method: str, timeout: float = 20) -> dict:
        deadline = time.monotonic() + timeout
        while True:
            for i, ev in enumerate(self.events):
                if ev.get("method") == method:
                    return self.events.pop(i)
            self.events.append(self._read(deadline))

    def open(self, url: str) -> None:
        self.events.clear()
        self.call("Page.navigate", session=True, url=url)
        self.wait_event("Page.loadEventFired")

    def js(self, expression: str):
        reply = self.call("Runtime.evaluate", session=True, expression=expression, returnByValue=True,
                          awaitPromise=True)
        if "exceptionDetails" in reply:
            raise RuntimeError(f"{expression[:60]}: {reply['exceptionDetails']}")
        return reply["result"].get("value")

    def click(self, selector: str) -> None:
        """A real mouse click at the middle of the first element matching ``selector``."""
        box = self.js(f"(() => {{ const e = document.querySelector({json.dumps(selector)});"
                      "e.scrollIntoView({block: 'center'}); const r = e.getBoundingClientRect();"
                      "return [r.x + r.width / 2, r.y + r.height / 2]; })()")
        for kind in ("mousePressed", "mouseReleased"):
            self.call("Input.dispatchMouseEvent", session=True, type=kind, x=box[0], y=box[1],
                      button="left", clickCount=1)

    def screenshot(self, path: Path, full: bool = False) -> None:
        import base64

        params = {"format": "png", "captureBeyondViewport": full}
        if full:
            w, h = self.js("[document.documentElement.scrollWidth, document.documentElement.scrollHeight]")
            params["clip"] = {"x": 0, "y": 0, "width": w, "height": min(h, 6000), "scale": 1}
        data = self.call("Page.captureScreenshot", session=True, **params)["data"]
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(base64.b64decode(data))

    def close(self) -> None:
        try:
            self.call("Browser.close", timeout=5)
        except Exception:
            pass
        try:
            self.proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        for fd in (self._cmd_w, self._res_r):
            os.close(fd)
        shutil.rmtree(self.profile, ignore_errors=True)


@pytest.fixture(scope="module")
def browser():
    exe = _chromium()
    if exe is None:
        pytest.skip("no Chromium found (chromium, chromium-browser, google-chrome): the browser test "
                    "needs one; `apt-get install chromium` (as .ci/run does) to run it")
    b = Browser(exe)
    yield b
    b.close()


VISIBLE = "(e => e.getClientRects().length > 0)"


def test_report_renders_and_filters_in_chromium(browser, corpus, tmp_path):
    src, gold = corpus
    out = tmp_path / "report.html"
    assert main(["report", str(src), "-o", str(out), "--sample", "6", "--gold", str(gold), "-j", "1"]) == 0
    browser.open(out.as_uri())

    # Removed lines are rendered struck through; kept lines are not.
    struck = browser.js("[...document.querySelectorAll('.r del')].filter(e => "
                        "getComputedStyle(e).textDecorationLine.includes('line-through')).length")
    total = browser.js("document.querySelectorAll('.r').length")
    assert struck == total > 0
    assert browser.js("[...document.querySelectorAll('.k')].every(e => "
                      "!getComputedStyle(e).textDecorationLine.includes('line-through'))")
    # The bar chart and the histogram are drawn with visible bars.
    bars = browser.js("[...document.querySelectorAll('svg .bar rect')].map(r => r.getBoundingClientRect().width)")
    assert len(bars) >= 3 and all(w > 0 for w in bars)
    assert browser.js("[...document.querySelectorAll('svg .hbar')].some(r => r.getBoundingClientRect().height > 0)")
    ARTIFACTS.mkdir(exist_ok=True)
    browser.screenshot(ARTIFACTS / "report.png", full=True)

    # Clicking a rule's bar in the chart filters the sample: only that rule's removed lines stay.
    # (the second-largest rule: the largest might be the only one in some documents)
    idx = browser.js("document.querySelectorAll('svg .bar')[1].dataset.rule")
    rule = browser.js("document.querySelectorAll('svg .bar')[1].querySelector('title').textContent.split(':')[0]")
    browser.click(f'svg .bar[data-rule="{idx}"] rect')
    assert browser.js("document.getElementById('rule').value") == idx
    shown = browser.js(f"[...document.querySelectorAll('.r')].filter({VISIBLE}).map(e => e.className)")
    hidden = browser.js(f"[...document.querySelectorAll('.r')].filter(e => !{VISIBLE}(e)).map(e => e.className)")
    assert shown and all(f"r{idx}" in c.split() for c in shown)
    assert hidden and not any(f"r{idx}" in c.split() for c in hidden)
    assert browser.js("document.querySelectorAll('.r').length") == len(shown) + len(hidden)
    # Hover shows the rule id and its evidence.
    assert all(t.startswith(rule + ":") for t in browser.js(
        f"[...document.querySelectorAll('.r')].filter({VISIBLE}).map(e => e.title)"))
    browser.screenshot(ARTIFACTS / "report-filtered.png")

    # Hiding kept lines and going back to all rules.
    browser.js("document.getElementById('kept').click()")
    assert browser.js(f"[...document.querySelectorAll('.k')].filter({VISIBLE}).length") == 0
    browser.js("const s = document.getElementById('rule'); s.value = ''; s.dispatchEvent(new Event('change'))")
    assert browser.js(f"[...document.querySelectorAll('.r')].filter({VISIBLE}).length") == total
    # With gold: only the removed lines found in the gold text (the likely misfires).
    browser.js("document.getElementById('gold').click()")
    assert browser.js(f"[...document.querySelectorAll('.l')].filter({VISIBLE}).every(e => "
                      "e.classList.contains('g'))")


def test_report_with_10000_lines_stays_usable(browser, tmp_path):
    data = _big(10000)
    out = tmp_path / "big.html"
    out.write_text(render_html(data), encoding="utf-8")
    start = time.monotonic()
    browser.open(out.as_uri())
    load = time.monotonic() - start
    ms = browser.js("""(() => { const s = document.getElementById('rule'); const t0 = performance.now();
        for (const v of [s.options[1].value, s.options[2].value, '']) {
            s.value = v; s.dispatchEvent(new Event('change')); document.body.offsetHeight; }
        return performance.now() - t0; })()""")
    assert browser.js("document.querySelectorAll('.l').length") == 10000
    assert load < 10 and ms < 3000, (load, ms)
