// The seeded catalogue as collections of the CRUD engine: companies, staff, services, service categories and
// positions. Lists run heaviest first (`weight`), then by id; each list and its deprecated twin path share a
// declaration through their `x-sim` bindings.
import { collection } from "../engine/collection.js";
import { shaped } from "../engine/shape.js";
import { recordCompany } from "../handlers/booking-views.js";
import { toInt } from "../handlers/input.js";
import { bookingWindow, freeStarts } from "../slots.js";
import {
  companyServices,
  companyStaff,
  type Company,
  type Position,
  type Service,
  type ServiceCategory,
  type SimulatorState,
  type StaffMember,
} from "../state.js";
import { addDays, isoWithOffset } from "../time.js";

const byWeight = (a: { weight: number; id: number }, b: { weight: number; id: number }) =>
  b.weight - a.weight || a.id - b.id;
const total = (matches: unknown[]) => ({ total_count: matches.length });
/** An integer filter that, like the API, ignores 0 and anything that is not a number. */
const idFilter = (value: string) => toInt(value) || undefined;

/** Earliest free one-hour slot of any staff member, as the company card shows it (none: the field stays out). */
function nextSlot(state: SimulatorState, company: Company): string | undefined {
  for (const date of bookingWindow(state, company)) {
    const starts = companyStaff(state, company.id).flatMap((m) => freeStarts(state, company, m, date, 3600));
    if (starts.length) return isoWithOffset(Math.min(...starts), company.utcOffset, false);
  }
  return undefined;
}

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
  view: (company, { state }) =>
    shaped("Company", company, {
      ...recordCompany(company),
      public_title: company.title,
      logo: "https://assets.yclients.com/main_service_image/basic/no-logo.png",
      active: 1,
      business_type_id: 1,
      active_staff_count: companyStaff(state, company.id).length,
      next_slot: nextSlot(state, company),
      group_priority: 900,
      main_group_id: state.chain.id,
      main_group: { id: state.chain.id, title: state.chain.title },
    }),
  update(company, ctx) {
    const body = ctx.body ?? {};
    for (const field of ["title", "short_descr", "address", "phone", "email"] as const)
      if (typeof body[field] === "string" && body[field].trim()) company[field] = body[field].trim();
  },
});

const positionView = (state: SimulatorState, position: Position) =>
  shaped("Position", position, { chain_id: state.chain.id, description: "" });

export const staff = collection<StaffMember>({
  rows: (state) => state.staff,
  notFound: "Сотрудник не найден",
  live: (m) => !m.fired,
  order: byWeight,
  listMeta: total,
  view: (member, { state }) =>
    shaped("Staff", member, {
      position: positionView(state, member.position),
      show_rating: 1,
      is_rating_shown: true,
      avatar_big: member.avatar,
      hidden: member.hidden ? 1 : 0,
      fired: member.fired ? 1 : 0,
      is_online: member.bookable,
      is_bookable: member.bookable,
      is_online_random_choice_allowed: true,
      prepaid: "forbidden",
      seance_step: 1800,
      seance_search_step: 1800,
      services_links: member.service_ids.map((id) => {
        const length = state.services.find((s) => s.id === id)?.duration ?? 3600;
        const link = { service_id: id, master_id: member.id, length };
        return shaped("StaffServiceLink", link, { is_online: true, is_offline_records_allowed: true });
      }),
      schedule_till: addDays(state.today, 60),
    }),
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
  view: (service) =>
    shaped("Service", service, {
      salon_service_id: service.id,
      booking_title: service.title,
      print_title: service.title,
      active: service.active ? 1 : 0,
      service_type: 1,
      prepaid: "forbidden",
      staff: service.staff_ids.map((id) => ({ id, seance_length: service.duration, technological_card_id: null })),
      is_online: service.active,
    }),
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
  view(category, { state }) {
    const services = companyServices(state, category.company_id).filter((s) => s.category_id === category.id);
    const prices = services.flatMap((s) => [s.price_min, s.price_max]);
    return shaped("ServiceCategory", category, {
      salon_service_id: category.id,
      booking_title: category.title,
      price_min: prices.length ? Math.min(...prices) : 0,
      price_max: prices.length ? Math.max(...prices) : 0,
      staff: [...new Set(services.flatMap((s) => s.staff_ids))],
    });
  },
});

/** Positions belong to the chain: every company lists the same ones. */
export const positions = collection<Position>({
  rows: (state) => state.positions,
  shared: true,
  notFound: "Должность не найдена",
  view: (p, ctx) => positionView(ctx.state, p),
});
