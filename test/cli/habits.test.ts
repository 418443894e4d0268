// The habits of gh and stripe: --version, "did you mean", body fields as -f/-F, tables on a terminal,
// completion for fish and through the CLI's own path. Each runs the real bundle as a child process.
import { execFileSync, spawn } from "node:child_process";
import { once } from "node:events";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { startYclientsSimulator, type YclientsSimulator } from "../../src/testing";
import { expectUsageErrors, simulatorEnv, useCli, type UsageErrorCase } from "./cli-harness";

const ROOT = join(__dirname, "..", "..");
const cli = useCli();
let sim: YclientsSimulator;
let env: Record<string, string>;
let companyId: number;

beforeAll(async () => {
  sim = await startYclientsSimulator({ rateLimit: false });
  companyId = sim.state.companies[0].id;
  env = simulatorEnv(sim);
});
afterAll(() => sim.close());

beforeEach(() => sim.clearRequests());

/** Runs the CLI on a pseudo-terminal (`script`), as the other terminal tests do, and returns the screen. */
async function onTerminal(args: string[]): Promise<string> {
  const command = [process.execPath, cli.file, ...args].map((a) => `'${a}'`).join(" ");
  const child = spawn("script", ["-qec", command, "/dev/null"], {
    env: { ...process.env, ...env, NODE_PATH: join(ROOT, "node_modules"), XDG_CONFIG_HOME: join(cli.dir, "config") },
    stdio: ["ignore", "pipe", "inherit"],
  });
  let screen = "";
  child.stdout.on("data", (chunk: Buffer) => (screen += chunk.toString("utf8")));
  await once(child, "close");
  return screen.replace(/\r\n/g, "\n");
}

describe("version", () => {
  const version = (JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { version: string }).version;
  it("--version and `version` print the package version and exit 0", async () => {
    for (const args of [["--version"], ["version"]]) {
      const run = await cli.run(args);
      expect([run.code, run.stdout, run.stderr]).toEqual([0, `yclients ${version}\n`, ""]);
    }
  });
});

describe("did you mean", () => {
  it("names the nearest command, method and flag (exit 2, nothing sent)", async () => {
    const command = await cli.run(["recrods", "list"], { env });
    expect(command.code).toBe(2);
    expect(command.stderr).toContain('unknown command "recrods". Did you mean "records"?');
    const builtin = await cli.run(["lgoin"], { env });
    expect(builtin.stderr).toContain('Did you mean "login"?');
    const flag = await cli.run(["records", "list", "--changed-aftr", "2026-01-01"], { env });
    expect(flag.code).toBe(2);
    expect(flag.stderr).toContain("Unknown option '--changed-aftr'. Did you mean --changed-after?");
    // The hint replaces the list of every flag.
    expect(flag.stderr).not.toContain("Valid options");
    const callFlag = await cli.run(["call", "GET", "/book_dates/{company_id}", "--pretyy"], { env });
    expect(callFlag.stderr).toContain("Did you mean --pretty?");
    expect(sim.requests).toHaveLength(0);
  });

  it("a misspelled flag or a field without = does not echo the value written with it (exit 2)", async () => {
    const secret = "tok-HABITS-secret-9f3";
    const usageErrors: UsageErrorCase[] = [
      [
        ["records", "list", `--user-tokn=${secret}`],
        "Unknown option '--user-tokn'. Did you mean --user-token?",
        secret,
      ],
      [["login", `--pasword=${secret}`], "login: Unknown option '--pasword'", secret],
      [
        ["call", "POST", "/auth", "-f", `password:${secret}`],
        '-f takes key=value: argument 1 of -f has no "="',
        secret,
      ],
      [
        ["auth", "get-user-token", "-F", "login=x", "-F", secret],
        '-F takes key=value: argument 2 of -F has no "="',
        secret,
      ],
      // A password typed as a word where no word belongs.
      [["login", "--login", "79000000001", secret], "login does not take positional arguments", secret],
      [["auth", "get-user-token", "-F", "login=x", secret], "yclients auth get-user-token takes flags only", secret],
    ];
    await expectUsageErrors(cli, env, sim, usageErrors);
  });

  it("a switch given a value is named as such, not as an unknown option (exit 2)", async () => {
    const run = await cli.run(["records", "list", "--all=1"], { env });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("yclients records list: Option '--all' does not take an argument.");
    expect(sim.requests).toHaveLength(0);
  });
});

