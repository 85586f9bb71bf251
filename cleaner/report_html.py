"""The render half of the review page: :class:`~cleaner.report.ReportData` to one
self-contained HTML file (inline CSS, inline SVG, a few lines of script for the rule
filter). Every piece of input text is escaped; nothing is fetched from anywhere.
"""

from __future__ import annotations

import html
from pathlib import Path
from typing import Any

from .io import write_atomic
from .report import PALETTE, ReportData, RuleStats, SampledDoc, rule_order

def _e(text: Any) -> str:
    return html.escape(str(text), quote=True)


def _pct(x: float) -> str:
    return f"{100 * x:.1f}%"


def _size(n: int) -> str:
    for unit, scale in (("GB", 1e9), ("MB", 1e6), ("kB", 1e3)):
        if n >= scale:
            return f"{n / scale:.1f} {unit}"
    return f"{n} B"


def _colours(rules: dict[str, RuleStats]) -> dict[str, tuple[int, str]]:
    """rule id -> (index, colour): the rules that removed most first, then the rest in pipeline order."""
    order = [r for r, _ in sorted(rules.items(), key=lambda kv: (-kv[1].lines, kv[0]))]
    order += [r for r in rule_order() if r not in rules]
    return {rid: (i, PALETTE[i % len(PALETTE)]) for i, rid in enumerate(order)}


def bar_chart(data: ReportData, colours: dict[str, tuple[int, str]]) -> str:
    """Inline SVG: lines removed per rule id, largest first; a bar click filters the sample by that rule."""
    items = sorted(data.rules.items(), key=lambda kv: (-kv[1].lines, kv[0]))
    if not items:
        return '<p class="muted">No line was removed.</p>'
    row, label_w, bar_w = 20, 190, 330
    top = max(s.lines for _, s in items)
    parts = [f'<svg class="chart" role="img" aria-label="lines removed per rule" width="{label_w + bar_w + 110}" '
             f'height="{row * len(items) + 6}" viewBox="0 0 {label_w + bar_w + 110} {row * len(items) + 6}">']
    for k, (rid, s) in enumerate(items):
        idx, colour = colours[rid]
        y = 3 + k * row
        w = max(1.0, bar_w * s.lines / top)
        parts.append(
            f'<g class="bar" data-rule="{idx}"><title>{_e(rid)}: {s.lines} lines, {s.tokens} tokens, '
            f'{s.docs} documents</title>'
            f'<text x="{label_w - 6}" y="{y + 13}" text-anchor="end">{_e(rid)}</text>'
            f'<rect x="{label_w}" y="{y + 2}" width="{w:.1f}" height="{row - 6}" fill="{colour}" rx="2"/>'
            f'<text x="{label_w + w + 5:.1f}" y="{y + 13}" class="num">{s.lines}</text></g>')
    parts.append("</svg>")
    return "".join(parts)


def hist_chart(data: ReportData) -> str:
    """Inline SVG histogram of the share of tokens removed per document."""
    w, h, left, bottom = 460, 170, 34, 24
    bins = len(data.hist)
    top = max(data.hist) or 1
    bw = (w - left - 22) / bins
    parts = [f'<svg class="chart" role="img" aria-label="documents by share of tokens removed" width="{w}" '
             f'height="{h}" viewBox="0 0 {w} {h}">',
             f'<line x1="{left}" y1="{h - bottom}" x2="{w - 4}" y2="{h - bottom}" class="axis"/>',
             f'<text x="{left - 4}" y="14" text-anchor="end" class="num">{top}</text>',
             f'<text x="{left - 4}" y="{h - bottom}" text-anchor="end" class="num">0</text>']
    for i, n in enumerate(data.hist):
        bh = (h - bottom - 10) * n / top
        x = left + i * bw
        lo, hi = 100 * i // bins, 100 * (i + 1) // bins
        parts.append(f'<rect x="{x + 1:.1f}" y="{h - bottom - bh:.1f}" width="{bw - 2:.1f}" height="{bh:.1f}" '
                     f'class="hbar"><title>{lo}–{hi}% removed: {n} documents</title></rect>')
    for pct in (0, 25, 50, 75, 100):
        x = left + (w - left - 22) * pct / 100
        parts.append(f'<text x="{x:.1f}" y="{h - 8}" text-anchor="middle" class="num">{pct}%</text>')
    parts.append("</svg>")
    return "".join(parts)


