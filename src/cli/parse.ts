// `util.parseArgs` with its errors turned into usage errors that list the options the command takes.
import { parseArgs, type ParseArgsConfig } from "node:util";
import { CliUsageError } from "./usage-error.js";

type Options = NonNullable<ParseArgsConfig["options"]>;

export function parseOrExplain(argv: string[], options: Options, allowPositionals: boolean, command: string) {
  try {
    return parseArgs({ args: argv, options, allowPositionals, strict: true });
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (typeof code === "string" && code.startsWith("ERR_PARSE_ARGS")) {
      const names = Object.entries(options).map(
        ([name, o]) => (name.length === 1 ? `-${name}` : `--${name}`) + (o.type === "string" ? " VALUE" : ""),
      );
      // parseArgs' own message names the option; the list tells what would have been right.
      const first = String((error as Error).message)
        .split("\n")[0]
        .replace(/\. To specify a positional argument.*$/, "");
      throw new CliUsageError(`${command}: ${first}. Valid options: ${names.join(", ")}`);
    }
    throw error;
  }
}
