// Types the generated friendly-method signatures are written in (generated/resources.ts). No runtime code.
import type { paths } from "../../generated/schema.js";
import type { YclientsResponse } from "../envelope.js";
import type { HttpMethod } from "openapi-typescript-helpers";
import type { DataOf } from "../types.js";

export type { CallOptions, BodyOf, QueryOf, DataOf } from "../types.js";
export type { PageOptions, ListAllOptions } from "../pagination.js";

/**
 * An id as the API hands it out: a number, or a string of digits (lists often send ids as strings).
 * Either can be passed straight back; anything else is a YclientsConfigError before sending.
 */
export type Id = number | string;

/** A calendar day: `YYYY-MM-DD`, or a Date (its local calendar day). */
export type DateArg = string | Date;

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
