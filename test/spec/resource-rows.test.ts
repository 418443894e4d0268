// The generator's rules for the typed rows, on small specs: a query parameter and a body field of one name fail
// `make codegen` unless the spec renames the query side (x-sdk-query-name); ids and dates are found by schema.
import { planMethods } from "../../scripts/codegen/plan-methods";

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
