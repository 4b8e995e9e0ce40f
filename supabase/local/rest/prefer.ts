// The Prefer request header (RFC 7240) as PostgREST reads it.
import { ApiError } from './errors.ts';

export interface Preferences {
  return?: 'minimal' | 'headers-only' | 'representation';
  count?: 'exact' | 'planned' | 'estimated';
  resolution?: 'merge-duplicates' | 'ignore-duplicates';
  missing?: 'default' | 'null';
  handling?: 'strict' | 'lenient';
  tx?: 'commit' | 'rollback';
  params?: 'single-object';
  timezone?: string;
  maxAffected?: number;
  /** Preferences that were not understood, as sent. */
  invalid: string[];
}

const ALLOWED: Record<string, readonly string[]> = {
  return: ['minimal', 'headers-only', 'representation'],
  count: ['exact', 'planned', 'estimated'],
  resolution: ['merge-duplicates', 'ignore-duplicates'],
  missing: ['default', 'null'],
  handling: ['strict', 'lenient'],
  tx: ['commit', 'rollback'],
  params: ['single-object'],
};

/** `timezones`: the names Postgres knows; a timezone preference not among them is invalid. */
export function parsePrefer(header: string | string[] | undefined, timezones?: Set<string>): Preferences {
  const prefs: Preferences = { invalid: [] };
  const text = Array.isArray(header) ? header.join(',') : header ?? '';
  for (const raw of text.split(',')) {
    const item = raw.trim();
    if (!item) continue;
    const eq = item.indexOf('=');
    const key = (eq < 0 ? item : item.slice(0, eq)).trim();
    const value = eq < 0 ? '' : item.slice(eq + 1).trim();
    if (key in ALLOWED && ALLOWED[key].includes(value)) {
      if ((prefs as unknown as Record<string, unknown>)[key] === undefined) (prefs as unknown as Record<string, unknown>)[key] = value;
    } else if (key === 'timezone' && value && (!timezones || timezones.has(value))) prefs.timezone ??= value;
    else if (key === 'max-affected' && /^\d+$/.test(value)) prefs.maxAffected ??= Number(value);
    else prefs.invalid.push(item);
  }
  return prefs;
}

/** With `handling=strict`, unknown preferences are a 400 PGRST122. */
export function checkStrictPreferences(prefs: Preferences): void {
  if (prefs.handling === 'strict' && prefs.invalid.length) {
    throw new ApiError(400, 'PGRST122', 'Invalid preferences given with handling=strict', `Invalid preferences: ${prefs.invalid.join(', ')}`);
  }
}

/** Preference-Applied of a read: count, handling and timezone, in PostgREST's order. */
export function readPreferenceApplied(prefs: Preferences): string | undefined {
  const values = [
    prefs.count && `count=${prefs.count}`,
    prefs.handling && `handling=${prefs.handling}`,
    prefs.timezone && `timezone=${prefs.timezone}`,
  ].filter((v): v is string => !!v);
  return values.length ? values.join(', ') : undefined;
}
