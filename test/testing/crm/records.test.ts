// Records as CRM state, through the SDK's friendly methods against the simulator: an online
// booking shows up in the staff-side list and in the client's history; create, update and
// delete change later reads; the incremental-sync filters; paging through thousands of records.
import {
  parseYclientsDate,
  YclientsNotFoundError,
  YclientsValidationError,
  type YclientsClient,
} from "../../../src/index";
import { useSignedIn } from "../../helpers/simulator";
import { bookOnline } from "./book-online";

const h = useSignedIn({ simulator: { seed: 11 } });

/** Ids of every record `records.iterate` yields for these filters. */
async function ids(filters: Parameters<YclientsClient["records"]["iterate"]>[0]): Promise<number[]> {
  const out: number[] = [];
  for await (const r of h.yc.records.iterate(filters)) out.push(r.id);
  return out;
}

/**
 * The current moment as the zone-less company-local text `changed_after` takes (Moscow, UTC+3),
 * once the clock has moved past every second in which an earlier test changed something (the API
 * keeps change times in whole seconds).
 */
async function changesFromNow(): Promise<string> {
  await new Promise((resolve) => setTimeout(resolve, 1100));
  return new Date(Date.now() + 3 * 3600_000).toISOString().slice(0, 19);
}

describe("records.list", () => {
  it("pages through thousands of seeded records with iterate(), 300 at a time, ignoring the unreliable total", async () => {
    const live = h.sim.state.records.filter((r) => r.company_id === h.companyId && !r.deleted);
    expect(live.length).toBeGreaterThan(2500);
    h.sim.clearRequests();
    const seen = await ids({});
    expect(new Set(seen).size).toBe(live.length);
    expect(seen.sort()).toEqual(live.map((r) => r.id).sort());
    const pages = h.sim.requests.filter((r) => r.route === "GET /records/{company_id}");
    expect(pages).toHaveLength(Math.ceil(live.length / 300) + (live.length % 300 === 0 ? 1 : 0));
    expect(pages.every((p) => p.query.count === "300")).toBe(true);
  });

  it("with_deleted=1 adds the deleted records, although meta.total_count leaves them out", async () => {
    const all = h.sim.state.records.filter((r) => r.company_id === h.companyId);
    const deleted = all.filter((r) => r.deleted);
    expect(deleted.length).toBeGreaterThan(50);
    const first = await h.yc.records.list({ with_deleted: 1, count: 300 });
    // The total the API reports cannot be trusted for this list: here it counts live records only.
    expect(first.meta.total_count).toBe(all.length - deleted.length);
    const seen = await ids({ with_deleted: 1 });
    expect(seen).toHaveLength(all.length);
    const listAll = await h.yc.records.listAll({ with_deleted: 1 }, { limit: 10_000 });
    expect(
      listAll
        .filter((r) => r.deleted === true)
        .map((r) => r.id)
        .sort(),
    ).toEqual(deleted.map((r) => r.id).sort());
  });

  it("filters by visit day, creation day, staff member and client", async () => {
    const sample = h.sim.state.records.find((r) => r.company_id === h.companyId && !r.deleted && r.client_id !== null)!;
    const day = new Date((sample.start + 3 * 3600) * 1000).toISOString().slice(0, 10);
    const onDay = await h.yc.records.listAll({ start_date: day, end_date: day }, { limit: 1000 });
    expect(onDay.map((r) => r.id)).toContain(sample.id);
    expect(onDay.every((r) => String(r.date).startsWith(day))).toBe(true);

    const ofStaff = await h.yc.records.listAll({ staff_id: sample.staff_id }, { limit: 5000 });
    expect(ofStaff.length).toBeGreaterThan(0);
    expect(ofStaff.every((r) => r.staff_id === sample.staff_id)).toBe(true);

    const ofClient = await h.yc.records.listAll({ client_id: sample.client_id! }, { limit: 1000 });
    expect(ofClient.map((r) => r.id)).toContain(sample.id);
    expect(ofClient.every((r) => (r.client as { id: number }).id === sample.client_id)).toBe(true);

    const created = new Date((sample.created_at + 3 * 3600) * 1000).toISOString().slice(0, 10);
    const byCreation = await h.yc.records.listAll(
      { c_start_date: created, c_end_date: created },
      {
        limit: 1000,
      },
    );
    expect(byCreation.map((r) => r.id)).toContain(sample.id);
    for (const r of byCreation) {
      const local = new Date(parseYclientsDate(r.create_date)!.getTime() + 3 * 3600_000).toISOString();
      expect(local.slice(0, 10)).toBe(created);
    }
  });

  it("refuses a malformed changed_after with a typed 400 that names the field", async () => {
    const err = await h.yc.records.list({ changed_after: "yesterday" }).catch((e) => e);
    expect(err).toBeInstanceOf(YclientsValidationError);
    expect(err.status).toBe(400);
    expect(JSON.stringify(err.meta)).toContain("changed_after");
  });

  it("refuses more than 300 per page", async () => {
    await expect(h.yc.records.list({ count: 301 })).rejects.toMatchObject({ status: 400 });
  });
});

