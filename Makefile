# The course in two commands:  make lab  (set up if needed, open JupyterLab)  and  make test.
# Setup creates .venv/ once; it is redone only when pyproject.toml or requirements.lock change.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
READY  := $(VENV)/.ready
PORT   ?= 8888
# Extra options for jupyter lab, e.g. make lab LAB_ARGS=--no-browser (the JupyterLab test uses it).
LAB_ARGS ?=
# Jupyter refuses to run as root (containers, some cloud machines) unless told it is meant.
ROOT_FLAG := $(if $(filter 0,$(shell id -u 2>/dev/null)),--allow-root)

.PHONY: lab test setup lock clean notebooks site system

# root_dir=. so the file browser shows the whole course (notebooks/, exercises/), not only notebooks/.
lab: $(READY)
	$(BIN)/jupyter lab --port=$(PORT) --ServerApp.root_dir=. $(ROOT_FLAG) $(LAB_ARGS) notebooks/00_start_here.ipynb

test: $(READY) system
	$(BIN)/python -m pytest

# The website of the course: one page per notebook from its stored outputs, math rendered offline.
site: $(READY)
	$(BIN)/python tools/build_site.py --out _site
	@echo "Open _site/index.html in a browser."

# System programs the tests use: Chromium (the browser tests) and bubblewrap (the grading sandbox).
# Installed where we may (root with apt-get, as in CI); elsewhere the tests that need them skip and say how.
system:
	@missing=""; \
	  command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1 || missing=" chromium"; \
	  command -v bwrap >/dev/null 2>&1 || missing="$$missing bubblewrap"; \
	  if [ -n "$$missing" ]; then \
	    if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	      echo "Installing$$missing for the tests (apt-get install$$missing)"; \
	      { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; } || \
	        echo "Could not install$$missing: the tests that need it will be skipped."; \
	    else \
	      echo "Not found:$$missing. The tests that need it will be skipped; install it (Debian/Ubuntu: sudo apt-get install$$missing)."; \
	    fi; \
	  fi

setup: $(READY)

$(READY): pyproject.toml requirements.lock
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null || { \
	  echo "The course needs Python 3.11 or newer; '$(PYTHON)' is $$($(PYTHON) --version 2>&1 || echo missing)." >&2; \
	  echo "Install one, then run for example: make PYTHON=python3.11 $(MAKECMDGOALS)" >&2; exit 1; }
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -c requirements.lock -e '.[test]'
	@# nbgrader is the instructors' tool (a test dependency): keep its panels out of the learner's JupyterLab.
	@$(BIN)/jupyter labextension disable --level=sys_prefix @jupyter/nbgrader >/dev/null 2>&1
	@for e in formgrader validate_assignment assignment_list course_list; do \
	  $(BIN)/jupyter server extension disable --sys-prefix nbgrader.server_extensions.$$e >/dev/null 2>&1; done
	@touch $@
	@echo "Set up in $(VENV). Check it any time with: $(BIN)/coursekit doctor"

# Re-pin every package after changing the ranges in pyproject.toml.
lock: $(READY)
	{ echo "# Exact versions the course is tested with (pip constraints: pip install -c requirements.lock -e '.[test]')."; \
	  echo "# torch==2.13.0 resolves to the CPU build. Regenerate with: make lock"; \
	  $(BIN)/python -m pip freeze --exclude-editable | sed 's/^torch==\([0-9.]*\)+cpu$$/torch==\1/'; } > requirements.lock

clean:
	rm -rf $(VENV) .pytest_cache *.egg-info

# Maintainers: re-run every lesson and solution in place, then regenerate the exercises.
notebooks: $(READY)
	$(BIN)/python tools/execute_notebooks.py notebooks/*.ipynb solutions/*.ipynb
	$(BIN)/coursekit release solutions exercises
