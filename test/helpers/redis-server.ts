// A redis-server of the test's (or bench's) own on a free loopback port, never the shared one, so it can be frozen
// (SIGSTOP/SIGCONT), killed (SIGKILL) and started again empty by its PID.
import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import Redis from "ioredis";

export const START_REDIS_HINT = "apt-get install redis-server (or brew install redis)";

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Starts redis-server on `port` without persistence (a restart is empty) and waits until it answers. */
export async function startRedisServer(port: number): Promise<ChildProcess> {
  const child = spawn(
    "redis-server",
    ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
    { stdio: "ignore" },
  );
  const failed = new Promise<never>((_, reject) =>
    child.once("error", (e) => reject(new Error(`cannot run redis-server (${e.message}); ${START_REDIS_HINT}`))),
  );
  const probe = new Redis(port, "127.0.0.1", { lazyConnect: true, retryStrategy: () => 50, maxRetriesPerRequest: 0 });
  probe.on("error", () => undefined);
  try {
    for (let i = 0; i < 100; i++) {
      const ok = await Promise.race([
        probe.ping().then(
          () => true,
          () => false,
        ),
        failed,
      ]);
      if (ok) return child;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`redis-server on port ${port} did not answer`);
  } finally {
    probe.disconnect();
  }
}

export function stopped(child: ChildProcess): Promise<void> {
  return new Promise((resolve) =>
    child.exitCode !== null || child.signalCode !== null ? resolve() : child.once("exit", () => resolve()),
  );
}

/** SIGKILL, and waits until the process is gone. */
export async function killRedisServer(child: ChildProcess): Promise<void> {
  if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  await stopped(child);
}
