// Runs the real `yclients` executable: the same esbuild bundle `make build` writes to dist/cli.cjs (built here
// into a scratch folder, so the test needs no prior build), started as a child process with its own
// environment, answering HTTP from a simulator on 127.0.0.1.
import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildCli } from "../../scripts/cli-build";
import type { YclientsSimulator } from "../../src/testing/index";
import { perFile } from "../helpers/per-file";

const ROOT = join(__dirname, "..", "..");

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface CliHandle {
  dir: string;
  file: string;
  /** Runs one command to its end. */
  run(args: string[], options?: { env?: Record<string, string | undefined>; input?: string }): Promise<CliRun>;
  /** Starts one command and returns the child, for streaming and long-running commands. */
  spawn(args: string[], options?: { env?: Record<string, string | undefined> }): ChildProcessWithoutNullStreams;
  /** Every stdout and stderr seen so far, to check that no secret was ever printed. */
  readonly seen: string[];
  dispose(): void;
}

/** The child's environment: nothing of ours (no YCLIENTS_* from the developer's shell), plus `env`. */
function childEnv(dir: string, env: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  const out: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    // Saved profiles live in the scratch folder, never in the developer's own ~/.config.
    XDG_CONFIG_HOME: join(dir, "config"),
    // The bundle keeps its runtime dependencies external, like the published package; here they come from
    // this checkout.
    NODE_PATH: join(ROOT, "node_modules"),
    // One attempt per call keeps the server-error tests quick (the SDK's own variable).
    YCLIENTS_BACKOFF_MAX_TRIES: "1",
  };
  for (const [name, value] of Object.entries(env)) {
    if (value === undefined) delete out[name];
    else out[name] = value;
  }
  return out;
}

export async function buildCliForTest(): Promise<CliHandle> {
  const dir = mkdtempSync(join(tmpdir(), "yclients-cli-"));
  const file = join(dir, "cli.cjs");
  await buildCli(file);
  const seen: string[] = [];
  const start = (args: string[], env?: Record<string, string | undefined>) =>
    spawn(process.execPath, [file, ...args], { env: childEnv(dir, env), cwd: dir });
  return {
    dir,
    file,
    seen,
    spawn: (args, options = {}) => start(args, options.env),
    run: (args, options = {}) =>
      new Promise((resolve, reject) => {
        const child = start(args, options.env);
        let stdout = "";
        let stderr = "";
        child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString("utf8")));
        child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
        child.on("error", reject);
        child.on("close", (code) => {
          seen.push(stdout, stderr);
          resolve({ code, stdout, stderr });
        });
        child.stdin.end(options.input ?? "");
      }),
    dispose: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** The CLI built once for the test file (see perFile) and removed after it. */
export function useCli(): CliHandle {
  return perFile("the CLI", buildCliForTest, (cli) => cli.dispose(), 60_000);
}

/** The environment that points the CLI at a simulator, signed in as its first staff user, at its first company. */
export function simulatorEnv(sim: YclientsSimulator): Record<string, string> {
  return {
    YCLIENTS_PARTNER_TOKEN: sim.partnerToken,
    YCLIENTS_USER_TOKEN: sim.userToken,
    YCLIENTS_BASE_URL: sim.url,
    YCLIENTS_COMPANY_ID: String(sim.state.companies[0].id),
  };
}

/** [arguments, what stderr says, what it must not echo] */
export type UsageErrorCase = [args: string[], says: string, hidden?: string];

/** Runs each command of `cases` as a usage error (expectUsageError); none of them may reach the simulator. */
export async function expectUsageErrors(
  cli: CliHandle,
  env: Record<string, string | undefined>,
  sim: YclientsSimulator,
  cases: UsageErrorCase[],
): Promise<void> {
  const before = sim.requests.length;
  for (const [args, says, hidden] of cases) await expectUsageError(cli, args, env, says, hidden);
  expect(sim.requests).toHaveLength(before);
}

/** Runs a command that must stop as a usage error (exit 2) saying `says`, without echoing `hidden`. */
async function expectUsageError(
  cli: CliHandle,
  args: string[],
  env: Record<string, string | undefined>,
  says: string,
  hidden?: string,
): Promise<void> {
  const run = await cli.run(args, { env });
  expect(run.code).toBe(2);
  expect(run.stderr).toContain(says);
  if (hidden !== undefined) expect(run.stderr).not.toContain(hidden);
}
