// The CRUD engine on an area declared and nothing else (collections/custom-fields.ts), through raw HTTP: the
// list per category and company, create (the documented answer), update (202, data null), delete, 404 for an
// unknown id or company, and the request schema's type check.
import { startYclientsSimulator, type YclientsSimulator } from "../../src/testing/index";

let sim: YclientsSimulator;
let companyId: number;
const USER = "sim-user-token-for-engine";

beforeAll(async () => {
  sim = await startYclientsSimulator({
    rateLimit: false,
    today: "2026-03-10",
    users: [{ login: "79000000001", password: "pw", token: USER }],
  });
  companyId = sim.state.companies[0].id;
});
afterAll(() => sim.close());

async function call(method: string, path: string, body?: unknown) {
  const res = await fetch(`${sim.url}${path}`, {
    method,
    headers: {
      accept: "application/vnd.yclients.v2+json",
      authorization: `Bearer ${sim.partnerToken}, User ${USER}`,
      ...(body === undefined ? {} : { "content-type": "application/json" }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, body: res.status === 204 ? undefined : ((await res.json()) as any) };
}

test("a custom field's life: listed per category, created, changed, deleted", async () => {
  const seeded = await call("GET", `/custom_fields/client/${companyId}`);
  expect(seeded.status).toBe(200);
  expect(seeded.body.data.map((f: any) => f.custom_field.code)).toEqual(["my_text_field"]);

  const created = await call("POST", `/custom_fields/record/${companyId}`, {
    type: "number",
    code: "bonus",
    title: "Бонус",
    user_can_edit: false,
  });
  expect(created.status).toBe(200);
  expect(created.body).toMatchObject({
    success: true,
    data: { salon_id: companyId, custom_field: { code: "bonus", type: { code: "number", title: "Число" } } },
  });
  const id = created.body.data.id as number;
  const records = await call("GET", `/custom_fields/record/${companyId}`);
  expect(records.body.data.map((f: any) => f.id)).toContain(id);
  const clients = await call("GET", `/custom_fields/client/${companyId}`);
  expect(clients.body.data.map((f: any) => f.id)).not.toContain(id);

  const changed = await call("PUT", `/custom_fields/record/${companyId}/${id}`, { title: "Бонусы" });
  expect(changed).toEqual({ status: 202, body: { success: true, data: null, meta: { message: "Сохранено" } } });
  const after = await call("GET", `/custom_fields/record/${companyId}`);
  expect(after.body.data.find((f: any) => f.id === id).custom_field.title).toBe("Бонусы");

  expect((await call("DELETE", `/custom_fields/record/${companyId}/${id}`)).status).toBe(200);
  expect((await call("DELETE", `/custom_fields/record/${companyId}/${id}`)).status).toBe(404);
});

test("an unknown company or id is 404; a field of the wrong type is refused with meta.errors", async () => {
  expect((await call("GET", `/custom_fields/client/987654`)).status).toBe(404);
  expect((await call("PUT", `/custom_fields/client/${companyId}/987654`, { title: "x" })).status).toBe(404);
  const wrong = await call("POST", `/custom_fields/client/${companyId}`, {
    type: "text",
    code: "c",
    title: "t",
    show_in_ui: { yes: true },
  });
  expect(wrong.status).toBe(422);
  expect(wrong.body.meta.errors).toEqual({ show_in_ui: ["Неверный тип значения"] });
});
