// Where the SDK's per-request time goes, without a network. Every variant gets its answer from an
// in-memory `fetch` that, like undici's, makes a Request of its input and init and then builds a fresh
// Response from the bytes the server would send, so what is measured is client-side CPU only.
// A ladder: bare openapi-fetch, then the same call with the steps of src/transport/transport.ts added
// one at a time (redone here with the same web APIs and cockatiel calls; keep them in step with the
// transport when it changes), then the real SDK, then patched copies of it (bench/patched.ts).
// Each rung's increase over the one below is that step's cost.
// Figures are mean µs per call (garbage collection included), median over batches.
// Run as a child process with --expose-gc.
import { performance } from "node:perf_hooks";
import { ConsecutiveBreaker, circuitBreaker, handleAll, retry } from "cockatiel";
import createClient from "openapi-fetch";
import type { paths } from "../generated/schema";
import { BENCH_COMPANY_ID, PAGE_SIZE, recordsPageBody, smallBody } from "./bodies";
import { commonHeaders, loadSdk, sdkVersion } from "./contenders";
import { loadPatchedSdks } from "./patched";
import { childInput, collectGarbage, progress, reply } from "./processes";
import { AUTHORIZATION, PARTNER_TOKEN, USER_TOKEN } from "./server";
import { median } from "./stats";

export interface PiecesInput {
  /** Calls per variant per batch. */
  iterations: { small: number; page: number };
  /** Calls a variant makes per turn before the next variant's turn. */
  block: { small: number; page: number };
  /** Batches per variant (the order of variants alternates between batches). */
  batches: number;
}

export interface PieceResult {
  id: string;
  label: string;
  body: "small" | "page";
  /** Median over batches of the mean time per call, microseconds. */
  microseconds: number;
}

export interface PiecesOutput {
  results: PieceResult[];
  /** Candidate fixes whose target text was not found in dist/index.mjs (their rungs are missing). */
  fixesNotApplied: string[];
}

type Variant = { id: string; label: string; run: () => Promise<unknown> };
type Fetch = (request: Request, init?: { signal: AbortSignal }) => Promise<Response>;

const BASE = "http://bench.invalid/api/v1";

function bytesOf(text: string): Uint8Array<ArrayBuffer> {
  const buffer = Buffer.from(text);
  return new Uint8Array(buffer.buffer as ArrayBuffer, buffer.byteOffset, buffer.length);
}

