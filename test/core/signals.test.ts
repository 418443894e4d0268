// One AbortSignal shared by many concurrent calls: no MaxListenersExceededWarning, no listener left behind,
// and aborting it still ends every call.
import { getEventListeners } from "node:events";
import { YclientsClient } from "../../src/index";
import { json, later, ok, useServer } from "../helpers/scripted-server";

const server = useServer();

const warnings: Error[] = [];
const onWarning = (warning: Error) => warnings.push(warning);
beforeEach(() => {
  warnings.splice(0);
  process.on("warning", onWarning);
});
afterEach(() => {
  process.off("warning", onWarning);
});

const client = (extra: Record<string, unknown> = {}) =>
  new YclientsClient({ partnerToken: "p", baseUrl: server.url, rateLimit: false, circuitBreaker: false, ...extra });

describe("many calls sharing one AbortSignal", () => {
  it("60 concurrent calls and their backoff waits add one listener to the signal, removed when they finish", async () => {
    const signal = new AbortController().signal;
    // Every call's first attempt is held until all 60 have arrived, then fails (a backoff wait on the
    // signal for each call); the retries succeed after a short delay.
    const firsts: import("node:http").ServerResponse[] = [];
    let held = 0;
    server.handle((_req, res) => {
      held++;
      if (firsts.length < 60) {
        firsts.push(res);
        if (firsts.length === 60) firsts.forEach((r) => json(r, 503, {}));
      } else later(res, 20, () => json(res, 200, ok([])));
    });
    const yc = client({ retry: { maxTries: 2, baseDelay: 0.05, jitter: false } });
    const calls = Array.from({ length: 60 }, () => yc.GET("/countries", { signal }));
    await new Promise((r) => setTimeout(r, 20));
    expect(getEventListeners(signal, "abort").length).toBeLessThanOrEqual(1);
    await Promise.all(calls);
    expect(held).toBe(120);
    expect(getEventListeners(signal, "abort")).toHaveLength(0);
    await new Promise((r) => setImmediate(r));
    expect(warnings.filter((w) => w.name === "MaxListenersExceededWarning")).toEqual([]);
  });

  it("aborting the shared signal ends every one of them", async () => {
    const controller = new AbortController();
    server.handle((_req, res) => later(res, 5000, () => json(res, 200, ok([]))));
    const yc = client({ retry: false, timeoutMs: 10_000 });
    const calls = Array.from({ length: 30 }, () => yc.GET("/countries", { signal: controller.signal }).catch((e) => e));
    await new Promise((r) => setTimeout(r, 50));
    controller.abort(new Error("page closed"));
    const outcomes = await Promise.all(calls);
    expect(outcomes.map((e) => (e as Error).message)).toEqual(Array(30).fill("page closed"));
    expect(getEventListeners(controller.signal, "abort")).toHaveLength(0);
    expect(warnings.filter((w) => w.name === "MaxListenersExceededWarning")).toEqual([]);
  });
});
