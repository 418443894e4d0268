// The top-level help: the built-in commands, the resources, the options, the environment and the exit codes.
import { childrenOf } from "./command-tree.js";
import { EXIT } from "./exit-codes.js";
import { GLOBAL_OPTIONS, optionLines } from "./global-options.js";

export function mainHelp(): string {
  const resources = childrenOf([]).map((c) => c.word);
  const resourceLines: string[] = [];
  let line = " ";
  for (const name of resources) {
    if (line.length + name.length > 98) {
      resourceLines.push(line);
      line = " ";
    }
    line += ` ${name}`;
  }
  resourceLines.push(line);
  return [
    "Usage: yclients <command> [options]",
    "",
    "Commands:",
    "  ops [FILTER]                    List the operations (filter by text or --tag)",
    "  call METHOD PATH [-p] [-q] [-d] Call any operation by its path (body fields: -f/-F key=value)",
    "  <resource> [group] <method>     Call a friendly SDK method: yclients records list --changed-after …",
    "  login [--login L] [--save]      Sign in as a staff user (asks for the password and a 2FA code);",
    "                                  --save keeps the tokens in a profile (--profile NAME), --out FILE",
    "  logout [--profile NAME]         Forget a saved profile",
    "  simulator [--port N] [--seed N] Run the bundled API simulator",
    "  spec-drift --extract FILE       Compare the spec with a docs extract (--baseline FILE, --json)",
    "  completion bash|zsh|fish        Print a shell completion script",
    "  version                         Print the version (also --version)",
    "",
    "Resources (`yclients <resource> --help` lists their methods):",
    ...resourceLines,
    "",
    "Options:",
    ...optionLines(GLOBAL_OPTIONS),
    "",
    "Environment: YCLIENTS_PARTNER_TOKEN, YCLIENTS_USER_TOKEN, YCLIENTS_COMPANY_ID, YCLIENTS_BASE_URL,",
    "YCLIENTS_PROFILE, YCLIENTS_BACKOFF_* (retries, as in the SDK). They win over a saved profile",
    "($XDG_CONFIG_HOME/yclients/config.json, default ~/.config).",
    "",
    "Exit codes:",
    ...Object.entries(EXIT).map(([name, code]) => `  ${String(code).padStart(3)}  ${name}`),
  ].join("\n");
}
