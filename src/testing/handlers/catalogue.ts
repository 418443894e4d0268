// The chain and its merged categories. Companies, staff, services, categories and positions are collections
// of the CRUD engine (collections/catalogue.ts).
import { ok, type SimResponse } from "../reply.js";
import { requireChain } from "./scope.js";
import { shaped } from "../engine/shape.js";
import type { HandlerContext, HandlerTable } from "./context.js";

function listChains({ state }: HandlerContext): SimResponse {
  const access = ["settings", "clients", "users", "loyalty", "network_services"].map((area) => [`${area}_access`, "1"]);
  return ok([
    shaped("Chain", state.chain, {
      companies: state.companies.map(({ id, title }) => ({ id, title })),
      access: Object.fromEntries(access),
    }),
  ]);
}

/** The chain's categories merged by title, each listing the services under that title. */
function listChainServiceCategories(ctx: HandlerContext): SimResponse {
  const { state } = ctx;
  requireChain(state, ctx.params.chain_id);
  const byTitle = new Map<string, { id: number; title: string; services: Map<string, number> }>();
  for (const category of state.serviceCategories) {
    let entry = byTitle.get(category.title);
    if (!entry) byTitle.set(category.title, (entry = { id: category.id, title: category.title, services: new Map() }));
    for (const service of state.services.filter((s) => s.category_id === category.id)) {
      if (!entry.services.has(service.title)) entry.services.set(service.title, service.id);
    }
  }
  const list = [...byTitle.values()].map((e) => ({
    ...e,
    services: [...e.services].map(([title, id]) => ({ id, title })),
  }));
  return ok(list);
}

export const catalogueHandlers: HandlerTable = {
  "GET /groups": listChains,
  "GET /chain/{chain_id}/service_categories": listChainServiceCategories,
};
