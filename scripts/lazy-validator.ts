// Response validation ships as its own entry (dist/validation.mjs and .cjs, `yclients-client/validation`), loaded by
// the client only when `validateResponses` is on, so the core bundles carry none of it: not the validator, not the spec.
import type { Plugin } from "esbuild";

/**
 * In the client's bundles: `import-validator.ts` becomes a load of the sibling dist/validation file that no bundler
 * follows (a `require` whose name is computed at run time), so an app bundled from the package carries the validator
 * only if it imports `yclients-client/validation` itself.
 */
export const lazyValidator: Plugin = {
  name: "lazy-validator",
  setup(b) {
    const esm = b.initialOptions.format === "esm";
    b.onResolve({ filter: /(^|\/)import-validator\.js$/ }, (args) => ({
      path: args.path,
      namespace: "lazy-validator",
    }));
    b.onLoad({ filter: /.*/, namespace: "lazy-validator" }, () => ({
      loader: "js",
      // ESM has no dynamic import here at all: Cloudflare's module loader (and miniflare) refuse an `import()` whose
      // specifier is not a literal. Runtimes with Node's module API (Node ≥ 20.16, Bun, Deno) require the sibling
      // CommonJS file through `process.getBuiltinModule`; elsewhere the app imports the entry itself.
      contents: esm
        ? `export function importSpecValidator() {
  const createRequire = globalThis.process?.getBuiltinModule?.("node:module")?.createRequire;
  if (!createRequire) return Promise.reject(new Error("this runtime cannot load yclients-client/validation by itself"));
  return Promise.resolve()
    .then(() => createRequire(import.meta.url)(["./validation", "cjs"].join(".")))
    .then((m) => m.loadSpecValidator());
}`
        : `export function importSpecValidator() {
  const file = "./validation.cjs";
  return Promise.resolve().then(() => require(file)).then((m) => m.loadSpecValidator());
}`,
    }));
  },
};

/**
 * In the validator's own bundle: the spec is the file the package ships, by package name. ESM keeps a JSON import
 * with `type: "json"` (read by Node ≥ 20.10, bundlers and workers; the entry is built for `esnext` so esbuild keeps
 * the attribute); CommonJS requires it.
 */
export const specByPackage: Plugin = {
  name: "spec-by-package",
  setup(b) {
    const esm = b.initialOptions.format === "esm";
    b.onResolve({ filter: /(^|\/)generated\/openapi\.json$/ }, () =>
      esm ? { path: SPEC, external: true } : { path: SPEC, namespace: "spec-by-package" },
    );
    b.onResolve({ filter: /^yclients-client\/openapi\.json$/ }, () => ({ path: SPEC, external: true }));
    b.onLoad({ filter: /.*/, namespace: "spec-by-package" }, () => ({
      contents: `module.exports = require(${JSON.stringify(SPEC)});`,
      loader: "js",
    }));
  },
};

const SPEC = "yclients-client/openapi.json";
