// Starting the benchmark's helper processes: the HTTP server, and measurement children that need a
// clean heap and `--expose-gc`. Children are forked with this process's loader flags (tsx), answer
// over IPC, and are killed by their pid if they overrun their time budget.
import { fork, type ChildProcess } from "node:child_process";
import { join } from "node:path";
import type { ServerReady, ServerStats } from "./server";

export interface RunningServer {
  baseUrl: string;
  pagedBaseUrl: string;
  ready: ServerReady;
  stats(): Promise<ServerStats>;
  stop(): Promise<void>;
}

function forkTs(file: string, args: string[], extraFlags: string[] = []): ChildProcess {
  return fork(join(__dirname, file), args, {
    execArgv: [...process.execArgv, ...extraFlags],
    stdio: ["ignore", "inherit", "inherit", "ipc"],
    env: { ...process.env, DEBUG: "" },
  });
}

export async function startServer(lifetimeMs: number): Promise<RunningServer> {
  const child = forkTs("server.ts", ["--lifetime-ms", String(lifetimeMs)]);
  const ready = await new Promise<ServerReady>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("bench server did not start within 20 s")), 20_000);
    child.once("error", reject);
    child.once("exit", (code) => reject(new Error(`bench server exited early (code ${code})`)));
    child.on("message", (message: unknown) => {
      if ((message as { type?: string }).type === "ready") {
        clearTimeout(timer);
        resolve(message as ServerReady);
      }
    });
  });
  const root = `http://127.0.0.1:${ready.port}`;
  return {
    baseUrl: `${root}/api/v1`,
    pagedBaseUrl: `${root}/paged/api/v1`,
    ready,
    stats: () =>
      new Promise<ServerStats>((resolve) => {
        const onMessage = (message: unknown) => {
          if ((message as { type?: string }).type !== "stats") return;
          child.off("message", onMessage);
          resolve(message as ServerStats);
        };
        child.on("message", onMessage);
        child.send({ type: "stats" });
      }),
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        const timer = setTimeout(() => {
          if (child.pid !== undefined && child.exitCode === null) process.kill(child.pid, "SIGKILL");
        }, 3000);
        child.once("exit", () => {
          clearTimeout(timer);
          resolve();
        });
        child.send({ type: "stop" });
      }),
  };
}

/**
 * Runs `file` in a fresh Node process with `--expose-gc`, hands it `input` as JSON in argv, and resolves
 * with the first `{ type: "result" }` message it sends. Progress messages (`{ type: "progress" }`) are printed.
 */
export function runChild<T>(file: string, input: unknown, budgetMs: number, flags: string[] = []): Promise<T> {
  const child = forkTs(file, [JSON.stringify(input)], ["--expose-gc", ...flags]);
  return new Promise<T>((resolve, reject) => {
    let result: T | undefined;
    const timer = setTimeout(() => {
      if (child.pid !== undefined && child.exitCode === null) process.kill(child.pid, "SIGKILL");
      reject(new Error(`${file} ran over its ${Math.round(budgetMs / 1000)} s budget`));
    }, budgetMs);
    child.on("message", (message: unknown) => {
      const m = message as { type?: string; text?: string; value?: T };
      if (m.type === "progress" && m.text) console.log(`  ${m.text}`);
      if (m.type === "result") result = m.value;
    });
    child.once("error", reject);
    child.once("exit", (code) => {
      clearTimeout(timer);
      if (result !== undefined) resolve(result);
      else reject(new Error(`${file} exited with code ${code} and no result`));
    });
  });
}

/** Inside a child: the JSON input, and functions to report back. */
export function childInput<T>(): T {
  return JSON.parse(process.argv[2] ?? "{}") as T;
}

export function progress(text: string): void {
  if (process.send) process.send({ type: "progress", text });
  else console.log(text);
}

export async function reply(value: unknown): Promise<void> {
  if (!process.send) {
    console.log(JSON.stringify(value, null, 2));
    return;
  }
  await new Promise<void>((resolve) => process.send!({ type: "result", value }, () => resolve()));
}

export function collectGarbage(): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error("run with --expose-gc");
  gc();
  gc();
}
