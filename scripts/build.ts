// `make build`: dist/ as ESM (.mjs) and CommonJS (.cjs) bundles of the runtime and of the simulator,
// with declaration files from tsc. Runtime dependencies stay external, so users dedupe them.
import { execFileSync } from "node:child_process";
import { rmSync } from "node:fs";
import { join } from "node:path";
import { build, type Plugin } from "esbuild";
import { writeEntryDeclarations } from "./entry-declarations";
import { shippedSpec, writeShippedSpec } from "./shipped-spec";
import { buildCli } from "./cli-build";
import { lazyCockatiel } from "./lazy-cockatiel";
import { lazyValidator, specByPackage } from "./lazy-validator";

const ROOT = join(__dirname, "..");
const external = ["openapi-fetch", "node:*"];

/**
 * The error classes live once, in dist/errors.{mjs,cjs}, and every entry (the client, webhooks, redis) imports them
 * from there: `instanceof YclientsConfigError` holds whichever entry threw it, and the webhooks and redis entries
 * don't pull the client core (with its policies, limiter and operation table) into a bundle just for the errors.
 */
function errorsLeaf(format: "esm" | "cjs"): Plugin {
  const errorsSource = join(ROOT, "src", "errors.ts");
  return {
    name: "errors-leaf",
    setup(b) {
      b.onResolve({ filter: /(^|\/)errors\.js$/ }, (args) => {
        const resolved = join(args.resolveDir, args.path.replace(/\.js$/, ".ts"));
        if (resolved !== errorsSource) return undefined;
        return { path: format === "esm" ? "./errors.mjs" : "./errors.cjs", external: true };
      });
    },
  };
}

async function main(): Promise<void> {
  rmSync(join(ROOT, "dist"), { recursive: true, force: true });
  const entries = [
    { in: "src/errors.ts", out: "errors" },
    { in: "src/index.ts", out: "index" },
    { in: "src/testing/index.ts", out: "testing" },
    { in: "src/redis.ts", out: "redis" },
    { in: "src/webhooks/index.ts", out: "webhooks" },
    // `yclients-client/validation`: Node loads it on first use of `validateResponses`; bundled apps import it.
    { in: "src/validation.ts", out: "validation" },
  ];
  for (const entry of entries) {
    for (const format of ["esm", "cjs"] as const) {
      await build({
        entryPoints: [join(ROOT, entry.in)],
        outfile: join(ROOT, "dist", `${entry.out}.${format === "esm" ? "mjs" : "cjs"}`),
        bundle: true,
        format,
        platform: entry.out === "testing" || entry.out === "redis" ? "node" : "neutral",
        mainFields: ["module", "main"],
        // esnext for the validator: es2022 would drop the `with { type: "json" }` of its spec import.
        target: entry.out === "validation" ? "esnext" : "es2022",
        external: entry.out === "validation" ? [...external, "@cfworker/json-schema"] : external,
        plugins:
          entry.out === "validation"
            ? [errorsLeaf(format), specByPackage]
            : entry.out === "testing"
              ? [lazyCockatiel(), lazyValidator, shippedSpec]
              : [errorsLeaf(format), lazyCockatiel(), lazyValidator, shippedSpec],
        // No source maps: the bundles are not minified, so stack traces already name real functions and lines.
        sourcemap: false,
        logLevel: "warning",
      });
    }
  }
  await buildCli(join(ROOT, "dist", "cli.cjs"), [lazyValidator, shippedSpec]);
  execFileSync(process.execPath, [require.resolve("typescript/bin/tsc"), "-p", join(ROOT, "tsconfig.build.json")], {
    stdio: "inherit",
  });
  writeEntryDeclarations(join(ROOT, "dist"), entries);
  writeShippedSpec(ROOT);
  console.log("built dist/ (esm + cjs + types)");
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
