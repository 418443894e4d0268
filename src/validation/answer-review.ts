// What becomes of a successful answer's findings: with "throw", the client's error naming the first;
// with "warn", one log line per operation, status and location, once per client family. It runs on the validator's
// side (`yclients-client/validation`), so a client that never turns validation on does not carry it.
import type { Log } from "../log.js";
import { describeFinding, type ValidationFinding } from "./finding.js";

/** How many distinct locations a client remembers having reported; past that, it stops warning about new ones. */
const MAX_REMEMBERED = 10_000;

/** One successful answer, as the client hands it over for review. */
export interface AnswerReview {
  mode: "warn" | "throw";
  method: string;
  path: string;
  status: number;
  body: unknown;
  /** What this client family has reported already (`operation status location`); a warning adds to it. */
  reported: Set<string>;
  log: Log;
  /**
   * The YclientsResponseValidationError to throw, built by the client: its class must be the one the caller imported,
   * and under Node's ES modules the validator is loaded as CommonJS, with a copy of the error classes of its own.
   */
  error(message: string, findings: ValidationFinding[]): Error;
}

/** Throws or warns about `findings` of the answer under review; nothing when there are none. */
export function reportFindings(review: AnswerReview, findings: readonly ValidationFinding[]): void {
  if (findings.length === 0) return;
  if (review.mode === "throw") {
    const more = findings.length > 1 ? ` (and ${findings.length - 1} more)` : "";
    throw review.error(`The answer does not match the spec: ${describeFinding(findings[0])}${more}`, [...findings]);
  }
  for (const finding of findings) {
    const key = `${finding.operation} ${finding.status} ${finding.location}`;
    if (review.reported.has(key) || review.reported.size >= MAX_REMEMBERED) continue;
    review.reported.add(key);
    review.log.validate("answer departs from the spec: %s %j", describeFinding(finding), finding);
  }
}
