// The documented defaults of the receiver and the de-duplication store, each pinned by a test.
import {
  createWebhookHandler,
  DEFAULT_DEDUPE_TTL_MS,
  DEFAULT_MAX_BODY_BYTES,
  MemoryDedupeStore,
  type WebhookDedupeStore,
} from "../../src/webhooks/index";
import { recordUpdateText } from "./samples";

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
