/* global Deno, process, console */
// Runs the smoke suite in the current runtime (Node, Bun, Deno) from the installed package, against the simulator
// named by argv/env (SMOKE_SIM: JSON), and prints its answer as one JSON line.
import * as client from "yclients-client";
import * as webhooks from "yclients-client/webhooks";
import { smoke } from "./smoke.mjs";

const sim = JSON.parse(globalThis.Deno ? Deno.args[0] : process.argv[2]);
console.log(JSON.stringify(await smoke(client, webhooks, sim)));
