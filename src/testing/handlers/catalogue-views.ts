// Staff-side shapes of companies, chains, staff, services, categories and positions, shaped by the spec's
// schemas (`shaped`): each view names only what the row does not hold under the API's name.
import { shaped } from "../engine/shape.js";
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
import { recordCompany } from "./booking-views.js";

/** Earliest free one-hour slot of any staff member, as the company card shows it. */
function nextSlot(state: SimulatorState, company: Company): string | undefined {
  for (const date of bookingWindow(state, company)) {
    const starts = companyStaff(state, company.id).flatMap((m) => freeStarts(state, company, m, date, 3600));
    if (starts.length) return isoWithOffset(Math.min(...starts), company.utcOffset, false);
  }
  return undefined;
}

export function companyView(state: SimulatorState, company: Company): Record<string, unknown> {
  return shaped("Company", company, {
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
  });
}

export function chainView(state: SimulatorState): Record<string, unknown> {
  const access = ["settings", "clients", "users", "loyalty", "network_services"].map((area) => [`${area}_access`, "1"]);
  return shaped("Chain", state.chain, {
    companies: state.companies.map(({ id, title }) => ({ id, title })),
    access: Object.fromEntries(access),
  });
}

export function positionView(state: SimulatorState, position: Position): Record<string, unknown> {
  return shaped("Position", position, { chain_id: state.chain.id, description: "" });
}

export function staffView(state: SimulatorState, member: StaffMember): Record<string, unknown> {
  return shaped("Staff", member, {
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
      return shaped(
        "StaffServiceLink",
        {},
        {
          ...{ service_id: id, master_id: member.id, length },
          ...{ is_online: true, is_offline_records_allowed: true },
        },
      );
    }),
    schedule_till: addDays(state.today, 60),
  });
}

export function serviceView(service: Service): Record<string, unknown> {
  return shaped("Service", service, {
    salon_service_id: service.id,
    booking_title: service.title,
    print_title: service.title,
    active: service.active ? 1 : 0,
    service_type: 1,
    prepaid: "forbidden",
    staff: service.staff_ids.map((id) => ({ id, seance_length: service.duration, technological_card_id: null })),
    is_online: service.active,
  });
}

export function categoryView(state: SimulatorState, category: ServiceCategory): Record<string, unknown> {
  const services = companyServices(state, category.company_id).filter((s) => s.category_id === category.id);
  const prices = services.flatMap((s) => [s.price_min, s.price_max]);
  return shaped("ServiceCategory", category, {
    salon_service_id: category.id,
    booking_title: category.title,
    price_min: prices.length ? Math.min(...prices) : 0,
    price_max: prices.length ? Math.max(...prices) : 0,
    staff: [...new Set(services.flatMap((s) => s.staff_ids))],
  });
}
