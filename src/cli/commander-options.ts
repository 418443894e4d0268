// The bridge between the commands' option tables (name, type, short letter, repeatable) and commander: declares
// the options on a command, reads the parsed values back under their flag names, and turns commander's errors
// into usage errors worded as the CLI always worded them.
import { CommanderError, Option, type Command } from "commander";
import { suggest } from "../suggest.js";
import { CliUsageError } from "./usage-error.js";

export interface OptionSpec {
  type: "string" | "boolean";
  short?: string;
  multiple?: boolean;
}

export type OptionSpecs = Record<string, OptionSpec>;

/** What a command receives: option values keyed by flag name (`page-size`, `F`), and the positional words. */
export interface Parsed {
  values: Record<string, string | boolean | string[] | undefined>;
  positionals: string[];
}

const flagNames = new WeakMap<Command, Map<string, string>>();

/** Declares `specs` on `command`; a name already declared (a query flag named like a global option) is skipped. */
export function addOptions(command: Command, specs: OptionSpecs): Command {
  const names = flagNames.get(command) ?? new Map<string, string>();
  flagNames.set(command, names);
  for (const [name, spec] of Object.entries(specs)) {
    if (name === "help" || [...names.values()].includes(name)) continue;
    const letter = spec.short ?? (name.length === 1 ? name : undefined);
    const flags = [letter && `-${letter}`, name.length > 1 && `--${name}`].filter(Boolean).join(", ");
    const option = new Option(spec.type === "string" ? `${flags} <value>` : flags);
    if (spec.multiple)
      option.argParser((value: string, previous: string[] | undefined) => [...(previous ?? []), value]);
    command.addOption(option);
    names.set(option.attributeName(), name);
  }
  return command;
}

/** The values of `command` and of the commands above it (options written before the command words). */
export function parsedOf(command: Command): Parsed {
  const values: Parsed["values"] = {};
  for (let c: Command | null = command; c; c = c.parent) {
    const names = flagNames.get(c) ?? new Map<string, string>();
    for (const [attribute, value] of Object.entries(c.opts())) {
      const name = names.get(attribute) ?? attribute;
      // `--no-rate-limit` is a negation to commander (rateLimit: false); the commands read it as a flag.
      const flag = name.startsWith("no-") ? value === false || undefined : value;
      if (flag !== undefined && values[name] === undefined) values[name] = flag as Parsed["values"][string];
    }
  }
  return { values, positionals: [...command.args] };
}

/** `--help, --company VALUE, …, -d VALUE`: the options `command` takes. */
function validOptions(command: Command): string {
  return [...command.options.map((o) => `${o.long ?? o.short}${o.required ? " VALUE" : ""}`), "--help"].join(", ");
}

/**
 * Commander's error as a usage error, worded as before: `where` names the command (`login`, `yclients records
 * list`); a misspelled option gets commander's nearest valid one, any other mistake the list of valid options.
 * Help and version output are not errors (undefined).
 */
export function usageErrorOf(error: CommanderError, where: string, command: Command): CliUsageError | undefined {
  if (error.code === "commander.helpDisplayed" || error.code === "commander.version") return undefined;
  const message = error.message.replace(/^error: /, "");
  const help = `${where.startsWith("yclients") ? where : `yclients ${where}`} --help`;
  let first = message.split("\n")[0].replace(/^(\w)/, (c) => c.toUpperCase());
  if (error.code === "commander.unknownOption") {
    const flag = /'([^']+)'/.exec(message)?.[1] ?? "";
    // `--all=1`: commander reads a switch with a value as an unknown option; it is a known one misused.
    const name = flag.split("=")[0];
    if (flag.includes("=") && command.options.some((o) => o.long === name))
      return new CliUsageError(
        `${where}: Option '${name}' does not take an argument. Valid options: ${validOptions(command)}`,
      );
    // Named without what follows `=`: `--user-tokn=<token>` must not print the token.
    first = `Unknown option '${name}'`;
    const near =
      /Did you mean (--?[\w-]+)\?/.exec(message)?.[1] ??
      suggest(
        name,
        command.options.flatMap((o) => (o.long ? [o.long] : [])),
      );
    if (near) return new CliUsageError(`${where}: ${first}. Did you mean ${near}? (see ${help})`);
  }
  return new CliUsageError(`${where}: ${first}. Valid options: ${validOptions(command)}`);
}

export { CommanderError };
