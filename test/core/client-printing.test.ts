// Every ordinary way of spreading, listing, serialising or printing a client shows no secret: not the user token,
// not the partner token, not a custom header value. The secrets live in private (#) fields, so nothing that
// walks own properties can reach them, and the one object that does print settings (the transport) masks them.
import { inspect } from "node:util";
import { YclientsClient, YclientsTypedClient } from "../../src/index";
import { Transport } from "../../src/transport/transport";
import { json, ok, useServer } from "../helpers/scripted-server";

const PARTNER = "partner-PRINTED-secret-1";
const USER = "user-PRINTED-secret-2";
const HEADER = "header-PRINTED-secret-3";
const DERIVED_USER = "derived-PRINTED-secret-4";
const DERIVED_HEADER = "derived-header-PRINTED-secret-5";
const SECRET = /PRINTED-secret/;

const server = useServer((_req, res) => json(res, 200, ok([])));

/** Every ordinary way to look at an object, deep. */
function renderings(value: object): string[] {
  const deep = { depth: Infinity, showHidden: true, getters: true };
  return [
    inspect({ ...value }, deep),
    inspect({ ...value }, { ...deep, customInspect: false }),
    inspect(Object.entries(value), deep),
    inspect(Object.entries(value), { ...deep, customInspect: false }),
    inspect(value, deep),
    inspect(value, { ...deep, customInspect: false }),
    JSON.stringify(value),
    JSON.stringify({ ...value }),
    JSON.stringify(Object.entries(value)),
    String(Object.keys(value)),
    String(Object.values(value)),
  ];
}

const options = () => ({
  partnerToken: PARTNER,
  userToken: USER,
  headers: { "X-Api-Key": HEADER },
  baseUrl: server.url,
  companyId: 1,
  rateLimit: false as const,
});

describe.each([
  ["YclientsClient", () => new YclientsClient(options())],
  ["YclientsTypedClient", () => new YclientsTypedClient(options())],
])("%s", (_name, make) => {
  it("spread, entries, JSON and inspect (with and without customInspect) show no secret", async () => {
    const yc = make();
    // Used once, so lazily built parts (friendly resources, runners) exist too.
    await yc.GET("/countries");
    for (const shown of renderings(yc)) expect(shown).not.toMatch(SECRET);
  });

  it("the same for derived clients (withOptions, withUserToken)", async () => {
    const yc = make();
    const derived = yc.withOptions({ userToken: DERIVED_USER, headers: { "X-Other": DERIVED_HEADER } });
    const scoped = yc.withUserToken(DERIVED_USER);
    await derived.GET("/countries");
    await scoped.GET("/countries");
    for (const client of [derived, scoped]) {
      for (const shown of renderings(client)) expect(shown).not.toMatch(SECRET);
    }
    // The secrets are still sent.
    const last = server.seen.at(-2)!;
    expect(last.headers.authorization).toBe(`Bearer ${PARTNER}, User ${DERIVED_USER}`);
    expect(last.headers["x-other"]).toBe(DERIVED_HEADER);
    expect(last.headers["x-api-key"]).toBe(HEADER);
  });
});

describe("the transport", () => {
  const transport = () =>
    new Transport({
      partnerToken: PARTNER,
      accept: "application/json",
      timeoutMs: 1000,
      retry: { maxTries: 1, baseDelay: 0, expoFactor: 1, jitter: false, unsafe: false, maxRetryAfterMs: 0 },
      breaker: { failures: 5, halfOpenAfterMs: 1000 },
      fetch: (request, init) => fetch(request, init),
      errorBodyLimit: 1000,
    });

  it("prints its settings with the partner token masked", () => {
    const shown = inspect(transport());
    expect(shown).toContain("partnerToken: '[REDACTED]'");
    expect(shown).not.toMatch(SECRET);
  });

  it("shows no token however it is walked", () => {
    for (const shown of renderings(transport())) expect(shown).not.toMatch(SECRET);
  });
});
