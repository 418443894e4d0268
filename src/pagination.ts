// Lazy paging over list operations, driven by each operation's own paging parameters from the
// `x-pagination` rule (`page` + `count`, `page` + `page_size`, limits). One page is held in memory at a time.
import type { YclientsTypedClient } from "./typed-client.js";
import { YclientsConfigError, YclientsError } from "./errors.js";
import type { MethodOptions } from "./types.js";

export interface PageOptions extends MethodOptions {
  /** Items per request; defaults to the operation's maximum, to need the fewest requests. */
  pageSize?: number;
  /** First page to fetch (1-based), default 1. */
  startPage?: number;
}

export interface ListAllOptions extends PageOptions {
  /** The most items `listAll` will load; more than this is an error rather than a silent truncation. Required. */
  limit: number;
}

/** `listAll` found more items than its `limit` allows. */
export class YclientsPaginationLimitError extends YclientsError {}
Object.defineProperty(YclientsPaginationLimitError.prototype, "name", { value: "YclientsPaginationLimitError" });

/** An operation's paging rule, from its `x-pagination` in the spec. */
export interface Paging {
  /** Where the paging parameters go: the query string or the JSON body. */
  readonly in: "query" | "body";
  /** Name of the 1-based page number parameter. */
  readonly page: string;
  /** Name of the page size parameter. */
  readonly size: string;
  /** Largest page size the API accepts. */
  readonly maxSize: number;
  /** Page size the API uses when none is given. */
  readonly defaultSize?: number;
  /** `false` when `meta.total_count` cannot be trusted: paging then stops only on a short page. */
  readonly total?: false;
}

export interface PagedCall {
  method: string;
  path: string;
  paging: Paging;
  pathParams?: Record<string, unknown>;
  query?: Record<string, unknown>;
  body?: Record<string, unknown>;
}

/** Yields the items of every page of a paged list operation, requesting the next page only when needed. */
export async function* iterateItems<T>(
  client: YclientsTypedClient<boolean>,
  call: PagedCall,
  options: PageOptions = {},
): AsyncGenerator<T, void, undefined> {
  const { paging } = call;
  const { pageSize: requestedSize, startPage = 1, ...callOptions } = options;
  const pageSize = requestedSize ?? paging.maxSize;
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > paging.maxSize) {
    throw new YclientsConfigError(
      `pageSize must be an integer from 1 to ${paging.maxSize} for ${call.method} ${call.path}`,
    );
  }
  if (!Number.isInteger(startPage) || startPage < 1)
    throw new YclientsConfigError("startPage must be a positive integer");

  let seen = (startPage - 1) * pageSize;
  for (let page = startPage; ; page++) {
    const paramsAt = { [paging.page]: page, [paging.size]: pageSize };
    const init: Record<string, unknown> = {
      ...callOptions,
      params: {
        path: call.pathParams,
        query: paging.in === "query" ? { ...call.query, ...paramsAt } : call.query,
      },
    };
    if (paging.in === "body" || call.body) init.body = paging.in === "body" ? { ...call.body, ...paramsAt } : call.body;
    const result = await client.request<unknown>(call.method, call.path, init);
    if (!result.success) throw result.error;
    const items = Array.isArray(result.data) ? (result.data as T[]) : [];
    for (const item of items) yield item;
    seen += items.length;
    const total =
      paging.total !== false && typeof result.meta.total_count === "number" ? result.meta.total_count : undefined;
    // Stop on a short page, or as soon as the reported total is reached (no extra request after a full last page).
    if (items.length < pageSize || (total !== undefined && seen >= total)) return;
  }
}

/** Loads every item into an array, refusing (before loading more) once there are more than `limit`. */
export async function collectAll<T>(items: AsyncIterable<T>, limit: number): Promise<T[]> {
  if (!Number.isInteger(limit) || limit < 0) throw new YclientsConfigError("limit must be a non-negative integer");
  const out: T[] = [];
  for await (const item of items) {
    if (out.length === limit) {
      throw new YclientsPaginationLimitError(`There are more than ${limit} items; raise the limit or use iterate()`);
    }
    out.push(item);
  }
  return out;
}
