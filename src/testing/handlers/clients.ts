// Clients as CRM state: the search with its filter language and body paging, the checks and changes of a
// client card (the card's own operations are the CRUD engine's, collections/clients.ts), bulk create, the visit
// history built from the records, and the chain-wide lookup by phone.
import { compileFilters, SearchFilterError, type SearchContext } from "../client-search.js";
import { slice } from "../page-request.js";
import { FieldErrors, abort, fail, invalid, ok, type SimResponse } from "../reply.js";
import { addClient, normalizePhone, type Client, type Company, type SimulatorState } from "../state.js";
import { isDate, localDate } from "../time.js";
import { clientChange } from "../webhook-payloads.js";
import { requireChain, requireCompany } from "./scope.js";
import { ownBody, type HandlerContext, type HandlerTable } from "./context.js";
import { clientView, fullName, historyRecord, recordsByClient, SEARCH_FIELDS, searchItem } from "./crm-views.js";
import { isObject, text, toInt, validPhone } from "./input.js";

const badFilter = () =>
  invalid(400, { filters: ["Недопустимое значение состояния фильтра"] }, "Недопустимое значение фильтра");

function searchContext(state: SimulatorState, company: Company): SearchContext {
  const byClient = recordsByClient(state, company.id);
  const prices = new Map(state.services.map((s) => [s.id, s]));
  return {
    recordsOf: (client) => byClient.get(client.id) ?? [],
    categoryOf: (id) => prices.get(id)?.category_id,
    priceOf: (id) => prices.get(id)?.price_min ?? 0,
    localDate: (unix) => localDate(unix, company.utcOffset),
  };
}

/** `POST /company/{company_id}/clients/search`: filters, fields, sort, body paging. */
function searchClients(ctx: HandlerContext): SimResponse {
  const { state } = ctx;
  const company = requireCompany(state, ctx.params.company_id);
  const body = ctx.body === undefined ? {} : isObject(ctx.body) ? ctx.body : abort(badFilter());
  const fields = body.fields === undefined ? ["id"] : body.fields;
  if (!Array.isArray(fields) || fields.length === 0 || !fields.every((f) => SEARCH_FIELDS.includes(f)))
    return invalid(400, { fields: ["Недопустимое поле"] }, "Недопустимое значение поля");
  const orderBy = body.order_by ?? "id";
  const direction = String(body.order_by_direction ?? "ASC").toUpperCase();
  if (!SEARCH_FIELDS.includes(orderBy) || (direction !== "ASC" && direction !== "DESC"))
    return invalid(400, { order_by: ["Недопустимое поле сортировки"] }, "Недопустимое значение сортировки");

  const ctxSearch = searchContext(state, company);
  let test;
  try {
    test = compileFilters(body.filters, body.operation, ctxSearch);
  } catch (err) {
    if (err instanceof SearchFilterError) return badFilter();
    throw err;
  }
  const found = state.clients.filter((c) => c.company_id === company.id).filter(test);
  const item = (c: Client, fields: string[]) => searchItem(state, c, ctxSearch.recordsOf(c), fields);
  // Sorted by the field's value as the answer shows it (no visit sorts first; names case-insensitively).
  const keys = new Map(
    found.map((c) => {
      const value = item(c, [orderBy])[orderBy] ?? "";
      return [c.id, typeof value === "string" ? value.toLowerCase() : (value as number)];
    }),
  );
  const sign = direction === "DESC" ? -1 : 1;
  found.sort((a, b) => {
    const [ka, kb] = [keys.get(a.id)!, keys.get(b.id)!];
    return (ka < kb ? -1 : ka > kb ? 1 : 0) * sign || a.id - b.id;
  });
  const items = slice(found, ctx.page!).map((c) => item(c, fields));
  return ok(items, { total_count: found.length });
}

/** Applies the fields of a client body; returns field errors instead of applying on bad input. */
export function clientErrors(
  state: SimulatorState,
  company: Company,
  body: Record<string, any>,
  creating: boolean,
  selfId?: number,
): FieldErrors {
  const errors = new FieldErrors();
  if ((creating || body.name !== undefined) && !text(body.name)) errors.set("name", "Не указано имя клиента");
  if (creating || body.phone !== undefined) {
    const phone = validPhone(body.phone);
    if (!phone) errors.set("phone", "Неверный формат номера телефона");
    else if (state.clients.some((c) => c.company_id === company.id && c.id !== selfId && c.phone === phone))
      errors.set("phone", "Клиент с указанным телефоном уже существует в базе");
  }
  if (body.birth_date !== undefined && body.birth_date !== "" && !isDate(body.birth_date))
    errors.set("birth_date", "Дата должна быть в формате YYYY-MM-DD");
  return errors;
}

export function applyClient(client: Omit<Client, "id">, body: Record<string, any>, now: number): void {
  for (const key of ["name", "surname", "patronymic", "email", "card", "comment", "birth_date"] as const) {
    if (body[key] !== undefined) client[key] = text(body[key]);
  }
  if (body.phone !== undefined) client.phone = validPhone(body.phone)!;
  for (const key of ["sex_id", "importance_id", "sms_check", "sms_not"] as const) {
    const n = toInt(body[key]);
    if (n !== undefined) client[key] = n;
  }
  for (const key of ["discount", "spent"] as const) if (typeof body[key] === "number") client[key] = body[key];
  const labels = body.labels ?? body.categories;
  if (Array.isArray(labels)) client.label_ids = labels.map(toInt).filter((n): n is number => n !== undefined);
  if (isObject(body.custom_fields)) client.custom_fields = { ...client.custom_fields, ...body.custom_fields };
  client.updated_at = now;
}

