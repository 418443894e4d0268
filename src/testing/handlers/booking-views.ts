// Turns the simulator's objects into the shapes the API sends. Each view follows the spec's
// schema and the documented examples, including their quirks (numbers as strings in
// `book_staff`, offsets without a colon in record dates).
import type { SimRecord, Company, Service, ServiceCategory, SimulatorState, StaffMember } from "../state.js";
import { isoWithOffset, localTime, spacedDateTime } from "../time.js";
import { servicesOf, staffCard } from "./crm-views.js";

export function bookService(service: Service, withLength: boolean): Record<string, unknown> {
  return {
    id: service.id,
    title: service.title,
    category_id: service.category_id,
    price_min: service.price_min,
    price_max: service.price_max,
    discount: 0,
    comment: service.comment,
    weight: service.weight,
    active: service.active ? 1 : 0,
    sex: 0,
    image: "",
    prepaid: "forbidden",
    ...(withLength ? { seance_length: service.duration } : {}),
  };
}

export function bookCategory(category: ServiceCategory): Record<string, unknown> {
  return { id: category.id, title: category.title, sex: category.sex, api_id: "", weight: category.weight };
}

/** `book_staff` sends numbers as strings, as the documented example does. */
export function bookStaff(member: StaffMember, seanceDate: string | undefined): Record<string, unknown> {
  return {
    id: String(member.id),
    name: member.name,
    bookable: seanceDate !== undefined,
    specialization: member.specialization,
    position: { id: member.position.id, title: member.position.title },
    show_rating: "1",
    rating: String(member.rating),
    votes_count: String(member.votes_count),
    avatar: member.avatar,
    comments_count: "0",
    weight: String(member.weight),
    information: member.information,
    ...(seanceDate !== undefined ? { seance_date: seanceDate, seances: [] } : {}),
  };
}

export function bookTime(start: number, length: number, company: Company): Record<string, unknown> {
  return {
    time: localTime(start, company.utcOffset),
    seance_length: length,
    datetime: isoWithOffset(start, company.utcOffset),
  };
}

export function recordCompany(company: Company): Record<string, unknown> {
  return {
    id: company.id,
    title: company.title,
    country_id: company.country_id,
    country: company.country,
    city_id: company.city_id,
    city: company.city,
    phone: company.phone,
    phones: [company.phone],
    timezone: company.utcOffset / 60,
    address: company.address,
    coordinate_lat: company.coordinate_lat,
    coordinate_lon: company.coordinate_lon,
    allow_delete_record: true,
    allow_change_record: true,
    site: "",
    currency_short_title: "₽",
    allow_change_record_delay_step: 0,
    allow_delete_record_delay_step: 0,
  };
}

/** The compact record view of the online-booking operations. */
export function onlineRecord(state: SimulatorState, record: SimRecord): Record<string, unknown> {
  const company = state.companies.find((c) => c.id === record.company_id)!;
  const offset = company.utcOffset;
  return {
    id: record.id,
    services: servicesOf(state, record).map((s) => ({
      id: s.id,
      title: s.title,
      cost: s.price_min,
      price_min: s.price_min,
      price_max: s.price_max,
      discount: 0,
      amount: 1,
      seance_length: s.duration,
    })),
    company: recordCompany(company),
    staff: { ...staffCard(state, record.staff_id), show_rating: 1, comments_count: 0 },
    clients_count: 1,
    date: spacedDateTime(record.start, offset),
    datetime: isoWithOffset(record.start, offset, false),
    create_date: isoWithOffset(record.created_at, offset, false),
    comment: record.comment,
    deleted: record.deleted,
    attendance: record.attendance,
    length: record.length,
    notify_by_sms: record.notify_by_sms,
    notify_by_email: record.notify_by_email,
    master_requested: record.master_requested,
    online: record.online,
    api_id: record.api_id,
    last_change_date: isoWithOffset(record.updated_at, offset, false),
    prepaid: false,
    prepaid_confirmed: false,
    activity_id: 0,
  };
}
