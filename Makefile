# The README's commands. `make test` is what CI runs (after `npm ci`).
.PHONY: install codegen spec-drift check lint typecheck spec-lint codegen-check package-lint test jest build demo bench bench-quick bench-ratelimit clean

NPM_BIN := node_modules/.bin

install: node_modules/.package-lock.json

node_modules/.package-lock.json: package.json package-lock.json
	npm ci --no-audit --no-fund
	@touch $@

codegen: install
	$(NPM_BIN)/tsx scripts/codegen.ts

# The spec against a docs extract (SPEC_DRIFT_EXTRACT=file, default the reference copy in test/fixtures): what the
# docs added, removed or retyped that openapi/drift-baseline.json does not already list. Exit 1 on drift.
# ARGS passes flags: ARGS=--json, ARGS=--write-baseline, ARGS=--no-baseline.
SPEC_DRIFT_EXTRACT ?= test/fixtures/reference/yclients-docs-extract.json
spec-drift: install
	$(NPM_BIN)/tsx scripts/spec-drift.ts --extract $(SPEC_DRIFT_EXTRACT) $(ARGS)

# Everything that must hold before tests run: lint and format, types, spec lint, examples, generated/ fresh,
# and the package as npm would publish it.
check: install lint typecheck spec-lint codegen-check package-lint

lint: install
	$(NPM_BIN)/eslint .
	$(NPM_BIN)/prettier --check .

typecheck: install
	$(NPM_BIN)/tsc -p tsconfig.json

spec-lint: install
	$(NPM_BIN)/tsx scripts/codegen.ts --check
	$(NPM_BIN)/redocly lint generated/openapi.json --format=stylish
	$(NPM_BIN)/tsx scripts/check-examples.ts

codegen-check: install
	$(NPM_BIN)/tsx scripts/codegen.ts --check

# The packed tarball (npm pack, no network): publint's packaging rules, and arethetypeswrong's check that every
# subpath resolves to declarations of the right module format under node10, node16 (CJS and ESM) and bundler.
package-lint: build
	$(NPM_BIN)/publint --strict
	$(NPM_BIN)/attw --pack . --format table-flipped

test: check build jest

jest: install
	$(NPM_BIN)/jest

build: install
	$(NPM_BIN)/tsx scripts/build.ts

demo: install
	$(NPM_BIN)/tsx examples/demo.ts

bench: build
	$(NPM_BIN)/tsx bench/run.ts
	$(NPM_BIN)/tsx bench/ratelimit.ts

# The rate limiter at the real limits alone (about 8 minutes: two 150-s utilisation runs and a 100-s paging run).
# Needs Redis (REDIS_URL or 127.0.0.1:6379).
bench-ratelimit: build
	$(NPM_BIN)/tsx bench/ratelimit.ts

bench-quick: build
	$(NPM_BIN)/tsx bench/run.ts --quick

# The API reference (typedoc) in docs/api/: warnings are errors, so it stays clean.
docs: install
	$(NPM_BIN)/typedoc

clean:
	rm -rf dist coverage docs/api
