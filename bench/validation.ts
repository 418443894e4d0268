// What `validateResponses` costs, from dist/ (`make build` first):
//  - bundle: a browser consumer of dist/index.mjs bundled by esbuild (minified, gzip -9) without the option and with
//    it, split into chunks (what Vite, Rollup, webpack and `esbuild --splitting` do with a dynamic import) and as one
//    file (esbuild without --splitting, e.g. a worker bundle), so the lazy part is seen where it lands;
//  - per request: µs per call through the whole client with an in-memory fetch, option off / "warn" on a valid
//    answer / "warn" on an answer with a mismatch already reported, for a small answer and a 50-record page;
//  - first call: what the first validated call pays to load the validator and the spec.
// Run alone with `npx tsx bench/validation.ts [--baseline path/to/old/dist/index.mjs]` or as the `validation`
// section of bench/run.ts.
import { gzipSync } from "node:zlib";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { build } from "esbuild";
import { DIST_ESM } from "./contenders";

const ROOT = join(__dirname, "..");

export interface ValidationBundleRow {
  label: string;
  /** gzip bytes of the entry chunk (what loads up front). */
  entryGzip: number;
  /** gzip bytes of every other chunk (loaded on first use only), 0 without splitting. */
  lazyGzip: number;
}

export interface ValidationCostRow {
  body: string;
  mode: string;
  microseconds: number;
}

export interface ValidationInput {
  /** A dist/index.mjs built without response validation, to compare the bundle and the option-off cost with. */
  baselineDist?: string;
}

export interface ValidationOutput {
  bundles: ValidationBundleRow[];
  perRequest: ValidationCostRow[];
  /** Extra ms of the first validated call in a fresh process' client (validator and spec loaded, spec prepared). */
  firstCallMs: number;
}

async function bundleSizes(source: string, splitting: boolean): Promise<{ entry: number; lazy: number }> {
  const result = await build({
    stdin: { contents: source, resolveDir: ROOT, loader: "js", sourcefile: "consumer.js" },
    bundle: true,
    minify: true,
    format: "esm",
    platform: "browser",
    target: "es2022",
    splitting,
    outdir: join(ROOT, "bench", "tmp", "validation-bundle"),
    write: false,
    logLevel: "silent",
  });
  let entry = 0;
  let lazy = 0;
  for (const file of result.outputFiles) {
    const gzip = gzipSync(Buffer.from(file.text), { level: 9 }).length;
    if (/consumer\.js$|stdin\.js$/.test(file.path)) entry += gzip;
    else lazy += gzip;
  }
  return { entry, lazy };
}

async function measureBundles(baselineDist?: string): Promise<ValidationBundleRow[]> {
  const sdk = JSON.stringify(DIST_ESM);
  const consumer = (options: string) =>
    `import { YclientsTypedClient } from ${sdk};\nnew YclientsTypedClient({ partnerToken: "t"${options} }).GET("/companies");`;
  const rows: ValidationBundleRow[] = [];
  for (const splitting of [true, false]) {
    for (const [label, options] of [
      ["option off", ""],
      ['validateResponses: "warn"', ', validateResponses: "warn"'],
    ] as const) {
      const { entry, lazy } = await bundleSizes(consumer(options), splitting);
      rows.push({
        label: `${label}, ${splitting ? "split (--splitting)" : "one file"}`,
        entryGzip: entry,
        lazyGzip: lazy,
      });
    }
  }
  if (baselineDist) {
    // The same consumer of a dist/ built before response validation existed.
    const before = consumer("").replace(sdk, JSON.stringify(baselineDist));
    for (const splitting of [true, false]) {
      const { entry, lazy } = await bundleSizes(before, splitting);
      rows.unshift({
        label: `baseline: dist/ before validateResponses, ${splitting ? "split (--splitting)" : "one file"}`,
        entryGzip: entry,
        lazyGzip: lazy,
      });
    }
  }
  return rows;
}

type Sdk = typeof import("../src/index");

const PATH = "/company/{company_id}/staff/{staff_id}";
const LIST = "/records/{company_id}";

function record(id: number) {
  return {
    id,
    company_id: 1,
    staff_id: 9,
    services: [
      { id: 1, title: "Cut", cost: 100, cost_to_pay: 100, manual_cost: 100, discount: 0, first_cost: 100, amount: 1 },
    ],
    goods_transactions: [],
    staff: { id: 9, name: "Anna", specialization: "stylist" },
    client: { id: 5, name: "Client", phone: "+70000000000", email: "" },
    date: "2026-03-10 10:00:00",
    datetime: "2026-03-10T10:00:00+03:00",
    create_date: "2026-03-01T10:00:00+03:00",
    comment: "",
    online: true,
    visit_attendance: 0,
    attendance: 0,
    confirmed: 1,
    seance_length: 3600,
    length: 3600,
    visit_id: id,
    deleted: false,
  };
}