describe("an online booking in the CRM", () => {
  it("appears in records.list, records.get, the visit and the client's visit history", async () => {
    const since = await changesFromNow();
    const { recordId, staffId } = await bookOnline(h.sim, h.yc, h.companyId, {
      phone: "79160001122",
      fullname: "Ирина Новикова",
    });

    const changed = await h.yc.records.listAll({ changed_after: since }, { limit: 100 });
    expect(changed.map((r) => r.id)).toEqual([recordId]);
    const record = changed[0];
    expect(record).toMatchObject({ staff_id: staffId, online: true, deleted: false, attendance: 0 });
    expect(record.client).toMatchObject({ name: "Ирина", phone: 79160001122 });
    // The three date forms of one record all name the same instant or the same local day.
    expect(parseYclientsDate(record.datetime)!.getTime()).toBe(parseYclientsDate(record.date)!.getTime());
    expect(parseYclientsDate(record.last_change_date)!.getTime()).toBeGreaterThanOrEqual(Date.now() - 60_000);

    const got = await h.yc.records.get(recordId);
    expect(got.data.id).toBe(recordId);

    const visit = await h.yc.visits.get(Number(record.visit_id));
    expect(visit.data.records.map((r) => r.id)).toEqual([recordId]);

    const clientId = (record.client as { id: number }).id;
    const history = await h.yc.clients.visitHistory({ client_id: clientId });
    expect(history.data.records.map((r) => r.id)).toEqual([recordId]);
    const byPhone = await h.yc.clients.visitHistory({ client_phone: "79160001122" });
    expect(byPhone.data.records.map((r) => r.id)).toEqual([recordId]);
    expect((history.meta as { dateCursor?: { current?: object } }).dateCursor?.current).toMatchObject({ count: 1 });
  });
});

