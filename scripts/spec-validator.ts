// Builds JSON Schema validators for the merged spec: one per operation response (by status and
// media type) and for request bodies. Used by `make check` (every example must match its schema)
// and by the simulator conformance test (every simulator answer must match its schema).
import Ajv2020, { type ValidateFunction } from "ajv/dist/2020";
import addFormats from "ajv-formats";
import { refSegments, refTarget } from "../src/resolve-ref";

type Json = Record<string, any>;

const SPEC_ID = "https://yclients-client.local/openapi.json";

export function createSpecValidator(spec: Json) {
  const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: true });
  addFormats(ajv);
  ajv.addFormat("password", true);
  // The whole document is registered as one schema, so `#/components/...` refs resolve inside it.
  ajv.addSchema({ $id: SPEC_ID, ...spec });
  const cache = new Map<string, ValidateFunction>();
  const pointer = (parts: string[]) => "#/" + parts.map((p) => p.replace(/~/g, "~0").replace(/\//g, "~1")).join("/");

  function validatorAt(parts: string[]): ValidateFunction {
    const ref = SPEC_ID + pointer(parts);
    let fn = cache.get(ref);
    if (!fn) {
      fn = ajv.compile({ $ref: ref });
      cache.set(ref, fn);
    }
    return fn;
  }

  return {
    /** Validates a response body; returns error text, or undefined when it conforms. */
    response(
      path: string,
      method: string,
      status: string,
      body: unknown,
      media = "application/json",
    ): string | undefined {
      const responses = spec.paths?.[path]?.[method.toLowerCase()]?.responses;
      if (!responses) return `no operation ${method} ${path} in the spec`;
      const key = status in responses ? status : status[0] + "XX" in responses ? status[0] + "XX" : "default";
      let response = responses[key];
      if (!response) return `status ${status} is not documented for ${method} ${path}`;
      const parts = ["paths", path, method.toLowerCase(), "responses", key];
      if (response.$ref) {
        parts.splice(0, parts.length, ...refSegments(response.$ref)!);
        response = refTarget(spec, response.$ref);
      }
      if (!response.content)
        return body === undefined || body === ""
          ? undefined
          : `status ${status} of ${method} ${path} has no body in the spec`;
      if (!response.content[media]?.schema) return `no ${media} schema for ${status} of ${method} ${path}`;
      const fn = validatorAt([...parts, "content", media, "schema"]);
      return fn(body) ? undefined : ajv.errorsText(fn.errors, { dataVar: "body" });
    },
    /** Validates a webhook body (what YCLIENTS POSTs to the partner) against `webhooks.<name>` of the spec. */
    webhookBody(name: string, body: unknown, media = "application/json"): string | undefined {
      if (!spec.webhooks?.[name]?.post?.requestBody?.content?.[media]?.schema) return `no webhook ${name} in the spec`;
      const fn = validatorAt(["webhooks", name, "post", "requestBody", "content", media, "schema"]);
      return fn(body) ? undefined : ajv.errorsText(fn.errors, { dataVar: "body" });
    },
    /** Validates a JSON request body against the operation's request schema. */
    requestBody(path: string, method: string, body: unknown, media = "application/json"): string | undefined {
      const op = spec.paths?.[path]?.[method.toLowerCase()];
      if (!op?.requestBody?.content?.[media]?.schema) return undefined;
      const fn = validatorAt(["paths", path, method.toLowerCase(), "requestBody", "content", media, "schema"]);
      return fn(body) ? undefined : ajv.errorsText(fn.errors, { dataVar: "body" });
    },
  };
}
