// Renders generated/operations.ts: the table of every operation (the simulator, the CLI and users read it) and
// the compact facts the client reads on every call (user-token-free, empty, binary and bare answers, retry class
// exceptions, host-rooted prefixes).
import { resolveRef } from "../../src/resolve-ref";
import { optionalEnvelopeOps } from "../answer-rules";
import { listOperations } from "../merge-spec";
import { retryClassOf, SAFE_BY_METHOD } from "../retry-class";
import { BANNER } from "./banner";
import { isHostRooted, needsUserToken } from "./operation-facts";
import { pagingOf } from "./paging-rule";

type Json = Record<string, any>;

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

/** Operations that work without a user token (\`METHOD /path\`); every other operation needs one. */
export const userTokenFree: ReadonlySet<string> = new Set(${JSON.stringify(free)});

/** Operations whose success answer may have no body (\`METHOD /path\`); every other one sends the JSON envelope. */
export const emptyAnswers: ReadonlySet<string> = new Set(${JSON.stringify(empty)});

/** Operations whose success is not JSON (\`METHOD /path\`): the client hands back the body as a Blob. */
export const binaryAnswers: ReadonlySet<string> = new Set(${JSON.stringify(binary)});

/**
 * Operations (\`METHOD /path\`) whose retry class differs from "GET and HEAD are safe to repeat, others are not":
 * safe POST searches and PUT/PATCH/DELETE that set a value, and a GET that sends an SMS. From \`x-idempotent\`.
 */
export const retryClassExceptions: ReadonlySet<string> = new Set(${JSON.stringify(retryExceptions)});
/** Operations whose success may come without the envelope (\`x-envelope: optional\`): a bare answer is its \`data\`. */
export const bareAnswers: ReadonlySet<string> = new Set(${JSON.stringify(bare)});

/** Path prefixes that are relative to the host root instead of the \`/api/v1\` base URL. */
export const hostRootedPrefixes: readonly string[] = ${JSON.stringify(prefixes)};
`;
}
