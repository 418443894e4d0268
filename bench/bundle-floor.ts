// How small the typed-only and friendly bundles could get without their optional parts: each consumer of
// bench/shipped-size.ts is bundled from src/ (as scripts/build.ts bundles dist/, same plugins) once whole and once
// with the parts that are not the core of a call left out, each one's exports replaced by empty stand-ins.
// Not part of `make bench`: the question is what is left when features are removed, which the shipped tarball
// cannot answer, so the figures are from src/ and say so. Run: `node_modules/.bin/tsx bench/bundle-floor.ts`.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { build, type Plugin } from "esbuild";
import { lazyCockatiel } from "../scripts/lazy-cockatiel";
import { lazyValidator } from "../scripts/lazy-validator";
import { shippedSpec } from "../scripts/shipped-spec";
import { SHIPPED_CONSUMERS } from "./shipped-size";

const ROOT = join(__dirname, "..");

/** What is left out, cumulatively: each step removes one more README promise. */
const STEPS: { label: string; files: RegExp | undefined }[] = [
  { label: "whole, from src/", files: undefined },
  { label: "without the rate limiter", files: /\/src\/ratelimit\// },
  {
    label: "… logging, option-key checks and did-you-mean, validateResponses hooks",
    files: /\/src\/(ratelimit\/|log\.ts|call-options\.ts|suggest\.ts|text-gist\.ts|validation\/)/,
  },
  {
    label: "… all configuration (defaults, env backoff, option checks)",
    files: /\/src\/(ratelimit\/|log\.ts|call-options\.ts|suggest\.ts|text-gist\.ts|validation\/|config\.ts)/,
  },
];

/** Replaces every module matching `files` by stand-ins for its exported names (enough for esbuild to link). */
function leaveOut(files: RegExp | undefined): Plugin {
  return {
    name: "leave-out",
    setup(b) {
      b.onLoad({ filter: /\.ts$/ }, (args) => {
        if (!files?.test(args.path)) return undefined;
        const source = readFileSync(args.path, "utf8");
        const names = source.matchAll(/^export (?:async )?(?:function\*?|const|let|class|abstract class) (\w+)/gm);
        const stands = [...new Set(Array.from(names, (m) => m[1]))].map((name) => `export const ${name} = class {};`);
        return { contents: `${stands.join("\n")}\nexport {};`, loader: "ts" };
      });
    },
  };
}

async function gzipOf(source: string, files: RegExp | undefined): Promise<number> {
  const result = await build({
    stdin: { contents: source.replace(/"yclients-client"/g, '"./src/index"'), resolveDir: ROOT, loader: "ts" },
    bundle: true,
    minify: true,
    format: "esm",
    platform: "browser",
    target: "es2022",
    mainFields: ["module", "main"],
    write: false,
    logLevel: "error",
    plugins: [leaveOut(files), lazyCockatiel(), lazyValidator, shippedSpec],
  });
  return gzipSync(result.outputFiles[0].contents, { level: 9 }).length;
}

async function main(): Promise<void> {
  for (const consumer of SHIPPED_CONSUMERS.filter((c) => c.id === "typed-only" || c.id === "friendly")) {
    console.log(`${consumer.id} (target ${consumer.id === "typed-only" ? 12 : 20} kB gzip):`);
    for (const step of STEPS) {
      const bytes = await gzipOf(consumer.source, step.files);
      console.log(`  ${String(bytes).padStart(6)} B gzip  ${step.label}`);
    }
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
