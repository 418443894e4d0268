// src/resolve-ref.ts: the one reader of the spec's local `$ref`s (generators, CLI, validator, drift, tests).
import { refSegments, refTarget, resolveRef } from "../../src/resolve-ref";

const doc = {
  paths: { "/records/{id}": { get: { summary: "one record" } } },
  components: {
    schemas: { Record: { type: "object" }, Alias: { $ref: "#/components/schemas/Record" } },
    parameters: { Loop: { $ref: "#/components/parameters/Loop" } },
  },
};

describe("resolveRef", () => {
  it("follows a chain of refs to the node without one", () => {
    expect(resolveRef(doc, { $ref: "#/components/schemas/Alias" })).toBe(doc.components.schemas.Record);
  });

  it("hands back a value without a ref, and undefined, as they are", () => {
    const plain = { type: "string" };
    expect(resolveRef(doc, plain)).toBe(plain);
    expect(resolveRef(doc, undefined)).toBeUndefined();
  });

  it("decodes ~1 and ~0 in pointer segments", () => {
    expect(refSegments("#/paths/~1records~1{id}/get")).toEqual(["paths", "/records/{id}", "get"]);
    expect(resolveRef(doc, { $ref: "#/paths/~1records~1{id}/get" })).toEqual({ summary: "one record" });
  });

  it("gives undefined for a dangling ref or one outside the document", () => {
    expect(resolveRef(doc, { $ref: "#/components/schemas/Missing" })).toBeUndefined();
    expect(refTarget(doc, "other.json#/components/schemas/Record")).toBeUndefined();
  });

  it("stops on a ref cycle after maxHops instead of looping", () => {
    expect(resolveRef(doc, { $ref: "#/components/parameters/Loop" }, 3)).toEqual({
      $ref: "#/components/parameters/Loop",
    });
  });
});
