# Parallax developer commands. `make run` and `make test` set everything up first.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test lint bench eval setup clean bytecode

run: $(STAMP) bytecode
	@sh scripts/system-deps.sh gui
	$(BIN)/parallax --demo

test: $(STAMP)
	@sh scripts/system-deps.sh test
	$(BIN)/ruff check
	$(BIN)/ruff format --check
	$(BIN)/lint-imports
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest

# Speed budgets of DESIGN.md on synthetic projects of 1,000 / 3,000 / 10,000 articles
# (generated once into ~/.cache/parallax-bench). Prints a table, writes bench-results.json.
bench: $(STAMP) bytecode
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m tests.bench

# Suggestion quality on the public gold corpora in ../shared/devdata (skipped when absent).
eval: $(STAMP)
	$(BIN)/python -m parallax.eval

lint: $(STAMP)
	$(BIN)/ruff check
	$(BIN)/ruff format --check
	$(BIN)/lint-imports

setup: $(STAMP)

$(STAMP): pyproject.toml
	@sh scripts/system-deps.sh offscreen
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	$(BIN)/python -m compileall -q desktop/parallax resources
	@touch $(STAMP)

# Our sources are installed editable, so pip compiled none of them; with
# PYTHONDONTWRITEBYTECODE set, every start would compile them again (~300 ms).
# compileall writes .pyc regardless, and only for files changed since.
bytecode: $(STAMP)
	@$(BIN)/python -m compileall -q desktop/parallax resources

clean:
	rm -rf $(VENV) build dist .pytest_cache .ruff_cache
