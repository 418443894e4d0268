// End to end: the simulator serves /hooks_settings, registerWebhook() adds a receiver on 127.0.0.1, and a
// booking, a move and a cancellation made through the SDK arrive there as webhooks, in order, typed,
// and matching the spec's webhook schemas. Failed deliveries are retried; the log masks URL secrets.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { YclientsClient } from "../../src/index";
import { startYclientsSimulator, type YclientsSimulator } from "../../src/testing/index";
import { createNodeWebhookHandler, registerWebhook, type WebhookEvent } from "../../src/webhooks/index";
import { webhookSchemaError } from "./samples";

const SECRET = "sim-hook-secret-4f9a2c71b8";

let sim: YclientsSimulator;
let yc: YclientsClient;
let companyId: number;
const servers: Server[] = [];

interface Receiver {
  url: string;
  events: WebhookEvent[];
  bodies: unknown[];
  /** Answers 500 to the next `n` deliveries. */
  failNext(n: number): void;
}

async function startReceiver(path: string): Promise<Receiver> {
  const events: WebhookEvent[] = [];
  const bodies: unknown[] = [];
  let failures = 0;
  const handle = createNodeWebhookHandler({ urlSecret: SECRET, onEvent: (e) => void events.push(e) });
  const server = createServer((req, res) => {
    if (failures > 0) {
      failures--;
      req.resume();
      res.writeHead(500).end();
      return;
    }
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const text = Buffer.concat(chunks).toString("utf8");
      bodies.push(JSON.parse(text));
      Object.assign(req, { body: text });
      void handle(req, res);
    });
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}${path}`, events, bodies, failNext: (n) => (failures = n) };
}

beforeAll(async () => {
  sim = await startYclientsSimulator({ rateLimit: false, webhooks: { retryDelayMs: 5 } });
  // A signed-in administrator (the token POST /auth hands out for the seeded staff user).
  companyId = sim.state.companies[0].id;
  yc = new YclientsClient({
    partnerToken: sim.partnerToken,
    baseUrl: sim.url,
    companyId,
    userToken: sim.state.staffUsers[0].token,
    rateLimit: false, // the simulator's limit is off too; the limiter is tested in test/ratelimit
  });
});
afterAll(async () => {
  await sim?.close();
  await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
});

const OLGA = { phone: "79161239876", fullname: "Ольга Вебхукова" };

/** Books online as the same client each time (so after the first booking only the record is new), at the n-th free time. */
async function bookAsOlga(slot: number) {
  const free = await bookableSlot();
  const { data: booked } = await yc.POST("/book_record/{company_id}", {
    params: { path: { company_id: companyId } },
    body: {
      ...OLGA,
      appointments: [{ id: 1, services: [free.serviceId], staff_id: free.staffId, datetime: free.datetimes[slot] }],
    },
  });
  return { ...free, booked };
}

async function bookableSlot(): Promise<{ serviceId: number; staffId: number; datetimes: string[] }> {
  const path = { company_id: companyId };
  const { data: services } = await yc.GET("/book_services/{company_id}", { params: { path } });
  const serviceId = Number(services.data.services![0].id);
  const { data: staff } = await yc.GET("/book_staff/{company_id}", {
    params: { path, query: { service_ids: [serviceId] } },
  });
  const staffId = Number(staff.data.find((s) => s.bookable !== false)!.id);
  const { data: dates } = await yc.GET("/book_dates/{company_id}", {
    params: { path, query: { staff_id: staffId, service_ids: [serviceId] } },
  });
  const date = String(dates.data.booking_dates![0]);
  const { data: times } = await yc.GET("/book_times/{company_id}/{staff_id}/{date}", {
    params: { path: { company_id: companyId, staff_id: staffId, date }, query: { service_ids: [serviceId] } },
  });
  return { serviceId, staffId, datetimes: times.data.map((t) => String(t.datetime)) };
}

describe("the simulator sends webhooks", () => {
  let main: Receiver;
  let other: Receiver;

  it("registerWebhook adds a URL and flags without dropping the URLs and flags already there", async () => {
    other = await startReceiver(`/other?token=${SECRET}`);
    main = await startReceiver(`/yclients/${SECRET}`);
    await yc.POST("/hooks_settings/{company_id}", {
      params: { path: { company_id: companyId } },
      body: { urls: [other.url], active: 0, service: 1 },
    });
    const settings = await registerWebhook(yc, { url: main.url, resources: ["record", "client"] });
    expect(settings).toMatchObject({ urls: [other.url, main.url], active: 1, record: 1, client: 1, service: 1 });
    // Registering again changes nothing.
    const again = await registerWebhook(yc, { url: main.url, resources: ["record"], companyId });
    expect(again.urls).toEqual([other.url, main.url]);
    const { data } = await yc.GET("/hooks_settings/{company_id}", { params: { path: { company_id: companyId } } });
    expect(data.data).toEqual(again);
  });

  it("hooksSettings.get / update (the friendly methods) read and replace the settings", async () => {
    const before = await yc.hooksSettings.get();
    const updated = await yc.hooksSettings.update({ urls: [...before.data.urls], active: 1, service_category: 1 });
    expect(updated.status).toBe(201);
    expect(updated.data).toMatchObject({ urls: before.data.urls, active: 1, service_category: 1, record: 1 });
    await yc.hooksSettings.update({ urls: [...before.data.urls], active: 1, service_category: 0 });
    expect((await yc.hooksSettings.get(undefined, { companyId })).data.service_category).toBe(0);
  });

  it("delivers a booking, a move and a cancellation in order, typed and valid against the spec", async () => {
    const { serviceId, staffId, datetimes, booked } = await bookAsOlga(0);
    const recordId = Number(booked.data[0].record_id);
    const hash = String(booked.data[0].record_hash);
    await yc.PUT("/book_record/{company_id}/{record_id}", {
      params: { path: { company_id: companyId, record_id: recordId } },
      body: { datetime: datetimes[datetimes.length - 1] },
    });
    await yc.DELETE("/user/records/{record_id}/{record_hash}", {
      params: { path: { record_id: recordId, record_hash: hash } },
    });
    await sim.webhooksIdle();

    const summary = main.events.map((e) => (e.resource === undefined ? "marketplace" : `${e.resource}:${e.status}`));
    expect(summary).toEqual(["client:create", "record:create", "record:update", "record:delete"]);
    expect(other.events).toHaveLength(4);

    const [client, created, moved, cancelled] = main.events;
    if (client.resource !== "client") throw new Error("expected the client first");
    expect(String(client.data.phone)).toContain(OLGA.phone);
    for (const event of [created, moved, cancelled]) {
      if (event.resource !== "record") throw new Error("expected record events");
      expect(event.resource_id).toBe(recordId);
      expect(event.data.services[0].id).toBe(serviceId);
      expect(event.data.staff_id).toBe(staffId);
    }
    if (created.resource !== "record" || moved.resource !== "record" || cancelled.resource !== "record") return;
    expect(created.data.datetime).toBe(datetimes[0].replace(/(\d\d)(\d\d)$/, "$1:$2"));
    expect(moved.data.datetime).not.toBe(created.data.datetime);
    expect([created.data.deleted, moved.data.deleted, cancelled.data.deleted]).toEqual([false, false, true]);

    // Every body the simulator sent matches the spec's webhook schema for its resource.
    for (const body of main.bodies as Array<{ resource: string }>) {
      expect(webhookSchemaError(body.resource, body)).toBeUndefined();
    }
  });

  it("retries a failed delivery and logs what it sent with the URL secret masked", async () => {
    const before = sim.webhookDeliveries.length;
    main.failNext(2);
    await bookAsOlga(1);
    await sim.webhooksIdle();
    const sent = sim.webhookDeliveries.slice(before);
    // The client exists now: only the record is reported, to both URLs.
    expect(sent.map((d) => [d.resource, d.status, d.outcome])).toEqual([
      ["record", "create", "delivered"],
      ["record", "create", "delivered"],
    ]);
    const toMain = sent.find((d) => d.url.includes("/yclients/"))!;
    expect(toMain.attempts).toBe(3);
    expect(toMain.responseStatus).toBe(200);
    expect(toMain.url).toBe(main.url.replace(SECRET, "[REDACTED]"));
    expect(sent.find((d) => d !== toMain)!.url).toBe(other.url.replace(SECRET, "[REDACTED]"));
    expect(JSON.stringify(sim.webhookDeliveries)).not.toContain(SECRET);
    // The registration's request bodies (`urls`) are masked in the request log too.
    const registrations = sim.requests.filter((r) => r.path.startsWith("/hooks_settings/") && r.method === "POST");
    expect(registrations.length).toBeGreaterThan(0);
    expect(JSON.stringify(registrations[registrations.length - 1].body)).toContain("[REDACTED]");
    expect(JSON.stringify(sim.requests)).not.toContain(SECRET);
    expect(main.events.at(-1)).toMatchObject({ resource: "record", status: "create" });
  });

  it("gives up after the attempts and says so", async () => {
    const before = sim.webhookDeliveries.length;
    main.failNext(3);
    await bookAsOlga(2);
    await sim.webhooksIdle();
    const toMain = sim.webhookDeliveries.slice(before).find((d) => d.url.includes("/yclients/"))!;
    expect(toMain).toMatchObject({ outcome: "failed", attempts: 3, responseStatus: 500 });
  });

  it("sends nothing while the settings are inactive", async () => {
    await yc.POST("/hooks_settings/{company_id}", {
      params: { path: { company_id: companyId } },
      body: { urls: [main.url], active: 0 },
    });
    const before = sim.webhookDeliveries.length;
    const { serviceId, staffId, datetimes } = await bookableSlot();
    await yc.POST("/book_record/{company_id}", {
      params: { path: { company_id: companyId } },
      body: {
        phone: "79161239877",
        fullname: "Пётр Тишин",
        appointments: [{ id: 1, services: [serviceId], staff_id: staffId, datetime: datetimes[3] }],
      },
    });
    await sim.webhooksIdle();
    expect(sim.webhookDeliveries.length).toBe(before);
  });

  it("reports the staff side too: clients and records created, changed and deleted", async () => {
    await yc.POST("/hooks_settings/{company_id}", {
      params: { path: { company_id: companyId } },
      body: { urls: [main.url], active: 1, record: 1, client: 1 },
    });
    const seen = main.events.length;
    const company = { company_id: companyId };
    const { data: created } = await yc.POST("/clients/{company_id}", {
      params: { path: company },
      body: { name: "Инна", phone: "79161110001" },
    });
    const clientId = Number((created.data as { id: number }).id);
    await yc.PUT("/client/{company_id}/{id}", {
      params: { path: { ...company, id: clientId } },
      body: { name: "Инна", phone: "79161110001", comment: "VIP" },
    });
    const { serviceId, staffId, datetimes } = await bookableSlot();
    const { data: booked } = await yc.POST("/records/{company_id}", {
      params: { path: company },
      body: {
        staff_id: staffId,
        services: [{ id: serviceId }],
        client: { phone: "79161110002", name: "Карл" },
        datetime: datetimes[0],
        seance_length: 3600,
      },
    });
    const recordId = Number((Array.isArray(booked.data) ? booked.data[0] : booked.data).id);
    await yc.PUT("/record/{company_id}/{record_id}", {
      params: { path: { ...company, record_id: recordId } },
      body: { comment: "перенос", datetime: datetimes[1] },
    });
    await yc.DELETE("/record/{company_id}/{record_id}", { params: { path: { ...company, record_id: recordId } } });
    await yc.DELETE("/client/{company_id}/{id}", { params: { path: { ...company, id: clientId } } });
    await sim.webhooksIdle();

    const events = main.events.slice(seen);
    expect(events.map((e) => (e.resource === undefined ? "?" : `${e.resource}:${e.status}`))).toEqual([
      "client:create",
      "client:update",
      "client:create",
      "record:create",
      "record:update",
      "record:delete",
      "client:delete",
    ]);
    const last = events[events.length - 1];
    if (last.resource !== "client") throw new Error("expected the client's deletion last");
    expect(last.resource_id).toBe(clientId);
    expect(last.data).toMatchObject({ id: clientId, comment: "VIP", deleted: true });
    for (const body of main.bodies.slice(seen) as Array<{ resource: string }>) {
      expect(webhookSchemaError(body.resource, body)).toBeUndefined();
    }
  });
});
