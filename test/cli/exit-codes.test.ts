// The exit-code table in README.md ("Command line") is the one the CLI uses: every documented class maps to its
// documented code, and every code the CLI defines is documented.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import * as sdk from "../../src/index";
import { EXIT, exitCodeOf } from "../../src/cli/exit-codes";
import { CliUsageError } from "../../src/cli/usage-error";

const readme = readFileSync(join(__dirname, "..", "..", "README.md"), "utf8");
const section = readme.slice(readme.indexOf("## Command line"), readme.indexOf("## How it is built"));
const rows = [...section.matchAll(/^\| (\d+) \| (.+) \|$/gm)].map((m) => ({ code: Number(m[1]), text: m[2] }));

describe("exit codes", () => {
  it("the README documents every code the CLI defines, once each", () => {
    expect(rows.map((r) => r.code)).toEqual(Object.values(EXIT));
  });

  it("each error class named in the table gets that row's code", () => {
    const instances: Record<string, Error> = {
      CliUsageError: new CliUsageError("x"),
      YclientsRateLimitQueueError: new sdk.YclientsRateLimitQueueError("x", { reason: "queue" }),
    };
    let checked = 0;
    for (const row of rows) {
      for (const [, name] of row.text.matchAll(/`(\w+Error)`/g)) {
        const Class = (sdk as unknown as Record<string, new (m: string) => Error>)[name];
        const error = instances[name] ?? new Class("x");
        // "another YclientsClientError" is the class itself; its subclasses have rows of their own.
        expect([name, exitCodeOf(error)]).toEqual([name, row.code]);
        checked++;
      }
    }
    expect(checked).toBe(16);
    expect(exitCodeOf(new Error("x"))).toBe(EXIT.unexpected);
  });
});
