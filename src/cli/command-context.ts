// What every command gets: its parsed global options, stdout, stderr and the environment.
import type { Diagnostics } from "./diagnostics.js";
import type { GlobalValues } from "./global-options.js";
import { Output, type OutputFormat } from "./output.js";
import { Progress } from "./progress.js";
import type { Session } from "./session.js";
import { CliUsageError } from "./usage-error.js";

export interface CommandContext {
  diagnostics: Diagnostics;
  env: NodeJS.ProcessEnv;
  stdin: NodeJS.ReadStream;
  stdout: NodeJS.WriteStream;
  stderr: NodeJS.WriteStream;
  /** The path of the running CLI file, for completion scripts that call it back. */
  self?: string;
}

/** Tables and pretty JSON on a terminal, compact when piped, unless --pretty / --compact / --jsonl say otherwise. */
export function outputFor(values: GlobalValues, stdout: NodeJS.WriteStream): Output {
  if (values.jsonl && !values.all) throw new CliUsageError("--jsonl needs --all (it prints the items of a paged list)");
  if (values.pretty && values.compact) throw new CliUsageError("--pretty and --compact cannot be used together");
  const format: OutputFormat = values.jsonl
    ? "jsonl"
    : values.pretty
      ? "pretty"
      : values.compact
        ? "compact"
        : stdout.isTTY
          ? "table"
          : "compact";
  return new Output(format, stdout);
}

/**
 * --page-size as a number from 1 to the operation's maximum, checked here so a bad value is a usage error (exit 2)
 * like any other, not the SDK's configuration error.
 */
export function pageSizeOf(values: GlobalValues, paging?: { maxSize: number }): number | undefined {
  const raw = values["page-size"];
  if (raw === undefined) return undefined;
  if (!values.all) throw new CliUsageError("--page-size needs --all");
  const size = /^[0-9]+$/.test(raw) ? Number(raw) : Number.NaN;
  const max = paging?.maxSize ?? Number.MAX_SAFE_INTEGER;
  if (!(size >= 1 && size <= max))
    throw new CliUsageError(`--page-size must be an integer from 1 to ${paging ? max : "the operation's maximum"}`);
  return size;
}

/** Prints every item of a paged list, with the progress line on a terminal's stderr. */
export async function printAll(
  items: AsyncIterable<unknown>,
  output: Output,
  session: Session,
  ctx: CommandContext,
): Promise<void> {
  const progress = new Progress(session.counters, ctx.stderr, Boolean(ctx.stderr.isTTY));
  try {
    await output.items(items, () => progress.item());
  } finally {
    progress.done();
  }
}

/** Prints one answer: JSON, or the bytes of a file answer. */
export async function printAnswer(data: unknown, output: Output): Promise<void> {
  if (typeof Blob !== "undefined" && data instanceof Blob) await output.bytes(new Uint8Array(await data.arrayBuffer()));
  else await output.value(data);
}
