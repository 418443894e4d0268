// Shell completion. The scripts ask the CLI itself for candidates (`yclients __complete WORD…`), so completion
// follows the spec the installed CLI was built from and never needs regenerating.
import { catalogue, findCommand } from "./operation-catalogue.js";
import { BUILTIN_COMMANDS, childrenOf } from "./command-tree.js";
import { flagDocs } from "./friendly-arguments.js";
import { GLOBAL_OPTIONS } from "./global-options.js";
import { CliUsageError } from "./usage-error.js";

/** A word for a POSIX shell, single-quoted. */
const quote = (text: string) => `'${text.replace(/'/g, `'\\''`)}'`;
/** A word for fish, single-quoted (fish escapes inside the quotes). */
const fishQuote = (text: string) => `'${text.replace(/[\\']/g, (c) => `\\${c}`)}'`;

/**
 * How the scripts start the CLI: this very file (the installation that printed the script, found also when it
 * runs through `npx` or a project's node_modules/.bin and `yclients` is not on PATH), else `yclients`.
 */
function selfCommand(self: string | undefined): { posix: string; fish: string } {
  if (!self) return { posix: "yclients", fish: "yclients" };
  const q = quote(self);
  const f = fishQuote(self);
  return {
    posix: `{ if [ -x ${q} ]; then ${q} "$@"; else yclients "$@"; fi; }`,
    fish: `if test -x ${f}; ${f} $argv; else; yclients $argv; end`,
  };
}

const bash = (run: string) => `# yclients bash completion: eval "$(yclients completion bash)" (e.g. in ~/.bashrc)
_yclients_cli() ${run}
_yclients_complete() {
  local IFS=$'\\n'
  COMPREPLY=( $(_yclients_cli __complete "\${COMP_WORDS[@]:1:COMP_CWORD}" 2>/dev/null) )
}
complete -o default -F _yclients_complete yclients
`;

const zsh = (run: string) => `#compdef yclients
# yclients zsh completion: eval "$(yclients completion zsh)" (after compinit), or save as _yclients in $fpath
_yclients_cli() ${run}
_yclients() {
  local -a candidates
  candidates=( \${(f)"$(_yclients_cli __complete "\${(@)words[2,CURRENT]}" 2>/dev/null)"} )
  compadd -- $candidates
}
compdef _yclients yclients
`;

const fish = (run: string) => `# yclients fish completion: yclients completion fish | source
# (or save it as ~/.config/fish/completions/yclients.fish)
function __yclients_cli
    ${run}
end
function __yclients_complete
    set -l typed (commandline -opc)
    set -l current (commandline -ct)
    __yclients_cli __complete $typed[2..-1] "$current" 2>/dev/null
end
complete -c yclients -f -a '(__yclients_complete)'
`;

export const SHELLS = ["bash", "zsh", "fish"] as const;

/** The script for `shell`; `self` is the path of the running CLI file (process.argv[1]). */
export function completionScript(shell: string | undefined, self?: string): string {
  const run = selfCommand(self);
  if (shell === "bash") return bash(run.posix);
  if (shell === "zsh") return zsh(run.posix);
  if (shell === "fish") return fish(run.fish);
  throw new CliUsageError("usage: yclients completion bash|zsh|fish");
}

const globalFlags = () => GLOBAL_OPTIONS.map((o) => `--${o.name}`);

/** Candidates for the last word, given the words typed after `yclients` (the last one may be partial). */
export function completeWords(words: readonly string[]): string[] {
  const typed = words.slice(0, -1);
  const current = words[words.length - 1] ?? "";
  const plain = typed.filter((w) => !w.startsWith("-"));
  let candidates: string[];
  const first = plain[0];
  if (!first) candidates = [...BUILTIN_COMMANDS, ...childrenOf([]).map((c) => c.word)];
  else if (first === "completion") candidates = plain.length === 1 ? [...SHELLS] : [];
  else if (first === "call") {
    if (current.startsWith("-")) candidates = ["-p", "-q", "-d", ...globalFlags()];
    else if (plain.length === 1) candidates = ["GET", "POST", "PUT", "PATCH", "DELETE"];
    else if (plain.length === 2) {
      const method = plain[1].toUpperCase();
      candidates = [
        ...new Set(
          catalogue()
            .filter((e) => e.info.method === method)
            .map((e) => e.info.path),
        ),
      ];
    } else candidates = [];
  } else if (first === "ops") candidates = ["--tag", "--json"];
  else if (first === "spec-drift") candidates = ["--extract", "--baseline", "--json"];
  else if (first === "login") candidates = ["--login", "--out", "--save", ...globalFlags()];
  else if (first === "logout") candidates = ["--profile"];
  else if (first === "simulator") candidates = ["--port", "--seed"];
  else {
    const entry = findCommand(plain);
    if (entry) candidates = [...flagDocs(entry).map((f) => `--${f.name}`), ...globalFlags()];
    else candidates = childrenOf(plain).map((c) => c.word);
  }
  return candidates.filter((c) => c.startsWith(current));
}
