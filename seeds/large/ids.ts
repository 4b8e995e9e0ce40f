// Deterministic identifiers and draws for the large seed. Every table draws from a generator of
// its own (seed + table name), so tables can be generated in any order, or in parallel, and still
// come out the same.
import { Random } from '../random.ts';

/** A generator for one stream of rows: the same seed and name always give the same draws. */
export function rng(seed: number, name: string): Random {
  let h = seed >>> 0;
  for (let i = 0; i < name.length; i++) h = Math.imul(h ^ name.charCodeAt(i), 0x01000193) >>> 0;
  return new Random(h ^ 0x5bd1e995);
}

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

function hex32(n: number): string {
  return HEX[(n >>> 24) & 255] + HEX[(n >>> 16) & 255] + HEX[(n >>> 8) & 255] + HEX[n & 255];
}

/**
 * A UUIDv7 (RFC 9562): the row's creation time in milliseconds, then PRNG bits. Rows made in time
 * order get ascending ids, so primary-key and foreign-key indexes fill at their right edge (fast
 * loads, compact indexes), as with any database that issues v7 ids.
 */
export function uuid7(random: Random, ms: number): string {
  const high = Math.floor(ms / 0x10000) >>> 0;
  const low = ms % 0x10000;
  const r1 = (random.next() * 0x100000000) >>> 0;
  const r2 = (random.next() * 0x100000000) >>> 0;
  const r3 = (random.next() * 0x100000000) >>> 0;
  const a = hex32(high);
  const b = HEX[(low >>> 8) & 255] + HEX[low & 255];
  const c = '7' + hex32(r1).slice(0, 3);
  const d = HEX[0x80 | ((r1 >>> 8) & 0x3f)] + HEX[r1 & 255];
  return `${a}-${b}-${c}-${d}-${hex32(r2)}${hex32(r3).slice(0, 4)}`;
}

/** Zipf-like weights 1/(i+1)^s: a few heavy items, a long tail. */
export function zipfWeights(n: number, s: number): number[] {
  return Array.from({ length: n }, (_, i) => 1 / (i + 1) ** s);
}

/** Draws indexes in proportion to weights (cumulative table + binary search: O(log n) a draw). */
export class WeightedIndex {
  private readonly cumulative: Float64Array;
  private readonly total: number;

  constructor(weights: ArrayLike<number>) {
    this.cumulative = new Float64Array(weights.length);
    let sum = 0;
    for (let i = 0; i < weights.length; i++) this.cumulative[i] = sum += weights[i];
    this.total = sum;
  }

  get length(): number {
    return this.cumulative.length;
  }

  /** An index in [0, limit) (default: all), in proportion to the weights. */
  draw(random: Random, limit = this.cumulative.length): number {
    const roll = random.next() * (limit === this.cumulative.length ? this.total : this.cumulative[limit - 1]);
    let lo = 0;
    let hi = limit - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.cumulative[mid] > roll) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }
}

/** The VAT included in a price, rounded half up as Postgres's round(numeric) does for positives. */
export function includedTax(lineTotalCents: number, rateBp: number): number {
  const denominator = 10000 + rateBp;
  return Math.floor((2 * lineTotalCents * rateBp + denominator) / (2 * denominator));
}

export const DAY = 86_400_000;

export function iso(ms: number): string {
  return new Date(ms).toISOString();
}
