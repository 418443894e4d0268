// Questions on stderr, answers from stdin. On a terminal a secret is read with echo off (raw mode, so the
// password never appears on screen); from a pipe (scripts, tests) each answer is the next line.
import { createInterface, type Interface } from "node:readline";
import { CliUsageError } from "./usage-error.js";

export class Prompter {
  private lines?: AsyncIterator<string>;
  private reader?: Interface;

  constructor(
    private readonly input: NodeJS.ReadStream,
    private readonly output: NodeJS.WritableStream,
  ) {}

  private async nextLine(question: string): Promise<string> {
    this.output.write(question);
    if (!this.reader) {
      this.reader = createInterface({ input: this.input, terminal: false, crlfDelay: Infinity });
      this.lines = this.reader[Symbol.asyncIterator]();
    }
    const next = await this.lines!.next();
    if (!this.input.isTTY) this.output.write("\n");
    if (next.done) throw new CliUsageError("stdin ended before the answer was given");
    return next.value;
  }

  private get terminal(): boolean {
    return Boolean(this.input.isTTY) && typeof this.input.setRawMode === "function";
  }

  ask(question: string): Promise<string> {
    return this.terminal ? this.readTerminal(question, true) : this.nextLine(question);
  }

  /** Like ask(), but what is typed on a terminal is not shown. */
  askSecret(question: string): Promise<string> {
    return this.terminal ? this.readTerminal(question, false) : this.nextLine(question);
  }

  /** One answer typed on a terminal, in raw mode: echoed or not, with backspace, Ctrl-C and Ctrl-D. */
  private readTerminal(question: string, echo: boolean): Promise<string> {
    const input = this.input;
    return new Promise((resolve, reject) => {
      let typed = "";
      // Raw mode stays on until close(), so what is typed ahead of the next question is not echoed either.
      const finish = (error?: Error) => {
        input.pause();
        input.off("data", onData);
        this.output.write("\n");
        if (error) reject(error);
        else resolve(typed);
      };
      const onData = (chunk: Buffer) => {
        for (const char of chunk.toString("utf8")) {
          if (char === "\r" || char === "\n") return finish();
          if (char === "\u0003") return finish(new CliUsageError("cancelled"));
          if (char === "\u0004") return finish(typed ? undefined : new CliUsageError("cancelled"));
          if (char === "\u007f" || char === "\b") {
            if (echo && typed) this.output.write("\b \b");
            typed = typed.slice(0, -1);
          } else if (char >= " ") {
            typed += char;
            if (echo) this.output.write(char);
          }
        }
      };
      // Echo goes off before the question is shown, so nothing typed in answer to it can be echoed.
      input.setRawMode(true);
      this.output.write(question);
      input.resume();
      input.on("data", onData);
    });
  }

  close(): void {
    this.reader?.close();
    if (this.terminal && this.input.isRaw) this.input.setRawMode(false);
  }
}
