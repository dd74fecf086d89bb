# The README's two commands: `make run` and `make test`. Both set up what they need first.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cksum pyproject.toml | cut -d' ' -f1)
DEMO_STAFF ?= 2000
HOST ?= 127.0.0.1:8000
# Links in e-mails point at the address the portal is served on (make run HOST=hr.local:8080).
SITE_URL ?= http://$(HOST)

.PHONY: install run test lint messages bench clean

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "hrportal needs Python 3.11 or newer")'
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	rm -f $(VENV)/.installed-*
	touch $(STAMP)
	@# A local secret so that management commands run without DEBUG; production sets SECRET_KEY itself.
	test -f .env || $(BIN)/python -c 'import secrets; print("SECRET_KEY=" + secrets.token_urlsafe(50))' > .env

# Front-end packages from npm (the lock file pins them); the CSS is compiled from assets/scss with our own
# tokens and written to static/build/ (gitignored), which Django serves as static files — no CDN.
NODE_STAMP := node_modules/.package-lock.json
ASSETS := $(wildcard assets/scss/*.scss)

$(NODE_STAMP): package.json package-lock.json
	@command -v npm >/dev/null || { echo "hrportal needs Node.js and npm (apt-get install nodejs npm)"; exit 1; }
	npm ci --no-audit --no-fund --loglevel=error
	touch $(NODE_STAMP)

static/build/hrportal.css: $(NODE_STAMP) $(ASSETS)
	npm run --silent build

install: $(STAMP) static/build/hrportal.css

run: install
	DEBUG=true $(BIN)/python manage.py migrate --noinput
	DEBUG=true $(BIN)/python manage.py seed_demo --staff $(DEMO_STAFF) --if-empty
	@echo ""
	@echo "hrportal runs at http://$(HOST)/  (Ctrl+C stops it)"
	@echo "Demo users, password 'demo': demo-staff, demo-manager, demo-hr, demo-central, demo-top, admin"
	@echo ""
	DEBUG=true SITE_URL=$(SITE_URL) ALLOWED_HOSTS=$${ALLOWED_HOSTS:-127.0.0.1,localhost,$(firstword $(subst :, ,$(HOST)))} $(BIN)/python manage.py runserver $(HOST)

test: install
	$(BIN)/python -m pytest $(PYTEST_ARGS)

lint: install
	$(BIN)/ruff check .
	DEBUG=true $(BIN)/python manage.py makemigrations --check --dry-run

messages: install
	@# From the root: each file's strings go to its app's locale/ (the core's to locale/); English is the source.
	DEBUG=true $(BIN)/python manage.py makemessages -l nl --ignore=node_modules --ignore=.venv --ignore='*/migrations/*' --ignore=tests --ignore=bench --ignore=staticfiles
	DEBUG=true $(BIN)/python manage.py compilemessages --ignore=.venv --ignore=node_modules

bench: install
	$(BIN)/python bench/staff_directory.py

clean:
	rm -rf $(VENV) db.sqlite3 staticfiles .pytest_cache node_modules static/build test-artifacts