def _cards(data: ReportData) -> str:
    cards = [("documents", f"{data.docs:,}" + (f" <small>({data.failed} failed)</small>" if data.failed else "")),
             ("bytes in → out", f"{_size(data.bytes_in)} → {_size(data.bytes_out)}"),
             ("lines removed", f"{_pct(data.lines_removed / data.lines if data.lines else 0)} "
                               f"<small>{data.lines_removed:,} of {data.lines:,}</small>"),
             ("tokens removed", f"{_pct(data.tokens_removed / data.tokens if data.tokens else 0)} "
                                f"<small>{data.tokens_removed:,} of {data.tokens:,}</small>")]
    m = data.mean_score
    if m is not None:
        cards.append((f"mean over {data.scored} scored", f"P {m.precision:.3f} · R {m.recall:.3f} · "
                                                         f"F1 {m.f1:.3f}"))
    return "".join(f'<div class="card"><div class="lab">{k}</div><div class="val">{v}</div></div>' for k, v in cards)


def _rules_table(data: ReportData, colours: dict[str, tuple[int, str]]) -> str:
    if not data.rules:
        return ""
    gold = data.scored > 0
    head = ("<tr><th>rule</th><th>lines</th><th>tokens</th><th>docs</th>"
            + ("<th title='removed lines of 4+ tokens found in the gold text'>in gold</th>" if gold else "")
            + "<th>most frequent lines removed</th><th>longest lines removed (where misfires show)</th></tr>")
    body = []
    for rid, s in sorted(data.rules.items(), key=lambda kv: (-kv[1].lines, kv[0])):
        idx, _ = colours[rid]
        top = "".join(f"<li><span class='cnt'>{n}×</span> {_e(t)}</li>" for t, n in s.top.most_common(5))
        longest = "".join(f"<li title='{_e(doc)}: {_e(t)}'><span class='cnt'>{n} tok</span> {_e(t[:200])}</li>"
                          for n, t, doc in sorted(s.longest, reverse=True))
        body.append(f"<tr><td><a class='chip r{idx}' href='#sample' data-rule='{idx}'>{_e(rid)}</a></td>"
                    f"<td class='n'>{s.lines:,}</td><td class='n'>{s.tokens:,}</td><td class='n'>{s.docs:,}</td>"
                    + (f"<td class='n{' warn' if s.in_gold else ''}'>{s.in_gold:,}</td>" if gold else "")
                    + f"<td><ul>{top}</ul></td><td><ul>{longest}</ul></td></tr>")
    return f"<table class='rules'>{head}{''.join(body)}</table>"


def _doc(k: int, doc: SampledDoc, colours: dict[str, tuple[int, str]]) -> str:
    s = doc.stats
    present = " ".join(f"h{colours[r][0]}" for r in s.counts) + (" hg" if any(r.in_gold for r in doc.rows) else "")
    chips = "".join(f"<span class='chip r{colours[r][0]}'>{_e(r)} {n}</span>"
                    for r, n in sorted(s.counts.items(), key=lambda kv: -kv[1])[:6])
    score_html = ""
    if s.score is not None:
        score_html = (f"<span class='score'>P {s.score.precision:.2f} · R {s.score.recall:.2f} · "
                      f"<b>F1 {s.score.f1:.2f}</b></span>")
    lines = []
    for row in doc.rows:
        if not row.text:
            lines.append('<div class="b"></div>')
        elif row.rule is None:
            lines.append(f'<div class="l k"><span class="n">{row.number}</span>{_e(row.text)}</div>')
        else:
            idx = colours[row.rule][0]
            flag = ' g" title="' if row.in_gold else '" title="'
            mark = '<span class="warn" title="found in the gold text">⚠ in gold</span>' if row.in_gold else ""
            lines.append(f'<div class="l r r{idx}{flag}{_e(row.rule)}: {_e(row.detail)}">'
                         f'<span class="n">{row.number}</span><del>{_e(row.text)}</del>'
                         f'<span class="t">{_e(row.rule)}</span>{mark}</div>')
    return (f'<details class="doc {present}" open id="doc-{k}"><summary><span class="id">{_e(s.doc_id)}</span>'
            f'<span class="share">{_pct(s.share_removed)} of tokens removed</span>'
            f'<span class="muted">{s.lines_removed}/{s.lines} lines</span>{score_html}'
            f'<span class="why">{_e(", ".join(doc.reasons))}</span>{chips}</summary>'
            f'<div class="lines">{"".join(lines)}</div></details>')


