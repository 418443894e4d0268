// A webhook receiver for YCLIENTS events on node:http. In your app, mount the handler on the route
// whose URL you register (with a secret in it); in Next.js, Workers, Deno, Bun or Hono use
// `createWebhookHandler()` instead, which takes a Request and returns a Response.
//
//   PORT=3000 WEBHOOK_SECRET=<16+ characters> npx tsx examples/webhook-receiver.ts
// `make demo` uses it to show the simulator's webhooks for a booking arriving.
import { randomBytes } from "node:crypto";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { createNodeWebhookHandler, type WebhookEvent } from "yclients-client/webhooks";

export interface WebhookReceiver {
  /** The URL to register with YCLIENTS; its last path segment is the secret. */
  url: string;
  events: WebhookEvent[];
  close(): Promise<void>;
}

export async function startWebhookReceiver(
  print: (line: string) => void = console.log,
  port = 0,
  // A real app keeps its secret in its configuration; without one, a fresh random one is made.
  secret = randomBytes(18).toString("base64url"),
): Promise<WebhookReceiver> {
  const events: WebhookEvent[] = [];
  const handle = createNodeWebhookHandler({
    urlSecret: secret,
    dedupe: true,
    on: {
      record: (event) => {
        const { data } = event;
        const what = event.status === "delete" ? "cancelled" : event.status === "create" ? "booked" : "changed";
        print(`Webhook:      record ${event.resource_id} ${what}, ${data.datetime}, ${data.services[0]?.title ?? "-"}`);
      },
      client: (event) => print(`Webhook:      client ${event.resource_id} ${event.status}d`),
      unknown: (event) => print(`Webhook:      ${event.sentResource} ${event.status} (not typed by this SDK version)`),
    },
    onEvent: (event) => void events.push(event),
    onError: (error) => print(`Webhook refused: ${error instanceof Error ? error.message : String(error)}`),
  });
  const server = createServer((req, res) => void handle(req, res));
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  const { port: bound } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${bound}/yclients/webhooks/${secret}`,
    events,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** Standalone: listens until stopped; register the printed URL with `registerWebhook()` (secret elided here). */
async function main(): Promise<void> {
  const receiver = await startWebhookReceiver(console.log, Number(process.env.PORT ?? 0), process.env.WEBHOOK_SECRET);
  console.log(`Listening at ${receiver.url.replace(/[^/]+$/, "<WEBHOOK_SECRET>")}`);
}

if (require.main === module) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
