# Two commands for a newcomer: `make run` (chat UI on 127.0.0.1) and `make test`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
export GRADIO_ANALYTICS_ENABLED := False
export HF_HUB_OFFLINE := 1
export ANONYMIZED_TELEMETRY := False
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD := 1

.PHONY: setup browser index run test chat clean-index

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

run: index
	$(VENV)/bin/assistant chat

chat: index
	$(VENV)/bin/assistant chat

test: setup browser
	$(PY) -m pytest -q

clean-index:
	find index -mindepth 1 ! -name README.md -exec rm -rf {} +
