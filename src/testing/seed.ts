// Builds the simulator's data from a seed: one chain, 2–3 companies, their services, staff
// with weekly schedules, clients and records around "today". Same seed and today, same data.
import { birthDate, CATALOGUE, CHAIN_TITLES, CITIES, person, phone, POSITIONS, SCHEDULES } from "./names.js";
import { hex, intBetween, pick, stream, type Random } from "./prng.js";
import { freeStarts } from "./slots.js";
import { seedCrm } from "./crm-seed.js";
import type { SimulatorUser } from "./options.js";
import {
  blankClient,
  nextId,
  type BookingUser,
  type Client,
  type Company,
  type Position,
  type Service,
  type ServiceCategory,
  type SimulatorState,
  type StaffMember,
  type StaffUser,
} from "./state.js";
import { addDays, MOSCOW_OFFSET_MINUTES, unixAt } from "./time.js";
import { FIRST_ACTIVITY_ID } from "./group-event-store.js";

export interface SeedInput {
  seed: number;
  today: string;
  users: readonly SimulatorUser[];
  /** Extra companies without a catalogue, so company lists can be long enough to page through. */
  extraCompanies?: number;
}

export function buildState({ seed, today, users, extraCompanies = 0 }: SeedInput): SimulatorState {
  const rnd = stream(seed, "data");
  const base = 1000 + intBetween(rnd, 0, 8999);
  const chain = { id: 100_000 + base, title: `Сеть салонов «${pick(rnd, CHAIN_TITLES)}»` };
  const positions: Position[] = POSITIONS.map((title, i) => ({ id: base * 10 + i + 1, title }));

  const companies: Company[] = [];
  const categories: ServiceCategory[] = [];
  const services: Service[] = [];
  const staff: StaffMember[] = [];
  const clients: Client[] = [];
  const companyCount = rnd() < 0.5 ? 2 : 3;
  let staffSeq = 0;

  for (let c = 0; c < companyCount; c++) {
    const city = CITIES[c === 0 ? 0 : intBetween(rnd, 0, CITIES.length - 1)];
    const company: Company = {
      id: 500_000 + base * 10 + c,
      chain_id: chain.id,
      title: `${chain.title.replace("Сеть салонов ", "")} — ${pick(rnd, city.streets).replace(/^(ул\.|пр-т) /, "")}`,
      short_descr: "Салон красоты",
      city_id: city.id,
      city: city.title,
      country_id: 1,
      country: "Россия",
      address: `${pick(rnd, city.streets)}, д. ${intBetween(rnd, 1, 80)}`,
      phone: "+" + phone(rnd),
      email: `salon${c + 1}@example.com`,
      timezone_name: "Europe/Moscow",
      utcOffset: MOSCOW_OFFSET_MINUTES,
      coordinate_lat: Number((city.lat + (rnd() - 0.5) / 10).toFixed(6)),
      coordinate_lon: Number((city.lon + (rnd() - 0.5) / 10).toFixed(6)),
      slotStep: 30,
      bookingDays: 30,
    };
    companies.push(company);

    // Three of the four catalogue sections, each with its services priced around the list price.
    const skip = intBetween(rnd, 0, CATALOGUE.length - 1);
    const sections = CATALOGUE.filter((_, i) => i !== skip);
    sections.forEach((section, si) => {
      const category: ServiceCategory = {
        id: 1_000_000 + base * 100 + categories.length + 1,
        company_id: company.id,
        title: section.title,
        weight: (sections.length - si) * 10,
        sex: 0,
      };
      categories.push(category);
      const masters: StaffMember[] = [];
      const masterCount = intBetween(rnd, 1, 2);
      for (let m = 0; m < masterCount; m++) {
        const p = person(rnd);
        const pattern = pick(rnd, SCHEDULES);
        const member: StaffMember = {
          id: 4_000_000 + base * 100 + ++staffSeq,
          company_id: company.id,
          name: `${p.name} ${p.surname}`,
          specialization: section.specialization,
          position: rnd() < 0.3 ? positions[1] : positions[0],
          rating: intBetween(rnd, 40, 50) / 10,
          votes_count: intBetween(rnd, 0, 120),
          weight: intBetween(rnd, 1, 20),
          avatar: "https://assets.yclients.com/masters/origin/no-master.png",
          information: "",
          bookable: true,
          fired: false,
          hidden: false,
          service_ids: [],
          schedule: Array.from({ length: 7 }, (_, day) =>
            pattern.days.includes(day) ? { from: pattern.from, to: pattern.to } : null,
          ),
        };
        masters.push(member);
        staff.push(member);
      }
      section.services.forEach((item, i) => {
        const price = item.price + intBetween(rnd, -3, 5) * 100;
        const service: Service = {
          id: 10_000_000 + base * 1000 + services.length + 1,
          company_id: company.id,
          category_id: category.id,
          title: item.title,
          price_min: price,
          price_max: rnd() < 0.4 ? price + intBetween(rnd, 5, 20) * 100 : price,
          duration: item.minutes * 60,
          weight: section.services.length - i,
          comment: "",
          active: true,
          staff_ids: masters.map((m) => m.id),
        };
        services.push(service);
        masters.forEach((m) => m.service_ids.push(service.id));
      });
    });

    const clientCount = intBetween(rnd, 14, 22);
    for (let k = 0; k < clientCount; k++) {
      clients.push({
        id: 80_000_000 + base * 1000 + clients.length + 1,
        ...blankClient(company.id, person(rnd)),
        phone: phone(rnd),
        email: rnd() < 0.5 ? `client${clients.length + 1}@example.com` : "",
        visits: intBetween(rnd, 0, 30),
        spent: intBetween(rnd, 0, 300) * 100,
        discount: pick(rnd, [0, 0, 0, 5, 10]),
        birth_date: birthDate(rnd, 1965, 2004),
      });
    }
  }

  const staffUsers: StaffUser[] = users.map((u, i) => ({
    id: 2_000_000 + base * 10 + i + 1,
    login: u.login,
    password: u.password,
    token: u.token ?? `usr_${hex(rnd, 32)}`,
    name: u.name ?? "Сотрудник",
    phone: u.phone ?? (/^\d+$/.test(u.login) ? u.login : ""),
    email: u.login.includes("@") ? u.login : "",
    ...(u.twoFactor ? { twoFactor: true } : {}),
  }));

  // Directory-only branches: listed and readable like any company, but with nothing to book.
  for (let e = 0; e < extraCompanies; e++) {
    const city = CITIES[e % CITIES.length];
    companies.push({
      ...companies[0],
      id: 700_000 + base * 10_000 + e,
      title: `${chain.title.replace("Сеть салонов ", "")} — филиал ${e + 1}`,
      city_id: city.id,
      city: city.title,
      address: `${city.streets[e % city.streets.length]}, д. ${(e % 80) + 1}`,
      email: `branch${e + 1}@example.com`,
    });
  }

  // The first two clients of each company can also sign in to online booking by password.
  const bookingUsers: BookingUser[] = [];
  for (const company of companies) {
    for (const client of clients.filter((c) => c.company_id === company.id).slice(0, 2)) {
      bookingUsers.push({
        id: 3_000_000 + base * 100 + bookingUsers.length + 1,
        login: client.phone,
        password: `sim-client-password-${bookingUsers.length + 1}`,
        token: `cli_${hex(rnd, 32)}`,
        name: `${client.name} ${client.surname}`,
        phone: client.phone,
        email: client.email,
      });
    }
  }

  const state: SimulatorState = {
    seed,
    today,
    chain,
    companies,
    positions,
    staff,
    serviceCategories: categories,
    services,
    clients,
    records: [],
    labels: [],
    staffUsers,
    bookingUsers,
    blacklistedPhones: new Set(["79990000000"]),
    smsCodes: new Map(),
    hooksSettings: new Map(),
    tables: {},
    smsCode: String(intBetween(rnd, 1000, 9999)),
    twoFactorChallenges: new Map(),
    // Derived from the seed without drawing from the data stream, so the seeded data stays as it was.
    twoFactorCode: String(100_000 + ((seed * 7919 + 4241) % 900_000)),
    nextIds: {
      record: 400_000_000 + base * 1000,
      client: 90_000_000 + base * 1000,
      bookingUser: 3_500_000 + base * 100,
      generic: 700_000_000 + base * 1000,
      money: 700_001,
      loyalty: 500_001,
      activity: FIRST_ACTIVITY_ID,
      waitingEntry: 1,
    },
  };
  seedRecords(state, rnd);
  seedCrm(state);
  return state;
}

