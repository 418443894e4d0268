// The options every command takes, with the help line of each.
import type { OptionSpec, OptionSpecs } from "./commander-options.js";

export interface GlobalOption {
  name: string;
  spec: OptionSpec;
  value?: string;
  help: string;
}

export const GLOBAL_OPTIONS: readonly GlobalOption[] = [
  { name: "help", spec: { type: "boolean", short: "h" }, help: "Show help for the command." },
  { name: "company", spec: { type: "string" }, value: "ID", help: "Company id (default: YCLIENTS_COMPANY_ID)." },
  { name: "all", spec: { type: "boolean" }, help: "Page through a paged list and print every item." },
  { name: "jsonl", spec: { type: "boolean" }, help: "With --all: one JSON item per line, streamed." },
  {
    name: "page-size",
    spec: { type: "string" },
    value: "N",
    help: "With --all: items per request (default: the most the API allows).",
  },
  {
    name: "pretty",
    spec: { type: "boolean" },
    help: "Indented JSON, also for lists on a terminal (shown as tables otherwise) and when piped.",
  },
  { name: "compact", spec: { type: "boolean" }, help: "One-line JSON even on a terminal." },
  {
    name: "base-url",
    spec: { type: "string" },
    value: "URL",
    help: "API root (default: YCLIENTS_BASE_URL, else https://api.yclients.com/api/v1).",
  },
  { name: "altegio", spec: { type: "boolean" }, help: "Use Altegio's API root (https://api.alteg.io/api/v1)." },
  {
    name: "partner-token",
    spec: { type: "string" },
    value: "TOKEN",
    help: "Partner token (prefer YCLIENTS_PARTNER_TOKEN: flags are visible to other users).",
  },
  {
    name: "user-token",
    spec: { type: "string" },
    value: "TOKEN",
    help: "User token (prefer YCLIENTS_USER_TOKEN: flags are visible to other users).",
  },
  {
    name: "profile",
    spec: { type: "string" },
    value: "NAME",
    help: 'The saved login to use (`yclients login --save`; default: YCLIENTS_PROFILE, else "default").',
  },
  { name: "simulator", spec: { type: "boolean" }, help: "Run this one command against an in-process simulator." },
  {
    name: "validate",
    spec: { type: "string" },
    value: "[=MODE]",
    help: "Check answers against the spec: --validate warns on stderr, --validate=throw fails the command.",
  },
  {
    name: "seed",
    spec: { type: "string" },
    value: "N",
    help: "Seed of the simulator's data (with --simulator; default 1).",
  },
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
