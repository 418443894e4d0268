// Response validation ships as its own entry (dist/validation.mjs and .cjs, `yclients-client/validation`), loaded by
// the client only when `validateResponses` is on, so the core bundles carry none of it: not the validator, not the spec.
import type { Plugin } from "esbuild";

/**
 * In the client's bundles: `import-validator.ts` becomes an import of the sibling dist/validation file by a specifier
 * computed at run time, which no bundler follows (esbuild, Rollup, Vite and webpack leave such imports alone), so an
 * app bundled from the package carries the validator only if it imports `yclients-client/validation` itself.
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
      contents: esm
        ? `export function importSpecValidator() {
  const file = new URL(["./validation", "mjs"].join("."), import.meta.url).href;
  return import(/* @vite-ignore */ /* webpackIgnore: true */ file).then((m) => m.loadSpecValidator());
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
