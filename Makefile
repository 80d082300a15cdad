# achyk: `make site` builds Content/ into Site/; `make test` runs every test. Both install what is missing.
SWIFT ?= swift
CONTENT ?= Content
OUTPUT ?= Site

.PHONY: site example test unit-tests check-site fuzz bench deps theme build check clean dist dist-check

site: build
	.build/release/achyk build --content $(CONTENT) --output $(OUTPUT)
	@echo "Open $(OUTPUT)/index.html in a browser, or copy $(OUTPUT)/ to any static web host."

# The sample site: invented municipalities with invented figures (examples/Content), into examples/Site.
example: build
	.build/release/achyk build --content examples/Content --output examples/Site
	@echo "Open examples/Site/index.html in a browser: every page of it says that its figures are a sample."

build: deps theme
	$(SWIFT) build -c release --product achyk

# Unit and fixture tests, then the checks on the built bundled site.
test: unit-tests check-site

unit-tests: deps theme
	$(SWIFT) test

# HTML validity, accessibility in headless Chromium, links, structure, sitemap, page weight.
check-site: deps theme
	$(SWIFT) build --product achyk
	scripts/check-site.sh

check: build
	.build/release/achyk check --content $(CONTENT) --strict
	.build/release/achyk check --content examples/Content --strict

# libFuzzer on the content readers, FUZZ_SECONDS per target (not part of `make test`). A crashing input is saved
# under Tests/Fixtures/fuzz/<target>/, which the unit tests replay.
FUZZ_SECONDS ?= 60
fuzz: deps
	scripts/fuzz.sh $(FUZZ_SECONDS)

# achyk against Hugo on the same synthetic content (bench/generate.py); see docs/performance.md. Not part of `make test`.
bench: deps theme
	bench/run.sh

# achyk as one file: dist/achyk-<version>-linux-x86_64.tar.gz, which runs on Debian or Ubuntu without Swift.
dist: deps
	scripts/dist.sh

# Runs the one-file achyk in a minimal Debian made with debootstrap and compares its site with this machine's.
dist-check: dist
	scripts/dist-check.sh

deps:
	@scripts/install-deps.sh

# The default theme is compiled into the executable; regenerate its Swift copy whenever the theme changes.
theme:
	@python3 scripts/embed-theme.py

clean:
	rm -rf .build
