// `yclients --validate`: the executable against a node:http server on 127.0.0.1 that answers a mistyped staff
// member (a token-like string where the spec says integer). Bare --validate warns on stderr and still prints the
// answer; --validate=throw fails the command; a value that is neither is a usage error. And `yclients spec-drift`
// on the reference docs extract and on one with an operation added.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { json, ok, startServer, type TestServer } from "../helpers/scripted-server";
import { buildCliForTest, type CliHandle } from "./cli-harness";

const TOKEN_LIKE = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiI0MiJ9.c2lnbmF0dXJlLXZhbHVl";
let cli: CliHandle;
let server: TestServer;

beforeAll(async () => {
  [cli, server] = await Promise.all([
    buildCliForTest(),
    startServer((_req, res) => json(res, 200, ok({ id: 7, name: "Anna", company_id: TOKEN_LIKE }, []))),
  ]);
}, 60_000);
afterAll(async () => {
  cli?.dispose();
  await server?.close();
});

const env = () => ({
  YCLIENTS_PARTNER_TOKEN: "partner-cli-secret-1",
  YCLIENTS_USER_TOKEN: "user-cli-secret-2",
  YCLIENTS_BASE_URL: server.url,
});
const args = ["call", "GET", "/company/{company_id}/staff/{staff_id}", "-p", "company_id=1", "-p", "staff_id=7"];

describe("yclients --validate", () => {
  it("warns on stderr with the pointer and the types, prints the answer, exits 0", async () => {
    const { code, stdout, stderr } = await cli.run(["--validate", ...args], { env: env() });
    expect(code).toBe(0);
    expect(JSON.parse(stdout).data.id).toBe(7);
    expect(stderr).toMatch(/yclients:validate .*\/data\/company_id: expected integer, got string/);
    expect(stderr).not.toContain(TOKEN_LIKE);
  });

  it("--validate=throw fails the command with the finding", async () => {
    const { code, stdout, stderr } = await cli.run([...args, "--validate=throw"], { env: env() });
    expect(code).toBe(15);
    expect(stdout).toBe("");
    expect(stderr).toMatch(/YclientsResponseValidationError.*\/data\/company_id: expected integer, got string/);
    expect(stderr).not.toContain(TOKEN_LIKE);
  });

  it("without --validate nothing is checked", async () => {
    const { code, stderr } = await cli.run(args, { env: env() });
    expect(code).toBe(0);
    expect(stderr).toBe("");
  });

  it("rejects another value as a usage error", async () => {
    const { code, stderr } = await cli.run([...args, "--validate=strict"], { env: env() });
    expect(code).toBe(2);
    expect(stderr).toMatch(/--validate/);
  });

  it("never prints a token", () => {
    for (const text of cli.seen) {
      expect(text).not.toContain("partner-cli-secret-1");
      expect(text).not.toContain("user-cli-secret-2");
    }
  });
});

describe("yclients spec-drift", () => {
  const ROOT = join(__dirname, "..", "..");
  const FIXTURE = join(ROOT, "test", "fixtures", "reference", "yclients-docs-extract.json");
  const BASELINE = join(ROOT, "openapi", "drift-baseline.json");

  it("exits 0 on the shipped extract with the repository's baseline, 16 without it", async () => {
    const clean = await cli.run(["spec-drift", "--extract", FIXTURE, "--baseline", BASELINE]);
    expect(clean.stdout).toMatch(/no drift/);
    expect(clean.code).toBe(0);
    const raw = await cli.run(["spec-drift", "--json"], { env: { SPEC_DRIFT_EXTRACT: FIXTURE } });
    expect(raw.code).toBe(16);
    expect(JSON.parse(raw.stdout).drift).toBe(true);
  });

  it("reports an operation the docs added", async () => {
    const extract = JSON.parse(readFileSync(FIXTURE, "utf8")) as object[];
    extract.push({ method: "GET", path: "/api/v1/brand_new/{company_id}", query_params: [] });
    const file = join(cli.dir, "extract.json");
    writeFileSync(file, JSON.stringify(extract));
    const { code, stdout } = await cli.run(["spec-drift", "--extract", file, "--baseline", BASELINE]);
    expect(code).toBe(16);
    expect(stdout).toMatch(/^operation added \(1\)\n {2}GET \/api\/v1\/brand_new\/\{company_id\}$/m);
  });

  it("needs an extract", async () => {
    const { code, stderr } = await cli.run(["spec-drift"]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/--extract FILE/);
  });
});
