// The friendly commands as a tree of words (`clients comments list`), for help listings and completion.
import { catalogue, type CatalogueEntry } from "./operation-catalogue.js";

export const BUILTIN_COMMANDS = [
  "ops",
  "call",
  "login",
  "logout",
  "simulator",
  "spec-drift",
  "completion",
  "help",
  "version",
] as const;

/** The next words after `prefix`, with the entry when a word completes a command. */
export function childrenOf(prefix: readonly string[]): { word: string; entry?: CatalogueEntry }[] {
  const out = new Map<string, CatalogueEntry | undefined>();
  for (const entry of catalogue()) {
    const command = entry.command;
    if (!command || command.length <= prefix.length) continue;
    if (!prefix.every((word, i) => command[i] === word)) continue;
    const word = command[prefix.length];
    const leaf = command.length === prefix.length + 1 ? entry : undefined;
    if (!out.has(word) || leaf) out.set(word, leaf ?? out.get(word));
  }
  return [...out].map(([word, entry]) => ({ word, entry })).sort((a, b) => a.word.localeCompare(b.word));
}

/** Help for a resource or group: its methods and groups with their summaries. */
export function groupHelp(prefix: readonly string[]): string {
  const lines = [`Usage: yclients ${prefix.join(" ")} <${prefix.length ? "method" : "resource"}> [flags]`, ""];
  const children = childrenOf(prefix);
  const width = Math.max(...children.map((c) => c.word.length)) + 2;
  for (const child of children) {
    lines.push(
      `  ${child.word.padEnd(width)}${child.entry ? child.entry.summary : `(group: yclients ${[...prefix, child.word].join(" ")} --help)`}`,
    );
  }
  lines.push("", `\`yclients ${[...prefix, "<method>"].join(" ")} --help\` shows a method's flags.`);
  return lines.join("\n");
}
