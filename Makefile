# Two entry points, both from nothing but Python 3.11, pip and make:
#   make example   validate the bundled example programme and render its MPTF indicator table
#   make test      lint, type-check, build the documentation, build the wheel, and run the tests
#                  against the wheel: once with every extra, once with only the required packages
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
PIP := --quiet --disable-pip-version-check
EXAMPLE := examples/mptf-00127216-un-migration-network.yaml
DIST := build/dist
WHEEL_VENV := build/venv-wheel
MINIMAL_VENV := build/venv-minimal
PYTEST_OPTIONS ?= -q -n 2

.PHONY: example test lint typecheck pytest docs wheel test-wheel test-minimal bench clean

$(BIN)/python:
	@$(PYTHON) -m venv $(VENV)
	@$(BIN)/python -m pip install $(PIP) --upgrade pip

# What the example needs: the package and its required dependencies, nothing else.
$(VENV)/.core: pyproject.toml | $(BIN)/python
	@$(BIN)/python -m pip install $(PIP) -e .
	@touch $@

# The development toolchain: every extra, the test, lint and documentation tools.
$(VENV)/.dev: pyproject.toml | $(BIN)/python
	@$(BIN)/python -m pip install $(PIP) -e ".[dev]"
	@touch $@ $(VENV)/.core

example: $(VENV)/.core
	@$(BIN)/resultsframework validate $(EXAMPLE)
	@$(BIN)/resultsframework render $(EXAMPLE) --format md --status

lint: $(VENV)/.dev
	$(BIN)/ruff check src tests tools benchmarks examples docs
	$(BIN)/ruff format --check src tests tools benchmarks examples docs

typecheck: $(VENV)/.dev
	$(BIN)/mypy

# The tests against the source tree, for development.
pytest: $(VENV)/.dev
	$(BIN)/python -m pytest $(PYTEST_OPTIONS)

# The documentation site: any Sphinx warning fails the build, and so does a public name or a
# field the API reference leaves undocumented (read from the source as Sphinx reads it).
docs: $(VENV)/.dev
	$(BIN)/sphinx-build -W --keep-going -q -b html docs docs/_build/html
	$(BIN)/python -m pytest -q -p no:cacheprovider tests/test_api_docs.py

# The wheel users install, built afresh.
wheel: $(VENV)/.dev
	@rm -rf $(DIST)
	$(BIN)/python -m pip wheel $(PIP) --no-deps -w $(DIST) .

# The tests against the installed wheel (not the source tree), with every extra.
test-wheel: wheel
	@rm -rf $(WHEEL_VENV)
	@$(PYTHON) -m venv $(WHEEL_VENV)
	$(WHEEL_VENV)/bin/python -m pip install $(PIP) "$$(ls $(DIST)/*.whl)[all,test]"
	$(WHEEL_VENV)/bin/python -m pytest $(PYTEST_OPTIONS) -p no:cacheprovider

# The tests against the wheel with only the required packages: the extras' tests are skipped,
# and each extra's absence is reported as MissingExtraError (tests/test_module.py).
test-minimal: wheel
	@rm -rf $(MINIMAL_VENV)
	@$(PYTHON) -m venv $(MINIMAL_VENV)
	$(MINIMAL_VENV)/bin/python -m pip install $(PIP) "$$(ls $(DIST)/*.whl)[test]"
	$(MINIMAL_VENV)/bin/python -m pytest $(PYTEST_OPTIONS) -p no:cacheprovider

test: lint typecheck docs test-wheel test-minimal

# Not part of the tests: generates a 160 MB synthetic portfolio on first use, runs about a minute.
bench: $(VENV)/.dev
	$(BIN)/python benchmarks/run.py

clean:
	rm -rf $(VENV) build dist src/*.egg-info .pytest_cache .mypy_cache .ruff_cache .hypothesis
