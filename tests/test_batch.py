"""Directories: mirrored tree, atomic outputs, kill and resume, bad files, report, progress, bounded memory."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from cleaner import Cleaner
from cleaner.batch import REPORT_NAME, remove_stale_temps, run_batch
from cleaner.pool import map_ordered, map_unordered
from cleaner.cli import main

ROOT = Path(__file__).resolve().parent.parent
CLEANER = [sys.executable, "-m", "cleaner"]

BODY = ("The council approved the new budget for the harbour district on Monday evening after a long debate.\n"
        "Residents had asked for more money for the schools and for the repair of the old sea wall.\n")
CHROME = "Share\nAdvertisement\n"


def page(i: int, paragraphs: int = 3) -> str:
    body = "".join(f"Paragraph {i}.{p}: {BODY}\n" for p in range(paragraphs))
    return f"{CHROME}\n{body}{CHROME}"


def rel(i: int) -> Path:
    """Where page ``i`` sits: three site folders, odd pages one level deeper."""
    return Path(f"site{i % 3}") / ("deep" if i % 2 else "") / f"page{i:04d}.txt"


def make_tree(root: Path, n: int, paragraphs: int = 3) -> Path:
    for i in range(n):
        (root / rel(i)).parent.mkdir(parents=True, exist_ok=True)
        (root / rel(i)).write_text(page(i, paragraphs), encoding="utf-8")
    return root


def tree(root: Path) -> dict[str, bytes]:
    """Every file under ``root`` but the report, by relative path."""
    return {p.relative_to(root).as_posix(): p.read_bytes()
            for p in sorted(root.rglob("*")) if p.is_file() and p.name != REPORT_NAME}


def test_mirrors_tree_and_writes_report(tmp_path):
    src = make_tree(tmp_path / "in", 6)
    report = run_batch(Cleaner(), src, tmp_path / "out")
    out = tree(tmp_path / "out")
    assert sorted(out) == sorted(p.relative_to(src).as_posix() for p in src.rglob("*.txt"))
    assert b"Share" not in out["site0/page0000.txt"] and b"harbour district" in out["site0/page0000.txt"]
    data = json.loads((tmp_path / "out" / REPORT_NAME).read_text())
    assert (data["cleaned"], data["failed"], data["skipped"]) == (6, 0, 0)
    assert data["removed"]["lines.share_buttons"] == 12 and data["removed"]["lines.advertisement"] == 12
    assert data["bytes_in"] == sum(p.stat().st_size for p in src.rglob("*.txt"))
    assert data["bytes_out"] == sum(len(b) for b in out.values())
    assert data == {**report.to_dict(), "seconds": data["seconds"]}


def test_glob_and_json_format(tmp_path):
    src = make_tree(tmp_path / "in", 4)
    (src / "notes.md").write_text("not selected")
    assert main(["batch", str(src), "-o", str(tmp_path / "out"), "--glob", "page*.txt",
                 "--format", "json", "-j", "1", "-q"]) == 0
    outs = sorted(p.relative_to(tmp_path / "out").as_posix() for p in (tmp_path / "out").rglob("*.json"))
    assert "_report.json" in outs and len(outs) == 5 and not any("notes" in o for o in outs)
    doc = json.loads((tmp_path / "out" / "site0" / "page0000.txt.json").read_text())
    assert {"source", "text", "removed"} <= set(doc) and doc["removed"][0]["rule"] == "lines.share_buttons"


def test_two_workers_equal_one(tmp_path):
    src = make_tree(tmp_path / "in", 12)
    run_batch(Cleaner(), src, tmp_path / "one", workers=1)
    report = run_batch(Cleaner(), src, tmp_path / "two", workers=2)
    assert report.cleaned == 12 and report.workers == 2
    assert tree(tmp_path / "one") == tree(tmp_path / "two")


def test_a_bad_file_in_the_middle_does_not_stop_the_batch(tmp_path, capsys):
    src = make_tree(tmp_path / "in", 6)
    (src / rel(2)).write_bytes(b"\x00\x01\x02\x03 binary \x00" * 50)  # refused
    (src / rel(3)).write_bytes(b"x" * 5000)  # over --max-bytes below
    code = main(["batch", str(src), "-o", str(tmp_path / "out"), "-j", "2", "-q", "--max-bytes", "4000"])
    assert code == 1  # some failed
    err = capsys.readouterr().err
    assert "cleaned 4, failed 2" in err and "binary" in err and "4000-byte limit" in err
    data = json.loads((tmp_path / "out" / REPORT_NAME).read_text())
    assert data["cleaned"] == 4 and data["failed"] == 2
    assert sorted(Path(e["file"]).name for e in data["errors"]) == ["page0002.txt", "page0003.txt"]
    assert not (tmp_path / "out" / rel(2)).exists() and not (tmp_path / "out" / rel(3)).exists()
    assert (tmp_path / "out" / rel(4)).exists() and (tmp_path / "out" / rel(5)).exists()
    # --resume retries the failed files (they have no output) and skips the rest
    code = main(["batch", str(src), "-o", str(tmp_path / "out"), "-j", "1", "-q", "--resume"])
    assert code == 1 and json.loads((tmp_path / "out" / REPORT_NAME).read_text())["skipped"] == 4


class _Crashy(Cleaner):
    """Kills its worker process on one input, as a segfault or the OOM killer would."""

    def explain(self, data, group=""):
        if b"CRASH" in data:
            os._exit(9)
        return super().explain(data, group)


def test_a_dying_worker_is_recorded_and_the_batch_goes_on(tmp_path):
    src = make_tree(tmp_path / "in", 10)
    (src / rel(0)).write_bytes(b"CRASH here\n")
    report = run_batch(_Crashy(), src, tmp_path / "out", workers=2)
    assert (report.cleaned, report.failed) == (9, 1)  # the others in flight were retried, one by one
    assert report.errors[0]["file"].endswith("page0000.txt") and "worker process died" in report.errors[0]["error"]
    assert sum(1 for _ in (tmp_path / "out").rglob("page*.txt")) == 9


def _session_alive(sid: int) -> list[int]:
    """Pids still running in session ``sid``."""
    alive = []
    for d in Path("/proc").iterdir():
        if d.name.isdigit():
            try:
                fields = (d / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[3]) == sid and fields[0] != "Z":
                alive.append(int(d.name))
    return alive


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="uses /proc and SIGKILL")
def test_sigkill_then_resume_gives_the_uninterrupted_outputs(tmp_path):
    n = 100
    src = make_tree(tmp_path / "in", n, paragraphs=20)
    reference = tmp_path / "ref"
    run_batch(Cleaner(), src, reference, workers=2)
    out = tmp_path / "out"
    proc = subprocess.Popen([*CLEANER, "batch", str(src), "-o", str(out), "-j", "2", "-q"],
                            cwd=ROOT, start_new_session=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and proc.poll() is None:
            done = sum(1 for _ in out.rglob("page*.txt")) if out.exists() else 0
            if done >= 10:
                break
            time.sleep(0.02)
        assert proc.poll() is None, "the batch finished before it could be killed"
        os.kill(proc.pid, signal.SIGKILL)  # the main process only, as the OOM killer would
        proc.wait(10)
        deadline = time.monotonic() + 10  # its workers die with it (PR_SET_PDEATHSIG)
        while _session_alive(proc.pid) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert not _session_alive(proc.pid), "worker processes outlived the killed batch"
    finally:
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
    finished = sum(1 for _ in out.rglob("page*.txt"))
    assert 0 < finished < n
    assert not (out / REPORT_NAME).exists()
    (out / rel(0)).with_name(".page0000.txt.abcd1234.tmp").write_text("half a file")  # as a kill mid-write leaves
    result = subprocess.run([*CLEANER, "batch", str(src), "-o", str(out), "-j", "2", "-q", "--resume"],
                            cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert tree(out) == tree(reference)  # byte-identical, nothing missing, nothing extra
    assert not [p for p in out.rglob("*.tmp")]
    data = json.loads((out / REPORT_NAME).read_text())
    assert data["skipped"] == finished and data["cleaned"] == n - finished and data["failed"] == 0


def test_remove_stale_temps_keeps_real_files(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / ".page.txt.k2j4_x9Q.tmp").write_text("partial")
    (tmp_path / "a" / "page.txt").write_text("done")
    (tmp_path / "a" / "notes.tmp").write_text("a user's file")
    assert remove_stale_temps(tmp_path) == 1
    assert sorted(p.name for p in (tmp_path / "a").iterdir()) == ["notes.tmp", "page.txt"]


def test_progress_bar_shows_total_and_is_off_when_quiet(tmp_path, capsys):
    src = make_tree(tmp_path / "in", 5)
    run_batch(Cleaner(), src, tmp_path / "out", progress=True)
    err = capsys.readouterr().err
    assert "5/5" in err and "MB" in err  # a total, hence an ETA
    assert main(["batch", str(src), "-o", str(tmp_path / "out2"), "-j", "1"]) == 0
    assert "5/5" not in capsys.readouterr().err  # stderr is not a terminal here


def _pulled(workers: int, fn, chunksize: int | None = None) -> int:
    """How many inputs the mapper had read when it produced its first result."""
    seen = []

    def items():
        for i in range(100_000):
            seen.append(i)
            yield i

    results = fn(items())
    next(results)
    pulled = len(seen)
    results.close()
    return pulled


def test_workers_never_read_far_ahead():
    # map_ordered: 4 * workers chunks in flight; map_unordered: 8 * workers items.
    assert _pulled(2, lambda it: map_ordered(abs, it, workers=2, chunksize=4)) <= 4 * 2 * 4 + 4
    assert _pulled(2, lambda it: map_unordered(abs, it, 2, on_crash=str)) <= 8 * 2 + 1


def test_clean_many_in_order_with_two_workers():
    texts = [page(i, 1) for i in range(40)]
    got = list(Cleaner().clean_many(iter(texts), workers=2))
    assert got == [Cleaner().clean(t) for t in texts]
    assert [g.split(":")[0] for g in got[:3]] == ["Paragraph 0.0", "Paragraph 1.0", "Paragraph 2.0"]


def test_usage_errors_are_one_line(tmp_path, capsys):
    src = make_tree(tmp_path / "in", 1)
    assert main(["batch", str(src), "-o", str(tmp_path / "o"), "-j", "0"]) == 2
    assert main(["batch", str(tmp_path / "missing"), "-o", str(tmp_path / "o")]) == 3
    assert main(["batch", str(src), "-o", str(tmp_path / "o"), "--learn", "--min-share", "2"]) == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err and len(err.strip().splitlines()) == 3
