// "Did you mean": the nearest known name to a misspelled one, for option and argument errors.

/** Edit distance (insertions, deletions, substitutions), case-insensitive. */
function distance(a: string, b: string): number {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  let previous = Array.from({ length: y.length + 1 }, (_, i) => i);
  for (let i = 1; i <= x.length; i++) {
    const current = [i];
    for (let j = 1; j <= y.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (x[i - 1] === y[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[y.length];
}

/** Length of the common start of two names, case-insensitive. */
function commonStart(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i].toLowerCase() === b[i].toLowerCase()) i++;
  return i;
}

/**
 * The known name nearest to `name`, or undefined when none is close: a prefix (`timeout` → `timeoutMs`) or a long
 * shared start (`maxTry` → `maxTries`) counts as near, else the edit distance must be small for the name's length.
 */
export function suggest(name: string, known: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestScore = Infinity;
  for (const candidate of known) {
    const lower = candidate.toLowerCase();
    const prefix = lower.startsWith(name.toLowerCase()) || name.toLowerCase().startsWith(lower);
    const shared = commonStart(name, candidate) >= Math.min(4, name.length - 1);
    const score = prefix ? 1 : shared ? Math.min(2, distance(name, candidate)) : distance(name, candidate);
    if (score < bestScore) {
      best = candidate;
      bestScore = score;
    }
  }
  return bestScore <= Math.max(2, Math.floor(name.length / 3)) ? best : undefined;
}
