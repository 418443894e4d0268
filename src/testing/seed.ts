// Builds the simulator's data from a seed: one chain, 2–3 companies, their services, staff
// with weekly schedules, clients and records around "today"; then the CRM's part (labels, a
// client base of a few thousand, two years of past records) from a stream of its own, so the
// rest of a seed's data stays exactly as it was. Same seed and today, same data.
import { birthDate, CATALOGUE, CHAIN_TITLES, CITIES, drawFemale, drawSurnameStem, fullName } from "./names.js";
import { person, phone, POSITIONS, SCHEDULES } from "./names.js";
import { hex, intBetween, pick, stream, type Random } from "./prng.js";
import { freeStarts, workingWindow } from "./slots.js";
import type { SimulatorUser } from "./options.js";
import { blankClient, nextId, type BookingUser, type Client, type Company, type Label } from "./state.js";
import type { Position, Service, ServiceCategory, SimulatorState, StaffMember, StaffUser } from "./state.js";
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
  state.records.sort((a, b) => a.start - b.start || a.id - b.id);
  return state;
}

/** A seeded record's fields that follow from its staff member and service, and the ones it leaves empty; each kind of
 * seeded record adds what it draws, in its own order. */
const recordBase = (state: SimulatorState, member: StaffMember, service: Service, start: number) => ({
  id: nextId(state, "record"),
  company_id: member.company_id,
  staff_id: member.id,
  service_ids: [service.id],
  start,
  length: service.duration,
  comment: "",
  notify_by_email: 0,
  api_id: "",
});

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
          // Never created after the start of "today": a change time in the future would push an
          // incremental sync's checkpoint past the changes that come next.
          const created = Math.min(
            unixAt(addDays(date, -intBetween(rnd, 1, 10)), intBetween(rnd, 9 * 60, 21 * 60), company.utcOffset),
            unixAt(state.today, 0, company.utcOffset),
          );
          state.records.push({
            ...recordBase(state, member, service, start),
            hash: hex(rnd, 32),
            client_id: pick(rnd, companyClients).id,
            online: rnd() < 0.5,
            attendance: offset < 0 ? pick(rnd, [1, 1, 1, -1]) : pick(rnd, [0, 2]),
            deleted: false,
            created_at: created,
            updated_at: created,
            notify_by_sms: pick(rnd, [0, 2, 24]),
            master_requested: rnd() < 0.7,
          });
        }
      }
    }
  }
}

/** Local midnight `days` after today, by arithmetic (the companies keep fixed offsets; see time.ts). */
const dayStart = (state: SimulatorState, company: Company, days: number): number =>
  unixAt(state.today, 0, company.utcOffset) + days * 86_400;

/** Clients and history records per company: the first company gets the big base. */
const CRM_VOLUME = { firstCompany: { clients: 2500, records: 3000 }, other: { clients: 300, records: 400 } };

/** Every company's labels: of clients (`entity` 1), then of records (2). */
const LABELS: ReadonlyArray<[entity: 1 | 2, title: string, color: string, icon: string]> = [
  [1, "Постоянный клиент", "#009800", "tag"],
  [1, "VIP", "#e8d313", "star"],
  [1, "Черный список", "#0f0f0f", "ban"],
  [1, "Лояльный", "#bfd4f2", "heart"],
  [2, "Сотрудник важен", "#ff2828", "lock"],
  [2, "Сотрудник не важен", "#009800", "unlock"],
];

const digits = (rnd: Random, n: number) => Array.from({ length: n }, () => intBetween(rnd, 0, 9)).join("");

