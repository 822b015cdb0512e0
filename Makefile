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

.PHONY: run
run: install ## run the main job: read the seed resolution and print its summary
	$(BIN)/hrdialogue demo

.PHONY: lint
lint: install ## ruff (lint + format check), mypy, the import contract
	$(BIN)/ruff check src tests benchmarks evals
	$(BIN)/ruff format --check src tests benchmarks evals
	$(BIN)/mypy
	$(BIN)/lint-imports

.PHONY: test
test: lint ## lint, then the whole test suite (fails if no test ran)
	$(BIN)/pytest -p no:cacheprovider

.PHONY: bench
bench: install ## benchmarks: medians and ratios against a baseline measured in the same run
	$(BIN)/python -m benchmarks

.PHONY: eval
eval: install ## quality scores against labelled data, with sample sizes
	$(BIN)/python -m evals

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
