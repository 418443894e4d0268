// A receiver on 127.0.0.1 (node:http adapter) and the WHATWG handler, fed good and bad deliveries:
// every refusal gets its status, is reported to onError and loses nothing that was good.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { inspect } from "node:util";
import {
  createNodeWebhookHandler,
  createWebhookHandler,
  MemoryDedupeStore,
  YclientsWebhookError,
  type WebhookEvent,
  type WebhookReceiverOptions,
} from "../../src/webhooks/index";
import { marketplaceUninstallText, recordUpdateText } from "./samples";

const SECRET = "whsec-0123456789abcdef";
const PARTNER = "fake_partner_token_0000000000";

interface Harness {
  url: string;
  events: WebhookEvent[];
  errors: unknown[];
  close(): Promise<void>;
}

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((resolve) => s.close(resolve))));
});

async function receiver(options: WebhookReceiverOptions = {}): Promise<Harness> {
  const events: WebhookEvent[] = [];
  const errors: unknown[] = [];
  const handle = createNodeWebhookHandler({
    urlSecret: SECRET,
    partnerToken: PARTNER,
    onEvent: (event) => void events.push(event),
    onError: (error) => void errors.push(error),
    respond: "process",
    ...options,
  });
  const server = createServer((req, res) => void handle(req, res));
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/yclients/${SECRET}`,
    events,
    errors,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

const post = (url: string, body: string | Uint8Array, headers: Record<string, string> = {}) =>
  fetch(url, { method: "POST", body: body as BodyInit, headers: { "content-type": "application/json", ...headers } });

describe("node:http receiver", () => {
  it("accepts the production payload with 200 and hands the typed event to the callbacks", async () => {
    const seen: number[] = [];
    const hook = await receiver({ on: { record: (event) => void seen.push(event.data.services[0].cost ?? 0) } });
    const response = await post(hook.url, recordUpdateText);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true, events: 1, duplicates: 0 });
    expect(seen).toEqual([1700]);
    expect(hook.events).toHaveLength(1);
    expect(hook.errors).toEqual([]);
  });

  it("gives each bad body its status, reports it, and still takes the good ones after it", async () => {
    const hook = await receiver();
    const record = JSON.parse(recordUpdateText);
    const bad: Array<[string, () => Promise<Response>, number, string]> = [
      ["HTML", () => post(hook.url, "<html><body>502 Bad Gateway</body></html>"), 400, "not-json"],
      ["truncated JSON", () => post(hook.url, recordUpdateText.slice(0, 300)), 400, "not-json"],
      ["missing fields", () => post(hook.url, JSON.stringify({ resource: "record" })), 400, "not-an-event"],
      [
        "wrong URL secret",
        () => post(hook.url.replace(SECRET, "whsec-0123456789abcdeX"), recordUpdateText),
        401,
        "bad-url-secret",
      ],
      ["no URL secret", () => post(hook.url.replace(`/${SECRET}`, ""), recordUpdateText), 401, "bad-url-secret"],
      ["10 MB body", () => post(hook.url, new Uint8Array(10 * 1024 * 1024).fill(0x20)), 413, "too-large"],
      ["GET", () => fetch(hook.url), 405, "method-not-allowed"],
      [
        "wrong partner token",
        () => post(hook.url, marketplaceUninstallText.replace(PARTNER, "fake_partner_token_0000000001")),
        401,
        "bad-partner-token",
      ],
    ];
    for (const [name, send, status, reason] of bad) {
      const response = await send();
      expect({ name, status: response.status }).toEqual({ name, status });
      expect(await response.json()).toMatchObject({ ok: false, error: reason });
      // A good delivery right after a bad one is processed.
      const good = await post(hook.url, JSON.stringify({ ...record, resource_id: hook.events.length + 1 }));
      expect({ name, status: good.status }).toEqual({ name, status: 200 });
    }
    expect(hook.events.map((e) => (e.resource === "record" ? e.resource_id : null))).toEqual(bad.map((_b, i) => i + 1));
    expect(hook.errors.map((e) => (e as YclientsWebhookError).reason)).toEqual(bad.map(([, , , reason]) => reason));
  });

  it("hands a record event with a status the SDK does not know to the record callback", async () => {
    const seen: string[] = [];
    const unknown: string[] = [];
    const hook = await receiver({
      on: { record: (event) => void seen.push(event.status), unknown: (event) => void unknown.push(event.status) },
    });
    const body = { ...JSON.parse(recordUpdateText), status: "restore" };
    expect((await post(hook.url, JSON.stringify(body))).status).toBe(200);
    expect(seen).toEqual(["restore"]);
    expect(unknown).toEqual([]);
  });

  it("hands Altegio's `salon` event to the company callback", async () => {
    const seen: number[] = [];
    const hook = await receiver({ on: { company: (event) => void seen.push(event.resource_id as number) } });
    const body = { company_id: 4564, resource: "salon", resource_id: 4564, status: "update", data: { id: 4564 } };
    expect((await post(hook.url, JSON.stringify(body))).status).toBe(200);
    expect(seen).toEqual([4564]);
  });

  it("hands an unknown resource to the unknown callback with 200", async () => {
    const unknown: string[] = [];
    const hook = await receiver({ on: { unknown: (event) => void unknown.push(event.sentResource) } });
    const body = { company_id: 1, resource: "wallet", resource_id: 5, status: "create", data: { id: 5 } };
    const response = await post(hook.url, JSON.stringify(body));
    expect(response.status).toBe(200);
    expect(unknown).toEqual(["wallet"]);
  });

  it("accepts the URL secret as a query parameter", async () => {
    const hook = await receiver();
    const url = hook.url.replace(`/${SECRET}`, `?token=${SECRET}`);
    expect((await post(url, recordUpdateText)).status).toBe(200);
  });

  it("checks the marketplace partner token, and refuses marketplace events when it has none to check", async () => {
    const withToken = await receiver();
    expect((await post(withToken.url, marketplaceUninstallText)).status).toBe(200);
    const without = await receiver({ partnerToken: undefined });
    expect((await post(without.url, marketplaceUninstallText)).status).toBe(401);
  });

  it("uses a body an Express-style parser has already read", async () => {
    const events: WebhookEvent[] = [];
    const handle = createNodeWebhookHandler({ urlSecret: SECRET, onEvent: (e) => void events.push(e) });
    const server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", () => {
        // What express.json() leaves behind: the stream read, req.body parsed, the mount path in originalUrl.
        Object.assign(req, { body: JSON.parse(Buffer.concat(chunks).toString()), url: "/", originalUrl: req.url });
        void handle(req, res);
      });
    });
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    const response = await post(`http://127.0.0.1:${port}/hooks/${SECRET}`, recordUpdateText);
    expect(response.status).toBe(200);
    expect(events).toHaveLength(1);
  });
});

