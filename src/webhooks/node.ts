// Thin adapters for node:http and Express-style `(req, res)`. With Express, mount it before any body
// parser, or after `express.raw()` / `express.json()`: a body already read (`req.body`) is used as is.
// The request and response are typed by the few members used, so the declarations need no @types/node.
import { concatBytes, tooLarge } from "./handler.js";
import { WebhookReceiver, type DeliveryAnswer, type WebhookReceiverOptions } from "./receiver.js";

/** What the adapter reads of node's IncomingMessage (and of Express's request: `body`, `originalUrl`). */
export interface NodeWebhookRequest {
  method?: string;
  url?: string;
  headers: Record<string, string | string[] | undefined>;
  readable: boolean;
  on(event: "data", listener: (chunk: Uint8Array) => void): unknown;
  on(event: "end", listener: () => void): unknown;
  on(event: "error", listener: (error: Error) => void): unknown;
  off(event: "data", listener: (chunk: Uint8Array) => void): unknown;
  off(event: "end", listener: () => void): unknown;
  resume(): unknown;
  destroy(): unknown;
  body?: unknown;
  originalUrl?: string;
}

/** What the adapter uses of node's ServerResponse. */
export interface NodeWebhookResponse {
  readonly headersSent: boolean;
  writeHead(status: number, headers: Record<string, string | number>): unknown;
  end(body: string): unknown;
}

export type NodeWebhookHandler = (req: NodeWebhookRequest, res: NodeWebhookResponse) => Promise<void>;

/** Bytes read and thrown away after a 413, before the connection is cut. */
const DRAIN_FACTOR = 16;

export function createNodeWebhookHandler(options: WebhookReceiverOptions = {}): NodeWebhookHandler {
  const receiver = new WebhookReceiver(options);
  return async (req, res) => {
    try {
      await handle(req, res);
    } catch (error) {
      // The request stream failed (the sender hung up): nothing was accepted.
      await Promise.resolve(options.onError?.(error)).catch(() => undefined);
      if (!res.headersSent) send(res, { status: 400, body: failed, processed: Promise.resolve() }, true);
    }
  };

  async function handle(req: NodeWebhookRequest, res: NodeWebhookResponse): Promise<void> {
    const url = req.originalUrl ?? req.url ?? "/";
    const method = req.method ?? "GET";
    if (req.body !== undefined && !req.readable) {
      // A body parser ran already: a Buffer, a string or parsed JSON.
      send(res, await receiver.receive({ method, url, body: req.body }));
      return;
    }
    const body = await readLimited(req, receiver.maxBodyBytes);
    if (body === undefined) {
      send(res, await receiver.refused(tooLarge(receiver.maxBodyBytes)), true);
      drain(req, receiver.maxBodyBytes * DRAIN_FACTOR);
      return;
    }
    send(res, await receiver.receive({ method, url, body }));
  }
}

const failed = { ok: false as const, error: "read-failed", message: "The request body could not be read" };

/** The body, or undefined as soon as it passes `limit` (the rest is left unread). */
function readLimited(req: NodeWebhookRequest, limit: number): Promise<Uint8Array | undefined> {
  return new Promise((resolve, reject) => {
    if (Number(req.headers["content-length"] ?? NaN) > limit) return resolve(undefined);
    const chunks: Uint8Array[] = [];
    let size = 0;
    const onData = (chunk: Uint8Array) => {
      size += chunk.byteLength;
      if (size > limit) {
        req.off("data", onData);
        req.off("end", onEnd);
        chunks.length = 0;
        resolve(undefined);
      } else chunks.push(chunk);
    };
    const onEnd = () => resolve(concatBytes(chunks, size));
    req.on("data", onData);
    req.on("end", onEnd);
    req.on("error", reject);
  });
}

/**
 * Reads and drops what is left of a refused body, so the sender can finish writing and read the 413
 * instead of seeing a reset; past `max` bytes the socket is closed.
 */
function drain(req: NodeWebhookRequest, max: number): void {
  let size = 0;
  req.on("data", (chunk: Uint8Array) => {
    size += chunk.byteLength;
    if (size > max) req.destroy();
  });
  req.resume();
}

function send(res: NodeWebhookResponse, answer: DeliveryAnswer, close = false): void {
  if (res.headersSent) return;
  const text = JSON.stringify(answer.body);
  res.writeHead(answer.status, {
    "content-type": "application/json; charset=utf-8",
    "content-length": new TextEncoder().encode(text).byteLength,
    ...(close ? { connection: "close" } : {}),
    ...answer.headers,
  });
  res.end(text);
}
