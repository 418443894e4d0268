// The CRM part of the seeded data: labels, a client base of a few thousand and two years of
// past records, enough to page through and to filter. Drawn from its own PRNG stream, so the
// catalogue, staff and near-term records of a seed stay exactly as they were. The history
// ends a week before "today", so it never takes a slot online booking could offer.
import { birthDate, drawFemale, drawSurnameStem, fullName } from "./names.js";
import { hex, intBetween, pick, stream, type Random } from "./prng.js";
import {
  blankClient,
  nextId,
  type SimRecord,
  type Client,
  type Company,
  type Label,
  type Service,
  type SimulatorState,
  type StaffMember,
} from "./state.js";
import { workingWindow } from "./slots.js";
import { addDays, unixAt } from "./time.js";

/** Local midnight `days` after today, by arithmetic (the companies keep fixed offsets; see time.ts). */
function dayStart(state: SimulatorState, company: Company, days: number): number {
  return unixAt(state.today, 0, company.utcOffset) + days * 86_400;
}

/** Clients and history records per company: the first company gets the big base. */
export const CRM_VOLUME = { firstCompany: { clients: 2500, records: 3000 }, other: { clients: 300, records: 400 } };

const CLIENT_LABELS = [
  { title: "Постоянный клиент", color: "#009800", icon: "tag" },
  { title: "VIP", color: "#e8d313", icon: "star" },
  { title: "Черный список", color: "#0f0f0f", icon: "ban" },
  { title: "Лояльный", color: "#bfd4f2", icon: "heart" },
];
const RECORD_LABELS = [
  { title: "Сотрудник важен", color: "#ff2828", icon: "lock" },
  { title: "Сотрудник не важен", color: "#009800", icon: "unlock" },
];

function digits(rnd: Random, n: number): string {
  let out = "";
  for (let i = 0; i < n; i++) out += String(intBetween(rnd, 0, 9));
  return out;
}

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

interface Offer {
  member: StaffMember;
  services: Service[];
}

/** One past record of `member` starting at `start`. */
function historyRecord(
  state: SimulatorState,
  rnd: Random,
  company: Company,
  member: StaffMember,
  service: Service,
  start: number,
  clients: readonly Client[],
  creatorId: number,
): SimRecord {
  const created = start - intBetween(rnd, 1, 20) * 86_400 - intBetween(rnd, 0, 600) * 60;
  // Most history was last touched when the visit ended; some of it was edited later (payments, notes).
  const ended = start + service.duration;
  const changed = rnd() < 0.2 ? ended + intBetween(rnd, 1, 60) * 86_400 : ended;
  const online = rnd() < 0.4;
  return {
    id: nextId(state, "record"),
    hash: hex(rnd, 16),
    company_id: company.id,
    staff_id: member.id,
    service_ids: [service.id],
    client_id: pick(rnd, clients).id,
    start,
    length: service.duration,
    comment: "",
    online,
    attendance: pick(rnd, [1, 1, 1, 1, -1]),
    deleted: rnd() < 0.05,
    created_at: created,
    updated_at: Math.min(changed, dayStart(state, company, 0)),
    notify_by_sms: pick(rnd, [0, 2, 24]),
    notify_by_email: 0,
    master_requested: rnd() < 0.7,
    api_id: "",
    created_user_id: online ? 0 : creatorId,
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
  const offers: Offer[] = state.staff
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
        state.records.push(historyRecord(state, rnd, company, member, service, t, clients, creatorId));
        t += service.duration;
        made++;
      }
    }
  }
}

/** Adds labels, the client base and the record history to freshly seeded state. */
export function seedCrm(state: SimulatorState): void {
  const rnd = stream(state.seed, "crm");
  const creatorId = state.staffUsers[0]?.id ?? 0;
  state.companies.forEach((company, index) => {
    if (!state.staff.some((s) => s.company_id === company.id)) return; // directory-only branches
    for (const [entity, list] of [
      [1, CLIENT_LABELS],
      [2, RECORD_LABELS],
    ] as const) {
      for (const l of list) state.labels.push({ id: nextId(state, "generic"), company_id: company.id, entity, ...l });
    }
    const clientLabels = state.labels.filter((l) => l.company_id === company.id && l.entity === 1);
    const volume = index === 0 ? CRM_VOLUME.firstCompany : CRM_VOLUME.other;
    const base = state.clients.length;
    for (let k = 0; k < volume.clients; k++) {
      state.clients.push(newClient(state, rnd, company, nextId(state, "client"), clientLabels));
    }
    seedHistory(state, rnd, company, state.clients.slice(base), volume.records, creatorId);
  });
  state.records.sort((a, b) => a.start - b.start || a.id - b.id);
}
