// Tokens and record hashes the simulator hands out while running. They come from a seeded
// stream of their own, so a replayed test sees the same values in the same order.
import { hex, stream, type Random } from "./prng.js";
import type { SimulatorState } from "./state.js";

const streams = new WeakMap<SimulatorState, Random>();

export function newSecret(state: SimulatorState, prefix = ""): string {
  let rnd = streams.get(state);
  if (!rnd) streams.set(state, (rnd = stream(state.seed, "secrets")));
  return prefix + hex(rnd, 32);
}
