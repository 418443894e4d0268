// stdout: on a terminal a list answer as an aligned table and anything else as pretty JSON; compact JSON when
// piped; one item per line with --jsonl. Writes wait for
// the pipe to drain, so a slow reader (jq, a file on a slow disk) holds back paging instead of filling memory.
import { once } from "node:events";
import { listTable } from "./table.js";

/** "table": chosen for a terminal (no --pretty/--compact); lists become tables, the rest pretty JSON. */
export type OutputFormat = "table" | "pretty" | "compact" | "jsonl";

export class Output {
  constructor(
    readonly format: OutputFormat,
    private readonly stream: NodeJS.WritableStream = process.stdout,
  ) {}

  async write(text: string): Promise<void> {
    if (!this.stream.write(text)) await once(this.stream, "drain");
  }

  private stringify(value: unknown, indentLevel = 0): string {
    if (!this.pretty) return JSON.stringify(value) ?? "null";
    const text = JSON.stringify(value, null, 2) ?? "null";
    return indentLevel ? text.replace(/\n/g, `\n${"  ".repeat(indentLevel)}`) : text;
  }

  private get pretty(): boolean {
    return this.format === "pretty" || this.format === "table";
  }

  /** One whole value (a single answer). */
  async value(value: unknown): Promise<void> {
    const columns = (this.stream as NodeJS.WriteStream).columns;
    const table = this.format === "table" ? listTable(value, columns || 120) : undefined;
    await this.write(table ?? `${this.stringify(value)}\n`);
  }

  /** Raw bytes (a file answer such as a PDF receipt). */
  async bytes(data: Uint8Array): Promise<void> {
    if (!this.stream.write(data)) await once(this.stream, "drain");
  }

  /**
   * Items of a paged list as they arrive: one per line with --jsonl, else one JSON array written piece by
   * piece. Only the current page is ever held. Returns how many items were written.
   */
  async items(source: AsyncIterable<unknown>, onItem?: () => void): Promise<number> {
    let count = 0;
    const jsonl = this.format === "jsonl";
    for await (const item of source) {
      if (jsonl) await this.write(`${JSON.stringify(item)}\n`);
      else await this.write(`${count === 0 ? "[" : ","}${this.pretty ? "\n  " : ""}${this.stringify(item, 1)}`);
      count++;
      onItem?.();
    }
    if (!jsonl) await this.write(count === 0 ? "[]\n" : `${this.pretty ? "\n" : ""}]\n`);
    return count;
  }
}
