// Group events through the SDK against the simulator: the life cycle, the busy-staff rule, search filters,
// paging (default 25, at most 300), duplication with its all-or-nothing 409, and the v2 operations on the
// same events.
import {
  YclientsClient,
  YclientsClientError,
  YclientsConfigError,
  YclientsNotFoundError,
  YclientsValidationError,
} from "../../../src/index";
import { FIRST_ACTIVITY_ID, groupEventsOf, type SimActivity } from "../../../src/testing/group-event-store";
import { nextId } from "../../../src/testing/state";
import { unixAt } from "../../../src/testing/time";
import { expectFieldErrors, useSignedIn } from "../../helpers/simulator";

const h = useSignedIn({ client: { retry: { maxTries: 3, baseDelay: 1, jitter: false } } });
beforeEach(() => {
  groupEventsOf(h.sim.state).events.length = 0;
});

const MARCH = { from: "2026-03-01", till: "2026-03-31" };

function eventBody(day: string, time: string, staffIndex = 0, serviceIndex = 0) {
  return {
    date: `${day} ${time}:00`,
    service_id: h.servicesOf(h.company)[serviceIndex].id,
    staff_id: h.staffOf(h.company)[staffIndex].id,
    capacity: 8,
    length: 3600,
    force: false,
  };
}

/** Puts events straight into the simulator's state, one per hour from 08:00 on consecutive days. */
function seedEvents(count: number): void {
  const store = groupEventsOf(h.sim.state);
  const [staff] = h.staffOf(h.company);
  const [service] = h.servicesOf(h.company);
  for (let i = 0; i < count; i++) {
    const day = `2026-03-${String(1 + (i % 28)).padStart(2, "0")}`;
    const event: SimActivity = {
      id: nextId(h.sim.state, "activity"),
      company_id: h.company.id,
      service_id: service.id,
      staff_id: staff.id,
      start: unixAt(day, 8 * 60 + Math.floor(i / 28) * 60, h.company.utcOffset),
      length: 1800,
      technical_break: 0,
      capacity: 10,
      records_count: 0,
      color: "",
      comment: `#${i}`,
      instructions: "",
      stream_link: "",
      label_ids: [],
      resource_instance_ids: [],
    };
    store.events.push(event);
  }
}

