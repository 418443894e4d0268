// The documented defaults and promises of the receiver, the de-duplication store and registerWebhook.
import { YclientsClient, YclientsConfigError } from "../../src/index";
import {
  createWebhookHandler,
  registerWebhook,
  type RegisterWebhookOptions,
  DEFAULT_DEDUPE_TTL_MS,
  DEFAULT_MAX_BODY_BYTES,
  MemoryDedupeStore,
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
      claim: (_key, ttlMs) => (ttls.push(ttlMs), true),
      release: () => undefined,
    };
    const handle = createWebhookHandler({ dedupe: { store } });
    expect((await handle(post(recordUpdateText))).status).toBe(200);
    expect(ttls).toEqual([DEFAULT_DEDUPE_TTL_MS]);
  });
});

describe("MemoryDedupeStore", () => {
  it("forgets a key when its time is up", () => {
    let now = 1_000;
    const store = new MemoryDedupeStore(10, () => now);
    expect(store.claim("a", 500)).toBe(true);
    expect(store.claim("a", 500)).toBe(false);
    now += 499;
    expect(store.claim("a", 500)).toBe(false);
    now += 1;
    expect(store.claim("a", 500)).toBe(true);
  });

  it("keeps 10,000 keys by default, dropping the oldest first", () => {
    const store = new MemoryDedupeStore();
    for (let i = 0; i <= 10_000; i++) store.claim(`k${i}`, 60_000);
    expect(store.size).toBe(10_000);
    expect(store.claim("k10000", 60_000)).toBe(false); // the newest is kept
    expect(store.claim("k0", 60_000)).toBe(true); // the oldest was dropped
  });

  it("lets a released key be claimed again", () => {
    const store = new MemoryDedupeStore();
    store.claim("a", 60_000);
    store.release("a");
    expect(store.claim("a", 60_000)).toBe(true);
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
      claim: (key) => {
        if (claimed.size === 1) throw new Error("store down");
        claimed.add(key);
        return true;
      },
      release: (key) => void claimed.delete(key),
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
});
