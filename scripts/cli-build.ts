// The `yclients` executable as one CommonJS bundle (dist/cli.cjs) with the SDK and the simulator inside and the
// runtime dependencies external, like the other entries. Kept out of the core bundles: nothing imports src/cli. Used by scripts/build.ts and the CLI tests.
import { chmodSync } from "node:fs";
import { join } from "node:path";
import { build, type Plugin } from "esbuild";

const ROOT = join(__dirname, "..");

/** `plugins`: e.g. the build's way of loading generated/openapi.json (inlined when none is given). */
export async function buildCli(outfile: string, plugins: Plugin[] = []): Promise<void> {
  await build({
    entryPoints: [join(ROOT, "src", "cli", "main.ts")],
    outfile,
    bundle: true,
    format: "cjs",
    platform: "node",
    mainFields: ["module", "main"],
    target: "es2022",
    external: ["openapi-fetch", "cockatiel", "debug", "node:*"],
    plugins,
    sourcemap: false,
    logLevel: "warning",
  });
  chmodSync(outfile, 0o755);
}
