"""The first real input: the seed comes out as exactly its 14 body paragraphs."""

from __future__ import annotations

import json

from cleaner import clean, clean_and_explain
from cleaner.cli import main
from cleaner.document import input_lines

from conftest import SEED, needs_shared


def _paragraphs(text: str) -> list[str]:
    return [p for p in text.split("\n") if p.strip()]


def test_seed_body_exactly():
    needs_shared(SEED)
    raw = SEED.read_bytes()
    paras = _paragraphs(clean(raw))
    assert len(paras) == 14
    assert paras[0].startswith("The United States' reluctance to share intelligence")
    assert paras[-1].endswith("through the Baghdad Information Center channels,” Ryabkov said.")
    source = raw.decode("utf-8").replace("\u00a0", " ")
    for p in paras:  # wording unchanged: each paragraph is an input line, curly quotes and dashes kept
        assert p in source
    assert "MOSCOW (Sputnik) – The United States’ refusal" in paras[1]
    out = "\n".join(paras)
    for chrome in ["Listen Live", "Get short URL", "Russia Versus ISIL", "Community standards", "GMT14",
                   "Free Syrian Army Ready", "Syrian conflict, Russian Foreign Ministry"]:
        assert chrome not in out


def test_seed_metadata(capsys):
    needs_shared(SEED)
    assert main(["clean", str(SEED), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    meta = data["metadata"]
    assert meta["timestamp"] == "11:21 GMT14 August 2020"
    assert meta["series"] == "Russia Versus ISIL in Syria"
    assert meta["tags"] == ["Syrian conflict", "Russian Foreign Ministry", "Sergei Ryabkov", "Syria",
                            "United States", "Russia"]
    assert len(meta["related"]) == 5 and meta["related"][-1] == "Free Syrian Army Ready for Contacts With Russia"
    rules = {r["rule"] for r in data["removed"]}
    assert {"lines.timestamp", "lines.media_controls", "lines.share_buttons", "blocks.series_label",
            "blocks.related_links", "blocks.tag_list", "lines.comment_controls"} <= rules
    assert any(r["step"] == "normalize.odd_spaces" for r in data["repairs"])
    # "Community standardsDiscussion": cut apart by cleaner.glue, each piece a comments phrase.
    glued = {r["text"]: r["rule"] for r in data["removed"] if r["text"] in ("Community standards", "Discussion")}
    assert glued == {"Community standards": "lines.comment_controls", "Discussion": "lines.comment_controls"}
    assert any(r["step"] == "glue" for r in data["repairs"])


def test_seed_glued_line_without_layout_steps():
    """With the lines judged as the input breaks them, the glued line is one line of phrases."""
    needs_shared(SEED)
    result = clean_and_explain(SEED.read_bytes(), unwrap=False)
    assert {l.text: l.removal.rule for l in result.removed}["Community standardsDiscussion"] == "lines.glued_phrases"


def test_seed_explanation_rebuilds_input():
    needs_shared(SEED)
    result = clean_and_explain(SEED.read_bytes())
    rebuilt = input_lines(result.lines)  # a glued piece runs on from the line before
    expected = [" ".join(l.replace("\u00a0", " ").split()) for l in SEED.read_text(encoding="utf-8").splitlines()]
    assert rebuilt == expected
