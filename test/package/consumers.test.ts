// Packs the package as npm would publish it and uses it from a scratch folder, with `import` and `require`, through a
// bundler, and with TypeScript under each module resolution (node10, NodeNext, bundler), every subpath and its
// declaration files. Needs `make build` first.
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { build } from "esbuild";
import { operations as operationTable } from "../../generated/operations";

const ROOT = join(__dirname, "..", "..");
const TSC = join(ROOT, "node_modules", "typescript", "bin", "tsc");

/** Type-checks `file` in `dir` strictly under NodeNext, the package's declarations included (no skipLibCheck). */
function typecheckStrict(dir: string, file: string, configName: string): void {
  const compilerOptions = {
    strict: true,
    noEmit: true,
    module: "NodeNext",
    moduleResolution: "NodeNext",
    target: "ES2022",
    lib: ["ES2022", "DOM"],
    skipLibCheck: false,
    types: [],
  };
  writeFileSync(join(dir, configName), JSON.stringify({ compilerOptions, files: [file] }));
  execFileSync(process.execPath, [TSC, "-p", join(dir, configName)], { encoding: "utf8" });
}
const RUNTIME_DEPS = ["openapi-fetch", "openapi-typescript-helpers", "cockatiel", "@cfworker/json-schema"];

let scratch: string;

beforeAll(() => {
  if (!existsSync(join(ROOT, "dist", "index.mjs"))) throw new Error("dist/ is missing: run `make build` first");
  scratch = mkdtempSync(join(tmpdir(), "yclients-pack-"));
  const packed = execFileSync("npm", ["pack", "--silent", "--pack-destination", scratch], {
    cwd: ROOT,
    encoding: "utf8",
  })
    .trim()
    .split("\n")
    .pop()!;
  const target = join(scratch, "node_modules", "yclients-client");
  mkdirSync(target, { recursive: true });
  execFileSync("tar", ["-xzf", join(scratch, packed), "-C", target, "--strip-components=1"]);
  // The runtime dependencies come from this checkout, so the test needs no network.
  for (const dep of RUNTIME_DEPS) {
    mkdirSync(dirname(join(scratch, "node_modules", dep)), { recursive: true });
    symlinkSync(join(ROOT, "node_modules", dep), join(scratch, "node_modules", dep), "dir");
  }
}, 60_000);

