// `make release-check`: whether this checkout is a coherent release. Offline; needs dist/ (`make build`).
//   version   package.json's version has its own non-empty CHANGELOG section, and src/version.ts agrees
//   metadata  repository, homepage, bugs and publishConfig ({ access: "public", provenance: true }) are set
//   contents  what `npm publish --dry-run` would upload: dist, README, LICENSE, CHANGELOG and the files the
//             entry points name; no sources, tests, generated .ts, fixtures or source maps; npm corrects nothing
//   entries   the tarball's entry points resolve: publint --strict and arethetypeswrong (attw --pack)
// Options: --root DIR (check another folder; the tests use a temp copy), --only a,b (some checks only).
// Exit code 0 when every check passes, 1 otherwise; each failure is printed with what to fix.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";

const CHECKS = ["version", "metadata", "contents", "entries"] as const;
type Check = (typeof CHECKS)[number];

interface PackageJson {
  name?: string;
  version?: string;
  main?: string;
  module?: string;
  types?: string;
  bin?: Record<string, string> | string;
  exports?: unknown;
  repository?: { type?: string; url?: string } | string;
  homepage?: string;
  bugs?: { url?: string } | string;
  publishConfig?: { access?: string; provenance?: boolean };
}

function parseArgs(argv: string[]): { root: string; only: Check[] } {
  const value = (flag: string) => {
    const i = argv.indexOf(flag);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const only = value("--only")?.split(",") ?? [...CHECKS];
  const unknown = only.filter((c) => !CHECKS.includes(c as Check));
  if (unknown.length) throw new Error(`unknown check(s) ${unknown.join(", ")}; known: ${CHECKS.join(", ")}`);
  return { root: value("--root") ?? join(__dirname, ".."), only: only as Check[] };
}

/** The lines of CHANGELOG.md's `## [version]` section (up to the next `## `), or undefined when there is none. */
export function changelogSection(changelog: string, version: string): string[] | undefined {
  const lines = changelog.split("\n");
  const heading = new RegExp(`^## \\[${version.replace(/\./g, "\\.")}\\]( - \\d{4}-\\d{2}-\\d{2})?\\s*$`);
  const start = lines.findIndex((line) => heading.test(line));
  if (start < 0) return undefined;
  const end = lines.findIndex((line, i) => i > start && line.startsWith("## "));
  return lines.slice(start + 1, end < 0 ? undefined : end);
}

function checkVersion(root: string, pkg: PackageJson): string[] {
  const problems: string[] = [];
  const version = pkg.version ?? "";
  if (!/^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/.test(version))
    problems.push(`package.json version "${version}" is not semver`);
  const section = changelogSection(readFileSync(join(root, "CHANGELOG.md"), "utf8"), version);
  if (!section) problems.push(`CHANGELOG.md has no "## [${version}] - YYYY-MM-DD" section for package.json's version`);
  else if (!section.some((line) => /^\s*- \S/.test(line)))
    problems.push(`CHANGELOG.md's [${version}] section lists no change`);
  const versionFile = join(root, "src", "version.ts");
  if (existsSync(versionFile)) {
    const match = /VERSION = "([^"]+)"/.exec(readFileSync(versionFile, "utf8"));
    if (match?.[1] !== version) problems.push(`src/version.ts says ${match?.[1]}, package.json ${version}`);
  }
  return problems;
}

function checkMetadata(pkg: PackageJson): string[] {
  const problems: string[] = [];
  const repo = typeof pkg.repository === "string" ? pkg.repository : pkg.repository?.url;
  if (!repo) problems.push("package.json has no repository.url (provenance needs it to match the source repository)");
  if (!pkg.homepage) problems.push("package.json has no homepage");
  const bugs = typeof pkg.bugs === "string" ? pkg.bugs : pkg.bugs?.url;
  if (!bugs) problems.push("package.json has no bugs.url");
  if (pkg.publishConfig?.access !== "public") problems.push('package.json publishConfig.access is not "public"');
  if (pkg.publishConfig?.provenance !== true) problems.push("package.json publishConfig.provenance is not true");
  return problems;
}

