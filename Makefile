# Two entry points, both from nothing but Python 3.11, pip and make:
#   make example   validate the bundled example programme and render its MPTF indicator table
#   make test      lint, type-check, run the test suite and build the documentation
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
EXAMPLE := examples/mptf-00127216-un-migration-network.yaml

.PHONY: example test lint typecheck pytest docs bench clean

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	touch $@

example: $(VENV)/.installed
	$(BIN)/resultsframework validate $(EXAMPLE)
	$(BIN)/resultsframework render $(EXAMPLE) --format md --status

lint: $(VENV)/.installed
	$(BIN)/ruff check src tests tools benchmarks examples
	$(BIN)/ruff format --check src tests tools benchmarks examples

typecheck: $(VENV)/.installed
	$(BIN)/mypy

pytest: $(VENV)/.installed
	$(BIN)/python -m pytest

# The documentation site: any Sphinx warning fails the build.
docs: $(VENV)/.installed
	$(BIN)/sphinx-build -W --keep-going -q -b html docs docs/_build/html

test: lint typecheck pytest docs

# Not part of the tests: generates a 160 MB synthetic portfolio on first use, runs about a minute.
bench: $(VENV)/.installed
	$(BIN)/python benchmarks/run.py

clean:
	rm -rf $(VENV) build dist src/*.egg-info .pytest_cache .mypy_cache .ruff_cache .hypothesis
