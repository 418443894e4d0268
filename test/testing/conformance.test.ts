// Drives the simulator through every operation of the spec, with valid requests and with the
// usual error cases, and validates every answer against the spec's response schemas.
import specJson from "../../generated/openapi.json";
import { createSpecValidator } from "../../scripts/spec-validator";
import { resolveRef } from "../../src/resolve-ref";
import { customFieldsOf } from "../../src/testing/collections/custom-fields";
import { handlerTable } from "../../src/testing/handlers/index";
import { operationIndex, type OperationEntry } from "../../src/testing/spec-index";
import type { YclientsSimulator } from "../../src/testing/index";
import { addDays } from "../../src/testing/time";
import { crmBody, crmPathValue, crmQuery } from "./crm/conformance-fixtures";
import { eventBody, eventPathValue } from "./crm/event-conformance-fixtures";
import { loyaltyBody, loyaltyPathValue, loyaltyQuery } from "./loyalty/conformance-fixtures";
import { moneyBody, moneyPathValue } from "./money/conformance-fixtures";
import { call, findFreeSlot, start, TODAY, type CallOptions, type CallResult } from "../helpers/simulator";

const spec = specJson as any;
const validator = createSpecValidator(spec);
const handlers = handlerTable();

let sim: YclientsSimulator;
/** A record booked in setup, used by the record operations. */
let booked: { companyId: number; staffId: number; recordId: number; hash: string; date: string };

beforeAll(async () => {
  sim = await start();
  const slot = await findFreeSlot(sim);
  const res = await call(sim, "POST", `/book_record/${slot.companyId}`, {
    body: {
      phone: "79001112233",
      fullname: "Проверка Записи",
      appointments: [{ id: 1, services: [slot.serviceId], staff_id: slot.staffId, datetime: slot.datetime }],
    },
  });
  expect(res.status).toBe(201);
  booked = {
    companyId: slot.companyId,
    staffId: slot.staffId,
    recordId: res.body.data[0].record_id,
    hash: res.body.data[0].record_hash,
    date: slot.date,
  };
});

afterAll(() => sim.close());

/** Every parameter of an operation (path-level and operation-level), with $refs resolved. */
function parametersOf(op: OperationEntry): any[] {
  const item = spec.paths[op.path];
  return [...(item.parameters ?? []), ...(item[op.method.toLowerCase()].parameters ?? [])].map((p) =>
    resolveRef(spec, p),
  );
}

function parameter(op: OperationEntry, name: string): any {
  return parametersOf(op).find((p: any) => p.name === name);
}

/** A valid value for a path parameter, taken from the seeded state where it names one. */
function pathValue(op: OperationEntry, name: string): string {
  const { state } = sim;
  const company = state.companies.find((c) => c.id === booked.companyId)!;
  const staff = state.staff.find((s) => s.id === booked.staffId)!;
  const service = state.services.find((s) => s.id === staff.service_ids[0])!;
  const category = state.serviceCategories.find((c) => c.id === service.category_id)!;
  const loyaltyValue = loyaltyPathValue(state, op, name, company.id);
  if (loyaltyValue !== undefined) return loyaltyValue;
  const moneyValue = moneyPathValue(state, op, name, company.id);
  if (moneyValue !== undefined) return moneyValue;
  const crmValue = crmPathValue(state, op, name, company.id, booked.recordId);
  if (crmValue !== undefined) return crmValue;
  const eventValue = eventPathValue(state, op, name, company.id);
  if (eventValue !== undefined) return eventValue;
  switch (name) {
    case "company_id":
    case "salon_id":
      return String(company.id);
    case "id":
      if (op.path.startsWith("/company/{id}")) return String(company.id);
      if (/service_categor/.test(op.path)) return String(category.id);
      break;
    case "staff_id":
    case "master_id":
      return String(staff.id);
    case "service_id":
      return String(service.id);
    case "record_id":
      return String(booked.recordId);
    case "record_hash":
      return booked.hash;
    case "chain_id":
      return String(state.chain.id);
    case "position_id":
      return String(state.positions[0].id);
    case "field_id":
      return String(customFieldsOf(state).find((f) => f.company_id === company.id && f.category === "client")!.id);
    case "date":
      return booked.date;
    case "start_date":
      return TODAY;
    case "end_date":
      return addDays(TODAY, 6);
  }
  const p = parameter(op, name);
  return String(p?.example ?? p?.schema?.example ?? 1);
}

function pathOf(op: OperationEntry, override?: (name: string) => string | undefined): string {
  return op.path.replace(/\{([^}]+)\}/g, (_, name: string) =>
    encodeURIComponent(override?.(name) ?? pathValue(op, name)),
  );
}

