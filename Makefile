# Every target sets itself up: the first run creates .venv and installs the package.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
FILE   ?=
OUT    ?= out

.PHONY: run test eval dumpers pin bench fuzz clean-venv

$(STAMP): setup.cfg pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[test,dask]'
	touch $(STAMP)

# The main job: clean the stored corpus into out/ with a per-rule report,
# or one file to stdout with FILE=page.txt.
run: $(STAMP)
ifeq ($(strip $(FILE)),)
	$(BIN)/cleaner batch corpus/cases --glob 'input.*' -o $(OUT) -q
else
	$(BIN)/cleaner clean $(FILE)
endif

test: $(STAMP)
	$(BIN)/python -m pytest

# Quality on ../shared/bench: set x input kind x system, with reference points and targets.
eval: $(STAMP)
	$(BIN)/python scripts/eval_bench.py --json eval-results.json

# The cleaner on the bench pages as other dumpers write them (wrapped, cut at links, Markdown).
dumpers: $(STAMP)
	$(BIN)/python scripts/dumper_eval.py

# Raise the regression pins (tests/quality_pins.json) to today's scores, after looking at the change.
pin: $(STAMP)
	$(BIN)/python scripts/eval_bench.py --kinds box,page,html --write-pins tests/quality_pins.json

# Throughput against ftfy, a C4 line filter and trafilatura, in one run (not part of test).
bench: $(STAMP)
	$(BIN)/python scripts/bench.py
	$(BIN)/python scripts/bench_batch.py

# Coverage-guided fuzzing (atheris) of the whole preparation (decode, repair, normalise, layout steps); FUZZ_SECONDS=600 for longer.
# A failing input lands in .fuzz/crash-*; replay it with: .venv/bin/python fuzz/fuzz_prepare.py .fuzz/crash-...
FUZZ_SECONDS ?= 300
fuzz: $(STAMP)
	$(BIN)/python -c "import atheris" 2>/dev/null || $(BIN)/python -m pip install -q atheris
	mkdir -p .fuzz/corpus
	$(BIN)/python fuzz/fuzz_prepare.py -max_total_time=$(FUZZ_SECONDS) -artifact_prefix=.fuzz/ .fuzz/corpus fuzz/seeds

clean-venv:
	rm -rf $(VENV)
