// Fault injection: each kind, route matching, rate/times, and changing faults at runtime.
import { request } from "node:http";
import { FaultInjector, type Fault } from "../../src/testing/faults";
import type { YclientsSimulator } from "../../src/testing/index";
import { stream } from "../../src/testing/prng";
import { ACCEPT, call, start } from "../helpers/simulator";

let sim: YclientsSimulator;
let servicesPath: string;
beforeAll(async () => {
  sim = await start();
  servicesPath = `/book_services/${sim.state.companies[0].id}`;
});
afterEach(() => sim.clearFaults());
afterAll(() => sim.close());

/** A raw request, to see what fetch would hide: the bytes and how the socket ended. */
function raw(path: string): Promise<{ status?: number; body: string; error?: string }> {
  return new Promise((resolve) => {
    const req = request(
      sim.url + path,
      { headers: { authorization: `Bearer ${sim.partnerToken}`, accept: ACCEPT } },
      (res) => {
        let body = "";
        res.setEncoding("utf8");
        res.on("data", (c) => (body += c));
        res.on("end", () => resolve({ status: res.statusCode, body }));
        res.on("error", (e) => resolve({ status: res.statusCode, body, error: e.message }));
      },
    );
    req.on("error", (e) => resolve({ body: "", error: (e as NodeJS.ErrnoException).code ?? e.message }));
    req.end();
  });
}

test("status: answers the status with an error envelope, `times` limits it", async () => {
  sim.setFaults([{ route: "GET /book_services/{company_id}", kind: "status", status: 503, times: 2 }]);
  const a = await call(sim, "GET", servicesPath);
  const b = await call(sim, "GET", servicesPath);
  const c = await call(sim, "GET", servicesPath);
  expect([a.status, b.status, c.status]).toEqual([503, 503, 200]);
  expect(a.body).toEqual({ success: false, data: null, meta: { message: expect.any(String) } });
  expect(a.headers.get("x-request-id")).toBeTruthy();
});

test("latency: delays the normal answer", async () => {
  sim.setFaults([{ kind: "latency", ms: 300 }]);
  const t0 = Date.now();
  const res = await call(sim, "GET", servicesPath);
  expect(Date.now() - t0).toBeGreaterThanOrEqual(290);
  expect(res.status).toBe(200);
});

test("reset: the socket is destroyed without an answer", async () => {
  sim.setFaults([{ kind: "reset", route: servicesPath }]);
  const res = await raw(servicesPath);
  expect(res.status).toBeUndefined();
  expect(res.error).toBe("ECONNRESET");
  await expect(call(sim, "GET", servicesPath)).rejects.toThrow();
  expect(sim.requests[sim.requests.length - 1].status).toBeUndefined();
});

test("truncate: a 200 whose JSON body stops half-way", async () => {
  sim.setFaults([{ kind: "truncate" }]);
  const res = await raw(servicesPath);
  expect(res.status).toBe(200);
  expect(res.body.startsWith('{"success":true')).toBe(true);
  expect(() => JSON.parse(res.body)).toThrow();
  sim.clearFaults();
  const full = await raw(servicesPath);
  // Half the bytes: the cut may split a Cyrillic letter, so compare all but the last char.
  expect(Buffer.byteLength(res.body)).toBeLessThanOrEqual(Math.floor(Buffer.byteLength(full.body) / 2) + 3);
  expect(full.body.startsWith(res.body.slice(0, -1))).toBe(true);
});

test("html: a 502 HTML page from a proxy", async () => {
  sim.setFaults([{ kind: "html" }]);
  const res = await call(sim, "GET", servicesPath);
  expect(res.status).toBe(502);
  expect(res.headers.get("content-type")).toContain("text/html");
  expect(res.text).toContain("502 Bad Gateway");
});

test("rateLimit: a 429 with the given Retry-After", async () => {
  sim.setFaults([{ kind: "rateLimit", retryAfter: 7 }]);
  const res = await call(sim, "GET", servicesPath);
  expect(res.status).toBe(429);
  expect(res.headers.get("retry-after")).toBe("7");
  expect(res.body.success).toBe(false);
});

test("routes: template, concrete path, method-less path and RegExp; others pass", async () => {
  const company = sim.state.companies[0].id;
  const cases: Array<[Fault["route"], boolean]> = [
    ["GET /book_services/{company_id}", true],
    [`GET /book_services/${company}`, true],
    ["/book_services/{company_id}/", true],
    ["POST /book_services/{company_id}", false],
    ["GET /book_staff/{company_id}", false],
    [/book_services/g, true],
    [/^GET \/book_services\/\{company_id\}$/, true],
    [/book_dates/, false],
  ];
  for (const [route, hit] of cases) {
    sim.setFaults([{ route, kind: "status", status: 500 }]);
    // Twice, so a stateful /g RegExp would show itself.
    for (let i = 0; i < 2; i++)
      expect([route, (await call(sim, "GET", servicesPath)).status]).toEqual([route, hit ? 500 : 200]);
  }
});

test("faults can be added and cleared at runtime, and start from the options", async () => {
  const withFault = await start({ faults: [{ kind: "status", status: 500 }] });
  try {
    expect(
      (await call(withFault, "GET", servicesPath.replace(/\d+$/, String(withFault.state.companies[0].id)))).status,
    ).toBe(500);
    withFault.clearFaults();
    withFault.addFault({ kind: "status", status: 502, times: 1 });
    const path = `/book_services/${withFault.state.companies[0].id}`;
    expect((await call(withFault, "GET", path)).status).toBe(502);
    expect((await call(withFault, "GET", path)).status).toBe(200);
  } finally {
    await withFault.close();
  }
});

test("rate: the share of hit requests follows `rate`, and the same seed hits the same requests", async () => {
  const pattern = async (seed: number) => {
    const s = await start({ seed, faults: [{ kind: "status", status: 503, rate: 0.3 }] });
    try {
      const out: number[] = [];
      for (let i = 0; i < 60; i++) out.push((await call(s, "GET", `/book_services/${s.state.companies[0].id}`)).status);
      return out;
    } finally {
      await s.close();
    }
  };
  const a = await pattern(42);
  expect(await pattern(42)).toEqual(a);
  const hits = a.filter((s) => s === 503).length;
  expect(hits).toBeGreaterThan(5);
  expect(hits).toBeLessThan(35);
});

test("FaultInjector: latencies add up, the first terminal fault wins, `times` retires faults", () => {
  const injector = new FaultInjector(stream(1, "faults"));
  injector.set([
    { kind: "latency", ms: 10 },
    { kind: "latency", ms: 5, times: 1 },
    { kind: "html", times: 1 },
    { kind: "reset" },
  ]);
  expect(injector.decide("GET", "/x", undefined)).toEqual({ latency: 15, terminal: { kind: "html", times: 1 } });
  expect(injector.decide("GET", "/x", undefined)).toEqual({ latency: 10, terminal: { kind: "reset" } });
  expect(injector.list().map((f) => f.kind)).toEqual(["latency", "reset"]);
});
