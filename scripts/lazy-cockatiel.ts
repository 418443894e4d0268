// cockatiel goes into dist/ bundled (one file: Node no longer resolves its 29 ES modules one by one at startup) and
// its module body runs on first use, not when yclients-client loads. That body creates `AbortController`s, which
// Cloudflare's workerd forbids at global scope ("Disallowed operation called within global scope"), so a Worker
// importing the SDK would not start. The SDK only uses cockatiel inside calls and constructors, never at module
// level, so each import is served by a stand-in that loads the real module the first time it is called.
import type { Plugin } from "esbuild";

const SHIM = "yclients-lazy-cockatiel";

export function lazyCockatiel(): Plugin {
  return {
    name: "lazy-cockatiel",
    setup(b) {
      b.onResolve({ filter: /^cockatiel$/ }, (args) =>
        args.namespace === SHIM ? undefined : { path: "cockatiel", namespace: SHIM },
      );
      b.onLoad({ filter: /.*/, namespace: SHIM }, async () => {
        // eslint-disable-next-line @typescript-eslint/no-require-imports -- the export list of the installed version
        const real = require("cockatiel") as Record<string, unknown>;
        const names = Object.keys(real).filter((name) => typeof real[name] === "function");
        const stand = names.map((name) => `export const ${name} = /* @__PURE__ */ standIn(() => load().${name});`);
        return {
          resolveDir: process.cwd(),
          loader: "js",
          contents: `let real;
const load = () => (real ??= require("cockatiel"));
/** Calls, constructs and answers instanceof as the real export does, loading cockatiel on first use. */
function standIn(get) {
  function stand(...args) {
    const target = get();
    return new.target ? Reflect.construct(target, args, target) : target(...args);
  }
  Object.defineProperty(stand, Symbol.hasInstance, { value: (value) => value instanceof get() });
  return stand;
}
${stand.join("\n")}
`,
        };
      });
    },
  };
}
