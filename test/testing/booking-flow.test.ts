// The online-booking flow end to end, as a widget would drive it, checking that every step
// sees the state the previous steps left behind.
import type { YclientsSimulator } from "../../src/testing/index";
import { call, start } from "../helpers/simulator";

let sim: YclientsSimulator;
beforeAll(async () => {
  sim = await start();
});
afterAll(() => sim.close());

test("services → staff → dates → times → check → record → read → cancel", async () => {
  const company = sim.state.companies[0];

  const services = await call(sim, "GET", `/book_services/${company.id}`);
  expect(services.status).toBe(200);
  const service = services.body.data.services[0];
  expect(service).toMatchObject({ id: expect.any(Number), title: expect.any(String), price_min: expect.any(Number) });
  expect(services.body.data.category.map((c: any) => c.id)).toContain(service.category_id);

  const staff = await call(sim, "GET", `/book_staff/${company.id}`, { query: { "service_ids[]": service.id } });
  const member = staff.body.data.find((m: any) => m.bookable);
  expect(member).toBeDefined();
  expect(sim.state.staff.find((s) => String(s.id) === member.id)!.service_ids).toContain(service.id);

  const dates = await call(sim, "GET", `/book_dates/${company.id}`, {
    query: { staff_id: member.id, "service_ids[]": service.id },
  });
  const date = dates.body.data.booking_dates[0];
  expect(date > sim.state.today).toBe(true);
  expect(dates.body.data.working_dates).toContain(date);
  expect(dates.body.data.booking_days[String(Number(date.slice(5, 7)))]).toContain(String(Number(date.slice(8, 10))));

  const times = await call(sim, "GET", `/book_times/${company.id}/${member.id}/${date}`, {
    query: { "service_ids[]": service.id },
  });
  expect(times.body.data.length).toBeGreaterThan(0);
  const slot = times.body.data[0];
  expect(slot).toEqual({
    time: expect.stringMatching(/^\d\d:\d\d$/),
    seance_length: expect.any(Number),
    datetime: expect.stringContaining(date),
  });

  const appointment = { id: 1, services: [service.id], staff_id: Number(member.id), datetime: slot.datetime };
  const check = await call(sim, "POST", `/book_check/${company.id}`, { body: { appointments: [appointment] } });
  expect(check.status).toBe(201);
  expect(check.body).toMatchObject({ success: true, meta: { message: "Created" } });

  // The SMS code the company "sent" is readable from the state.
  const phone = "79161230000";
  const code = await call(sim, "POST", `/book_code/${company.id}`, { body: { phone, fullname: "Мария Тестова" } });
  expect(code.status).toBe(201);
  const sms = sim.state.smsCodes.get(phone)!;
  expect(sms).toMatch(/^\d{4}$/);

  const before = sim.state.records.length;
  const record = await call(sim, "POST", `/book_record/${company.id}`, {
    body: {
      phone,
      fullname: "Мария Тестова",
      email: "maria@example.com",
      code: sms,
      comment: "Тест",
      appointments: [appointment],
    },
  });
  expect(record.status).toBe(201);
  expect(record.body.data).toEqual([
    { id: 1, record_id: expect.any(Number), record_hash: expect.stringMatching(/^[0-9a-f]{32}$/) },
  ]);
  const { record_id: recordId, record_hash: hash } = record.body.data[0];

  // It is in the state, with a new client for the unknown phone.
  expect(sim.state.records.length).toBe(before + 1);
  const stored = sim.state.records.find((r) => r.id === recordId)!;
  expect(stored).toMatchObject({
    company_id: company.id,
    staff_id: Number(member.id),
    service_ids: [service.id],
    online: true,
    deleted: false,
    comment: "Тест",
  });
  expect(sim.state.clients.find((c) => c.id === stored.client_id)).toMatchObject({
    phone,
    name: "Мария",
    surname: "Тестова",
  });

  // The slot is taken now: book_times no longer lists it, check and record say 433.
  const after = await call(sim, "GET", `/book_times/${company.id}/${member.id}/${date}`, {
    query: { "service_ids[]": service.id },
  });
  expect(after.body.data.map((t: any) => t.datetime)).not.toContain(slot.datetime);
  const recheck = await call(sim, "POST", `/book_check/${company.id}`, { body: { appointments: [appointment] } });
  expect(recheck.status).toBe(422);
  expect(recheck.body.errors).toMatchObject({ code: 433, id: 1 });
  const rebook = await call(sim, "POST", `/book_record/${company.id}`, {
    body: { phone: "79161230001", fullname: "Другой Клиент", appointments: [appointment] },
  });
  expect(rebook.status).toBe(422);
  expect(rebook.body.errors.code).toBe(433);

  // The client signs in with the SMS code and reads the record.
  await call(sim, "POST", `/book_code/${company.id}`, { body: { phone, fullname: "Мария Тестова" } });
  const wrong = await call(sim, "POST", "/user/auth", { body: { phone, code: "0000" === sms ? "1111" : "0000" } });
  expect(wrong.status).toBe(422);
  expect(wrong.body.errors.code).toBe(432);
  const auth = await call(sim, "POST", "/user/auth", { body: { phone, code: sms } });
  expect(auth.status).toBe(201);
  const userToken = auth.body.data.user_token;
  expect(typeof userToken).toBe("string");

  const mine = await call(sim, "GET", `/user/records/${recordId}/${hash}`, { user: userToken });
  expect(mine.status).toBe(200);
  expect(mine.body.data).toHaveLength(1);
  expect(mine.body.data[0]).toMatchObject({
    id: recordId,
    deleted: false,
    staff: { id: Number(member.id) },
    company: { id: company.id },
  });
  expect(mine.body.data[0].services[0].id).toBe(service.id);
  const byHash = await call(sim, "GET", `/book_record/${company.id}/${recordId}/${hash}`, { user: userToken });
  expect(byHash.body.data).toMatchObject({ id: recordId, online: true, comment: "Тест", company: { id: company.id } });
  // The booking side writes the record's offset without a colon, as its documented example does.
  expect(byHash.body.data.datetime).toMatch(/T\d\d:\d\d:\d\d[+-]\d{4}$/);
  const badHash = await call(sim, "GET", `/book_record/${company.id}/${recordId}/${"0".repeat(32)}`, {
    user: userToken,
  });
  expect(badHash.status).toBe(404);

  // Cancelling frees the slot again.
  const cancel = await call(sim, "DELETE", `/user/records/${recordId}/${hash}`, { user: userToken });
  expect(cancel.status).toBe(200);
  expect(stored.deleted).toBe(true);
  const freed = await call(sim, "GET", `/book_times/${company.id}/${member.id}/${date}`, {
    query: { "service_ids[]": service.id },
  });
  expect(freed.body.data.map((t: any) => t.datetime)).toContain(slot.datetime);
  expect((await call(sim, "POST", `/book_check/${company.id}`, { body: { appointments: [appointment] } })).status).toBe(
    201,
  );
  expect((await call(sim, "GET", `/user/records/${recordId}/${hash}`, { user: userToken })).status).toBe(404);
  expect((await call(sim, "DELETE", `/user/records/${recordId}/${hash}`, { user: userToken })).status).toBe(404);
});

