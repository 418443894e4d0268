// One exit code per error class, so scripts can tell "fix the command" from "try again later" without
// parsing stderr. The table is documented in README.md ("Command line"); tests pin each code.
import {
  YclientsAuthError,
  YclientsBookingError,
  YclientsCircuitOpenError,
  YclientsClientError,
  YclientsConfigError,
  YclientsNetworkError,
  YclientsNotFoundError,
  YclientsParseError,
  YclientsResponseValidationError,
  YclientsRateLimitError,
  YclientsServerError,
  YclientsTimeoutError,
  YclientsValidationError,
} from "../errors.js";
import { YclientsPaginationError } from "../pagination.js";
import { YclientsRateLimitQueueError } from "../ratelimit/queue-error.js";
import { CliUsageError } from "./usage-error.js";

export const EXIT = {
  ok: 0,
  unexpected: 1,
  usage: 2,
  config: 3,
  auth: 4,
  notFound: 5,
  validation: 6,
  booking: 7,
  clientError: 8,
  rateLimit: 9,
  server: 10,
  network: 11,
  timeout: 12,
  circuitOpen: 13,
  parse: 14,
  responseValidation: 15,
  drift: 16,
} as const;

// Most specific class first: the booking, auth, not-found and validation errors are client errors too.
const BY_CLASS: [new (...args: never[]) => Error, number][] = [
  [CliUsageError, EXIT.usage],
  [YclientsConfigError, EXIT.config],
  [YclientsBookingError, EXIT.booking],
  [YclientsAuthError, EXIT.auth],
  [YclientsNotFoundError, EXIT.notFound],
  [YclientsValidationError, EXIT.validation],
  [YclientsClientError, EXIT.clientError],
  [YclientsRateLimitError, EXIT.rateLimit],
  [YclientsRateLimitQueueError, EXIT.rateLimit],
  [YclientsServerError, EXIT.server],
  [YclientsNetworkError, EXIT.network],
  [YclientsTimeoutError, EXIT.timeout],
  [YclientsCircuitOpenError, EXIT.circuitOpen],
  [YclientsParseError, EXIT.parse],
  [YclientsResponseValidationError, EXIT.responseValidation],
  // A server that repeats a page instead of paging: its answer cannot be used, like an unparseable one.
  [YclientsPaginationError, EXIT.parse],
];

export function exitCodeOf(error: unknown): number {
  for (const [Class, code] of BY_CLASS) if (error instanceof Class) return code;
  return EXIT.unexpected;
}
