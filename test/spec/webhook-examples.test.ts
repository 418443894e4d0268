// The spec's own examples of the calls YCLIENTS makes to partners (`webhooks`: the SMS provider and the
// fiscalisation callbacks), which `check-examples` does not reach: each must match the schema beside it.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import Ajv2020 from "ajv/dist/2020";
import addFormats from "ajv-formats";
import { repoRoot } from "./reference-examples";

const spec = JSON.parse(readFileSync(join(repoRoot, "generated", "openapi.json"), "utf8"));

describe("examples of the SMS provider and fiscalisation webhooks", () => {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addSchema({ $id: "spec", ...spec });
  const cases: Array<[string, string]> = [];
  const collect = (node: any, pointer: string): void => {
    if (!node || typeof node !== "object") return;
    if (node.schema && node.example !== undefined) cases.push([pointer, pointer + "/schema"]);
    for (const [key, value] of Object.entries(node)) {
      if (key !== "example" && key !== "schema")
        collect(value, `${pointer}/${key.replace(/~/g, "~0").replace(/\//g, "~1")}`);
    }
  };
  for (const name of ["sms_provider_send", "fiscalization_document"])
    collect(spec.webhooks[name], `#/webhooks/${name}`);

  it("finds the request, answer and callback examples", () => {
    expect(cases.length).toBeGreaterThanOrEqual(7);
  });

  it.each(cases)("%s", (pointer, schemaPointer) => {
    const example = pointer
      .slice(2)
      .split("/")
      .map((k) => k.replace(/~1/g, "/").replace(/~0/g, "~"))
      .reduce((n: any, k) => n[k], spec).example;
    const validate = ajv.compile({ $ref: `spec${schemaPointer}` });
    expect(validate(example) ? [] : validate.errors).toEqual([]);
  });
});