describe("body fields: -f key=value (string) and -F key=value (typed), as gh api", () => {
  it("call: typed numbers, appended list items and strings make the body", async () => {
    const run = await cli.run(
      [
        "call",
        "POST",
        "/company/{company_id}/clients/search",
        "-F",
        "page=1",
        "-F",
        "page_size=3",
        "-f",
        "fields[]=id",
        "-f",
        "fields[]=name",
      ],
      { env },
    );
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).data).toHaveLength(3);
    expect(sim.requests[0].body).toEqual({ page: 1, page_size: 3, fields: ["id", "name"] });
  });

  it("friendly command: -F types true/null/JSON and nests a[b]; -f keeps digits a string; -d is the base", async () => {
    const run = await cli.run(
      [
        "clients",
        "create",
        "-d",
        '{"name":"Base","email":"a@b.c"}',
        "-f",
        "name=Anna",
        "-f",
        "phone=79161234567",
        "-F",
        "importance_id=2",
        "-F",
        "sms_not=1",
        "-F",
        "custom_fields[vip]=true",
        "-F",
        "comment=null",
        "-F",
        "categories=[1,2]",
        "-F",
        "custom_fields[color]=7",
      ],
      { env },
    );
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(sim.requests[0].body).toEqual({
      name: "Anna",
      email: "a@b.c",
      phone: "79161234567",
      importance_id: 2,
      sms_not: 1,
      comment: null,
      categories: [1, 2],
      custom_fields: { color: 7, vip: true },
    });
  });

  it("refuses a field without =, and JSON that does not parse without quoting it (exit 2)", async () => {
    const usageErrors: UsageErrorCase[] = [
      [["clients", "create", "-f", "name"], '-f takes key=value: argument 1 of -f has no "="'],
      [
        ["clients", "create", "-F", "x={secret-ish"],
        "-F x: the value starts like JSON but is not valid JSON",
        "secret-ish",
      ],
    ];
    await expectUsageErrors(cli, env, sim, usageErrors);
  });
});

describe("tables on a terminal, TSV/JSON when piped", () => {
  it("ops: aligned columns under a header on a terminal; tabs without a header when piped", async () => {
    const screen = await onTerminal(["ops", "book_dates"]);
    const lines = screen.trimEnd().split("\n");
    expect(lines[0]).toMatch(/^COMMAND +METHOD +PATH +TOKEN +SUMMARY$/);
    expect(lines[1]).toMatch(/^booking dates +GET +\/book_dates\/\{company_id\} /);
    expect(lines[1].indexOf("GET")).toBe(lines[0].indexOf("METHOD"));
    const piped = await cli.run(["ops", "book_dates"]);
    expect(piped.stdout).toMatch(/^booking dates\tGET\t\/book_dates\/\{company_id\}\t/);
  });

  it("a list answer: a table of its plain fields on a terminal, JSON when piped or with --pretty", async () => {
    const staff = sim.state.staff.filter((s) => s.company_id === companyId);
    const screen = await onTerminal(["staff", "list"]);
    const lines = screen.trimEnd().split("\n");
    expect(lines[0]).toMatch(/^ID +API_ID +NAME +COMPANY_ID /);
    expect(lines).toHaveLength(staff.length + 1);
    for (const member of staff) {
      const line = lines.find((l) => l.startsWith(`${member.id} `))!;
      expect(line).toMatch(new RegExp(`^${member.id} +\\S* +${member.name} +${companyId} `));
      expect(line.indexOf(member.name)).toBe(lines[0].indexOf("NAME"));
    }
    expect(await onTerminal(["staff", "list", "--pretty"])).toMatch(/^\[\n {2}\{/);
    const piped = await cli.run(["staff", "list"], { env });
    expect((JSON.parse(piped.stdout) as unknown[]).length).toBe(staff.length);
  });
});

describe("completion", () => {
  /** A PATH with node but without any `yclients`: the scripts must find the CLI by the path they carry. */
  const bareEnv = () => ({ PATH: `${dirname(process.execPath)}:/usr/bin:/bin`, NODE_PATH: join(ROOT, "node_modules") });

  it("bash works with no yclients on PATH (npx, a local install): the script calls the file that printed it", async () => {
    const script = await cli.run(["completion", "bash"]);
    expect(script.stdout).toContain(cli.file);
    const file = join(cli.dir, "completion.bash");
    writeFileSync(file, script.stdout);
    const out = execFileSync(
      "bash",
      [
        "--norc",
        "--noprofile",
        "-c",
        `source ${file}; COMP_WORDS=(yclients records li); COMP_CWORD=2; _yclients_complete; printf '%s\\n' "\${COMPREPLY[@]}"`,
      ],
      { encoding: "utf8", env: bareEnv() },
    );
    expect(out.trim().split("\n")).toEqual(expect.arrayContaining(["list", "list-partner"]));
  });

  const fish = ["/usr/bin/fish", "/usr/local/bin/fish"].find((f) => existsSync(f));
  (fish ? it : it.skip)("fish: commands, methods and flags, through the CLI's own path", async () => {
    const script = await cli.run(["completion", "fish"]);
    expect(script.code).toBe(0);
    const file = join(cli.dir, "yclients.fish");
    writeFileSync(file, script.stdout);
    const complete = (line: string) =>
      execFileSync(fish!, ["--no-config", "-c", `source ${file}; complete -C '${line}'`], {
        encoding: "utf8",
        env: bareEnv(),
      })
        .trim()
        .split("\n")
        .map((l) => l.split("\t")[0]);
    expect(complete("yclients reco")).toEqual(["records"]);
    expect(complete("yclients records li")).toEqual(expect.arrayContaining(["list", "list-partner"]));
    expect(complete("yclients records list --changed-a")).toEqual(["--changed-after"]);
    expect(complete("yclients completion ")).toEqual(["bash", "fish", "zsh"]);
  });
});
