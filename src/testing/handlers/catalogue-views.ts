// Staff-side shapes of companies, chains, staff, services, categories and positions,
// following the spec's schemas and examples.
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
  const next = nextSlot(state, company);
  return {
    ...recordCompany(company),
    public_title: company.title,
    short_descr: company.short_descr,
    logo: "https://assets.yclients.com/main_service_image/basic/no-logo.png",
    active: 1,
    email: company.email,
    timezone_name: company.timezone_name,
    schedule: "",
    description: "",
    business_type_id: 1,
    phone_confirmation: false,
    active_staff_count: companyStaff(state, company.id).length,
    ...(next ? { next_slot: next } : {}),
    app_ios: "",
    app_android: "",
    group_priority: 900,
    booking_comment_required: false,
    booking_email_required: false,
    main_group_id: state.chain.id,
    main_group: { id: state.chain.id, title: state.chain.title },
  };
}

export function chainView(state: SimulatorState): Record<string, unknown> {
  return {
    id: state.chain.id,
    title: state.chain.title,
    companies: state.companies.map((c) => ({ id: c.id, title: c.title })),
    access: {
      settings_access: "1",
      clients_access: "1",
      users_access: "1",
      loyalty_access: "1",
      network_services_access: "1",
    },
  };
}

export function positionView(state: SimulatorState, position: Position): Record<string, unknown> {
  return {
    id: position.id,
    title: position.title,
    chain_id: state.chain.id,
    description: "",
    api_id: null,
    services_binding_type: 0,
    rules_required_fields: [],
    only_chain_appointment: false,
  };
}

export function staffView(state: SimulatorState, member: StaffMember): Record<string, unknown> {
  return {
    id: member.id,
    api_id: null,
    name: member.name,
    company_id: member.company_id,
    specialization: member.specialization,
    position: positionView(state, member.position),
    weight: member.weight,
    show_rating: 1,
    is_rating_shown: true,
    rating: member.rating,
    votes_count: member.votes_count,
    comments_count: 0,
    avatar: member.avatar,
    avatar_big: member.avatar,
    information: member.information,
    hidden: member.hidden ? 1 : 0,
    fired: member.fired ? 1 : 0,
    is_fired: member.fired,
    dismissal_date: null,
    dismissal_reason: null,
    status: 0,
    is_deleted: false,
    user_id: null,
    is_online: member.bookable,
    is_bookable: member.bookable,
    is_online_random_choice_allowed: true,
    is_chain: false,
    prepaid: "forbidden",
    seance_step: 1800,
    seance_search_step: 1800,
    is_timetable_off: false,
    services_links: member.service_ids.map((id) => {
      const service = state.services.find((s) => s.id === id);
      return {
        service_id: id,
        master_id: member.id,
        length: service?.duration ?? 3600,
        technological_card_id: null,
        api_id: null,
        is_online: true,
        is_offline_records_allowed: true,
        price: null,
      };
    }),
    schedule_till: addDays(state.today, 60),
  };
}

export function serviceView(service: Service): Record<string, unknown> {
  return {
    id: service.id,
    salon_service_id: service.id,
    title: service.title,
    booking_title: service.title,
    print_title: service.title,
    category_id: service.category_id,
    price_min: service.price_min,
    price_max: service.price_max,
    discount: 0,
    duration: service.duration,
    comment: service.comment,
    weight: service.weight,
    active: service.active ? 1 : 0,
    service_type: 1,
    api_id: null,
    is_multi: false,
    capacity: 0,
    prepaid: "forbidden",
    staff: service.staff_ids.map((id) => ({ id, seance_length: service.duration, technological_card_id: null })),
    image_group: [],
    resources: [],
    is_online: service.active,
  };
}

export function categoryView(state: SimulatorState, category: ServiceCategory): Record<string, unknown> {
  const services = companyServices(state, category.company_id).filter((s) => s.category_id === category.id);
  const prices = services.flatMap((s) => [s.price_min, s.price_max]);
  return {
    id: category.id,
    category_id: 0,
    salon_service_id: category.id,
    title: category.title,
    booking_title: category.title,
    weight: category.weight,
    api_id: null,
    price_min: prices.length ? Math.min(...prices) : 0,
    price_max: prices.length ? Math.max(...prices) : 0,
    sex: category.sex,
    is_chain: false,
    staff: [...new Set(services.flatMap((s) => s.staff_ids))],
  };
}
