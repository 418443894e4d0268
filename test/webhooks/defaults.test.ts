// The documented defaults and promises of the receiver, the de-duplication store and registerWebhook.
import { YclientsClient, YclientsConfigError } from "../../src/index";
import {
  createWebhookHandler,
  registerWebhook,
  type RegisterWebhookOptions,
  DEFAULT_DEDUPE_TTL_MS,
  DEFAULT_MAX_BODY_BYTES,
  MemoryDedupeStore,
  type DedupeClaim,
  type WebhookDedupeStore,
} from "../../src/webhooks/index";
import { marketplaceUninstallText, recordUpdateText } from "./samples";

const post = (body: string) => new Request("https://p.example/hooks", { method: "POST", body });

describe("receiver defaults", () => {
  it("limits bodies to 1 MiB", async () => {
    expect(DEFAULT_MAX_BODY_BYTES).toBe(1024 * 1024);
    const handle = createWebhookHandler();
    // Exactly at the limit is read (and refused as not JSON); one byte more is too large.
    expect((await handle(post(" ".repeat(1024 * 1024)))).status).toBe(400);
    expect((await handle(post(" ".repeat(1024 * 1024 + 1)))).status).toBe(413);
  });

  it("keeps de-duplication keys for 24 hours", async () => {
    expect(DEFAULT_DEDUPE_TTL_MS).toBe(24 * 60 * 60 * 1000);
    const ttls: number[] = [];
    const store: WebhookDedupeStore = {
      claim: (_claim, ttlMs) => (ttls.push(ttlMs), true),
      release: () => undefined,
    };
    const handle = createWebhookHandler({ dedupe: { store } });
    expect((await handle(post(recordUpdateText))).status).toBe(200);
    expect(ttls).toEqual([DEFAULT_DEDUPE_TTL_MS]);
  });
});

describe("MemoryDedupeStore", () => {
  const claim = (entity: string, fingerprint = "update:x", attempt = Math.random().toString(36)): DedupeClaim => ({
    entity,
    fingerprint,
    attempt,
  });

  it("forgets an entity's last delivery when its time is up", () => {
    let now = 1_000;
    const store = new MemoryDedupeStore(10, () => now);
    expect(store.claim(claim("a"), 500)).toBe(true);
    expect(store.claim(claim("a"), 500)).toBe(false);
    now += 499;
    expect(store.claim(claim("a"), 500)).toBe(false);
    now += 1;
    expect(store.claim(claim("a"), 500)).toBe(true);
  });

  it("compares with the last delivery of the entity only: A, B, A are all claimed; A, A once", () => {
    const store = new MemoryDedupeStore();
    expect(["A", "B", "A"].map((f) => store.claim(claim("staff:1:7", f), 60_000))).toEqual([true, true, true]);
    expect(["C", "C"].map((f) => store.claim(claim("staff:1:7", f), 60_000))).toEqual([true, false]);
    // Another entity with the same content is its own.
    expect(store.claim(claim("staff:1:8", "C"), 60_000)).toBe(true);
  });

  it("claims again for the same attempt (a re-sent claim is not its own duplicate)", () => {
    const store = new MemoryDedupeStore();
    const mine = claim("a");
    expect(store.claim(mine, 60_000)).toBe(true);
    expect(store.claim(mine, 60_000)).toBe(true);
    expect(store.claim({ ...mine, attempt: "other" }, 60_000)).toBe(false);
  });

  it("keeps 10,000 entities by default, dropping the oldest first", () => {
    const store = new MemoryDedupeStore();
    for (let i = 0; i <= 10_000; i++) store.claim(claim(`k${i}`), 60_000);
    expect(store.size).toBe(10_000);
    expect(store.claim(claim("k10000"), 60_000)).toBe(false); // the newest is kept
    expect(store.claim(claim("k0"), 60_000)).toBe(true); // the oldest was dropped
  });

  it("releases only its own claim", () => {
    const store = new MemoryDedupeStore();
    const first = claim("a", "A");
    store.claim(first, 60_000);
    store.release({ ...first, attempt: "someone else" });
    expect(store.claim(claim("a", "A"), 60_000)).toBe(false);
    store.release(first);
    expect(store.claim(claim("a", "A"), 60_000)).toBe(true);
    // A newer delivery of the entity is not undone by the release of an older one.
    const b = claim("a", "B");
    store.claim(b, 60_000);
    store.release(first);
    expect(store.claim(claim("a", "B"), 60_000)).toBe(false);
  });
});

