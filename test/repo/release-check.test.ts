// `make release-check` (scripts/release-check.ts) run as a subprocess: it passes on this checkout, and it fails,
// naming the problem, on a temp copy whose version, changelog or manifest does not make a coherent release.
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const ROOT = join(__dirname, "..", "..");
const TSX = join(ROOT, "node_modules", ".bin", "tsx");
const SCRIPT = join(ROOT, "scripts", "release-check.ts");

function releaseCheck(args: string[]): { status: number | null; out: string } {
  const run = spawnSync(TSX, [SCRIPT, ...args], { cwd: ROOT, encoding: "utf8", timeout: 240_000 });
  return { status: run.status, out: run.stdout + run.stderr };
}

/** A temp folder with copies of package.json, CHANGELOG.md and src/version.ts, edited by `edit`. */
function tempCopy(edit: (files: { pkg: Record<string, unknown>; changelog: string }) => void): string {
  const dir = mkdtempSync(join(tmpdir(), "yclients-release-"));
  mkdirSync(join(dir, "src"));
  copyFileSync(join(ROOT, "src", "version.ts"), join(dir, "src", "version.ts"));
  const files = {
    pkg: JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as Record<string, unknown>,
    changelog: readFileSync(join(ROOT, "CHANGELOG.md"), "utf8"),
  };
  edit(files);
  writeFileSync(join(dir, "package.json"), JSON.stringify(files.pkg, null, 2));
  writeFileSync(join(dir, "CHANGELOG.md"), files.changelog);
  return dir;
}

const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

describe("make release-check", () => {
  it("passes on this checkout (version, metadata, npm publish --dry-run contents)", () => {
    // The entry-point check (publint, attw) is `make package-lint`'s, and slow: left to `make release-check`.
    const { status, out } = releaseCheck(["--only", "version,metadata,contents"]);
    expect(out).toContain("is coherent");
    expect(status).toBe(0);
  }, 240_000);

  it("fails when package.json's version has no CHANGELOG section", () => {
    // A version no release will have soon, so the test does not go stale when the next one is cut.
    const dir = tempCopy(({ pkg }) => (pkg.version = "0.99.0"));
    dirs.push(dir);
    const { status, out } = releaseCheck(["--root", dir, "--only", "version"]);
    expect(status).toBe(1);
    expect(out).toContain('CHANGELOG.md has no "## [0.99.0]');
    expect(out).toContain("src/version.ts says");
  });

  it("fails when the version's CHANGELOG section is empty", () => {
    const dir = tempCopy((files) => {
      const version = files.pkg.version as string;
      files.changelog = files.changelog.replace(
        new RegExp(`## \\[${version.replace(/\./g, "\\.")}\\][^]*?(?=\\n## )`),
        `## [${version}] - 2026-12-07\n`,
      );
    });
    dirs.push(dir);
    const { status, out } = releaseCheck(["--root", dir, "--only", "version"]);
    expect(status).toBe(1);
    expect(out).toMatch(/section lists no change/);
  });

  it("fails without publishing metadata", () => {
    const dir = tempCopy(({ pkg }) => {
      delete pkg.repository;
      pkg.publishConfig = { access: "public" };
    });
    dirs.push(dir);
    const { status, out } = releaseCheck(["--root", dir, "--only", "metadata"]);
    expect(status).toBe(1);
    expect(out).toContain("no repository.url");
    expect(out).toContain("provenance is not true");
  });
});
