// Tokens and record hashes the simulator hands out while running. They come from a seeded
// stream of their own, so a replayed test sees the same values in the same order.
import { hex, stream } from "./prng.js";
import type { SimulatorState } from "./state.js";

export const newSecret = (state: SimulatorState, prefix = ""): string =>
  prefix + hex((state.secrets ??= stream(state.seed, "secrets")), 32);
