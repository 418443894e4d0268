// The simulator's data: plain objects that handlers read and change, and that tests may
// inspect through `sim.state`. Handlers turn rows into the API's response shapes (engine/shape.ts and the
// handlers/*-views.ts). A row field the API sends as is takes its type and description from the spec's schema
// (`Api<"Client", …>`); the rest (digit-only phones, Unix times, ids of attached things) are the simulator's own.
import type { components } from "../../generated/schema.js";
import type { GroupEventStore } from "./group-event-store.js";
import type { LoyaltyState } from "./loyalty-state.js";
import type { MoneyState } from "./money-state.js";
import type { Random } from "./prng.js";
import type { WaitingListStore } from "./waiting-list-store.js";

type Schemas = components["schemas"];
/** The fields `K` of the spec's schema `S`, present and typed as the spec documents them. */
export type Api<S extends keyof Schemas, K extends keyof Schemas[S]> = Required<Pick<Schemas[S], K>>;
/** Fields `K` of `S` that the spec types loosely (`Money`, `Id`: a number or a string); rows hold numbers. */
export type ApiNumbers<S extends keyof Schemas, K extends keyof Schemas[S]> = Record<K, number>;

export type Chain = Api<"Chain", "id" | "title">;

type CompanyFields = "title" | "short_descr" | "city_id" | "city" | "country_id" | "country" | "address";
export interface Company
  extends
    Api<"Company", CompanyFields | "phone" | "email" | "timezone_name">,
    ApiNumbers<"Company", "id" | "coordinate_lat" | "coordinate_lon"> {
  chain_id: number;
  /** Offset from UTC in minutes (180 for Moscow). */
  utcOffset: number;
  /** Minutes between bookable slot starts. */
  slotStep: number;
  /** How many days ahead online booking is open, counting from tomorrow. */
  bookingDays: number;
}

export type Position = Api<"Position", "id" | "title">;

/** Working hours per weekday (0 = Sunday); null = day off. */
export type WeeklySchedule = ReadonlyArray<{ from: string; to: string } | null>;

export type StaffMember = Api<"Staff", "company_id" | "name" | "specialization" | "avatar" | "information"> &
  ApiNumbers<"Staff", "id" | "rating" | "votes_count" | "weight"> &
  Record<"bookable" | "fired" | "hidden", boolean> & {
    position: Position;
    service_ids: number[];
    schedule: WeeklySchedule;
  };

export type ServiceCategory = Api<"ServiceCategory", "title" | "sex"> &
  ApiNumbers<"ServiceCategory", "id" | "weight"> & { company_id: number };

export type Service = Api<"Service", "title" | "duration" | "comment"> &
  ApiNumbers<"Service", "id" | "category_id" | "price_min" | "price_max" | "weight"> & {
    company_id: number;
    active: boolean;
    staff_ids: number[];
  };

type ClientFields = "id" | "name" | "surname" | "patronymic" | "email" | "sex_id" | "visits" | "spent" | "discount";
export interface Client
  extends Api<"Client", ClientFields | "comment">, Partial<Api<"Client", "importance_id" | "sms_check" | "sms_not">> {
  company_id: number;
  /** Digits only. */
  phone: string;
  /** `YYYY-MM-DD`, or "" when unknown. */
  birth_date: string;
  /** The CRM's fields (card, importance, SMS flags, labels…) are absent on clients the online booking created. */
  card?: string;
  /** Ids of the client labels attached. */
  label_ids?: number[];
  custom_fields?: Record<string, unknown>;
  /** Unix seconds; absent means "before the simulator started". */
  created_at?: number;
  updated_at?: number;
}

/** A client card of a company with the API's empty defaults; `fields` sets what the caller knows. */
export function blankClient(companyId: number, fields: Partial<Client> = {}): Omit<Client, "id"> {
  const texts = { name: "", surname: "", patronymic: "", phone: "", email: "" };
  const counts = { sex_id: 0, visits: 0, spent: 0, discount: 0 };
  return { company_id: companyId, ...texts, ...counts, comment: "", birth_date: "", ...fields };
}

export function addClient(state: SimulatorState, companyId: number, fields: Partial<Client>): Client {
  const client: Client = { ...blankClient(companyId, fields), id: nextId(state, "client") };
  state.clients.push(client);
  return client;
}

/** A label (category) of clients (`entity` 1) or records (`entity` 2). */
export type Label = Api<"Label", "title" | "color" | "icon"> & { id: number; company_id: number; entity: 1 | 2 };

type RecordFields =
  "id" | "company_id" | "staff_id" | "comment" | "online" | "attendance" | "length" | "master_requested";
/**
 * A record (appointment) of the CRM: an online booking or one made by staff. `start` is Unix seconds and `length`
 * seconds; `attendance` 2 confirmed, 1 arrived, 0 waiting, -1 no-show; `notify_by_*` and `*_remain_hours` are hours
 * before the visit for reminders (0 for none), set by the booking and by staff; `master_requested` is true when the
 * client chose this staff member (not "any staff member"); `api_id` echoes the booking request's.
 */
