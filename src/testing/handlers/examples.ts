// Operations without a stateful handler answer with the success example the spec documents,
// at its documented status, so every operation in the spec gets a conforming answer.
import type { SimResponse } from "../reply.js";
import type { OperationEntry } from "../spec-index.js";

const serialized = new Map<string, string>();

export function exampleAnswer(op: OperationEntry): SimResponse {
  const { status, example, hasBody } = op.success;
  if (!hasBody) return { status };
  let text = serialized.get(op.key);
  if (text === undefined)
    serialized.set(op.key, (text = JSON.stringify(example ?? { success: true, data: null, meta: [] })));
  // A fresh copy each time, so nobody can change the spec's example through an answer.
  return { status, body: JSON.parse(text) };
}
