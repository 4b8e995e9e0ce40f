// Money is stored in integer minor units (1250) and typed in currency units ("12.50"). The
// conversion goes through decimal strings, never floats, so 0.1 + 0.2 cannot turn into 29 cents.

/** How many minor-unit digits a currency has (EUR 2, JPY 0, KWD 3); 2 when the code is unknown. */
export function currencyDigits(currency: string | null | undefined): number {
  try {
    return new Intl.NumberFormat('en', { style: 'currency', currency: currency || 'EUR' }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    return 2;
  }
}

/** "12.5" or 12.5 → 1250 (EUR). Returns null for an empty value, NaN for something not a number. */
export function toMinorUnits(units: string | number | null | undefined, digits: number): number | null {
  if (units === null || units === undefined || units === '') return null;
  const text = typeof units === 'number' ? units.toFixed(Math.min(20, digits + 6)) : units.trim().replace(',', '.');
  const match = /^(-)?(\d*)(?:\.(\d*))?$/.exec(text);
  if (!match || (match[2] === '' && !match[3])) return Number.NaN;
  const [, minus, whole, fraction = ''] = match;
  const kept = fraction.padEnd(digits, '0').slice(0, digits);
  // Round half away from zero on the first dropped digit, as a person rounding cents would.
  const roundUp = Number(fraction.charAt(digits) || '0') >= 5 ? 1 : 0;
  const magnitude = Number(whole || '0') * 10 ** digits + Number(kept || '0') + roundUp;
  return minus && magnitude !== 0 ? -magnitude : magnitude;
}

/** 1250 → "12.50" (EUR): the string the money input shows. */
export function fromMinorUnits(minor: number | string | null | undefined, digits: number): string | null {
  if (minor === null || minor === undefined || minor === '') return null;
  const value = typeof minor === 'string' ? Number(minor) : minor;
  if (!Number.isFinite(value)) return null;
  const negative = value < 0;
  const text = String(Math.abs(Math.trunc(value))).padStart(digits + 1, '0');
  const units = digits === 0 ? text : `${text.slice(0, -digits)}.${text.slice(-digits)}`;
  return negative ? `-${units}` : units;
}
