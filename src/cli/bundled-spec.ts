// The merged spec (generated/openapi.json, written by `make codegen`), bundled into the CLI like the simulator
// bundles it, so the CLI's help and parameter checks always match the operations it was built with.
import specJson from "../../generated/openapi.json";
import { resolveRef as followRef } from "../resolve-ref.js";

export interface SpecParameter {
  $ref?: string;
  name: string;
  in: string;
  required?: boolean;
  description?: string;
  schema?: SpecSchema;
}

export interface SpecSchema {
  $ref?: string;
  type?: string | string[];
  format?: string;
  items?: SpecSchema;
  enum?: unknown[];
  required?: string[];
  properties?: Record<string, SpecSchema>;
  description?: string;
  allOf?: SpecSchema[];
}

export interface SpecOperation {
  operationId: string;
  summary?: string;
  description?: string;
  tags?: string[];
  deprecated?: boolean;
  parameters?: SpecParameter[];
  requestBody?: { required?: boolean; content?: Record<string, { schema?: SpecSchema }> };
}

export interface Spec {
  paths: Record<string, Record<string, unknown>>;
  tags?: { name: string; description?: string }[];
  components: { parameters?: Record<string, SpecParameter>; schemas?: Record<string, SpecSchema> };
}

/** The spec. */
export function loadSpec(): Spec {
  return specJson as unknown as Spec;
}

/** Follows a local `$ref` (`#/components/<kind>/<name>`) one level at a time until a plain object is reached. */
export function resolveRef<T extends { $ref?: string }>(spec: Spec, value: T): T {
  return value?.$ref ? ((followRef(spec, value) ?? {}) as T) : value;
}

/** A schema with its `allOf` parts merged: their properties and required names together (for body fields). */
export function flattenSchema(spec: Spec, schema: SpecSchema): SpecSchema {
  const own = resolveRef(spec, schema);
  const parts = (own.allOf ?? []).map((part) => flattenSchema(spec, part));
  return {
    ...own,
    properties: Object.assign({}, ...parts.map((p) => p.properties ?? {}), own.properties ?? {}),
    required: [...new Set([...parts.flatMap((p) => p.required ?? []), ...(own.required ?? [])])],
  };
}
