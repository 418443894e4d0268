// A mistake on the command line (unknown command, unknown or missing parameter, bad value), found before
// anything is sent. Its message says what is valid.
export class CliUsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "CliUsageError";
  }
}
