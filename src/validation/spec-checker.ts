// What a client does with `validateResponses` on: loads the validator and the spec on first use (a dynamic
// import, so they cost nothing until then) and hands it each successful answer. What is reported, and how (a
// warning once per operation, status and location, or an error), is decided on the validator's side
// (answer-review.ts); the client keeps only the memory of what it reported, for the whole client family.
import { answerErrorContext } from "../answer.js";
import { YclientsConfigError, YclientsResponseValidationError } from "../errors.js";
import type { Log } from "../log.js";
import type { CallContext, Transport } from "../transport/transport.js";
import { importSpecValidator } from "./import-validator.js";
import { registeredSpecValidator } from "./registry.js";
import type { SpecValidator } from "./response-validator.js";

export class SpecChecker {
  private readonly reported = new Set<string>();
  private validator?: Promise<SpecValidator>;

  constructor(private readonly log: Log) {}

  async check(mode: "warn" | "throw", call: CallContext, body: unknown, response: Response, transport: Transport) {
    // A file answer (PDF) has no JSON to check.
    if (typeof Blob !== "undefined" && body instanceof Blob) return;
    (await this.load()).review({
      mode,
      method: call.method,
      path: call.path,
      status: response.status,
      body,
      reported: this.reported,
      log: this.log,
      error: (message, findings) =>
        new YclientsResponseValidationError(message, {
          ...answerErrorContext(transport, call, response, body),
          findings,
        }),
    });
  }

  private load(): Promise<SpecValidator> {
    const registered = registeredSpecValidator();
    this.validator ??= (registered ? registered() : importSpecValidator()).catch((cause: unknown) => {
      this.validator = undefined;
      throw new YclientsConfigError(
        "validateResponses could not load the validator and the spec: in a bundled app (browser, worker) " +
          'import "yclients-client/validation" once; Node loads it by itself',
        { cause },
      );
    });
    return this.validator;
  }
}
