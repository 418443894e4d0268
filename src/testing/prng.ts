// A tiny seeded PRNG (mulberry32). The simulator never uses Math.random for anything a test
// can observe, so the same seed always yields the same data and the same fault decisions.

export type Random = () => number;

/** Returns a generator of floats in [0, 1) fully determined by `seed`. */
function mulberry32(seed: number): Random {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Derives an independent stream from a seed and a label, so adding draws to one stream
 *  (say, the seed data) never shifts another (say, fault decisions). */
export function stream(seed: number, label: string): Random {
  let h = 2166136261 ^ (seed >>> 0);
  for (let i = 0; i < label.length; i++) h = Math.imul(h ^ label.charCodeAt(i), 16777619);
  return mulberry32(h >>> 0);
}

export const intBetween = (rnd: Random, min: number, max: number): number => min + Math.floor(rnd() * (max - min + 1));

export const pick = <T>(rnd: Random, items: readonly T[]): T => items[Math.floor(rnd() * items.length)];

/** A hex string of `length` characters, for tokens and record hashes. */
export function hex(rnd: Random, length: number): string {
  let out = "";
  while (out.length < length) out += Math.floor(rnd() * 16).toString(16);
  return out;
}
