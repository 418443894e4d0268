// The one harness of the tests that run against the simulator: a simulator on 127.0.0.1 with a pinned day,
// an SDK client signed in as one of its staff users, and a small raw HTTP caller for what the SDK would hide.
import { YclientsClient, YclientsValidationError, type YclientsClientOptions } from "../../src/index";
import { startYclientsSimulator, type SimulatorOptions, type YclientsSimulator } from "../../src/testing/index";
import type { Client, Company, Service, StaffMember } from "../../src/testing/state";
import { perFile } from "./per-file";

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

/** A simulator with its rate limit off and "today" pinned (both overridable); close it in afterAll. */
export function start(options: SimulatorOptions = {}): Promise<YclientsSimulator> {
  return startYclientsSimulator({ rateLimit: false, today: TODAY, ...options });
}

export interface SignedIn {
  sim: YclientsSimulator;
  /** Signed in as the first staff user, default company the first company. */
  yc: YclientsClient;
  company: Company;
  companyId: number;
  chainId: number;
  /** Every URL the client fetched, in order. */
  urls: string[];
  staffOf(company: Company): StaffMember[];
  servicesOf(company: Company): Service[];
  clientsOf(company: Company): Client[];
}

/** Starts a simulator (see `start`) and a client signed in to it; `client` overrides the client's options. */
export async function startSignedIn(
  options: { simulator?: SimulatorOptions; client?: Partial<YclientsClientOptions> } = {},
): Promise<SignedIn> {
  const sim = await start(options.simulator);
  const company = sim.state.companies[0];
  const urls: string[] = [];
  const recordingFetch: typeof fetch = (input, init) => {
    urls.push(input instanceof Request ? input.url : String(input));
    return fetch(input, init);
  };
  const yc = new YclientsClient({
    partnerToken: sim.partnerToken,
    userToken: sim.state.staffUsers[0].token,
    baseUrl: sim.url,
    companyId: company.id,
    fetch: recordingFetch,
    // The simulator's limit is off, and so is the client's: the limiter is tested in test/ratelimit.
    rateLimit: false,
    ...options.client,
  });
  return {
    sim,
    yc,
    company,
    companyId: company.id,
    chainId: sim.state.chain.id,
    urls,
    staffOf: (c) => sim.state.staff.filter((s) => s.company_id === c.id && !s.fired),
    servicesOf: (c) => sim.state.services.filter((s) => s.company_id === c.id),
    clientsOf: (c) => sim.state.clients.filter((client) => client.company_id === c.id),
  };
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

/** Expects `call` to fail as a 422 YclientsValidationError naming exactly `fields`; answers the error. */
export async function expectFieldErrors(call: Promise<unknown>, fields: string[]): Promise<YclientsValidationError> {
  const error = await call.catch((e: unknown) => e);
  expect(error).toBeInstanceOf(YclientsValidationError);
  const invalid = error as YclientsValidationError;
  expect(invalid.status).toBe(422);
  expect(Object.keys(invalid.fieldErrors ?? {}).sort()).toEqual([...fields].sort());
  return invalid;
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

/** `startSignedIn` once for the test file (see perFile); the simulator is closed after it. */
export function useSignedIn(options: Parameters<typeof startSignedIn>[0] = {}): SignedIn {
  return perFile(
    "the simulator",
    () => startSignedIn(options),
    (h) => h.sim.close(),
  );
}
