// Body fields given one by one, as `gh api` takes them: `-f key=value` is always a string, `-F key=value` is
// typed (true, false, null, a number, or JSON for an object or array; anything else stays a string; `@file` is
// the file's text). Nested keys use gh's brackets: `appointments[0][staff_id]=16`, `labels[]=a` appends.
import { readFileSync } from "node:fs";
import { CliUsageError } from "./usage-error.js";

export interface FieldFlags {
  /** -f / --raw-field */
  raw?: readonly string[];
  /** -F / --field */
  typed?: readonly string[];
}

function typedValue(text: string, key: string): unknown {
  if (text === "true") return true;
  if (text === "false") return false;
  if (text === "null") return null;
  if (/^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?$/.test(text)) return Number(text);
  if (text.startsWith("@")) {
    try {
      return readFileSync(text.slice(1), "utf8");
    } catch (error) {
      throw new CliUsageError(`-F ${key}: cannot read ${text.slice(1)}: ${(error as NodeJS.ErrnoException).code}`);
    }
  }
  if (/^[[{]/.test(text)) {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      // the value is not quoted back: it may hold a secret
      throw new CliUsageError(`-F ${key}: the value starts like JSON but is not valid JSON (use -f for a string)`);
    }
  }
  return text;
}

/** `a[b][0]` → ["a", "b", "0"]; `a[]` → ["a", ""]. */
function keyPath(key: string, flag: string): string[] {
  const match = /^([^[\]]+)((?:\[[^[\]]*\])*)$/.exec(key);
  if (!match) throw new CliUsageError(`${flag} ${key}: a key is name, name[sub] or name[] (as in gh api)`);
  return [match[1], ...[...match[2].matchAll(/\[([^[\]]*)\]/g)].map((m) => m[1])];
}

function assign(target: Record<string, unknown>, path: string[], value: unknown, flag: string, key: string): void {
  let node: Record<string, unknown> | unknown[] = target;
  for (let i = 0; i < path.length; i++) {
    const last = i === path.length - 1;
    const part = path[i];
    const nextIsList = !last && (path[i + 1] === "" || /^[0-9]+$/.test(path[i + 1]));
    const fresh = () => (nextIsList ? [] : {});
    if (Array.isArray(node)) {
      if (part !== "" && !/^[0-9]+$/.test(part)) throw new CliUsageError(`${flag} ${key}: "${part}" indexes a list`);
      const index = part === "" ? node.length : Number(part);
      if (last) node[index] = value;
      else node = (node[index] ??= fresh()) as Record<string, unknown> | unknown[];
    } else {
      if (part === "") throw new CliUsageError(`${flag} ${key}: [] appends to a list, not to an object`);
      if (last) node[part] = value;
      else {
        const child = (node[part] ??= fresh());
        if (child === null || typeof child !== "object")
          throw new CliUsageError(`${flag} ${key}: ${path.slice(0, i + 1).join(".")} is already a plain value`);
        node = child as Record<string, unknown> | unknown[];
      }
    }
  }
}

/** The fields merged into `base` (the -d body, when given), -f first, then -F. Undefined when none are given. */
export function bodyWithFields(base: unknown, flags: FieldFlags): unknown {
  const given = [
    ...(flags.raw ?? []).map((item) => ({ item, flag: "-f", typed: false })),
    ...(flags.typed ?? []).map((item) => ({ item, flag: "-F", typed: true })),
  ];
  if (!given.length) return base;
  if (base !== undefined && (base === null || typeof base !== "object" || Array.isArray(base)))
    throw new CliUsageError("-f/-F add fields to a JSON object: the -d body is not one");
  const body = (base ?? {}) as Record<string, unknown>;
  const counts: Record<string, number> = {};
  for (const { item, flag, typed } of given) {
    counts[flag] = (counts[flag] ?? 0) + 1;
    const at = item.indexOf("=");
    // Not quoted back: without its "=" nothing tells a key from a value, which may be a secret.
    if (at <= 0) throw new CliUsageError(`${flag} takes key=value: argument ${counts[flag]} of ${flag} has no "="`);
    const key = item.slice(0, at);
    const text = item.slice(at + 1);
    assign(body, keyPath(key, flag), typed ? typedValue(text, key) : text, flag, key);
  }
  return body;
}
