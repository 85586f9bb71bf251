"""The README's recipes for pandas and Hugging Face datasets, run as written there."""

from __future__ import annotations

import pytest

from cleaner import Cleaner

TEXTS = [f"Share\nStory {i}: the council approved the new budget for the harbour district on Monday.\nAdvertisement"
         for i in range(20)]
CLEAN = [f"Story {i}: the council approved the new budget for the harbour district on Monday." for i in range(20)]


def test_pandas_series_map_and_clean_many():
    pd = pytest.importorskip("pandas")
    df = pd.DataFrame({"url": [f"https://example.org/{i}" for i in range(20)], "text": TEXTS},
                      index=range(100, 120))

    # --- recipe (README "A step in a Python pipeline: pandas") ---
    cleaner = Cleaner()
    df["body"] = df["text"].map(cleaner.clean)                                          # one process
    df["body2"] = pd.Series(cleaner.clean_many(df["text"], workers=2), index=df.index)  # all cores, same order
    # ---

    assert df["body"].tolist() == CLEAN and df["body2"].tolist() == CLEAN
    assert df.index.tolist() == list(range(100, 120)) and df["url"].iloc[3] == "https://example.org/3"


def test_datasets_map(monkeypatch, tmp_path):
    datasets = pytest.importorskip("datasets", reason="Hugging Face datasets is not installed (pip install datasets)")
    monkeypatch.setenv("HF_DATASETS_OFFLINE", "1")
    monkeypatch.setenv("HF_HOME", str(tmp_path))
    ds = datasets.Dataset.from_dict({"id": list(range(20)), "text": TEXTS})

    # --- recipe (README "A step in a Python pipeline: Hugging Face datasets") ---
    cleaner = Cleaner()

    def clean_batch(batch):
        return {"body": [cleaner.clean(t) for t in batch["text"]]}

    ds = ds.map(clean_batch, batched=True, num_proc=2)
    # ---

    assert ds["body"] == CLEAN and ds["id"] == list(range(20)) and ds["text"] == TEXTS
