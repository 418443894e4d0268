// Command-line strings turned into the values a parameter's schema asks for, and the checks that every
// given name is a parameter of the operation and every required one is there. Errors list the valid names.
import type { ParameterDoc } from "./operation-catalogue.js";
import { CliUsageError } from "./usage-error.js";

function scalar(raw: string, type: string | undefined, label: string): unknown {
  switch (type) {
    case "integer":
      if (!/^-?[0-9]+$/.test(raw)) throw new CliUsageError(`${label} must be an integer`);
      return Number(raw);
    case "number":
      if (raw.trim() === "" || Number.isNaN(Number(raw))) throw new CliUsageError(`${label} must be a number`);
      return Number(raw);
    case "boolean":
      if (/^(true|1|yes)$/i.test(raw)) return true;
      if (/^(false|0|no)$/i.test(raw)) return false;
      throw new CliUsageError(`${label} must be true or false`);
    default:
      return raw;
  }
}

/**
 * The value of one parameter from one or more strings: arrays take repeated flags or comma-separated
 * values; an enum is checked against its values.
 */
export function parameterValue(doc: ParameterDoc, raws: readonly string[], label: string): unknown {
  if (doc.type === "array") {
    return raws.flatMap((raw) => raw.split(",")).map((part) => scalar(part.trim(), doc.itemType, label));
  }
  if (raws.length > 1) throw new CliUsageError(`${label} was given ${raws.length} times; it takes one value`);
  const value = scalar(raws[0], doc.type, label);
  if (doc.enum && !doc.enum.some((allowed) => String(allowed) === String(value))) {
    throw new CliUsageError(`${label} must be one of: ${doc.enum.map(String).join(", ")}`);
  }
  return value;
}

/** `name=value` pairs (`-p`, `-q`), grouped by name in the order given. */
export function pairs(items: readonly string[] | undefined, flag: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const item of items ?? []) {
    const at = item.indexOf("=");
    if (at <= 0) throw new CliUsageError(`${flag} takes name=value, got "${item.slice(0, 40)}"`);
    const name = item.slice(0, at);
    out.set(name, [...(out.get(name) ?? []), item.slice(at + 1)]);
  }
  return out;
}

const describe = (docs: readonly ParameterDoc[]) =>
  docs.length ? docs.map((d) => `${d.name}${d.required ? " (required)" : ""}`).join(", ") : "none";

/**
 * Checks the names against the operation's parameters of one kind (path or query) and returns the typed
 * values. An unknown name or a missing required one is an error that lists the valid ones.
 */
export function checkParameters(
  kind: "path" | "query",
  given: Map<string, string[]>,
  docs: readonly ParameterDoc[],
  where: string,
  flag: string,
): Record<string, unknown> {
  const own = docs.filter((d) => d.in === kind);
  const unknown = [...given.keys()].filter((name) => !own.some((d) => d.name === name));
  if (unknown.length) {
    throw new CliUsageError(
      `${where} has no ${kind} parameter ${unknown.map((n) => `"${n}"`).join(", ")}. Valid ${kind} parameters (${flag}): ${describe(own)}`,
    );
  }
  const missing = own.filter((d) => d.required && !given.has(d.name));
  if (missing.length) {
    throw new CliUsageError(
      `${where} needs the ${kind} parameter${missing.length > 1 ? "s" : ""} ${missing.map((d) => d.name).join(", ")} (${flag} name=value). Valid ${kind} parameters: ${describe(own)}`,
    );
  }
  const out: Record<string, unknown> = {};
  for (const [name, raws] of given) {
    const doc = own.find((d) => d.name === name)!;
    out[name] = parameterValue(doc, raws, `${kind} parameter ${name}`);
  }
  return out;
}
