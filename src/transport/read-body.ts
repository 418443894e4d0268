// Reads an answer's body inside the attempt, but never more of it than the SDK can use: chunk by chunk from the
// stream, stopping at a bound and cancelling the rest (which closes the connection). A server that answers a
// 5xx with hundreds of megabytes then costs a bounded amount of memory, and its status is still reported.

/** Most bytes of a successful answer read (64 MiB): far above any page of a list, below what would exhaust memory. */
export const MAX_ANSWER_BYTES = 64 * 1024 * 1024;

/** Least bytes of an error answer read (8 MiB), whatever `errorBodyLimit` says. */
const MIN_ERROR_BYTES = 8 * 1024 * 1024;

/**
 * Most bytes read of an error answer: enough for `errorBodyLimit` characters even when each takes 4 bytes
 * of UTF-8, and at least 8 MiB so even an outsized JSON error body is read whole and parsed (a cut one cannot
 * be, and would lose its `meta`); no bound when
 * `errorBodyLimit` is `Infinity`.
 */
export function errorReadLimit(errorBodyLimit: number): number {
  return errorBodyLimit === Infinity ? Infinity : Math.max(MIN_ERROR_BYTES, errorBodyLimit * 4);
}

export interface ReadBody {
  /** The body read: text for a textual answer, bytes otherwise. */
  body: string | Uint8Array;
  /** Set when the body was longer than the bound: how many bytes were kept; the rest was not read. */
  truncatedAfter?: number;
}

const decoder = /* @__PURE__ */ new TextDecoder();

/** The body of `raw`, at most `maxBytes` of it. */
export async function readBody(raw: Response, textual: boolean, maxBytes: number): Promise<ReadBody> {
  if (raw.body === null) return { body: textual ? "" : new Uint8Array(0) };
  const { bytes, truncatedAfter } = await readAtMost(raw, maxBytes);
  return { body: textual ? decoder.decode(bytes) : bytes, truncatedAfter };
}

async function readAtMost(raw: Response, maxBytes: number): Promise<{ bytes: Uint8Array; truncatedAfter?: number }> {
  const reader = raw.body!.getReader();
  const chunks: Uint8Array[] = [];
  let length = 0;
  let truncatedAfter: number | undefined;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (length + value.byteLength > maxBytes) {
      chunks.push(value.subarray(0, maxBytes - length));
      length = maxBytes;
      truncatedAfter = maxBytes;
      // Not awaited: the rest is dropped with the connection, and a slow server must not hold the caller here.
      reader.cancel().catch(() => {});
      break;
    }
    chunks.push(value);
    length += value.byteLength;
  }
  if (chunks.length === 1 && truncatedAfter === undefined) return { bytes: chunks[0] };
  const bytes = new Uint8Array(length);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  return { bytes, truncatedAfter };
}
