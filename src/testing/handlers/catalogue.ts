// Companies, the chain, staff, services, categories and positions, read from the seeded
// state. Each list and its deprecated twin path share one handler.
import { slice } from "../pagination.js";
import { abort, fail, ok, type SimResponse } from "../reply.js";
import { companyServices, companyStaff } from "../state.js";
import { requireChain, requireCompany } from "./scope.js";
import { categoryView, chainView, companyView, positionView, serviceView, staffView } from "./catalogue-views.js";
import type { HandlerContext, HandlerTable } from "./context.js";
import { queryInt } from "./input.js";

function listCompanies(ctx: HandlerContext): SimResponse {
  const { state, query } = ctx;
  const id = queryInt(query, "id");
  const groupId = queryInt(query, "group_id");
  const cityId = queryInt(query, "city_id");
  const title = query.get("title")?.toLowerCase();
  const all = state.companies.filter(
    (c) =>
      (id === undefined || c.id === id) &&
      (groupId === undefined || c.chain_id === groupId) &&
      (cityId === undefined || c.city_id === cityId) &&
      (!title || c.title.toLowerCase().includes(title)),
  );
  const page = ctx.page ?? { page: 1, size: all.length || 1 };
  return ok(
    slice(all, page).map((c) => companyView(state, c)),
    { total_count: all.length },
  );
}

function getCompany(ctx: HandlerContext): SimResponse {
  return ok(companyView(ctx.state, requireCompany(ctx.state, ctx.params.id)), {});
}

function updateCompany(ctx: HandlerContext): SimResponse {
  const company = requireCompany(ctx.state, ctx.params.id);
  const body = ctx.body ?? {};
  for (const field of ["title", "short_descr", "address", "phone", "email"] as const) {
    if (typeof body[field] === "string" && body[field].trim()) company[field] = body[field].trim();
  }
  return ok(companyView(ctx.state, company), {});
}

function listChains(ctx: HandlerContext): SimResponse {
  return ok([chainView(ctx.state)]);
}

function staffOf(ctx: HandlerContext) {
  const company = requireCompany(ctx.state, ctx.params.company_id);
  return companyStaff(ctx.state, company.id).sort((a, b) => b.weight - a.weight || a.id - b.id);
}

function listStaff(ctx: HandlerContext): SimResponse {
  const staff = staffOf(ctx);
  return ok(
    staff.map((m) => staffView(ctx.state, m)),
    { total_count: staff.length },
  );
}

function getStaff(ctx: HandlerContext): SimResponse {
  const id = Number(ctx.params.staff_id);
  const member = staffOf(ctx).find((m) => m.id === id) ?? abort(fail(404, "Сотрудник не найден"));
  return ok(staffView(ctx.state, member));
}

function servicesOf(ctx: HandlerContext) {
  const company = requireCompany(ctx.state, ctx.params.company_id);
  const staffId = queryInt(ctx.query, "staff_id");
  const categoryId = queryInt(ctx.query, "category_id");
  return companyServices(ctx.state, company.id)
    .filter((s) => !staffId || s.staff_ids.includes(staffId))
    .filter((s) => !categoryId || s.category_id === categoryId)
    .sort((a, b) => b.weight - a.weight || a.id - b.id);
}

function listServices(ctx: HandlerContext): SimResponse {
  const services = servicesOf(ctx);
  return ok(services.map(serviceView), { total_count: services.length });
}

function getService(ctx: HandlerContext): SimResponse {
  const id = Number(ctx.params.service_id);
  const service = servicesOf(ctx).find((s) => s.id === id) ?? abort(fail(404, "Услуга не найдена"));
  return ok(serviceView(service));
}

function categoriesOf(ctx: HandlerContext) {
  const { state } = ctx;
  const company = requireCompany(state, ctx.params.company_id);
  const staffId = queryInt(ctx.query, "staff_id");
  return state.serviceCategories
    .filter((c) => c.company_id === company.id)
    .filter(
      (c) =>
        !staffId ||
        companyServices(state, company.id).some((s) => s.category_id === c.id && s.staff_ids.includes(staffId)),
    )
    .sort((a, b) => b.weight - a.weight || a.id - b.id);
}

function listServiceCategories(ctx: HandlerContext): SimResponse {
  const categories = categoriesOf(ctx);
  return ok(
    categories.map((c) => categoryView(ctx.state, c)),
    { total_count: categories.length },
  );
}

function getServiceCategory(ctx: HandlerContext): SimResponse {
  const id = Number(ctx.params.id);
  const category = categoriesOf(ctx).find((c) => c.id === id) ?? abort(fail(404, "Категория не найдена"));
  return ok(categoryView(ctx.state, category));
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
  return ok(
    [...byTitle.values()].map((e) => ({
      id: e.id,
      title: e.title,
      services: [...e.services].map(([title, id]) => ({ id, title })),
    })),
  );
}

function listPositions(ctx: HandlerContext): SimResponse {
  requireCompany(ctx.state, ctx.params.company_id);
  return ok(ctx.state.positions.map((p) => positionView(ctx.state, p)));
}

export const catalogueHandlers: HandlerTable = {
  "GET /companies": listCompanies,
  "GET /company/{id}/": getCompany,
  "PUT /company/{id}/": updateCompany,
  "GET /groups": listChains,
  "GET /company/{company_id}/staff/": listStaff,
  "GET /staff/{company_id}/": listStaff,
  "GET /company/{company_id}/staff/{staff_id}": getStaff,
  "GET /staff/{company_id}/{staff_id}": getStaff,
  "GET /company/{company_id}/services/": listServices,
  "GET /services/{company_id}/": listServices,
  "GET /company/{company_id}/services/{service_id}": getService,
  "GET /services/{company_id}/{service_id}": getService,
  "GET /company/{company_id}/service_categories/": listServiceCategories,
  "GET /service_categories/{company_id}/": listServiceCategories,
  "GET /company/{company_id}/service_categories/{id}": getServiceCategory,
  "GET /service_categories/{company_id}/{id}": getServiceCategory,
  "GET /service_category/{company_id}/{id}": getServiceCategory,
  "GET /chain/{chain_id}/service_categories": listChainServiceCategories,
  "GET /positions/{company_id}": listPositions,
  "GET /company/{company_id}/staff/positions/": listPositions,
};
