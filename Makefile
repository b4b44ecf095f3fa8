# corpus_tools: `make help` lists the targets.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
OUT ?= out

.DEFAULT_GOAL := help

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-10s %s\n", $$1, $$2}'

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: $(BIN)/python setup.cfg pyproject.toml
	$(BIN)/python -m pip install --quiet -e .
	@touch $@

$(VENV)/.installed-dev: $(VENV)/.installed
	$(BIN)/python -m pip install --quiet -e ".[dev,dask]"
	@touch $@

install: $(VENV)/.installed ## create .venv and install the package with its spaCy models

demo: $(VENV)/.installed ## run the main job on data/sample, tables under out/
	$(BIN)/corpus-tools run --out $(OUT)
	@echo "Output: $(OUT)/"

test: $(VENV)/.installed-dev ## run the whole test suite (notebooks included)
	$(BIN)/python -m pytest -q

train: $(VENV)/.installed-dev ## refit what is derived from ../shared/train: kind model, role ranker, organisation scorer, short-text language counts
	$(BIN)/python -m corpus_tools.extract.kinds ../shared/train/news
	$(BIN)/python bench/train_organisations.py
	$(BIN)/python bench/train_roles.py ../shared/train/news
	$(BIN)/python bench/language_words.py

bench: $(VENV)/.installed-dev ## quick figures reported in the README (money speed, kind accuracy)
	$(BIN)/python bench/amounts.py
	$(BIN)/python bench/kinds.py

bench-organisations: $(VENV)/.installed-dev ## organisation P/R (listed, unlisted) on dev and train, gazetteer ablation, speed and memory
	$(BIN)/python bench/organisations.py --ablation
	$(BIN)/python bench/entities.py

bench-throughput: $(VENV)/.installed-dev ## corpus throughput and memory against the baseline (long)
	$(BIN)/python bench/throughput.py

bench-scaling: $(VENV)/.installed-dev ## docs/s and peak memory per n_process and with Dask; the main process's CPU share (long)
	$(BIN)/python bench/scaling.py --baseline

screenshots: $(VENV)/.installed-dev ## README screenshots of report.html (1400 px, 390 px) and charts, bench/screenshots/
	$(BIN)/python bench/screenshots.py

clean: ## remove outputs (keeps .venv)
	rm -rf $(OUT) .pytest_cache

.PHONY: help install demo test train bench bench-organisations bench-throughput bench-scaling screenshots clean
