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
    // Read on first use, not when the entry loads: `yclients-client/testing` then loads without touching 1 MB of
    // JSON. Read as a file and parsed, not require()d: tsx under Node 20 fails on a require() of a package's JSON
    // from a .cts file. The default export stands in for the document and reads it the first time any property is
    // asked for.
    const read =
      b.initialOptions.format === "esm"
        ? `import { createRequire } from "node:module";\nimport { readFileSync } from "node:fs";\nconst where = () => createRequire(import.meta.url).resolve(${JSON.stringify(SPEC)});`
        : `const { createRequire } = require("node:module");\nconst { readFileSync } = require("node:fs");\nconst where = () => createRequire(__filename).resolve(${JSON.stringify(SPEC)});`;
    const contents = `${read}
let spec;
const load = () => (spec ??= JSON.parse(readFileSync(where(), "utf8")));
export default new Proxy({}, {
  get: (_, key) => load()[key],
  has: (_, key) => key in load(),
  ownKeys: () => Reflect.ownKeys(load()),
  getOwnPropertyDescriptor: (_, key) => Reflect.getOwnPropertyDescriptor(load(), key),
});
`;
    b.onLoad({ filter: /.*/, namespace: "shipped-spec" }, () => ({ contents, loader: "js" }));
  },
};

/** generated/openapi.json without its indentation: the same document in half the bytes. */
export function writeShippedSpec(root: string): void {
  const spec = JSON.parse(readFileSync(join(root, "generated", "openapi.json"), "utf8"));
  writeFileSync(join(root, "dist", "openapi.json"), JSON.stringify(spec));
}
