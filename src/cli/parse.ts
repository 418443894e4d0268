// `util.parseArgs` with its errors turned into usage errors: a misspelled option gets the nearest valid one
// ("did you mean --staff-id?"), otherwise the list of the options the command takes.
import { parseArgs, type ParseArgsConfig } from "node:util";
import { suggest } from "../suggest.js";
import { CliUsageError } from "./usage-error.js";

type Options = NonNullable<ParseArgsConfig["options"]>;

const label = (name: string) => (name.length === 1 ? `-${name}` : `--${name}`);

export function parseOrExplain(argv: string[], options: Options, allowPositionals: boolean, command: string) {
  try {
    return parseArgs({ args: argv, options, allowPositionals, strict: true });
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (typeof code === "string" && code.startsWith("ERR_PARSE_ARGS")) {
      // parseArgs' own message names the option; the hint tells what would have been right.
      const first = String((error as Error).message)
        .split("\n")[0]
        .replace(/\. To specify a positional argument.*$/, "");
      const unknown = code === "ERR_PARSE_ARGS_UNKNOWN_OPTION" ? /'(-{1,2}[^'=]+)/.exec(first)?.[1] : undefined;
      const near = unknown
        ? suggest(
            unknown.replace(/^-+/, ""),
            Object.keys(options).filter((n) => n.length > 1),
          )
        : undefined;
      const help = `${command.startsWith("yclients") ? command : `yclients ${command}`} --help`;
      if (near) throw new CliUsageError(`${command}: ${first}. Did you mean --${near}? (see ${help})`);
      const names = Object.entries(options).map(([name, o]) => label(name) + (o.type === "string" ? " VALUE" : ""));
      throw new CliUsageError(`${command}: ${first}. Valid options: ${names.join(", ")}`);
    }
    throw error;
  }
}
