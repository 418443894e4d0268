// What the SDK costs a developer's machine rather than a request:
//  - `make codegen` wall time for the whole spec;
//  - `tsc --noEmit` of a consumer file with 20 typed calls, against the same file with the generated types
//    swapped for `any`, and against the calls on an `any` client with no SDK types loaded at all.
// Consumer files and type copies go to bench/tmp/devtime (git-ignored) and are removed afterwards.
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { resolveRef } from "../src/resolve-ref";
import { median } from "./stats";

const ROOT = join(__dirname, "..");
const WORK = join(__dirname, "tmp", "devtime");
const TSC = join(ROOT, "node_modules", "typescript", "lib", "tsc.js");
const TSX = join(ROOT, "node_modules", ".bin", "tsx");

export interface DevtimeInput {
  codegenRuns: number;
  tscRuns: number;
}

export interface TscVariant {
  id: string;
  label: string;
  wallMs: number;
  checkMs: number;
  totalMs: number;
  types: number;
  instantiations: number;
  memoryMB: number;
  errors: number;
}

export interface DevtimeOutput {
  /** `wrote`: files codegen rewrote because they differed (normally none: generated/ is already fresh). */
  codegen: { runs: number; medianMs: number; allMs: number[]; exitCodes: number[]; wrote: string[] };
  tsc: { calls: number; runs: number; variants: TscVariant[]; callList: string[] };
}

// ---------- codegen ----------

function timeCodegen(runs: number): DevtimeOutput["codegen"] {
  const allMs: number[] = [];
  const exitCodes: number[] = [];
  const wrote = new Set<string>();
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    const run = spawnSync(TSX, [join(ROOT, "scripts", "codegen.ts")], { cwd: ROOT, encoding: "utf8" });
    allMs.push(performance.now() - t0);
    exitCodes.push(run.status ?? -1);
    for (const line of (run.stdout ?? "").split("\n")) if (line.startsWith("wrote ")) wrote.add(line.slice(6).trim());
    if (run.status !== 0) console.error(`  codegen exited ${run.status}: ${(run.stderr || run.stdout).slice(0, 500)}`);
  }
  if (wrote.size) console.log(`  codegen rewrote ${[...wrote].join(", ")} (they were stale)`);
  return { runs, medianMs: median(allMs), allMs, exitCodes, wrote: [...wrote] };
}

// ---------- tsc on consumer files ----------

type Json = Record<string, any>;

function sampleValue(schema: Json | undefined, name: string): unknown {
  if (schema?.enum?.length) return schema.enum[0];
  const type = Array.isArray(schema?.type) ? schema?.type[0] : schema?.type;
  if (type === "integer" || type === "number") return 1;
  if (type === "boolean") return true;
  if (schema?.format === "date" || /date/i.test(name)) return "2024-03-01";
  return "x";
}

/** 20 typed GET calls built from the merged spec: path parameters and required query parameters filled in. */
export function consumerCalls(count = 20): string[] {
  const spec = JSON.parse(readFileSync(join(ROOT, "generated", "openapi.json"), "utf8")) as Json;
  const resolve = (p: Json): Json => resolveRef(spec, p) ?? {};
  const calls: string[] = [];
  for (const [path, item] of Object.entries<Json>(spec.paths)) {
    const op = item.get as Json | undefined;
    if (!op) continue;
    const params = [...(item.parameters ?? []), ...(op.parameters ?? [])].map(resolve);
    const pathParams: Record<string, unknown> = {};
    const query: Record<string, unknown> = {};
    for (const p of params) {
      if (p.in === "path") pathParams[p.name] = sampleValue(p.schema, p.name);
      else if (p.in === "query" && p.required) query[p.name] = sampleValue(p.schema, p.name);
    }
    const parts: string[] = [];
    if (Object.keys(pathParams).length) parts.push(`path: ${JSON.stringify(pathParams)}`);
    if (Object.keys(query).length) parts.push(`query: ${JSON.stringify(query)}`);
    // Every call passes an init object, so the file also compiles when the path types are `any`.
    const init = parts.length ? `, { params: { ${parts.join(", ")} } }` : ", {}";
    calls.push(`yc.GET(${JSON.stringify(path)}${init})`);
    if (calls.length === count) break;
  }
  return calls;
}

function consumerSource(header: string, calls: string[]): string {
  const lines = calls.map((call, i) => `  const r${i} = await ${call};\n  sink(r${i}.data);`);
  return `${header}
declare function sink(value: unknown): void;

export async function consumer(): Promise<void> {
${lines.join("\n")}
}
`;
}

