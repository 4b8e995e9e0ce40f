// Content-Location of a read: `/table?` and the query string in PostgREST's canonical form
// (parameters sorted by name, values of a repeated name joined by commas, percent-encoded).
import type { QueryParams } from '../query/types.ts';

function encode(text: string): string {
  let out = '';
  for (const byte of Buffer.from(text, 'utf8')) {
    const ch = String.fromCharCode(byte);
    out += /[A-Za-z0-9\-_.~]/.test(ch) ? ch : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

export function canonicalQuery(raw: QueryParams['raw']): string {
  const sorted = [...raw].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const parts: string[] = [];
  const seen = new Set<string>();
  for (const [name] of sorted) {
    if (seen.has(name)) continue;
    seen.add(name);
    const values = sorted.filter(([n]) => n === name).map(([, v]) => encode(v));
    parts.push(`${encode(name)}=${values.join(',')}`);
  }
  return parts.join('&');
}

export function contentLocation(table: string, raw: QueryParams['raw']): string {
  const query = canonicalQuery(raw);
  return `/${table}${query ? `?${query}` : ''}`;
}
