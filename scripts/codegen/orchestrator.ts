// `make codegen`: turns the curated spec in openapi/ into everything under generated/, and the README's method
// table. Orchestration only; each file has its own renderer:
//   generated/openapi.json   the merged spec (scripts/merge-spec.ts; what redocly lints, the simulator validates against)
//   generated/schema.ts      paths/components/operations types, by openapi-typescript's Node API
//   generated/operations.ts  the operation table and the facts the client reads (render-operations.ts)
//   generated/resources.ts   the friendly methods and their runtime rows (render-resources.ts)
//   README.md                the method table between its markers (render-readme-table.ts)
// With --check nothing is written: it exits 1 when a file on disk differs from what it would write.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import openapiTS, { astToString } from "openapi-typescript";
import { format } from "prettier";
import { typesView } from "../answer-rules";
import { loadSpec } from "../merge-spec";
import { BANNER } from "./banner";
import { renderOperations } from "./render-operations";
import { renderReadmeResourceIndex, replaceReadmeTable } from "./render-readme-table";
import { renderResources } from "./render-resources";

const ROOT = join(__dirname, "..", "..");

/** Every file codegen owns, relative to the repository root, with the content it should have. */
async function renderAll(): Promise<Record<string, string>> {
  const spec = loadSpec();
  const specJson = JSON.stringify(spec, null, 2) + "\n";
  const ast = await openapiTS(typesView(spec) as any, { alphabetize: false });
  const types = BANNER + "\n" + astToString(ast);
  const files: Record<string, string> = {
    "generated/openapi.json": specJson,
    "generated/schema.ts": await format(types, { parser: "typescript", printWidth: 120 }),
    "generated/operations.ts": await format(renderOperations(spec), { parser: "typescript", printWidth: 120 }),
    "generated/resources.ts": await format(renderResources(spec), { parser: "typescript", printWidth: 120 }),
  };
  const readmePath = join(ROOT, "README.md");
  if (existsSync(readmePath)) {
    files["README.md"] = replaceReadmeTable(readFileSync(readmePath, "utf8"), renderReadmeResourceIndex(spec));
  }
  return files;
}

/** Writes what changed, or with `--check` only reports it (exit 1). */
export async function main(argv: readonly string[] = process.argv): Promise<void> {
  const check = argv.includes("--check");
  const files = await renderAll();
  const stale: string[] = [];
  for (const [rel, content] of Object.entries(files)) {
    const file = join(ROOT, rel);
    const current = existsSync(file) ? readFileSync(file, "utf8") : undefined;
    if (current === content) continue;
    if (check) stale.push(rel);
    else {
      mkdirSync(join(file, ".."), { recursive: true });
      writeFileSync(file, content);
      console.log(`wrote ${rel}`);
    }
  }
  if (stale.length) {
    console.error(`Stale generated files (run \`make codegen\`): ${stale.join(", ")}`);
    process.exit(1);
  }
  if (check) console.log("generated/ is fresh");
}