function writeTsconfig(name: string, file: string): string {
  const path = join(WORK, `tsconfig.${name}.json`);
  const config = {
    compilerOptions: {
      target: "ES2022",
      lib: ["ES2022", "DOM"],
      module: "ESNext",
      moduleResolution: "Bundler",
      strict: true,
      skipLibCheck: true,
      noEmit: true,
      types: ["node"],
      typeRoots: [join(ROOT, "node_modules", "@types")],
    },
    files: [file],
  };
  writeFileSync(path, JSON.stringify(config, null, 2));
  return path;
}

function parseDiagnostics(output: string): Omit<TscVariant, "id" | "label" | "wallMs" | "errors"> {
  const num = (label: string) => {
    const match = new RegExp(`^${label}:\\s+([0-9.]+)`, "m").exec(output);
    return match ? Number(match[1]) : NaN;
  };
  return {
    checkMs: num("Check time") * 1000,
    totalMs: num("Total time") * 1000,
    types: num("Types"),
    instantiations: num("Instantiations"),
    memoryMB: Math.round(num("Memory used") / 1024),
  };
}

function timeTsc(runs: number): DevtimeOutput["tsc"] {
  const typesDir = join(ROOT, "dist", "types");
  if (!existsSync(typesDir)) throw new Error("dist/types is missing: run `npx tsx scripts/build.ts` first");
  rmSync(WORK, { recursive: true, force: true });
  mkdirSync(WORK, { recursive: true });
  cpSync(typesDir, join(WORK, "types-real"), { recursive: true });
  cpSync(typesDir, join(WORK, "types-any"), { recursive: true });
  writeFileSync(
    join(WORK, "types-any", "generated", "schema.d.ts"),
    "// The generated types swapped for any (benchmark only).\n" +
      "export type paths = any;\nexport type webhooks = any;\nexport type components = any;\n" +
      "export type $defs = any;\nexport type operations = any;\n",
  );
  const calls = consumerCalls(20);
  const client = `const yc = new YclientsClient({ partnerToken: "partner", userToken: "user" });`;
  const variants = [
    {
      id: "typed",
      label: "20 typed calls, generated types",
      header: `import { YclientsClient } from "./types-real/src/index.js";\n${client}`,
    },
    {
      id: "any-schema",
      label: "same file, generated types swapped for any",
      header: `import { YclientsClient } from "./types-any/src/index.js";\n${client}`,
    },
    {
      id: "no-types",
      label: "same calls on an `any` client (no SDK types loaded)",
      header: `declare const yc: any;`,
    },
  ].map((v) => {
    const file = join(WORK, `consumer-${v.id}.ts`);
    writeFileSync(file, consumerSource(v.header, calls));
    return { ...v, config: writeTsconfig(v.id, file) };
  });

  const wall = new Map<string, number[]>(variants.map((v) => [v.id, []]));
  const diag = new Map<string, ReturnType<typeof parseDiagnostics>[]>(variants.map((v) => [v.id, []]));
  const errors = new Map<string, number>();
  for (let run = 0; run < runs; run++) {
    for (const v of run % 2 === 0 ? variants : [...variants].reverse()) {
      const t0 = performance.now();
      const result = spawnSync(process.execPath, [TSC, "-p", v.config, "--extendedDiagnostics"], {
        cwd: WORK,
        encoding: "utf8",
      });
      wall.get(v.id)!.push(performance.now() - t0);
      diag.get(v.id)!.push(parseDiagnostics(result.stdout));
      const errorCount = (result.stdout.match(/error TS\d+/g) ?? []).length;
      errors.set(v.id, errorCount);
      if (errorCount && run === 0)
        console.error(`  tsc ${v.id}: ${errorCount} errors\n${result.stdout.slice(0, 1500)}`);
    }
  }
  const out: TscVariant[] = variants.map((v) => {
    const d = diag.get(v.id)!;
    return {
      id: v.id,
      label: v.label,
      wallMs: median(wall.get(v.id)!),
      checkMs: median(d.map((x) => x.checkMs)),
      totalMs: median(d.map((x) => x.totalMs)),
      types: d[0].types,
      instantiations: d[0].instantiations,
      memoryMB: median(d.map((x) => x.memoryMB)),
      errors: errors.get(v.id) ?? 0,
    };
  });
  rmSync(WORK, { recursive: true, force: true });
  return { calls: calls.length, runs, variants: out, callList: calls };
}

export function measureDevtime(input: DevtimeInput, log: (text: string) => void): DevtimeOutput {
  log(`codegen x${input.codegenRuns}`);
  const codegen = timeCodegen(input.codegenRuns);
  log(`tsc x${input.tscRuns} per variant`);
  const tsc = timeTsc(input.tscRuns);
  return { codegen, tsc };
}