/** A week of history and two weeks ahead: 0–3 records per working staff member per day. */
function seedRecords(state: SimulatorState, rnd: Random): void {
  for (const company of state.companies) {
    const companyClients = state.clients.filter((c) => c.company_id === company.id);
    for (let offset = -7; offset <= 14; offset++) {
      const date = addDays(state.today, offset);
      for (const member of state.staff.filter((s) => s.company_id === company.id)) {
        const wanted = intBetween(rnd, 0, 3);
        for (let n = 0; n < wanted; n++) {
          const serviceId = pick(rnd, member.service_ids);
          const service = state.services.find((s) => s.id === serviceId)!;
          const starts = freeStarts(state, company, member, date, service.duration);
          if (starts.length === 0) break;
          const start = pick(rnd, starts);
          const past = offset < 0;
          // Never created after the start of "today": a change time in the future would push an
          // incremental sync's checkpoint past the changes that come next.
          const created = Math.min(
            unixAt(addDays(date, -intBetween(rnd, 1, 10)), intBetween(rnd, 9 * 60, 21 * 60), company.utcOffset),
            unixAt(state.today, 0, company.utcOffset),
          );
          state.records.push({
            id: nextId(state, "record"),
            hash: hex(rnd, 32),
            company_id: company.id,
            staff_id: member.id,
            service_ids: [service.id],
            client_id: pick(rnd, companyClients).id,
            start,
            length: service.duration,
            comment: "",
            online: rnd() < 0.5,
            attendance: past ? pick(rnd, [1, 1, 1, -1]) : pick(rnd, [0, 2]),
            deleted: false,
            created_at: created,
            updated_at: created,
            notify_by_sms: pick(rnd, [0, 2, 24]),
            notify_by_email: 0,
            master_requested: rnd() < 0.7,
            api_id: "",
          });
        }
      }
    }
  }
  state.records.sort((a, b) => a.start - b.start || a.id - b.id);
}
