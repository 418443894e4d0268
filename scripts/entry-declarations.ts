// Declarations for each condition of an entry point. tsc writes one tree, dist/types, whose .d.ts files are CommonJS
// (the package is "type": "commonjs"), which is right for `require`. For `import`, a one-line .d.mts next to the
// .mjs bundle re-exports that tree, so TypeScript sees an ES module there too and no tree is duplicated.
import { writeFileSync } from "node:fs";
import { join, posix } from "node:path";

/** `src/testing/index.ts` → `./types/src/testing/index.js`, as seen from dist/. */
export function typesTarget(source: string): string {
  return "./" + posix.join("types", source.replace(/\.ts$/, ".js"));
}

export function writeEntryDeclarations(dist: string, entries: readonly { in: string; out: string }[]): void {
  for (const entry of entries) {
    const shim = `export * from ${JSON.stringify(typesTarget(entry.in))};\n`;
    writeFileSync(join(dist, `${entry.out}.d.mts`), shim);
  }
}
