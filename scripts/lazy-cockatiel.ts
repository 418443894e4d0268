// cockatiel goes into dist/ bundled: one file, so Node no longer resolves its 29 ES modules one by one at startup,
// and bundlers still drop the parts the SDK does not use. One change on the way in: cockatiel's common/abort.js
// creates two AbortControllers when it loads, which Cloudflare's workerd forbids at global scope ("Disallowed
// operation called within global scope"), so no Worker importing the SDK could start. Those two signals become
// functions that create one when asked, and their few readers (default parameters, all inside functions) call
// them. The build fails if cockatiel's sources no longer look as expected, rather than ship a half-patched copy.
//
// Deep imports of cockatiel's CommonJS files (`cockatiel/dist/common/Executor`, for a class its index does not
// re-export) are pointed at the ES module of the same name, so bundles get one copy of each module, tree-shaken.
//
// And common/Event.js fills its `Event` namespace (once, toPromise) in a statement of its own, which bundlers must
// keep even where nothing reads `Event` (the SDK does not: its policies use only EventEmitter), and with it the
// helpers and the TaskCancelledError that only toPromise uses. That statement becomes a pure expression assigned to
// the same export, dropped when `Event` is unused and unchanged otherwise.
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import type { Plugin } from "esbuild";

const EAGER = `export const neverAbortedSignal = new AbortController().signal;
const cancelledSrc = new AbortController();
cancelledSrc.abort();
export const abortedSignal = cancelledSrc.signal;`;

// A fresh signal per use, not one cached at module level: in workerd an AbortSignal belongs to the request that
// created it, and using it from another request throws "Cannot perform I/O on behalf of a different request".
const LAZY = `export const neverAbortedSignal = () => new AbortController().signal;
export const abortedSignal = () => {
  const cancelledSrc = new AbortController();
  cancelledSrc.abort();
  return cancelledSrc.signal;
};`;

const NAMESPACE_START = "export var Event;\n(function (Event) {\n";
const NAMESPACE_END = "})(Event || (Event = {}));\n";
const PURE_START = "export const Event = /* @__PURE__ */ (() => {\n    const Event = {};\n";
const PURE_END = "    return Event;\n})();\n";

const SIGNALS = /\b(neverAbortedSignal|abortedSignal)\b/g;

export function lazyCockatiel(): Plugin {
  return {
    name: "lazy-cockatiel",
    setup(b) {
      b.onResolve({ filter: /^cockatiel\/dist\// }, (args) => {
        if (args.path.startsWith("cockatiel/dist/esm/")) return undefined;
        const root = dirname(require.resolve("cockatiel/package.json", { paths: [args.resolveDir] }));
        return { path: join(root, "dist", "esm", `${args.path.slice("cockatiel/dist/".length)}.js`) };
      });
      b.onLoad({ filter: /[\\/]node_modules[\\/]cockatiel[\\/]dist[\\/]esm[\\/].*\.js$/ }, (args) => {
        const source = readFileSync(args.path, "utf8");
        if (/[\\/]common[\\/]abort\.js$/.test(args.path)) {
          if (!source.includes(EAGER))
            throw new Error(`${args.path}: its AbortControllers changed; update lazy-cockatiel.ts`);
          return { contents: source.replace(EAGER, LAZY), loader: "js" };
        }
        if (/[\\/]common[\\/]Event\.js$/.test(args.path)) {
          if (!source.includes(NAMESPACE_START) || !source.includes(NAMESPACE_END))
            throw new Error(`${args.path}: its Event namespace changed; update lazy-cockatiel.ts`);
          return {
            contents: source.replace(NAMESPACE_START, PURE_START).replace(NAMESPACE_END, PURE_END),
            loader: "js",
          };
        }
        if (!source.includes("bortedSignal")) return undefined;
        // Every reader other than the import line now calls the function.
        const contents = source
          .split("\n")
          .map((line) => (line.startsWith("import ") ? line : line.replace(SIGNALS, "$1()")))
          .join("\n");
        return { contents, loader: "js" };
      });
    },
  };
}
