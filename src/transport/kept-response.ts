// The body of every answer is read once, inside the attempt (so the timeout covers it). The Response the
// caller gets is the original one with its body readers answering from what was read, so it behaves like
// an unread Response: text(), json(), arrayBuffer(), bytes(), blob(), formData(), body and clone() all work,
// any number of times, and bodyUsed stays false.
//
// Wrapping the body in a new Response instead would cost a stream round trip per request (most of the
// SDK's overhead on a 50-record page, BENCHMARKS.md). Instead the response gets a prototype whose readers
// answer from the kept body: one prototype switch and one property per response, nothing per reader.
// JSON and text answers are read as text (the fast path; their bytes are re-encoded as UTF-8 only when asked,
// identical for any UTF-8 body); anything else (a PDF, an image) is read as bytes, kept exactly, and decoded
// only if text() is asked for.

const encoder = /* @__PURE__ */ new TextEncoder();
const decoder = /* @__PURE__ */ new TextDecoder();
const KEPT = Symbol("yclients.keptBody");

interface Kept {
  text?: string;
  bytes?: Uint8Array;
  stream?: ReadableStream<Uint8Array> | null;
  /** Set when only the first bytes of the body were read (see read-body.ts). */
  truncatedAfter?: number;
}

/** Whether an answer is text, so reading it as text loses nothing. */
export function isTextual(contentType: string | null): boolean {
  return !contentType || /^text\/|[/+]json\b|^application\/(xml|javascript|x-www-form-urlencoded)\b/i.test(contentType);
}

function keptOf(response: Response): Kept {
  return (response as unknown as { [KEPT]: Kept })[KEPT];
}
function textOf(kept: Kept): string {
  return (kept.text ??= decoder.decode(kept.bytes));
}
function bytesOf(kept: Kept): Uint8Array {
  return (kept.bytes ??= encoder.encode(kept.text));
}

/** A new, unread Response with the same status, headers and body; `url` is carried over. */
function rebuild(response: Response): Response {
  const init = { status: response.status, statusText: response.statusText, headers: response.headers };
  const copy = new Response(bytesOf(keptOf(response)).slice(), init);
  Object.defineProperty(copy, "url", { value: response.url });
  return copy;
}

/**
 * Response readers that answer from the kept body. Only `Response.prototype` getters are used on the instance.
 * Defined on first use: `extends Response` at module level reads the global `Response`, which in Node loads its
 * whole fetch implementation (undici) while yclients-client loads, the largest part of the package's cold start.
 */
let keptBodyPrototype: object | undefined;
const keptBodyResponsePrototype = () => (keptBodyPrototype ??= defineKeptBodyResponse().prototype);

const defineKeptBodyResponse = () =>
  class KeptBodyResponse extends Response {
    override text(): Promise<string> {
      return Promise.resolve(textOf(keptOf(this)));
    }
    override json(): Promise<any> {
      return Promise.resolve(textOf(keptOf(this))).then(JSON.parse);
    }
    override arrayBuffer(): Promise<ArrayBuffer> {
      return Promise.resolve(bytesOf(keptOf(this)).slice().buffer);
    }
    override bytes(): Promise<Uint8Array<ArrayBuffer>> {
      return Promise.resolve(bytesOf(keptOf(this)).slice());
    }
    override blob(): Promise<Blob> {
      const type = this.headers.get("content-type") ?? "";
      return Promise.resolve(new Blob([bytesOf(keptOf(this)) as BlobPart], { type }));
    }
    override formData(): Promise<FormData> {
      return rebuild(this).formData();
    }
    override clone(): Response {
      return keepBody(rebuild(this), bytesOf(keptOf(this)));
    }
    override get bodyUsed(): boolean {
      return false;
    }
    override get body(): ReadableStream<Uint8Array<ArrayBuffer>> | null {
      const kept = keptOf(this);
      return (kept.stream ??= rebuild(this).body) as ReadableStream<Uint8Array<ArrayBuffer>> | null;
    }
  };

/**
 * Makes `response`, whose body has been consumed into `body` (text or bytes), readable again; returns it.
 * `truncatedAfter` records that only that many bytes of a longer body were read.
 */
export function keepBody(response: Response, body: string | Uint8Array, truncatedAfter?: number): Response {
  const kept: Kept = typeof body === "string" ? { text: body } : { bytes: body };
  if (truncatedAfter !== undefined) kept.truncatedAfter = truncatedAfter;
  Object.defineProperty(response, KEPT, { value: kept });
  Object.setPrototypeOf(response, keptBodyResponsePrototype());
  return response;
}

/** How many bytes of the body were read when the rest was not (a body over the SDK's bound); else undefined. */
export function truncatedAfterOf(response: Response): number | undefined {
  return (response as unknown as { [KEPT]?: Kept })[KEPT]?.truncatedAfter;
}

/** The end of an error message for an answer whose body was cut while reading, else "". */
export function truncationNote(response: Response): string {
  const after = truncatedAfterOf(response);
  return after === undefined ? "" : `; body truncated after ${after} bytes`;
}
