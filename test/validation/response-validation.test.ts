// validateResponses against a node:http server on 127.0.0.1 that answers a mistyped staff member: a string where
// the spec says integer (a value that looks like a token, to prove values never reach a log or an error message),
// and null where the field is not nullable.
import { inspect } from "node:util";
import {
  YclientsClient,
  YclientsConfigError,
  YclientsResponseValidationError,
  type ValidationFinding,
} from "../../src/index";
import { log as defaultLog } from "../../src/log";
import { json, ok, useServer } from "../helpers/scripted-server";

const PARTNER = "partner-secret-0123456789abcdef";
const USER = "user-secret-fedcba9876543210";
/** Shaped like a JWT: if it showed up anywhere, a real token could too. */
const TOKEN_LIKE = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.c2VjcmV0LXNpZ25hdHVyZQ";
const PATH = "/company/{company_id}/staff/{staff_id}";

const mistyped = () => ok({ id: 7, name: null, company_id: TOKEN_LIKE, user_token: "ut-" + TOKEN_LIKE }, []);

const server = useServer((_req, res) => json(res, 200, mistyped()));

function captureLogger() {
  const lines: string[] = [];
  const write = (message: string, ...rest: unknown[]) => lines.push([message, ...rest.map(String)].join(" "));
  return { lines, logger: { debug: write, info: write, warn: write, error: write } };
}

function client(extra: Record<string, unknown> = {}) {
  return new YclientsClient({
    partnerToken: PARTNER,
    userToken: USER,
    baseUrl: server.url,
    retry: false,
    rateLimit: false,
    ...extra,
  });
}

const call = (yc: YclientsClient, options: Record<string, unknown> = {}) =>
  yc.GET(PATH, { params: { path: { company_id: 1, staff_id: 7 } }, ...options });

const EXPECTED_FINDINGS = [
  { pointer: "/data/name", location: "/data/name", expected: "string", got: "null" },
  { pointer: "/data/company_id", location: "/data/company_id", expected: "integer", got: "string" },
];

function assertNoSecretIn(text: string) {
  expect(text).not.toContain(TOKEN_LIKE);
  expect(text).not.toContain(PARTNER);
  expect(text).not.toContain(USER);
}

describe('validateResponses: "warn"', () => {
  it("logs each mismatch once per operation, status and location, with pointer and types but no value", async () => {
    const { lines, logger } = captureLogger();
    const yc = client({ validateResponses: "warn", logger });
    const first = await call(yc);
    await call(yc);
    // The answer still resolves: warn never changes what the caller gets.
    expect((first.data as { data: { id: number } }).data.id).toBe(7);
    const warnings = lines.filter((line) => line.startsWith("yclients:validate"));
    expect(warnings).toHaveLength(2);
    expect(warnings.find((l) => l.includes("/data/company_id"))).toMatch(/expected integer, got string/);
    expect(warnings.find((l) => l.includes("/data/name"))).toMatch(/expected string, got null/);
    for (const line of warnings) {
      expect(line).toContain(`GET ${PATH}`);
      expect(line).toContain("HTTP 200");
      // The structured finding, as JSON at the end of the line.
      const finding = JSON.parse(line.slice(line.indexOf('{"operation"'))) as ValidationFinding;
      expect(finding).toMatchObject({ operation: `GET ${PATH}`, status: 200 });
      assertNoSecretIn(line);
    }
    // A client derived with withOptions shares what was reported: still two lines.
    await call(yc.withOptions({ timeoutMs: 3000 }));
    expect(lines.filter((line) => line.startsWith("yclients:validate"))).toHaveLength(2);
  });

  it("writes to the yclients:validate debug channel when no logger is given", async () => {
    const lines: string[] = [];
    const channel = defaultLog.validate;
    const saved = { enabled: channel.enabled, log: channel.log };
    channel.enabled = true;
    channel.log = (...args: unknown[]) => lines.push(args.map(String).join(" "));
    try {
      await call(client({ validateResponses: "warn" }));
    } finally {
      channel.enabled = saved.enabled;
      channel.log = saved.log;
    }
    expect(lines).toHaveLength(2);
    expect(lines.join("\n")).toContain("/data/company_id");
    assertNoSecretIn(lines.join("\n"));
  });

  it("is reported once for a list where many items share the mismatch", async () => {
    const { lines, logger } = captureLogger();
    server.handle((_req, res) =>
      json(
        res,
        200,
        ok(
          [1, 2, 3].map((id) => ({ id, name: id })),
          [],
        ),
      ),
    );
    try {
      const yc = client({ validateResponses: "warn", logger });
      await yc.GET("/company/{company_id}/staff/", { params: { path: { company_id: 1 } } });
    } finally {
      server.handle((_req, res) => json(res, 200, mistyped()));
    }
    const warnings = lines.filter((line) => line.startsWith("yclients:validate"));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('"pointer":"/data/0/name"');
    expect(warnings[0]).toContain('"location":"/data/*/name"');
  });
});