function requestExample(op: OperationEntry): unknown {
  const media = spec.paths[op.path][op.method.toLowerCase()].requestBody?.content?.["application/json"];
  if (!media) return undefined;
  return media.example ?? Object.values<any>(media.examples ?? {})[0]?.value;
}

/** The spec's request example, adjusted where it must match the seeded state to succeed. */
async function bodyFor(op: OperationEntry): Promise<unknown> {
  const { state } = sim;
  switch (op.key) {
    case "POST /auth":
      return { login: state.staffUsers[0].login, password: state.staffUsers[0].password };
    case "POST /booking/auth":
      return { login: state.bookingUsers[1].login, password: state.bookingUsers[1].password };
    case "POST /user/auth":
      state.smsCodes.set("79005554433", state.smsCode);
      return { phone: "79005554433", code: state.smsCode };
    case "POST /book_check/{company_id}":
    case "POST /book_record/{company_id}": {
      const slot = await findFreeSlot(sim);
      return {
        ...(requestExample(op) as object),
        code: undefined,
        appointments: [{ id: 1, services: [slot.serviceId], staff_id: slot.staffId, datetime: slot.datetime }],
      };
    }
    case "PUT /book_record/{company_id}/{record_id}": {
      const times = await call(sim, "GET", `/book_times/${booked.companyId}/${booked.staffId}/${booked.date}`);
      return { datetime: times.body.data[0].datetime, comment: "Перенос" };
    }
    case "PUT /booking/user": {
      const example = requestExample(op) as Record<string, unknown>;
      state.smsCodes.set(String(example.phone), state.smsCode);
      return { ...example, confirmation_code: state.smsCode };
    }
    case "PUT /booking/user/password":
      return { old_password: state.bookingUsers[0].password, new_password: "new-password-1" };
  }
  return (
    loyaltyBody(state, op, booked.companyId) ??
    moneyBody(state, op, booked.companyId) ??
    crmBody(state, op, booked.companyId, booked.recordId, requestExample(op)) ??
    eventBody(state, op, booked.companyId, requestExample(op)) ??
    requestExample(op)
  );
}

function queryFor(op: OperationEntry): Record<string, string> {
  const loyalty = loyaltyQuery(sim.state, op, booked.companyId);
  if (loyalty) return loyalty;
  const out: Record<string, string> = {};
  for (const p of parametersOf(op)) {
    if (p.in === "query" && p.required) out[p.name] = String(p.example ?? p.schema?.example ?? "1");
  }
  return { ...out, ...crmQuery(sim.state, op, booked.recordId) };
}

/** The user token an operation needs: a booking client's for the client's own data. */
function userFor(op: OperationEntry): string | undefined {
  if (!op.userToken) return undefined;
  return op.tags.some((t) => t === "booking_users" || t === "user_records")
    ? sim.state.bookingUsers[0].token
    : sim.state.staffUsers[0].token;
}

const failures: string[] = [];
beforeEach(() => {
  failures.length = 0;
});

function check(label: string, op: OperationEntry, res: CallResult, expected?: (status: number) => boolean): void {
  if (expected && !expected(res.status))
    failures.push(`${label} ${op.key}: unexpected status ${res.status} ${res.text.slice(0, 200)}`);
  if (!res.headers.get("x-request-id")) failures.push(`${label} ${op.key}: no x-request-id`);
  // A file (the visit receipt PDF) is checked against the schema of its own media type.
  const media = res.headers.get("content-type")?.split(";")[0];
  const error = validator.response(
    op.path,
    op.method,
    String(res.status),
    res.body,
    media && media !== "application/json" && res.status < 300 ? media : undefined,
  );
  if (error) failures.push(`${label} ${op.key} ${res.status}: ${error}`);
}

// Deletes go last so that the objects they remove are still there for the other operations.
const ordered = [...operationIndex()].sort((a, b) => Number(a.method === "DELETE") - Number(b.method === "DELETE"));

test("every stateful handler is bound to an operation of the spec", () => {
  const keys = new Set(operationIndex().map((op) => op.key));
  expect(Object.keys(handlers).filter((key) => !keys.has(key))).toEqual([]);
});

test("every operation answers a valid request with a documented success that matches its schema", async () => {
  for (const op of ordered) {
    const body = await bodyFor(op);
    const res = await call(sim, op.method, pathOf(op), { user: userFor(op), body, query: queryFor(op) });
    check("success", op, res, (s) => s >= 200 && s < 300);
  }
  expect(failures).toEqual([]);
  expect(ordered.length).toBeGreaterThan(3);
});

