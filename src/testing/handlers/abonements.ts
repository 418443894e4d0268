// Season tickets (abonements) as state: the chain's ticket types (company search with a title filter and
// paging, fetch by ids), a client's tickets by phone, the chain's paged list, and freezing, unfreezing,
// a new validity period and a new count of visits left.
import { shaped } from "../engine/shape.js";
import { loyaltyState, type SimAbonement, type SimAbonementType } from "../loyalty-state.js";
import { slice } from "../page-request.js";
import { FieldErrors, abort, fail, invalid, ok, type SimResponse } from "../reply.js";
import { normalizePhone, type SimulatorState } from "../state.js";
import { isDate } from "../time.js";
import { ownBody, type HandlerContext, type HandlerTable } from "./context.js";
import { isObject, queryIds, toInt } from "./input.js";
import { requireCompany, requireChain } from "./scope.js";

const STATUS_ACTIVE = { id: 2, title: "Активирован" };

function categoryRef(state: SimulatorState, categoryId: number) {
  const category = state.serviceCategories.find((c) => c.id === categoryId);
  return { id: categoryId, category_id: 1, title: category?.title ?? "" };
}

/** Visits per service category, as a type offers them or a ticket has them left. */
function balanceContainer(state: SimulatorState, links: SimAbonementType["links"]) {
  return { links: links.map((l) => ({ count: l.count, category: categoryRef(state, l.category_id) })) };
}

function typeView(state: SimulatorState, type: SimAbonementType) {
  return shaped("AbonementType", type, {
    salon_group_id: type.chain_id,
    is_united_balance: type.united_balance_services_count > 0,
    balance_container: balanceContainer(state, type.links),
  });
}

function abonementView(state: SimulatorState, a: SimAbonement) {
  const type = loyaltyState(state).abonementTypes.find((t) => t.id === a.type_id)!;
  const united = type.united_balance_services_count > 0;
  const summary = united
    ? `Все услуги (x${a.united_left})`
    : a.left.map((l) => `${categoryRef(state, l.category_id).title} (x${l.count})`).join(", ");
  const status = {
    ...STATUS_ACTIVE,
    extended_title: a.frozen_till ? `Заморожен до ${a.frozen_till}` : STATUS_ACTIVE.title,
  };
  return shaped("Abonement", a, {
    balance_string: summary,
    created_date: a.created_at,
    is_frozen: a.frozen_till !== undefined,
    freeze_period: a.frozen_days,
    status,
    is_united_balance: united,
    united_balance_services_count: a.united_left,
    balance_container: balanceContainer(state, a.left),
    type: typeView(state, type),
  });
}

/** A list answer with its `count` in `meta`. */
const counted = (items: unknown[], count = items.length) => ok(items, { count });

/** The chain's ticket types: `search` by title (paged; `count` of every match), `fetch` by `ids`. */
function listTypes(ctx: HandlerContext): SimResponse {
  const company = requireCompany(ctx.state, ctx.params.company_id ?? ctx.query.get("company_id"));
  const fetch = ctx.op.path.endsWith("/fetch");
  const ids = queryIds(ctx.query, "ids") ?? [];
  const title = (ctx.query.get("title") ?? "").toLowerCase();
  const all = loyaltyState(ctx.state).abonementTypes.filter(
    (t) => t.chain_id === company.chain_id && (fetch ? ids.includes(t.id) : t.title.toLowerCase().includes(title)),
  );
  const page = fetch ? all : slice(all, ctx.page ?? { page: 1, size: 25 });
  return counted(
    page.map((t) => typeView(ctx.state, t)),
    all.length,
  );
}

/** A client's tickets by the `phone` query, or (for `/user/...`) those of the person the user token belongs to. */
function listByPhone(ctx: HandlerContext): SimResponse {
  const company = requireCompany(ctx.state, ctx.params.company_id ?? ctx.query.get("company_id"));
  const loyalty = loyaltyState(ctx.state);
  const phone = normalizePhone(ctx.op.path.startsWith("/user/") ? ctx.session?.user.phone : ctx.query.get("phone"));
  const tickets = loyalty.abonements.filter((a) => a.chain_id === company.chain_id && a.phone === phone);
  return counted(tickets.map((a) => abonementView(ctx.state, a)));
}

function listChain(ctx: HandlerContext): SimResponse {
  const chainId = requireChain(ctx.state, ctx.params.chain_id);
  const loyalty = loyaltyState(ctx.state);
  const ids = queryIds(ctx.query, "abonements_ids");
  const after = ctx.query.get("created_after");
  const before = ctx.query.get("created_before");
  const day = (unix: number) => new Date(unix * 1000).toISOString().slice(0, 10);
  const all = loyalty.abonements
    .filter((a) => a.chain_id === chainId && (!ids || ids.includes(a.id)))
    .filter((a) => (!after || day(a.created_at) >= after) && (!before || day(a.created_at) <= before))
    .sort((a, b) => a.id - b.id);
  const page = slice(all, ctx.page ?? { page: 1, size: all.length || 1 });
  return counted(page.map((a) => abonementView(ctx.state, a)));
}