/** Every file path the manifest's entry points name (main, module, types, bin, exports). */
function entryFiles(pkg: PackageJson): string[] {
  const out = new Set<string>();
  const add = (value: unknown) => {
    if (typeof value === "string") out.add(value.replace(/^\.\//, ""));
    else if (value && typeof value === "object") Object.values(value).forEach(add);
  };
  add(pkg.main);
  add(pkg.module);
  add(pkg.types);
  add(pkg.bin);
  add(pkg.exports);
  return [...out].filter((file) => !file.includes("*"));
}

const FORBIDDEN: { pattern: RegExp; why: string }[] = [
  { pattern: /^src\//, why: "sources" },
  { pattern: /^test\//, why: "tests" },
  { pattern: /(^|\/)fixtures?\//, why: "fixtures" },
  { pattern: /^generated\//, why: "generated sources" },
  { pattern: /(?<!\.d)\.[mc]?ts$/, why: "TypeScript sources" },
  { pattern: /\.map$/, why: "source maps" },
  { pattern: /^openapi\//, why: "spec sources" },
];

function checkContents(root: string, pkg: PackageJson): string[] {
  const run = spawnSync("npm", ["publish", "--dry-run", "--json", "--offline", "--ignore-scripts"], {
    cwd: root,
    encoding: "utf8",
    timeout: 120_000,
  });
  if (run.status !== 0) return [`npm publish --dry-run failed: ${run.stderr.slice(0, 800)}`];
  const problems: string[] = [];
  // npm "auto-corrects" a manifest it dislikes (and may drop a `bin`); the published package.json would differ.
  const corrected = run.stderr.split("\n").filter((line) => /corrected|invalid and removed/i.test(line));
  if (corrected.length) problems.push(`npm would correct package.json:\n    ${corrected.join("\n    ")}`);
  const report = JSON.parse(run.stdout) as Record<string, { files: { path: string }[] }>;
  const files = (report[pkg.name ?? ""] ?? Object.values(report)[0]).files.map((f) => f.path);
  for (const file of files) {
    const rule = FORBIDDEN.find((r) => r.pattern.test(file));
    if (rule) problems.push(`the tarball would contain ${file} (${rule.why})`);
  }
  for (const needed of ["package.json", "README.md", "LICENSE", "CHANGELOG.md", ...entryFiles(pkg)]) {
    if (!files.includes(needed)) problems.push(`the tarball would lack ${needed}`);
  }
  return problems;
}

function checkEntries(root: string): string[] {
  const bin = (name: string) => join(__dirname, "..", "node_modules", ".bin", name);
  const problems: string[] = [];
  for (const [name, args] of [
    ["publint", ["--strict"]],
    ["attw", ["--pack", ".", "--format", "table-flipped"]],
  ] as const) {
    const run = spawnSync(bin(name), args, { cwd: root, encoding: "utf8", timeout: 180_000 });
    if (run.status !== 0) problems.push(`${name} ${args.join(" ")} failed:\n${run.stdout}${run.stderr}`.trim());
  }
  return problems;
}

function main(): void {
  const { root, only } = parseArgs(process.argv.slice(2));
  const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as PackageJson;
  if (only.some((c) => c === "contents" || c === "entries") && !existsSync(join(root, "dist", "index.mjs"))) {
    console.error("release-check: dist/ is missing: run `make build` first");
    process.exit(1);
  }
  let failed = 0;
  for (const check of only) {
    const problems =
      check === "version"
        ? checkVersion(root, pkg)
        : check === "metadata"
          ? checkMetadata(pkg)
          : check === "contents"
            ? checkContents(root, pkg)
            : checkEntries(root);
    console.log(`${problems.length ? "FAIL" : "ok  "} ${check}`);
    for (const problem of problems) console.log(`     ${problem}`);
    failed += problems.length;
  }
  console.log(failed ? `release-check: ${failed} problem(s)` : `release-check: ${pkg.name}@${pkg.version} is coherent`);
  process.exit(failed ? 1 : 0);
}

if (require.main === module) main();
