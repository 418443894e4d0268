// The `yclients` executable end to end: a child process against the simulator on 127.0.0.1.
import { execFileSync, spawn } from "node:child_process";
import { once } from "node:events";
import { chmodSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { operations } from "../../generated/operations";
import spec from "../../generated/openapi.json";
import { startYclientsSimulator, type YclientsSimulator } from "../../src/testing";
import { visitIdOf } from "../../src/testing/visit-document";
import { buildCliForTest, expectUsageErrors, type CliHandle, type UsageErrorCase } from "./cli-harness";

const PARTNER = "cli-test-partner-token-7a1f93c2";
let sim: YclientsSimulator;
let cli: CliHandle;
let env: Record<string, string>;
let userToken: string;
let companyId: number;

beforeAll(async () => {
  [sim, cli] = await Promise.all([
    startYclientsSimulator({ rateLimit: false, partnerToken: PARTNER }),
    buildCliForTest(),
  ]);
  userToken = sim.state.staffUsers[0].token;
  companyId = sim.state.companies[0].id;
  env = {
    YCLIENTS_PARTNER_TOKEN: PARTNER,
    YCLIENTS_USER_TOKEN: userToken,
    YCLIENTS_BASE_URL: sim.url,
    YCLIENTS_COMPANY_ID: String(companyId),
  };
}, 60_000);

afterAll(async () => {
  // Whatever the commands printed, on stdout or stderr, in any test of this file: no token.
  const everything = cli.seen.join("\n");
  expect(everything.length).toBeGreaterThan(0);
  expect(everything).not.toContain(PARTNER);
  expect(everything).not.toContain(userToken);
  await sim.close();
  cli.dispose();
});

beforeEach(() => {
  sim.clearRequests();
  sim.clearFaults();
});

describe("yclients ops", () => {
  it("lists every operation of the spec once, with its command, method, path and user-token need", async () => {
    const { code, stdout } = await cli.run(["ops"]);
    expect(code).toBe(0);
    const rows = stdout
      .trim()
      .split("\n")
      .map((line) => line.split("\t"));
    expect(rows).toHaveLength(operations.length);
    expect(new Set(rows.map((r) => `${r[1]} ${r[2]}`))).toEqual(
      new Set(operations.map((o) => `${o.method} ${o.path}`)),
    );
    const records = rows.find((r) => r[1] === "GET" && r[2] === "/records/{company_id}")!;
    expect(records).toEqual([
      "records list",
      "GET",
      "/records/{company_id}",
      "user",
      spec.paths["/records/{company_id}"].get.summary,
    ]);
    const dates = rows.find((r) => r[2] === "/book_dates/{company_id}")!;
    expect(dates[3]).toBe(""); // online booking needs no user token
    expect(rows.every((r) => r[0] !== "")).toBe(true); // every operation has a friendly command
  });

  it("filters by text and by tag", async () => {
    const byText = await cli.run(["ops", "book_dates"]);
    expect(byText.stdout.trim().split("\n")).toEqual([
      expect.stringMatching(/^booking dates\tGET\t\/book_dates\/\{company_id\}\t/),
    ]);
    const byTag = await cli.run(["ops", "--tag", "records", "--json"]);
    const rows = JSON.parse(byTag.stdout) as { tags: string[]; path: string }[];
    expect(rows.length).toBeGreaterThan(3);
    expect(rows.every((r) => r.tags.includes("records"))).toBe(true);
    expect(rows.map((r) => r.path)).toContain("/records/{company_id}");
  });
});

describe("yclients call", () => {
  it("sends path and query parameters and prints the answer as compact JSON when piped", async () => {
    const staffId = sim.state.staff.find((s) => s.company_id === companyId && s.bookable)!.id;
    const { code, stdout, stderr } = await cli.run(
      ["call", "GET", "/book_dates/{company_id}", "-p", `company_id=${companyId}`, "-q", `staff_id=${staffId}`],
      { env },
    );
    expect(stderr).toBe("");
    expect(code).toBe(0);
    expect(stdout.trim().split("\n")).toHaveLength(1);
    const answer = JSON.parse(stdout);
    expect(answer.success).toBe(true);
    expect(answer.data.booking_dates.length).toBeGreaterThan(0);
    expect(sim.requests).toHaveLength(1);
    expect(sim.requests[0]).toMatchObject({ path: `/book_dates/${companyId}`, query: { staff_id: String(staffId) } });
  });

  it("fills the company path parameter from --company or YCLIENTS_COMPANY_ID when -p leaves it out", async () => {
    const fromEnv = await cli.run(["call", "GET", "/book_dates/{company_id}"], { env });
    expect(fromEnv.code).toBe(0);
    const other = sim.state.companies[1].id;
    const fromFlag = await cli.run(["call", "GET", "/book_dates/{company_id}", "--company", String(other)], { env });
    expect(fromFlag.code).toBe(0);
    expect(sim.requests.map((r) => r.path)).toEqual([`/book_dates/${companyId}`, `/book_dates/${other}`]);
  });

  it("takes a concrete path, and --pretty indents", async () => {
    const { code, stdout } = await cli.run(["call", "get", `/book_dates/${companyId}`, "--pretty"], { env });
    expect(code).toBe(0);
    expect(stdout.startsWith('{\n  "success": true')).toBe(true);
    expect(sim.requests[0].route).toBe("GET /book_dates/{company_id}");
  });

  it("pretty-prints on a terminal (--compact overrides)", async () => {
    const onTerminal = async (args: string[]) => {
      const command = [process.execPath, cli.file, ...args].map((a) => `'${a}'`).join(" ");
      const script = spawn("script", ["-qec", command, "/dev/null"], {
        env: { ...process.env, ...env, NODE_PATH: join(__dirname, "..", "..", "node_modules") },
        stdio: ["ignore", "pipe", "inherit"],
      });
      let screen = "";
      script.stdout.on("data", (chunk: Buffer) => (screen += chunk.toString("utf8")));
      await once(script, "close");
      cli.seen.push(screen);
      return screen;
    };
    expect(await onTerminal(["call", "GET", "/book_dates/{company_id}"])).toMatch(/^\{\r?\n {2}"success": true,\r?\n/);
    expect(await onTerminal(["call", "GET", "/book_dates/{company_id}", "--compact"])).toMatch(/^\{"success":true,/);
  });

  it("sends a JSON body given inline, from a file and from stdin", async () => {
    const body = JSON.stringify({ page: 1, page_size: 3, fields: ["id", "name"] });
    const file = join(cli.dir, "search.json");
    writeFileSync(file, body);
    const args = ["call", "POST", "/company/{company_id}/clients/search", "-p", `company_id=${companyId}`, "-d"];
    for (const [value, input] of [[body], [`@${file}`], ["-", body]] as const) {
      sim.clearRequests();
      const { code, stdout, stderr } = await cli.run([...args, value], { env, input });
      expect(stderr).toBe("");
      expect(code).toBe(0);
      expect(JSON.parse(stdout).data).toHaveLength(3);
      expect(sim.requests[0].body).toEqual(JSON.parse(body));
    }
  });

  it("refuses an unknown or missing parameter before sending, listing the valid ones (exit 2)", async () => {
    const unknown = await cli.run(
      ["call", "GET", "/records/{company_id}", "-p", `company_id=${companyId}`, "-q", "staf_id=1"],
      { env },
    );
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(
      /^yclients: CliUsageError: GET \/records\/\{company_id\} has no query parameter "staf_id"\. Valid query parameters \(-q\): page, count, staff_id, /,
    );
    const missing = await cli.run(["call", "GET", "/book_times/{company_id}/{staff_id}/{date}"], {
      env: { ...env, YCLIENTS_COMPANY_ID: undefined } as never,
    });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain(
      "needs the path parameters company_id, staff_id, date (-p name=value). Valid path parameters: company_id (required), staff_id (required), date (required)",
    );
    const company = ["-p", `company_id=${companyId}`];
    const usageErrors: UsageErrorCase[] = [
      [["call", "GET", "/no/such/path"], "no operation has the path /no/such/path"],
      [
        ["call", "GET", "/records/{company_id}", ...company, "-q", "staff_id=abc"],
        "query parameter staff_id must be an integer",
      ],
      [
        ["call", "POST", "/clients/{company_id}", ...company, "-d", '{"name":"A"}'],
        "the body lacks the required field(s) phone",
      ],
      [
        ["call", "POST", "/clients/{company_id}", ...company, "-d", "{password: hunter2-secret}"],
        "-d is not valid JSON",
        "hunter2",
      ],
    ];
    await expectUsageErrors(cli, env, sim, usageErrors);
  });
});

describe("friendly commands", () => {
  it("runs the SDK method with flags from the spec and prints its data", async () => {
    const staffId = sim.state.records.find((r) => r.company_id === companyId)!.staff_id;
    const { code, stdout, stderr } = await cli.run(["records", "list", "--staff-id", String(staffId), "--count", "5"], {
      env,
    });
    expect(stderr).toBe("");
    expect(code).toBe(0);
    const records = JSON.parse(stdout) as { staff_id: number; company_id: number }[];
    expect(records).toHaveLength(5);
    expect(records.every((r) => r.staff_id === staffId && r.company_id === companyId)).toBe(true);
    expect(sim.requests[0]).toMatchObject({
      path: `/records/${companyId}`,
      query: { staff_id: String(staffId), count: "5" },
    });
  });

  it("--company overrides YCLIENTS_COMPANY_ID, and path ids are flags", async () => {
    const other = sim.state.companies[1].id;
    const staff = sim.state.staff.find((s) => s.company_id === other)!;
    const { code, stdout } = await cli.run(
      ["staff", "get", "--staff-id", String(staff.id), "--company", String(other)],
      { env },
    );
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ id: staff.id, name: staff.name });
    expect(sim.requests[0].path).toContain(`/${other}/`);
  });

  it("path ids may come positionally, in path order, as the SDK method takes them", async () => {
    const staffId = sim.state.staff.find((s) => s.company_id === companyId && s.bookable)!.id;
    const { code, stderr } = await cli.run(["booking", "times", String(staffId), "2026-12-01"], { env });
    expect(stderr).toBe("");
    expect(code).toBe(0);
    expect(sim.requests[0].path).toBe(`/book_times/${companyId}/${staffId}/2026-12-01`);
    const extra = await cli.run(["booking", "times", String(staffId), "2026-12-01", "x"], { env });
    expect(extra.code).toBe(2);
    expect(extra.stderr).toContain('takes at most 2 path ids and flags, not "x"');
    expect(sim.requests).toHaveLength(1);
  });

  it("--help is generated from the spec's summary, description and parameter descriptions", async () => {
    const { code, stdout } = await cli.run(["records", "list", "--help"]);
    expect(code).toBe(0);
    const op = spec.paths["/records/{company_id}"].get;
    expect(stdout).toContain("Usage: yclients records list [--company ID]");
    expect(stdout).toContain(op.summary);
    expect(stdout).toContain("GET /records/{company_id} — needs a user token");
    expect(stdout).toContain("paged: --all prints every item");
    const changedAfter = op.parameters.find((p) => "name" in p && p.name === "changed_after") as {
      description: string;
    };
    expect(stdout).toContain(`--changed-after STRING`);
    expect(stdout.replace(/\s+/g, " ")).toContain(changedAfter.description.replace(/\s+/g, " ").trim());
    const group = await cli.run(["records", "--help"]);
    expect(group.code).toBe(0);
    expect(group.stdout).toMatch(/\n {2}list +List the records/);
  });

  it("refuses unknown flags and missing required ones (exit 2), sending nothing", async () => {
    const unknown = await cli.run(["records", "list", "--staf-id", "1"], { env });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("Unknown option '--staf-id'");
    expect(unknown.stderr).toContain("Did you mean --staff-id?");
    const missing = await cli.run(["staff", "get"], { env });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("yclients staff get needs --staff-id");
    const noCompany = await cli.run(["records", "list"], { env: { ...env, YCLIENTS_COMPANY_ID: undefined } as never });
    expect(noCompany.code).toBe(2);
    expect(noCompany.stderr).toContain("--company (or YCLIENTS_COMPANY_ID)");
    // A company that is not a positive integer is the command's mistake, not the configuration's.
    for (const company of ["abc", "0", "12.5"]) {
      const badCompany = await cli.run(["records", "list", "--company", company], { env });
      expect(badCompany.code).toBe(2);
      expect(badCompany.stderr).toContain("--company (or YCLIENTS_COMPANY_ID) must be a positive integer");
    }
    const noMethod = await cli.run(["records", "lst"], { env });
    expect(noMethod.code).toBe(2);
    expect(noMethod.stderr).toContain('has no method "lst". Did you mean "list"?');
    expect(sim.requests).toHaveLength(0);
  });
  it("writes a file answer (a visit's PDF receipt) to stdout as its bytes", async () => {
    const visitId = visitIdOf(sim.state.records.find((r) => r.company_id === companyId && !r.deleted)!);
    const run = await cli.run(["visits", "receipt-pdf", String(visitId)], { env });
    expect(run.code).toBe(0);
    expect(run.stdout.startsWith("%PDF-1.4\n")).toBe(true);
    expect(run.stdout).toContain(`(Visit ${visitId}) Tj`);
    expect(run.stdout.trimEnd().endsWith("%%EOF")).toBe(true);
  });

  it("refuses a multipart upload it cannot send, pointing at the SDK method (exit 2)", async () => {
    const { code, stderr } = await cli.run(["images", "upload", "--entity", "service"], { env });
    expect(code).toBe(2);
    expect(stderr).toContain("uploads a file as multipart/form-data, which the command line does not send yet");
    expect(stderr).toContain("yc.images.upload()");
    expect(sim.requests).toHaveLength(0);
  });
});

describe("errors: class, status, request id, message, exit code", () => {
  it("no partner token: YclientsConfigError, exit 3, nothing sent", async () => {
    const { code, stderr, stdout } = await cli.run(["records", "list"], {
      env: { ...env, YCLIENTS_PARTNER_TOKEN: undefined } as never,
    });
    expect(code).toBe(3);
    expect(stdout).toBe("");
    expect(stderr).toBe(
      "yclients: YclientsConfigError: No partner token: set YCLIENTS_PARTNER_TOKEN (or pass --partner-token, which other users of the machine can see)\n",
    );
    expect(sim.requests).toHaveLength(0);
  });

  it("no user token for an operation that needs one: exit 3, nothing sent", async () => {
    const { code, stderr } = await cli.run(["records", "list"], {
      env: { ...env, YCLIENTS_USER_TOKEN: undefined } as never,
    });
    expect(code).toBe(3);
    expect(stderr).toContain("GET /records/{company_id} needs a user token: set YCLIENTS_USER_TOKEN");
    expect(sim.requests).toHaveLength(0);
  });

  it("a server error: YclientsServerError with status and request id, exit 10", async () => {
    sim.setFaults([{ route: "GET /records/{company_id}", kind: "status", status: 503 }]);
    const { code, stderr } = await cli.run(["records", "list"], { env });
    expect(code).toBe(10);
    const requestId = sim.requests[0].id;
    expect(stderr).toMatch(
      new RegExp(
        `^yclients: YclientsServerError \\(HTTP 503, request id ${requestId}\\): GET /records/\\{company_id\\} `,
      ),
    );
  });

  it("a 429 after the retries is exit 9, a refused connection 11, a broken answer 14", async () => {
    sim.setFaults([{ route: "GET /records/{company_id}", kind: "rateLimit", retryAfter: 1 }]);
    const limited = await cli.run(["records", "list"], { env });
    expect(limited.code).toBe(9);
    expect(limited.stderr).toMatch(/^yclients: YclientsRateLimitError \(HTTP 429, request id [\w-]+\): /);
    sim.setFaults([{ route: "GET /records/{company_id}", kind: "truncate" }]);
    const broken = await cli.run(["records", "list"], { env });
    expect(broken.code).toBe(14);
    expect(broken.stderr).toMatch(/^yclients: YclientsParseError \(HTTP 200, request id [\w-]+\): /);
    // A port nothing listens on: the simulator's own, once it is closed.
    const closed = await startYclientsSimulator({ rateLimit: false });
    await closed.close();
    const refused = await cli.run(["records", "list"], { env: { ...env, YCLIENTS_BASE_URL: closed.url } });
    expect(refused.code).toBe(11);
    expect(refused.stderr).toMatch(/^yclients: YclientsNetworkError: /);
  });

  it("a wrong token is an auth error (exit 4); the token is not printed", async () => {
    const wrong = "wrong-partner-token-0123456789";
    const { code, stderr } = await cli.run(["records", "list"], { env: { ...env, YCLIENTS_PARTNER_TOKEN: wrong } });
    expect(code).toBe(4);
    expect(stderr).toMatch(/^yclients: YclientsAuthError \(HTTP 401, request id [\w-]+\): /);
    expect(stderr).not.toContain(wrong);
  });

  it("not found is exit 5, a validation error exit 6 with its field errors", async () => {
    const notFound = await cli.run(["records", "get", "--record-id", "1"], { env });
    expect(notFound.code).toBe(5);
    expect(notFound.stderr).toMatch(/^yclients: YclientsNotFoundError \(HTTP 404, request id [\w-]+\): /);
    const invalid = await cli.run(["records", "list", "--changed-after", "yesterday"], { env });
    expect(invalid.code).toBe(6);
    expect(invalid.stderr).toMatch(
      /^yclients: YclientsValidationError \(HTTP 400, request id [\w-]+\): [^\n]+\n {2}changed_after: /,
    );
  });

  it("token flags work and warn that other users can see them; the value is never echoed", async () => {
    const { code, stderr, stdout } = await cli.run(
      ["records", "list", "--count", "1", "--partner-token", PARTNER, "--user-token", userToken],
      { env: { ...env, YCLIENTS_PARTNER_TOKEN: undefined, YCLIENTS_USER_TOKEN: undefined } as never },
    );
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toHaveLength(1);
    expect(stderr).toContain("warning: --partner-token is visible to other users of this machine");
    expect(stderr).toContain("warning: --user-token is visible to other users of this machine");
  });

  it("DEBUG=yclients:* prints each request on stderr, never a token (afterAll checks every run of the file)", async () => {
    const debugEnv = { ...env, DEBUG: "yclients:*" };
    const listed = await cli.run(["records", "list", "--count", "1"], { env: debugEnv });
    expect(listed.code).toBe(0);
    expect(listed.stderr).toMatch(/yclients:http GET \/records\/\{company_id\} -> 200 in \d+ms/);
    const wrongUser = "wrong-user-token-debug-5c0e1d";
    const refused = await cli.run(["records", "list"], { env: { ...debugEnv, YCLIENTS_USER_TOKEN: wrongUser } });
    expect(refused.code).toBe(4);
    expect(refused.stderr).toMatch(/yclients:http GET \/records\/\{company_id\} -> 401 /);
    expect(refused.stdout + refused.stderr).not.toContain(wrongUser);
  });

  it("an unknown command is a usage error (exit 2)", async () => {
    const { code, stderr } = await cli.run(["frobnicate"]);
    expect(code).toBe(2);
    expect(stderr).toContain('unknown command "frobnicate"');
  });
});

describe("shell completion", () => {
  it("bash: the script completes resources, methods and flags through the CLI itself", async () => {
    const script = await cli.run(["completion", "bash"]);
    expect(script.code).toBe(0);
    const bin = join(cli.dir, "bin");
    execFileSync("mkdir", ["-p", bin]);
    writeFileSync(join(bin, "yclients"), `#!/bin/sh\nexec "${process.execPath}" "${cli.file}" "$@"\n`);
    chmodSync(join(bin, "yclients"), 0o755);
    writeFileSync(join(cli.dir, "completion.bash"), script.stdout);
    const complete = (...words: string[]) =>
      execFileSync(
        "bash",
        [
          "--norc",
          "--noprofile",
          "-c",
          `source ${join(cli.dir, "completion.bash")}; COMP_WORDS=(${words.map((w) => `'${w}'`).join(" ")}); COMP_CWORD=${words.length - 1}; _yclients_complete; printf '%s\\n' "\${COMPREPLY[@]}"`,
        ],
        {
          encoding: "utf8",
          env: { PATH: `${bin}:${process.env.PATH}`, NODE_PATH: join(__dirname, "..", "..", "node_modules") },
        },
      )
        .trim()
        .split("\n");
    expect(complete("yclients", "reco")).toEqual(["records"]);
    expect(complete("yclients", "records", "li")).toEqual(expect.arrayContaining(["list", "list-partner"]));
    expect(complete("yclients", "records", "list", "--changed-a")).toEqual(["--changed-after"]);
    // A bare `--` is a word being typed, not the end of the options.
    expect(complete("yclients", "records", "list", "--")).toEqual(expect.arrayContaining(["--staff-id", "--all"]));
    expect(complete("yclients", "call", "GET", "/book_da")).toEqual(["/book_dates/{company_id}"]);
  });

  it("zsh: a compdef script that asks the CLI", async () => {
    const { code, stdout } = await cli.run(["completion", "zsh"]);
    expect(code).toBe(0);
    expect(stdout).toContain("compdef _yclients yclients");
    expect(stdout).toContain('_yclients_cli __complete "${(@)words[2,CURRENT]}"');
  });
});
