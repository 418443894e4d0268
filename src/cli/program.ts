// The command tree in commander: the built-in commands, and one command per friendly SDK method under its
// resource and group words (`clients comments list`), all built from the catalogue. Commander finds the command,
// parses and checks the options and shows the help texts; the commands receive parsed values.
import { Command } from "commander";
import { callCommand, CALL_HELP, CALL_OPTIONS } from "./call-command.js";
import { catalogue, kebab, type CatalogueEntry } from "./operation-catalogue.js";
import type { CommandContext } from "./command-context.js";
import { BUILTIN_COMMANDS, childrenOf, groupHelp } from "./command-tree.js";
import {
  addOptions,
  CommanderError,
  parsedOf,
  usageErrorOf,
  type OptionSpecs,
  type Parsed,
} from "./commander-options.js";
import { completeWords, completionScript } from "./completion.js";
import { EXIT } from "./exit-codes.js";
import { friendlyCommand, friendlyHelp, friendlyOptions } from "./friendly-command.js";
import { globalOptionSpecs } from "./global-options.js";
import { mainHelp } from "./help.js";
import {
  LOGIN_HELP,
  LOGIN_OPTIONS,
  loginCommand,
  LOGOUT_HELP,
  LOGOUT_OPTIONS,
  logoutCommand,
} from "./login-command.js";
import { OPS_HELP, OPS_OPTIONS, opsCommand } from "./ops-command.js";
import { SIMULATOR_HELP, SIMULATOR_OPTIONS, simulatorCommand } from "./simulator-command.js";
import { SPEC_DRIFT_HELP, SPEC_DRIFT_OPTIONS, specDriftCommand } from "./spec-drift-command.js";
import { CliUsageError } from "./usage-error.js";
import { suggest } from "../suggest.js";
import { VERSION } from "../version.js";

type Action = (parsed: Parsed) => Promise<number | void> | number | void;
/** A built-in command's own function, given the context. */
type CommandRun = (parsed: Parsed, ctx: CommandContext) => ReturnType<Action>;