_CSS = """
*{box-sizing:border-box}
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",sans-serif;margin:0;color:#1d1d1f;background:#f6f6f4}
header,section{max-width:1200px;margin:0 auto;padding:10px 20px}
h1{font-size:22px;margin:14px 0 2px}h2{font-size:17px;margin:18px 0 8px}
.muted,small{color:#6b6b6b}small{font-size:12px;font-weight:400}
.cards{display:flex;flex-wrap:wrap;gap:10px}
.card{background:#fff;border:1px solid #ddd;border-radius:6px;padding:8px 14px;min-width:170px}
.card .lab{font-size:12px;color:#6b6b6b;text-transform:uppercase;letter-spacing:.04em}.card .val{font-size:19px;font-weight:600}
.charts{display:flex;flex-wrap:wrap;gap:16px}
figure{margin:0;background:#fff;border:1px solid #ddd;border-radius:6px;padding:8px 12px}
figcaption{font-weight:600;margin-bottom:4px}
.chart text{font-size:12px;fill:#333}.chart .num{fill:#555}.chart .axis{stroke:#999}
.chart .hbar{fill:#5b6abf}.chart .bar{cursor:pointer}.chart .bar:hover text{font-weight:700}
table.rules{border-collapse:collapse;background:#fff;width:100%;font-size:13px}
.rules th,.rules td{border:1px solid #e2e2e2;padding:4px 6px;vertical-align:top;text-align:left}
.rules td.n{text-align:right;white-space:nowrap}.rules ul{margin:0;padding:0;list-style:none}
.rules li{white-space:nowrap;overflow:hidden;text-overflow:ellipsis;max-width:380px}
.cnt{color:#888;font-size:11px;margin-right:3px}
.chip{display:inline-block;border-radius:10px;padding:0 7px;margin:1px 3px 1px 0;font-size:12px;color:var(--c);
 background:var(--t);border:1px solid var(--c);text-decoration:none;white-space:nowrap;cursor:pointer}
#controls{position:sticky;top:0;z-index:2;background:#f6f6f4;padding:8px 0;border-bottom:1px solid #ddd;
 display:flex;flex-wrap:wrap;gap:12px;align-items:center}
#controls select{font-size:14px;padding:2px 4px}
.doc{background:#fff;border:1px solid #ddd;border-radius:6px;margin:10px 0;content-visibility:auto;
 contain-intrinsic-size:auto 600px;scroll-margin-top:56px}
.doc summary{padding:6px 10px;cursor:pointer;display:flex;flex-wrap:wrap;gap:10px;align-items:baseline;
 border-bottom:1px solid #eee}
.doc .id{font-weight:700;font-family:ui-monospace,monospace}.doc .share{font-weight:600}
.doc .why{font-size:12px;color:#fff;background:#777;border-radius:3px;padding:0 5px}
.score b{font-weight:700}
.lines{font:12.5px/1.5 ui-monospace,"DejaVu Sans Mono",monospace;padding:4px 0}
.l{padding:0 10px 0 54px;text-indent:-54px;white-space:pre-wrap;word-break:break-word;border-left:4px solid transparent}
.l .n{display:inline-block;width:44px;text-align:right;margin-right:10px;color:#aaa;user-select:none}
.r{color:var(--c);background:var(--t);border-left-color:var(--c)}
.r del{text-decoration-thickness:1.5px}
.r .t{font:11px system-ui,sans-serif;margin-left:10px;opacity:.8}
.b{height:6px}
.warn{color:#b00020;font-weight:700}.r .warn{font:700 11px system-ui,sans-serif;margin-left:8px}
.g{outline:2px solid #b00020;outline-offset:-2px}
#docs.nokept .k,#docs.nokept .b,#docs.gold .l:not(.g),#docs.gold .b,#docs.gold>.doc:not(.hg){display:none}
.errors{color:#b00020;font-size:13px}
"""

