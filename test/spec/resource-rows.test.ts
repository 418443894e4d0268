// The generator's rules for the typed rows, on small specs: a query parameter and a body field of one name fail
// `make codegen` unless the spec renames the query side (x-sdk-query-name); ids and dates are found by schema.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { encodeRow } from "../../scripts/codegen/encode-row";
import { planMethods } from "../../scripts/codegen/plan-methods";
import { resourceTable } from "../../generated/resources";
import { readRow, walkRows } from "../../src/resources/rows";

const spec = (parameter: Record<string, unknown>) => ({
  openapi: "3.1.0",
  paths: {
    "/things/{company_id}": {
      post: {
        "x-sdk-method": "things.create",
        parameters: [
          { name: "company_id", in: "path", required: true, schema: { type: "integer" } },
          { name: "title", in: "query", schema: { type: "string" }, ...parameter },
        ],
        requestBody: {
          required: true,
          content: {
            "application/json": {
              schema: {
                type: "object",
                required: ["title"],
                properties: {
                  title: { type: "string" },
                  datetime: { type: "string" },
                  day: { type: "string", format: "date" },
                  items: { type: "array", items: { type: "object", properties: { staff_id: { type: "integer" } } } },
                  ref_id: { type: ["integer", "string"] },
                  service_ids: { type: "array", items: { type: "integer" } },
                },
              },
            },
          },
        },
        responses: { "200": { description: "ok" } },
      },
    },
  },
});

describe("typed rows from the spec", () => {
  it("refuses a name that is both a query parameter and a body field", () => {
    expect(() => planMethods(spec({}))).toThrow(
      'POST /things/{company_id}: "title" is both a query parameter and a body field; give the query parameter an x-sdk-query-name',
    );
  });

  it("puts a renamed query parameter under its own key in params, and lists ids and dates by schema", () => {
    const [plan] = planMethods(spec({ "x-sdk-query-name": "title_filter" }));
    expect(plan.row).toEqual({
      op: "POST /things/{company_id}",
      company: "company_id",
      query: [["title_filter", "title"]],
      body: "fields",
      bodyRequired: true,
      // A string-or-integer id is sent as given; an integer one as a number.
      ids: ["items[].staff_id", "service_ids[]"],
      dates: { datetime: "date-time", day: "date" },
    });
    expect(plan.args.map((a) => `${a.name}${a.optional ? "?" : ""}`)).toEqual(["params", "options?"]);
    expect(plan.args[0].type).toContain(
      'RenameKeys<QueryOf<"/things/{company_id}", "post">, { "title": "title_filter" }>',
    );
  });
});

describe("the stored rows (encode-row.ts → rows.ts readRow)", () => {
  const realSpec = JSON.parse(readFileSync(join(__dirname, "../../generated/openapi.json"), "utf8"));
  const plans = planMethods(realSpec).filter((plan) => plan.row);

  it("reads back every planned row of the spec exactly", () => {
    expect(plans.length).toBeGreaterThan(300);
    for (const plan of plans)
      expect({ op: plan.row!.op, row: readRow(encodeRow(plan.row!)) }).toStrictEqual({
        op: plan.row!.op,
        row: plan.row,
      });
  });

  it("keeps the generated table in step with the plans", () => {
    const planned = new Map(plans.map((plan) => [[...plan.resourcePath, plan.method].join("."), plan.row]));
    const stored = walkRows(resourceTable);
    expect(stored).toHaveLength(planned.size);
    for (const { name, row } of stored) expect(row).toStrictEqual(planned.get(name.join(".")));
  });

  it("derives the path arguments, the company and a required body, and stores what differs", () => {
    const rows = [
      {
        op: "GET /book_times/{company_id}/{staff_id}/{date}",
        company: "company_id",
        path: [
          { name: "staff_id", kind: "id" as const },
          { name: "date", kind: "date" as const },
        ],
      },
      { op: "GET /bookform/{id}", path: [{ name: "id", arg: "formId", kind: "id" as const }] },
      {
        op: "GET /x/{salon_id}/{id}",
        company: "salon_id",
        path: [{ name: "id", kind: "id" as const }],
        body: "fields" as const,
      },
    ];
    expect(rows.map(encodeRow)).toEqual([
      { op: rows[0].op, kinds: { date: "date" } },
      { op: rows[1].op, args: { id: "formId" } },
      { op: rows[2].op, company: "salon_id", body: "fields", bodyOptional: true },
    ]);
    for (const row of rows) expect(readRow(encodeRow(row))).toEqual(row);
  });
});
