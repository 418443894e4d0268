// Paging by each operation's own parameters (`x-pagination` in the spec). A page size above
// the documented maximum is refused with 400 rather than clamped: a client that asks for more
// than the API gives should find out in tests, not get silently short pages.
import type { OperationPagination } from "../../generated/operations.js";
import { FieldErrors, type SimResponse } from "./reply.js";

export interface PageRequest {
  page: number;
  size: number;
}

function readParam(p: OperationPagination, name: string, query: URLSearchParams, body: unknown): unknown {
  if (p.in === "query") return query.get(name) ?? undefined;
  return body && typeof body === "object" && !Array.isArray(body) ? (body as Record<string, unknown>)[name] : undefined;
}

function asInteger(value: unknown): number | undefined {
  if (value === undefined || value === null || value === "") return undefined;
  const n =
    typeof value === "number" ? value : typeof value === "string" && /^-?\d+$/.test(value.trim()) ? Number(value) : NaN;
  return Number.isInteger(n) ? n : NaN;
}

/** Reads page and size, or returns the 400 answer describing what is wrong with them. */
export function readPage(p: OperationPagination, query: URLSearchParams, body: unknown): PageRequest | SimResponse {
  const page = asInteger(readParam(p, p.page, query, body)) ?? 1;
  const size = asInteger(readParam(p, p.size, query, body)) ?? p.defaultSize ?? p.maxSize;
  const errors = new FieldErrors();
  if (!(page >= 1)) errors.set(p.page, "Номер страницы должен быть целым числом не меньше 1");
  if (!(size >= 1)) errors.set(p.size, "Размер страницы должен быть целым числом не меньше 1");
  else if (size > p.maxSize) errors.set(p.size, `Размер страницы не может быть больше ${p.maxSize}`);
  return errors.any ? errors.response(400, "Неверные параметры постраничного вывода") : { page, size };
}

export const isPageRequest = (value: PageRequest | SimResponse): value is PageRequest =>
  "page" in value && "size" in value;

export const slice = <T>(items: readonly T[], { page, size }: PageRequest): T[] =>
  items.slice((page - 1) * size, page * size);
