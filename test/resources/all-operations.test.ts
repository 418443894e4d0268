// Every operation of the spec, called once through its friendly method against the simulator: the call goes
// through the whole SDK (arguments, company id, user token, transport, classification) and the simulator
// routes it to the same operation. Answers are a success, or an error status the operation documents (a
// stateful handler answers 404 for an id it does not hold).
import { YclientsClientError, type YclientsClient } from "../../src/index";
import type { YclientsSimulator } from "../../src/testing/index";
import { startSignedIn } from "../helpers/simulator";
import { OPERATION_METHODS, callFriendly } from "./friendly-table";
import { readFileSync } from "node:fs";
import { join } from "node:path";

const spec = JSON.parse(readFileSync(join(__dirname, "../../generated/openapi.json"), "utf8"));
let sim: YclientsSimulator;
let yc: YclientsClient;

beforeAll(async () => {
  ({ sim, yc } = await startSignedIn({ client: { retry: false } }));
});
afterAll(() => sim?.close());

describe("every operation through its friendly method against the simulator", () => {
  it("covers the whole spec", () => {
    const count = Object.values<Record<string, unknown>>(spec.paths).reduce(
      (n, item) => n + ["get", "put", "post", "delete", "patch"].filter((m) => item[m]).length,
      0,
    );
    expect(OPERATION_METHODS).toHaveLength(count);
  });

  it.each(OPERATION_METHODS.map((f) => [f.sdk, f] as const))("yc.%s", async (_sdk, f) => {
    const before = sim.requests.length;
    let status: number;
    try {
      const result = (await callFriendly(yc, f, sim.state.companies[0].id)) as { success: boolean; status: number };
      expect(result.success).toBe(true);
      status = result.status;
    } catch (error) {
      // Only a client error the operation documents is an acceptable answer to made-up arguments.
      if (!(error instanceof YclientsClientError)) throw error;
      status = error.status!;
      const documented = Object.keys(spec.paths[f.path][f.method.toLowerCase()].responses);
      expect(documented).toContain(String(status));
    }
    expect(status).toBeGreaterThanOrEqual(200);
    expect(sim.requests.length).toBe(before + 1);
    expect(sim.requests[sim.requests.length - 1].route).toBe(`${f.method} ${f.path}`);
  });
});