describe("callbacks", () => {
  it("run the resource's callback before onEvent, and hand waitUntil the work left after the answer", async () => {
    const order: string[] = [];
    const kept: Array<Promise<unknown>> = [];
    const handle = createWebhookHandler({
      partnerToken: "fake_partner_token_0000000000",
      on: {
        record: () => void order.push("record"),
        marketplace: (event) => void order.push(`marketplace:${event.event}`),
      },
      onEvent: (event) => void order.push(`event:${event.resource ?? "marketplace"}`),
      waitUntil: (work) => void kept.push(work),
    });
    expect((await handle(post(recordUpdateText))).status).toBe(200);
    expect((await handle(post(marketplaceUninstallText))).status).toBe(200);
    expect(kept).toHaveLength(2);
    await Promise.all(kept);
    expect(order).toEqual(["record", "event:record", "marketplace:uninstall", "event:marketplace"]);
  });
});

describe("registerWebhook", () => {
  const yc = new YclientsClient({ partnerToken: "p", companyId: 1, baseUrl: "http://127.0.0.1:9/api/v1" });
  it.each([
    ["no resources", { url: "https://p.example/h", resources: [] }],
    ["an unknown resource", { url: "https://p.example/h", resources: ["records"] }],
    ["a URL that is not http(s)", { url: "ftp://p.example/h", resources: ["record"] }],
  ])("refuses %s before sending anything", async (_name, options) => {
    await expect(registerWebhook(yc, options as RegisterWebhookOptions)).rejects.toBeInstanceOf(YclientsConfigError);
  });
});

describe("a failing de-duplication store", () => {
  it("refuses the delivery with 503, runs no callback and gives back the keys it claimed", async () => {
    const claimed = new Set<string>();
    let calls = 0;
    const flaky: WebhookDedupeStore = {
      claim: ({ entity }) => {
        if (claimed.size === 1) throw new Error("store down");
        claimed.add(entity);
        return true;
      },
      release: ({ entity }) => void claimed.delete(entity),
    };
    const errors: unknown[] = [];
    const handle = createWebhookHandler({
      dedupe: { store: flaky },
      onEvent: () => void calls++,
      onError: (error) => void errors.push(error),
    });
    const record = JSON.parse(recordUpdateText);
    const batch = JSON.stringify([record, { ...record, resource_id: 2 }]);
    const response = await handle(post(batch));
    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({ ok: false, error: "dedupe-store-failed" });
    expect(calls).toBe(0);
    expect(claimed.size).toBe(0);
    expect(errors).toHaveLength(1);
  });

  it("gives back the claim whose answer was lost, so the sender's retry is processed", async () => {
    // The store applies the claim, then its answer is lost (the store throws after applying it).
    const inner = new MemoryDedupeStore();
    let loseNextAnswer = true;
    const lossy: WebhookDedupeStore = {
      claim: (claim, ttlMs) => {
        const result = inner.claim(claim, ttlMs);
        if (loseNextAnswer) {
          loseNextAnswer = false;
          throw new Error("connection reset after the command was applied");
        }
        return result;
      },
      release: (claim) => inner.release(claim),
    };
    let calls = 0;
    const handle = createWebhookHandler({ dedupe: { store: lossy }, respond: "process", onEvent: () => void calls++ });
    expect((await handle(post(recordUpdateText))).status).toBe(503);
    const retry = await handle(post(recordUpdateText));
    expect(retry.status).toBe(200);
    expect(await retry.json()).toEqual({ ok: true, events: 1, duplicates: 0 });
    expect(calls).toBe(1);
    // And a redelivery after that is a duplicate.
    expect(await (await handle(post(recordUpdateText))).json()).toEqual({ ok: true, events: 0, duplicates: 1 });
  });
});
