// A company's records as a collection of the CRUD engine: get (consumables and payments when asked for),
// create and update (the body checked, a busy staff member refused unless `save_if_busy`), delete (marked
// deleted, kept for `with_deleted`). Each change sends its webhook. The list with its sync filters stays
// hand-written (handlers/records.ts).
import { collection } from "../engine/collection.js";
import { recordView } from "../handlers/crm-views.js";
import { applyOptional, deleteRecord, readRecordBody, refuseIfBusy } from "../handlers/records.js";
import { findCompany, type SimRecord } from "../state.js";
import { recordChange } from "../webhook-payloads.js";

export const records = collection<SimRecord>({
  rows: (state) => state.records,
  ids: "record",
  ownMessages: true,
  notFound: "Запись не найдена",
  live: (r) => !r.deleted,
  view: (r, ctx) => recordView(ctx.state, r),
  create(ctx, companyId) {
    const { state, now } = ctx;
    const { plan, body } = readRecordBody(ctx, findCompany(state, companyId)!, undefined);
    refuseIfBusy(state, plan, undefined, body.save_if_busy === true);
    const record: Omit<SimRecord, "id"> = {
      hash: `staff-${now}-${state.nextIds.record}`,
      company_id: companyId,
      staff_id: plan.staffId,
      service_ids: plan.serviceIds,
      client_id: plan.client!.id,
      start: plan.start,
      length: plan.length,
      comment: "",
      online: false,
      attendance: 0,
      deleted: false,
      created_at: now,
      updated_at: now,
      notify_by_sms: 0,
      notify_by_email: 0,
      master_requested: true,
      api_id: "",
      created_user_id: ctx.session?.user.id ?? 0,
    };
    applyOptional(record, body);
    return record;
  },
  created: (record, ctx) => ctx.emit(recordChange(ctx.state, record, "create")),
  update(record, ctx) {
    const { plan, body } = readRecordBody(ctx, findCompany(ctx.state, record.company_id)!, record);
    refuseIfBusy(ctx.state, plan, record.id, body.save_if_busy === true);
    record.staff_id = plan.staffId;
    record.service_ids = plan.serviceIds;
    if (plan.client) record.client_id = plan.client.id;
    record.start = plan.start;
    record.length = plan.length;
    applyOptional(record, body);
    record.updated_at = ctx.now;
    ctx.emit(recordChange(ctx.state, record, "update"));
  },
  remove: deleteRecord,
});
