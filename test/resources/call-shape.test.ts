// Every friendly method has the shape `method(…pathIds, [body,] params?, options?)`: checked on the generated
// signatures (read with the TypeScript compiler) and at run time against a real server, from the rows alone.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import * as ts from "typescript";
import { bindResource } from "../../src/resources/bind";
import { resolveRef } from "../../src/resolve-ref";
import { argName, positionalBody } from "../../src/resources/rows";
import { ALL_FRIENDLY, OPERATION_METHODS, argsFor, methodOf, type Friendly } from "./friendly-table";
import { expectCall, useHarness } from "./harness";

const h = useHarness();
const spec = JSON.parse(readFileSync(join(__dirname, "../../generated/openapi.json"), "utf8"));

/** `resource.group.method` → its parameters (name, optional, type text), from generated/resources.ts. */
function generatedSignatures(): Map<string, { name: string; optional: boolean; type: string }[]> {
  const file = join(__dirname, "../../generated/resources.ts");
  const source = ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.Latest, true);
  const interfaces = new Map<string, ts.InterfaceDeclaration>();
  source.forEachChild((node) => {
    if (ts.isInterfaceDeclaration(node)) interfaces.set(node.name.text, node);
  });
  const out = new Map<string, { name: string; optional: boolean; type: string }[]>();
  const visit = (decl: ts.InterfaceDeclaration, prefix: string[]) => {
    for (const member of decl.members) {
      const name = member.name && ts.isIdentifier(member.name) ? member.name.text : "";
      if (ts.isMethodSignature(member)) {
        out.set(
          [...prefix, name].join("."),
          member.parameters.map((p) => ({
            name: p.name.getText(source),
            optional: Boolean(p.questionToken),
            type: p
              .type!.getText(source)
              .replace(/\s+/g, " ")
              .replace(/^\| /, "")
              .replace(/< /g, "<")
              .replace(/,? >/g, ">"),
          })),
        );
      } else if (ts.isPropertySignature(member) && member.type && ts.isTypeReferenceNode(member.type)) {
        const child = interfaces.get(member.type.typeName.getText(source));
        if (child) visit(child, prefix.length || decl.name.text !== "GeneratedResources" ? [...prefix, name] : [name]);
      }
    }
  };
  visit(interfaces.get("GeneratedResources")!, []);
  return out;
}

describe("the call shape (…pathIds, [body,] params?, options?)", () => {
  const signatures = generatedSignatures();

  it("finds a generated signature for every method of the rows, helpers included", () => {
    expect([...signatures.keys()].sort()).toEqual(ALL_FRIENDLY.map((f) => f.sdk).sort());
  });

  it.each(ALL_FRIENDLY.map((f) => [f.sdk, f] as const))("%s", (_sdk, f: Friendly) => {
    const params = signatures.get(f.sdk)!;
    const ids = f.row.path ?? [];
    const body = positionalBody(f.row);
    expect(params.map((p) => p.name)).toEqual([...ids.map(argName), ...(body ? [body] : []), "params", "options"]);
    // Path arguments: ids and dates take what answers hand out; never the company (it is an option).
    ids.forEach((slot, i) => {
      expect(params[i].optional).toBe(false);
      if (slot.kind === "id") expect(params[i].type).toBe("Id");
      if (slot.kind === "date") expect(params[i].type).toBe("DateArg");
      expect(slot.name).not.toBe(f.row.company);
    });
    const last = params[params.length - 1];
    const paramsArg = params[params.length - 2];
    expect(paramsArg.type).toMatch(/^Params<.*>( \| undefined)?$/);
    // params is required when a query parameter in it is (required body fields make it required too).
    const requiredFilters = (f.row.required ?? []).filter(
      (n) => !f.helper || (n !== f.row.paged?.page && n !== f.row.paged?.size),
    );
    if (requiredFilters.length) expect(paramsArg.optional || paramsArg.type.endsWith("| undefined")).toBe(false);
    const expectedOptions = f.helper === "all" ? "ListAllOptions" : f.helper ? "PageOptions" : undefined;
    if (expectedOptions) {
      expect(last.type).toBe(f.row.company ? expectedOptions : `Omit<${expectedOptions}, "companyId">`);
    } else expect(last.type).toBe(f.row.company ? "MethodOptions" : "CallOptions");
    expect(last.optional).toBe(f.helper !== "all");
  });

  it("splits params by the row: query names (renamed ones too) to the query, the rest to the body", async () => {
    const bound = bindResource(h.yc, {
      create: {
        op: "POST /book_check/{company_id}",
        company: "company_id",
        query: [["title_filter", "title"], "page"],
        body: "fields",
      },
    }) as { create: (params: object, options?: object) => Promise<unknown> };
    const { sent } = await expectCall(h, "POST", "/book_check/{company_id}", () =>
      bound.create({ title: "body title", title_filter: "query title", page: 2 }, { companyId: 99 }),
    );
    expect(sent.path).toBe("/api/v1/book_check/99");
    expect(sent.query).toEqual({ title: "query title", page: "2" });
    expect(sent.body).toEqual({ title: "body title" });
  });

  const queryOf = (f: Friendly): string[] =>
    [...(spec.paths[f.path].parameters ?? []), ...(spec.paths[f.path][f.method.toLowerCase()].parameters ?? [])]
      .map((p: object) => resolveRef(spec, p as any))
      .filter((p: { in: string }) => p.in === "query")
      .map((p: { name: string }) => p.name);
  const withQuery = OPERATION_METHODS.filter((f) => queryOf(f).length);
  it.each(withQuery.map((f) => [f.sdk, f] as const))(
    "%s: params reach the query, options the call, the company the path",
    async (_sdk, f) => {
      const args = argsFor(f.row, 7);
      const wire = queryOf(f)[0];
      const renamed = f.row.query?.find((q) => typeof q !== "string" && q[1] === wire);
      const key = renamed ? renamed[0] : wire;
      const params = { ...(args[args.length - 1] as object), [key]: "1" };
      const companyId = 4321;
      const options = f.row.company ? { companyId, headers: { "x-probe": "1" } } : { headers: { "x-probe": "1" } };
      const { sent } = await expectCall(h, f.method, f.path, () =>
        methodOf(h.yc, f.sdk)(...args.slice(0, -1), params, options),
      );
      expect(sent.query[wire] ?? sent.query[`${wire}[]`]).toBeDefined();
      expect(h.server.seen.length ? true : false).toBe(true);
      if (f.row.company) expect(sent.path).toContain(`/${companyId}`);
    },
  );
});
