// Sweeps every friendly method, from the generated resource table itself (nothing here lists operations by
// hand): the table and the spec agree one to one; each method exists on the client, carries its docs, hits its
// own method and path, fails before sending without a company id, and without a user token when one is needed.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { operationTable, YclientsConfigError } from "../../src/index";
import {
  ALL_FRIENDLY as ALL,
  OPERATION_METHODS as METHODS,
  callFriendly as call,
  methodOf,
  operationOf as info,
} from "./friendly-table";
import { expectCall, expectNothingSent, useHarness } from "./harness";

const h = useHarness();

const spec = JSON.parse(readFileSync(join(__dirname, "../../generated/openapi.json"), "utf8"));
const SPEC_OPS: Array<{ key: string; sdk: string; deprecated: boolean; replacement?: string }> = [];
for (const [path, item] of Object.entries<Record<string, any>>(spec.paths)) {
  for (const method of ["get", "put", "post", "delete", "patch"]) {
    const op = item[method];
    if (op) {
      SPEC_OPS.push({
        key: `${method.toUpperCase()} ${path}`,
        sdk: op["x-sdk-method"],
        deprecated: Boolean(op.deprecated),
        replacement: op["x-sdk-replacement"],
      });
    }
  }
}

const pathPattern = (template: string, hostRooted: boolean) =>
  new RegExp(
    `^${hostRooted ? "" : "/api/v1"}${template.replace(/[.*+?^$()|[\]\\]/g, "\\$&").replace(/\{[^}]+\}/g, "[^/]+")}$`,
  );

describe("resource coverage", () => {
  it("every spec operation has exactly one friendly method, and every friendly method an operation", () => {
    expect(METHODS.map((f) => `${f.method} ${f.path}`).sort()).toEqual(SPEC_OPS.map((o) => o.key).sort());
    expect(METHODS.map((f) => f.sdk).sort()).toEqual(SPEC_OPS.map((o) => o.sdk).sort());
  });

  it("every paged operation has iterate and listAll helpers", () => {
    const paged = operationTable.filter((o) => o.pagination).map((o) => `${o.method} ${o.path}`);
    const helpers = (kind: string) =>
      ALL.filter((f) => f.helper === kind)
        .map((f) => `${f.method} ${f.path}`)
        .sort();
    expect(paged.length).toBeGreaterThan(0);
    expect(helpers("iterate")).toEqual([...paged].sort());
    expect(helpers("all")).toEqual([...paged].sort());
  });

  it("every friendly method is a function on the client, scoped clients included", () => {
    const scoped = h.yc.withUserToken("another-user");
    for (const f of ALL) {
      expect(typeof methodOf(h.yc, f.sdk)).toBe("function");
      expect(typeof methodOf(scoped, f.sdk)).toBe("function");
    }
  });

  it.each(METHODS.map((f) => [f.sdk, f] as const))("%s sends its own method and path", async (_name, f) => {
    const hostRooted = Boolean(info(f).hostRooted);
    const { result, sent } = await expectCall(h, f.method, f.path, () => call(h.yc, f));
    expect(sent.method).toBe(f.method);
    expect(sent.path).toMatch(pathPattern(f.path, hostRooted));
    expect(sent.authorization).toBe("Bearer partner-res-1, User user-res-1");
    expect(result).toMatchObject({ success: true });
  });

  const companyScoped = METHODS.filter((f) => f.row.company);
  it.each(companyScoped.map((f) => [f.sdk, f] as const))(
    "%s without a company id fails before sending",
    async (_n, f) => {
      await expectNothingSent(h, () => call(h.noCompany, f), YclientsConfigError);
    },
  );

  const needUser = METHODS.filter((f) => info(f).userToken);
  it.each(needUser.map((f) => [f.sdk, f] as const))("%s without a user token fails before sending", async (_n, f) => {
    await expectNothingSent(h, () => call(h.partner, f), YclientsConfigError);
  });

  it("documents every generated method, and marks exactly the deprecated ones @deprecated with a replacement", () => {
    const source = readFileSync(join(__dirname, "../../generated/resources.ts"), "utf8");
    for (const op of SPEC_OPS) {
      // The method's JSDoc block ends with its HTTP line; deprecated blocks say what to use instead.
      const block = new RegExp(
        `\\* \`${op.key.replace(/[.*+?^$()|[\]\\{}]/g, "\\$&")}\`[^\\n]*\\n((?:\\s*\\* @[^\\n]*\\n)*)\\s*\\*/`,
      ).exec(source);
      expect(block).not.toBeNull();
      if (op.deprecated) {
        expect(op.replacement).toBeDefined();
        expect(block![1]).toContain(`@deprecated Use \`yc.${op.replacement}()\` instead.`);
      } else expect(block![1]).not.toContain("@deprecated");
    }
  });

  it("the config error names the missing user token and how to give one", async () => {
    await expect(h.partner.staff.list()).rejects.toThrow(/needs a user token/);
    await expect(h.noCompany.staff.list()).rejects.toThrow(/No company id/);
  });
});
