// `yclients-client/testing` from the packed tarball loads without reading the shipped spec: a .cts file run by
// tsx (whose require() of a package's JSON fails under Node 20) can load it, and the spec is read when a simulator
// first needs it. Needs `make build` first.
import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { installPackedTarball, type InstalledPackage } from "../../bench/installed";

const TSX = join(__dirname, "..", "..", "node_modules", ".bin", "tsx");
let installed: InstalledPackage;

beforeAll(() => {
  installed = installPackedTarball({ preferLinks: true });
}, 120_000);
afterAll(() => installed?.remove());

function runTsx(file: string, source: string): unknown {
  writeFileSync(join(installed.dir, file), source);
  const out = execFileSync(TSX, [file], { cwd: installed.dir, encoding: "utf8", timeout: 60_000 });
  return JSON.parse(out.trim().split("\n").pop()!);
}

describe("yclients-client/testing from a .cts file under tsx", () => {
  it("loads, reads the spec only when a simulator starts, and the simulator answers", () => {
    const source = `
      const fs = require("node:fs");
      const read = fs.readFileSync;
      const specReads = [];
      fs.readFileSync = (file, ...rest) => {
        if (String(file).endsWith("openapi.json")) specReads.push(String(file));
        return read(file, ...rest);
      };
      const testing = require("yclients-client/testing");
      const readAtImport = specReads.length;
      (async () => {
        const sim = await testing.startYclientsSimulator({ rateLimit: false });
        const answer = await fetch(sim.url + "/book_services/" + sim.state.companies[0].id, {
          headers: { authorization: "Bearer " + testing.DEFAULT_PARTNER_TOKEN, accept: "application/vnd.yclients.v2+json" },
        });
        await sim.close();
        console.log(JSON.stringify({ readAtImport, readLater: specReads.length, status: answer.status }));
      })();
    `;
    expect(runTsx("consumer.cts", source)).toEqual({ readAtImport: 0, readLater: 1, status: 200 });
  }, 60_000);
});
