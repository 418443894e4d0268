// A company's client cards as a collection of the CRUD engine: the deprecated query-string list (substring
// filters, `changed_*`), create, get, update (the same checks as create, a phone another card has is refused)
// and delete (the client's records stay and show `client: null`). Each change sends its webhook. Bulk create,
// the search language and the visit history stay hand-written (handlers/clients.ts).
import { collection } from "../engine/collection.js";
import type { HandlerContext } from "../handlers/context.js";
import { applyClient, clientErrors } from "../handlers/clients.js";
import { clientView } from "../handlers/crm-views.js";
import { isObject, toInt } from "../handlers/input.js";
import { abort, invalid } from "../reply.js";
import { blankClient, findCompany, normalizePhone, type Client } from "../state.js";
import { parseDateTime } from "../time.js";
import { clientChange } from "../webhook-payloads.js";

const has = (text: string | undefined, part: string) => (text ?? "").toLowerCase().includes(part.trim().toLowerCase());
const changedAt = (c: Client) => c.updated_at ?? c.created_at ?? 0;

/** A `changed_*` filter's moment in company time; a malformed one answers 400. */
function moment(value: string, ctx: HandlerContext): number {
  const company = findCompany(ctx.state, ctx.params.company_id)!;
  return (
    parseDateTime(value, company.utcOffset) ??
    abort(invalid(400, { changed_after: ["Дата и время должны быть в формате ISO 8601"] }))
  );
}

/** Checks a client body (all of it on create, what it sends on update) in the API's words: 422 when wrong. */
function checked(ctx: HandlerContext, companyId: number, selfId?: number): Record<string, any> {
  const body = isObject(ctx.body) ? ctx.body : {};
  clientErrors(ctx.state, findCompany(ctx.state, companyId)!, body, selfId === undefined, selfId).check(422);
  return body;
}

export const clients = collection<Client>({
  rows: (state) => state.clients,
  ids: "client",
  ownMessages: true,
  notFound: "Клиент не найден",
  filters: {
    fullname: (c, v) => has(`${c.name} ${c.surname} ${c.patronymic}`, v),
    phone: (c, v) => c.phone.includes(normalizePhone(v)),
    email: (c, v) => has(c.email, v),
    card: (c, v) => has(c.card, v),
    id: (c, v) => toInt(v) === undefined || c.id === toInt(v),
    paid_min: (c, v) => c.spent >= Number(v),
    paid_max: (c, v) => c.spent <= Number(v),
    changed_after: (c, v, ctx) => changedAt(c) >= moment(v, ctx),
    changed_before: (c, v, ctx) => changedAt(c) <= moment(v, ctx),
  },
  listMeta: (matches, ctx) => ({ page: ctx.page!.page, total_count: matches.length }),
  view: (c, ctx) => clientView(ctx.state, c),
  create(ctx, companyId) {
    const client = blankClient(companyId, { created_at: ctx.now });
    applyClient(client, checked(ctx, companyId), ctx.now);
    return client;
  },
  created: (client, ctx) => ctx.emit(clientChange(ctx.state, client, "create")),
  update(client, ctx) {
    applyClient(client, checked(ctx, client.company_id, client.id), ctx.now);
    ctx.emit(clientChange(ctx.state, client, "update"));
  },
  remove(client, ctx) {
    const change = clientChange(ctx.state, client, "delete");
    ctx.state.clients.splice(ctx.state.clients.indexOf(client), 1);
    ctx.emit(change);
  },
});
