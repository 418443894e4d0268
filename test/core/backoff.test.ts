import {
  backoff,
  YclientsCircuitOpenError,
  YclientsConfigError,
  YclientsNotFoundError,
  YclientsServerError,
} from "../../src/index";
import { setDebugNamespaces, setDebugSink } from "../../src/log";

class Transient extends Error {}
class Permanent extends Error {}

const fast = { baseDelay: 0.01, expoFactor: 2, jitter: false };

describe("backoff() as a wrapper", () => {
  it("retries the listed errors up to maxTries attempts, then throws the last error", async () => {
    let calls = 0;
    const flaky = backoff({ ...fast, retryOn: [Transient], maxTries: 4 })(async () => {
      calls++;
      throw new Transient(`failure ${calls}`);
    });
    await expect(flaky()).rejects.toThrow("failure 4");
    expect(calls).toBe(4);
  });

  it("returns the first success", async () => {
    let calls = 0;
    const flaky = backoff({ ...fast, retryOn: [Transient], maxTries: 5 })(async (x: number) => {
      calls++;
      if (calls < 3) throw new Transient("again");
      return x * 2;
    });
    await expect(flaky(21)).resolves.toBe(42);
    expect(calls).toBe(3);
  });

  it("errors that are not retryable pass through at once", async () => {
    let calls = 0;
    const wrapped = backoff({ ...fast, retryOn: [Transient], maxTries: 5 })(async () => {
      calls++;
      throw new Permanent("no");
    });
    await expect(wrapped()).rejects.toBeInstanceOf(Permanent);
    expect(calls).toBe(1);
  });

  it("a predicate works as retryOn, and the default skips SDK client errors", async () => {
    let calls = 0;
    const byPredicate = backoff({ ...fast, maxTries: 3, retryOn: (e) => (e as Error).message === "retry me" })(
      async () => {
        calls++;
        throw new Error("retry me");
      },
    );
    await expect(byPredicate()).rejects.toThrow("retry me");
    expect(calls).toBe(3);

    calls = 0;
    const byDefault = backoff({ ...fast, maxTries: 3 })(async () => {
      calls++;
      throw calls === 1 ? new YclientsServerError("503") : new YclientsNotFoundError("404");
    });
    await expect(byDefault()).rejects.toBeInstanceOf(YclientsNotFoundError);
    expect(calls).toBe(2);
  });

  it("delays honour expoFactor", async () => {
    const stamps: number[] = [];
    const wrapped = backoff({ baseDelay: 0.05, expoFactor: 3, jitter: false, maxTries: 3, retryOn: [Transient] })(
      async () => {
        stamps.push(Date.now());
        throw new Transient("x");
      },
    );
    await expect(wrapped()).rejects.toBeInstanceOf(Transient);
    const gaps = [stamps[1] - stamps[0], stamps[2] - stamps[1]];
    expect(gaps[0]).toBeGreaterThanOrEqual(45);
    expect(gaps[0]).toBeLessThan(140);
    expect(gaps[1]).toBeGreaterThanOrEqual(140); // 0.05 s × 3
    expect(gaps[1]).toBeLessThan(300);
  });

  it("an abort stops a wait immediately", async () => {
    const controller = new AbortController();
    let calls = 0;
    const wrapped = backoff({
      baseDelay: 30,
      jitter: false,
      maxTries: 3,
      retryOn: [Transient],
      signal: controller.signal,
    })(async () => {
      calls++;
      throw new Transient("x");
    });
    const pending = wrapped();
    await new Promise((r) => setTimeout(r, 50));
    const started = Date.now();
    controller.abort(new Error("stop"));
    await expect(pending).rejects.toThrow("stop");
    expect(Date.now() - started).toBeLessThan(100);
    expect(calls).toBe(1);
  });

  it("reads YCLIENTS_BACKOFF_MAX_TRIES when the wrapper is created", async () => {
    process.env.YCLIENTS_BACKOFF_MAX_TRIES = "2";
    let calls = 0;
    let wrapped;
    try {
      wrapped = backoff({ baseDelay: 0.001, retryOn: [Transient] })(async () => {
        calls++;
        throw new Transient("x");
      });
    } finally {
      delete process.env.YCLIENTS_BACKOFF_MAX_TRIES;
    }
    await expect(wrapped()).rejects.toBeInstanceOf(Transient);
    expect(calls).toBe(2);
  });

  it.each([
    ["a configuration error", () => new YclientsConfigError("bad option")],
    ["an open circuit", () => new YclientsCircuitOpenError("open")],
    ["an abort", () => new DOMException("stopped", "AbortError")],
  ])("by default %s is not retried: waiting cannot fix it", async (_what, make) => {
    let calls = 0;
    const wrapped = backoff({ ...fast, maxTries: 3 })(async () => {
      calls++;
      throw make();
    });
    await expect(wrapped()).rejects.toThrow();
    expect(calls).toBe(1);
  });

  it("a predicate never sees an abort: it is not retried even when the predicate says yes", async () => {
    let calls = 0;
    const wrapped = backoff({ ...fast, maxTries: 3, retryOn: () => true })(async () => {
      calls++;
      throw new DOMException("stopped", "AbortError");
    });
    await expect(wrapped()).rejects.toThrow("stopped");
    expect(calls).toBe(1);
  });

  it("logs each retry under yclients:retry with the attempt, the delay and the error's name, never the arguments", async () => {
    const lines: string[] = [];
    setDebugSink((line) => lines.push(line));
    setDebugNamespaces("yclients:retry");
    try {
      const secret = "argument-secret-token-9";
      const sync = backoff({ baseDelay: 0.002, expoFactor: 1, jitter: false, maxTries: 2, retryOn: [Transient] })(
        async function pushVisits(_token: string) {
          throw new Transient(`refused ${_token}`);
        },
      );
      await expect(sync(secret)).rejects.toBeInstanceOf(Transient);
      expect(lines).toEqual([
        expect.stringMatching(/yclients:retry pushVisits: attempt 2 of 2 after Error, waiting 2ms/),
      ]);
      expect(lines.join("\n")).not.toContain(secret);
    } finally {
      setDebugNamespaces("");
      setDebugSink(undefined);
    }
  });

  it("bad options are YclientsConfigError", () => {
    expect(() => backoff({ maxTries: 0 })).toThrow(YclientsConfigError);
    expect(() => backoff({ retryOn: ["x"] as any })).toThrow(YclientsConfigError);
  });
});

describe("backoff() as a TypeScript 5 method decorator", () => {
  class Repository {
    calls = 0;
    constructor(private readonly prefix: string) {}

    @backoff({ ...fast, maxTries: 3, retryOn: [Transient] })
    async load(id: number, suffix: string): Promise<string> {
      this.calls++;
      if (this.calls < 3) throw new Transient("not yet");
      return `${this.prefix}-${id}-${suffix}`;
    }
  }

  it("keeps `this` and the arguments, and retries", async () => {
    const repo = new Repository("rec");
    await expect(repo.load(7, "x")).resolves.toBe("rec-7-x");
    expect(repo.calls).toBe(3);
  });
});
