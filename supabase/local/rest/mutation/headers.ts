// Response headers of writes and calls as PostgREST builds them: Content-Range, Preference-Applied
// and Location.
import { ApiError } from '../errors.ts';
import type { Preferences } from '../prefer.ts';

/** PostgREST's contentRangeH: `lower-upper/total`, `*` for an empty range, `*` for an unknown total. */
export function contentRange(lower: number, upper: number, total: number | undefined): string {
  const totalText = total === undefined ? '*' : String(total);
  const range = total !== 0 && lower <= upper ? `${lower}-${upper}` : '*';
  return `${range}/${totalText}`;
}

export const shouldCount = (prefs: Preferences) => prefs.count === 'exact' || prefs.count === 'estimated';

export type AppliedKey = 'resolution' | 'missing' | 'return' | 'params' | 'count' | 'handling' | 'timezone' | 'max-affected';

const ORDER: AppliedKey[] = ['resolution', 'missing', 'return', 'params', 'count', 'handling', 'timezone', 'max-affected'];

/**
 * Preference-Applied for the preferences this kind of request honours, in PostgREST's order.
 * `tx` is never applied: hosted Supabase does not let a request override the transaction end.
 * A valid `timezone` is applied to every request (service.ts sets it). `max-affected` only with handling=strict.
 */
export function preferenceApplied(prefs: Preferences, honoured: AppliedKey[]): string | undefined {
  const values: string[] = [];
  for (const key of ORDER) {
    if (!honoured.includes(key) && key !== 'timezone') continue;
    const value = key === 'max-affected' ? (prefs.handling === 'strict' ? prefs.maxAffected : undefined) : prefs[key];
    if (value !== undefined) values.push(`${key}=${value}`);
  }
  return values.length ? values.join(', ') : undefined;
}

/** Percent-encoding of a query-string part as http-types' urlEncode: only A-Z a-z 0-9 - _ . ~ are kept. */
function queryEncode(text: string): string {
  let out = '';
  for (const byte of Buffer.from(text, 'utf8')) {
    const ch = String.fromCharCode(byte);
    out += /[A-Za-z0-9\-_.~]/.test(ch) ? ch : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

/** `/table?k1=eq.1&k2=eq.x` from the primary key of the first row written. */
export function locationHeader(table: string, keys: string[], values: Array<string | null>): string {
  const query = keys
    .map((key, i) => {
      const value = values[i];
      return `${queryEncode(key)}=${queryEncode(value === null ? 'is.null' : `eq.${value}`)}`;
    })
    .join('&');
  return `/${table}?${query}`;
}

/** Prefer: handling=strict, max-affected=n — more affected rows than n is a 400 PGRST124 (rolled back). */
export function checkMaxAffected(prefs: Preferences, affected: number): void {
  if (prefs.handling === 'strict' && prefs.maxAffected !== undefined && affected > prefs.maxAffected) {
    throw new ApiError(400, 'PGRST124', 'Query result exceeds max-affected preference constraint', `The query affects ${affected} rows`);
  }
}
