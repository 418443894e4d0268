// Thin adapters for node:http and Express-style `(req, res)`. With Express, mount it before any body
// parser, or after `express.raw()` / `express.json()`: a body already read (`req.body`) is used as is.
import type { IncomingMessage, ServerResponse } from "node:http";
import { tooLarge } from "./handler.js";
import { WebhookReceiver, type DeliveryAnswer, type WebhookReceiverOptions } from "./receiver.js";

/** The parts of Express's request this adapter reads, beyond node's own. */
type NodeRequest = IncomingMessage & { body?: unknown; originalUrl?: string };

export type NodeWebhookHandler = (req: NodeRequest, res: ServerResponse) => Promise<void>;

/** Bytes read and thrown away after a 413, before the connection is cut. */
const DRAIN_FACTOR = 16;

export function createNodeWebhookHandler(options: WebhookReceiverOptions = {}): NodeWebhookHandler {
  const receiver = new WebhookReceiver(options);
  return async (req, res) => {
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
  };
}

/** The body, or undefined as soon as it passes `limit` (the rest is left unread). */
function readLimited(req: IncomingMessage, limit: number): Promise<Uint8Array | undefined> {
  return new Promise((resolve, reject) => {
    if (Number(req.headers["content-length"] ?? NaN) > limit) return resolve(undefined);
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.off("data", onData);
        req.off("end", onEnd);
        chunks.length = 0;
        resolve(undefined);
      } else chunks.push(chunk);
    };
    const onEnd = () => resolve(Buffer.concat(chunks));
    req.on("data", onData);
    req.on("end", onEnd);
    req.on("error", reject);
  });
}

/**
 * Reads and drops what is left of a refused body, so the sender can finish writing and read the 413
 * instead of seeing a reset; past `max` bytes the socket is closed.
 */
function drain(req: IncomingMessage, max: number): void {
  let size = 0;
  req.on("data", (chunk: Buffer) => {
    size += chunk.length;
    if (size > max) req.destroy();
  });
  req.resume();
}

function send(res: ServerResponse, answer: DeliveryAnswer, close = false): void {
  if (res.headersSent) return;
  const text = JSON.stringify(answer.body);
  res.writeHead(answer.status, {
    "content-type": "application/json; charset=utf-8",
    "content-length": Buffer.byteLength(text),
    ...(close ? { connection: "close" } : {}),
    ...answer.headers,
  });
  res.end(text);
}
