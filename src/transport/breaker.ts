// One circuit breaker per client (shared with its scoped clients): after N consecutive failures every
// call fails fast for a while, then one trial request decides whether to close it again.
//
// cockatiel's ConsecutiveBreaker counts the failures. The states around it are ours, not cockatiel's
// CircuitBreakerPolicy, because that policy (3.2.x) makes every caller arriving during the half-open trial
// await the trial, with no way for the caller's AbortSignal to end the wait, and it counts a trial that
// ended in an abort as a success, closing the circuit on no evidence. Here, while a trial is in flight
// other calls fail fast, and an aborted attempt decides nothing.
import { BrokenCircuitError, ConsecutiveBreaker } from "cockatiel";
import type { BreakerSettings } from "../config.js";
import { log as defaultLog, type Log } from "../log.js";
import { isBreakerFailure } from "./decisions.js";

/** Monotonic milliseconds: a wall clock stepped back (NTP, a VM resumed) must not hold the circuit open. */
const now = (): number => performance.now();

type State = { value: "closed" } | { value: "open"; since: number } | { value: "halfOpen" };

export class CircuitBreaker {
  private state: State = { value: "closed" };
  private readonly counter: ConsecutiveBreaker;

  constructor(
    private readonly settings: BreakerSettings,
    private readonly log: Log = defaultLog,
  ) {
    this.counter = new ConsecutiveBreaker(settings.failures);
  }

  /** Whether an attempt started now would be refused: open and still cooling down, or a trial in flight. */
  refusesNow(): boolean {
    if (this.state.value === "halfOpen") return true;
    return this.state.value === "open" && now() - this.state.since < this.settings.halfOpenAfterMs;
  }

  /**
   * Runs one attempt, or throws cockatiel's `BrokenCircuitError` without running it. Only what the server
   * did counts: an answer (5xx = failure) or a failed attempt (timeout, network). Any other error, such as
   * the caller's abort, says nothing about the server and decides nothing.
   */
  async execute<T>(attempt: () => Promise<T>): Promise<T> {
    if (this.refusesNow()) throw new BrokenCircuitError();
    const trial = this.state.value === "open";
    if (trial) this.enter({ value: "halfOpen" });
    let result: T;
    try {
      result = await attempt();
    } catch (error) {
      if (isBreakerFailure(error)) this.record(trial, true);
      else this.undecided(trial);
      throw error;
    }
    this.record(trial, isBreakerFailure(result));
    return result;
  }

  private record(trial: boolean, failed: boolean): void {
    if (trial) {
      if (failed) this.counter.failure();
      else this.counter.success();
      this.enter(failed ? { value: "open", since: now() } : { value: "closed" });
      return;
    }
    // An attempt that started while closed but ends after the circuit opened changes nothing.
    if (this.state.value !== "closed") return;
    if (!failed) this.counter.success();
    else if (this.counter.failure()) this.enter({ value: "open", since: now() });
  }

  /** A trial that ended without a verdict (aborted): open again, cool-down already over, so the next call may try. */
  private undecided(trial: boolean): void {
    if (trial) this.enter({ value: "open", since: now() - this.settings.halfOpenAfterMs });
  }

  private enter(state: State): void {
    if (state.value !== this.state.value && this.log.breaker.enabled)
      this.log.breaker({ state: state.value }, "circuit %s", state.value);
    this.state = state;
  }
}
