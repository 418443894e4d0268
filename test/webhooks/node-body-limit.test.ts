// The node:http adapter's body limit on streamed bodies, over real HTTP on 127.0.0.1: a chunked body with no
// content-length, and one whose content-length understates it (a proxy or middleware that rewrote the header),
// are both cut off at the limit with 413, and no callback runs.
import { createServer, request, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { createNodeWebhookHandler, YclientsWebhookError, type WebhookReceiverOptions } from "../../src/webhooks/index";

const LIMIT = 64 * 1024;
const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((resolve) => s.close(resolve))));
});

async function start(rewriteLength?: string) {
  const seen = { callbacks: 0, errors: [] as unknown[] };
  const options: WebhookReceiverOptions = {
    maxBodyBytes: LIMIT,
    respond: "process",
    on: { record: () => void seen.callbacks++, unknown: () => void seen.callbacks++ },
    onEvent: () => void seen.callbacks++,
    onError: (error) => void seen.errors.push(error),
  };
  const handle = createNodeWebhookHandler(options);
  const server = createServer((req, res) => {
    if (rewriteLength !== undefined) req.headers["content-length"] = rewriteLength;
    void handle(req, res);
  });
  servers.push(server);
  server.on("clientError", (_e, socket) => socket.destroy());
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { port: (server.address() as AddressInfo).port, seen };
}

/** POSTs up to `total` bytes in 16 KiB chunks (chunked, no content-length) until the server answers. */
function sendChunked(port: number, total: number): Promise<{ status: number; body: string; sent: number }> {
  return new Promise((resolve, reject) => {
    let sent = 0;
    let answered = false;
    const req = request({
      host: "127.0.0.1",
      port,
      method: "POST",
      path: "/hooks",
      headers: { "content-type": "application/json" },
    });
    req.on("response", (res: IncomingMessage) => {
      answered = true;
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString(), sent }));
      res.on("error", reject);
    });
    req.on("error", (error) => (answered ? undefined : reject(error)));
    // A body that is valid JSON text if read whole: one long string.
    const chunk = Buffer.alloc(16 * 1024, 0x61);
    const write = () => {
      if (sent === 0) {
        req.write('"');
        sent = 1;
      }
      while (!answered && sent < total) {
        sent += chunk.length;
        if (!req.write(chunk)) return void req.once("drain", write);
      }
      if (!answered) req.end('"');
    };
    write();
  });
}

describe("node adapter: a streamed body over the limit", () => {
  it("is refused with 413 when chunked with no content-length, and no callback runs", async () => {
    const { port, seen } = await start();
    const answer = await sendChunked(port, 10 * 1024 * 1024);
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.body)).toMatchObject({ ok: false, error: "too-large" });
    expect(answer.sent).toBeLessThan(10 * 1024 * 1024); // the answer came before the whole body was sent
    expect(seen.callbacks).toBe(0);
    expect(seen.errors.map((e) => (e as YclientsWebhookError).reason)).toEqual(["too-large"]);
  });

  it("is refused with 413 when its content-length understates it, and no callback runs", async () => {
    const { port, seen } = await start("100");
    const answer = await sendChunked(port, 10 * 1024 * 1024);
    expect(answer.status).toBe(413);
    expect(seen.callbacks).toBe(0);
    expect(seen.errors.map((e) => (e as YclientsWebhookError).reason)).toEqual(["too-large"]);
  });

  it("is read whole when it is just under the limit (so the limit, not the chunking, refuses)", async () => {
    const { port, seen } = await start();
    const answer = await sendChunked(port, LIMIT - 16 * 1024);
    expect(answer.status).toBe(400); // read whole: a JSON string is not an event
    expect(JSON.parse(answer.body)).toMatchObject({ ok: false, error: "not-an-event" });
    expect(seen.callbacks).toBe(0);
  });
});
