// What the simulator knows about each operation, read from the generated spec: the operation
// table (method, path, user token, paging) joined with the documented answers and bodies.
import specJson from "../../generated/openapi.json";
import { operations, type OperationInfo } from "../../generated/operations.js";
import { resolveRef } from "../resolve-ref.js";
import type { SimBinding } from "./engine/collection.js";

type Json = Record<string, any>;

const spec = specJson as unknown as Json;

export interface OperationEntry extends OperationInfo {
  /** `"METHOD /template"`, the key handlers and faults use. */
  readonly key: string;
  readonly tags: readonly string[];
  /** The first documented 2xx answer; the example-based handler replays it. */
  readonly success: { status: number; example?: unknown; hasBody: boolean };
  /** Statuses the operation documents, e.g. "200", "404". */
  readonly statuses: ReadonlySet<string>;
  readonly bodyRequired: boolean;
  /** Top-level fields the request body schema requires. */
  readonly requiredBodyFields: readonly string[];
  /** Path parameters the spec types as integers; other values answer 404. */
  readonly integerParams: readonly string[];
  /** The JSON request body's schema, for the CRUD engine's type check. */
  readonly requestSchema?: unknown;
  /** The operation's `x-sim` binding to a collection of the CRUD engine (engine/engine.ts). */
  readonly sim?: SimBinding;
}

/** A node of the spec with its local `$ref`s followed (src/resolve-ref.ts, the one reader of them). */
export const deref = (value: any): any => resolveRef(spec, value);

function firstExample(media: Json | undefined): unknown {
  if (!media) return undefined;
  if (media.example !== undefined) return media.example;
  const first = Object.values<Json>(media.examples ?? {})[0];
  return first ? deref(first).value : undefined;
}

function successOf(op: Json): OperationEntry["success"] {
  const codes = Object.keys(op.responses ?? {})
    .filter((s) => /^2\d\d$/.test(s))
    .sort();
  if (!codes.length) return { status: 200, hasBody: false };
  const response = deref(op.responses[codes[0]]);
  const media = response?.content?.["application/json"];
  return { status: Number(codes[0]), example: firstExample(media), hasBody: Boolean(media) };
}

function requiredFieldsOf(requestSchema: unknown): string[] {
  const schema = deref(requestSchema);
  const parts: Json[] = schema ? [schema, ...(schema.allOf ?? []).map(deref)] : [];
  return [...new Set(parts.flatMap((part) => part?.required ?? []))];
}

function integerParamsOf(pathItem: Json, op: Json): string[] {
  const params = [...(pathItem.parameters ?? []), ...(op.parameters ?? [])].map(deref);
  return params.filter((p) => p?.in === "path" && deref(p.schema)?.type === "integer").map((p) => p.name as string);
}

function buildIndex(): OperationEntry[] {
  return operations.map((info) => {
    const pathItem: Json = spec.paths?.[info.path] ?? {};
    const op: Json = pathItem[info.method.toLowerCase()] ?? {};
    const body = deref(op.requestBody);
    const requestSchema = body?.content?.["application/json"]?.schema;
    return {
      ...info,
      key: `${info.method} ${info.path}`,
      tags: op.tags ?? [],
      success: successOf(op),
      statuses: new Set(Object.keys(op.responses ?? {})),
      bodyRequired: Boolean(body?.required),
      requiredBodyFields: requiredFieldsOf(requestSchema),
      integerParams: integerParamsOf(pathItem, op),
      requestSchema,
      sim: op["x-sim"],
    };
  });
}

let index: readonly OperationEntry[] | undefined;

/** The index, built on first use: loading `yclients-client/testing` reads no spec until a simulator needs it. */
export const operationIndex = (): readonly OperationEntry[] => (index ??= buildIndex());
