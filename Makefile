# The README's commands. Everything runs inside .venv, created on first use.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
DEVSTAMP := $(VENV)/.installed-dev
BENCHSTAMP := $(VENV)/.installed-bench

.PHONY: site test serve bench mutate clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(DEVSTAMP): pyproject.toml $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $@

$(BENCHSTAMP): pyproject.toml $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[bench]'
	touch $@

site: $(STAMP)
	$(BIN)/python build.py build

test: $(DEVSTAMP)
	@if command -v npm >/dev/null 2>&1; then npm ci --prefix tests/browser --no-audit --no-fund --silent; \
	else echo "npm not found: the accessibility checks will be skipped"; fi
	$(BIN)/python -m pytest

serve: $(STAMP)
	$(BIN)/python build.py serve

bench: $(BENCHSTAMP)
	$(BIN)/python -m bench.evaluate
	$(BIN)/python -m bench.stages
	$(BIN)/python -m bench.preview
	$(BIN)/python -m bench.run $(BENCH_ARGS)
	$(BIN)/python -m bench.floor

# Mutation testing (not part of `make test`; ~25 minutes on two cores): see bench/MUTATION.md.
mutate: $(DEVSTAMP)
	$(BIN)/python -m pip install --quiet 'mutmut>=3.2'
	rm -rf mutants
	$(BIN)/mutmut run --max-children $$(nproc)
	$(BIN)/mutmut results --all true | $(BIN)/python -m bench.mutation
	$(BIN)/python -m bench.survivors > bench/results/mutation.txt  # each survivor, its change and its kind

clean:
	rm -rf output .cache .pytest_cache mutants
