// Checks an answer against the response schema the shipped spec gives for its operation and status, and turns the
// validator's errors into findings. This module and the spec are imported only when `validateResponses` is on
// (see spec-checker.ts), so a client that leaves it off loads neither.
//
// The validator is @cfworker/json-schema: it interprets schemas instead of compiling them to code, so it runs
// where `eval`/`new Function` are forbidden (Cloudflare workers, strict CSP pages). ARCHITECTURE.md says why.
import { dereference, validate, type OutputUnit, type Schema } from "@cfworker/json-schema";
import { resolveRef } from "../resolve-ref.js";
import { reportFindings, type AnswerReview } from "./answer-review.js";
import type { ValidationFinding } from "./finding.js";

/** The base URI the spec's local `$ref`s (`#/components/schemas/…`) resolve against. Never fetched. */
const SPEC_URI = "https://yclients-client.invalid/openapi.json";

type Json = Record<string, any>;
type Lookup = Record<string, Schema | boolean>;

export interface SpecValidator {
  /** Findings for one answer; empty when it matches. */
  check(method: string, path: string, status: number, body: unknown): ValidationFinding[];
  /** What a client does with an answer: checks it, then throws or warns about what it found (answer-review.ts). */
  review(answer: AnswerReview): void;
}

let shared: Promise<SpecValidator> | undefined;

/** Loads the spec (the one the package ships) and prepares it for validation, once per process. */
export function loadSpecValidator(): Promise<SpecValidator> {
  shared ??= (async () => {
    // In dist/ the build rewrites this to `yclients-client/openapi.json`, the file the package ships.
    const imported = (await import("../../generated/openapi.json", { with: { type: "json" } })) as Json;
    return createSpecValidator(imported.default ?? imported);
  })();
  shared.catch(() => (shared = undefined));
  return shared;
}

/**
 * A validator over `spec` (an OpenAPI 3.1 document). The spec is not copied (a copy of 2 MB costs more than the
 * rest of the preparation): the validator only adds non-enumerable annotations to the schema objects it walks,
 * which neither JSON.stringify nor `for…in` sees.
 */
export function createSpecValidator(source: unknown): SpecValidator {
  const spec = source as Json;
  const lookup: Lookup = Object.create(null);
  dereference({ $id: SPEC_URI, components: spec.components ?? {} } as Schema, lookup);
  const schemas = new Map<string, { schema: Schema | undefined; documented: string[]; operationId?: string }>();

  const entryFor = (method: string, path: string, status: number) => {
    const key = `${method} ${path} ${status}`;
    let entry = schemas.get(key);
    if (!entry) {
      const operation = spec.paths?.[path]?.[method.toLowerCase()] as Json | undefined;
      const responses = (operation?.responses ?? {}) as Json;
      const documented = Object.keys(responses).filter((code) => /^2/.test(code));
      const chosen = responses[String(status)] ?? responses[`${String(status)[0]}XX`] ?? responses.default;
      const response = resolveRef(spec, chosen);
      const schema = response?.content?.["application/json"]?.schema as Schema | undefined;
      if (schema) {
        const code = responses[String(status)] ? String(status) : `${String(status)[0]}XX`;
        const pointer = ["paths", path, method.toLowerCase(), "responses", code, "content", "application/json"]
          .map(escape)
          .join("/");
        dereference(schema, lookup, new URL(SPEC_URI), `/${pointer}/schema`);
      }
      entry = { schema, documented, operationId: operation?.operationId };
      schemas.set(key, entry);
    }
    return entry;
  };

  const validator: SpecValidator = {
    review(answer) {
      reportFindings(answer, validator.check(answer.method, answer.path, answer.status, answer.body));
    },
    check(method, path, status, body) {
      const entry = entryFor(method, path, status);
      const operation = `${method} ${path}`;
      const base = { operation, operationId: entry.operationId, status };
      if (!entry.schema) {
        // An operation the spec knows, answering a success status it does not document.
        if (entry.documented.length > 0 && !entry.documented.includes(String(status)) && status !== 204) {
          return [
            {
              ...base,
              pointer: "",
              location: "",
              expected: `HTTP ${entry.documented.join(" or ")}`,
              got: `HTTP ${status}`,
            },
          ];
        }
        return [];
      }
      if (body === undefined) return [];
      // The common case, a valid answer, stops at the first error; only an invalid one is walked whole.
      if (validate(body, entry.schema, "2020-12", lookup, true).valid) return [];
      const result = validate(body, entry.schema, "2020-12", lookup, false);
      // One finding per schema location: fifty records with the same mistyped field are one mismatch.
      const byLocation = new Map<string, ValidationFinding>();
      for (const found of findingsOf(result.errors, body)) {
        const location = locationOf(body, found.pointer);
        if (!byLocation.has(location)) byLocation.set(location, { ...base, ...found, location });
      }
      return [...byLocation.values()];
    },
  };
  return validator;
}

