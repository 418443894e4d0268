// Type machinery for the typed methods (`yc.GET(...)`), kept apart from the runtime.
import type { FetchResponse, MaybeOptionalInit, Middleware } from "openapi-fetch";
import type { RetryOptions } from "./config.js";
import type { ValidateResponses } from "./validation/validate-responses.js";
import type { HttpMethod, PathsWithMethod, RequiredKeysOf } from "openapi-typescript-helpers";

/** Options every call accepts, typed or friendly. */
export interface CallOptions {
  /** The user token for this call only; overrides the scoped client's and the constructor's. */
  userToken?: string;
  /** Per-attempt timeout for this call, in ms. */
  timeoutMs?: number;
  /** Cancels the call: the current attempt and any backoff wait end at once. */
  signal?: AbortSignal;
  /** Extra headers for this call only. */
  headers?: Record<string, string>;
  /** Retries for this call only, over the client's settings: `false` sends it once, `{ maxTries: 5 }` tries harder. */
  retry?: RetryOptions | false;
  /**
   * openapi-fetch middleware for this call only, after the client's. It runs once per call, outside the retries:
   * `onRequest` before the first attempt (what it changes is sent with every attempt), `onResponse` on the final
   * answer, `onError` when the call fails.
   */
  middleware?: Middleware[];
  /** Check this call's answer against the spec: `"warn"` logs mismatches, `"throw"` rejects, `false` skips. */
  validateResponses?: ValidateResponses;
}

/** The options of a friendly method that works on a company: the call options plus the company id. */
export interface MethodOptions extends CallOptions {
  /** The company to work on; the client's `companyId` when absent. */
  companyId?: number | string;
}

type InitParam<Init> =
  RequiredKeysOf<Init> extends never ? [(Init & { [key: string]: unknown })?] : [Init & { [key: string]: unknown }];

type Media = `${string}/${string}`;

/** What a typed method resolves with: openapi-fetch's result, narrowed to success when client errors throw. */
export type TypedResult<
  Operation extends Record<string | number, any>,
  Init,
  Raise extends boolean,
> = Raise extends true
  ? Extract<FetchResponse<Operation, Init, Media>, { error?: never }>
  : FetchResponse<Operation, Init, Media>;

/** `yc.GET`, `yc.POST`, …: openapi-fetch's typed method plus the per-call options. */
export type TypedMethod<Paths extends Record<string, any>, Method extends HttpMethod, Raise extends boolean> = <
  Path extends PathsWithMethod<Paths, Method>,
  Init extends MaybeOptionalInit<Paths[Path], Method>,
>(
  path: Path,
  ...init: InitParam<NoUnknownKeys<Init, MaybeOptionalInit<Paths[Path], Method> & CallOptions> & CallOptions>
) => Promise<TypedResult<Paths[Path][Method], Init, Raise>>;

/** A misspelled option (`timeout` for `timeoutMs`) is a compile error instead of being ignored. */
type NoUnknownKeys<Init, Allowed> = Init & { [Key in Exclude<keyof Init, keyof Allowed>]: never };

/** The `data` member of an operation's success envelope. */
export type EnvelopeData<Paths extends Record<string, any>, Path extends keyof Paths, Method extends HttpMethod> =
  NonNullable<Extract<FetchResponse<Paths[Path][Method], object, Media>, { error?: never }>["data"]> extends {
    data?: infer D;
  }
    ? D
    : null;

import type { paths } from "../generated/schema.js";

/** The JSON body an operation accepts. */
export type BodyOf<Path extends keyof paths, Method extends keyof paths[Path]> = paths[Path][Method] extends {
  requestBody?: { content: { "application/json": infer Body } };
}
  ? Body
  : never;

/** The query parameters an operation accepts. */
export type QueryOf<Path extends keyof paths, Method extends keyof paths[Path]> = paths[Path][Method] extends {
  parameters: { query?: infer Query };
}
  ? NonNullable<Query>
  : never;

/** The `data` of an operation's success envelope, from the spec. */
export type DataOf<Path extends keyof paths, Method extends HttpMethod & keyof paths[Path]> = EnvelopeData<
  paths,
  Path,
  Method
>;
