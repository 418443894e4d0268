// Every operation's command, flags and help are derived from the generated tables and the spec without a
// hand-written exception: a sweep over the whole catalogue (in-process; the subprocess tests cover the wiring).
import { operations } from "../../generated/operations";
import { catalogue } from "../../src/cli/operation-catalogue";
import { flagDocs, slotsOf } from "../../src/cli/friendly-arguments";
import { friendlyHelp } from "../../src/cli/friendly-command";
import { GLOBAL_OPTIONS } from "../../src/cli/global-options";

describe("the CLI's catalogue", () => {
  const entries = catalogue();

  it("has one entry per operation, each with a unique friendly command", () => {
    expect(entries).toHaveLength(operations.length);
    const commands = entries.map((e) => e.command?.join(" "));
    expect(commands.every(Boolean)).toBe(true);
    expect(new Set(commands).size).toBe(commands.length);
  });

  it("turns every row's path ids and query parameters into flags that do not clash with the global options", () => {
    const globals = new Set(GLOBAL_OPTIONS.map((o) => o.name));
    for (const entry of entries) {
      const names = flagDocs(entry).map((f) => f.name);
      expect([entry.command!.join(" "), names.filter((n) => globals.has(n))]).toEqual([entry.command!.join(" "), []]);
      expect(new Set(names).size).toBe(names.length);
      // Every path parameter of the spec is reachable: as a flag, or as the company (--company).
      const pathFlags = slotsOf(entry).filter((s) => s.kind === "path" || s.kind === "company").length;
      expect([entry.info.path, pathFlags]).toEqual([entry.info.path, (entry.info.path.match(/\{/g) ?? []).length]);
    }
  });

  it("writes help for every command from its summary and parameter descriptions", () => {
    for (const entry of entries) {
      const help = friendlyHelp(entry);
      expect(help).toContain(`Usage: yclients ${entry.command!.join(" ")}`);
      expect(help).toContain(entry.summary);
      for (const p of entry.parameters.filter((p) => p.in === "query" && p.description)) {
        expect(help.replace(/\s+/g, " ")).toContain(p.description.replace(/\s+/g, " "));
      }
    }
  });
});
