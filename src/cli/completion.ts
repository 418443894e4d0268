// Shell completion. The scripts ask the CLI itself for candidates (`yclients __complete WORD…`), so completion
// follows the spec the installed CLI was built from and never needs regenerating.
import { catalogue, findCommand } from "./catalogue.js";
import { BUILTIN_COMMANDS, childrenOf } from "./command-tree.js";
import { flagDocs } from "./friendly-arguments.js";
import { GLOBAL_OPTIONS } from "./global-options.js";
import { CliUsageError } from "./usage-error.js";

const BASH = `# yclients bash completion: eval "$(yclients completion bash)" (e.g. in ~/.bashrc)
_yclients_complete() {
  local cur="\${COMP_WORDS[COMP_CWORD]}"
  local IFS=$'\\n'
  COMPREPLY=( $(yclients __complete "\${COMP_WORDS[@]:1:COMP_CWORD}" 2>/dev/null) )
}
complete -o default -F _yclients_complete yclients
`;

const ZSH = `#compdef yclients
# yclients zsh completion: eval "$(yclients completion zsh)" (after compinit), or save as _yclients in $fpath
_yclients() {
  local -a candidates
  candidates=( \${(f)"$(yclients __complete "\${(@)words[2,CURRENT]}" 2>/dev/null)"} )
  compadd -- $candidates
}
compdef _yclients yclients
`;

export function completionScript(shell: string | undefined): string {
  if (shell === "bash") return BASH;
  if (shell === "zsh") return ZSH;
  throw new CliUsageError("usage: yclients completion bash|zsh");
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
  else if (first === "completion") candidates = plain.length === 1 ? ["bash", "zsh"] : [];
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
  else if (first === "login") candidates = ["--login", "--out", ...globalFlags()];
  else if (first === "simulator") candidates = ["--port", "--seed"];
  else {
    const entry = findCommand(plain);
    if (entry) candidates = [...flagDocs(entry).map((f) => `--${f.name}`), ...globalFlags()];
    else candidates = childrenOf(plain).map((c) => c.word);
  }
  return candidates.filter((c) => c.startsWith(current));
}
