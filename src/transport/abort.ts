// One abort listener per signal, however many calls share it. Node warns (MaxListenersExceededWarning)
// once an AbortSignal has more than 10 listeners, so a program passing one request-scoped signal to
// 50 concurrent calls would trip it. Calls register here instead, and the signal carries a single
// listener that fans out to them.

interface Fanout {
  callbacks: Set<() => void>;
  fire: () => void;
}

const fanouts = new WeakMap<AbortSignal, Fanout>();

/**
 * Calls `onAbort` once when `signal` aborts. Returns the function that unsubscribes; the signal's own
 * listener goes with the last subscriber, so nothing outlives the calls that needed it.
 */
export function subscribeAbort(signal: AbortSignal, onAbort: () => void): () => void {
  let fanout = fanouts.get(signal);
  if (!fanout) {
    const callbacks = new Set<() => void>();
    const fire = () => {
      fanouts.delete(signal);
      for (const callback of callbacks) callback();
    };
    fanout = { callbacks, fire };
    fanouts.set(signal, fanout);
    signal.addEventListener("abort", fire, { once: true });
  }
  const own = fanout;
  own.callbacks.add(onAbort);
  return () => {
    if (!own.callbacks.delete(onAbort) || own.callbacks.size > 0) return;
    if (fanouts.get(signal) === own) fanouts.delete(signal);
    signal.removeEventListener("abort", own.fire);
  };
}
