// Types the generated friendly-method signatures are written in (generated/resources.ts). No runtime code.
import type { paths } from "../../generated/schema.js";
import type { YclientsResponse } from "../envelope.js";
import type { HttpMethod } from "openapi-typescript-helpers";
import type { DataOf } from "../types.js";

export type { CallOptions, MethodOptions, BodyOf, QueryOf, DataOf } from "../types.js";
export type { PageOptions, ListAllOptions } from "../pagination.js";

/**
 * An id as the API hands it out: a number, or a string of digits (lists often send ids as strings).
 * Either can be passed straight back; anything else is a YclientsConfigError before sending.
 */
export type Id = number | string;

/**
 * A date in any form the API hands out: `YYYY-MM-DD`, an ISO datetime string, a Date, or Unix seconds (the API
 * sends some dates so). A Date or Unix seconds becomes the day (or moment) in the company's time zone.
 */
export type DateArg = string | number | Date;

/** The params of a method that takes neither query parameters nor body fields. */
export type NoParams = Record<string, never>;

/** Query parameters under other keys (`x-sdk-query-name`), when a body field has the same name. */
export type RenameKeys<T, Names extends Record<string, string>> = {
  [K in keyof T as K extends keyof Names ? Names[K] : K]: T[K];
};

/**
 * A method's `params` (query parameters and body fields together), loosened so that whatever an answer hands
 * out chains straight in: integer id fields (`id`, `*_id`, nested too) and id lists (`*_ids`) take digit strings
 * as well, and the date
 * fields listed in `Dates` (`datetime`, `appointments[].datetime`) take any `DateArg`.
 */
export type Params<T, Dates extends string = never> = Loosen<T, Dates, "">;

type Loosen<T, Dates extends string, Path extends string> = T extends readonly (infer Item)[]
  ? Loosen<Item, Dates, `${Path}[]`>[]
  : T extends Date | Blob
    ? T
    : T extends object
      ? { [K in keyof T]: K extends string ? LoosenField<T[K], K, Join<Path, K>, Dates> : T[K] }
      : T;

type Join<Path extends string, K extends string> = Path extends "" ? K : `${Path}.${K}`;

type LoosenField<V, Name extends string, Path extends string, Dates extends string> = Path extends Dates
  ? V | DateArg
  : Name extends "id" | `${string}_id`
    ? [NonNullable<V>] extends [number]
      ? V | string
      : Loosen<V, Dates, Path>
    : Name extends "ids" | `${string}_ids`
      ? [NonNullable<V>] extends [readonly number[]]
        ? V | Id[]
        : Loosen<V, Dates, Path>
      : Loosen<V, Dates, Path>;

/** What a friendly method resolves with: the envelope's `data` typed from the spec. */
export type Answer<
  Path extends keyof paths,
  Method extends HttpMethod & keyof paths[Path],
  Raise extends boolean,
> = Promise<YclientsResponse<DataOf<Path, Method>, Raise>>;

/** What a method whose answer is a file (a PDF receipt…) resolves with: the file as a Blob. */
export type FileAnswer<Raise extends boolean> = Promise<YclientsResponse<Blob, Raise>>;

/** The type the spec gives one path parameter (e.g. an enum of allowed values). */
export type PathParam<
  Path extends keyof paths,
  Method extends keyof paths[Path],
  Name extends string,
> = paths[Path][Method] extends { parameters: { path: infer P } } ? (Name extends keyof P ? P[Name] : never) : never;

/** One item of a paged list answer. */
export type ItemOf<Path extends keyof paths, Method extends HttpMethod & keyof paths[Path]> =
  DataOf<Path, Method> extends readonly (infer Item)[] ? Item : never;
