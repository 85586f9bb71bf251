"""The command-line contract: outputs, formats, explain, rules, and the error contract."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from cleaner.cli import main

DOC = ("Share\n\nThe council approved the new budget on Monday evening after a long debate.\n"
       "Advertisement\nMembers said the plan would fund three new schools and a library.\n")
BODY = ("The council approved the new budget on Monday evening after a long debate.\n"
        "Members said the plan would fund three new schools and a library.\n")


@pytest.fixture
def doc(tmp_path):
    path = tmp_path / "page.txt"
    path.write_text(DOC, encoding="utf-8")
    return path


def test_clean_to_stdout(doc, capsys):
    assert main(["clean", str(doc)]) == 0
    assert capsys.readouterr().out == BODY


def test_clean_to_file_atomically(doc, tmp_path, capsys):
    out = tmp_path / "sub" / "body.txt"
    assert main(["clean", str(doc), "-o", str(out)]) == 0
    assert out.read_text(encoding="utf-8") == BODY
    assert capsys.readouterr().out == ""
    assert [p.name for p in out.parent.iterdir()] == ["body.txt"]  # no temporary file left


def test_json_format(doc, capsys):
    assert main(["clean", str(doc), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["text"] + "\n" == BODY
    assert [(r["line"], r["rule"]) for r in data["removed"]] == [(1, "lines.share_buttons"), (4, "lines.advertisement")]
    assert set(data) >= {"text", "removed", "metadata", "repairs"}


def test_explain_marks_every_line(doc, capsys):
    assert main(["clean", str(doc), "--explain"]) == 0
    out = capsys.readouterr().out
    assert "    1 - Share    [lines.share_buttons: phrase 'share' (share)]" in out
    assert "    3 + The council approved" in out
    assert "removed 2 line(s)" in out


def test_explain_marks_glued_pieces(tmp_path, capsys):
    """A piece the input ran on from the line above shows "…"; the output keeps the input's text."""
    page = tmp_path / "glued.txt"
    page.write_text("Share this articleThe council approved the new budget on Tuesday evening after a long debate.\n")
    assert main(["clean", str(page), "--explain"]) == 0
    out = capsys.readouterr().out
    assert "    1 - Share this article    [lines.share_buttons:" in out
    assert "    2 + …The council approved" in out
    assert main(["clean", str(page)]) == 0
    assert capsys.readouterr().out == "The council approved the new budget on Tuesday evening after a long debate.\n"


def test_disable_rule(doc, capsys):
    assert main(["clean", str(doc), "--disable", "lines.advertisement"]) == 0
    assert "\nAdvertisement\n" in capsys.readouterr().out


def test_unknown_rule_is_a_usage_error(doc, capsys):
    assert main(["clean", str(doc), "--disable", "lines.nope"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("cleaner: unknown rule id") and err.count("\n") == 1


def test_rules_lists_every_rule(capsys):
    assert main(["rules"]) == 0
    out = capsys.readouterr().out
    for rid in ["lines.share_buttons", "blocks.series_label", "blocks.related_links", "learned.frequent_line"]:
        assert rid in out


def test_stdin_through_subprocess(tmp_path):
    """The installed entry point, end to end, reading stdin and writing stdout."""
    proc = subprocess.run([sys.executable, "-m", "cleaner", "clean", "-"], input=DOC.encode(),
                          capture_output=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.decode() == BODY


@pytest.mark.parametrize("make_input, code, message", [
    (lambda d: d / "missing.txt", 3, "no such file"),
    (lambda d: d, 3, "is a directory"),
    (lambda d: _write(d / "img.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), 4, "binary"),
    (lambda d: _write(d / "nul.txt", b"text\x00with\x00nul"), 4, "binary"),
    (lambda d: _write(d / "big.txt", b"x" * 2000), 4, "limit"),
])
def test_bad_input_one_line_error(tmp_path, capsys, make_input, code, message):
    path = make_input(tmp_path)
    assert main(["clean", str(path), "--max-bytes", "1000"]) == code
    captured = capsys.readouterr()
    assert captured.out == ""
    assert message in captured.err and captured.err.count("\n") == 1 and "Traceback" not in captured.err


@pytest.mark.skipif(os.geteuid() == 0, reason="root can read any file")
def test_unreadable_file(tmp_path, capsys):
    path = _write(tmp_path / "secret.txt", b"text")
    path.chmod(0)
    assert main(["clean", str(path)]) == 3
    assert "permission denied" in capsys.readouterr().err


def test_unwritable_output(doc, tmp_path, capsys):
    blocker = _write(tmp_path / "file", b"")
    assert main(["clean", str(doc), "-o", str(blocker / "out.txt")]) == 5
    err = capsys.readouterr().err
    assert "cannot write" in err and err.count("\n") == 1


def test_bad_input_via_subprocess_has_no_traceback(tmp_path):
    proc = subprocess.run([sys.executable, "-m", "cleaner", "clean", str(tmp_path / "nope")],
                          capture_output=True, timeout=120)
    assert proc.returncode == 3
    assert proc.stderr.decode().strip() == f"cleaner: {tmp_path / 'nope'}: no such file"


def test_batch_mirrors_tree(tmp_path, capsys):
    src = tmp_path / "in"
    (src / "a").mkdir(parents=True)
    (src / "a" / "one.txt").write_text(DOC, encoding="utf-8")
    (src / "two.html").write_text("<html><body><article><p>" + BODY.split("\n")[0] + "</p></article></body></html>")
    assert main(["batch", str(src), "-o", str(tmp_path / "out"), "-j", "1", "-q"]) == 0
    assert (tmp_path / "out" / "a" / "one.txt").read_text(encoding="utf-8") == BODY
    assert (tmp_path / "out" / "two.html.txt").exists()
    report = json.loads((tmp_path / "out" / "_report.json").read_text())
    assert report["cleaned"] == 2 and report["failed"] == 0


def _write(path, data: bytes):
    path.write_bytes(data)
    return path