export interface SimRecord extends Api<"Record", RecordFields | "notify_by_sms" | "notify_by_email"> {
  /** Secret that, with the id, lets the booking client read or cancel the record. */
  hash: string;
  service_ids: number[];
  client_id: number | null;
  start: number;
  deleted: boolean;
  created_at: number;
  updated_at: number;
  api_id: string;
  /** The visit the record belongs to; absent means a visit of its own with the record's id. */
  visit_id?: number;
  /** The staff user who created it; absent (0) for online bookings. */
  created_user_id?: number;
  label_ids?: number[];
  custom_color?: string;
  custom_fields?: Record<string, unknown>;
  sms_remain_hours?: number;
  email_remain_hours?: number;
}

/** A staff account for `POST /auth`: a sign-in account with a password. */
export interface StaffUser extends BookingUser {
  password: string;
  /** Signs in in two steps: a challenge, then the code. */
  twoFactor?: boolean;
}

/** A two-factor sign-in waiting for its code (`POST /auth` answered with `uuid`). */
export interface TwoFactorChallenge {
  login: string;
  /** Wrong codes still allowed; at 0 the challenge is spent and the sign-in must start again. */
  attemptsLeft: number;
}

/** An online-booking client account for `/booking/auth` and the SMS sign-in (staff accounts add to it). */
export interface BookingUser extends Api<"User", "id" | "name" | "phone" | "email"> {
  login: string;
  /** Absent for accounts created by the SMS sign-in. */
  password?: string;
  token: string;
}

export type Session = { kind: "staff"; user: StaffUser } | { kind: "client"; user: BookingUser };

export interface SimulatorState {
  readonly seed: number;
  /** The simulator's "today" (`YYYY-MM-DD`, company time). */
  readonly today: string;
  chain: Chain;
  companies: Company[];
  positions: Position[];
  staff: StaffMember[];
  serviceCategories: ServiceCategory[];
  services: Service[];
  clients: Client[];
  records: SimRecord[];
  /** Client and record labels of every company. */
  labels: Label[];
  staffUsers: StaffUser[];
  bookingUsers: BookingUser[];
  /** Phones the companies refuse online bookings from (booking error 434). */
  blacklistedPhones: Set<string>;
  /** Last SMS code "sent" to each phone by `POST /book_code/{company_id}`. */
  smsCodes: Map<string, string>;
  /** The code every SMS of this seed carries. */
  readonly smsCode: string;
  /** Open two-factor sign-ins by `uuid`. */
  twoFactorChallenges: Map<string, TwoFactorChallenge>;
  /** The code every two-factor sign-in of this seed sends. */
  readonly twoFactorCode: string;
  /** Next id per kind, so created objects never collide with seeded ones (the one id source; see `nextId`). */
  nextIds: Record<IdKind, number>;
  /** Areas seeded the first time a handler or test asks for them (`moneyState`, `loyaltyState`, …), so a run that
   * never touches them pays nothing and the seeded data of the rest stays as it was. */
  money?: MoneyState;
  loyalty?: LoyaltyState;
  groupEvents?: GroupEventStore;
  waitingList?: WaitingListStore;
  /** Rows of the CRUD engine's collections that have no field of their own, by collection name. */
  tables: Record<string, unknown[]>;
  /** The seeded stream tokens and hashes come from (`secrets.ts`). */
  secrets?: Random;
  /** Webhook settings per company id (`/hooks_settings`); a company without an entry sends nothing. */
  hooksSettings: Map<number, HooksSettings>;
}

/** A company's webhook settings as `GET /hooks_settings/{company_id}` returns them: URLs and 0/1 flags. */
export interface HooksSettings {
  urls: string[];
  active: number;
  [flag: string]: number | string[];
}

/**
 * The kinds of ids the simulator hands out, each from its own range: CRM records and clients, booking accounts,
 * labels and other small objects (`generic`), finance and stock (`money`, from 700001), loyalty (`loyalty`, from
 * 500001), group events (`activity`, from 900001) and waiting-list entries (`waitingEntry`, from 1).
 */
export type IdKind =
  "record" | "client" | "bookingUser" | "generic" | "money" | "loyalty" | "activity" | "waitingEntry";

/** The next id of a kind: the one id source of the simulator. */
export function nextId(state: SimulatorState, kind: IdKind): number {
  return state.nextIds[kind]++;
}

/** Stores a new row in `rows` under the next id of `kind`. */
export function addRow<R>(state: SimulatorState, kind: IdKind, rows: R[], fields: Omit<R, "id">): R {
  const row = { id: nextId(state, kind), ...fields } as R;
  rows.push(row);
  return row;
}

export function findCompany(state: SimulatorState, id: unknown): Company | undefined {
  const n = Number(id);
  return state.companies.find((c) => c.id === n);
}

export function companyStaff(state: SimulatorState, companyId: number): StaffMember[] {
  return state.staff.filter((s) => s.company_id === companyId && !s.fired);
}

export function companyServices(state: SimulatorState, companyId: number): Service[] {
  return state.services.filter((s) => s.company_id === companyId);
}

export function findSession(state: SimulatorState, token: string): Session | undefined {
  const staff = state.staffUsers.find((u) => u.token === token);
  if (staff) return { kind: "staff", user: staff };
  const client = state.bookingUsers.find((u) => u.token === token);
  return client ? { kind: "client", user: client } : undefined;
}

/** Digits only, so `+7 (900) 000-00-00` and `79000000000` name the same phone. */
export function normalizePhone(value: unknown): string {
  return typeof value === "string" || typeof value === "number" ? String(value).replace(/\D/g, "") : "";
}
