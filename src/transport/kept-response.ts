// The body of every answer is read once, inside the attempt (so the timeout covers it). The Response the
// caller gets is the original one with its body readers answering from those kept bytes, so it behaves
// like an unread Response: text(), json(), arrayBuffer(), bytes(), blob(), formData(), body and clone() all
// work, any number of times, and bodyUsed stays false.
//
// Wrapping the bytes in a new Response instead would cost a stream round trip per request (most of the
// SDK's overhead on a 50-record page, BENCHMARKS.md); shadowing the readers costs nothing until one is
// used. The text is decoded once, on the first text()/json(), as Response.text() would (UTF-8, BOM dropped).

const decoder = new TextDecoder();

/** A new, unread Response with the same status, headers and body; `url` is carried over. */
function rebuild(response: Response, bytes: Uint8Array): Response {
  const init = { status: response.status, statusText: response.statusText, headers: response.headers };
  const copy = new Response(bytes.slice(), init);
  Object.defineProperty(copy, "url", { value: response.url });
  return copy;
}

/** Makes `response`, whose body has been consumed into `bytes`, readable again; returns it. */
export function keepBody(response: Response, bytes: Uint8Array): Response {
  let text: string | undefined;
  let stream: ReadableStream<Uint8Array> | null | undefined;
  const readText = () => (text ??= decoder.decode(bytes));
  Object.defineProperties(response, {
    text: { value: () => Promise.resolve().then(readText) },
    json: { value: () => Promise.resolve().then(() => JSON.parse(readText())) },
    arrayBuffer: { value: () => Promise.resolve(bytes.slice().buffer) },
    bytes: { value: () => Promise.resolve(bytes.slice()) },
    blob: {
      value: () => Promise.resolve(new Blob([bytes as BlobPart], { type: response.headers.get("content-type") ?? "" })),
    },
    formData: { value: () => rebuild(response, bytes).formData() },
    clone: { value: () => keepBody(rebuild(response, bytes), bytes) },
    bodyUsed: { get: () => false },
    body: { get: () => (stream ??= rebuild(response, bytes).body) },
  });
  return response;
}