function clientFor(sdk: Sdk, body: string, mode: false | "warn" | undefined) {
  return new sdk.YclientsTypedClient({
    // A baseline build has no such option: it is left out there.
    ...(mode === undefined ? {} : { validateResponses: mode }),
    partnerToken: "p",
    userToken: "u",
    baseUrl: "http://127.0.0.1:9/api/v1",
    retry: false,
    rateLimit: false,
    circuitBreaker: false,
    logger: { debug() {}, info() {}, warn() {}, error() {} },
    fetch: async () => new Response(body, { status: 200, headers: { "content-type": "application/json" } }),
  });
}

/**
 * CPU µs per call (this process' user + system time, so other processes on a shared machine count less than in
 * wall time), median of rounds that alternate the modes.
 */
async function perCall(
  sdk: Sdk,
  body: string,
  path: string,
  params: Record<string, number>,
  calls: number,
): Promise<Record<"off" | "warn", number>> {
  const costs = await alternate(
    { off: clientFor(sdk, body, false), warn: clientFor(sdk, body, "warn") },
    path,
    params,
    calls,
  );
  return { off: costs.off, warn: costs.warn };
}

async function alternate(
  clients: Record<string, ReturnType<typeof clientFor>>,
  path: string,
  params: Record<string, number>,
  calls: number,
): Promise<Record<string, number>> {
  const names = Object.keys(clients);
  const call = (name: string) =>
    (clients[name].GET as (p: string, i: object) => Promise<unknown>)(path, { params: { path: params } });
  for (let i = 0; i < 100; i++) await Promise.all(names.map(call));
  const samples: Record<string, number[]> = Object.fromEntries(names.map((n) => [n, []]));
  for (let round = 0; round < 9; round++) {
    for (const name of names) {
      const start = process.cpuUsage();
      for (let i = 0; i < calls; i++) await call(name);
      const used = process.cpuUsage(start);
      samples[name].push((used.user + used.system) / calls);
    }
  }
  const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)];
  return Object.fromEntries(names.map((n) => [n, median(samples[n])]));
}

export async function measureValidation(input: ValidationInput = {}): Promise<ValidationOutput> {
  const bundles = await measureBundles(input.baselineDist);
  const sdk = (await import(pathToFileURL(DIST_ESM).href)) as Sdk;

  // The first validated call: the validator and the spec are imported and prepared once per process.
  const small = JSON.stringify({ success: true, data: { id: 7, name: "Anna", company_id: 1 }, meta: [] });
  const firstClient = (mode: false | "warn") =>
    new sdk.YclientsTypedClient({
      partnerToken: "p",
      userToken: "u",
      baseUrl: "http://127.0.0.1:9/api/v1",
      retry: false,
      rateLimit: false,
      validateResponses: mode,
      fetch: async () => new Response(small, { status: 200 }),
    });
  const timed = async (mode: false | "warn") => {
    const yc = firstClient(mode);
    const start = performance.now();
    await (yc.GET as (p: string, i: object) => Promise<unknown>)(PATH, {
      params: { path: { company_id: 1, staff_id: 7 } },
    });
    return performance.now() - start;
  };
  const plain = await timed(false);
  const first = await timed("warn");
  const firstCallMs = Math.round((first - plain) * 10) / 10;

  const page = JSON.stringify({
    success: true,
    data: Array.from({ length: 50 }, (_, i) => record(i + 1)),
    meta: { page: 1, total_count: 50 },
  });
  const mistyped = JSON.stringify({ success: true, data: { id: 7, name: null, company_id: "1" }, meta: [] });
  const perRequest: ValidationCostRow[] = [];
  const cases = [
    ["small (one staff member)", small, PATH, { company_id: 1, staff_id: 7 }],
    ["small, two mismatches (reported once)", mistyped, PATH, { company_id: 1, staff_id: 7 }],
    ["page (50 records)", page, LIST, { company_id: 1 }],
  ] as const;
  for (const [label, body, path, params] of cases) {
    const costs = await perCall(sdk, body, path, params, label.startsWith("page") ? 40 : 300);
    for (const mode of ["off", "warn"] as const) {
      perRequest.push({
        body: label,
        mode: mode === "off" ? "off" : '"warn"',
        microseconds: Math.round(costs[mode] * 10) / 10,
      });
    }
  }
  if (input.baselineDist) {
    // Option off here against no option at all there: the same calls, alternating the two builds.
    const base = (await import(pathToFileURL(input.baselineDist).href)) as Sdk;
    const [label, body, path, params] = cases[0];
    const costs = await alternate(
      { before: clientFor(base, body, undefined), after: clientFor(sdk, body, false) },
      path,
      params,
      300,
    );
    perRequest.unshift(
      { body: label, mode: "baseline build (no option)", microseconds: Math.round(costs.before * 10) / 10 },
      { body: label, mode: "this build, off", microseconds: Math.round(costs.after * 10) / 10 },
    );
  }
  return { bundles, perRequest, firstCallMs };
}

if (require.main === module) {
  const at = process.argv.indexOf("--baseline");
  measureValidation({ baselineDist: at > 0 ? process.argv[at + 1] : undefined })
    .then((out) => console.log(JSON.stringify(out, null, 2)))
    .catch((error) => {
      console.error(error);
      process.exit(1);
    });
}