_SCRIPT = """
(function(){
var docs=document.getElementById('docs'),sel=document.getElementById('rule'),
kept=document.getElementById('kept'),gold=document.getElementById('gold'),
count=document.getElementById('shown');
function apply(){
 var v=sel.value;
 docs.className=(v===''?'':'f'+v)+(kept.checked?'':' nokept')+(gold&&gold.checked?' gold':'');
 var n=docs.querySelectorAll(':scope>.doc'+(v===''?'':'.h'+v)+(gold&&gold.checked?'.hg':'')).length;
 count.textContent=n+' of '+docs.children.length+' documents';
 if(history.replaceState)history.replaceState(null,'',v===''?location.pathname:'#rule='+v);
}
sel.addEventListener('change',apply);kept.addEventListener('change',apply);
if(gold)gold.addEventListener('change',apply);
document.querySelectorAll('[data-rule]').forEach(function(el){el.addEventListener('click',function(ev){
 ev.preventDefault();sel.value=el.getAttribute('data-rule');apply();
 document.getElementById('sample').scrollIntoView();});});
var m=/rule=(\\d+)/.exec(location.hash);if(m)sel.value=m[1];
apply();
})();
"""


def render_html(data: ReportData, title: str = "cleaner: what was removed", command: str = "") -> str:
    """The whole page as one string: no external resource of any kind.

    Filtering is plain CSS switched by one class on the container (``#docs.f3`` hides
    every removed line not of rule 3 and every document without one), so the script
    does constant work whatever the number of lines.
    """
    colours = _colours(data.rules)
    for doc in data.sample:   # rules seen only in rows built by hand (not counted) still get a colour
        for rule in doc.stats.counts:
            colours.setdefault(rule, (len(colours), PALETTE[len(colours) % len(PALETTE)]))
    used = sorted({colours[r] for r in data.rules} | {colours[r] for d in data.sample for r in d.stats.counts})
    rule_css = "".join(f".r{i}{{--c:{c};--t:{c}1a}}"
                       f"#docs.f{i} .r:not(.r{i}),#docs.f{i}>.doc:not(.h{i}){{display:none}}" for i, c in used)
    names = {i: r for r, (i, _) in colours.items()}
    options = "".join(f'<option value="{i}">{_e(names[i])} ({data.rules[names[i]].lines if names[i] in data.rules else 0})'
                      f'</option>' for i, _ in used)
    sample_note = (f"{len(data.sample)} documents: {data.sample_size} at random (seed {data.seed}) plus the "
                   f"largest and smallest share removed" + (", and the lowest F1; lowest F1 first" if data.scored
                                                            else "; most removed first"))
    gold_box = ""
    if data.scored:
        gold_box = ('<label title="removed lines of 4+ tokens, 90% of them in the gold text">'
                    '<input type="checkbox" id="gold"> only removed lines found in the gold (⚠)</label>')
    errors = ""
    if data.errors:
        errors = ("<section><h2>Failed documents</h2><ul class='errors'>"
                  + "".join(f"<li>{_e(e)}</li>" for e in data.errors) + "</ul></section>")
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>{_e(title)}</title><style>{_CSS}{rule_css}</style></head><body>
<header><h1>{_e(title)}</h1><p class="muted">{_e(data.source)}{' · ' if command else ''}<code>{_e(command)}</code></p></header>
<section id="summary"><div class="cards">{_cards(data)}</div></section>
<section class="charts"><figure><figcaption>Lines removed per rule <small>(click a bar to filter)</small></figcaption>
{bar_chart(data, colours)}</figure>
<figure><figcaption>Documents by share of tokens removed</figcaption>{hist_chart(data)}</figure></section>
<section><h2>What each rule removed, over all documents</h2>{_rules_table(data, colours)}</section>
{errors}
<section id="sample"><h2>Sampled documents</h2><p class="muted">{_e(sample_note)}. Removed lines are struck
through in their rule's colour; hover one for the rule and its evidence.</p>
<div id="controls"><label>Rule: <select id="rule"><option value="">all rules</option>{options}</select></label>
<label><input type="checkbox" id="kept" checked> show kept lines</label>{gold_box}<span id="shown" class="muted"></span></div>
<div id="docs">{"".join(_doc(k, d, colours) for k, d in enumerate(data.sample))}</div></section>
<script>{_SCRIPT}</script></body></html>
"""


def write_report(data: ReportData, path: str | Path, command: str = "") -> None:
    """Render and write the page atomically."""
    write_atomic(path, render_html(data, command=command))
