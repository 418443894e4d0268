// The simulator's answers match the spec the package ships: every operation of the generated table, called through
// its friendly method with `validateResponses: "throw"`. A success that departs from the spec rejects with a
// YclientsResponseValidationError; a documented client error (a made-up id) is still an acceptable answer.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { YclientsClientError, YclientsResponseValidationError, type YclientsClient } from "../../src/index";
import type { YclientsSimulator } from "../../src/testing/index";
import { startSignedIn } from "../helpers/simulator";
import { splitOp } from "../../src/resources/rows";
import { OPERATION_METHODS, callFriendly } from "../resources/friendly-table";

const spec = JSON.parse(readFileSync(join(__dirname, "../../generated/openapi.json"), "utf8"));
let sim: YclientsSimulator;
let yc: YclientsClient;
const validated: string[] = [];

beforeAll(async () => {
  ({ sim, yc } = await startSignedIn({ client: { retry: false, validateResponses: "throw" } }));
});
afterAll(() => sim?.close());

describe("every simulator answer validates against the spec", () => {
  it.each(OPERATION_METHODS.map((f) => [f.sdk, f] as const))("yc.%s", async (_sdk, f) => {
    try {
      const result = (await callFriendly(yc, f, sim.state.companies[0].id)) as { success: boolean };
      expect(result.success).toBe(true);
      validated.push(f.sdk);
    } catch (error) {
      if (error instanceof YclientsResponseValidationError) {
        throw new Error(`${error.message}\n${JSON.stringify(error.findings, null, 2)}`);
      }
      if (!(error instanceof YclientsClientError)) throw error;
      const { method, path } = splitOp(f.row);
      const documented = Object.keys(spec.paths[path][method.toLowerCase()].responses);
      expect(documented).toContain(String(error.status));
    }
  });

  it("validated the successes of about half the operations (not only documented errors)", () => {
    // Made-up ids get a documented 404 from the stateful handlers; about half the operations answer a success.
    expect(validated.length).toBeGreaterThan(OPERATION_METHODS.length * 0.45);
  });
});
