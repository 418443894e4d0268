// The request body of -d: inline JSON, @file, or - for stdin. A body that is not JSON is refused without
// quoting it (it may hold a password); required top-level fields are checked against the spec.
import { readFileSync } from "node:fs";
import type { BodyDoc } from "./operation-catalogue.js";
import { CliUsageError } from "./usage-error.js";

async function readStdin(stdin: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stdin) chunks.push(typeof chunk === "string" ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks).toString("utf8");
}

export async function readBody(argument: string, stdin: NodeJS.ReadableStream = process.stdin): Promise<unknown> {
  let text: string;
  let source = "-d";
  if (argument === "-") {
    text = await readStdin(stdin);
    source = "the body on stdin";
  } else if (argument.startsWith("@")) {
    try {
      text = readFileSync(argument.slice(1), "utf8");
    } catch (error) {
      throw new CliUsageError(
        `cannot read the body file ${argument.slice(1)}: ${(error as NodeJS.ErrnoException).code ?? "error"}`,
      );
    }
    source = `the body file ${argument.slice(1)}`;
  } else {
    text = argument;
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    // Node's message quotes the text, which may contain a secret: keep only where it broke.
    const position = /position (\d+)/.exec(String((error as Error).message))?.[1];
    throw new CliUsageError(`${source} is not valid JSON${position ? ` (at character ${position})` : ""}`);
  }
}

/** A missing required body, a body that is not an object, or missing required fields: an error naming them. */
export function checkBody(body: unknown, doc: BodyDoc | undefined, where: string): void {
  if (!doc) {
    if (body !== undefined) throw new CliUsageError(`${where} takes no request body (-d)`);
    return;
  }
  if (body === undefined) {
    if (doc.required)
      throw new CliUsageError(`${where} needs a request body (-d '{…}', -d @file or -d -)${fieldHint(doc)}`);
    return;
  }
  if (doc.contentType !== "application/json") {
    throw new CliUsageError(`${where} takes ${doc.contentType}, which the command line cannot send yet; use the SDK`);
  }
  if (doc.requiredFields.length && (body === null || typeof body !== "object" || Array.isArray(body))) {
    throw new CliUsageError(`${where} needs a JSON object body${fieldHint(doc)}`);
  }
  const missing = doc.requiredFields.filter((name) => (body as Record<string, unknown>)[name] === undefined);
  if (missing.length)
    throw new CliUsageError(`${where}: the body lacks the required field(s) ${missing.join(", ")}${fieldHint(doc)}`);
}

function fieldHint(doc: BodyDoc): string {
  const names = Object.keys(doc.fields);
  if (!names.length) return "";
  return `. Body fields: ${names.map((n) => (doc.requiredFields.includes(n) ? `${n} (required)` : n)).join(", ")}`;
}
