// Bundle size: esbuild bundles a tiny consumer of dist/index.mjs with every dependency inlined, minified,
// for the browser (where bytes matter; `debug` then resolves to its browser build), and zlib gzips the
// result at level 9. Whole package vs a consumer of the typed client only (tree-shaking), next to
// openapi-fetch's and cockatiel's own sizes; plus which inputs make up the typed-client bundle.
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { readFileSync } from "node:fs";
import { build, type Metafile, type Plugin } from "esbuild";
import { DIST_ESM } from "./contenders";

export interface SizeRow {
  id: string;
  label: string;
  minifiedBytes: number;
  gzipBytes: number;
}

export interface SizeOutput {
  platform: string;
  rows: SizeRow[];
  /** Minified bytes per input package of the typed-client-only bundle (YclientsTypedClient when the build has it). */
  typedClientBreakdown: { input: string; bytes: number }[];
  typedClientBreakdownOf: string;
  /**
   * The SDK's own share of that bundle by source group: the same consumer bundled from src/ (dependencies
   * external, keepNames as scripts/build.ts sets it), so esbuild can say which source file brought how much.
   */
  ownCodeBySource: { group: string; files: number; minifiedBytes: number }[];
  /** The class the by-source breakdown bundles (YclientsTypedClient when src/ has it). */
  ownCodeOf: string;
  /** gzip bytes of the SDK's own code built from src/ with keepNames on and off; `inBuild`: what scripts/build.ts uses. */
  keepNamesCost: { withKeepNames: number; withoutKeepNames: number; inBuild: boolean };
  /**
   * What-ifs built from src/ with every dependency inlined: the typed-client consumer with the friendly
   * resource classes replaced by empty ones (they are all constructed by YclientsClient, so no bundler
   * can drop them), and additionally with `debug` replaced by a no-op.
   */
  whatIf: SizeRow[];
  /** generated/operations.ts (the runtime operation table) bundled alone, minified and gzipped. */
  operationTableAlone: { minifiedBytes: number; gzipBytes: number };
}

const ROOT = join(__dirname, "..");

/** Whether scripts/build.ts builds dist/ with esbuild's keepNames, so builds from src/ here match it. */
function buildKeepsNames(): boolean {
  return /keepNames:\s*true/.test(readFileSync(join(ROOT, "scripts", "build.ts"), "utf8"));
}

async function bundle(source: string, external: string[] = []): Promise<{ code: string; metafile: Metafile }> {
  const result = await build({
    stdin: { contents: source, resolveDir: ROOT, loader: "js", sourcefile: "consumer.js" },
    bundle: true,
    minify: true,
    format: "esm",
    platform: "browser",
    target: "es2022",
    external,
    write: false,
    metafile: true,
    logLevel: "silent",
  });
  return { code: result.outputFiles[0].text, metafile: result.metafile };
}

function packageOf(input: string): string {
  const match = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(input);
  if (match) return match[1];
  if (input.startsWith("dist/")) return "yclients-client (dist/index.mjs)";
  return input;
}

function srcHasTypedClientClass(): boolean {
  return /\bYclientsTypedClient\b/.test(readFileSync(join(ROOT, "src", "index.ts"), "utf8"));
}

/** Whether the build exports YclientsTypedClient (the client without the friendly resources). */
export function hasTypedClientClass(): boolean {
  return /\bYclientsTypedClient\b/.test(readFileSync(DIST_ESM, "utf8"));
}

