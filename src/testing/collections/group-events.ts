// Group events as collections of the CRUD engine, one per API version over the same events: create (a staff
// member cannot run two overlapping events unless `force: true`), get, update (not below the places taken),
// delete. Search, dates, duplication and booking places stay hand-written (handlers/group-events.ts).
import { collection, type Collection } from "../engine/collection.js";
import { checkStaffFree, eventDocument, eventView, readEventBody } from "../handlers/group-events.js";
import { groupEventsOf, type SimActivity } from "../group-event-store.js";
import { abort, invalid } from "../reply.js";
import { findCompany } from "../state.js";

function events(company: string, view: Collection<SimActivity>["view"]): Collection<SimActivity> {
  return collection<SimActivity>({
    rows: (state) => groupEventsOf(state).events,
    ids: "activity",
    company,
    ownMessages: true,
    notFound: "Групповое событие не найдено",
    view,
    create(ctx, companyId) {
      const company = findCompany(ctx.state, companyId)!;
      const event = { id: 0, records_count: 0, ...readEventBody(ctx, company) };
      if (ctx.body?.force !== true) checkStaffFree(ctx.state, company, event, 422);
      return event;
    },
    update(event, ctx) {
      const company = findCompany(ctx.state, event.company_id)!;
      const fields = readEventBody(ctx, company);
      if (ctx.body?.force !== true) checkStaffFree(ctx.state, company, { ...fields, id: event.id }, 422);
      if (fields.capacity < event.records_count) abort(invalid(422, { capacity: ["Мест меньше, чем уже записано"] }));
      Object.assign(event, fields);
    },
  });
}

export const groupEvents = events("company_id", (e, ctx) => eventView(ctx.state, e));
export const groupEventsV2 = events("salonId", (e) => (eventDocument(e).body as { data: unknown }).data);
