// The options every command takes, with the help line of each.
import type { OptionSpec, OptionSpecs } from "./commander-options.js";

export interface GlobalOption {
  name: string;
  spec: OptionSpec;
  value?: string;
  help: string;
}

/** A flag that takes no value. */
const flag = (name: string, help: string, short?: string): GlobalOption => ({
  name,
  spec: short ? { type: "boolean", short } : { type: "boolean" },
  help,
});

/** An option with a value; `value` names it in the help. */
const valued = (name: string, value: string, help: string): GlobalOption => ({
  name,
  spec: { type: "string" },
  value,
  help,
});

export const GLOBAL_OPTIONS: readonly GlobalOption[] = [
  flag("help", "Show help for the command.", "h"),
  valued("company", "ID", "Company id (default: YCLIENTS_COMPANY_ID)."),
  flag("all", "Page through a paged list and print every item."),
  flag("jsonl", "With --all: one JSON item per line, streamed."),
  valued("page-size", "N", "With --all: items per request (default: the most the API allows)."),
  flag("pretty", "Indented JSON, also for lists on a terminal (shown as tables otherwise) and when piped."),
  flag("compact", "One-line JSON even on a terminal."),
  valued("base-url", "URL", "API root (default: YCLIENTS_BASE_URL, else https://api.yclients.com/api/v1)."),
  flag("altegio", "Use Altegio's API root (https://api.alteg.io/api/v1)."),
  valued("partner-token", "TOKEN", "Partner token (prefer YCLIENTS_PARTNER_TOKEN: flags are visible to other users)."),
  valued("user-token", "TOKEN", "User token (prefer YCLIENTS_USER_TOKEN: flags are visible to other users)."),
  valued(
    "profile",
    "NAME",
    'The saved login to use (`yclients login --save`; default: YCLIENTS_PROFILE, else "default").',
  ),
  flag("simulator", "Run this one command against an in-process simulator."),
  valued(
    "validate",
    "[=MODE]",
    "Check answers against the spec: --validate warns on stderr, --validate=throw fails the command.",
  ),
  valued("seed", "N", "Seed of the simulator's data (with --simulator; default 1)."),
];

/** The global options as the commands declare them. */
export function globalOptionSpecs(): OptionSpecs {
  return Object.fromEntries(GLOBAL_OPTIONS.map((o) => [o.name, o.spec]));
}

export interface GlobalValues {
  help?: boolean;
  company?: string;
  all?: boolean;
  jsonl?: boolean;
  "page-size"?: string;
  pretty?: boolean;
  compact?: boolean;
  "base-url"?: string;
  altegio?: boolean;
  "partner-token"?: string;
  "user-token"?: string;
  simulator?: boolean;
  profile?: string;
  seed?: string;
  validate?: string;
}

/**
 * A bare `--validate` means `--validate=warn`. Rewritten before parsing rather than declared as an optional
 * value: commander would take the next word as the mode, so `yclients --validate records list` would lose its
 * command word.
 */
export function withValidateDefault(argv: readonly string[]): string[] {
  return argv.map((arg) => (arg === "--validate" ? "--validate=warn" : arg));
}

/** `--name VALUE` lines for help, aligned. */
export function optionLines(options: readonly { name: string; value?: string; help: string }[]): string[] {
  const labels = options.map((o) => `--${o.name}${o.value ? ` ${o.value}` : ""}`);
  const width = Math.min(32, Math.max(...labels.map((l) => l.length)) + 2);
  return options.map((o, i) => `  ${labels[i].padEnd(width - 2)}  ${o.help}`);
}
