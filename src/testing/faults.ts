// Fault injection: answers that a flaky network or gateway would give, chosen per route.
import type { Random } from "./prng.js";
import { fail, MESSAGES, tooManyRequests, type SimResponse } from "./reply.js";

/**
 * Which requests a fault hits. A string is `"METHOD /path"` or just `"/path"` (any method),
 * where the path is either the spec template (`/book_dates/{company_id}`) or a concrete path
 * (`/book_dates/123`), relative to `/api/v1`. A RegExp is tested against both
 * `"METHOD /concrete/path"` and `"METHOD /template"`. Omitted: every request.
 */
export type FaultRoute = string | RegExp;

export interface FaultScope {
  route?: FaultRoute;
  /** Chance (0..1) that a matching request is hit, drawn from the seeded PRNG (default 1). */
  rate?: number;
  /** Hit at most this many requests, then the fault retires (default: unlimited). */
  times?: number;
}

export type Fault = FaultScope &
  (
    | { kind: "status"; status: number }
    /** Delays the answer, then answers normally (or with another fault). */
    | { kind: "latency"; ms: number }
    /** Destroys the socket without an answer. */
    | { kind: "reset" }
    /** Sends the normal status and headers with only the first half of the JSON body. */
    | { kind: "truncate" }
    /** A 502 HTML page, as a proxy in front of the API would send. */
    | { kind: "html" }
    /** A 429 with `Retry-After: retryAfter` regardless of the real rate limit. */
    | { kind: "rateLimit"; retryAfter: number }
  );

type TerminalFault = Exclude<Fault, { kind: "latency" }>;

interface FaultDecision {
  /** Total delay to add before answering, in ms. */
  latency: number;
  /** The fault that replaces the answer, if any. */
  terminal?: TerminalFault;
}

interface Entry {
  fault: Fault;
  remaining: number;
}

const normalizePath = (path: string): string => (path.length > 1 ? path.replace(/\/+$/, "") : path);

/** Whether `route` names the request, given as its method and its paths (the concrete one, then the template). */
function routeMatches(route: FaultRoute | undefined, method: string, paths: string[]): boolean {
  if (route === undefined) return true;
  if (route instanceof RegExp) {
    return paths.some((path) => {
      route.lastIndex = 0; // a /g or /y pattern is stateful; start fresh each time
      return route.test(`${method} ${path}`);
    });
  }
  const text = route.trim();
  const space = text.indexOf(" ");
  if (space > 0 && text.slice(0, space).toUpperCase() !== method) return false;
  const wanted = normalizePath(space > 0 ? text.slice(space + 1).trim() : text);
  return paths.some((path) => normalizePath(path) === wanted);
}

export class FaultInjector {
  private entries: Entry[] = [];

  constructor(private readonly random: Random) {}

  set(faults: readonly Fault[]): void {
    this.entries = [];
    faults.forEach((fault) => this.add(fault));
  }

  add(fault: Fault): void {
    this.entries.push({ fault: { ...fault }, remaining: fault.times ?? Infinity });
  }

  list(): Fault[] {
    return this.entries.map((e) => e.fault);
  }

  /** Decides what happens to one request: latencies add up; the first terminal fault wins. */
  decide(method: string, path: string, template: string | undefined): FaultDecision {
    const decision: FaultDecision = { latency: 0 };
    const paths = template === undefined ? [path] : [path, template];
    for (const entry of this.entries) {
      const { fault } = entry;
      if (entry.remaining <= 0 || !routeMatches(fault.route, method, paths)) continue;
      if (fault.kind !== "latency" && decision.terminal) continue;
      if (fault.rate !== undefined && !(this.random() < fault.rate)) continue;
      entry.remaining--;
      if (fault.kind === "latency") decision.latency += Math.max(0, fault.ms);
      else decision.terminal = fault;
    }
    this.entries = this.entries.filter((e) => e.remaining > 0);
    return decision;
  }
}

const BAD_GATEWAY_PAGE =
  "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n";

/** What a terminal fault sends instead of the `normal` answer; undefined for a reset (no answer at all). */
export function faultAnswer(fault: TerminalFault, normal: () => SimResponse): SimResponse | undefined {
  switch (fault.kind) {
    case "reset":
      return undefined;
    case "html":
      return {
        status: 502,
        body: Buffer.from(BAD_GATEWAY_PAGE),
        headers: { "content-type": "text/html; charset=utf-8" },
      };
    case "truncate": {
      // Valid HTTP framing around half a JSON document: the client sees a parse failure.
      const { status, body, headers } = normal();
      const full = Buffer.from(JSON.stringify(body ?? { success: true, data: null, meta: [] }));
      return {
        status: status === 204 ? 200 : status,
        body: full.subarray(0, Math.floor(full.length / 2)),
        headers: { ...headers, "content-type": "application/json; charset=utf-8" },
      };
    }
    case "rateLimit":
      return tooManyRequests(fault.retryAfter);
    case "status":
      return fail(fault.status, fault.status >= 500 ? MESSAGES.serverError : `Ошибка ${fault.status}`);
  }
}
