// Go's time.ParseDuration, for admin ban_duration ("24h", "1h30m", "90s"): milliseconds, or
// undefined when the text is not a duration.
const UNIT_MS: Record<string, number> = { ns: 1e-6, us: 1e-3, 'µs': 1e-3, ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

export function parseGoDuration(text: string): number | undefined {
  const parts = [...text.matchAll(/(\d+(?:\.\d+)?)(ns|us|µs|ms|s|m|h)/g)];
  if (parts.length === 0 || parts.map((p) => p[0]).join('') !== text) return undefined;
  return parts.reduce((total, p) => total + Number(p[1]) * UNIT_MS[p[2]], 0);
}
