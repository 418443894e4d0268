#!/usr/bin/env node
// The `yclients` executable: runs the command the arguments name (program.ts); every failure becomes one line
// on stderr (class, status, request id, masked message) and the exit code of its class (exit-codes.ts).
import { realpathSync } from "node:fs";
import type { CommandContext } from "./command-context.js";
import { Diagnostics } from "./diagnostics.js";
import { EXIT } from "./exit-codes.js";
import { withValidateDefault } from "./global-options.js";
import { runProgram } from "./program.js";
export function run(argv: string[], ctx: CommandContext): Promise<number> {
  return runProgram(withValidateDefault(argv), ctx);
}

async function main(): Promise<void> {
  const diagnostics = new Diagnostics(process.stderr);
  const ctx: CommandContext = {
    diagnostics,
    env: process.env,
    stdin: process.stdin,
    stdout: process.stdout,
    stderr: process.stderr,
    self: process.argv[1] ? realpathSync(process.argv[1]) : undefined,
  };
  // A reader that stops early (`| head`) is not an error.
  process.stdout.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code === "EPIPE") process.exit(EXIT.ok);
    throw error;
  });
  let code: number;
  try {
    code = await run(process.argv.slice(2), ctx);
  } catch (error) {
    code = diagnostics.error(error);
  }
  process.exitCode = code;
}

void main();
