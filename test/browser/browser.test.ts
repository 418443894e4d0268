// A real browser: headless Chromium (Debian's `chromium`, driven by playwright-core) loads a page from one
// origin that bundles the ESM build of YclientsTypedClient, and calls the simulator on another origin, so the
// SDK's browser path (no User-Agent, fetch, CORS) runs end to end. CI always runs it (.ci/run installs Chromium);
// locally, without Chromium, it is skipped with a loud warning.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { AddressInfo } from "node:net";
import { build } from "esbuild";
import { startYclientsSimulator, type YclientsSimulator } from "../../src/testing/index";

const CHROMIUM = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find((p) => existsSync(p));
const describeInBrowser = CHROMIUM || process.env.CI ? describe : describe.skip;
if (!CHROMIUM) {
  const how = "apt-get update && apt-get install -y chromium";
  if (process.env.CI) throw new Error(`Chromium is missing in CI; .ci/run should have installed it (${how})`);
  console.warn(`\n*** SKIPPED the browser test: no Chromium on this machine. Install it with: ${how} ***\n`);
}

let sim: YclientsSimulator;
let page: Server;
let dir: string;

beforeAll(async () => {
  if (!CHROMIUM) return;
  sim = await startYclientsSimulator({ rateLimit: false });
  dir = mkdtempSync(join(tmpdir(), "yclients-browser-"));
  // The page's bundle: what a browser app would ship, the typed client only.
  await build({
    stdin: {
      contents: `import { YclientsTypedClient } from "./src/index.ts"; window.YclientsTypedClient = YclientsTypedClient;`,
      resolveDir: join(__dirname, "..", ".."),
      loader: "ts",
    },
    bundle: true,
    format: "esm",
    platform: "browser",
    target: "es2022",
    outfile: join(dir, "sdk.js"),
    logLevel: "warning",
  });
  writeFileSync(join(dir, "index.html"), `<!doctype html><script type="module" src="/sdk.js"></script>`);
  page = createServer((req, res) => {
    const file = req.url === "/sdk.js" ? "sdk.js" : "index.html";
    res.writeHead(200, { "content-type": file.endsWith(".js") ? "text/javascript" : "text/html" });
    res.end(readFileSync(join(dir, file)));
  });
  await new Promise<void>((resolve) => page.listen(0, "127.0.0.1", resolve));
}, 60_000);

afterAll(async () => {
  await sim?.close();
  await new Promise((resolve) => (page ? page.close(resolve) : resolve(undefined)));
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describeInBrowser("in headless Chromium", () => {
  it("the typed client calls the simulator across origins and reads the typed answer", async () => {
    const { chromium } = await import("playwright-core");
    const browser = await chromium.launch({ executablePath: CHROMIUM!, args: ["--no-sandbox"] });
    try {
      const tab = await browser.newPage();
      const pageUrl = `http://127.0.0.1:${(page.address() as AddressInfo).port}/`;
      await tab.goto(pageUrl);
      await tab.waitForFunction(() => "YclientsTypedClient" in window);
      const companyId = sim.state.companies[0].id;
      const answer = await tab.evaluate(
        async ({ baseUrl, partnerToken, companyId }) => {
          const Client = (window as any).YclientsTypedClient;
          const yc = new Client({ partnerToken, baseUrl, rateLimit: false });
          const { data, response } = await yc.GET("/book_dates/{company_id}", {
            params: { path: { company_id: companyId } },
          });
          return { dates: data.data.booking_dates.length, requestId: response.headers.get("x-request-id") };
        },
        { baseUrl: sim.url, partnerToken: sim.partnerToken, companyId },
      );
      expect(answer.dates).toBeGreaterThan(0);
      expect(answer.requestId).toMatch(/[0-9a-f-]{36}/);
      const seen = sim.requests[sim.requests.length - 1];
      expect(seen.route).toBe("GET /book_dates/{company_id}");
      // A browser refuses to let scripts set User-Agent, so the SDK doesn't try there.
      expect(seen.headers?.["user-agent"] ?? "").not.toContain("yclients-client");
    } finally {
      await browser.close();
    }
  }, 60_000);
});
