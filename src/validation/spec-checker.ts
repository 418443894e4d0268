// What a client does with `validateResponses` on: loads the validator and the spec on first use (a dynamic
// import, so they cost nothing until then), checks each successful answer, and logs each mismatch once per
// operation, status and location, or rejects with the findings.
import { answerErrorContext } from "../answer.js";
import { YclientsConfigError, YclientsResponseValidationError } from "../errors.js";
import type { Log } from "../log.js";
import type { CallContext, Transport } from "../transport/transport.js";
import { describeFinding, type ValidationFinding } from "./finding.js";
import { importSpecValidator } from "./import-validator.js";
import { registeredSpecValidator } from "./registry.js";
import type { SpecValidator } from "./response-validator.js";

/** How many distinct locations a client remembers having reported; past that, it stops warning about new ones. */
const MAX_REMEMBERED = 10_000;

export class SpecChecker {
  private readonly reported = new Set<string>();
  private validator?: Promise<SpecValidator>;

  constructor(private readonly log: Log) {}

  async check(mode: "warn" | "throw", call: CallContext, body: unknown, response: Response, transport: Transport) {
    // A file answer (PDF) has no JSON to check.
    if (typeof Blob !== "undefined" && body instanceof Blob) return;
    const findings = (await this.load()).check(call.method, call.path, response.status, body);
    if (findings.length === 0) return;
    if (mode === "throw") {
      const more = findings.length > 1 ? ` (and ${findings.length - 1} more)` : "";
      throw new YclientsResponseValidationError(
        `The answer does not match the spec: ${describeFinding(findings[0])}${more}`,
        { ...answerErrorContext(transport, call, response, body), findings },
      );
    }
    for (const finding of findings) this.warnOnce(finding);
  }

  private warnOnce(finding: ValidationFinding): void {
    const key = `${finding.operation} ${finding.status} ${finding.location}`;
    if (this.reported.has(key) || this.reported.size >= MAX_REMEMBERED) return;
    this.reported.add(key);
    this.log.validate("answer departs from the spec: %s %j", describeFinding(finding), finding);
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