describe('validateResponses: "throw"', () => {
  it("rejects with a YclientsResponseValidationError carrying the findings and the masked answer", async () => {
    const error = await call(client({ validateResponses: "throw" })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(YclientsResponseValidationError);
    const failure = error as YclientsResponseValidationError;
    expect(failure.name).toBe("YclientsResponseValidationError");
    expect(
      failure.findings.map(({ pointer, location, expected, got }) => ({ pointer, location, expected, got })),
    ).toEqual(expect.arrayContaining(EXPECTED_FINDINGS));
    expect(failure.findings).toHaveLength(2);
    expect(failure.status).toBe(200);
    expect(failure.path).toBe(PATH);
    expect(failure.message).toMatch(/does not match the spec: GET .* HTTP 200 at \/data\/\w+: expected/);
    assertNoSecretIn(failure.message);
    assertNoSecretIn(JSON.stringify(failure.findings));
    // The answer is kept like other errors' bodies: secret fields masked, no token of the client anywhere.
    const body = failure.body as { data: Record<string, unknown> };
    expect(body.data.user_token).not.toContain(TOKEN_LIKE);
    for (const text of [JSON.stringify(failure), inspect(failure), String(failure.stack)]) {
      expect(text).not.toContain(PARTNER);
      expect(text).not.toContain(USER);
    }
  });

  it("resolves when the answer matches", async () => {
    server.handle((_req, res) => json(res, 200, ok({ id: 7, name: "Anna", company_id: 1 }, [])));
    try {
      const result = await call(client({ validateResponses: "throw" }));
      expect((result.data as { data: { name: string } }).data.name).toBe("Anna");
    } finally {
      server.handle((_req, res) => json(res, 200, mistyped()));
    }
  });
});

describe("where validateResponses is set", () => {
  it("false (the default): a mismatching answer is neither refused nor logged, even with a logger", async () => {
    const { lines, logger } = captureLogger();
    await expect(call(client({ logger }))).resolves.toBeDefined();
    await expect(call(client({ logger, validateResponses: false }))).resolves.toBeDefined();
    expect(lines.some((line) => line.startsWith("yclients:http"))).toBe(true);
    expect(lines.filter((line) => line.startsWith("yclients:validate"))).toEqual([]);
  });

  it("per call: turns it on for one call of a client that has it off, and off for one of a client that has it on", async () => {
    await expect(call(client(), { validateResponses: "throw" })).rejects.toBeInstanceOf(
      YclientsResponseValidationError,
    );
    await expect(call(client({ validateResponses: "throw" }), { validateResponses: false })).resolves.toBeDefined();
  });

  it("in withOptions: a derived client validates, its parent does not", async () => {
    const parent = client();
    await expect(call(parent.withOptions({ validateResponses: "throw" }))).rejects.toBeInstanceOf(
      YclientsResponseValidationError,
    );
    await expect(call(parent)).resolves.toBeDefined();
  });

  it("in friendly methods, through the client option", async () => {
    const yc = client({ validateResponses: "throw", companyId: 1 });
    await expect(
      (yc as unknown as { staff: { get(id: number): Promise<unknown> } }).staff.get(7),
    ).rejects.toBeInstanceOf(YclientsResponseValidationError);
  });

  it("rejects an unknown value with a config error, before anything is sent", async () => {
    expect(() => client({ validateResponses: "strict" })).toThrow(YclientsConfigError);
    expect(() => client().withOptions({ validateResponses: true as never })).toThrow(YclientsConfigError);
    const before = server.seen.length;
    await expect(call(client(), { validateResponses: "yes" })).rejects.toBeInstanceOf(YclientsConfigError);
    expect(server.seen.length).toBe(before);
  });
});
