"""Batch and stream speed and memory (``make bench``; not part of the tests).

1. ``cleaner batch -j 1`` against ``-j 2`` on 2,000 files made from the shared bench's
   page and box dumps (repeated into sub-folders to reach the count): files/s, MB/s,
   and the speed-up (the target is at least 1.7 on 2 cores).
2. ``cleaner jsonl`` over 200,000 records cut from the same dumps: peak RSS of the
   biggest process (main or worker; the target is under 200 MB) and the sampled
   peak of the whole process tree.

    python scripts/bench_batch.py [--files 2000] [--records 200000] [--skip-jsonl]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT.parent / "shared" / "bench"
CLEANER = [sys.executable, "-m", "cleaner"]


def sources() -> list[Path]:
    files = sorted(BENCH.glob("*/page/*.txt")) + sorted(BENCH.glob("*/box/*.txt"))
    if not files:
        sys.exit(f"bench_batch: no dumps under {BENCH}/*/page and */box (the shared bench is absent)")
    return files


def build_tree(dst: Path, n: int) -> int:
    """``n`` files under ``dst``: the dumps, repeated in rep0/, rep1/ ... as needed; returns bytes."""
    files, total = sources(), 0
    for i in range(n):
        src = files[i % len(files)]
        target = dst / f"rep{i // len(files)}" / src.parent.parent.name / src.parent.name / src.name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(src, target)
        total += target.stat().st_size
    return total


class TreeRss:
    """Samples the summed RSS of a process and its descendants (Linux /proc)."""

    def __init__(self, pid: int):
        self.pid, self.peak, self._stop = pid, 0, threading.Event()
        self.thread = threading.Thread(target=self._run, daemon=True)
        self.thread.start()

    def _tree(self) -> list[int]:
        pids, i = [self.pid], 0
        while i < len(pids):
            try:
                for task in Path(f"/proc/{pids[i]}/task").iterdir():
                    pids += [int(c) for c in (task / "children").read_text().split()]
            except OSError:
                pass
            i += 1
        return pids

    def _run(self) -> None:
        while not self._stop.is_set():
            total = 0
            for pid in self._tree():
                try:
                    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                        if line.startswith("VmRSS:"):
                            total += int(line.split()[1]) * 1024
                except OSError:
                    pass
            self.peak = max(self.peak, total)
            time.sleep(0.1)

    def stop(self) -> int:
        self._stop.set()
        self.thread.join()
        return self.peak


def run(cmd: list[str], **kw) -> tuple[float, int, int]:
    """Seconds, peak RSS of the biggest process (wait4), sampled peak of the tree."""
    start = time.monotonic()
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, **kw)
    sampler = TreeRss(proc.pid)
    err = proc.stderr.read()
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    seconds = time.monotonic() - start
    tree = sampler.stop()
    if proc.returncode not in (0, 1):
        sys.exit(f"bench_batch: {' '.join(cmd)} failed ({proc.returncode}): {err.decode()[-500:]}")
    return seconds, usage.ru_maxrss * 1024, tree


def bench_batch(tmp: Path, n: int) -> None:
    src = tmp / "in"
    mb = build_tree(src, n) / 1e6
    print(f"batch: {n} files, {mb:.1f} MB (bench page and box dumps), {os.cpu_count()} cores, "
          f"load {os.getloadavg()[0]:.1f}")
    rates = {}
    for jobs in (1, 2):
        out = tmp / f"out{jobs}"
        seconds, _, _ = run([*CLEANER, "batch", str(src), "-o", str(out), "-j", str(jobs), "-q"])
        report = json.loads((out / "_report.json").read_text())
        rates[jobs] = n / seconds
        print(f"  -j {jobs}: {seconds:6.1f} s  {n / seconds:6.1f} files/s  {mb / seconds:5.2f} MB/s  "
              f"(cleaned {report['cleaned']}, failed {report['failed']})")
    ratio = rates[2] / rates[1]
    print(f"  speed-up -j 2 / -j 1: {ratio:.2f}  (target >= 1.7) {'OK' if ratio >= 1.7 else 'BELOW TARGET'}")


def bench_jsonl(tmp: Path, records: int) -> None:
    path = tmp / "records.jsonl"
    chunks = []
    for f in sources():
        lines = [l for l in f.read_text(encoding="utf-8", errors="replace").splitlines() if l.strip()]
        chunks += ["\n".join(lines[i:i + 8]) for i in range(0, len(lines), 8)]
    size = 0
    with path.open("w", encoding="utf-8") as out:
        for i in range(records):
            line = json.dumps({"id": i, "url": f"https://example.org/{i}", "text": chunks[i % len(chunks)]},
                              ensure_ascii=False) + "\n"
            size += len(line.encode())
            out.write(line)
    print(f"jsonl: {records} records, {size / 1e6:.0f} MB")
    seconds, biggest, tree = run([*CLEANER, "jsonl", str(path), "-o", str(tmp / "out.jsonl"), "-j", "2", "-q"])
    print(f"  -j 2: {seconds:6.1f} s  {records / seconds:7.0f} records/s")
    print(f"  peak RSS, biggest process: {biggest / 1e6:.0f} MB  (target < 200 MB) "
          f"{'OK' if biggest < 200e6 else 'ABOVE TARGET'}")
    print(f"  peak RSS, main + 2 workers (sampled): {tree / 1e6:.0f} MB")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--files", type=int, default=2000)
    ap.add_argument("--records", type=int, default=200_000)
    ap.add_argument("--skip-jsonl", action="store_true")
    ap.add_argument("--skip-batch", action="store_true")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="cleaner-bench-") as tmp:
        if not args.skip_batch:
            bench_batch(Path(tmp), args.files)
        if not args.skip_jsonl:
            bench_jsonl(Path(tmp), args.records)


if __name__ == "__main__":
    main()
