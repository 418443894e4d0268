// `make docs`: the method reference in docs/api/ — a page per resource, an anchor per friendly method, and a
// searchable index — generated from generated/openapi.json and the typed rows of generated/resources.ts.
// Usage: tsx scripts/docs/build.ts [--out dir]. The core API (typedoc, docs/api/core/) is built by `make docs` too.
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { resourceTable } from "../../generated/resources";
import { methodDocs, resourceDescriptions, type MethodDoc } from "./method-docs";
import { renderIndexPage, renderSearchIndex, searchEntries } from "./index-page";
import { renderResourcePage } from "./resource-page";

const ROOT = join(__dirname, "..", "..");

export interface BuiltReference {
  /** Every friendly method documented, in table order. */
  readonly methods: readonly MethodDoc[];
  /** Files written, relative to the output directory. */
  readonly files: readonly string[];
}

export function buildReference(outDir: string, coreLink?: string): BuiltReference {
  const spec = JSON.parse(readFileSync(join(ROOT, "generated", "openapi.json"), "utf8"));
  const methods = methodDocs(spec, resourceTable);
  const descriptions = resourceDescriptions(spec);
  const byResource = new Map<string, MethodDoc[]>();
  for (const doc of methods) byResource.set(doc.resource, [...(byResource.get(doc.resource) ?? []), doc]);

  // Only what this script writes is replaced; the core reference beside it stays.
  for (const own of ["resources", "assets", "index.html", "search-index.js"]) {
    rmSync(join(outDir, own), { recursive: true, force: true });
  }
  mkdirSync(join(outDir, "resources"), { recursive: true });
  mkdirSync(join(outDir, "assets"), { recursive: true });
  const files: string[] = [];
  const write = (rel: string, text: string) => {
    writeFileSync(join(outDir, rel), text);
    files.push(rel);
  };
  const names = [...byResource.keys()].sort();
  for (const name of names) {
    write(`resources/${name}.html`, renderResourcePage(name, descriptions.get(name) ?? "", byResource.get(name)!));
  }
  const summary = new Map(
    names.map((name) => [name, { description: descriptions.get(name) ?? "", count: byResource.get(name)!.length }]),
  );
  write("index.html", renderIndexPage(summary, coreLink));
  write("search-index.js", renderSearchIndex(searchEntries(methods)));
  for (const asset of ["style.css", "search.js"]) {
    copyFileSync(join(__dirname, "assets", asset), join(outDir, "assets", asset));
    files.push(`assets/${asset}`);
  }
  return { methods, files };
}

if (require.main === module) {
  const at = process.argv.indexOf("--out");
  const out = at > 0 ? process.argv[at + 1] : join(ROOT, "docs", "api");
  const core = process.argv.includes("--with-core") ? "core/index.html" : undefined;
  const built = buildReference(out, core);
  console.log(`reference: ${built.methods.length} methods, ${built.files.length} files in ${out}`);
}