function newClient(state: SimulatorState, rnd: Random, company: Company, id: number, labels: Label[]): Client {
  const female = drawFemale(rnd);
  const stem = drawSurnameStem(rnd);
  const created = dayStart(state, company, -intBetween(rnd, 30, 900)) + intBetween(rnd, 540, 1260) * 60;
  const changed = rnd() < 0.3 ? created + intBetween(rnd, 1, 25) * 86_400 : created;
  const bday = birthDate(rnd, 1960, 2006);
  return {
    id,
    ...blankClient(company.id),
    ...fullName(rnd, female, stem),
    phone: "79" + digits(rnd, 9),
    email: rnd() < 0.4 ? `crm${id}@example.com` : "",
    sex_id: rnd() < 0.1 ? 0 : female ? 2 : 1,
    spent: intBetween(rnd, 0, 400) * 100,
    discount: pick(rnd, [0, 0, 0, 0, 5, 10, 15]),
    birth_date: rnd() < 0.15 ? "" : bday,
    card: rnd() < 0.3 ? digits(rnd, 9) : "",
    importance_id: pick(rnd, [0, 0, 0, 1, 2, 3]),
    sms_check: rnd() < 0.5 ? 1 : 0,
    sms_not: rnd() < 0.1 ? 1 : 0,
    label_ids: labels.filter(() => rnd() < 0.15).map((l) => l.id),
    custom_fields: {},
    created_at: created,
    updated_at: changed,
  };
}

/**
 * Walks back day by day from a week before today, giving each working staff member 0–3
 * back-to-back records inside their hours, until `quota` records exist. Records never
 * overlap and always lie in working hours, like the near-term ones.
 */
function seedHistory(
  state: SimulatorState,
  rnd: Random,
  company: Company,
  clients: readonly Client[],
  quota: number,
  creatorId: number,
): void {
  const offers = state.staff
    .filter((s) => s.company_id === company.id)
    .map((member) => ({ member, services: state.services.filter((s) => member.service_ids.includes(s.id)) }))
    .filter((o) => o.services.length > 0);
  if (offers.length === 0 || clients.length === 0) return;
  let made = 0;
  for (let offset = -8; offset >= -730 && made < quota; offset--) {
    const date = addDays(state.today, offset);
    for (const { member, services } of offers) {
      const window = workingWindow(company, member, date);
      if (!window) continue;
      let t = window.from;
      for (let n = intBetween(rnd, 0, 3); n > 0 && made < quota; n--) {
        t += intBetween(rnd, 0, 4) * company.slotStep * 60;
        const service = pick(rnd, services);
        if (t + service.duration > window.to) break;
        const created = t - intBetween(rnd, 1, 20) * 86_400 - intBetween(rnd, 0, 600) * 60;
        // Most history was last touched when the visit ended; some of it was edited later (payments, notes).
        const ended = t + service.duration;
        const changed = rnd() < 0.2 ? ended + intBetween(rnd, 1, 60) * 86_400 : ended;
        const online = rnd() < 0.4;
        state.records.push({
          ...recordBase(state, member, service, t),
          hash: hex(rnd, 16),
          client_id: pick(rnd, clients).id,
          online,
          attendance: pick(rnd, [1, 1, 1, 1, -1]),
          deleted: rnd() < 0.05,
          created_at: created,
          updated_at: Math.min(changed, dayStart(state, company, 0)),
          notify_by_sms: pick(rnd, [0, 2, 24]),
          master_requested: rnd() < 0.7,
          created_user_id: online ? 0 : creatorId,
        });
        t += service.duration;
        made++;
      }
    }
  }
}

/**
 * Adds labels, the client base and the record history to freshly seeded state. The history ends a week before
 * "today", so it never takes a slot online booking could offer.
 */
function seedCrm(state: SimulatorState): void {
  const rnd = stream(state.seed, "crm");
  const creatorId = state.staffUsers[0]?.id ?? 0;
  state.companies.forEach((company, index) => {
    if (!state.staff.some((s) => s.company_id === company.id)) return; // directory-only branches
    for (const [entity, title, color, icon] of LABELS) {
      state.labels.push({ id: nextId(state, "generic"), company_id: company.id, entity, title, color, icon });
    }
    const clientLabels = state.labels.filter((l) => l.company_id === company.id && l.entity === 1);
    const volume = index === 0 ? CRM_VOLUME.firstCompany : CRM_VOLUME.other;
    const base = state.clients.length;
    for (let k = 0; k < volume.clients; k++) {
      state.clients.push(newClient(state, rnd, company, nextId(state, "client"), clientLabels));
    }
    seedHistory(state, rnd, company, state.clients.slice(base), volume.records, creatorId);
  });
}
