// `--all` pages through a list with the SDK's helper and streams: with --jsonl each item is written as it
// arrives, and the CLI never asks for a page far ahead of what the reader has taken (bounded memory).
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { startYclientsSimulator, type YclientsSimulator } from "../../src/testing";
import { simulatorEnv, useCli } from "./cli-harness";

const cli = useCli();
let sim: YclientsSimulator;
let env: Record<string, string>;
let companyId: number;
let expectedIds: number[];

beforeAll(async () => {
  sim = await startYclientsSimulator({ rateLimit: false });
  companyId = sim.state.companies[0].id;
  expectedIds = sim.state.records.filter((r) => r.company_id === companyId && !r.deleted).map((r) => r.id);
  env = simulatorEnv(sim);
});
afterAll(() => sim.close());

beforeEach(() => sim.clearRequests());

const pagesAsked = () => sim.requests.filter((r) => r.route === "GET /records/{company_id}").length;

describe("--all --jsonl", () => {
  it("streams thousands of records, one per line, asking for pages only as the reader takes items", async () => {
    expect(expectedIds.length).toBeGreaterThan(2000);
    const pageSize = 50;
    const child = cli.spawn(["records", "list", "--all", "--jsonl", "--page-size", String(pageSize)], { env });
    // Everything the CLI can have written but we have not read yet: the pipe and our stream's buffer.
    const inTransitBytes = 64 * 1024 + child.stdout.readableHighWaterMark;
    let buffered = "";
    let lines = 0;
    let smallestLine = Infinity;
    const ids: number[] = [];
    let worstLead = 0;
    child.stdout.setEncoding("utf8");
    let stderr = "";
    child.stderr.on("data", (c: Buffer) => (stderr += c));
    for await (const chunk of child.stdout as AsyncIterable<string>) {
      buffered += chunk;
      const parts = buffered.split("\n");
      buffered = parts.pop()!;
      for (const line of parts) {
        smallestLine = Math.min(smallestLine, line.length + 1);
        ids.push((JSON.parse(line) as { id: number }).id);
        lines++;
      }
      // Pages the CLI may legitimately have asked for: those behind the items read, those in transit, the
      // page it is writing out, and the one it is fetching. A CLI that collected everything first would have
      // asked for all of them before the first line arrived.
      const allowed = Math.ceil((lines + inTransitBytes / smallestLine) / pageSize) + 2;
      worstLead = Math.max(worstLead, pagesAsked() - allowed);
      expect(pagesAsked()).toBeLessThanOrEqual(allowed);
      // Read slowly for a while, so the CLI really is held back by the pipe.
      if (lines < 600) await new Promise((resolve) => setTimeout(resolve, 5));
    }
    const code = await new Promise((resolve) => child.on("close", resolve));
    expect(code).toBe(0);
    expect(stderr).toBe(""); // no progress line when stderr is not a terminal
    expect(ids.sort()).toEqual([...expectedIds].sort());
    expect(pagesAsked()).toBe(Math.floor(expectedIds.length / pageSize) + 1);
    expect(sim.requests.every((r) => r.query.count === String(pageSize))).toBe(true);
  }, 120_000);

  it("without --jsonl prints one JSON array of every item", async () => {
    const { code, stdout } = await cli.run(["records", "list", "--all", "--changed-after", "2000-01-01T00:00:00"], {
      env,
    });
    expect(code).toBe(0);
    const items = JSON.parse(stdout) as { id: number }[];
    expect(items.map((r) => r.id).sort()).toEqual([...expectedIds].sort());
    expect(sim.requests.every((r) => r.query.changed_after === "2000-01-01T00:00:00" && r.query.count === "300")).toBe(
      true,
    );
  });

  it("`call --all` pages the same operation with the SDK's paging helper", async () => {
    const { code, stdout } = await cli.run(
      ["call", "GET", "/records/{company_id}", "-p", `company_id=${companyId}`, "--all", "--jsonl"],
      { env },
    );
    expect(code).toBe(0);
    expect(stdout.trim().split("\n")).toHaveLength(expectedIds.length);
  });

  it("refuses --all on an operation that does not page, and --jsonl without --all (exit 2)", async () => {
    const notPaged = await cli.run(["staff", "get", "--staff-id", "1", "--all"], { env });
    expect(notPaged.code).toBe(2);
    expect(notPaged.stderr).toContain("is not a paged list, so --all does not apply");
    const noAll = await cli.run(["records", "list", "--jsonl"], { env });
    expect(noAll.code).toBe(2);
    expect(noAll.stderr).toContain("--jsonl needs --all");
    const page = await cli.run(["records", "list", "--all", "--page", "2"], { env });
    expect(page.code).toBe(2);
    expect(page.stderr).toContain("leave out --page and --count (use --page-size)");
    expect(sim.requests).toHaveLength(0);
  });

  it("refuses a --page-size that is not from 1 to the operation's maximum, or without --all (exit 2)", async () => {
    const cases: Array<[string[], string]> = [
      [["records", "list", "--page-size", "5"], "--page-size needs --all"],
      [["records", "list", "--all", "--page-size", "abc"], "--page-size must be an integer from 1 to 300"],
      [["records", "list", "--all", "--page-size", "0"], "--page-size must be an integer from 1 to 300"],
      [["records", "list", "--all", "--page-size", "301"], "--page-size must be an integer from 1 to 300"],
      [
        ["call", "GET", "/records/{company_id}", "--all", "--page-size", "0"],
        "--page-size must be an integer from 1 to 300",
      ],
      [["records", "list", "--count", "1", "--pretty", "--compact"], "--pretty and --compact cannot be used together"],
    ];
    for (const [args, says] of cases) {
      const run = await cli.run(args, { env });
      expect({ args, code: run.code, stderr: run.stderr }).toEqual({
        args,
        code: 2,
        stderr: expect.stringContaining(says),
      });
    }
    expect(sim.requests).toHaveLength(0);
  });

  it("shows a progress line (items, pages, rate-limit waits) when stderr is a terminal", async () => {
    const out = join(cli.dir, "records.jsonl");
    const command = [process.execPath, cli.file, "records", "list", "--all", "--jsonl"].map((a) => `'${a}'`).join(" ");
    // `script` gives the command a pseudo-terminal; stdout goes to a file, so only stderr reaches the terminal.
    // Asynchronous: the simulator answering the CLI runs in this process.
    const script = spawn("script", ["-qec", `${command} > '${out}'`, "/dev/null"], {
      env: { ...process.env, ...env, NODE_PATH: join(__dirname, "..", "..", "node_modules") },
      stdio: ["ignore", "pipe", "inherit"],
    });
    let terminal = "";
    script.stdout.on("data", (chunk: Buffer) => (terminal += chunk.toString("utf8")));
    expect(await new Promise((resolve) => script.on("close", resolve))).toBe(0);
    const pages = Math.ceil(expectedIds.length / 300);
    expect(terminal).toMatch(
      new RegExp(`\\r\\x1b\\[2K${expectedIds.length} items, ${pages} pages, \\d+ rate-limit waits\\r?\\n`),
    );
    expect(readFileSync(out, "utf8").trim().split("\n")).toHaveLength(expectedIds.length);
  });
});
