// A clone of this repository alone must pass `make test`: no test, script, benchmark or source file may read a
// path outside the repository (such as a `shared/` folder beside the clone). Each file is scanned for path
// expressions that climb out of the repository root; the fixtures the spec tests need live in
// test/fixtures/reference/ with their sources.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, resolve } from "node:path";

const root = resolve(__dirname, "..", "..");
const SCANNED = ["src", "test", "scripts", "bench", "examples", ".ci", "Makefile", "jest.config.js", "package.json"];

function files(path: string): string[] {
  const stat = statSync(path);
  if (stat.isFile()) return [path];
  return readdirSync(path)
    .filter((name) => name !== "node_modules" && name !== "fixtures" && name !== "tmp")
    .flatMap((name) => files(join(path, name)));
}

/** `join(__dirname, "..", …)` segments and literal parent-folder paths to a sibling folder that resolve above the root. */
function escapes(file: string, text: string): string[] {
  const found: string[] = [];
  for (const m of text.matchAll(/(?:\.\.\/)+shared\b|["']shared["']\s*,\s*["']reference["']/g)) found.push(m[0]);
  for (const m of text.matchAll(/join\((__dirname|repoRoot|REPO_ROOT|root)((?:\s*,\s*"\.\.")+)/g)) {
    const ups = (m[2].match(/"\.\."/g) ?? []).length;
    const base = m[1] === "__dirname" ? resolve(file, "..") : root;
    if (!resolve(base, ...Array(ups).fill("..")).startsWith(root)) found.push(m[0]);
  }
  return found;
}

test("nothing in the repository reads a path outside it", () => {
  const offenders = SCANNED.flatMap((entry) => files(join(root, entry)))
    .filter((file) => /\.(ts|mts|cts|js|mjs|cjs|json)$|Makefile$|\/run$/.test(file))
    .filter((file) => file !== __filename)
    .flatMap((file) => escapes(file, readFileSync(file, "utf8")).map((hit) => `${relative(root, file)}: ${hit}`));
  expect(offenders).toEqual([]);
});

test("the scan finds an escape when there is one", () => {
  expect(
    escapes(join(root, "test", "x", "y.ts"), 'join(__dirname, "..", "..", "..", "shared", "reference")'),
  ).toHaveLength(2);
  expect(escapes(join(root, "test", "x", "y.ts"), 'join(__dirname, "..", "..", "generated")')).toEqual([]);
  const sibling = ["..", "shared", "reference", "a.json"].join("/");
  expect(escapes(join(root, "test", "y.ts"), `readFileSync('${sibling}')`)).toHaveLength(1);
});

test("the reference fixtures the spec tests read are in the repository", () => {
  const dir = join(root, "test", "fixtures", "reference");
  for (const name of [
    "yclients-docs-extract.json",
    "yclients-endpoints.json",
    "yclients-samples/INDEX.md",
    "SOURCES.md",
  ])
    expect(statSync(join(dir, name)).size).toBeGreaterThan(0);
});
