// Changing a season ticket (abonement) of the chain: freezing, unfreezing, a new validity period and a new
// count of visits left. Tickets, their types and their lists are declared in collections/abonements.ts.
import { abonementView, abonements } from "../collections/abonements.js";
import { rowOf } from "../engine/engine.js";
import { loyaltyState, type SimAbonement, type SimAbonementType } from "../loyalty-state.js";
import { FieldErrors, fail, invalid, ok, type SimResponse } from "../reply.js";
import { isDate } from "../time.js";
import { ownBody, type HandlerContext, type HandlerTable } from "./context.js";
import { isObject, toInt } from "./input.js";

function ticketOf(ctx: HandlerContext): { ticket: SimAbonement; type: SimAbonementType; body: Record<string, any> } {
  const ticket = rowOf(abonements, ctx);
  const type = loyaltyState(ctx.state).abonementTypes.find((t) => t.id === ticket.type_id)!;
  return { ticket, type, body: isObject(ctx.body) ? ctx.body : {} };
}

/** The changed ticket, as a one-element list counted in `meta`. */
const answer = (ctx: HandlerContext, ticket: SimAbonement) => ok([abonementView(ctx.state, ticket)], { count: 1 });

const daysBetween = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);

/**
 * Freezes until `freeze_till` (inclusive, after today). The documented refusal is a 400: the type does not
 * allow freezing, the ticket is already frozen, or the freezes would exceed the type's limit in days.
 */
function freeze(ctx: HandlerContext): SimResponse {
  const { ticket, type, body } = ticketOf(ctx);
  const till = body.freeze_till;
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
  const { ticket, body } = ticketOf(ctx);
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
  const { ticket, type, body } = ticketOf(ctx);
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
  "POST /chain/{chain_id}/loyalty/abonements/{abonementId}/freeze": ownBody(freeze),
  "POST /chain/{chain_id}/loyalty/abonements/{abonementId}/unfreeze": unfreeze,
  "POST /chain/{chain_id}/loyalty/abonements/{abonementId}/set_period": ownBody(setPeriod),
  "POST /chain/{chain_id}/loyalty/abonements/{abonementId}/set_balance": ownBody(setBalance),
};
