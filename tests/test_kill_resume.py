"""Nothing lost: a batch killed with SIGKILL at a random moment, then resumed, ends with
byte-identical outputs to an uninterrupted run and no temporary file left behind.

Each trial forks a child that runs the batch (so no interpreter start-up per trial), kills
it with SIGKILL after a random delay drawn from the length of an uninterrupted run, checks
that every output present is complete, resumes, and compares the trees byte for byte. The
seed is fixed, so a failure reproduces; ``KILL_TRIALS`` raises the count.
"""

from __future__ import annotations

import json
import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from cleaner import Cleaner
from cleaner.batch import MODEL_NAME, REPORT_NAME, run_batch
from cleaner.jsonl import run_jsonl

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="fork, SIGKILL and PR_SET_PDEATHSIG")

TRIALS = int(os.environ.get("KILL_TRIALS", "20"))
N_FILES = 24
BODY = ("Paragraph {i}.{p}: the council approved the new budget for the harbour district on Monday evening "
        "after a long debate, and residents asked for money for the schools.\n")


def make_tree(root: Path) -> Path:
    for i in range(N_FILES):
        path = root / f"site{i % 3}" / f"page{i:03d}.txt"
        path.parent.mkdir(parents=True, exist_ok=True)
        body = "".join(BODY.format(i=i, p=p) + "\n" for p in range(4 + i % 5))
        path.write_text(f"Share\nOur slogan for the whole site\n\n{body}Advertisement\n", encoding="utf-8")
    return root


def tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes()
            for p in sorted(root.rglob("*")) if p.is_file() and p.name != REPORT_NAME}


def batch_options(trial: int) -> dict:
    return dict(workers=1 + trial % 2, learn=trial % 4 == 3, min_docs=3)


@pytest.fixture(scope="module")
def inputs(tmp_path_factory):
    root = tmp_path_factory.mktemp("kill")
    src = make_tree(root / "in")
    refs, durations = {}, {}
    for key in sorted({(o["workers"], o["learn"]) for o in map(batch_options, range(TRIALS))}):
        for attempt in range(2):  # time the second, warm run: the forked children start warm
            start = time.monotonic()
            run_batch(Cleaner(), src, root / f"ref-{key[0]}-{key[1]}-{attempt}", workers=key[0], learn=key[1],
                      min_docs=3)
            durations[key] = time.monotonic() - start
        refs[key] = tree(root / f"ref-{key[0]}-{key[1]}-1")
    return src, refs, durations


def _run_in_child(fn) -> int:
    pid = os.fork()
    if pid == 0:  # the child: run, then leave without pytest's cleanup
        code = 1
        try:
            os.setpgid(0, 0)
            fn()
            code = 0
        finally:
            os._exit(code)
    return pid


def _kill(pid: int, delay: float) -> bool:
    """SIGKILL the child after ``delay`` s; True if it was still running."""
    deadline = time.monotonic() + delay
    while time.monotonic() < deadline:
        done, _ = os.waitpid(pid, os.WNOHANG)
        if done:
            return False
        time.sleep(0.002)
    os.kill(pid, signal.SIGKILL)  # the batch's main process only, as the OOM killer would
    os.waitpid(pid, 0)
    try:
        os.killpg(pid, signal.SIGKILL)  # its workers die with it (PR_SET_PDEATHSIG); be sure
    except ProcessLookupError:
        pass
    return True


@pytest.mark.parametrize("trial", range(TRIALS))
def test_sigkill_at_a_random_moment_then_resume(inputs, tmp_path, trial):
    src, refs, durations = inputs
    options = batch_options(trial)
    key = (options["workers"], options["learn"])
    rng = random.Random(1000 + trial)
    out = tmp_path / "out"
    delay = rng.uniform(0.0, 0.9 * durations[key])
    for _ in range(4):  # a child that finished before its kill is no trial: again, sooner
        pid = _run_in_child(lambda: run_batch(Cleaner(), src, out, **options))
        killed = _kill(pid, delay)
        if killed:
            break
        delay /= 2
        shutil.rmtree(out)
    assert killed, f"trial {trial}: the batch always finished before it could be killed"
    if os.environ.get("KILL_VERBOSE"):
        print(f"trial {trial}: killed={killed}, outputs before resume: "
              f"{len(tree(out)) if out.exists() else 0}", file=sys.stderr)

    # What a kill leaves: complete outputs (each equal to its reference), maybe temporary
    # files, and no report or a complete one.
    ref = refs[key]
    for rel, data in tree(out).items() if out.exists() else ():
        if not Path(rel).name.endswith(".tmp"):
            assert data == ref[rel], f"trial {trial}: {rel} is incomplete after the kill"
    if (out / REPORT_NAME).exists():
        json.loads((out / REPORT_NAME).read_text())
    if (out / MODEL_NAME).exists():
        json.loads((out / MODEL_NAME).read_text())

    report = run_batch(Cleaner(), src, out, resume=True, **options)
    assert tree(out) == ref, f"trial {trial} (killed: {killed}): resumed outputs differ from an uninterrupted run"
    assert not [p for p in out.rglob("*") if p.name.endswith(".tmp")]
    assert report.failed == 0 and report.cleaned + report.skipped == N_FILES


def test_sigkill_of_the_command_then_resume(inputs, tmp_path):
    """The installed command, killed as a whole process group at a random moment."""
    src, refs, durations = inputs
    out = tmp_path / "out"
    rng = random.Random(7)
    cmd = [sys.executable, "-m", "cleaner", "batch", str(src), "-o", str(out), "-j", "2", "-q"]
    for _ in range(2):
        proc = subprocess.Popen(cmd, start_new_session=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(rng.uniform(0.3, 1.5))
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        proc.wait(30)
        cmd.append("--resume") if "--resume" not in cmd else None
    result = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert tree(out) == refs[(2, False)]
    assert not [p for p in out.rglob("*") if p.name.endswith(".tmp")]


def test_sigkill_of_jsonl_leaves_no_partial_output(tmp_path):
    """A killed stream leaves no output file (only its temporary), and a rerun writes it whole."""
    src = tmp_path / "in.jsonl"
    with open(src, "w", encoding="utf-8") as f:
        for i in range(300):
            f.write(json.dumps({"id": i, "text": "Share\n" + BODY.format(i=i, p=0) * 3}) + "\n")
    dst = tmp_path / "out.jsonl"
    for trial in range(3):
        pid = _run_in_child(lambda: run_jsonl(Cleaner(), src, dst))
        _kill(pid, random.Random(trial).uniform(0.01, 0.3))
        assert not dst.exists() or len(dst.read_text().splitlines()) == 300
    report = run_jsonl(Cleaner(), src, dst)  # a stream has no --resume: the rerun starts over
    assert report.cleaned == 300 and len(dst.read_text().splitlines()) == 300
    assert not list(tmp_path.glob("*.tmp"))  # the rerun removed what the kills left
