// A closed-loop load generator: `concurrency` workers each run `operation` back to back for
// `seconds`, recording every latency. Used for the REST side and the raw pg side alike.
export interface Sample {
  latencies: number[];
  seconds: number;
}

export interface Summary {
  requests: number;
  perSecond: number;
  p50: number;
  p99: number;
}

export async function runLoad(operation: () => Promise<void>, concurrency: number, seconds: number): Promise<Sample> {
  const latencies: number[] = [];
  const started = performance.now();
  const deadline = started + seconds * 1000;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < deadline) {
        const t0 = performance.now();
        await operation();
        latencies.push(performance.now() - t0);
      }
    }),
  );
  return { latencies, seconds: (performance.now() - started) / 1000 };
}

/** Combines several samples of one operation (taken in alternation with another) into one summary. */
export function summarize(samples: Sample[]): Summary {
  const latencies = samples.flatMap((s) => s.latencies).sort((a, b) => a - b);
  const seconds = samples.reduce((sum, s) => sum + s.seconds, 0);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))];
  return { requests: latencies.length, perSecond: latencies.length / seconds, p50: at(0.5), p99: at(0.99) };
}
