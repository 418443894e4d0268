// `make demo` shows the booking's webhooks arriving at a local receiver: run it as a user would.
import { execFileSync } from "node:child_process";
import { join } from "node:path";

const ROOT = join(__dirname, "..", "..");

test("make demo prints the client and record webhooks of the booking, in order", () => {
  const out = execFileSync(
    process.execPath,
    [join(ROOT, "node_modules", "tsx", "dist", "cli.mjs"), "examples/demo.ts"],
    {
      cwd: ROOT,
      encoding: "utf8",
      timeout: 60_000,
    },
  );
  const hooks = out.split("\n").filter((line) => line.startsWith("Webhook:"));
  expect(
    hooks.map(
      (line) =>
        line
          .replace(/^Webhook:\s+/, "")
          .replace(/ \d+ /, " <id> ")
          .split(",")[0],
    ),
  ).toEqual(["client <id> created", "record <id> booked", "record <id> cancelled"]);
  expect(out).toMatch(/3 webhooks received/);
  // The receiver's secret is never printed.
  expect(out).not.toMatch(/\/yclients\/webhooks\/[A-Za-z0-9_-]{16,}/);
}, 90_000);