test("a booking can be moved to another free time, and not onto a taken one", async () => {
  const company = sim.state.companies[0];
  const member = sim.state.staff.find((s) => s.company_id === company.id)!;
  const service = member.service_ids[0];
  const dates = await call(sim, "GET", `/book_dates/${company.id}`, {
    query: { staff_id: member.id, "service_ids[]": service },
  });
  const date = dates.body.data.booking_dates[0];
  const times = (
    await call(sim, "GET", `/book_times/${company.id}/${member.id}/${date}`, { query: { "service_ids[]": service } })
  ).body.data;
  expect(times.length).toBeGreaterThan(2);
  const book = (datetime: string, phone: string) =>
    call(sim, "POST", `/book_record/${company.id}`, {
      body: {
        phone,
        fullname: "Клиент Переноса",
        appointments: [{ id: 1, services: [service], staff_id: member.id, datetime }],
      },
    });
  const first = (await book(times[0].datetime, "79160000001")).body.data[0];
  const last = times[times.length - 1].datetime;
  const moved = await call(sim, "PUT", `/book_record/${company.id}/${first.record_id}`, {
    body: { datetime: last, comment: "Перенос" },
  });
  expect(moved.status).toBe(200);
  expect(moved.body.data).toMatchObject({ id: first.record_id, comment: "Перенос" });
  expect(sim.state.records.find((r) => r.id === first.record_id)!.start).toBe(Date.parse(last) / 1000);
  // The old time is free again, the new one is taken.
  expect((await book(times[0].datetime, "79160000002")).status).toBe(201);
  const clash = await call(sim, "PUT", `/book_record/${company.id}/${first.record_id}`, {
    body: { datetime: times[0].datetime },
  });
  expect(clash.status).toBe(422);
  expect(clash.body.errors.code).toBe(433);
});

test("staff id 0 books any free staff member who provides the service", async () => {
  const company = sim.state.companies[1];
  const service = sim.state.services.find((s) => s.company_id === company.id)!;
  const times = await call(
    sim,
    "GET",
    `/book_times/${company.id}/0/${(await call(sim, "GET", `/book_dates/${company.id}`, { query: { "service_ids[]": service.id } })).body.data.booking_dates[0]}`,
    {
      query: { "service_ids[]": service.id },
    },
  );
  const res = await call(sim, "POST", `/book_record/${company.id}`, {
    body: {
      phone: "79160000003",
      fullname: "Любой Мастер",
      appointments: [{ id: 5, services: [service.id], staff_id: 0, datetime: times.body.data[0].datetime }],
    },
  });
  expect(res.status).toBe(201);
  const record = sim.state.records.find((r) => r.id === res.body.data[0].record_id)!;
  expect(service.staff_ids).toContain(record.staff_id);
  expect(record.master_requested).toBe(false);
});

test("the client's records list every live record booked with the client's phone", async () => {
  const company = sim.state.companies[0];
  const member = sim.state.staff.find((s) => s.company_id === company.id)!;
  const service = member.service_ids[0];
  const date = (
    await call(sim, "GET", `/book_dates/${company.id}`, { query: { staff_id: member.id, "service_ids[]": service } })
  ).body.data.booking_dates[1];
  const times = (
    await call(sim, "GET", `/book_times/${company.id}/${member.id}/${date}`, { query: { "service_ids[]": service } })
  ).body.data;
  const phone = "79160000777";
  const made = [];
  for (const slot of [times[0], times[times.length - 1]]) {
    const res = await call(sim, "POST", `/book_record/${company.id}`, {
      body: {
        phone,
        fullname: "Ольга Дважды",
        appointments: [{ id: 1, services: [service], staff_id: member.id, datetime: slot.datetime }],
      },
    });
    made.push(res.body.data[0]);
  }
  await call(sim, "POST", `/book_code/${company.id}`, { body: { phone } });
  const token = (await call(sim, "POST", "/user/auth", { body: { phone, code: sim.state.smsCode } })).body.data
    .user_token;
  const list = await call(sim, "GET", `/user/records/${made[1].record_id}/${made[1].record_hash}`, { user: token });
  expect(list.body.data.map((r: any) => r.id)).toEqual(made.map((m) => m.record_id));
});