describe("groupEvents (v1)", () => {
  it("create, get, update and delete change what later reads return", async () => {
    const created = await h.yc.groupEvents.create({ ...eventBody("2026-03-12", "19:00"), comment: "новички" });
    const id = created.data.id;
    expect(id).toBeGreaterThanOrEqual(FIRST_ACTIVITY_ID);
    expect(created.data).toMatchObject({
      date: "2026-03-12 19:00:00",
      capacity: 8,
      records_count: 0,
      comment: "новички",
    });

    const read = await h.yc.groupEvents.get(id);
    expect(read.data.timestamp).toBe(unixAt("2026-03-12", 19 * 60, h.company.utcOffset));

    await h.yc.groupEvents.update(id, { ...eventBody("2026-03-12", "20:00"), capacity: 12 });
    expect((await h.yc.groupEvents.get(id)).data).toMatchObject({ date: "2026-03-12 20:00:00", capacity: 12 });

    const deleted = await h.yc.groupEvents.delete(id);
    expect(deleted.status).toBe(202);
    await expect(h.yc.groupEvents.get(id)).rejects.toBeInstanceOf(YclientsNotFoundError);
  });

  it("refuses a time when the staff member already runs an event, unless forced", async () => {
    await h.yc.groupEvents.create(eventBody("2026-03-12", "19:00"));
    const clash = await h.yc.groupEvents.create(eventBody("2026-03-12", "19:30")).catch((e: unknown) => e);
    expect(clash).toBeInstanceOf(YclientsValidationError);
    expect((clash as YclientsValidationError).status).toBe(422);
    expect(groupEventsOf(h.sim.state).events).toHaveLength(1);

    await h.yc.groupEvents.create({ ...eventBody("2026-03-12", "19:30"), force: true });
    // Another staff member is free at the same time.
    await h.yc.groupEvents.create(eventBody("2026-03-12", "19:00", 1));
    expect(groupEventsOf(h.sim.state).events).toHaveLength(3);
  });

  it("refuses unknown services and staff, naming the fields", async () => {
    await expectFieldErrors(
      h.yc.groupEvents.create({ ...eventBody("2026-03-12", "19:00"), service_id: 1, staff_id: 1, capacity: 0 }),
      ["capacity", "service_id", "staff_id"],
    );
  });

  it("search filters by days, staff and service; dates and dateRange follow the same filters", async () => {
    await h.yc.groupEvents.create(eventBody("2026-03-05", "10:00", 0, 0));
    await h.yc.groupEvents.create(eventBody("2026-03-12", "10:00", 1, 1));
    await h.yc.groupEvents.create(eventBody("2026-03-20", "10:00", 0, 1));
    await h.yc.groupEvents.create(eventBody("2026-04-02", "10:00", 0, 0));
    const [first, second] = h.staffOf(h.company);

    const march = await h.yc.groupEvents.list(MARCH);
    expect(march.data.map((e) => e.date)).toHaveLength(3);
    // Search results carry the start as a Unix timestamp, like the API's.
    expect(typeof march.data[0].date).toBe("number");
    expect(march.meta.count).toBe(3);

    const byStaff = await h.yc.groupEvents.list({ ...MARCH, staff_ids: [second.id] });
    expect(byStaff.data.map((e) => e.staff_id)).toEqual([second.id]);
    const byService = await h.yc.groupEvents.list({ ...MARCH, service_ids: [h.servicesOf(h.company)[1].id] });
    expect(byService.data).toHaveLength(2);

    const days = await h.yc.groupEvents.dates({ ...MARCH, staff_ids: [first.id] });
    expect(days.data).toEqual(["2026-03-05", "2026-03-20"]);
    const range = await h.yc.groupEvents.dateRange();
    expect(range.data).toEqual({ min_date: "2026-03-05", max_date: "2026-04-02" });
  });

  it("pages 25 by default, at most 300, and listAll / iterate walk every page", async () => {
    seedEvents(640);
    const first = await h.yc.groupEvents.list(MARCH);
    expect(first.data).toHaveLength(25);
    expect(first.meta.count).toBe(640);

    h.sim.clearRequests();
    const all = await h.yc.groupEvents.listAll(MARCH, { limit: 1000 });
    expect(all).toHaveLength(640);
    expect(new Set(all.map((e) => e.id)).size).toBe(640);
    // The SDK asks for the largest page the API gives: 300, 300, then the short last page ends the walk.
    const sizes = h.sim.requests.map((r) => [r.query.page, r.query.count]);
    expect(sizes).toEqual([
      ["1", "300"],
      ["2", "300"],
      ["3", "300"],
    ]);

    let seen = 0;
    for await (const event of h.yc.groupEvents.iterate(MARCH, { pageSize: 50 })) {
      expect(event.company_id).toBe(h.company.id);
      if (++seen === 120) break;
    }
    expect(seen).toBe(120);

    await expect(h.yc.groupEvents.list({ ...MARCH, count: 301 })).rejects.toBeInstanceOf(YclientsValidationError);
  });

  it("duplicates at given times, and refuses every copy with 409 when one date is busy", async () => {
    const original = (await h.yc.groupEvents.create(eventBody("2026-03-12", "19:00"))).data;
    const copies = await h.yc.groupEvents.duplicate(original.id, {
      dates: ["2026-03-19T19:00:00", "2026-03-26T19:00:00"],
      content_type: 1,
    });
    expect(copies.data).toHaveLength(2);
    expect(copies.meta.count).toBe(2);
    expect((await h.yc.groupEvents.dates(MARCH)).data).toEqual(["2026-03-12", "2026-03-19", "2026-03-26"]);

    const conflict = await h.yc.groupEvents
      .duplicate(original.id, { dates: ["2026-03-27T19:00:00", "2026-03-26T19:30:00"], content_type: 1 })
      .catch((e: unknown) => e);
    expect(conflict).toBeInstanceOf(YclientsClientError);
    expect((conflict as YclientsClientError).status).toBe(409);
    expect((conflict as YclientsClientError).meta).toMatchObject({ conflict: true });
    expect(groupEventsOf(h.sim.state).events).toHaveLength(3);

    // `force: true` creates the copies anyway.
    const forced = await h.yc.groupEvents.duplicate(original.id, {
      dates: ["2026-03-27T19:00:00", "2026-03-26T19:30:00"],
      content_type: 1,
      force: true,
    });
    expect(forced.data).toHaveLength(2);
    expect(groupEventsOf(h.sim.state).events).toHaveLength(5);
  });
});

describe("groupEvents.v2", () => {
  it("needs the user token like v1, and fails before sending without it", async () => {
    const partnerOnly = new YclientsClient({
      partnerToken: h.sim.partnerToken,
      baseUrl: h.sim.url,
      companyId: h.company.id,
    });
    h.sim.clearRequests();
    await expect(partnerOnly.groupEvents.v2.get(FIRST_ACTIVITY_ID)).rejects.toBeInstanceOf(YclientsConfigError);
    await expect(partnerOnly.groupEvents.get(FIRST_ACTIVITY_ID)).rejects.toBeInstanceOf(YclientsConfigError);
    expect(h.sim.requests).toHaveLength(0);
  });

  it("works on the same events as v1: create, read, book places, delete", async () => {
    const created = await h.yc.groupEvents.v2.create({ ...eventBody("2026-03-14", "11:00"), capacity: 2 });
    expect(created.status).toBe(201);
    const id = created.data.attributes.id;
    expect(created.data).toMatchObject({ type: "activity", id: String(id) });

    const v1 = await h.yc.groupEvents.get(id);
    expect(v1.data.date).toBe("2026-03-14 11:00:00");

    const booked = await h.yc.groupEvents.v2.addRecord(id, { client_id: h.sim.state.clients[0].id, clients_count: 2 });
    expect(booked.data.attributes.clients_count).toBe(2);
    expect((await h.yc.groupEvents.get(id)).data.records_count).toBe(2);
    // No places are left.
    await expect(h.yc.groupEvents.v2.addRecord(id, { client_id: h.sim.state.clients[1].id })).rejects.toBeInstanceOf(
      YclientsClientError,
    );

    await h.yc.groupEvents.v2.delete(id);
    await expect(h.yc.groupEvents.v2.get(id)).rejects.toBeInstanceOf(YclientsNotFoundError);
    await expect(h.yc.groupEvents.get(id)).rejects.toBeInstanceOf(YclientsNotFoundError);
  });
});
