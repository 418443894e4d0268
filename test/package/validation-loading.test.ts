// How the built client finds `yclients-client/validation` (README "Response validation"): Node loads it by itself on
// the first checked call; where the runtime cannot (no `process.getBuiltinModule`, as in a browser or a worker), the
// call fails with a YclientsConfigError that tells the app to import the entry, and importing it is enough.
// Runs dist/index.mjs in fresh Node processes against a node:http server answering a mistyped list. Needs `make build`.
import { spawnSync } from "node:child_process";
import { join } from "node:path";

const DIST = join(__dirname, "..", "..", "dist");

function run(prelude: string): string {
  const script = `
    ${prelude}
    import { createServer } from "node:http";
    const { YclientsTypedClient } = await import(${JSON.stringify(join(DIST, "index.mjs"))});
    const server = createServer((req, res) => {
      res.setHeader("content-type", "application/json");
      res.end(JSON.stringify({ success: true, data: [{ id: 1, title: 5 }], meta: [] }));
    });
    await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
    const yc = new YclientsTypedClient({
      partnerToken: "p", baseUrl: "http://127.0.0.1:" + server.address().port + "/api/v1",
      rateLimit: false, retry: false, validateResponses: "throw",
    });
    try { await yc.GET("/companies", {}); console.log("resolved"); }
    catch (error) { console.log(error.constructor.name + ": " + error.message); }
    server.close();
  `;
  const result = spawnSync(process.execPath, ["--input-type=module", "-e", script], {
    encoding: "utf8",
    timeout: 30_000,
  });
  return result.stdout.trim() + result.stderr.trim();
}

test("Node loads the validation entry by itself", () => {
  expect(run("")).toMatch(/^YclientsResponseValidationError: .*\/data\/0\/title/);
});

test("a runtime that cannot load it is told to import the entry", () => {
  expect(run("delete process.getBuiltinModule;")).toMatch(
    /^YclientsConfigError: .*import "yclients-client\/validation"/,
  );
});

test("importing the entry registers it for every client", () => {
  const entry = JSON.stringify(join(DIST, "validation.mjs"));
  expect(run(`delete process.getBuiltinModule; await import(${entry});`)).toMatch(/^YclientsResponseValidationError/);
});