test("every operation answers auth, header, body and id errors in documented shapes", async () => {
  const errors: Array<[string, OperationEntry, CallOptions & { path?: string }, number]> = [];
  for (const op of operationIndex()) {
    errors.push(["no-auth", op, { authorization: null }, 401]);
    errors.push(["wrong-partner", op, { authorization: "Bearer not-the-partner-token" }, 401]);
    errors.push(["bad-accept", op, { accept: "application/json", user: userFor(op) }, 400]);
    if (op.userToken) {
      errors.push(["no-user", op, {}, 401]);
      errors.push(["bad-user", op, { user: "not-a-user-token" }, 401]);
    }
    if (spec.paths[op.path][op.method.toLowerCase()].requestBody) {
      errors.push(["bad-json", op, { user: userFor(op), rawBody: "{not json" }, 400]);
      if (op.requiredBodyFields.length && !handlers[op.key]?.validatesOwnBody) {
        errors.push(["missing-field", op, { user: userFor(op), body: {} }, op.statuses.has("422") ? 422 : 400]);
      }
    }
    if (handlers[op.key] && op.integerParams.length) {
      const unknown = pathOf(op, (name) => (op.integerParams.includes(name) ? "987654321" : undefined));
      errors.push(["unknown-id", op, { user: userFor(op), body: await bodyFor(op), path: unknown }, 404]);
    }
  }
  for (const [label, op, options, status] of errors) {
    const res = await call(sim, op.method, options.path ?? pathOf(op), { query: queryFor(op), ...options });
    check(label, op, res, (s) => s === status);
    if (label === "missing-field" && !res.body?.meta?.errors) failures.push(`${label} ${op.key}: no meta.errors`);
    if (status === 401 && !(res.body?.errors?.code === 401 && res.body?.meta?.message))
      failures.push(`${label} ${op.key}: 401 not in the errors shape`);
  }
  expect(failures).toEqual([]);
});

test("booking error codes come back in the documented 422/403 shape", async () => {
  const { state } = sim;
  const op = operationIndex().find((o) => o.key === "POST /book_record/{company_id}")!;
  const slot = await findFreeSlot(sim);
  const appointment = { id: 7, services: [slot.serviceId], staff_id: slot.staffId, datetime: slot.datetime };
  const base = { phone: "79001234567", fullname: "Анна Тестова", appointments: [appointment] };
  const other = state.services.find(
    (s) =>
      s.company_id === slot.companyId && !state.staff.find((m) => m.id === slot.staffId)!.service_ids.includes(s.id),
  );
  const cases: Array<[number, unknown]> = [
    [431, { ...base, phone: "12-ab" }],
    [432, { ...base, code: "0000" }],
    [433, { ...base, appointments: [{ ...appointment, datetime: `${slot.date}T03:00:00+03:00` }] }],
    [434, { ...base, phone: [...state.blacklistedPhones][0] }],
    [435, { ...base, fullname: " " }],
    [436, { ...base, appointments: [{ ...appointment, staff_id: 987654321 }] }],
    [437, { ...base, appointments: [appointment, { ...appointment, id: 8 }] }],
    [438, { ...base, appointments: [{ ...appointment, services: [987654321] }] }],
  ];
  if (other) cases.push([438, { ...base, appointments: [{ ...appointment, services: [other.id] }] }]);
  for (const [code, body] of cases) {
    const res = await call(sim, "POST", `/book_record/${slot.companyId}`, { body });
    check(`booking-${code}`, op, res, (s) => s === (code === 434 ? 403 : 422));
    expect(res.body).toMatchObject({
      success: false,
      data: null,
      meta: { message: expect.any(String) },
      errors: { code, message: expect.any(String) },
    });
  }
  expect(failures).toEqual([]);
});

test("a rate-limited answer matches the documented 429", async () => {
  const limited = await start({ rateLimit: { perSecond: 1, perMinute: 100 } });
  try {
    const op = operationIndex().find((o) => o.key === "GET /book_services/{company_id}")!;
    const path = `/book_services/${limited.state.companies[0].id}`;
    const first = await call(limited, "GET", path);
    const second = await call(limited, "GET", path);
    expect(first.status).toBe(200);
    expect(second.status).toBe(429);
    check("rate-limit", op, second, (s) => s === 429);
    expect(failures).toEqual([]);
  } finally {
    await limited.close();
  }
});

test("unknown paths and unsupported methods answer with the error envelope", async () => {
  const missing = await call(sim, "GET", "/no/such/path");
  expect(missing.status).toBe(404);
  expect(missing.body).toEqual({ success: false, data: null, meta: { message: expect.any(String) } });
  const method = await call(sim, "PATCH", "/auth", { body: {} });
  expect(method.status).toBe(405);
  expect(method.headers.get("allow")).toContain("POST");
  expect(method.body).toEqual({ success: false, data: null, meta: { message: expect.any(String) } });
});