export async function measureSize(): Promise<SizeOutput> {
  const sdk = JSON.stringify(DIST_ESM);
  const typedClass = hasTypedClientClass();
  const typedSource = `import { YclientsTypedClient } from ${sdk};\nnew YclientsTypedClient({ partnerToken: "t" }).GET("/companies");`;
  const cases: { id: string; label: string; source: string; external?: string[] }[] = [
    {
      id: "sdk-whole",
      label: "yclients-client, whole package (export *)",
      source: `export * from ${sdk};`,
    },
    {
      id: "sdk-typed-client",
      label: "yclients-client, only new YclientsClient(...).GET",
      source: `import { YclientsClient } from ${sdk};\nnew YclientsClient({ partnerToken: "t" }).GET("/companies");`,
    },
    {
      id: "sdk-own-code",
      label: "  of which the SDK's own code (dependencies external)",
      source: `import { YclientsClient } from ${sdk};\nnew YclientsClient({ partnerToken: "t" }).GET("/companies");`,
      external: ["openapi-fetch", "cockatiel", "debug"],
    },
    ...(typedClass
      ? [
          {
            id: "sdk-typed-class",
            label: "yclients-client, only new YclientsTypedClient(...).GET",
            source: typedSource,
          },
          {
            id: "sdk-typed-class-own-code",
            label: "  of which the SDK's own code (dependencies external)",
            source: typedSource,
            external: ["openapi-fetch", "cockatiel", "debug"],
          },
        ]
      : []),
    {
      id: "openapi-fetch",
      label: "openapi-fetch alone (createClient().GET)",
      source: `import createClient from "openapi-fetch";\ncreateClient({ baseUrl: "https://x" }).GET("/companies");`,
    },
    { id: "openapi-fetch-whole", label: "openapi-fetch, whole package", source: `export * from "openapi-fetch";` },
    { id: "cockatiel-whole", label: "cockatiel, whole package", source: `export * from "cockatiel";` },
    {
      id: "cockatiel-used",
      label: "cockatiel, the parts the SDK imports",
      source:
        `import { retry, circuitBreaker, handleWhen, ConsecutiveBreaker, ExponentialBackoff, BrokenCircuitError, ` +
        `IsolatedCircuitError, CircuitState } from "cockatiel";\n` +
        `console.log(retry, circuitBreaker, handleWhen, ConsecutiveBreaker, ExponentialBackoff, BrokenCircuitError, ` +
        `IsolatedCircuitError, CircuitState);`,
    },
    { id: "debug", label: "debug (browser build)", source: `export { default } from "debug";` },
  ];
  const rows: SizeRow[] = [];
  let typedClientBreakdown: SizeOutput["typedClientBreakdown"] = [];
  for (const c of cases) {
    const { code, metafile } = await bundle(c.source, c.external);
    const bytes = Buffer.from(code);
    rows.push({
      id: c.id,
      label: c.label,
      minifiedBytes: bytes.length,
      gzipBytes: gzipSync(bytes, { level: 9 }).length,
    });
    if (c.id === (typedClass ? "sdk-typed-class" : "sdk-typed-client")) {
      const perPackage = new Map<string, number>();
      for (const output of Object.values(metafile.outputs)) {
        for (const [input, info] of Object.entries(output.inputs)) {
          const key = packageOf(input);
          perPackage.set(key, (perPackage.get(key) ?? 0) + info.bytesInOutput);
        }
      }
      typedClientBreakdown = [...perPackage]
        .map(([input, size]) => ({ input, bytes: size }))
        .sort((a, b) => b.bytes - a.bytes);
    }
  }
  const { ownCodeBySource, ownCodeOf, keepNamesCost } = await ownCodeFromSources();
  const table = await build({
    stdin: { contents: `export { operations } from "./generated/operations.ts";`, resolveDir: ROOT, loader: "ts" },
    bundle: true,
    minify: true,
    format: "esm",
    platform: "browser",
    target: "es2022",
    write: false,
    logLevel: "silent",
  });
  const tableBytes = table.outputFiles[0].contents;
  const whatIf = await whatIfRows();
  return {
    platform: "browser, esm, minify, gzip -9",
    rows,
    typedClientBreakdown,
    typedClientBreakdownOf: typedClass ? "YclientsTypedClient" : "YclientsClient",
    ownCodeBySource,
    ownCodeOf,
    keepNamesCost,
    whatIf,
    operationTableAlone: { minifiedBytes: tableBytes.length, gzipBytes: gzipSync(tableBytes, { level: 9 }).length },
  };
}

function groupOf(input: string): string {
  if (input.startsWith("src/resources/")) return "src/resources/* (friendly methods)";
  if (input.startsWith("src/transport/")) return "src/transport/* (retry, breaker, timeout)";
  if (input.startsWith("generated/") || input.startsWith("src/")) return input;
  return "consumer";
}

