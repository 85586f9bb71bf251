"""Learned site boilerplate: fit (deterministic, map-reduce), the model file, apply, the corpus suites."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cleaner import Cleaner, Config, all_rules
from cleaner.batch import fit_files, run_batch
from cleaner.cli import main
from cleaner.learned import Counts, Model, document_keys, fit

SUITES = Path(__file__).resolve().parent.parent / "corpus" / "learned"
SITE, TWIN = SUITES / "lagoverda", SUITES / "lagoverda-quote"
FOOTER = ["Ĉu vi ŝatis ĉi tiun artikolon? Subtenu sendependan lokan ĵurnalismon.",
          "Fariĝu membro de la Kuriero-rondo por nur 3 eŭroj monate.",
          "Lagoverda Kuriero aperas ĉiun matenon krom dimanĉe."]
QUOTE = "«Se ni ne agos nun, niaj infanoj ne plu konos la lagon, kiun ni amas», diris la urbestro Karlo Novak."


def pages(suite: Path) -> list[Path]:
    return sorted((suite / "pages").glob("*.txt"))


def fitted(suite: Path, **options) -> Model:
    return fit_files(Config(), suite / "pages", **options)


@pytest.mark.parametrize("suite", [SITE, TWIN], ids=["lagoverda", "lagoverda-quote"])
def test_suite_cleans_to_expected_with_the_model(suite):
    assert len(pages(suite)) >= 12
    cleaner = Cleaner(model=fitted(suite))
    for p in pages(suite):
        expected = (suite / "expected" / p.name).read_text(encoding="utf-8")
        assert cleaner.clean(p.read_bytes()) == expected.rstrip("\n"), f"{suite.name}/{p.name}"


def test_only_the_learned_model_removes_the_site_chrome():
    plain, learned = Cleaner(), Cleaner(model=fitted(SITE))
    for p in pages(SITE):
        without = plain.clean(p.read_bytes())
        assert all(line in without.splitlines() for line in FOOTER), p.name  # no lexicon knows them
        result = learned.explain(p.read_bytes())
        by_rule = {line.text: line.removal for line in result.removed}
        for line in FOOTER:
            assert by_rule[line].rule == "learned.frequent_line"
            assert by_rule[line].detail == "seen in 12 of 12 docs"


def test_a_quote_in_two_articles_survives_below_the_threshold():
    model = fitted(TWIN)
    outputs = [Cleaner(model=model).clean(p.read_bytes()) for p in pages(TWIN)]
    assert sum(QUOTE in out for out in outputs) == 2
    # It is the threshold that protects it: a model that keeps lines seen twice removes it.
    loose = fitted(TWIN, min_docs=2, min_share=0.1)
    assert not any(QUOTE in Cleaner(model=loose).clean(p.read_bytes()) for p in pages(TWIN))


def test_lines_are_normalised_as_cc_net_does():
    assert document_keys("Legado: 3 minutoj\nLEGADO — 12 minutoj!\nok") == {"legado 0 minutoj"}
    model = fit([("", f"Legado: {i} minutoj\nArticle {'xyzw'[i % 4]} {i}.") for i in range(6)])
    assert model.groups[""].lines == {"legado 0 minutoj": 6}


def test_fit_is_deterministic_and_the_model_file_small_and_readable(tmp_path):
    shuffled = tmp_path / "shuffled"
    shuffled.mkdir()
    for i, p in enumerate(reversed(pages(SITE))):  # other names, other order
        shutil.copy(p, shuffled / f"z{i:02d}.txt")
    outs = []
    for src, jobs in ((SITE / "pages", "1"), (SITE / "pages", "2"), (shuffled, "2")):
        out = tmp_path / f"model{len(outs)}.json"
        assert main(["fit", str(src), "-o", str(out), "-j", jobs, "-q"]) == 0
        outs.append(out.read_bytes())
    assert outs[0] == outs[1] == outs[2]
    data = json.loads(outs[0])
    assert len(outs[0]) < 2000 and data["format"] == "cleaner.learned/1" and data["group_by"] == "none"
    assert data["groups"][""]["docs"] == 12
    assert Model.from_json(outs[0].decode()).to_json().encode() == outs[0]


@settings(max_examples=40, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["a", "b"]), st.sets(st.sampled_from(["x", "y", "z", "w"]))),
                max_size=30), st.randoms())
def test_counts_merge_in_any_order_to_the_same_model(docs, rnd):
    whole = Counts()
    for group, keys in docs:
        whole.add(group, keys)
    parts = [Counts() for _ in range(3)]
    for group, keys in docs:
        rnd.choice(parts).add(group, keys)
    rnd.shuffle(parts)
    merged = Counts()
    for part in parts:
        merged = merged.merge(part) if rnd.random() < 0.5 else part.merge(merged)
    assert merged.to_model(0.5, 2).to_json() == whole.to_model(0.5, 2).to_json()


def test_groups_by_folder_keep_sites_apart(tmp_path, capsys):
    for site, slogan in (("a.example", "Alpha news, every hour, every day"), ("b.example", "Beta weekly: the valley in print")):
        (tmp_path / "in" / site).mkdir(parents=True)
        for i in range(6):
            other = "Alpha news, every hour, every day\n" if site == "b.example" and i == 0 else ""
            (tmp_path / "in" / site / f"{i}.txt").write_text(
                f"{slogan}\n{other}Story {i} of {site} tells of the harbour, the {'ferry bus tram boat cart bike'.split()[i]} and the rain.\n")
    model = fit_files(Config(), tmp_path / "in", group_by="folder")
    assert sorted(model.groups) == ["a.example", "b.example"] and model.group_by == "folder"
    # batch --model picks the model's grouping; a's slogan on one b page is not b's chrome.
    # (The other rules are off: this is about groups, whatever the heading rules decide.)
    (tmp_path / "m.json").write_text(model.to_json())
    others = [arg for rid, _ in all_rules() if rid != "learned.frequent_line" for arg in ("--disable", rid)]
    assert main(["batch", str(tmp_path / "in"), "-o", str(tmp_path / "out"), "--model", str(tmp_path / "m.json"),
                 "-j", "1", "-q", *others]) == 0
    assert (tmp_path / "out" / "b.example" / "0.txt").read_text().startswith("Alpha news")
    assert (tmp_path / "out" / "a.example" / "0.txt").read_text().startswith("Story 0")
    assert (tmp_path / "out" / "b.example" / "1.txt").read_text().startswith("Story 1")
    # one page: name its group
    page = str(tmp_path / "in" / "b.example" / "1.txt")
    assert main(["clean", page, "--model", str(tmp_path / "m.json"), "--group", "b.example", "-o",
                 str(tmp_path / "one.txt"), *others]) == 0
    assert (tmp_path / "one.txt").read_text().startswith("Story 1")


def test_batch_learn_fits_then_applies_in_two_passes(tmp_path):
    report = run_batch(Cleaner(), SITE / "pages", tmp_path / "out", learn=True, workers=2)
    assert report.removed["learned.frequent_line"] >= 36 and report.model.endswith("_model.json")
    for p in pages(SITE):
        assert (tmp_path / "out" / p.name).read_text(encoding="utf-8") == (SITE / "expected" / p.name).read_text(encoding="utf-8")
    assert main(["fit", str(SITE / "pages"), "-o", str(tmp_path / "m.json"), "-q"]) == 0
    assert (tmp_path / "out" / "_model.json").read_bytes() == (tmp_path / "m.json").read_bytes()


def test_jsonl_fit_by_field_and_apply(tmp_path, capsys):
    rows = [{"domain": "lagoverda.eo", "text": p.read_text(encoding="utf-8")} for p in pages(SITE)]
    rows += [{"domain": "other.eo", "text": FOOTER[0] + "\nAlia teksto pri la monto kaj la neĝo."}]
    (tmp_path / "in.jsonl").write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    assert main(["fit", str(tmp_path / "in.jsonl"), "-o", str(tmp_path / "m.json"), "--group-field", "domain", "-q"]) == 0
    model = Model.load(tmp_path / "m.json")
    assert model.group_by == "field:domain" and list(model.groups) == ["lagoverda.eo"]
    assert main(["jsonl", str(tmp_path / "in.jsonl"), "-o", str(tmp_path / "out.jsonl"),
                 "--model", str(tmp_path / "m.json"), "-j", "1", "-q"]) == 0
    out = [json.loads(l) for l in (tmp_path / "out.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [o["text"] for o in out[:12]] == [(SITE / "expected" / p.name).read_text(encoding="utf-8").rstrip("\n")
                                            for p in pages(SITE)]
    assert out[12]["text"].startswith(FOOTER[0])  # another site: its group has no such line
    assert "learned.frequent_line" in capsys.readouterr().err


def test_clean_model_explains_with_evidence(tmp_path, capsys):
    (tmp_path / "m.json").write_text(fitted(SITE).to_json(), encoding="utf-8")
    assert main(["clean", str(pages(SITE)[0]), "--model", str(tmp_path / "m.json"), "--explain", "--no-color"]) == 0
    assert "[learned.frequent_line: seen in 12 of 12 docs]" in capsys.readouterr().out


def test_a_bad_model_file_is_one_line_exit_3(tmp_path, capsys):
    (tmp_path / "bad.json").write_text('{"format": "something else"}')
    assert main(["clean", str(pages(SITE)[0]), "--model", str(tmp_path / "bad.json")]) == 3
    err = capsys.readouterr().err
    assert "not a valid model file" in err and "Traceback" not in err
