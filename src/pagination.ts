// Lazy paging over list operations, driven by each operation's own paging parameters from the
// `x-pagination` rule (`page` + `count`, `page` + `page_size`, limits). One page is held in memory at a time.
import type { YclientsTypedClient } from "./typed-client.js";
import { YclientsConfigError, YclientsError, type ErrorContext } from "./errors.js";
import { pageFingerprint } from "./page-fingerprint.js";
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

/**
 * Paging made no progress: a page had exactly the items of an earlier page of the same iteration (a server that
 * ignores the page number and repeats a page), so going on would never end. Nothing of the repeated page was
 * yielded.
 */
export class YclientsPaginationError extends YclientsError {
  /** The page number whose answer repeated an earlier page. */
  readonly page: number;
  /** The earlier page it repeated. */
  readonly repeatedPage: number;
  constructor(message: string, context: ErrorContext & { page: number; repeatedPage: number }) {
    super(message, context);
    // `?.`: tolerant of a bare `new YclientsPaginationError(message)`, as every other error class is.
    this.page = context?.page;
    this.repeatedPage = context?.repeatedPage;
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), page: this.page, repeatedPage: this.repeatedPage };
  }
}
Object.defineProperty(YclientsPaginationError.prototype, "name", { value: "YclientsPaginationError" });

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
  // Each page's fingerprint and number: a page equal to any earlier one means the server is not paging.
  const pagesSeen = new Map<string, number>();
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
    if (items.length) {
      const fingerprint = pageFingerprint(items);
      const earlier = pagesSeen.get(fingerprint);
      if (earlier !== undefined) throw noProgress(call, page, earlier, items.length, result.requestId);
      pagesSeen.set(fingerprint, page);
    }
    for (const item of items) yield item;
    seen += items.length;
    const total =
      paging.total !== false && typeof result.meta.total_count === "number" ? result.meta.total_count : undefined;
    // Stop on a short page, or as soon as the reported total is reached (no extra request after a full last page).
    if (items.length < pageSize || (total !== undefined && seen >= total)) return;
  }
}

function noProgress(
  call: PagedCall,
  page: number,
  repeatedPage: number,
  count: number,
  requestId: string | undefined,
): YclientsPaginationError {
  return new YclientsPaginationError(
    `${call.method} ${call.path} made no progress: page ${page} has the same ${count} items as page ${repeatedPage}, ` +
      "so the server is not paging; stopped instead of requesting the same page forever",
    { method: call.method, path: call.path, page, repeatedPage, requestId },
  );
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
