// Sweeps every friendly method, from the generated resource table itself (nothing here lists operations by
// hand): the table and the spec agree one to one; each method exists on the client, carries its docs, hits its
// own method and path, fails before sending without a company id, and without a user token when one is needed.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { operationTable, YclientsConfigError } from "../../src/index";
import {
  ALL_FRIENDLY as ALL,
  argsFor,
  OPERATION_METHODS as METHODS,
  callFriendly as call,
  methodOf,
  operationOf as info,
  type Friendly,
} from "./friendly-table";
import {
  COMPANY_ID,
  expectCall,
  expectNothingSent,
  PARTNER_ONLY,
  successExample,
  useHarness,
  WITH_USER,
} from "./harness";

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

/**
 * Arguments with a different value in every path slot and a probe in the body, with the path and body they must
 * send: the company from the client, each slot's value in its own place, the probe where the row puts bodies.
 */
function distinctCall(f: Friendly): { args: unknown[]; path: string; body: unknown } {
  const args = argsFor(f.row);
  const values = (f.row.path ?? []).map((slot, i) =>
    slot.kind === "id" ? 7001 + i : slot.kind === "date" ? "2026-12-01" : `probe-${i}`,
  );
  args.splice(0, values.length, ...values);
  let path = f.path;
  if (f.row.company) path = path.replace(`{${f.row.company}}`, String(COMPANY_ID));
  (f.row.path ?? []).forEach((slot, i) => (path = path.replace(`{${slot.name}}`, String(values[i]))));
  if (!info(f).hostRooted) path = `/api/v1${path}`;
  const probe = { probe_field: "probe" };
  let body: unknown;
  if (f.row.body === "fields") {
    args[args.length - 1] = { ...(args[args.length - 1] as object), ...probe };
    body = probe;
  } else if (f.row.body === "value" || f.row.body === "array") {
    body = f.row.body === "array" ? [probe] : probe;
    args[values.length] = body;
  }
  return { args, path, body };
}

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

  it.each(METHODS.map((f) => [f.sdk, f] as const))(
    "%s sends its own method, path (ids in their slots), body and tokens, and returns the answer",
    async (_name, f) => {
      const { args, path, body } = distinctCall(f);
      const { result, example, sent } = await expectCall(
        h,
        f.method,
        f.path,
        () => methodOf(h.yc, f.sdk)(...args) as Promise<{ data: unknown; meta: unknown }>,
      );
      expect(sent.method).toBe(f.method);
      expect(sent.path).toBe(path);
      expect(sent.authorization).toBe(WITH_USER);
      // The query holds the required parameters argsFor gives, nothing else (no body field, no company id).
      expect(Object.keys(sent.query)).toHaveLength((f.row.required ?? []).length);
      if (f.row.body === "form") expect(sent.contentType).toMatch(/^multipart\/form-data; boundary=/);
      else if (body === undefined) expect(sent.body).toBeUndefined();
      else {
        expect(sent.contentType).toBe("application/json");
        expect(sent.body).toEqual(body);
      }
      expect(result).toMatchObject({ success: true, status: successExample(f.method, f.path).status });
      // The data of a {success, data, meta} answer comes back as it was sent (other shapes: test/core/envelope).
      if (example === undefined) expect(result.data === null || result.data instanceof Blob).toBe(true);
      else if ("success" in example) {
        expect(result.data).toEqual(example.data ?? null);
        if (example.meta && !Array.isArray(example.meta)) expect(result.meta).toEqual(example.meta);
      }
    },
  );

  // An operation open to the partner token sends that token alone when the client has no user token.
  const partnerOnly = METHODS.filter((f) => !info(f).userToken);
  it.each(partnerOnly.map((f) => [f.sdk, f] as const))("%s with the partner token alone", async (_n, f) => {
    const { sent } = await expectCall(h, f.method, f.path, () => call(h.partner, f));
    expect(sent.authorization).toBe(PARTNER_ONLY);
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
