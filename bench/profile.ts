// A profiling target, not part of `make bench`: runs one contender against the benchmark server so
// `node --cpu-prof` can show where its time goes. For example:
//   node --cpu-prof --cpu-prof-dir=bench/tmp/prof --import tsx bench/profile.ts sdk-typed small 64 20000
//   node --cpu-prof --cpu-prof-dir=bench/tmp/prof --import tsx bench/profile.ts openapi-fetch small 64 20000
// Arguments: contender id (fetch, axios, openapi-fetch, sdk-typed, sdk-friendly), body (small | page),
// requests in flight, requests. It warms up with a fifth of the requests first, then prints the rate
// and the client CPU per request of the measured part.
import { performance } from "node:perf_hooks";
import { checkAnswer, makeContenders } from "./contenders";
import { startServer } from "./processes";

async function main(): Promise<void> {
  const [id = "sdk-typed", body = "small", wide = "64", count = "20000"] = process.argv.slice(2);
  const inFlight = Number(wide);
  const requests = Number(count);
  if (body !== "small" && body !== "page") throw new Error("body must be small or page");
  const server = await startServer(10 * 60_000);
  try {
    const contender = (await makeContenders(server.baseUrl)).find((c) => c.id === id);
    if (!contender) throw new Error(`no contender ${id}`);
    const call = body === "small" ? () => contender.small() : () => contender.page();
    checkAnswer(contender, body, await call());
    const run = async (n: number) => {
      let started = 0;
      const worker = async () => {
        while (started++ < n) await call();
      };
      await Promise.all(Array.from({ length: inFlight }, worker));
    };
    await run(Math.ceil(requests / 5));
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    await run(requests);
    const seconds = (performance.now() - t0) / 1000;
    const cpu = process.cpuUsage(cpu0);
    console.log(
      `${id} ${body} x${inFlight}: ${Math.round(requests / seconds)} req/s, ` +
        `${Math.round((cpu.user + cpu.system) / requests)} µs client CPU per request`,
    );
  } finally {
    await server.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
