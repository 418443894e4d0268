// The document of a visit (type 7). YCLIENTS opens one for every visit: it holds the goods sold during the
// visit and the visit's payments, a record lists it in `documents`, and the sale endpoints take its id. Here it
// is opened the first time anything asks for it, so every visit has exactly one.
import { shaped } from "./engine/shape.js";
import { moneyState, openDocument, shopOf, type StorageDocument } from "./money-state.js";
import { findCompany, type SimRecord, type Service, type SimulatorState } from "./state.js";
import { spacedDateTime } from "./time.js";

/** The payment item YCLIENTS books a visit's service payments under ("Оказание услуг"). */
export const SERVICES_ITEM = 5;

export function visitIdOf(record: SimRecord): number {
  return record.visit_id ?? record.id;
}

/** The visit's document, opened on first use. */
export function visitDocument(state: SimulatorState, record: SimRecord): StorageDocument {
  const money = moneyState(state);
  const visitId = visitIdOf(record);
  const found = money.documents.find(
    (d) => d.type_id === 7 && d.visit_id === visitId && d.company_id === record.company_id && !d.deleted,
  );
  if (found) return found;
  const shop = shopOf(state, record.company_id);
  return openDocument(state, {
    company_id: record.company_id,
    type_id: 7,
    visit_id: visitId,
    storage_id: shop?.id ?? 0,
    comment: "",
    create_date: spacedDateTime(record.start, findCompany(state, record.company_id)?.utcOffset ?? 3),
    user_id: record.created_user_id ?? 0,
  });
}

export function recordsOfVisit(state: SimulatorState, visitId: number, companyId?: number): SimRecord[] {
  return state.records.filter(
    (r) => !r.deleted && visitIdOf(r) === visitId && (companyId === undefined || r.company_id === companyId),
  );
}

/** The services the records of a visit's document provide (none for other documents). */
export function visitServices(state: SimulatorState, document: StorageDocument) {
  if (document.type_id !== 7 || document.visit_id === undefined) return [];
  return recordsOfVisit(state, document.visit_id, document.company_id).flatMap((record) =>
    record.service_ids
      .map((id) => state.services.find((s) => s.id === id))
      .filter((s): s is Service => s !== undefined)
      .map((service) => ({ record, service })),
  );
}

/** A record's `documents` entry for its visit document. */
export function documentRef(document: StorageDocument): Record<string, unknown> {
  const known = { type_title: "Визит", date_created: document.create_date, is_sale_bill_printed: false };
  return shaped("RecordDocument", document, known);
}
