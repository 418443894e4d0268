// `make spec-drift` (scripts/spec-drift.ts) run as a subprocess on docs extracts derived from the reference copy:
// unmodified it exits 0 (every difference is in openapi/drift-baseline.json); with an operation added, one removed,
// an answer field retyped and a query parameter added, it reports each and exits 1.
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";

const ROOT = join(__dirname, "..", "..");
const FIXTURE = join(ROOT, "test", "fixtures", "reference", "yclients-docs-extract.json");
const TSX = join(ROOT, "node_modules", ".bin", "tsx");
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "spec-drift-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function drift(args: string[], env: Record<string, string> = {}) {
  try {
    const { stdout, stderr } = await promisify(execFile)(TSX, [join(ROOT, "scripts", "spec-drift.ts"), ...args], {
      cwd: ROOT,
      env: { ...process.env, ...env },
      timeout: 60_000,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return { code: e.code ?? -1, stdout: e.stdout ?? "", stderr: e.stderr ?? "" };
  }
}

type Entry = Record<string, any>;
const fixture = (): Entry[] => JSON.parse(readFileSync(FIXTURE, "utf8"));

function write(name: string, extract: Entry[]): string {
  const file = join(dir, name);
  writeFileSync(file, JSON.stringify(extract));
  return file;
}

/** The reference extract with one change of each kind. */
function modified(): Entry[] {
  const extract = fixture();
  const auth = extract.find((e) => e.method === "POST" && e.path === "/api/v1/auth")!;
  auth.response_schema_top = { ...auth.response_schema_top, id: "string" };
  const dates = extract.find((e) => e.method === "GET" && e.path === "/api/v1/book_dates/{company_id}")!;
  dates.query_params = [...dates.query_params, "brand_new_filter"];
  extract.push({
    method: "GET",
    path: "/api/v1/company/{company_id}/brand_new_report",
    path_params: ["company_id"],
    query_params: [],
    request_body_fields: {},
    response_schema_top: { success: "boolean", data: "object", meta: "object" },
  });
  const removed = extract.findIndex((e) => e.method === "GET" && e.path === "/api/v1/companies");
  extract.splice(removed, 1);
  return extract;
}

describe("make spec-drift", () => {
  it("exits 0 on the shipped extract: every difference is a known one in the baseline", async () => {
    const { code, stdout } = await drift(["--extract", FIXTURE]);
    expect(stdout).toMatch(/no drift/);
    expect(code).toBe(0);
  }, 60_000);

  it("takes the extract from SPEC_DRIFT_EXTRACT too, and reports the known differences without the baseline", async () => {
    const { code, stdout } = await drift(["--no-baseline"], { SPEC_DRIFT_EXTRACT: write("same.json", fixture()) });
    expect(code).toBe(1);
    expect(stdout).toMatch(/^spec-drift: \d+ differences between the spec and the docs/);
  }, 60_000);

  it("reports an added and a removed operation, a retyped answer field and an added parameter, and exits 1", async () => {
    const file = write("modified.json", modified());
    const { code, stdout } = await drift(["--extract", file]);
    expect(code).toBe(1);
    expect(stdout).toMatch(/^operation added \(1\)\n {2}GET \/api\/v1\/company\/\{company_id\}\/brand_new_report$/m);
    expect(stdout).toMatch(/^operation removed \(1\)\n {2}GET \/companies$/m);
    expect(stdout).toMatch(
      /^answer field retyped \(1\)\n {2}POST \/auth {2}id: docs string \[string\], spec integer$/m,
    );
    expect(stdout).toMatch(/^parameter added \(1\)\n {2}GET \/book_dates\/\{company_id\} {2}query:brand_new_filter$/m);

    const json = await drift(["--extract", file, "--json"]);
    expect(json.code).toBe(1);
    const report = JSON.parse(json.stdout) as { drift: boolean; differences: { kind: string; operation: string }[] };
    expect(report.drift).toBe(true);
    expect(report.differences.map((d) => `${d.kind}: ${d.operation}`).sort()).toEqual([
      "answer field retyped: POST /auth",
      "operation added: GET /api/v1/company/{company_id}/brand_new_report",
      "operation removed: GET /companies",
      "parameter added: GET /book_dates/{company_id}",
    ]);
  }, 60_000);

  it("writes a baseline that makes the same extract pass", async () => {
    const file = write("modified-again.json", modified());
    const baseline = join(dir, "baseline.json");
    expect((await drift(["--extract", file, "--baseline", baseline, "--write-baseline"])).code).toBe(0);
    const { code, stdout } = await drift(["--extract", file, "--baseline", baseline]);
    expect(stdout).toMatch(/no drift/);
    expect(code).toBe(0);
  }, 60_000);

  it("is a usage error (exit 2) without an extract, or with one that is not an extract", async () => {
    const none = await drift([], { SPEC_DRIFT_EXTRACT: "" });
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/--extract FILE or SPEC_DRIFT_EXTRACT/);
    const wrong = await drift(["--extract", write("object.json", { not: "a list" } as never)]);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toMatch(/JSON array of operations/);
  }, 60_000);
});
