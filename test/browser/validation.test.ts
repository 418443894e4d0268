// validateResponses in a real browser: headless Chromium loads a page that forbids eval and `new Function`
// (Content-Security-Policy `script-src 'self'`, the rule Cloudflare workers impose too) and bundles the typed client
// with esbuild, split as a browser app's bundler would, importing `yclients-client/validation` as the README says. A mistyped answer (from a `fetch` of the page's own, no
// network) rejects with YclientsResponseValidationError: the validator and the spec loaded as a lazy chunk and ran
// without code generation. Skipped without Chromium like the other browser test; CI always has it.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { AddressInfo } from "node:net";
import { build } from "esbuild";

const CHROMIUM = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find((p) => existsSync(p));
const describeInBrowser = CHROMIUM || process.env.CI ? describe : describe.skip;

let page: Server;
let dir: string;

beforeAll(async () => {
  if (!CHROMIUM) return;
  dir = mkdtempSync(join(tmpdir(), "yclients-browser-validate-"));
  await build({
    stdin: {
      contents: `import { loadSpecValidator } from "./src/validation.ts"; import { YclientsTypedClient } from "./src/index.ts"; window.YclientsTypedClient = YclientsTypedClient; window.loadSpecValidator = loadSpecValidator;`,
      resolveDir: join(__dirname, "..", ".."),
      loader: "ts",
      sourcefile: "sdk.ts",
    },
    bundle: true,
    splitting: true,
    format: "esm",
    platform: "browser",
    target: "es2022",
    outdir: dir,
    entryNames: "sdk",
    logLevel: "warning",
  });
  writeFileSync(join(dir, "index.html"), `<!doctype html><script type="module" src="/sdk.js"></script>`);
  page = createServer((req, res) => {
    const name = (req.url ?? "/").slice(1) || "index.html";
    const file = join(dir, name.replace(/[^\w.-]/g, ""));
    if (!existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, {
      "content-type": name.endsWith(".js") ? "text/javascript" : "text/html",
      "content-security-policy": "script-src 'self'",
    });
    res.end(readFileSync(file));
  });
  await new Promise<void>((resolve) => page.listen(0, "127.0.0.1", resolve));
}, 60_000);

afterAll(async () => {
  await new Promise((resolve) => (page ? page.close(resolve) : resolve(undefined)));
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describeInBrowser("validateResponses in headless Chromium, with eval forbidden", () => {
  it("rejects a mistyped answer with the findings", async () => {
    const { chromium } = await import("playwright-core");
    const browser = await chromium.launch({ executablePath: CHROMIUM!, args: ["--no-sandbox"] });
    try {
      const tab = await browser.newPage();
      const violations: string[] = [];
      tab.on("console", (message) => {
        if (/Content Security Policy|unsafe-eval/i.test(message.text())) violations.push(message.text());
      });
      await tab.goto(`http://127.0.0.1:${(page.address() as AddressInfo).port}/`);
      await tab.waitForFunction(() => "YclientsTypedClient" in window);
      const outcome = await tab.evaluate(async () => {
        const Client = (window as any).YclientsTypedClient;
        const yc = new Client({
          partnerToken: "p",
          userToken: "u",
          baseUrl: "https://api.example.invalid/api/v1",
          rateLimit: false,
          retry: false,
          validateResponses: "throw",
          fetch: async () =>
            new Response(JSON.stringify({ success: true, data: { id: 1, name: null }, meta: [] }), { status: 200 }),
        });
        try {
          await yc.GET("/company/{company_id}/staff/{staff_id}", { params: { path: { company_id: 1, staff_id: 1 } } });
          return { rejected: false };
        } catch (error: any) {
          return { rejected: true, name: error.name, findings: error.findings };
        }
      });
      expect(outcome).toEqual({
        rejected: true,
        name: "YclientsResponseValidationError",
        findings: [expect.objectContaining({ pointer: "/data/name", expected: "string", got: "null" })],
      });
      expect(violations).toEqual([]);
    } finally {
      await browser.close();
    }
  }, 60_000);
});
