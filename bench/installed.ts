// The package as a user gets it: `npm pack` of this checkout, installed by name into an empty folder. Used by
// the bundle-size and cold-start measurements (bench/shipped-size.ts, bench/cold-start.ts) and by their guard
// test, so every figure is measured from the tarball and never from src/ or dist/ in place.
//
// The install runs offline: npm takes the runtime dependencies from its cache (they are there after `npm ci`).
// Where the cache lacks one, the dependencies are linked from this checkout's node_modules instead, the way
// test/package.test.ts does it; `how` says which route was taken.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const ROOT = join(__dirname, "..");

export interface InstalledPackage {
  /** The consumer folder: `node_modules/yclients-client` is the unpacked tarball. */
  dir: string;
  tarball: string;
  how: "npm install --offline" | "linked dependencies";
  remove(): void;
}

/** The package's runtime dependencies and theirs, as this checkout resolved them. */
function runtimeDependencyClosure(): string[] {
  const seen = new Set<string>();
  const visit = (name: string) => {
    if (seen.has(name)) return;
    const manifest = join(ROOT, "node_modules", name, "package.json");
    if (!existsSync(manifest)) return;
    seen.add(name);
    const pkg = JSON.parse(readFileSync(manifest, "utf8")) as { dependencies?: Record<string, string> };
    for (const dep of Object.keys(pkg.dependencies ?? {})) visit(dep);
  };
  const own = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { dependencies?: Record<string, string> };
  for (const dep of Object.keys(own.dependencies ?? {})) visit(dep);
  return [...seen];
}

/** Packs dist/ (run `make build` first) and installs the tarball by name into a fresh temp folder. */
export function installPackedTarball(options: { preferLinks?: boolean } = {}): InstalledPackage {
  if (!existsSync(join(ROOT, "dist", "index.mjs"))) throw new Error("dist/ is missing: run `make build` first");
  const dir = mkdtempSync(join(tmpdir(), "yclients-installed-"));
  const packed = execFileSync("npm", ["pack", "--silent", "--pack-destination", dir], { cwd: ROOT, encoding: "utf8" })
    .trim()
    .split("\n")
    .pop()!;
  const tarball = join(dir, packed);
  writeFileSync(join(dir, "package.json"), JSON.stringify({ name: "consumer", private: true, type: "commonjs" }));
  const remove = () => rmSync(dir, { recursive: true, force: true });
  if (!options.preferLinks) {
    try {
      execFileSync(
        "npm",
        ["install", "--offline", "--no-audit", "--no-fund", "--ignore-scripts", "--no-package-lock", tarball],
        { cwd: dir, stdio: "pipe", timeout: 120_000 },
      );
      return { dir, tarball, how: "npm install --offline", remove };
    } catch {
      rmSync(join(dir, "node_modules"), { recursive: true, force: true });
    }
  }
  const target = join(dir, "node_modules", "yclients-client");
  mkdirSync(target, { recursive: true });
  execFileSync("tar", ["-xzf", tarball, "-C", target, "--strip-components=1"]);
  for (const dep of runtimeDependencyClosure()) {
    const link = join(dir, "node_modules", dep);
    mkdirSync(join(link, ".."), { recursive: true });
    symlinkSync(join(ROOT, "node_modules", dep), link, "dir");
  }
  return { dir, tarball, how: "linked dependencies", remove };
}