afterAll(() => {
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

const script = (body: string) => `
  const { YclientsClient, YclientsConfigError } = CLIENT;
  const { startYclientsSimulator, DEFAULT_PARTNER_TOKEN } = TESTING;
  (async () => {
    const sim = await startYclientsSimulator({ rateLimit: false });
    try {
      const company = sim.state.companies[0];
      const yc = new YclientsClient({ partnerToken: DEFAULT_PARTNER_TOKEN, baseUrl: sim.url, companyId: company.id });
      const services = await yc.booking.services();
      let configError = false;
      try { new YclientsClient({}); } catch (e) { configError = e instanceof YclientsConfigError; }
      console.log(JSON.stringify({ ok: services.success, services: services.data.services.length, configError }));
    } finally {
      await sim.close();
    }
  })().catch((e) => { console.error(e); process.exit(1); });
  ${body}
`;

function run(file: string, source: string): unknown {
  writeFileSync(join(scratch, file), source);
  const out = execFileSync(process.execPath, [join(scratch, file)], {
    cwd: scratch,
    encoding: "utf8",
    timeout: 30_000,
  });
  return JSON.parse(out.trim().split("\n").pop()!);
}

describe("the packed package", () => {
  it("works with require (CommonJS)", () => {
    const source = script("")
      .replace("CLIENT", 'require("yclients-client")')
      .replace("TESTING", 'require("yclients-client/testing")');
    expect(run("consumer.cjs", source)).toEqual({ ok: true, services: expect.any(Number), configError: true });
  });

  it("works with import (ES modules)", () => {
    const source =
      'import * as client from "yclients-client";\nimport * as testing from "yclients-client/testing";\n' +
      script("").replace("CLIENT", "client").replace("TESTING", "testing");
    expect(run("consumer.mjs", source)).toEqual({ ok: true, services: expect.any(Number), configError: true });
  });

  it("ships declaration files that type a consumer's typed call", () => {
    writeFileSync(
      join(scratch, "consumer.ts"),
      `import { YclientsClient } from "yclients-client";
       const yc = new YclientsClient({ partnerToken: "p" });
       export async function f(): Promise<number | string | undefined> {
         const { data } = await yc.GET("/book_staff/{company_id}", { params: { path: { company_id: 1 } } });
         return data.data[0]?.id;
       }
       // @ts-expect-error an unknown path is a type error
       yc.GET("/no/such/path");
      `,
    );
    expect(() => typecheckStrict(scratch, "consumer.ts", "tsconfig.json")).not.toThrow();
  }, 60_000);

  it("ships the generated friendly methods' docs and parameter names in the declarations", () => {
    const dts = readFileSync(
      join(scratch, "node_modules", "yclients-client", "dist", "types", "generated", "resources.d.ts"),
      "utf8",
    );
    // What an editor shows on hover: the summary, the HTTP line, the official docs link, and real names.
    expect(dts).toMatch(
      /\/\*\*\n\s+\* List the free slots[^]*?`GET \/book_times\/\{company_id\}\/\{staff_id\}\/\{date\}`[^]*?@see[^]*?\*\/\n\s+times\(staffId: Id, date: DateArg, params\?:/,
    );
    expect(dts).toMatch(/@deprecated Use `yc\.services\.list\(\)` instead\.[^]*?\*\/\n\s+listLegacy\(/);
    expect(dts).not.toMatch(/args: any\[\]/);
  });
});

describe("the yclients-client/webhooks entry point", () => {
  const body = JSON.stringify({
    company_id: 1,
    resource: "record",
    resource_id: 7,
    status: "update",
    data: {
      id: 7,
      company_id: 1,
      staff_id: 2,
      services: [{ id: 3, cost: 1700 }],
      date: "x",
      datetime: "y",
      deleted: false,
    },
  });
  const consumer = (load: string) => `
    ${load}
    (async () => {
      const [event] = webhooks.parseWebhook(${JSON.stringify(body)});
      const handle = webhooks.createWebhookHandler({ urlSecret: "0123456789abcdef0123" });
      const good = await handle(new Request("https://p.example/h/0123456789abcdef0123", { method: "POST", body: ${JSON.stringify(body)} }));
      const bad = await handle(new Request("https://p.example/h/nope", { method: "POST", body: ${JSON.stringify(body)} }));
      console.log(JSON.stringify({ cost: event.data.services[0].cost, good: good.status, bad: bad.status }));
    })().catch((e) => { console.error(e); process.exit(1); });
  `;

  it("works with require and import", () => {
    const expected = { cost: 1700, good: 200, bad: 401 };
    expect(run("hooks.cjs", consumer('const webhooks = require("yclients-client/webhooks");'))).toEqual(expected);
    expect(run("hooks.mjs", consumer('import * as webhooks from "yclients-client/webhooks";'))).toEqual(expected);
  });

  it("ships declarations that narrow an event on its resource", () => {
    writeFileSync(
      join(scratch, "hooks-consumer.ts"),
      `import { parseWebhook } from "yclients-client/webhooks";
       import type { WebhookEvent } from "yclients-client";
       export function cost(body: string): number | undefined {
         const event: WebhookEvent = parseWebhook(body)[0];
         if (event.resource === "record") return event.data.services[0].cost;
         // @ts-expect-error only a record event has services
         return event.data.services;
       }
      `,
    );
    expect(() => typecheckStrict(scratch, "hooks-consumer.ts", "tsconfig.hooks.json")).not.toThrow();
  }, 60_000);
});

describe("yclients-client/redis", () => {
  const redisUrl = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";
  const consumer = (load: string) => `
    ${load}
    (async () => {
      const redis = new Redis(${JSON.stringify(redisUrl)}, { maxRetriesPerRequest: 1 });
      const prefix = "yclients-test:package:" + process.pid + ":" + Date.now() + ":";
      const sim = await startYclientsSimulator({ rateLimit: { windows: [{ limit: 2, windowMs: 300 }, { limit: 100, windowMs: 60000 }] } });
      try {
        const store = new RedisRateLimitStore({ redis, prefix });
        const yc = new YclientsClient({ partnerToken: DEFAULT_PARTNER_TOKEN, baseUrl: sim.url, rateLimit: { windows: [{ limit: 2, windowMs: 300 }, { limit: 100, windowMs: 60000 }], store } });
        const results = await Promise.all([1, 2, 3, 4, 5].map(() => yc.booking.services(undefined, { companyId: sim.state.companies[0].id })));
        let configError = false;
        try { new RedisRateLimitStore({ redis: {} }); } catch (e) { configError = e instanceof YclientsConfigError; }
        const recorded = await redis.zcard(prefix + "log");
        await redis.del(prefix + "log", prefix + "pause");
        console.log(JSON.stringify({ ok: results.every((r) => r.success), limited: sim.requests.filter((r) => r.status === 429).length, recorded, configError }));
      } finally {
        await sim.close();
        redis.disconnect();
      }
    })().catch((e) => { console.error(e); process.exit(1); });
  `;

  beforeAll(() => {
    // ioredis is the user's (an optional peer dependency); here it comes from this checkout.
    const link = join(scratch, "node_modules", "ioredis");
    if (!existsSync(link)) symlinkSync(join(ROOT, "node_modules", "ioredis"), link, "dir");
  });

  it("keeps the quota in Redis, with require and import", () => {
    const expected = { ok: true, limited: 0, recorded: 5, configError: true };
    const cjs = consumer(`
      const Redis = require("ioredis");
      const { RedisRateLimitStore } = require("yclients-client/redis");
      const { YclientsClient, YclientsConfigError } = require("yclients-client");
      const { startYclientsSimulator, DEFAULT_PARTNER_TOKEN } = require("yclients-client/testing");`);
    expect(run("redis.cjs", cjs)).toEqual(expected);
    const esm = consumer(`
      import Redis from "ioredis";
      import { RedisRateLimitStore } from "yclients-client/redis";
      import { YclientsClient, YclientsConfigError } from "yclients-client";
      import { startYclientsSimulator, DEFAULT_PARTNER_TOKEN } from "yclients-client/testing";`);
    expect(run("redis.mjs", esm)).toEqual(expected);
  }, 30_000);

  it("never enters the core bundles: no store, no script, no ioredis in dist/index.*", () => {
    for (const file of ["index.mjs", "index.cjs"]) {
      const code = readFileSync(join(ROOT, "dist", file), "utf8");
      expect(code).not.toContain("ioredis");
      expect(code).not.toContain("redis.call");
      expect(code).not.toContain("RedisRateLimitStore");
    }
  });
});

describe("validateResponses from the packed package", () => {
  // A server answering a staff member whose name is null (the spec says string): the validator and the shipped
  // spec (yclients-client/openapi.json) are loaded on first use, from the package itself.
  const validation = (header: string) => `${header}
    const server = createServer((req, res) => {
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify({ success: true, data: { id: 1, name: null }, meta: [] }));
    });
    server.listen(0, "127.0.0.1", async () => {
      const yc = new YclientsClient({ partnerToken: "p", userToken: "u", retry: false, rateLimit: false,
        baseUrl: "http://127.0.0.1:" + server.address().port + "/api/v1", validateResponses: "throw" });
      let result;
      try {
        await yc.GET("/company/{company_id}/staff/{staff_id}", { params: { path: { company_id: 1, staff_id: 1 } } });
        result = { rejected: false };
      } catch (e) {
        result = { rejected: e instanceof YclientsResponseValidationError, findings: e.findings };
      }
      server.close();
      console.log(JSON.stringify(result));
    });`;
  const expected = {
    rejected: true,
    findings: [expect.objectContaining({ pointer: "/data/name", expected: "string", got: "null", status: 200 })],
  };

  it("loads the validator and the spec with require", () => {
    const source = validation(`const { YclientsClient, YclientsResponseValidationError } = require("yclients-client");
      const { createServer } = require("node:http");`);
    expect(run("validate.cjs", source)).toEqual(expected);
  });

  it("loads the validator and the spec with import", () => {
    const source = validation(`import { YclientsClient, YclientsResponseValidationError } from "yclients-client";
      import { createServer } from "node:http";`);
    expect(run("validate.mjs", source)).toEqual(expected);
  });

  it("keeps the validator and the spec out of the core bundles", () => {
    for (const file of ["index.mjs", "index.cjs"]) {
      const code = readFileSync(join(ROOT, "dist", file), "utf8");
      expect(code).not.toContain("@cfworker/json-schema");
      expect(code).not.toContain("dereference");
      expect(code).not.toMatch(/(import\(|require\()"yclients-client\/openapi\.json"/);
    }
  });
});

describe("the yclients executable (bin)", () => {
  const npx = (args: string[]) =>
    execFileSync("npx", ["--no-install", "yclients", ...args], {
      cwd: scratch,
      encoding: "utf8",
      timeout: 30_000,
      env: { PATH: process.env.PATH, HOME: process.env.HOME },
    });

  beforeAll(() => {
    // npm links the package's `bin` entries into node_modules/.bin, as an install would (no network: --offline).
    execFileSync("npm", ["rebuild", "--offline", "--ignore-scripts", "--no-audit", "--no-fund"], { cwd: scratch });
  }, 60_000);

  it("`npx yclients ops` lists every operation from the packed tarball", () => {
    expect(npx(["ops"]).trim().split("\n")).toHaveLength(operationTable.length);
  });

  it("runs a command against its bundled simulator", () => {
    const company = JSON.parse(npx(["companies", "get", "--simulator"]));
    expect(company).toMatchObject({ id: expect.any(Number), title: expect.any(String) });
  });

  it("never enters the core bundles", () => {
    for (const file of ["index.mjs", "index.cjs"]) {
      const code = readFileSync(join(ROOT, "dist", file), "utf8");
      expect(code).not.toContain("__complete");
      expect(code).not.toContain("CliUsageError");
    }
  });
});

describe("every subpath, under each module resolution", () => {
  const SUBPATHS = ["yclients-client", "yclients-client/testing", "yclients-client/webhooks", "yclients-client/redis"];

  /** Uses one typed export of each subpath; each `@ts-expect-error` fails the check if a subpath's types were lost. */
  const consumerBody = `
    export const client = new YclientsClient({ partnerToken: "p" });
    export const title: string = spec.info.title;
    export const simulator: Promise<{ url: string }> = startYclientsSimulator({ rateLimit: false });
    export const store = (redis: RedisScriptClient) => new RedisRateLimitStore({ redis });
    // @ts-expect-error the options are typed
    new YclientsClient({ partnerToken: 1 });
    // @ts-expect-error the spec is typed from its JSON
    export const wrongTitle: number = spec.info.title;
    // @ts-expect-error an event's resource is a string union
    export const wrongResource: number = parseWebhook("[]")[0].resource;
    // @ts-expect-error the simulator's options are typed
    startYclientsSimulator({ rateLimit: "off" });
    // @ts-expect-error the store's options are typed
    new RedisRateLimitStore({ redis: 1 });
  `;
  const imports = (json: string) => `
    import { YclientsClient } from "yclients-client";
    import { startYclientsSimulator } from "yclients-client/testing";
    import { parseWebhook } from "yclients-client/webhooks";
    import { RedisRateLimitStore, type RedisScriptClient } from "yclients-client/redis";
    import spec from "yclients-client/openapi.json"${json};
  `;

  /** Type-checks `files` (name → source) with `options`; answers the package's files TypeScript loaded. */
  function typecheck(name: string, options: object, files: Record<string, string>): string[] {
    const dir = join(scratch, name);
    mkdirSync(dir, { recursive: true });
    for (const [file, source] of Object.entries(files)) writeFileSync(join(dir, file), source);
    writeFileSync(
      join(dir, "tsconfig.json"),
      JSON.stringify({
        compilerOptions: {
          strict: true,
          noEmit: true,
          target: "ES2022",
          lib: ["ES2022", "DOM"],
          types: [],
          resolveJsonModule: true,
          esModuleInterop: true,
          // The declarations themselves are checked once, under NodeNext, above; here only resolution and types.
          skipLibCheck: true,
          ...options,
        },
        files: Object.keys(files),
      }),
    );
    let out: string;
    try {
      out = execFileSync(process.execPath, [TSC, "-p", dir, "--listFiles"], { encoding: "utf8" });
    } catch (error) {
      throw new Error(`tsc (${name}) failed:\n${(error as { stdout?: string }).stdout ?? error}`);
    }
    return out
      .split("\n")
      .filter((line) => line.includes("node_modules/yclients-client/"))
      .map((line) =>
        line.slice(line.indexOf("node_modules/yclients-client/") + "node_modules/yclients-client/".length),
      );
  }

  const plain = { "consumer.ts": imports("") + consumerBody };
  /** [what it shows, scratch folder, options, consumer files, files it loads, files it must not load or null] */
  const RESOLUTIONS: Array<[string, string, object, Record<string, string>, string[], RegExp | null]> = [
    [
      "NodeNext: ES modules get the .d.mts entries, CommonJS the .d.ts tree",
      "nodenext",
      { module: "NodeNext", moduleResolution: "NodeNext" },
      {
        "esm.mts": imports(' with { type: "json" }') + consumerBody,
        "cjs.cts": imports("") + consumerBody,
      },
      [
        "dist/index.d.mts",
        "dist/testing.d.mts",
        "dist/webhooks.d.mts",
        "dist/redis.d.mts",
        "dist/types/src/index.d.ts",
        "dist/types/src/testing/index.d.ts",
        "dist/types/src/webhooks/index.d.ts",
        "dist/types/src/redis.d.ts",
        "dist/openapi.json",
      ],
      null,
    ],
    [
      "node10 (no exports map): typesVersions leads each subpath to its declarations",
      "node10",
      { module: "CommonJS", moduleResolution: "node10" },
      plain,
      [
        "dist/types/src/index.d.ts",
        "dist/types/src/testing/index.d.ts",
        "dist/types/src/webhooks/index.d.ts",
        "dist/types/src/redis.d.ts",
        "dist/openapi.json",
      ],
      /\.d\.mts$/,
    ],
    [
      "bundler: the import condition's .d.mts entries",
      "bundler",
      { module: "ESNext", moduleResolution: "Bundler" },
      plain,
      ["dist/index.d.mts", "dist/testing.d.mts", "dist/webhooks.d.mts", "dist/redis.d.mts", "dist/openapi.json"],
      null,
    ],
  ];

  it.each(RESOLUTIONS)(
    "%s",
    (_what, folder, options, files, loads, notLoaded) => {
      const loaded = typecheck(folder, options, files);
      expect(loaded).toEqual(expect.arrayContaining(loads));
      if (notLoaded) expect(loaded.filter((file) => notLoaded.test(file))).toEqual([]);
    },
    60_000,
  );

  it("yclients-client/openapi.json is the merged spec, loadable with require and import", () => {
    // A digest of the parsed document: the same spec whatever its whitespace.
    const digest = (spec: string) =>
      `const { createHash } = require("node:crypto");
       console.log(JSON.stringify(createHash("sha256").update(JSON.stringify(${spec})).digest("hex")));`;
    const merged = JSON.parse(readFileSync(join(ROOT, "generated", "openapi.json"), "utf8"));
    const expected = createHash("sha256").update(JSON.stringify(merged)).digest("hex");
    expect(run("spec.cjs", digest('require("yclients-client/openapi.json")'))).toBe(expected);
    const esm =
      'import spec from "yclients-client/openapi.json" with { type: "json" };\nimport { createRequire } from "node:module";\nconst require = createRequire(import.meta.url);\n';
    expect(run("spec.mjs", esm + digest("spec"))).toBe(expected);
  });

  it("a bundler builds an app from every subpath, and the simulator in it still finds the shipped spec", async () => {
    const entry = join(scratch, "bundled-app.mjs");
    writeFileSync(
      entry,
      `import { YclientsClient } from "yclients-client";
       import { startYclientsSimulator, DEFAULT_PARTNER_TOKEN } from "yclients-client/testing";
       import { parseWebhook } from "yclients-client/webhooks";
       import { RedisRateLimitStore } from "yclients-client/redis";
       import { YclientsConfigError } from "yclients-client";
       import spec from "yclients-client/openapi.json";
       const sim = await startYclientsSimulator({ rateLimit: false });
       try {
         const yc = new YclientsClient({ partnerToken: DEFAULT_PARTNER_TOKEN, baseUrl: sim.url, companyId: sim.state.companies[0].id });
         const services = await yc.booking.services();
         let configError = false;
         try { new RedisRateLimitStore({ redis: {} }); } catch (e) { configError = e instanceof YclientsConfigError; }
         const events = parseWebhook(${JSON.stringify(JSON.stringify([{ company_id: 1, resource: "goods_operations_sale", resource_id: 1, status: "create", data: {} }]))}).length;
         console.log(JSON.stringify({ ok: services.success, configError, events, openapi: spec.openapi }));
       } finally {
         await sim.close();
       }
      `,
    );
    await build({
      entryPoints: [entry],
      outfile: join(scratch, "bundled-app.out.mjs"),
      bundle: true,
      format: "esm",
      platform: "node",
      // The package's own code goes into the bundle; its dependencies stay in node_modules (debug is CommonJS).
      external: RUNTIME_DEPS,
      logLevel: "silent",
    });
    const bundle = readFileSync(join(scratch, "bundled-app.out.mjs"), "utf8");
    for (const subpath of SUBPATHS) expect(bundle).not.toMatch(new RegExp(`from "${subpath}"`));
    const out = execFileSync(process.execPath, [join(scratch, "bundled-app.out.mjs")], {
      cwd: scratch,
      encoding: "utf8",
      timeout: 30_000,
    });
    expect(JSON.parse(out.trim().split("\n").pop()!)).toEqual({
      ok: true,
      configError: true,
      events: 1,
      openapi: expect.stringMatching(/^3\./),
    });
  }, 60_000);
});
