// The online-booking shapes of services, categories, staff, times and the record's company, shaped by the spec's
// schemas (`shaped`) with the documented examples' quirks (numbers as strings in `book_staff`).
import { shaped } from "../engine/shape.js";
import type { Company, Service, ServiceCategory, StaffMember } from "../state.js";
import { isoWithOffset, localTime } from "../time.js";

export function bookService(service: Service, withLength: boolean): Record<string, unknown> {
  // Undefined fields stay out of the JSON: the length only comes for a chosen staff member.
  return shaped("BookService", service, {
    active: service.active ? 1 : 0,
    prepaid: "forbidden",
    seance_length: withLength ? service.duration : undefined,
  });
}

export const bookCategory = (category: ServiceCategory): Record<string, unknown> =>
  shaped("BookServiceCategory", category);

/** `book_staff` sends numbers as strings, as the documented example does; a member with no free day has no seances. */
export function bookStaff(member: StaffMember, seanceDate: string | undefined): Record<string, unknown> {
  const seances = seanceDate === undefined ? undefined : [];
  return shaped("BookStaff", member, {
    id: String(member.id),
    bookable: seanceDate !== undefined,
    show_rating: "1",
    rating: String(member.rating),
    votes_count: String(member.votes_count),
    comments_count: "0",
    weight: String(member.weight),
    seance_date: seanceDate,
    seances,
  });
}

export function bookTime(start: number, length: number, company: Company): Record<string, unknown> {
  return {
    time: localTime(start, company.utcOffset),
    seance_length: length,
    datetime: isoWithOffset(start, company.utcOffset),
  };
}

export function recordCompany(company: Company): Record<string, unknown> {
  return shaped("RecordCompany", company, {
    phones: [company.phone],
    timezone: company.utcOffset / 60,
    allow_delete_record: true,
    allow_change_record: true,
    currency_short_title: "₽",
  });
}
