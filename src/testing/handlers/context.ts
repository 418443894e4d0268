// What a stateful handler receives, and its type.
import type { PageRequest } from "../page-request.js";
import type { SimResponse } from "../reply.js";
import type { OperationEntry } from "../spec-index.js";
import type { Session, SimulatorState } from "../state.js";
import type { StateChange } from "../webhook-payloads.js";

export interface HandlerContext {
  state: SimulatorState;
  op: OperationEntry;
  /** Path parameters by their spec names, URL-decoded. */
  params: Record<string, string>;
  query: URLSearchParams;
  /** Parsed JSON (or form) body; undefined when there was none. */
  body: any;
  /** The signed-in user, when a valid user token came with the request. */
  session?: Session;
  /** Paging of this request, for operations that page. */
  page?: PageRequest;
  /** Current time, Unix seconds. */
  now: number;
  /** Reports a change YCLIENTS would send a webhook about (call it after changing the state). */
  emit(change: StateChange): void;
}

/** A handler; `validatesOwnBody` keeps the core's generic required-field check out of its way. */
export type Handler = ((ctx: HandlerContext) => SimResponse) & { readonly validatesOwnBody?: true };

/** Marks a handler that checks its own body (its own messages, booking codes, multipart), in the table itself. */
export const ownBody = (handler: (ctx: HandlerContext) => SimResponse): Handler =>
  Object.assign((ctx: HandlerContext) => handler(ctx), { validatesOwnBody: true as const });

/** Handlers by `"METHOD /template"` exactly as the spec writes the path. */
export type HandlerTable = Record<string, Handler>;
