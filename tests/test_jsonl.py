"""JSON lines: one field cleaned, every other field kept, input order, bad lines never silently lost."""

from __future__ import annotations

import gzip
import io
import json
import sys


from cleaner import Cleaner
from cleaner.cli import main
from cleaner.jsonl import run_jsonl

BODY = "The council approved the new budget for the harbour district on Monday evening."


def record(i: int, **extra) -> dict:
    return {"id": i, "url": f"https://example.org/{i}", "meta": {"n": i, "tags": ["a", "b"], "x": None},
            "text": f"Share\n{BODY} Item {i}.\nAdvertisement", "score": 0.5, **extra}


def write_jsonl(path, rows, gz: bool = False) -> None:
    lines = "".join((r if isinstance(r, str) else json.dumps(r, ensure_ascii=False)) + "\n" for r in rows)
    path.write_bytes(gzip.compress(lines.encode()) if gz else lines.encode())


def read_jsonl(path) -> list[dict]:
    data = path.read_bytes()
    if data[:2] == b"\x1f\x8b":
        data = gzip.decompress(data)
    return [json.loads(line) for line in data.decode().splitlines()]


def test_cleans_the_field_keeps_the_rest_in_order(tmp_path):
    rows = [record(i, lang="é") for i in range(50)]
    write_jsonl(tmp_path / "in.jsonl", rows)
    report = run_jsonl(Cleaner(), tmp_path / "in.jsonl", tmp_path / "out.jsonl", workers=2)
    out = read_jsonl(tmp_path / "out.jsonl")
    assert [r["id"] for r in out] == list(range(50))
    for before, after in zip(rows, out):
        assert after["text"] == f"{BODY} Item {before['id']}."
        assert {k: v for k, v in after.items() if k != "text"} == {k: v for k, v in before.items() if k != "text"}
        assert list(after) == list(before)  # key order kept
    assert (report.records, report.cleaned, report.failed) == (50, 50, 0)
    assert report.removed == {"lines.share_buttons": 50, "lines.advertisement": 50}
    assert "é" in (tmp_path / "out.jsonl").read_text(encoding="utf-8")  # not \u-escaped


def test_out_field_keeps_the_original(tmp_path):
    write_jsonl(tmp_path / "in.jsonl", [record(1)])
    run_jsonl(Cleaner(), tmp_path / "in.jsonl", tmp_path / "out.jsonl", out_field="clean")
    [row] = read_jsonl(tmp_path / "out.jsonl")
    assert row["text"] == record(1)["text"] and row["clean"] == f"{BODY} Item 1."


def test_missing_field_and_bad_json_are_passed_through_and_reported(tmp_path):
    rows = [record(0), {"id": "no-text"}, "this is {not json", record(3), '[1, 2]', {"id": 5, "text": None}, record(6)]
    write_jsonl(tmp_path / "in.jsonl", rows)
    report = run_jsonl(Cleaner(), tmp_path / "in.jsonl", tmp_path / "out.jsonl", workers=2)
    lines = (tmp_path / "out.jsonl").read_text().splitlines()
    assert len(lines) == 7
    assert lines[1] == '{"id": "no-text"}' and lines[2] == "this is {not json" and lines[4] == "[1, 2]"
    assert json.loads(lines[3])["text"] == f"{BODY} Item 3."
    assert (report.cleaned, report.missing_field, report.bad_json, report.dropped) == (3, 2, 2, 0)
    problems = {p["line"]: p["problem"] for p in report.problems}
    assert problems[2] == "no field 'text'" and problems[3].startswith("not JSON")
    assert problems[5].startswith("not a JSON object") and "null" in problems[6]


def test_drop_is_explicit_and_rejects_keep_what_was_dropped(tmp_path):
    rows = [record(0), {"id": "no-text"}, "garbage", record(3)]
    write_jsonl(tmp_path / "in.jsonl", rows)
    report = run_jsonl(Cleaner(), tmp_path / "in.jsonl", tmp_path / "out.jsonl", on_bad="drop",
                       rejects=tmp_path / "rejects.jsonl")
    assert [r["id"] for r in read_jsonl(tmp_path / "out.jsonl")] == [0, 3]
    assert (tmp_path / "rejects.jsonl").read_text() == '{"id": "no-text"}\ngarbage\n'
    assert report.dropped == 2 and report.failed == 2


def test_invalid_utf8_line_is_passed_through_byte_for_byte(tmp_path):
    bad = b'{"text": "caf\xe9"}\n'
    (tmp_path / "in.jsonl").write_bytes(json.dumps(record(0)).encode() + b"\n" + bad)
    report = run_jsonl(Cleaner(), tmp_path / "in.jsonl", tmp_path / "out.jsonl")
    assert (tmp_path / "out.jsonl").read_bytes().endswith(bad) and report.bad_json == 1


def test_gzip_in_and_out(tmp_path):
    write_jsonl(tmp_path / "in.jsonl.gz", [record(i) for i in range(5)], gz=True)
    run_jsonl(Cleaner(), tmp_path / "in.jsonl.gz", tmp_path / "out.jsonl.gz")
    assert (tmp_path / "out.jsonl.gz").read_bytes()[:2] == b"\x1f\x8b"
    assert [r["text"] for r in read_jsonl(tmp_path / "out.jsonl.gz")] == [f"{BODY} Item {i}." for i in range(5)]
    assert not list(tmp_path.glob(".*.tmp"))


def test_cli_stdin_to_stdout_and_exit_codes(tmp_path, monkeypatch, capsysbinary):
    data = (json.dumps(record(0)) + "\n\n" + json.dumps(record(1)) + "\n").encode()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BufferedReader(io.BytesIO(data))))
    assert main(["jsonl", "-", "-j", "1", "-q"]) == 0
    out, err = capsysbinary.readouterr()
    assert [json.loads(l)["id"] for l in out.decode().splitlines()] == [0, 1]
    assert b"records 2: cleaned 2" in err
    # A bad line: exit 1 (some records were not cleaned), and the report file lists it.
    write_jsonl(tmp_path / "in.jsonl", [record(0), "oops"])
    code = main(["jsonl", str(tmp_path / "in.jsonl"), "-o", str(tmp_path / "out.jsonl"), "-q",
                 "--report", str(tmp_path / "r.json")])
    assert code == 1
    rep = json.loads((tmp_path / "r.json").read_text())
    assert rep["bad_json"] == 1 and rep["problems"][0]["line"] == 2
    assert main(["jsonl", str(tmp_path / "missing.jsonl"), "-q"]) == 3
    err = capsysbinary.readouterr().err
    assert b"missing.jsonl: no such file" in err and b"Traceback" not in err


def test_memory_is_bounded_by_the_window(tmp_path):
    """The reader is never far ahead of the writer: a stream is not loaded whole."""
    from cleaner.pool import map_ordered

    pulled = []

    def lines():
        for i in range(10_000):
            pulled.append(i)
            yield (json.dumps(record(i)) + "\n").encode()

    from cleaner.jsonl import RecordCleaner

    results = map_ordered(RecordCleaner(Cleaner()), lines(), workers=2, chunksize=32)
    next(results)
    assert len(pulled) <= 4 * 2 * 32 + 32
    results.close()
