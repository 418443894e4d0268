// Bundle size as a bundler sees the shipped package: three consumers import `yclients-client` by name from the
// installed tarball (bench/installed.ts) and esbuild bundles each for the browser (ESM, minified, every
// dependency inlined); zlib gzips the result at level 9. Used by `make bench` (bench/run.ts) and by the guard
// test (test/package/bundle-size.test.ts), which fails when a bundle outgrows its ceiling plus headroom (bench/budgets.json).
import { gzipSync } from "node:zlib";
import { build } from "esbuild";
import budgets from "./budgets.json";

export interface ShippedBundle {
  id: "typed-only" | "friendly" | "webhooks-handler" | "openapi-fetch";
  label: string;
  minifiedBytes: number;
  gzipBytes: number;
  /** The target in gzip bytes (1 kB = 1 000 B); absent for the reference rows. */
  targetGzip?: number;
  /** Minified bytes per input package, largest first. */
  byPackage: { input: string; bytes: number }[];
  /** The minified bundle itself (for the guard test's content checks; not written to results.json). */
  code: string;
}

/** Issue 20's targets, gzip bytes (bench/budgets.json). */
export const BUNDLE_TARGETS = budgets.bundles.targets;

/** Headroom over a ceiling: sources change between measurements; a real regression is larger. */
export const BUNDLE_HEADROOM = budgets.bundles.headroom;

/**
 * What the guard test and `make bench-check` hold each bundle to, before headroom: the target where it is met, else
 * the figure measured when the guard was written (a ratchet: it may shrink towards the target, never grow).
 */
export const BUNDLE_CEILINGS = budgets.bundles.ceilings;

export const SHIPPED_CONSUMERS: { id: ShippedBundle["id"]; label: string; source: string }[] = [
  {
    id: "typed-only",
    label: "only `new YclientsTypedClient(…).GET(…)`",
    source: `import { YclientsTypedClient } from "yclients-client";
new YclientsTypedClient({ partnerToken: "t" }).GET("/companies");`,
  },
  {
    id: "friendly",
    label: "the friendly client (`new YclientsClient(…)`, `.GET` and `yc.booking.services()`)",
    source: `import { YclientsClient } from "yclients-client";
const yc = new YclientsClient({ partnerToken: "t", companyId: 1 });
yc.GET("/companies");
yc.booking.services();`,
  },
  {
    id: "webhooks-handler",
    label: "only `createWebhookHandler` from `yclients-client/webhooks`",
    source: `import { createWebhookHandler } from "yclients-client/webhooks";
export default { fetch: createWebhookHandler({ urlSecret: "0123456789abcdef0123" }) };`,
  },
  {
    id: "openapi-fetch",
    label: "for scale: openapi-fetch alone (`createClient().GET`)",
    source: `import createClient from "openapi-fetch";
createClient({ baseUrl: "https://x" }).GET("/companies");`,
  },
];

function packageOf(input: string): string {
  const match = /node_modules\/((?:@[^/]+\/)?[^/]+)\/(.*)$/.exec(input);
  if (!match) return "the consumer";
  return match[1] === "yclients-client" ? `yclients-client/${match[2]}` : match[1];
}

/** Bundles one consumer's source against the package installed in `dir`, as the size figures do. */
export function bundleConsumer(dir: string, source: string, name = "consumer.mjs") {
  return build({
    stdin: { contents: source, resolveDir: dir, loader: "js", sourcefile: name },
    bundle: true,
    minify: true,
    format: "esm",
    platform: "browser",
    target: "es2022",
    write: false,
    metafile: true,
    logLevel: "silent",
    // esbuild follows symlinks to their real path; keep the node_modules names in the metafile.
    preserveSymlinks: true,
  });
}

/** Bundles each consumer from `dir` (a folder with the package installed in node_modules). */
export async function measureShippedBundles(dir: string): Promise<ShippedBundle[]> {
  const out: ShippedBundle[] = [];
  for (const consumer of SHIPPED_CONSUMERS) {
    const result = await bundleConsumer(dir, consumer.source, `${consumer.id}.mjs`);
    const code = result.outputFiles[0].contents;
    const perPackage = new Map<string, number>();
    for (const output of Object.values(result.metafile.outputs)) {
      for (const [input, info] of Object.entries(output.inputs)) {
        const key = packageOf(input);
        perPackage.set(key, (perPackage.get(key) ?? 0) + info.bytesInOutput);
      }
    }
    out.push({
      id: consumer.id,
      label: consumer.label,
      minifiedBytes: code.length,
      gzipBytes: gzipSync(code, { level: 9 }).length,
      targetGzip: (BUNDLE_TARGETS as Record<string, number>)[consumer.id],
      byPackage: [...perPackage].map(([input, bytes]) => ({ input, bytes })).sort((a, b) => b.bytes - a.bytes),
      code: result.outputFiles[0].text,
    });
  }
  return out;
}

// `npx tsx bench/shipped-size.ts`: the figures alone, from a fresh tarball.
if (require.main === module) {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- only when run as a script
  const { installPackedTarball } = require("./installed") as typeof import("./installed");
  const installed = installPackedTarball();
  measureShippedBundles(installed.dir)
    .then((rows) => {
      console.log(`installed by ${installed.how}`);
      for (const r of rows) {
        console.log(
          `${r.id.padEnd(18)} ${(r.minifiedBytes / 1000).toFixed(1)} kB min, ${(r.gzipBytes / 1000).toFixed(1)} kB gzip` +
            (r.targetGzip ? ` (target ${(r.targetGzip / 1000).toFixed(0)} kB)` : ""),
        );
        for (const p of r.byPackage.slice(0, 8)) console.log(`    ${p.input}: ${(p.bytes / 1000).toFixed(1)} kB`);
      }
    })
    .finally(() => installed.remove());
}
