// YCLIENTS sends `[]` where a related object is absent (a sale without a service, a client without a card
// type); the types say so. `present()` turns that `[]` (and null) into `undefined`, so `?.` reads on.

/** The object, or `undefined` when the API sent `[]`, `null` or nothing in its place. */
export function present<V>(value: V): Exclude<V, readonly unknown[] | null | undefined> | undefined {
  if (value === null || value === undefined) return undefined;
  if (Array.isArray(value) && value.length === 0) return undefined;
  return value as Exclude<V, readonly unknown[] | null | undefined>;
}