function ticketOf(ctx: HandlerContext): { ticket: SimAbonement; type: SimAbonementType } {
  const chainId = requireChain(ctx.state, ctx.params.chain_id);
  const loyalty = loyaltyState(ctx.state);
  const ticket =
    loyalty.abonements.find((a) => a.id === Number(ctx.params.abonementId) && a.chain_id === chainId) ??
    abort(fail(404, "Абонемент не найден"));
  return { ticket, type: loyalty.abonementTypes.find((t) => t.id === ticket.type_id)! };
}

function answer(ctx: HandlerContext, ticket: SimAbonement): SimResponse {
  return counted([abonementView(ctx.state, ticket)]);
}

const daysBetween = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);

/**
 * Freezes until `freeze_till` (inclusive, after today). The documented refusal is a 400: the type does not
 * allow freezing, the ticket is already frozen, or the freezes would exceed the type's limit in days.
 */
function freeze(ctx: HandlerContext): SimResponse {
  const { ticket, type } = ticketOf(ctx);
  const till = isObject(ctx.body) ? ctx.body.freeze_till : undefined;
  if (!isDate(till) || till <= ctx.state.today)
    return invalid(422, { freeze_till: ["Укажите дату окончания заморозки позже сегодняшней"] });
  if (!type.allow_freeze) return fail(400, "Заморозка абонементов этого типа запрещена");
  if (ticket.frozen_till) return fail(400, "Абонемент уже заморожен");
  if (ticket.frozen_days + daysBetween(ctx.state.today, till) > type.freeze_limit)
    return fail(400, "Превышен лимит заморозки");
  ticket.frozen_till = till;
  ticket.frozen_days += daysBetween(ctx.state.today, till);
  return answer(ctx, ticket);
}

/** Ends a freeze today; the unused frozen days are given back to the limit. */
function unfreeze(ctx: HandlerContext): SimResponse {
  const { ticket } = ticketOf(ctx);
  if (!ticket.frozen_till) return fail(400, "Абонемент не заморожен");
  ticket.frozen_days -= Math.max(0, daysBetween(ctx.state.today, ticket.frozen_till));
  ticket.frozen_till = undefined;
  return answer(ctx, ticket);
}

function setPeriod(ctx: HandlerContext): SimResponse {
  const { ticket } = ticketOf(ctx);
  const body = isObject(ctx.body) ? ctx.body : {};
  const period = toInt(body.period);
  const unit = toInt(body.period_unit_id);
  const errors = new FieldErrors();
  if (period === undefined || period < 1) errors.set("period", "Срок действия должен быть целым числом больше нуля");
  if (unit === undefined || unit < 1 || unit > 4)
    errors.set("period_unit_id", "Единица срока: 1 день, 2 неделя, 3 месяц, 4 год");
  if (errors.any) return errors.response(422);
  ticket.period = period!;
  ticket.period_unit_id = unit!;
  return answer(ctx, ticket);
}

/**
 * Sets the visits left: the shared count for a ticket with one, the per-link counts otherwise (each
 * `service_id` names the service or category of a link; the simulator's links are categories). A body
 * that does not fit the ticket is the documented 400 ("the balance cannot be changed").
 */
function setBalance(ctx: HandlerContext): SimResponse {
  const { ticket, type } = ticketOf(ctx);
  const body = isObject(ctx.body) ? ctx.body : {};
  if (type.united_balance_services_count > 0) {
    const count = toInt(body.united_balance_services_count);
    if (count === undefined || count < 0) return fail(400, "Нельзя изменить баланс");
    ticket.united_left = count;
    return answer(ctx, ticket);
  }
  const items: unknown[] = Array.isArray(body.services_balance_count) ? body.services_balance_count : [];
  const changes = items.map((item) => (isObject(item) ? [toInt(item.service_id), toInt(item.balance)] : []));
  const fits = changes.every(
    ([id, balance]) => balance !== undefined && balance >= 0 && ticket.left.some((l) => l.category_id === id),
  );
  if (!changes.length || !fits) return fail(400, "Нельзя изменить баланс");
  for (const [id, balance] of changes) ticket.left.find((l) => l.category_id === id)!.count = balance!;
  return answer(ctx, ticket);
}

export const abonementHandlers: HandlerTable = {
  "GET /company/{company_id}/loyalty/abonement_types/search": listTypes,
  "GET /company/{company_id}/loyalty/abonement_types/fetch": listTypes,
  "GET /loyalty/abonements/": listByPhone,
  "GET /user/loyalty/abonements/": listByPhone,
  "GET /chain/{chain_id}/loyalty/abonements": listChain,
  "POST /chain/{chain_id}/loyalty/abonements/{abonementId}/freeze": ownBody(freeze),
  "POST /chain/{chain_id}/loyalty/abonements/{abonementId}/unfreeze": unfreeze,
  "POST /chain/{chain_id}/loyalty/abonements/{abonementId}/set_period": ownBody(setPeriod),
  "POST /chain/{chain_id}/loyalty/abonements/{abonementId}/set_balance": ownBody(setBalance),
};
