# hrdialogue — `make help` lists the targets.
SHELL := /bin/bash
PYTHON ?= python3
TOOLS := .tools
UV := $(TOOLS)/bin/uv
VENV := .venv
BIN := $(VENV)/bin
export UV_PYTHON := $(PYTHON)
export UV_PYTHON_DOWNLOADS := never
export UV_PROJECT_ENVIRONMENT := $(VENV)
export HRDIALOGUE_SHARED ?= $(abspath ../shared)

.DEFAULT_GOAL := help

.PHONY: help
help: ## list the targets
	@grep -hE '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-10s %s\n", $$1, $$2}'

$(UV):
	$(PYTHON) -m venv $(TOOLS)
	$(TOOLS)/bin/pip install --quiet --disable-pip-version-check uv==0.13.8

$(VENV)/.synced: $(UV) pyproject.toml uv.lock
	$(UV) sync --frozen --all-extras
	@touch $@

.PHONY: install
install: $(VENV)/.synced ## create .venv and install the project with its locked dependencies

# The seed from the shared data when present, else the copy the project ships as sample input.
SEED := $(firstword $(wildcard $(HRDIALOGUE_SHARED)/seeds/000_8dba0c578e5ca190.txt) examples/A_RES_63_180.ru.txt)
MANAGE := $(BIN)/python -m hrdialogue.web

.PHONY: run
run: install ## the platform on http://127.0.0.1:8000 with the seed's OP10 consultation and demo accounts
	$(BIN)/hrdialogue demo
	$(MANAGE) migrate --verbosity 0
	$(MANAGE) demo "$(SEED)"
	$(MANAGE) demo_replies
	$(MANAGE) runserver 127.0.0.1:8000

.PHONY: messages
messages: install ## refresh the five catalogs from the sources and compile them (needs gettext)
	cd src/hrdialogue/web && for l in ar zh_Hans fr ru es; do \
	  ../../../$(BIN)/python -m hrdialogue.web makemessages -l $$l --no-obsolete \
	    --add-location=file --no-wrap -i templates/500.html; done
	cd src/hrdialogue/web && ../../../$(BIN)/python -m hrdialogue.web compilemessages

.PHONY: lint
lint: install ## ruff (lint + format check), mypy, the import contract
	$(BIN)/ruff check src tests benchmarks evals
	$(BIN)/ruff format --check src tests benchmarks evals
	$(BIN)/mypy
	$(BIN)/lint-imports

.PHONY: test
test: lint ## lint, then the whole test suite (fails if no test ran)
	$(MANAGE) makemigrations --check --dry-run
	$(BIN)/pytest -p no:cacheprovider

.PHONY: bench
bench: install ## benchmarks: medians and ratios against a baseline measured in the same run
	if ls -d /usr/lib/postgresql/*/bin >/dev/null 2>&1; then \
	  .ci/with-postgres $(BIN)/python -m benchmarks; else $(BIN)/python -m benchmarks; fi

.PHONY: eval
eval: install ## quality scores against labelled data, with sample sizes
	$(BIN)/python -m evals

.PHONY: chaos
chaos: install ## the long crash-consistency run (battery E3): load over SQLite, then over a crashing PostgreSQL
	HRDIALOGUE_CHAOS_SECONDS=$${HRDIALOGUE_CHAOS_SECONDS:-300} $(BIN)/pytest -p no:cacheprovider \
	  -p no:randomly -s tests/web/reliability/test_chaos.py

.PHONY: format
format: install ## rewrite the code with ruff's formatter and fixes
	$(BIN)/ruff format src tests benchmarks evals
	$(BIN)/ruff check --fix src tests benchmarks evals

.PHONY: lock
lock: $(UV) ## refresh uv.lock after a change to pyproject.toml
	$(UV) lock

.PHONY: clean
clean: ## remove the environments and caches
	rm -rf $(VENV) $(TOOLS) .mypy_cache .ruff_cache .hypothesis
