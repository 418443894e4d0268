// Season tickets (abonements) and their types as collections of the CRUD engine, rows of the chain: the types
// searched by title (paged, counting every match) or fetched by ids, a client's tickets by phone (or the
// signed-in user's), the chain's paged list. Freezing and changing a ticket stay in handlers/abonements.ts.
import { collection } from "../engine/collection.js";
import { shaped } from "../engine/shape.js";
import { queryIds } from "../handlers/input.js";
import { createdFilters, ofChain } from "./loyalty.js";
import { loyaltyState, type SimAbonement, type SimAbonementType } from "../loyalty-state.js";
import { normalizePhone, type SimulatorState } from "../state.js";

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

export function abonementView(state: SimulatorState, a: SimAbonement) {
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

export const abonementTypes = collection({
  ...ofChain("abonementTypes"),
  notFound: "Тип абонемента не найден",
  where: (t, ctx) => !ctx.op.path.endsWith("/fetch") || (queryIds(ctx.query, "ids") ?? []).includes(t.id),
  filters: { title: (t, value) => t.title.toLowerCase().includes(value.toLowerCase()) },
  count: "matches",
  view: (t, ctx) => typeView(ctx.state, t),
});

export const abonements = collection({
  ...ofChain("abonements"),
  notFound: "Абонемент не найден",
  /** A client's list names a phone (the query's, or the user token's); the chain's may name ids. */
  where(a, ctx) {
    if (ctx.params.chain_id) return queryIds(ctx.query, "abonements_ids")?.includes(a.id) ?? true;
    const user = ctx.op.path.startsWith("/user/");
    return a.phone === normalizePhone(user ? ctx.session?.user.phone : ctx.query.get("phone"));
  },
  filters: createdFilters,
  order: (a, b) => a.id - b.id,
  count: "page",
  view: (a, ctx) => abonementView(ctx.state, a),
});