function escape(token: string): string {
  return token.replace(/~/g, "~0").replace(/\//g, "~1");
}

/** Keywords whose error only says that something inside failed: the inner errors tell where. */
const WRAPPERS = new Set([
  "properties",
  "patternProperties",
  "additionalProperties",
  "unevaluatedProperties",
  "items",
  "prefixItems",
  "additionalItems",
  "unevaluatedItems",
  "contains",
  "allOf",
  "anyOf",
  "oneOf",
  "if",
  "then",
  "else",
  "dependentSchemas",
  "dependencies",
  "propertyNames",
  "$ref",
]);

interface Located {
  /** JSON pointer of the value. */
  pointer: string;
  /** Undefined for a wrapper keyword (anyOf, properties, …): its inner errors say more. */
  expected?: string;
  keyword: string;
}

/**
 * The errors of one validation as findings: one per value, its expectations merged (`integer | null` when an
 * `anyOf` allowed either), and only the innermost ones (an `anyOf` that failed because a field inside failed says
 * nothing more). Only schema facts and JSON types go into a finding: never the value.
 */
function findingsOf(
  errors: OutputUnit[],
  body: unknown,
): Omit<ValidationFinding, "operation" | "status" | "location">[] {
  const located: Located[] = errors.map((error) => {
    const pointer = pointerOf(error.instanceLocation);
    const expected = expectationOf(error);
    if (error.keyword !== "required") return { pointer, expected, keyword: error.keyword };
    const name = /property "(.*)"\.$/.exec(error.error)?.[1] ?? "";
    return { pointer: `${pointer}/${escape(name)}`, expected, keyword: error.keyword };
  });
  // A location with errors below it failed only because of them.
  const innermost = located.filter((item) => !located.some((other) => other.pointer.startsWith(`${item.pointer}/`)));
  const byPointer = new Map<string, Located[]>();
  for (const item of innermost) byPointer.set(item.pointer, [...(byPointer.get(item.pointer) ?? []), item]);
  return [...byPointer].map(([pointer, items]) => {
    const leaves = items.filter((item) => item.expected !== undefined);
    // Only wrappers here: e.g. a oneOf that matched twice.
    const parts = leaves.length
      ? leaves.flatMap((item) => (item.expected as string).split(" | "))
      : [`a match of "${items[0].keyword}"`];
    return { pointer, expected: [...new Set(parts)].join(" | "), got: jsonTypeAt(body, pointer) };
  });
}

/** What the spec expected, from the error's keyword and the schema facts in its message; undefined for wrappers. */
function expectationOf(error: OutputUnit): string | undefined {
  const { keyword, error: message } = error;
  if (WRAPPERS.has(keyword)) return undefined;
  switch (keyword) {
    case "type": {
      const list = /Expected "(.*)"\.$/.exec(message)?.[1];
      return list ? list.split('", "').join(" | ") : "another type";
    }
    case "required":
      return "a value (required)";
    case "const":
      return `the constant ${bounded(/^Instance does not match (.*)\.$/.exec(message)?.[1] ?? "")}`;
    case "enum":
      return `one of ${bounded(/^Instance does not match any of (.*)\.$/.exec(message)?.[1] ?? "")}`;
    case "format":
      return `string in format ${/format "(.*)"\.$/.exec(message)?.[1] ?? "?"}`;
    case "false":
      return "nothing (the spec allows no value here)";
    case "not":
      return 'a value the "not" schema rejects';
    default:
      // minimum, maxLength, pattern, …: their messages quote the value, so only the keyword is kept.
      return `a value meeting "${keyword}"`;
  }
}

function bounded(text: string): string {
  return text.length > 120 ? `${text.slice(0, 120)}…` : text;
}

/** cfworker's `#/a/b` (segments URI-encoded) as an RFC 6901 pointer. */
function pointerOf(location: string): string {
  const raw = location.replace(/^#/, "");
  if (raw === "") return "";
  return raw
    .split("/")
    .map((segment) => {
      try {
        return decodeURIComponent(segment);
      } catch {
        return segment;
      }
    })
    .join("/");
}

/** The pointer with every token that indexes an array replaced by `*`. */
function locationOf(body: unknown, pointer: string): string {
  let value: unknown = body;
  let out = "";
  for (const token of pointer === "" ? [] : pointer.slice(1).split("/")) {
    const isIndex = Array.isArray(value);
    out += `/${isIndex ? "*" : token}`;
    const key = token.replace(/~1/g, "/").replace(/~0/g, "~");
    value = value !== null && typeof value === "object" ? (value as Record<string, unknown>)[key] : undefined;
  }
  return out;
}

/** The JSON type of the value at `pointer` (`integer` apart from `number`), or `missing`. */
export function jsonTypeAt(body: unknown, pointer: string): string {
  let value: unknown = body;
  for (const token of pointer === "" ? [] : pointer.slice(1).split("/")) {
    const key = token.replace(/~1/g, "/").replace(/~0/g, "~");
    if (value === null || typeof value !== "object" || !Object.prototype.hasOwnProperty.call(value, key)) {
      return "missing";
    }
    value = (value as Record<string, unknown>)[key];
  }
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  if (typeof value === "number") return Number.isInteger(value) ? "integer" : "number";
  return typeof value;
}
