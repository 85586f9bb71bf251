# Every target sets itself up: the first run creates .venv and installs the package.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
FILE   ?=
OUT    ?= out

.PHONY: run test eval bench fuzz clean-venv

$(STAMP): setup.cfg pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[test]'
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

clean-venv:
	rm -rf $(VENV)
