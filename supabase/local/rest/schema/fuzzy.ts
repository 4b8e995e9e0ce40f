// Closest-name suggestions for "Perhaps you meant …" hints (a small take on FuzzySet: cosine
// similarity of character bigrams/trigrams, plus Levenshtein to rank near-ties).

function grams(text: string, n: number): Map<string, number> {
  const padded = `-${text.toLowerCase()}-`;
  const out = new Map<string, number>();
  for (let i = 0; i + n <= padded.length; i++) {
    const g = padded.slice(i, i + n);
    out.set(g, (out.get(g) ?? 0) + 1);
  }
  return out;
}

function cosine(a: Map<string, number>, b: Map<string, number>): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (const [g, v] of a) {
    na += v * v;
    dot += v * (b.get(g) ?? 0);
  }
  for (const v of b.values()) nb += v * v;
  return na && nb ? dot / Math.sqrt(na * nb) : 0;
}

function levenshtein(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let last = prev[0];
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = prev[j];
      prev[j] = Math.min(prev[j] + 1, prev[j - 1] + 1, last + (a[i - 1] === b[j - 1] ? 0 : 1));
      last = tmp;
    }
  }
  return prev[b.length];
}

/** Similarity in [0, 1] as FuzzySet scores it (Levenshtein-based after gram preselection). */
export function similarity(a: string, b: string): number {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  if (cosine(grams(x, 2), grams(y, 2)) === 0 && cosine(grams(x, 3), grams(y, 3)) === 0) return 0;
  const longest = Math.max(x.length, y.length) || 1;
  return 1 - levenshtein(x, y) / longest;
}

export function bestMatch(name: string, candidates: string[], minScore: number): string | undefined {
  let best: string | undefined;
  let bestScore = minScore;
  for (const candidate of candidates) {
    const score = similarity(name, candidate);
    if (score >= bestScore && (best === undefined || score > bestScore)) {
      best = candidate;
      bestScore = score;
    }
  }
  return best;
}
