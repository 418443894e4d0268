// The default log channels: `DEBUG=yclients:*` turns them on as the `debug` package did (wildcards, exclusions),
// read from the environment on first use; a runtime that refuses to show the environment leaves them off.
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { log, setDebugNamespaces, setDebugSink } from "../../src/log";

const ROOT = join(__dirname, "..", "..");

afterEach(() => {
  setDebugNamespaces("");
  setDebugSink(undefined);
});

/** Which channels a fresh process enables, given its environment; `prelude` runs after the import. */
function enabledIn(env: Record<string, string>, prelude = ""): string[] {
  const code = `const { log } = require("./src/log");
    const env = Object.getOwnPropertyDescriptor(process, "env");
    ${prelude}
    const on = Object.keys(log).filter((name) => log[name].enabled);
    Object.defineProperty(process, "env", env);
    console.log(JSON.stringify(on));`;
  const result = spawnSync(process.execPath, ["--import", "tsx", "-e", code], {
    cwd: ROOT,
    encoding: "utf8",
    env: { PATH: process.env.PATH ?? "", ...env },
  });
  if (result.status !== 0) throw new Error(result.stderr);
  return JSON.parse(result.stdout.trim().split("\n").pop()!);
}

describe("the default yclients:* channels", () => {
  it("follow DEBUG in a fresh Node process: wildcards and exclusions", () => {
    expect(enabledIn({})).toEqual([]);
    expect(enabledIn({ DEBUG: "yclients:*" })).toEqual(["http", "retry", "breaker", "ratelimit", "validate"]);
    expect(enabledIn({ DEBUG: "yclients:*,-yclients:http" })).toEqual(["retry", "breaker", "ratelimit", "validate"]);
    expect(enabledIn({ DEBUG: "other yclients:retry" })).toEqual(["retry"]);
  });

  it("read nothing at import, and stay off where reading the environment throws (Deno without --allow-env)", () => {
    const denyEnv = `Object.defineProperty(process, "env", { get() { throw new Error("NotCapable: env"); } });`;
    expect(enabledIn({ DEBUG: "yclients:*" }, denyEnv)).toEqual([]);
  });

  it("write printf-formatted lines with their namespace", () => {
    const lines: string[] = [];
    setDebugSink((line) => lines.push(line));
    setDebugNamespaces("yclients:retry");
    expect(log.http.enabled).toBe(false);
    expect(log.retry.enabled).toBe(true);
    log.retry("attempt %d of %d after %s", 2, 3, "HTTP 503");
    expect(lines).toEqual([expect.stringMatching(/^\S+Z yclients:retry attempt 2 of 3 after HTTP 503$/)]);
  });
});
