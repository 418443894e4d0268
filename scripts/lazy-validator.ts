// Response validation ships as its own files (dist/validation.mjs and .cjs), imported by the client only when
// `validateResponses` is on, so the core bundles carry none of it: not the validator, not the 2 MB spec.
import type { Plugin } from "esbuild";

/** In the client's bundles: the dynamic import of the validator stays a dynamic import of the sibling file. */
export const lazyValidator: Plugin = {
  name: "lazy-validator",
  setup(b) {
    const file = b.initialOptions.format === "esm" ? "./validation.mjs" : "./validation.cjs";
    b.onResolve({ filter: /(^|\/)response-validator\.js$/ }, () => ({ path: file, external: true }));
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
