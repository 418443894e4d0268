#!/usr/bin/env node
// The `yclients` executable: finds the command in the arguments and runs it; every failure becomes one line
// on stderr (class, status, request id, masked message) and the exit code of its class (exit-codes.ts).
import { realpathSync } from "node:fs";
import { callCommand } from "./call-command.js";
import { findCommand } from "./catalogue.js";
import { BUILTIN_COMMANDS, childrenOf, groupHelp } from "./command-tree.js";
import type { CommandContext } from "./command-context.js";
import { completeWords, completionScript } from "./completion.js";
import { Diagnostics } from "./diagnostics.js";
import { EXIT } from "./exit-codes.js";
import { friendlyCommand } from "./friendly-command.js";
import { VALUE_OPTIONS, withValidateDefault } from "./global-options.js";
import { mainHelp } from "./help.js";
import { loginCommand, logoutCommand } from "./login-command.js";
import { opsCommand } from "./ops-command.js";
import { simulatorCommand } from "./simulator-command.js";
import { specDriftCommand } from "./spec-drift-command.js";
import { CliUsageError } from "./usage-error.js";
import { suggest } from "../suggest.js";
import { VERSION } from "../version.js";

/** The leading command words, skipping global options (and their values) written before them. */
function commandWords(argv: readonly string[]): { words: string[]; rest: string[] } {
  const words: string[] = [];
  const rest: string[] = [];
  let i = 0;
  for (; i < argv.length; i++) {
    const arg = argv[i];
    if (arg.startsWith("-")) {
      rest.push(arg);
      const name = arg.replace(/^--?/, "");
      if (!arg.includes("=") && VALUE_OPTIONS.has(name) && i + 1 < argv.length) rest.push(argv[++i]);
      continue;
    }
    // A word continues the command while it leads somewhere in the tree (or is the first word).
    if (words.length === 0 || childrenOf(words).some((c) => c.word === arg)) {
      words.push(arg);
      if (words.length === 1 && [...BUILTIN_COMMANDS, "__complete"].includes(arg)) {
        i++;
        break;
      }
      if (findCommand(words)) {
        i++;
        break;
      }
      continue;
    }
    break;
  }
  return { words, rest: [...rest, ...argv.slice(i)] };
}

export async function run(argv: string[], ctx: CommandContext): Promise<number> {
  const { words, rest } = commandWords(withValidateDefault(argv));
  const [first] = words;
  const wantsHelp = rest.includes("--help") || rest.includes("-h");
  if (first === undefined && rest.includes("--version")) {
    ctx.stdout.write(`yclients ${VERSION}\n`);
    return EXIT.ok;
  }
  switch (first) {
    case "version":
      ctx.stdout.write(`yclients ${VERSION}\n`);
      return EXIT.ok;
    case undefined:
    case "help":
      ctx.stdout.write(`${mainHelp()}\n`);
      return first === undefined && !wantsHelp ? EXIT.usage : EXIT.ok;
    case "ops":
      opsCommand(rest, ctx);
      return EXIT.ok;
    case "call":
      await callCommand(rest, ctx);
      return EXIT.ok;
    case "login":
      await loginCommand(rest, ctx);
      return EXIT.ok;
    case "logout":
      logoutCommand(rest, ctx);
      return EXIT.ok;
    case "simulator":
      await simulatorCommand(rest, ctx);
      return EXIT.ok;
    case "spec-drift":
      return specDriftCommand(rest, ctx);
    case "completion":
      ctx.stdout.write(completionScript(rest[0], ctx.self));
      return EXIT.ok;
    case "__complete": {
      const candidates = completeWords(rest);
      ctx.stdout.write(candidates.length ? `${candidates.join("\n")}\n` : "");
      return EXIT.ok;
    }
  }
  const entry = findCommand(words);
  if (entry) {
    await friendlyCommand(entry, rest, ctx);
    return EXIT.ok;
  }
  if (childrenOf(words).length) {
    ctx.stdout.write(`${groupHelp(words)}\n`);
    if (wantsHelp) return EXIT.ok;
    const next = rest.find((a) => !a.startsWith("-"));
    if (!next) throw new CliUsageError(`yclients ${words.join(" ")} needs a method`);
    const near = suggest(
      next,
      childrenOf(words).map((c) => c.word),
    );
    throw new CliUsageError(
      `yclients ${words.join(" ")} has no method "${next}"${near ? `. Did you mean "${near}"?` : ""}`,
    );
  }
  const near = suggest(words.join(" "), [...BUILTIN_COMMANDS, ...childrenOf([]).map((c) => c.word)]);
  throw new CliUsageError(
    `unknown command "${words.join(" ")}"${near ? `. Did you mean "${near}"?` : ""}: see yclients --help`,
  );
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