async function ownCodeFromSources(): Promise<Pick<SizeOutput, "ownCodeBySource" | "ownCodeOf" | "keepNamesCost">> {
  const ownCodeOf = srcHasTypedClientClass() ? "YclientsTypedClient" : "YclientsClient";
  const source = `import { ${ownCodeOf} } from "./src/index.ts";\nnew ${ownCodeOf}({ partnerToken: "t" }).GET("/companies");`;
  const gz: number[] = [];
  const inBuild = buildKeepsNames();
  let ownCodeBySource: SizeOutput["ownCodeBySource"] = [];
  for (const keepNames of [true, false]) {
    const result = await build({
      stdin: { contents: source, resolveDir: ROOT, loader: "ts", sourcefile: "consumer.ts" },
      bundle: true,
      minify: true,
      format: "esm",
      platform: "browser",
      target: "es2022",
      keepNames,
      external: ["openapi-fetch", "cockatiel", "debug"],
      write: false,
      metafile: true,
      logLevel: "silent",
    });
    gz.push(gzipSync(result.outputFiles[0].contents, { level: 9 }).length);
    if (keepNames === inBuild) {
      const groups = new Map<string, { files: number; minifiedBytes: number }>();
      for (const output of Object.values(result.metafile.outputs)) {
        for (const [input, info] of Object.entries(output.inputs)) {
          const g = groups.get(groupOf(input)) ?? { files: 0, minifiedBytes: 0 };
          g.files++;
          g.minifiedBytes += info.bytesInOutput;
          groups.set(groupOf(input), g);
        }
      }
      ownCodeBySource = [...groups]
        .map(([group, g]) => ({ group, ...g }))
        .sort((a, b) => b.minifiedBytes - a.minifiedBytes);
    }
  }
  return { ownCodeBySource, ownCodeOf, keepNamesCost: { withKeepNames: gz[0], withoutKeepNames: gz[1], inBuild } };
}

/** Replaces each src/resources/*.ts (except the shared base) with empty classes of the same names. */
const stubResources: Plugin = {
  name: "stub-resources",
  setup(b) {
    b.onLoad({ filter: /[\\/]src[\\/]resources[\\/][^\\/]+\.ts$/ }, (args) => {
      if (/[\\/]resource\.ts$/.test(args.path)) return undefined;
      const names = [...readFileSync(args.path, "utf8").matchAll(/export class (\w+)/g)].map((m) => m[1]);
      return { contents: names.map((n) => `export class ${n} { constructor(_client) {} }`).join("\n"), loader: "js" };
    });
  },
};

/** `debug` as a logger that is always off. */
const stubDebug: Plugin = {
  name: "stub-debug",
  setup(b) {
    b.onResolve({ filter: /^debug$/ }, () => ({ path: "debug", namespace: "stub" }));
    b.onLoad({ filter: /.*/, namespace: "stub" }, () => ({
      contents: "export default function createDebug() { const log = () => {}; log.enabled = false; return log; }",
      loader: "js",
    }));
  },
};

async function whatIfRows(): Promise<SizeRow[]> {
  const source = `import { YclientsClient } from "./src/index.ts";\nnew YclientsClient({ partnerToken: "t" }).GET("/companies");`;
  const cases: { id: string; label: string; plugins: Plugin[]; source?: string }[] = [
    { id: "whatif-src", label: "YclientsClient(...).GET built from src/ (as dist, for reference)", plugins: [] },
    { id: "whatif-no-resources", label: "… with the friendly resources stubbed out", plugins: [stubResources] },
    {
      id: "whatif-no-resources-no-debug",
      label: "… and debug replaced by a no-op",
      plugins: [stubResources, stubDebug],
    },
  ];
  if (srcHasTypedClientClass()) {
    cases.push({
      id: "whatif-typed-class-no-debug",
      label: "YclientsTypedClient from src/ with debug replaced by a no-op",
      plugins: [stubDebug],
      source: `import { YclientsTypedClient } from "./src/index.ts";\nnew YclientsTypedClient({ partnerToken: "t" }).GET("/companies");`,
    });
  }
  const rows: SizeRow[] = [];
  for (const c of cases) {
    const result = await build({
      stdin: { contents: c.source ?? source, resolveDir: ROOT, loader: "ts", sourcefile: "consumer.ts" },
      bundle: true,
      minify: true,
      format: "esm",
      platform: "browser",
      target: "es2022",
      keepNames: buildKeepsNames(),
      plugins: c.plugins,
      write: false,
      logLevel: "silent",
    });
    const bytes = result.outputFiles[0].contents;
    rows.push({
      id: c.id,
      label: c.label,
      minifiedBytes: bytes.length,
      gzipBytes: gzipSync(bytes, { level: 9 }).length,
    });
  }
  return rows;
}