describe("answering and de-duplication", () => {
  it('answers 200 before slow callbacks finish with respond: "accept" (the default)', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const done: string[] = [];
    const hook = await receiver({
      respond: undefined, // the default
      on: {
        record: async () => {
          await gate;
          done.push("record");
        },
      },
    });
    const response = await post(hook.url, recordUpdateText);
    expect(response.status).toBe(200);
    expect(done).toEqual([]); // the callback is still waiting at its gate
    release();
    await new Promise((resolve) => setImmediate(resolve));
    expect(done).toEqual(["record"]);
  });

  it('answers 500 with respond: "process" when a callback fails, and processes the retry', async () => {
    let calls = 0;
    const hook = await receiver({
      dedupe: true,
      on: {
        record: () => {
          calls++;
          if (calls === 1) throw new Error("database busy");
        },
      },
    });
    expect((await post(hook.url, recordUpdateText)).status).toBe(500);
    expect(hook.errors).toHaveLength(1);
    expect((await post(hook.url, recordUpdateText)).status).toBe(200);
    expect(calls).toBe(2);
    // The third copy is a duplicate of a processed delivery.
    const third = await post(hook.url, recordUpdateText);
    expect(await third.json()).toEqual({ ok: true, events: 0, duplicates: 1 });
    expect(calls).toBe(2);
  });

  it("processes a repeated delivery once, and a changed entity again", async () => {
    const duplicates: WebhookEvent[] = [];
    const store = new MemoryDedupeStore();
    const hook = await receiver({ dedupe: { store }, onDuplicate: (e) => void duplicates.push(e) });
    const changed = JSON.parse(recordUpdateText);
    changed.data.comment = "moved to 13:00";
    for (const body of [recordUpdateText, recordUpdateText, JSON.stringify(changed)]) {
      expect((await post(hook.url, body)).status).toBe(200);
    }
    expect(hook.events).toHaveLength(2);
    expect(duplicates).toHaveLength(1);
    expect(store.size).toBe(1); // one entity, its last delivery
  });

  it("processes a staff change A → B → A three times (staff data carry no change time)", async () => {
    const hook = await receiver({ dedupe: true });
    const staff = (name: string) =>
      JSON.stringify({ company_id: 4564, resource: "staff", resource_id: 7, status: "update", data: { id: 7, name } });
    for (const name of ["A", "B", "A"]) {
      expect(await (await post(hook.url, staff(name))).json()).toEqual({ ok: true, events: 1, duplicates: 0 });
    }
    expect(hook.events.map((e) => (e as { data: { name: string } }).data.name)).toEqual(["A", "B", "A"]);
    // An exact redelivery of the last one is still a duplicate.
    expect(await (await post(hook.url, staff("A"))).json()).toEqual({ ok: true, events: 0, duplicates: 1 });
    expect(hook.events).toHaveLength(3);
  });

  it("does not de-duplicate unless asked", async () => {
    const hook = await receiver();
    await post(hook.url, recordUpdateText);
    await post(hook.url, recordUpdateText);
    expect(hook.events).toHaveLength(2);
  });
});

