// The parser: the production record payload, the marketplace sample, batches, unknown resources and
// every kind of bad body, each refused with a typed 400 that names no secret.
import { inspect } from "node:util";
import { parseWebhook, webhookDeliveryKey, YclientsWebhookError, type WebhookEvent } from "../../src/webhooks/index";
import { parseYclientsDate } from "../../src/index";
import { marketplaceUninstallText, recordUpdateText, webhookSchemaError } from "./samples";

function refusal(body: unknown): YclientsWebhookError {
  try {
    parseWebhook(body);
  } catch (error) {
    if (error instanceof YclientsWebhookError) return error;
    throw error;
  }
  throw new Error("parseWebhook accepted the body");
}

describe("the production record payload", () => {
  it("validates against the spec's record webhook schema", () => {
    expect(webhookSchemaError("record", JSON.parse(recordUpdateText))).toBeUndefined();
  });

  it("would not validate with a wrong envelope (the check can fail)", () => {
    const body = JSON.parse(recordUpdateText);
    expect(webhookSchemaError("record", { ...body, status: 5 })).toMatch(/status/);
    expect(webhookSchemaError("record", { ...body, resource: "records" })).toMatch(/resource/);
    expect(webhookSchemaError("record", { ...body, data: { ...body.data, services: undefined } })).toMatch(/services/);
  });

  it("parses from a string, bytes and parsed JSON into the same typed record event", () => {
    const fromText = parseWebhook(recordUpdateText);
    const fromBytes = parseWebhook(new TextEncoder().encode(recordUpdateText));
    const fromJson = parseWebhook(JSON.parse(recordUpdateText));
    for (const events of [fromText, fromBytes, fromJson]) {
      expect(events).toHaveLength(1);
      const [event] = events;
      if (event.resource !== "record") throw new Error(`expected a record event, got ${event.resource}`);
      expect(event.status).toBe("update");
      expect(event.resource_id).toBe(122641972);
      expect(event.data.services[0].cost).toBe(1700);
      expect(event.data.deleted).toBe(false);
      // Dates are left as sent: three formats in one payload.
      expect([event.data.date, event.data.datetime, event.data.create_date]).toEqual([
        "2019-07-21 12:00:00",
        "2019-07-21T12:00:00+03:00",
        "2019-07-21T12:27:06+0300",
      ]);
    }
  });
});

describe("dates in data", () => {
  it("are read with parseYclientsDate, whatever their form", () => {
    const [event] = parseWebhook(recordUpdateText);
    if (event.resource !== "record") throw new Error("expected a record event");
    const when = [event.data.date, event.data.datetime, event.data.create_date].map((v) =>
      parseYclientsDate(v, { timeZone: "Europe/Moscow" })?.toISOString(),
    );
    expect(when).toEqual(["2019-07-21T09:00:00.000Z", "2019-07-21T09:00:00.000Z", "2019-07-21T09:27:06.000Z"]);
  });
});

