// The merged spec ships once, as dist/openapi.json (the `yclients-client/openapi.json` subpath). Bundles that read
// it (the simulator, the CLI) load that file at run time instead of inlining 2 MB of JSON into each of them.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Plugin } from "esbuild";

/**
 * By package name, not by a path relative to dist/: Node resolves it as a self-reference from inside the package,
 * and still from node_modules when a user's bundler has moved the simulator's code into a bundle of their own.
 */
const SPEC = "yclients-client/openapi.json";

export const shippedSpec: Plugin = {
  name: "shipped-spec",
  setup(b) {
    b.onResolve({ filter: /(^|\/)generated\/openapi\.json$/ }, () => ({ path: SPEC, namespace: "shipped-spec" }));
    b.onResolve({ filter: /^yclients-client\/openapi\.json$/ }, () => ({ path: SPEC, external: true }));
    // ESM reads the JSON through createRequire: a JSON import needs import attributes, which Node 20.0-20.9 lack.
    const contents =
      b.initialOptions.format === "esm"
        ? `import { createRequire } from "node:module";\nexport default createRequire(import.meta.url)(${JSON.stringify(SPEC)});`
        : `module.exports = require(${JSON.stringify(SPEC)});`;
    b.onLoad({ filter: /.*/, namespace: "shipped-spec" }, () => ({ contents, loader: "js" }));
  },
};

/** generated/openapi.json without its indentation: the same document in half the bytes. */
export function writeShippedSpec(root: string): void {
  const spec = JSON.parse(readFileSync(join(root, "generated", "openapi.json"), "utf8"));
  writeFileSync(join(root, "dist", "openapi.json"), JSON.stringify(spec));
}