describe("WHATWG handler (Next.js, Workers, Deno, Bun, Hono)", () => {
  const handler = (options: WebhookReceiverOptions = {}) =>
    createWebhookHandler({ urlSecret: SECRET, respond: "process", ...options });
  const request = (body: BodyInit, url = `https://partner.example/api/yclients?token=${SECRET}`) =>
    new Request(url, { method: "POST", body, headers: { "content-type": "application/json" } });

  it("accepts a good event and refuses a bad one", async () => {
    const events: WebhookEvent[] = [];
    const handle = handler({ onEvent: (e) => void events.push(e) });
    expect((await handle(request(recordUpdateText))).status).toBe(200);
    expect((await handle(request("<html></html>"))).status).toBe(400);
    expect((await handle(request(recordUpdateText, "https://partner.example/api/yclients"))).status).toBe(401);
    expect(events).toHaveLength(1);
  });

  it("stops reading a streamed body past the limit (no content-length) with 413", async () => {
    let pulled = 0;
    const chunk = new Uint8Array(64 * 1024).fill(0x20);
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled++;
        if (pulled > 160)
          controller.close(); // 10 MB in all
        else controller.enqueue(chunk);
      },
    });
    const response = await handler({ maxBodyBytes: 256 * 1024 })(
      new Request(`https://partner.example/h?token=${SECRET}`, {
        method: "POST",
        body: stream,
        duplex: "half",
      } as RequestInit),
    );
    expect(response.status).toBe(413);
    expect(pulled).toBeLessThan(10); // it gave up near the limit, not after 10 MB
  });

  it("refuses a declared content-length over the limit without reading", async () => {
    const response = await handler({ maxBodyBytes: 1000 })(
      new Request(`https://partner.example/h?token=${SECRET}`, {
        method: "POST",
        body: "x".repeat(2000),
        headers: { "content-length": "2000" },
      }),
    );
    expect(response.status).toBe(413);
  });
});

describe("secrets", () => {
  it("never appear in an error, its JSON, its stack or util.inspect", async () => {
    const errors: unknown[] = [];
    const handle = createWebhookHandler({
      urlSecret: SECRET,
      partnerToken: PARTNER,
      onError: (e) => void errors.push(e),
    });
    const wrongSecret = `${SECRET.slice(0, -1)}Y`;
    const wrongPartner = marketplaceUninstallText.replace(PARTNER, "fake_partner_token_0000000009");
    await handle(new Request(`https://p.example/h/${wrongSecret}`, { method: "POST", body: recordUpdateText }));
    await handle(new Request(`https://p.example/h/${SECRET}`, { method: "POST", body: wrongPartner }));
    const responses = [
      await handle(new Request(`https://p.example/h/${wrongSecret}`, { method: "POST", body: recordUpdateText })),
    ];
    expect(errors).toHaveLength(3);
    const printed = [
      ...errors.flatMap((e) => [JSON.stringify(e), inspect(e, { depth: 5 }), (e as Error).stack ?? "", String(e)]),
      ...(await Promise.all(responses.map((r) => r.text()))),
    ].join("\n");
    for (const secret of [SECRET, wrongSecret, PARTNER, "fake_partner_token_0000000009"]) {
      expect(printed).not.toContain(secret);
    }
    expect(printed).toContain("bad-url-secret");
  });

  it("refuses a URL secret short enough to guess", () => {
    expect(() => createWebhookHandler({ urlSecret: "short" })).toThrow(/at least 16/);
  });
});
