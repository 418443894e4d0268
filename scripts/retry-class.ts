// The retry class of an operation, from its `x-idempotent`: codegen refuses an operation without one, so no
// operation can fall back to a guess from its HTTP method.
type Json = Record<string, any>;

/** The method rule the compact facts are written against: GET and HEAD are safe to repeat, other methods not. */
export const SAFE_BY_METHOD: ReadonlySet<string> = new Set(["GET", "HEAD"]);

/** An operation's `x-idempotent`: required on every operation, and a boolean. */
export function retryClassOf(method: string, path: string, op: Json): boolean {
  const mark = op["x-idempotent"];
  if (mark === undefined) {
    throw new Error(
      `${method} ${path}: x-idempotent is missing. Mark every operation x-idempotent: true (a second copy changes ` +
        `nothing: reads, searches, setting a value) or false (money, stock, messages, creation, sign-in); ` +
        `see openapi/README.md`,
    );
  }
  if (typeof mark !== "boolean") {
    throw new Error(`${method} ${path}: x-idempotent must be true or false, not ${JSON.stringify(mark)}`);
  }
  return mark;
}