/** Runs `argv` (the words after `yclients`) and resolves to the exit code. */
export async function runProgram(argv: string[], ctx: CommandContext): Promise<number> {
  // The shell completion scripts ask `__complete WORD…`: the words are the typed line (`--` and partial flags
  // included), data to complete rather than options to parse, so they bypass commander.
  if (argv[0] === "__complete") {
    const candidates = completeWords(argv.slice(1));
    ctx.stdout.write(candidates.length ? `${candidates.join("\n")}\n` : "");
    return EXIT.ok;
  }
  let code: number = EXIT.ok;
  // A command's options are declared when commander is about to run it: 329 commands with ~20 flags each
  // would otherwise be built on every start for the one that runs.
  const pending = new Map<Command, () => OptionSpecs>();
  const declare = (command: Command) => {
    const specs = pending.get(command);
    pending.delete(command);
    if (specs) addOptions(command, specs());
  };
  const setUp = (
    command: Command,
    where: string,
    help: () => string,
    specs: OptionSpecs | (() => OptionSpecs),
    action?: Action,
  ) => {
    command
      .helpOption("-h, --help")
      .configureHelp({ formatHelp: () => `${help()}\n` })
      .configureOutput({ writeOut: (text) => ctx.stdout.write(text), writeErr: () => {}, outputError: () => {} })
      .exitOverride((error: CommanderError) => {
        throw usageErrorOf(error, where, command) ?? error;
      })
      .allowExcessArguments(true)
      .hook("preSubcommand", (_parent, sub) => declare(sub));
    pending.set(command, typeof specs === "function" ? specs : () => specs);
    if (action)
      command.action(async () => {
        code = (await action(parsedOf(command))) ?? EXIT.ok;
      });
    return command;
  };
  // What parseArgs said for these commands; commander's own "too many arguments" would not name the word.
  const noPositionals =
    (where: string, action: Action): Action =>
    (parsed) => {
      // The word is not quoted: a password typed after `login` would be printed.
      if (parsed.positionals.length)
        throw new CliUsageError(
          `${where} does not take positional arguments (got ${parsed.positionals.length} word${parsed.positionals.length > 1 ? "s" : ""} besides the options)`,
        );
      return action(parsed);
    };

  const program = new Command("yclients").enablePositionalOptions().helpCommand(false);
  setUp(program, "yclients", mainHelp, globalOptionSpecs(), ({ values, positionals }) => {
    if (values.version && !positionals.length) return void ctx.stdout.write(`yclients ${VERSION}\n`);
    const [word] = positionals;
    if (word === undefined) {
      ctx.stdout.write(`${mainHelp()}\n`);
      return EXIT.usage;
    }
    const near = suggest(word, [...BUILTIN_COMMANDS, ...childrenOf([]).map((c) => c.word)]);
    throw new CliUsageError(`unknown command "${word}"${near ? `. Did you mean "${near}"?` : ""}: see yclients --help`);
  });
  addOptions(program, { version: { type: "boolean" } });
  const builtin = (name: string, help: string, specs: OptionSpecs, action: Action) =>
    setUp(program.command(name), name, () => help, specs, action);
  builtin("ops", OPS_HELP, OPS_OPTIONS, (parsed) => opsCommand(parsed, ctx));
  builtin("call", CALL_HELP, { ...globalOptionSpecs(), ...CALL_OPTIONS }, (parsed) => callCommand(parsed, ctx));
  // Commands that take options only: a stray word is a usage error.
  const optionsOnly: Array<[string, string, OptionSpecs, CommandRun]> = [
    ["login", LOGIN_HELP, { ...globalOptionSpecs(), ...LOGIN_OPTIONS }, loginCommand],
    ["logout", LOGOUT_HELP, LOGOUT_OPTIONS, logoutCommand],
    ["simulator", SIMULATOR_HELP, SIMULATOR_OPTIONS, simulatorCommand],
    ["spec-drift", SPEC_DRIFT_HELP, SPEC_DRIFT_OPTIONS, specDriftCommand],
  ];
  for (const [name, help, specs, run] of optionsOnly)
    builtin(
      name,
      help,
      specs,
      noPositionals(name, (parsed) => run(parsed, ctx)),
    );
  builtin("completion", "Usage: yclients completion bash|zsh|fish", {}, ({ positionals }) => {
    ctx.stdout.write(completionScript(positionals[0], ctx.self));
  });
  // `help` and `version` print what they print whatever follows them, as they always did.
  builtin("help", "", {}, () => void ctx.stdout.write(`${mainHelp()}\n`))
    .helpOption(false)
    .allowUnknownOption(true);
  builtin("version", "", {}, () => void ctx.stdout.write(`yclients ${VERSION}\n`))
    .helpOption(false)
    .allowUnknownOption(true);

  // The friendly commands: one group command per word that leads further, one leaf per method.
  const groups = new Map<string, Command>([["", program]]);
  const groupOf = (words: string[]): Command => {
    const key = words.join(" ");
    const known = groups.get(key);
    if (known) return known;
    const parent = groupOf(words.slice(0, -1));
    const where = `yclients ${key}`;
    const group = setUp(
      parent.command(words[words.length - 1]),
      where,
      () => groupHelp(words),
      globalOptionSpecs(),
      ({ positionals }) => {
        ctx.stdout.write(`${groupHelp(words)}\n`);
        const [next] = positionals;
        if (!next) throw new CliUsageError(`${where} needs a method`);
        const near = suggest(
          next,
          childrenOf(words).map((c) => c.word),
        );
        throw new CliUsageError(`${where} has no method "${next}"${near ? `. Did you mean "${near}"?` : ""}`);
      },
    );
    group.enablePositionalOptions();
    groups.set(key, group);
    return group;
  };
  const camel = (entry: CatalogueEntry, i: number) => entry.method?.[i];
  for (const entry of catalogue()) {
    const words = entry.command;
    if (!words) continue;
    const parent = groupOf(words.slice(0, -1));
    const leaf = setUp(
      parent.command(words[words.length - 1]),
      `yclients ${words.join(" ")}`,
      () => friendlyHelp(entry),
      () => friendlyOptions(entry),
      (parsed) => friendlyCommand(entry, parsed, ctx),
    );
    const alias = camel(entry, words.length - 1);
    if (alias && kebab(alias) === words[words.length - 1] && alias !== words[words.length - 1]) leaf.alias(alias);
  }
  for (const [key, group] of groups) {
    const words = key.split(" ");
    const alias = catalogue().find((e) => e.command?.slice(0, words.length).join(" ") === key)?.method?.[
      words.length - 1
    ];
    if (key && alias && alias !== words[words.length - 1]) group.alias(alias);
  }

  try {
    declare(program);
    await program.parseAsync(argv, { from: "user" });
  } catch (error) {
    if (error instanceof CommanderError)
      return error.code === "commander.helpDisplayed" || error.code === "commander.version" ? EXIT.ok : EXIT.usage;
    throw error;
  }
  return code;
}
