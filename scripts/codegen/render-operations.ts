// Renders generated/operations.ts: the table of every operation (the simulator, the CLI and users read it) and
// the compact facts the client reads on every call (user-token-free, empty, binary and bare answers, retry class
// exceptions: one bit each, per path and method; host-rooted prefixes).
import { resolveRef } from "../../src/resolve-ref";
import { optionalEnvelopeOps } from "../answer-rules";
import { listOperations } from "../merge-spec";
import { retryClassOf, SAFE_BY_METHOD } from "../retry-class";
import { BANNER } from "./banner";
import { isHostRooted, needsUserToken } from "./operation-facts";
import { pagingOf } from "./paging-rule";

type Json = Record<string, any>;

/** The facts `operationFacts` holds per operation, one bit each (documented in the generated file). */
const FACT = { userTokenFree: 1, emptyAnswer: 2, binaryAnswer: 4, retryClassException: 8, bareAnswer: 16 };

/** Every path template with its parameter names left out: `/company/{company_id}/clients` → `/company/{}/clients`. */
function factKey(path: string): string {
  return path.replace(/\{[^}]*\}/g, "{}");
}

/**
 * One entry per path (parameter names left out) and method that has a fact: half the bytes of one list of
 * "METHOD /path" strings per fact, in the bundle of every program that makes a typed call.
 */
function compactFacts(lists: Array<[bit: number, operations: string[]]>): Record<string, Record<string, number>> {
  const byKey = new Map<string, Record<string, number>>();
  const templateOf = new Map<string, string>();
  for (const [bit, operations] of lists) {
    for (const operation of operations) {
      const [method, path] = operation.split(" ");
      const key = factKey(path);
      // Two templates differing only by parameter names would share one entry: the spec must not have them.
      const seen = templateOf.get(key);
      if (seen !== undefined && seen !== path) throw new Error(`${path} and ${seen} differ only by parameter names`);
      templateOf.set(key, path);
      const facts = byKey.get(key) ?? {};
      facts[method] = (facts[method] ?? 0) | bit;
      byKey.set(key, facts);
    }
  }
  return Object.fromEntries([...byKey].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

export function renderOperations(spec: Json): string {
  const rows = listOperations(spec).map(({ method, path, op }) => {
    if (!op.operationId) throw new Error(`${method} ${path}: operationId is missing`);
    const row: Json = {
      operationId: op.operationId,
      method,
      path,
      userToken: needsUserToken(spec, op),
      idempotent: retryClassOf(method, path, op),
    };
    if (isHostRooted(spec, path)) row.hostRooted = true;
    const pagination = pagingOf(op, `${method} ${path}`);
    if (pagination) row.pagination = pagination;
    if (op.deprecated) row.deprecated = true;
    return row;
  });
  const body = rows.map((r) => `  ${JSON.stringify(r)},`).join("\n");
  const free = rows.filter((r) => !r.userToken).map((r) => `${r.method} ${r.path}`);
  // A 2xx documented without content (a 204 of a delete): the only operations whose success may be empty.
  const responseOf = (r: Json): Json => resolveRef(spec, r) ?? {};
  const empty = listOperations(spec)
    .filter(({ op }) =>
      Object.entries(op.responses ?? {}).some(([s, r]) => /^2/.test(s) && !responseOf(r as Json).content),
    )
    .map(({ method, path }) => `${method} ${path}`);
  // A 2xx whose content is not JSON (a PDF receipt, a file): read as a Blob, not as text.
  const binary = listOperations(spec)
    .filter(({ op }) =>
      Object.entries(op.responses ?? {}).some(([s, r]) => {
        const content = responseOf(r as Json)?.content;
        return /^2/.test(s) && content && !content["application/json"];
      }),
    )
    .map(({ method, path }) => `${method} ${path}`);
  // Only the operations whose retry class differs from the method rule: a path outside the spec gets that rule.
  const retryExceptions = rows
    .filter((r) => r.idempotent !== SAFE_BY_METHOD.has(r.method))
    .map((r) => `${r.method} ${r.path}`);
  // `x-envelope: optional`: a bare answer is the `data` of the envelope the client builds around it.
  const bare = optionalEnvelopeOps(spec).map(({ method, path }) => `${method} ${path}`);
  const facts = compactFacts([
    [FACT.userTokenFree, free],
    [FACT.emptyAnswer, empty],
    [FACT.binaryAnswer, binary],
    [FACT.retryClassException, retryExceptions],
    [FACT.bareAnswer, bare],
  ]);
  const prefixes = [
    ...new Set(rows.filter((r) => r.hostRooted).map((r) => `/${String(r.path).split("/")[1]}/`)),
  ].sort();
  for (const r of rows) {
    if (!r.hostRooted && prefixes.some((p) => String(r.path).startsWith(p))) {
      throw new Error(`${r.method} ${r.path}: shares a host-rooted prefix but has no path-level servers`);
    }
  }
  return `${BANNER}
import type { Paging } from "../src/pagination.js";

/** An operation's paging rule, from its \`x-pagination\`. */
export type OperationPagination = Paging;

export interface OperationInfo {
  readonly operationId: string;
  readonly method: "GET" | "PUT" | "POST" | "DELETE" | "PATCH" | "HEAD";
  /** Path template relative to the v1 base URL, as in the spec. */
  readonly path: string;
  /** True when the operation fails without a user token. */
  readonly userToken: boolean;
  /** Its \`x-idempotent\`: true when a second copy has no further effect, so it is retried after a lost answer. */
  readonly idempotent: boolean;
  readonly pagination?: OperationPagination;
  readonly deprecated?: boolean;
  /** True when the path is written from the host root (\`/api/v2/...\`, \`/marketplace/...\`), not from \`/api/v1\`. */
  readonly hostRooted?: boolean;
}

/** Every operation of the spec (the simulator, the CLI and users read it; the client itself does not). */
export const operations: readonly OperationInfo[] = [
${body}
];

// What the client reads on every call, kept small so the typed-only bundle doesn't grow with the API.

/** The bits of \`operationFacts\`. */
export const FACT = ${JSON.stringify(FACT)} as const;

/**
 * Per path template, with its parameter names left out (\`/company/{}/clients/{}\`: the spec has no two paths
 * that differ only by them), and per method: the facts in which the operation differs from the default, as bits.
 * The default: it needs a user token, answers with the JSON envelope, and is safe to repeat if it is a GET or a HEAD.
 * - \`userTokenFree\`: it works with the partner token alone;
 * - \`emptyAnswer\`: its success may have no body;
 * - \`binaryAnswer\`: its success is not JSON (a PDF, an image): the client hands back a Blob;
 * - \`retryClassException\`: its \`x-idempotent\` differs from the method rule (a POST search is safe to repeat; a
 *   GET that sends an SMS is not);
 * - \`bareAnswer\`: its success may come without the envelope (\`x-envelope: optional\`): a bare answer is its \`data\`.
 */
export const operationFacts: Readonly<Record<string, Readonly<Record<string, number>>>> = ${JSON.stringify(facts)};

/** Path prefixes that are relative to the host root instead of the \`/api/v1\` base URL. */
export const hostRootedPrefixes: readonly string[] = ${JSON.stringify(prefixes)};
`;
}
