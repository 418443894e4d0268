// Everything the CLI writes to stderr goes through here: errors, warnings, prompts' hints. Each line is masked
// against the secrets this run knows (tokens, the password and code of `login`), on top of the SDK's own
// redaction, so a secret that reaches a message by any path still never reaches the terminal or a log file.
import { redactText } from "../redact.js";
import { YclientsClientError, YclientsError } from "../errors.js";
import { exitCodeOf } from "./exit-codes.js";

export class Diagnostics {
  private readonly secrets: string[] = [];

  constructor(private readonly stream: NodeJS.WritableStream = process.stderr) {}

  /** A value that must never be printed from now on. */
  addSecret(value: string | undefined): void {
    if (value) this.secrets.push(value);
  }

  mask(text: string): string {
    return redactText(text, this.secrets);
  }

  line(text: string): void {
    this.stream.write(`${this.mask(text)}\n`);
  }

  warn(text: string): void {
    this.line(`yclients: warning: ${text}`);
  }

  /**
   * `yclients: <Class> (HTTP <status>, request id <id>): <message>`, then field errors, one per line.
   * Returns the exit code for the error's class.
   */
  error(error: unknown): number {
    const code = exitCodeOf(error);
    if (!(error instanceof Error)) {
      this.line(`yclients: error: ${String(error)}`);
      return code;
    }
    const facts: string[] = [];
    if (error instanceof YclientsError) {
      if (error.status !== undefined) facts.push(`HTTP ${error.status}`);
      if (error.requestId) facts.push(`request id ${error.requestId}`);
    }
    const name = error.name && error.name !== "Error" ? error.name : error.constructor.name;
    this.line(`yclients: ${name}${facts.length ? ` (${facts.join(", ")})` : ""}: ${error.message}`);
    if (error instanceof YclientsClientError && error.fieldErrors) {
      for (const [field, messages] of Object.entries(error.fieldErrors))
        this.line(`  ${field}: ${messages.join("; ")}`);
    }
    return code;
  }
}
