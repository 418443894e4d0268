// `make build`: dist/ as ESM (.mjs) and CommonJS (.cjs) bundles of the runtime and of the simulator,
// with declaration files from tsc. Runtime dependencies stay external, so users dedupe them.
import { execFileSync } from "node:child_process";
import { rmSync } from "node:fs";
import { join } from "node:path";
import { build, type Plugin } from "esbuild";
import { writeEntryDeclarations } from "./entry-declarations";
import { shippedSpec, writeShippedSpec } from "./shipped-spec";
import { buildCli } from "./cli-build";
import { lazyValidator, specByPackage } from "./lazy-validator";

const ROOT = join(__dirname, "..");
const external = ["openapi-fetch", "cockatiel", "debug", "node:*"];

/**
 * `yclients-client/redis` takes the error classes from the core package rather than bundling a copy of them,
 * so `instanceof YclientsConfigError` holds whichever entry threw it. The Redis client itself is never imported.
 */
const coreAsPackage: Plugin = {
  name: "core-as-package",
  setup(b) {
    b.onResolve({ filter: /^\.\.\/errors\.js$/ }, () => ({ path: "yclients-client", external: true }));
  },
};

async function main(): Promise<void> {
  rmSync(join(ROOT, "dist"), { recursive: true, force: true });
  const entries = [
    { in: "src/index.ts", out: "index" },
    { in: "src/testing/index.ts", out: "testing" },
    { in: "src/redis.ts", out: "redis" },
    { in: "src/webhooks/index.ts", out: "webhooks" },
    // Not a public entry: the client imports it on first use when `validateResponses` is on.
    { in: "src/validation/response-validator.ts", out: "validation" },
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
        // Both take the error classes from the core package, so `instanceof` holds across entry points.
        plugins: [
          ...(entry.out === "redis" || entry.out === "webhooks" ? [coreAsPackage] : []),
          ...(entry.out === "validation" ? [specByPackage] : [lazyValidator, shippedSpec]),
        ],
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
  writeEntryDeclarations(
    join(ROOT, "dist"),
    entries.filter((entry) => entry.out !== "validation"),
  );
  writeShippedSpec(ROOT);
  console.log("built dist/ (esm + cjs + types)");
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