describe("batches, unknown resources and marketplace events", () => {
  it("accepts an array of events and keeps their order", () => {
    const record = JSON.parse(recordUpdateText);
    const events = parseWebhook([record, { ...record, status: "delete", data: { ...record.data, deleted: true } }]);
    expect(events.map((e) => (e.resource === undefined ? e.event : e.status))).toEqual(["update", "delete"]);
  });

  it("types an unknown resource as an unknown event instead of failing", () => {
    const [event] = parseWebhook({
      company_id: 4564,
      resource: "wallet",
      resource_id: "77",
      status: "create",
      data: { id: 77 },
    });
    expect(event).toEqual({
      resource: "unknown",
      sentResource: "wallet",
      company_id: 4564,
      resource_id: "77",
      status: "create",
      data: { id: 77 },
    });
  });

  it("keeps a known resource whose status is newer than the SDK (the spec allows any status)", () => {
    const body = { ...JSON.parse(recordUpdateText), status: "restore" };
    expect(webhookSchemaError("record", body)).toBeUndefined();
    const [event] = parseWebhook(body);
    expect(event).toMatchObject({ resource: "record", status: "restore", resource_id: 122641972 });
    expect(event).not.toHaveProperty("sentResource");
  });

  it("takes Altegio's `salon` as the company event, and the spec accepts both names", () => {
    const company = { company_id: 4564, resource_id: 4564, status: "update", data: { id: 4564, title: "Salon" } };
    for (const name of ["company", "salon"]) {
      const [event] = parseWebhook({ ...company, resource: name });
      expect(event).toMatchObject({ resource: "company", resource_id: 4564, data: { title: "Salon" } });
      expect(webhookSchemaError("company", { ...company, resource: name })).toBeUndefined();
    }
    expect(webhookSchemaError("company", { ...company, resource: "location" })).toMatch(/resource/);
  });

  it("does not take an inherited property name for an alias", () => {
    const [event] = parseWebhook({
      company_id: 1,
      resource: "constructor",
      resource_id: 1,
      status: "update",
      data: {},
    });
    expect(event).toMatchObject({ resource: "unknown", sentResource: "constructor" });
  });

  it("types Altegio's loyalty_card and schedule events, their data left open", () => {
    for (const resource of ["loyalty_card", "schedule"]) {
      const body = { company_id: 4564, resource, resource_id: 31, status: "update", data: { id: 31, anything: [1] } };
      expect(webhookSchemaError(resource, body)).toBeUndefined();
      expect(webhookSchemaError(resource, { ...body, data: [] })).toMatch(/data/);
      const [event] = parseWebhook(body);
      expect(event).toMatchObject({ resource, resource_id: 31 });
    }
  });

  it("parses the marketplace sample, which matches the spec, and hides its partner token from output", () => {
    expect(webhookSchemaError("marketplace_application", JSON.parse(marketplaceUninstallText))).toBeUndefined();
    const [event] = parseWebhook(marketplaceUninstallText);
    if (event.resource !== undefined) throw new Error("expected a marketplace event");
    expect(event).toMatchObject({ salon_id: 123, application_id: 123, event: "uninstall" });
    expect(event.partner_token).toBe("fake_partner_token_0000000000");
    expect(JSON.stringify(event)).not.toContain("fake_partner_token");
    expect(inspect(event, { depth: 5 })).not.toContain("fake_partner_token");
    expect(JSON.stringify({ ...event })).not.toContain("fake_partner_token");
  });
});

describe("bad bodies", () => {
  const record = () => JSON.parse(recordUpdateText);
  it.each([
    ["an HTML page", "<html><body><h1>502 Bad Gateway</h1></body></html>", "not-json"],
    ["truncated JSON", recordUpdateText.slice(0, recordUpdateText.length / 2), "not-json"],
    ["an empty body", "", "not-json"],
    ["bytes that are not UTF-8", new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]), "not-json"],
    ["a JSON string", '"record"', "not-an-event"],
    ["null", "null", "not-an-event"],
    ["an object without resource or event", { hello: 1 }, "not-an-event"],
  ])("refuses %s with a 400", (_name, body, reason) => {
    const error = refusal(body);
    expect(error.reason).toBe(reason);
    expect(error.status).toBe(400);
  });

  it("names every envelope problem", () => {
    const { company_id: _company, ...noCompany } = record();
    const error = refusal({ ...noCompany, resource_id: "12a", data: [] });
    expect(error.message).toMatch(/company_id must be an integer; resource_id must be an integer; data must be/);
  });

  it("refuses the whole batch when one item is bad, saying which", () => {
    const error = refusal([record(), { ...record(), status: 5 }]);
    expect(error.message).toMatch(/^item 1: status must be/);
  });

  it("does not echo the body in the error", () => {
    const error = refusal('{"partner_token": "super-secret-value-123", "oops": ');
    expect(JSON.stringify(error)).not.toContain("super-secret");
    expect(inspect(error)).not.toContain("super-secret");
    expect(error.stack).not.toContain("super-secret");
  });
});

describe("delivery keys", () => {
  it("are equal for a repeated delivery and differ when the data changed", () => {
    const body = JSON.parse(recordUpdateText);
    const key = (value: unknown) => webhookDeliveryKey(parseWebhook(value)[0] as WebhookEvent);
    const reordered = Object.fromEntries(Object.entries(body.data).reverse());
    expect(key(body)).toEqual(key(JSON.parse(recordUpdateText)));
    expect(key(body)).toEqual(key({ ...body, data: reordered }));
    expect(key(body).fingerprint).not.toBe(key({ ...body, data: { ...body.data, comment: "moved" } }).fingerprint);
    expect(key(body).fingerprint).not.toBe(key({ ...body, status: "delete" }).fingerprint);
    expect(key(body).entity).toBe("record:199630:122641972");
    expect(key(body).fingerprint).toMatch(/^update:[0-9a-f]{16}$/);
  });
});
