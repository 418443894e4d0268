// Investigation only: copies of dist/index.mjs with candidate fixes for per-request costs the pieces
// ladder finds, written to bench/tmp/ at run time (dist/ and src/ are left alone). Each copy applies the
// fixes listed before it too. A fix whose target text is no longer in dist/ (the source changed) is
// reported as not applied, and the copies from it on are skipped.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { DIST_ESM, type Sdk } from "./contenders";

interface Fix {
  id: string;
  label: string;
  edits: [from: string, to: string][];
}

const FIXES: Fix[] = [
  {
    id: "fix-error",
    label: "timeout reason made without new Error() per attempt",
    edits: [['const timeoutReason = new Error("timeout");', 'const timeoutReason = { timeout: "reason" };']],
  },
];

export interface PatchedSdk {
  id: string;
  label: string;
  sdk: Sdk;
}

export async function loadPatchedSdks(): Promise<{ loaded: PatchedSdk[]; notApplied: string[] }> {
  let code = readFileSync(DIST_ESM, "utf8").replace(/\/\/# sourceMappingURL=.*$/m, "");
  const dir = join(__dirname, "tmp", "patched");
  mkdirSync(dir, { recursive: true });
  const loaded: PatchedSdk[] = [];
  const notApplied: string[] = [];
  for (const fix of FIXES) {
    if (notApplied.length) {
      notApplied.push(fix.id);
      continue;
    }
    let ok = true;
    for (const [from, to] of fix.edits) {
      if (!code.includes(from)) ok = false;
      else code = code.split(from).join(to);
    }
    if (!ok) {
      notApplied.push(fix.id);
      continue;
    }
    const file = join(dir, `${fix.id}.mjs`);
    writeFileSync(file, code);
    const label = loaded.length ? `+ ${fix.label}` : fix.label;
    loaded.push({ id: fix.id, label, sdk: (await import(pathToFileURL(file).href)) as Sdk });
  }
  return { loaded, notApplied };
}