async function main(): Promise<void> {
  const input = childInput<PiecesInput>();
  const sdk = await loadSdk();
  const version = sdkVersion();
  const bodies = { small: bytesOf(smallBody()), page: bytesOf(recordsPageBody()) };
  const patched = await loadPatchedSdks();

  const results: PieceResult[] = [];
  for (const kind of ["small", "page"] as const) {
    const body = bodies[kind];
    const init: ResponseInit = {
      status: 200,
      headers: { "content-type": "application/json; charset=utf-8", "content-length": String(body.length) },
    };
    const stub: Fetch = async (input, requestInit) => {
      const request = new Request(input, requestInit);
      void request.url;
      return new Response(body, init);
    };
    const id = BENCH_COMPANY_ID;
    const query = { page: 1, count: PAGE_SIZE };

    // The rungs' fetch functions, each adding one transport step to the one before.
    const withHeaders: Fetch = (request, requestInit) => {
      request.headers.set("Authorization", AUTHORIZATION);
      if (!request.headers.has("Accept")) request.headers.set("Accept", "application/vnd.yclients.v2+json");
      request.headers.set("User-Agent", `yclients-client/${version}`);
      return stub(request, requestInit);
    };
    const withSignal: Fetch = (request) => withHeaders(request, { signal: new AbortController().signal });
    const keepText = (response: Response, text: string) => {
      Object.defineProperty(response, "text", { value: () => Promise.resolve(text) });
      Object.defineProperty(response, "json", { value: () => Promise.resolve(text).then(JSON.parse) });
      return response;
    };
    const withEarlyRead: Fetch = async (request) => {
      const raw = await withSignal(request);
      return keepText(raw, await raw.text());
    };
    const retryPolicy = retry(handleAll, { maxAttempts: 2 });
    const breakerPolicy = circuitBreaker(handleAll, { halfOpenAfter: 10_000, breaker: new ConsecutiveBreaker(5) });
    const withPolicies: Fetch = (request) =>
      retryPolicy.execute(() =>
        breakerPolicy.execute(async () => {
          const controller = new AbortController();
          const timer = setTimeout(() => controller.abort(), 5000);
          try {
            const raw = await withHeaders(request, { signal: controller.signal });
            return keepText(raw, await raw.text());
          } finally {
            clearTimeout(timer);
          }
        }),
      );

    const plain = createClient<paths>({ baseUrl: BASE, headers: commonHeaders(version), fetch: stub });
    const rung = (fetch: Fetch) => createClient<paths>({ baseUrl: BASE, fetch });
    const asText = <T>(call: Promise<{ data?: T }>) => call.then((r) => JSON.parse(r.data as string) as unknown);
    const ladderCall = (client: ReturnType<typeof rung>) =>
      kind === "small"
        ? () => asText(client.GET("/company/{id}/", { params: { path: { id } }, parseAs: "text" }))
        : () => asText(client.GET("/companies", { params: { query }, parseAs: "text" }));

    const sdkWith = (options: { retry?: false; circuitBreaker?: false }, from = sdk) =>
      new from.YclientsClient({
        partnerToken: PARTNER_TOKEN,
        userToken: USER_TOKEN,
        baseUrl: BASE,
        fetch: stub,
        // The limiter would hold these calls to 5 a second; its own cost is measured in bench/ratelimit.ts.
        rateLimit: false,
        ...options,
      });
    const sdkCall = (yc: InstanceType<typeof sdk.YclientsClient>) =>
      kind === "small"
        ? () => yc.GET("/company/{id}/", { params: { path: { id } } })
        : () => yc.GET("/companies", { params: { query } });

    const variants: Variant[] = [
      {
        id: "L0",
        label: "L0 bare openapi-fetch (headers in createClient, res.json())",
        run:
          kind === "small"
            ? () => plain.GET("/company/{id}/", { params: { path: { id } } })
            : () => plain.GET("/companies", { params: { query } }),
      },
      {
        id: "L1",
        label: "L1 + headers set in a fetch wrapper, parseAs text + JSON.parse",
        run: ladderCall(rung(withHeaders)),
      },
      {
        id: "L2",
        label: "L2 + a per-attempt AbortSignal: fetch(request, { signal })",
        run: ladderCall(rung(withSignal)),
      },
      {
        id: "L3",
        label: "L3 + body read inside the attempt, text()/json() shadowed to return it",
        run: ladderCall(rung(withEarlyRead)),
      },
      { id: "L4", label: "L4 + timeout timer + cockatiel retry(breaker(...))", run: ladderCall(rung(withPolicies)) },
      { id: "sdk", label: "SDK yc.GET, default policies", run: sdkCall(sdkWith({})) },
      {
        id: "sdk-no-policies",
        label: "SDK yc.GET, retry: false + circuitBreaker: false",
        run: sdkCall(sdkWith({ retry: false, circuitBreaker: false })),
      },
      ...patched.loaded.map((p, i) => ({
        id: `F${i + 1}`,
        label: `F${i + 1} patched SDK copy ${p.label}`,
        run: sdkCall(sdkWith({}, p.sdk)),
      })),
    ];

    const iterations = input.iterations[kind];
    const block = input.block[kind];
    for (const v of variants) for (let i = 0; i < Math.min(300, iterations); i++) await v.run();
    // Each batch: the variants take turns in blocks of `block` calls (short enough that machine drift hits
    // them alike, long enough that each block mostly pays for its own garbage), until each made `iterations`.
    const perVariant = new Map<string, number[]>(variants.map((v) => [v.id, []]));
    for (let batch = 0; batch < input.batches; batch++) {
      collectGarbage();
      const spent = variants.map(() => 0);
      for (let done = 0; done < iterations; done += block) {
        const turn = done / block;
        for (let k = 0; k < variants.length; k++) {
          const which = (turn + k) % variants.length;
          const t0 = performance.now();
          for (let i = 0; i < block; i++) await variants[which].run();
          spent[which] += performance.now() - t0;
        }
      }
      const calls = Math.ceil(iterations / block) * block;
      variants.forEach((v, i) => perVariant.get(v.id)!.push((spent[i] / calls) * 1000));
    }
    for (const v of variants) {
      results.push({ id: v.id, label: v.label, body: kind, microseconds: median(perVariant.get(v.id)!) });
    }
    progress(`pieces: ${kind} body done`);
  }
  await reply({ results, fixesNotApplied: patched.notApplied } satisfies PiecesOutput);
}

if (require.main === module) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
