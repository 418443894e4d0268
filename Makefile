# The README's commands. `make test` is what CI runs (after `npm ci`).
.PHONY: install codegen spec-drift check release-check runtimes lint typecheck spec-lint codegen-check package-lint test jest build demo bench bench-quick bench-ratelimit bench-ratelimit-outage bench-ratelimit-entries bench-check clean

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
# the package as npm would publish it, and the last measured figures within their budgets.
check: install lint typecheck spec-lint codegen-check package-lint bench-check
	$(NPM_BIN)/tsx scripts/release-check.ts --only version,metadata,contents

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

# Whether this checkout is a coherent release: version ↔ CHANGELOG, `npm publish --dry-run` contents, publishing
# metadata, and the tarball's entry points (publint, attw). Offline. `make check` runs all but the last (package-lint
# already does it).
release-check: build
	$(NPM_BIN)/tsx scripts/release-check.ts

# The runtimes the smoke suite (test/runtimes/) runs the package in: Node 22 and 24, Bun, Deno, workerd
# (miniflare), from npm by name into .runtimes/. Without them `make test` skips those runtimes, with a warning.
runtimes:
	scripts/install-runtimes.sh

test: check build jest

# The Redis outage test kills and freezes its own redis-server and counts 429s at a strict simulator; it runs alone,
# after the rest, so that other suites do not starve its four clients of CPU (uneven use before an outage is what
# lets a few 429s through in its first window: README, the rate-limit caveat; BENCHMARKS.md).
jest: install
	$(NPM_BIN)/jest --testPathIgnorePatterns '/node_modules/|redis-outage\.test'
	$(NPM_BIN)/jest test/ratelimit/redis-outage.test.ts

build: install
	$(NPM_BIN)/tsx scripts/build.ts

demo: install
	$(NPM_BIN)/tsx examples/demo.ts

bench: build
	$(NPM_BIN)/tsx bench/run.ts
	$(NPM_BIN)/tsx bench/ratelimit.ts
	$(NPM_BIN)/tsx bench/ratelimit-outage.ts
	$(NPM_BIN)/tsx bench/ratelimit-entries.ts

# The rate limiter at the real limits alone (about 8 minutes: two 150-s utilisation runs and a 100-s paging run).
# Needs Redis (REDIS_URL or 127.0.0.1:6379).
bench-ratelimit: build
	$(NPM_BIN)/tsx bench/ratelimit.ts

# The shared quota across a Redis outage (kill and restart empty, freeze): 4 processes, a redis-server of its own
# on a free port (needs redis-server on PATH). About 5 minutes at the real limits; --quick scales them down (1 min).
bench-ratelimit-outage: build
	$(NPM_BIN)/tsx bench/ratelimit-outage.ts

# The in-memory sliding log's cost per decision, 200 to 100,000 entries in the window (seconds).
bench-ratelimit-entries: build
	$(NPM_BIN)/tsx bench/ratelimit-entries.ts

# The figures in bench/results.json against bench/budgets.json (bundle sizes, per-request overhead); measures
# nothing, so it is fast and deterministic. Exits non-zero when a budget is exceeded or was never measured.
bench-check: install
	$(NPM_BIN)/tsx bench/check.ts

bench-quick: build
	$(NPM_BIN)/tsx bench/run.ts --quick
	$(NPM_BIN)/tsx bench/ratelimit-outage.ts --quick
	$(NPM_BIN)/tsx bench/ratelimit-entries.ts --quick

# The API reference in docs/api/: a page per resource with every friendly method, and a search by method name or
# HTTP path (scripts/docs/, from the spec and the typed rows); the hand-written core API (client options, errors,
# webhooks, testing) by typedoc in docs/api/core/, the generated schema types left out (warnings are errors).
docs: install
	rm -rf docs/api
	$(NPM_BIN)/typedoc
	$(NPM_BIN)/tsx scripts/docs/build.ts --with-core

clean:
	rm -rf dist coverage docs/api
