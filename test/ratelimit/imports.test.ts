// The rate limiter is a layer of its own: the transport imports it, and it imports nothing from the transport
// (a folder-level cycle otherwise). What both need (reading Retry-After) lives in a leaf, src/retry-after.ts.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

const DIR = join(__dirname, "..", "..", "src", "ratelimit");

test("nothing in src/ratelimit imports from src/transport", () => {
  const files = readdirSync(DIR).filter((f) => f.endsWith(".ts"));
  expect(files.length).toBeGreaterThan(3);
  const offenders = files.filter((f) => /from\s+["']\.\.\/transport\//.test(readFileSync(join(DIR, f), "utf8")));
  expect(offenders).toEqual([]);
});