/** The company's client with this phone, or a new card from `fields`, its creation reported. */
export function clientByPhone(ctx: HandlerContext, companyId: number, phone: string, fields: Partial<Client>): Client {
  const existing = ctx.state.clients.find((c) => c.company_id === companyId && c.phone === phone);
  if (existing) return existing;
  const client = addClient(ctx.state, companyId, { ...fields, phone, created_at: ctx.now, updated_at: ctx.now });
  ctx.emit(clientChange(ctx.state, client, "create"));
  return client;
}

function createClientsBulk(ctx: HandlerContext): SimResponse {
  const company = requireCompany(ctx.state, ctx.params.company_id);
  if (!Array.isArray(ctx.body)) return invalid(422, { body: ["Ожидается список клиентов"] });
  const created: object[] = [];
  const refused: object[] = [];
  for (const item of ctx.body) {
    const body = isObject(item) ? item : {};
    const errors = clientErrors(ctx.state, company, body, true);
    const first = errors.first("name") ?? errors.first("phone") ?? errors.first("birth_date");
    if (first) {
      // A phone or name that was not sent stays out of the JSON.
      refused.push({ phone: body.phone, name: body.name, error: first });
    } else {
      const client = addClient(ctx.state, company.id, { created_at: ctx.now });
      applyClient(client, body, ctx.now);
      ctx.emit(clientChange(ctx.state, client, "create"));
      created.push(clientView(ctx.state, client, []));
    }
  }
  return ok({ created, errors: refused });
}

/**
 * `POST /company/{company_id}/clients/visits/search`: the client's live records in the day range
 * (all of them without one), newest first. `meta.dateCursor.current` names the range and count;
 * `previous` and `next` are null (the simulator answers the whole range in one go).
 */
function searchClientVisits(ctx: HandlerContext): SimResponse {
  const { state } = ctx;
  const company = requireCompany(state, ctx.params.company_id);
  const body = isObject(ctx.body) ? ctx.body : {};
  const errors = new FieldErrors();
  for (const key of ["from", "to"] as const) {
    if (body[key] !== undefined && body[key] !== null && !isDate(body[key]))
      errors.set(key, "Дата должна быть в формате YYYY-MM-DD");
  }
  const attendance = body.attendance === undefined || body.attendance === null ? undefined : toInt(body.attendance);
  if (attendance !== undefined && ![-1, 0, 1, 2].includes(attendance)) errors.set("attendance", "Недопустимый статус");
  const id = toInt(body.client_id);
  const phone = body.client_phone ? normalizePhone(body.client_phone) : undefined;
  if (id === undefined && !phone) errors.set("client_id", "Укажите клиента или его телефон");
  if (errors.any) return errors.response(422);
  const client =
    state.clients.find(
      (c) => c.company_id === company.id && (id !== undefined ? c.id === id : normalizePhone(c.phone) === phone),
    ) ?? abort(fail(404, "Клиент не найден"));

  const off = company.utcOffset;
  const statuses: unknown[] = Array.isArray(body.payment_statuses) ? body.payment_statuses : [];
  const records = state.records
    .filter((r) => r.client_id === client.id && r.company_id === company.id && !r.deleted)
    .filter((r) => attendance === undefined || r.attendance === attendance)
    .filter((r) => {
      const day = localDate(r.start, off);
      return (!body.from || day >= body.from) && (!body.to || day <= body.to);
    })
    .filter((r) => statuses.length === 0 || statuses.includes(r.attendance === 1 ? "paid_full" : "not_paid"))
    .sort((a, b) => b.start - a.start || b.id - a.id);
  const days = records.map((r) => localDate(r.start, off));
  const current = {
    from: body.from ?? days[days.length - 1] ?? state.today,
    to: body.to ?? days[0] ?? state.today,
    count: records.length,
  };
  const data = { goods_transactions: [], records: records.map((r) => historyRecord(state, r)) };
  return ok(data, { dateCursor: { previous: null, current, next: null } });
}

/** `GET /group/{group_id}/clients/?phone=`: the client's card in every company of the chain. */
function getChainClient(ctx: HandlerContext): SimResponse {
  const { state } = ctx;
  requireChain(state, ctx.params.group_id);
  const phone = normalizePhone(ctx.query.get("phone"));
  if (!phone) return invalid(400, { phone: ["Укажите телефон"] });
  const ids = new Set(state.companies.filter((c) => c.chain_id === state.chain.id).map((c) => c.id));
  const cards = state.clients.filter((c) => ids.has(c.company_id) && c.phone === phone);
  if (cards.length === 0) return fail(404, "Клиент не найден");
  return ok({
    salon_group_id: state.chain.id,
    phone,
    clients: cards.map((c) => ({ id: c.id, company_id: c.company_id, name: fullName(c), email: c.email })),
  });
}

export const clientHandlers: HandlerTable = {
  "POST /company/{company_id}/clients/search": searchClients,
  "POST /clients/{company_id}/bulk": ownBody(createClientsBulk),
  "POST /company/{company_id}/clients/visits/search": ownBody(searchClientVisits),
  "GET /group/{group_id}/clients/": getChainClient,
};
