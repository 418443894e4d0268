// The house rules issue 21 set, as checks that fail when the code drifts back: the simulator grows by declaration
// (its total size and its largest handler are capped), and the transport and the rate limiter do not import each
// other (the transport hands the limiter what it needs; `retry-after.ts` is the shared leaf).
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, resolve } from "node:path";

const root = resolve(__dirname, "..", "..");

function tsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return tsFiles(path);
    return path.endsWith(".ts") ? [path] : [];
  });
}

const lineCount = (file: string) => readFileSync(file, "utf8").split("\n").length - 1;

/**
 * No handler file over 500 lines (issue 21). The simulator's total is a ratchet: the size it last reached (8,542 when
 * the check was written, then 7,453, now 6,808); issue 21's target is 6,500. Lower it as the simulator shrinks.
 */
const SIMULATOR_MAX_LINES = 6785;
const HANDLER_MAX_LINES = 500;

test("the simulator stays within its size, and no handler file outgrows its cap", () => {
  const files = tsFiles(join(root, "src", "testing"));
  const total = files.reduce((sum, file) => sum + lineCount(file), 0);
  expect(total).toBeLessThanOrEqual(SIMULATOR_MAX_LINES);
  const oversized = files
    .filter((file) => lineCount(file) > HANDLER_MAX_LINES)
    .map((file) => `${relative(root, file)}: ${lineCount(file)} lines`);
  expect(oversized).toEqual([]);
});

/** The relative `import` statements of `file` that land in `folder`, as "file → target" (type-only ones marked). */
function importsInto(file: string, folder: string): string[] {
  const text = readFileSync(file, "utf8");
  return Array.from(text.matchAll(/^import (type )?[^;]*?from "(\.{1,2}\/[^"]+)"/gm), (m) => ({
    typeOnly: m[1] !== undefined,
    target: resolve(file, "..", m[2]),
  }))
    .filter(({ target }) => target.startsWith(folder + "/"))
    .map(({ typeOnly, target }) => `${relative(root, file)} → ${relative(root, target)}${typeOnly ? " (type)" : ""}`);
}

const transport = join(root, "src", "transport");
const ratelimit = join(root, "src", "ratelimit");

test("the rate limiter never imports the transport, and the transport only names the limiter's types", () => {
  expect(tsFiles(ratelimit).flatMap((file) => importsInto(file, transport))).toEqual([]);
  const valueImports = tsFiles(transport)
    .flatMap((file) => importsInto(file, ratelimit))
    .filter((hit) => !hit.endsWith(" (type)"));
  expect(valueImports).toEqual([]);
});

test("the import scan sees the transport's type import of the limiter", () => {
  expect(importsInto(join(transport, "transport.ts"), ratelimit)).toEqual([
    "src/transport/transport.ts → src/ratelimit/limiter.js (type)",
  ]);
});