describe("records.create / update / delete", () => {
  it("a created record is read back, found by changed_after, moved, marked and then deleted", async () => {
    const staff = h.sim.state.staff.find((s) => s.company_id === h.companyId)!;
    const service = h.sim.state.services.find((s) => staff.service_ids.includes(s.id))!;
    const since = await changesFromNow();

    const created = await h.yc.records.create({
      staff_id: staff.id,
      services: [{ id: service.id }],
      client: { phone: "79160002233", name: "Олег", surname: "Петров" },
      datetime: "2026-04-20 11:00:00",
      seance_length: 3600,
      comment: "через API",
      api_id: "ext-1",
    });
    expect(created.status).toBe(201);
    const record = Array.isArray(created.data) ? created.data[0] : created.data;
    expect(record).toMatchObject({
      staff_id: staff.id,
      date: "2026-04-20 11:00:00",
      datetime: "2026-04-20T11:00:00+03:00",
      comment: "через API",
      api_id: "ext-1",
      online: false,
      created_user_id: h.sim.state.staffUsers[0].id,
    });
    const clientId = (record.client as { id: number }).id;
    expect(h.sim.state.clients.find((c) => c.id === clientId)).toMatchObject({ phone: "79160002233", name: "Олег" });

    // The same slot is now busy for that staff member, unless the caller insists.
    const clash = await h.yc.records
      .create({
        staff_id: staff.id,
        services: [{ id: service.id }],
        client: { phone: "79160002234" },
        datetime: "2026-04-20T11:30:00+03:00",
        seance_length: 1800,
      })
      .catch((e) => e);
    expect(clash).toBeInstanceOf(YclientsValidationError);
    expect(clash.status).toBe(422);

    const moved = await h.yc.records.update(record.id, { datetime: "2026-04-21T15:00:00+03:00", attendance: 2 });
    expect(moved.data).toMatchObject({
      id: record.id,
      date: "2026-04-21 15:00:00",
      attendance: 2,
      comment: "через API",
    });
    expect((await h.yc.records.get(record.id)).data).toMatchObject({ date: "2026-04-21 15:00:00", attendance: 2 });

    const changed = await h.yc.records.listAll({ changed_after: since }, { limit: 100 });
    expect(changed.map((r) => r.id)).toEqual([record.id]);
    // changed_before a second before `since` excludes it.
    const justBefore = new Date(Date.parse(`${since}Z`) - 1000).toISOString().slice(0, 19);
    const before = await h.yc.records.listAll(
      { changed_before: justBefore, changed_after: "2026-11-01T00:00:00" },
      {
        limit: 100,
      },
    );
    expect(before.map((r) => r.id)).not.toContain(record.id);
    const later = await h.yc.records.listAll(
      { changed_before: "2099-01-01T00:00:00", changed_after: since },
      {
        limit: 100,
      },
    );
    expect(later.map((r) => r.id)).toContain(record.id);

    expect((await h.yc.records.delete(record.id)).status).toBe(204);
    await expect(h.yc.records.get(record.id)).rejects.toBeInstanceOf(YclientsNotFoundError);
    expect((await h.yc.records.listAll({ changed_after: since }, { limit: 100 })).map((r) => r.id)).toEqual([]);
    const withDeleted = await h.yc.records.listAll({ changed_after: since, with_deleted: 1 }, { limit: 100 });
    expect(withDeleted.map((r) => [r.id, r.deleted])).toEqual([[record.id, true]]);
  });

  it("answers 422 naming every missing or wrong field", async () => {
    const err = await h.yc.records
      .create({ staff_id: 1, services: [], client: { phone: "x" }, datetime: "soon", seance_length: 0 })
      .catch((e) => e);
    expect(err).toBeInstanceOf(YclientsValidationError);
    expect(Object.keys((err.meta as { errors: object }).errors).sort()).toEqual(
      ["client", "datetime", "seance_length", "services", "staff_id"].sort(),
    );
  });
});

describe("visits", () => {
  it("visits.update sets the attendance and comment the record then shows", async () => {
    const record = h.sim.state.records.find((r) => r.company_id === h.companyId && !r.deleted && r.attendance === 0)!;
    const visitId = record.visit_id ?? record.id;
    const updated = await h.yc.visits.update(visitId, record.id, { attendance: 1, comment: "пришла" });
    expect(updated.data?.records[0]).toMatchObject({ id: record.id, attendance: 1, comment: "пришла" });
    expect((await h.yc.records.get(record.id)).data).toMatchObject({ attendance: 1, comment: "пришла" });
    await expect(h.yc.visits.get(999_999_999)).rejects.toBeInstanceOf(YclientsNotFoundError);
    // The receipt is a file, not JSON.
    const pdf = await h.yc.visits.receiptPdf(visitId);
    expect((await (pdf.data as unknown as Blob).text()).startsWith("%PDF-")).toBe(true);
    await expect(h.yc.visits.receiptPdf(999_999_999)).rejects.toBeInstanceOf(YclientsNotFoundError);
  });
});
