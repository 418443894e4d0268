// `make build`: dist/ as ESM (.mjs) and CommonJS (.cjs) bundles of the runtime and of the simulator,
// with declaration files from tsc. Runtime dependencies stay external, so users dedupe them.
import { execFileSync } from "node:child_process";
import { rmSync } from "node:fs";
import { join } from "node:path";
import { build } from "esbuild";

const ROOT = join(__dirname, "..");
const external = ["openapi-fetch", "cockatiel", "debug", "node:*"];

async function main(): Promise<void> {
  rmSync(join(ROOT, "dist"), { recursive: true, force: true });
  const entries = [
    { in: "src/index.ts", out: "index" },
    { in: "src/testing/index.ts", out: "testing" },
    { in: "src/webhooks/index.ts", out: "webhooks" },
  ];
  for (const entry of entries) {
    for (const format of ["esm", "cjs"] as const) {
      await build({
        entryPoints: [join(ROOT, entry.in)],
        outfile: join(ROOT, "dist", `${entry.out}.${format === "esm" ? "mjs" : "cjs"}`),
        bundle: true,
        format,
        platform: entry.out === "testing" ? "node" : "neutral",
        mainFields: ["module", "main"],
        target: "es2022",
        external,
        sourcemap: true,
        logLevel: "warning",
      });
    }
  }
  execFileSync(process.execPath, [require.resolve("typescript/bin/tsc"), "-p", join(ROOT, "tsconfig.build.json")], {
    stdio: "inherit",
  });
  console.log("built dist/ (esm + cjs + types)");
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
