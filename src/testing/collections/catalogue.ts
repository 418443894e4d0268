// The seeded catalogue as collections of the CRUD engine: companies, staff, services, service categories and
// positions. Lists run heaviest first (`weight`), then by id; each list and its deprecated twin path share a
// declaration through their `x-sim` bindings.
import { collection } from "../engine/collection.js";
import { categoryView, companyView, positionView, serviceView, staffView } from "../handlers/catalogue-views.js";
import { toInt } from "../handlers/input.js";
import {
  companyServices,
  type Company,
  type Position,
  type Service,
  type ServiceCategory,
  type StaffMember,
} from "../state.js";

const byWeight = (a: { weight: number; id: number }, b: { weight: number; id: number }) =>
  b.weight - a.weight || a.id - b.id;
const total = (matches: unknown[]) => ({ total_count: matches.length });
/** An integer filter that, like the API, ignores 0 and anything that is not a number. */
const idFilter = (value: string) => toInt(value) || undefined;

export const companies = collection<Company>({
  rows: (state) => state.companies,
  company: false,
  notFound: "Филиал не найден",
  filters: {
    id: (c, v) => c.id === toInt(v),
    group_id: (c, v) => c.chain_id === toInt(v),
    city_id: (c, v) => c.city_id === toInt(v),
    title: (c, v) => c.title.toLowerCase().includes(v.toLowerCase()),
  },
  listMeta: total,
  view: (c, ctx) => companyView(ctx.state, c),
  update(company, ctx) {
    const body = ctx.body ?? {};
    for (const field of ["title", "short_descr", "address", "phone", "email"] as const) {
      if (typeof body[field] === "string" && body[field].trim()) company[field] = body[field].trim();
    }
  },
});

export const staff = collection<StaffMember>({
  rows: (state) => state.staff,
  notFound: "Сотрудник не найден",
  live: (m) => !m.fired,
  order: byWeight,
  listMeta: total,
  view: (m, ctx) => staffView(ctx.state, m),
});

export const services = collection<Service>({
  rows: (state) => state.services,
  notFound: "Услуга не найдена",
  filters: {
    staff_id: (s, v) => !idFilter(v) || s.staff_ids.includes(idFilter(v)!),
    category_id: (s, v) => !idFilter(v) || s.category_id === idFilter(v),
  },
  order: byWeight,
  listMeta: total,
  view: (s) => serviceView(s),
});

export const serviceCategories = collection<ServiceCategory>({
  rows: (state) => state.serviceCategories,
  notFound: "Категория не найдена",
  filters: {
    staff_id: (c, v, ctx) =>
      !idFilter(v) ||
      companyServices(ctx.state, c.company_id).some(
        (s) => s.category_id === c.id && s.staff_ids.includes(idFilter(v)!),
      ),
  },
  order: byWeight,
  listMeta: total,
  view: (c, ctx) => categoryView(ctx.state, c),
});

/** Positions belong to the chain: every company lists the same ones. */
export const positions = collection<Position>({
  rows: (state) => state.positions,
  shared: true,
  notFound: "Должность не найдена",
  view: (p, ctx) => positionView(ctx.state, p),
});
