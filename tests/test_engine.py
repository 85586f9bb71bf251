"""The Dask engine on a local cluster of 2 worker processes: same outputs, same model as the local batch."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

distributed = pytest.importorskip("distributed", reason="the dask extra is not installed (pip install '.[dask]')")

from cleaner import Cleaner, Config  # noqa: E402
from cleaner.batch import REPORT_NAME, fit_files, run_batch  # noqa: E402
from cleaner.cli import main  # noqa: E402
from cleaner import dask_engine  # noqa: E402

SITE = Path(__file__).resolve().parent.parent / "corpus" / "learned" / "lagoverda" / "pages"


@pytest.fixture(scope="module")
def client():
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None, silence_logs=40) as cluster:
        with distributed.Client(cluster) as c:
            yield c


@pytest.fixture(scope="module")
def tree(tmp_path_factory):
    """Two sites in sub-folders (the Esperanto suite and English pages), plus a bad file."""
    root = tmp_path_factory.mktemp("in")
    (root / "lagoverda.eo").mkdir()
    for p in sorted(SITE.glob("*.txt")):
        (root / "lagoverda.eo" / p.name).write_bytes(p.read_bytes())
    (root / "news.example").mkdir()
    for i in range(14):
        (root / "news.example" / f"{i:02d}.txt").write_text(
            f"Share\nHarbour Weekly: the coast in print since 1901\nStory {i}: the ferry "
            f"{'abcdefghijklmn'[i]} left late because the {i}th storm of the year closed the port.\nAdvertisement\n")
    (root / "news.example" / "zz-binary.txt").write_bytes(b"\x00\x01\x02 not text \x00" * 20)
    return root


def outputs(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes()
            for p in sorted(root.rglob("*")) if p.is_file() and p.name != REPORT_NAME}


def test_dask_batch_equals_local_batch(client, tree, tmp_path):
    local = run_batch(Cleaner(), tree, tmp_path / "local", workers=1, group_by="folder", learn=True)
    dask = dask_engine.run_batch(Cleaner(), tree, tmp_path / "dask", client=client, group_by="folder", learn=True)
    assert outputs(tmp_path / "dask") == outputs(tmp_path / "local")  # includes _model.json
    assert (dask.cleaned, dask.failed, dask.workers, dask.engine) == (26, 1, 2, "dask")
    for key in ("cleaned", "failed", "skipped", "bytes_in", "bytes_out", "removed"):
        assert getattr(dask, key) == getattr(local, key), key
    assert dask.removed["learned.frequent_line"] >= 36  # the Esperanto footer, 3 lines x 12 pages
    model = json.loads((tmp_path / "dask" / "_model.json").read_text(encoding="utf-8"))
    assert sorted(model["groups"]) == ["lagoverda.eo", "news.example"]


def test_dask_fit_is_a_map_reduce_with_the_local_result(client, tree):
    local = fit_files(Config(), tree, group_by="folder")
    remote = dask_engine.fit_files(client, Config(), tree, group_by="folder")
    assert remote.to_json() == local.to_json()


def test_dask_resume_skips_finished_files(client, tree, tmp_path):
    first = dask_engine.run_batch(Cleaner(), tree, tmp_path / "out", client=client)
    (tmp_path / "out" / "news.example" / "03.txt").unlink()
    again = dask_engine.run_batch(Cleaner(), tree, tmp_path / "out", client=client, resume=True)
    assert (again.cleaned, again.skipped) == (1, first.cleaned - 1)


def test_cli_engine_dask_with_a_scheduler_address(client, tree, tmp_path, capsys):
    address = client.scheduler.address
    code = main(["batch", str(tree), "-o", str(tmp_path / "cli"), "--engine", "dask", "--scheduler", address, "-q"])
    assert code == 1  # the binary file failed, the rest were cleaned
    report = json.loads((tmp_path / "cli" / REPORT_NAME).read_text())
    assert report["engine"] == "dask" and report["cleaned"] == 26 and report["failed"] == 1
    run_batch(Cleaner(), tree, tmp_path / "local", workers=2)
    assert outputs(tmp_path / "cli") == outputs(tmp_path / "local")
    assert main(["fit", str(tree), "-o", str(tmp_path / "m.json"), "--group-by", "folder",
                 "--engine", "dask", "--scheduler", address, "-q"]) == 0
    assert (tmp_path / "m.json").read_text(encoding="utf-8") == fit_files(Config(), tree, group_by="folder").to_json()


def test_unreachable_scheduler_is_a_one_line_error():
    with pytest.raises(dask_engine.EngineError, match="cannot reach the Dask scheduler at tcp://127.0.0.1:9"):
        with dask_engine.connect("tcp://127.0.0.1:9", timeout="1s"):
            pass
    assert dask_engine.EngineError.exit_code == 2  # the CLI prints the message as one line
