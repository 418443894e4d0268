// The webhook endpoint on WHATWG Request/Response: Next.js route handlers, Cloudflare Workers, Deno,
// Bun and Hono use it as is (`export const POST = createWebhookHandler({...})`).
import { YclientsWebhookError } from "./webhook-error.js";
import { WebhookReceiver, type DeliveryAnswer, type WebhookReceiverOptions } from "./receiver.js";

export type WebhookHandler = (request: Request) => Promise<Response>;

export function createWebhookHandler(options: WebhookReceiverOptions = {}): WebhookHandler {
  const receiver = new WebhookReceiver(options);
  return async (request) => {
    let body: Uint8Array;
    try {
      body = await readLimited(request, receiver.maxBodyBytes);
    } catch (error) {
      if (!(error instanceof YclientsWebhookError)) throw error;
      return answerToResponse(await receiver.refused(error));
    }
    return answerToResponse(await receiver.receive({ method: request.method, url: request.url, body }));
  };
}

export function answerToResponse(answer: DeliveryAnswer): Response {
  return new Response(JSON.stringify(answer.body), {
    status: answer.status,
    headers: { "content-type": "application/json; charset=utf-8", ...answer.headers },
  });
}

/** Reads the body, stopping (and cancelling the stream) as soon as it passes `limit` bytes. */
async function readLimited(request: Request, limit: number): Promise<Uint8Array> {
  const declared = Number(request.headers.get("content-length") ?? NaN);
  if (declared > limit) {
    await request.body?.cancel().catch(() => undefined);
    throw tooLarge(limit);
  }
  if (!request.body) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge(limit);
    }
    chunks.push(value);
  }
  return concatBytes(chunks, size);
}

/** The chunks of a body joined into one array of `size` bytes. */
export function concatBytes(chunks: readonly Uint8Array[], size: number): Uint8Array {
  const out = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.byteLength;
  }
  return out;
}

export function tooLarge(limit: number): YclientsWebhookError {
  return new YclientsWebhookError("too-large", `The webhook body is over the limit of ${limit} bytes`);
}
