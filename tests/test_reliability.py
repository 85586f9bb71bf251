"""Hostile input: every case of the README's "Errors and exit codes" table, one test each.

Each input gets clean output, empty output, or a one-line error with its exit code; never
a traceback, a hang or a lost file. Tests run as root in CI, so "unreadable" and "cannot
be written" use failures root cannot bypass: a path through a regular file, a name longer
than the file system allows, /proc/self/mem (EIO), /dev/full (ENOSPC).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from cleaner import Cleaner, clean
from cleaner.batch import REPORT_NAME, run_batch
from cleaner.cli import main
from cleaner.jsonl import run_jsonl

ROOT = Path(__file__).resolve().parent.parent
BODY = "The council approved the new budget on Monday evening after a long debate."
BODY2 = "Members said the plan would fund three new schools and a library in the district."
PAGE = f"Share\n{BODY}\nAdvertisement\n{BODY2}\n"
EXPECTED = f"{BODY}\n{BODY2}\n"


def run(capsys, *argv) -> tuple[int, str, str]:
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def one_line_error(err: str, *words: str) -> None:
    assert err.startswith("cleaner: ") and err.count("\n") == 1 and "Traceback" not in err, err
    for w in words:
        assert w in err, err


def write(path: Path, data: bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


# ---------------------------------------------------------------------------
# Inputs that clean (exit 0)


@pytest.mark.parametrize("data", [b"", b"\n", b"   \n\t\n  \r\n", "\u00a0\u2003\u200b\n".encode()],
                         ids=["empty", "newline", "whitespace", "odd-spaces"])
def test_empty_and_whitespace_give_empty_output(tmp_path, capsys, data):
    assert run(capsys, "clean", write(tmp_path / "in.txt", data)) == (0, "", "")


def test_only_chrome_gives_empty_output_not_an_error(tmp_path, capsys):
    path = write(tmp_path / "chrome.txt", b"Share\nAdvertisement\nRead more\nSign up for our newsletter\n")
    assert run(capsys, "clean", path) == (0, "", "")


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be", "utf-8-sig", "utf-32"])
def test_byte_order_marks(tmp_path, capsys, encoding):
    data = PAGE.replace("budget", "Haushalt für Köln").encode(encoding)
    if encoding == "utf-16-be":
        data = b"\xfe\xff" + data
    code, out, err = run(capsys, "clean", write(tmp_path / "bom.txt", data))
    assert (code, out, err) == (0, EXPECTED.replace("budget", "Haushalt für Köln"), "")


@pytest.mark.parametrize("encoding, text", [
    ("latin-1", "Café crème à la française, über alles, señor, naïve façade."),
    ("cp1252", "“Smart quotes” – an en dash, a € sign and œuvre, said the café owner."),
])
def test_legacy_single_byte_encodings(tmp_path, capsys, encoding, text):
    path = write(tmp_path / "legacy.txt", f"Share\n{text}\n{BODY}\n".encode(encoding))
    assert run(capsys, "clean", path) == (0, f"{text}\n{BODY}\n", "")


def test_mixed_and_old_mac_line_endings(tmp_path, capsys):
    data = f"Share\r\n{BODY}\r{BODY2}\nAdvertisement\r\rLast line of the body text is here.\r\n".encode()
    code, out, _ = run(capsys, "clean", write(tmp_path / "eol.txt", data))
    assert code == 0 and out == f"{BODY}\n{BODY2}\n\nLast line of the body text is here.\n"
    assert "\r" not in out


def test_invalid_utf8_in_the_middle_of_valid_text(tmp_path, capsys):
    data = f"{BODY} Grüße.\n".encode() + b"Stray bytes \xff\xfe and \xc3 here.\n" + f"{BODY2} Ünïcödé.\n".encode()
    code, out, _ = run(capsys, "clean", write(tmp_path / "mixed.txt", data))
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == f"{BODY} Grüße." and lines[2] == f"{BODY2} Ünïcödé."  # the valid UTF-8 is intact
    assert lines[1].startswith("Stray bytes ") and lines[1].endswith(" here.")  # the strays become characters


def test_a_single_50_mb_line_cleans_in_linear_time():
    """One 50 MB line: kept whole, and ten times the input costs about ten times the time."""
    unit = b"The council approved the budget, said Grete Mayer on Monday. "
    small = unit * (5_000_000 // len(unit))
    big = unit * (50_000_000 // len(unit))
    start = time.perf_counter()
    assert len(clean(small)) == len(small.strip())
    t_small = time.perf_counter() - start
    start = time.perf_counter()
    out = clean(big)
    t_big = time.perf_counter() - start
    assert len(out) == len(big.strip()) and "\n" not in out
    del out
    assert t_big < 20 * t_small + 1, f"5 MB: {t_small:.2f} s, 50 MB: {t_big:.2f} s"


def test_html_bomb_deeply_nested(tmp_path, capsys):
    """100,000 nested elements: no recursion error, no hang; the parser's depth limit
    drops what it cannot nest, so the output may be empty (exit 0)."""
    html = ("<html><body>" + "<div>" * 100_000 + f"<p>{BODY}</p>" + "</div>" * 100_000 + "</body></html>")
    start = time.perf_counter()
    code, out, err = run(capsys, "clean", write(tmp_path / "nested.html", html.encode()))
    assert code == 0 and err == "" and out in ("", BODY + "\n")
    assert time.perf_counter() - start < 30


def test_html_bomb_megabyte_attribute(tmp_path, capsys):
    html = f'<html><body><article><p title="{"a" * 1_000_000}">{BODY}</p><p>{BODY2}</p></article></body></html>'
    code, out, err = run(capsys, "clean", write(tmp_path / "attr.html", html.encode()))
    assert (code, err) == (0, "") and BODY in out and "aaaa" not in out


def test_html_bomb_endless_comments_and_open_tags():
    """Found by tests/test_timebounds.py: these took exponential / quadratic time to sniff."""
    start = time.perf_counter()
    clean("<!---->" * 40 + "x " + BODY)
    clean("<a" * 200_000)
    clean("<p>" * 5_000)  # (trafilatura costs ~0.1 ms per element: --timeout bounds the worst)
    assert time.perf_counter() - start < 20


# ---------------------------------------------------------------------------
# Inputs that are refused (exit 4) or cannot be read (exit 3)


@pytest.mark.parametrize("data", [
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00" + bytes(range(256)) * 4,
    b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(200),
    b"GIF89a\x01\x00\x01\x00",
    b"Some text\x00with NUL\x00bytes in it\n",
], ids=["png", "jpeg", "gif", "nul-bytes"])
def test_binary_is_refused(tmp_path, capsys, data):
    code, out, err = run(capsys, "clean", write(tmp_path / "image.bin", data))
    assert (code, out) == (4, "")
    one_line_error(err, "binary")


def test_200_mb_file_is_refused_without_being_read(tmp_path, capsys):
    """A sparse 200 MB file: over the default --max-bytes (64 MiB), refused at once."""
    path = tmp_path / "huge.txt"
    with open(path, "wb") as f:
        f.truncate(200 * 1024 * 1024)
    start = time.perf_counter()
    code, out, err = run(capsys, "clean", path)
    assert (code, out) == (4, "")
    one_line_error(err, "67108864-byte limit", "--max-bytes")
    assert time.perf_counter() - start < 2  # refused from its size, not by reading it
    # in a batch: recorded, the other file is cleaned
    write(tmp_path / "ok.txt", PAGE.encode())
    report = run_batch(Cleaner(), tmp_path, tmp_path.parent / (tmp_path.name + "-out"))
    assert (report.cleaned, report.failed) == (1, 1) and "byte limit" in report.errors[0]["error"]


def test_max_bytes_also_bounds_stdin(capsys):
    proc = subprocess.run([sys.executable, "-m", "cleaner", "clean", "-", "--max-bytes", "1000"],
                          input=b"x" * 5000, capture_output=True, timeout=120)
    assert proc.returncode == 4 and proc.stdout == b""
    one_line_error(proc.stderr.decode(), "1000-byte limit")


@pytest.mark.parametrize("make, words", [
    (lambda d: d / "missing.txt", ["no such file"]),
    (lambda d: write(d / "file", b"x") / "inside.txt", ["cannot read", "Not a directory"]),
    (lambda d: d / ("n" * 300), ["cannot read", "too long"]),
    (lambda d: Path("/proc/self/mem"), ["cannot read", "Input/output error"]),
    (lambda d: d, ["is a directory"]),
], ids=["missing", "parent-is-a-file", "name-too-long", "proc-self-mem", "directory"])
def test_unreadable_input(tmp_path, capsys, make, words):
    """Unreadable even for root: ENOTDIR, ENAMETOOLONG, EIO (and EACCES for other users, below)."""
    code, out, err = run(capsys, "clean", make(tmp_path))
    assert (code, out) == (3, "")
    one_line_error(err, *words)


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads a mode-000 file; the cases above cover root")
def test_permission_denied(tmp_path, capsys):
    path = write(tmp_path / "secret.txt", b"text")
    path.chmod(0)
    code, _, err = run(capsys, "clean", path)
    assert code == 3
    one_line_error(err, "permission denied")


def test_unreadable_file_in_a_batch_is_recorded(tmp_path):
    src = tmp_path / "in"
    write(src / "a.txt", PAGE.encode())
    write(src / "b.txt", b"\x89PNG\r\n\x1a\n\x00\x00")
    os.symlink("/proc/self/mem", src / "c.txt")  # a readable-looking file that fails with EIO
    report = run_batch(Cleaner(), src, tmp_path / "out")
    assert (report.cleaned, report.failed) == (1, 2)
    errors = sorted(e["error"] for e in report.errors)
    assert "binary" in errors[0] and "Input/output error" in errors[1]


# ---------------------------------------------------------------------------
# Directory trees


def test_symlink_loops_do_not_hang_a_batch(tmp_path):
    src = tmp_path / "in"
    write(src / "site" / "page.txt", PAGE.encode())
    os.symlink("..", src / "site" / "up")             # a folder loop
    os.symlink(src, src / "site" / "root")            # another, absolute
    os.symlink("b.txt", src / "a.txt")                # a file loop
    os.symlink("a.txt", src / "b.txt")
    os.symlink("nowhere.txt", src / "dangling.txt")   # a dangling link
    start = time.perf_counter()
    report = run_batch(Cleaner(), src, tmp_path / "out")
    assert time.perf_counter() - start < 30
    assert (report.cleaned, report.failed) == (1, 0)
    assert (tmp_path / "out" / "site" / "page.txt").read_text() == EXPECTED


def test_output_directory_inside_the_input_directory(tmp_path, capsys):
    src = tmp_path / "in"
    for i in range(3):
        write(src / f"p{i}.txt", PAGE.encode())
    out = src / "cleaned"
    assert run(capsys, "batch", src, "-o", out, "-j", "1", "-q")[0] == 0
    assert run(capsys, "batch", src, "-o", out, "-j", "1", "-q")[0] == 0  # outputs are never read as inputs
    assert sorted(p.relative_to(out).as_posix() for p in out.rglob("*")) == [REPORT_NAME, "p0.txt", "p1.txt", "p2.txt"]
    assert json.loads((out / REPORT_NAME).read_text())["cleaned"] == 3


def test_outputs_never_overwrite_inputs(tmp_path, capsys):
    page = write(tmp_path / "page.txt", PAGE.encode())
    code, _, err = run(capsys, "clean", page, "-o", page)
    assert code == 2
    one_line_error(err, "overwrite the input")
    os.symlink(page, tmp_path / "alias.txt")
    assert run(capsys, "clean", page, "-o", tmp_path / "alias.txt")[0] == 2
    records = write(tmp_path / "r.jsonl", json.dumps({"text": PAGE}).encode() + b"\n")
    for opt in ("-o", "--rejects", "--report"):
        args = ["jsonl", records, opt, records] + (["-o", tmp_path / "x.jsonl"] if opt != "-o" else [])
        assert run(capsys, *args)[0] == 2
    # the input folder inside the output folder: outputs would land among the inputs
    src = tmp_path / "out" / "in"
    write(src / "in" / "p.txt", PAGE.encode())
    code, _, err = run(capsys, "batch", src, "-o", tmp_path / "out", "-q")
    assert code == 2
    one_line_error(err, "inside the output directory")
    code, _, err = run(capsys, "batch", src, "-o", src, "-q")
    assert code == 2
    assert page.read_bytes() == PAGE.encode() and records.read_bytes().startswith(b'{"text": "Share')
    assert (src / "in" / "p.txt").read_bytes() == PAGE.encode()


# ---------------------------------------------------------------------------
# Outputs that cannot be written (exit 5)


@pytest.mark.parametrize("make", [
    lambda d: write(d / "file", b"") / "out.txt",
    lambda d: d / ("n" * 300) / "out.txt",
    lambda d: d / ("n" * 300),
    lambda d: d,
], ids=["parent-is-a-file", "folder-name-too-long", "name-too-long", "is-a-directory"])
def test_unwritable_output_file(tmp_path, capsys, make):
    page = write(tmp_path / "page.txt", PAGE.encode())
    code, out, err = run(capsys, "clean", page, "-o", make(tmp_path))
    assert (code, out) == (5, "")
    one_line_error(err, "cannot write")
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")) == []


def test_stdout_that_cannot_be_written():
    """A full disk: /dev/full fails every write with ENOSPC, even for root."""
    with open("/dev/full", "wb") as full:
        proc = subprocess.run([sys.executable, "-m", "cleaner", "clean", "-"], input=PAGE.encode(),
                              stdout=full, stderr=subprocess.PIPE, timeout=120)
    assert proc.returncode == 5
    one_line_error(proc.stderr.decode(), "cannot write", "No space left")


def test_output_to_a_device_is_written_into_not_replaced(tmp_path):
    """-o /dev/stdout writes to stdout; a rename would have replaced the device node."""
    page = write(tmp_path / "page.txt", PAGE.encode())
    proc = subprocess.run([sys.executable, "-m", "cleaner", "clean", str(page), "-o", "/dev/stdout"],
                          capture_output=True, timeout=120)
    assert proc.returncode == 0 and proc.stdout.decode() == EXPECTED
    assert os.path.islink("/dev/stdout") or not os.path.isfile("/dev/stdout")


@pytest.mark.parametrize("make", [
    lambda d: write(d / "file", b"") / "out",
    lambda d: write(d / "file", b""),
    lambda d: d / ("n" * 300),
], ids=["parent-is-a-file", "output-is-a-file", "name-too-long"])
def test_unwritable_batch_output(tmp_path, capsys, make):
    src = tmp_path / "in"
    write(src / "p.txt", PAGE.encode())
    code, _, err = run(capsys, "batch", src, "-o", make(tmp_path), "-j", "1", "-q")
    assert code == 5
    one_line_error(err, "cannot write")


def test_unwritable_jsonl_output(tmp_path, capsys):
    records = write(tmp_path / "r.jsonl", json.dumps({"text": PAGE}).encode() + b"\n")
    code, _, err = run(capsys, "jsonl", records, "-o", write(tmp_path / "file", b"") / "o.jsonl")
    assert code == 5
    one_line_error(err, "cannot write")


def test_unwritable_model_and_report(tmp_path, capsys):
    src = tmp_path / "in"
    write(src / "p.txt", PAGE.encode())
    blocker = write(tmp_path / "file", b"")
    code, _, err = run(capsys, "fit", src, "-o", blocker / "model.json", "-q")
    assert code == 5
    one_line_error(err, "cannot write")


# ---------------------------------------------------------------------------
# --timeout: a document that hangs is recorded and the batch goes on


class Slow(Cleaner):
    """Hangs on a document that says so, as a pathological input would."""

    def explain(self, data, group=""):
        if (b"HANG" if isinstance(data, bytes) else "HANG") in data:
            time.sleep(60)
        return super().explain(data, group)


@pytest.mark.parametrize("workers", [1, 2])
def test_batch_timeout_records_the_document_and_goes_on(tmp_path, workers):
    src = tmp_path / "in"
    for i in range(4):
        write(src / f"p{i}.txt", PAGE.encode())
    write(src / "p2.txt", b"HANG\n" + PAGE.encode())
    start = time.perf_counter()
    report = run_batch(Slow(), src, tmp_path / "out", workers=workers, timeout=0.5)
    assert time.perf_counter() - start < 20
    assert (report.cleaned, report.failed) == (3, 1)
    assert report.errors[0]["file"].endswith("p2.txt") and "timeout after 0.5 s" in report.errors[0]["error"]
    assert not (tmp_path / "out" / "p2.txt").exists() and (tmp_path / "out" / "p3.txt").read_text() == EXPECTED


def test_batch_timeout_from_the_command_line(tmp_path, capsys, monkeypatch):
    import cleaner.cli

    monkeypatch.setattr(cleaner.cli, "Cleaner", Slow)
    src = tmp_path / "in"
    write(src / "a.txt", PAGE.encode())
    write(src / "b.txt", b"HANG\n" + PAGE.encode())
    code, _, err = run(capsys, "batch", src, "-o", tmp_path / "out", "-j", "1", "-q", "--timeout", "0.3")
    assert code == 1 and "cleaned 1, failed 1" in err and "timeout after 0.3 s" in err
    assert run(capsys, "batch", src, "-o", tmp_path / "o2", "--timeout", "0")[0] == 2


@pytest.mark.parametrize("workers", [1, 2])
def test_jsonl_timeout_records_the_record_and_goes_on(tmp_path, workers):
    lines = [json.dumps({"id": i, "text": ("HANG\n" if i == 1 else "") + PAGE}) for i in range(4)]
    src = write(tmp_path / "in.jsonl", ("\n".join(lines) + "\n").encode())
    report = run_jsonl(Slow(), src, tmp_path / "out.jsonl", workers=workers, timeout=0.5)
    assert (report.cleaned, report.timeouts, report.failed) == (3, 1, 1)
    assert report.problems == [{"line": 2, "problem": "timeout after 0.5 s"}]
    out = [json.loads(l) for l in (tmp_path / "out.jsonl").read_text().splitlines()]
    assert [r["id"] for r in out] == [0, 1, 2, 3]  # order kept; the slow record passed through unchanged
    assert out[1]["text"].startswith("HANG") and out[2]["text"] == EXPECTED.rstrip("\n")


class Buggy(Cleaner):
    def explain(self, data, group=""):
        if (b"BUG" if isinstance(data, bytes) else "BUG") in data:
            raise RuntimeError("boom")
        return super().explain(data, group)


def test_jsonl_a_bug_on_one_record_does_not_stop_the_stream(tmp_path):
    lines = [json.dumps({"id": i, "text": ("BUG\n" if i == 2 else "") + PAGE}) for i in range(4)]
    src = write(tmp_path / "in.jsonl", ("\n".join(lines) + "\n").encode())
    report = run_jsonl(Buggy(), src, tmp_path / "out.jsonl")
    assert (report.cleaned, report.errors) == (3, 1)
    assert "internal error: RuntimeError: boom" in report.problems[0]["problem"]


def test_a_bug_in_clean_is_one_line_with_exit_70(tmp_path, capsys, monkeypatch):
    import cleaner.cli

    monkeypatch.setattr(cleaner.cli, "Cleaner", Buggy)
    code, out, err = run(capsys, "clean", write(tmp_path / "p.txt", b"BUG\n" + PAGE.encode()))
    assert (code, out) == (70, "")
    one_line_error(err, "internal error", "boom")


# ---------------------------------------------------------------------------
# Atomic model and report


def test_model_and_report_are_written_atomically(tmp_path, capsys):
    from cleaner.learned import Model

    src = tmp_path / "in"
    for i in range(6):
        write(src / f"p{i}.txt", f"Our slogan for the site\n{BODY} {i}\n".encode())
    model_path = tmp_path / "model.json"
    assert run(capsys, "fit", src, "-o", model_path, "--min-docs", "3", "-q", "-j", "1")[0] == 0
    model = Model.load(model_path)
    model.save(tmp_path / "copy.json")
    assert (tmp_path / "copy.json").read_bytes() == model_path.read_bytes()
    assert not list(tmp_path.glob(".*.tmp"))
    code, _, _ = run(capsys, "batch", src, "-o", tmp_path / "out", "--learn", "--min-docs", "3", "-q", "-j", "1")
    assert code == 0 and not list((tmp_path / "out").glob(".*.tmp"))
    assert json.loads((tmp_path / "out" / "_model.json").read_text())["groups"]
    assert json.loads((tmp_path / "out" / REPORT_NAME).read_text())["cleaned"] == 6
