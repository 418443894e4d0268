// Shared helpers of the simulator tests: a started simulator and a small HTTP caller.
import { startYclientsSimulator, type SimulatorOptions, type YclientsSimulator } from "../../src/testing/index";

export const ACCEPT = "application/vnd.yclients.v2+json";
/** A fixed "today" so dates in assertions never depend on the clock. */
export const TODAY = "2026-03-10";

export interface CallOptions {
  /** User token to append to the partner token. */
  user?: string;
  /** Replace the Authorization header entirely (null leaves it out). */
  authorization?: string | null;
  accept?: string | null;
  body?: unknown;
  /** Raw body text, sent as is. */
  rawBody?: string;
  query?: Record<string, string | number | Array<string | number>>;
}

export interface CallResult {
  status: number;
  headers: Headers;
  /** Parsed JSON, or the raw text when it is not JSON, or undefined when empty. */
  body: any;
  text: string;
}

export function start(options: SimulatorOptions = {}): Promise<YclientsSimulator> {
  return startYclientsSimulator({ rateLimit: false, today: TODAY, ...options });
}

export async function call(
  sim: YclientsSimulator,
  method: string,
  path: string,
  options: CallOptions = {},
): Promise<CallResult> {
  const url = new URL(sim.url + path);
  for (const [key, value] of Object.entries(options.query ?? {})) {
    for (const v of Array.isArray(value) ? value : [value]) url.searchParams.append(key, String(v));
  }
  const headers: Record<string, string> = {};
  const auth =
    options.authorization === undefined
      ? `Bearer ${sim.partnerToken}${options.user ? `, User ${options.user}` : ""}`
      : options.authorization;
  if (auth !== null) headers.authorization = auth;
  const accept = options.accept === undefined ? ACCEPT : options.accept;
  if (accept !== null) headers.accept = accept;
  let body: string | FormData | undefined;
  if (options.rawBody !== undefined) body = options.rawBody;
  else if (options.body instanceof FormData)
    body = options.body; // fetch sets the multipart content type
  else if (options.body !== undefined) body = JSON.stringify(options.body);
  if (typeof body === "string") headers["content-type"] = "application/json";
  const res = await fetch(url, { method, headers, body });
  const text = await res.text();
  let parsed: any;
  if (text) {
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = text;
    }
  }
  return { status: res.status, headers: res.headers, body: parsed, text };
}

/** A staff token and a booking-client token from the seeded state. */
export function tokens(sim: YclientsSimulator): { staff: string; client: string } {
  return { staff: sim.state.staffUsers[0].token, client: sim.state.bookingUsers[0].token };
}

/** The first free slot (any company staff member, first service they offer) after today. */
export async function findFreeSlot(
  sim: YclientsSimulator,
  companyIndex = 0,
): Promise<{ companyId: number; staffId: number; serviceId: number; date: string; datetime: string }> {
  const company = sim.state.companies[companyIndex];
  const dates = await call(sim, "GET", `/book_dates/${company.id}`);
  for (const date of dates.body.data.booking_dates as string[]) {
    for (const member of sim.state.staff.filter((s) => s.company_id === company.id)) {
      const serviceId = member.service_ids[0];
      const times = await call(sim, "GET", `/book_times/${company.id}/${member.id}/${date}`, {
        query: { "service_ids[]": serviceId },
      });
      if (times.body.data.length)
        return { companyId: company.id, staffId: member.id, serviceId, date, datetime: times.body.data[0].datetime };
    }
  }
  throw new Error("no free slot in the seeded data");
}
