// One cell's value, the way each format wants it. CSV is for machines (decimal points, ISO dates in
// UTC, JSON for structures); PDF is for people (the locale's money, dates and numbers); Excel gets
// typed values (numbers, dates, booleans) and a number format. Pure: no DOM, runs in the worker and
// under node.
import type { Locale } from '../catalog/spec.ts';
import type { ExportColumn } from './columns.ts';

export type Row = Record<string, unknown>;

const digitsCache = new Map<string, number>();
/** Minor units of a currency: 2 for EUR, 0 for JPY, 3 for KWD. */
export function currencyDigits(currency: string): number {
  let digits = digitsCache.get(currency);
  if (digits === undefined) {
    try {
      digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
    } catch {
      digits = 2; // not an ISO code Intl knows: cents, like most
    }
    digitsCache.set(currency, digits);
  }
  return digits;
}

export function currencyOf(column: ExportColumn, row: Row): string {
  if (column.currency && 'code' in column.currency) return column.currency.code;
  const value = column.currency ? row[column.currency.column] : null;
  return typeof value === 'string' && value.trim() ? value.trim() : 'EUR';
}

const isMissing = (value: unknown) => value === null || value === undefined || value === '';

/** bigint and numeric may arrive as strings; anything else that is not a finite number is not one. */
function toNumber(value: unknown): number | null {
  const n = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
  return Number.isFinite(n) ? n : null;
}

/** Minor units → decimal units, exact to the currency's digits. */
export function moneyUnits(minor: unknown, currency: string): number | null {
  const n = toNumber(minor);
  return n === null ? null : n / 10 ** currencyDigits(currency);
}

/** A `date` column: "2026-03-01" (a calendar day, no time zone). */
function dayOf(value: unknown): Date | null {
  if (typeof value !== 'string') return null;
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  return match ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))) : null;
}

function instantOf(value: unknown): Date | null {
  if (typeof value !== 'string' && typeof value !== 'number') return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

function structureText(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

// ─── CSV: machine-readable text ────────────────────────────────────────────────────────────────

/** The text of a cell in a CSV file (before quoting). */
export function csvText(column: ExportColumn, row: Row): string {
  const value = row[column.name];
  if (isMissing(value)) return '';
  switch (column.kind) {
    case 'money': {
      const currency = currencyOf(column, row);
      const units = moneyUnits(value, currency);
      return units === null ? String(value) : units.toFixed(currencyDigits(currency));
    }
    case 'number': return String(value);
    case 'boolean': return value ? 'true' : 'false';
    case 'date': return dayOf(value)?.toISOString().slice(0, 10) ?? String(value);
    case 'datetime': return instantOf(value)?.toISOString() ?? String(value);
    case 'json': return structureText(value);
    default: return typeof value === 'object' ? JSON.stringify(value) : String(value);
  }
}

// ─── PDF: text for people ──────────────────────────────────────────────────────────────────────

export interface DisplayWords {
  yes: string;
  no: string;
}

const intlLocale = (locale: Locale) => (locale === 'fr' ? 'fr-FR' : 'en-GB');

/** A formatter per locale and options, made once: Intl formatters are slow to build and 100k rows reuse them. */
const formatters = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();
function numberFormat(locale: Locale, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `n:${locale}:${JSON.stringify(options)}`;
  let formatter = formatters.get(key) as Intl.NumberFormat | undefined;
  if (!formatter) formatters.set(key, (formatter = new Intl.NumberFormat(intlLocale(locale), options)));
  return formatter;
}
function dateFormat(locale: Locale, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `d:${locale}:${JSON.stringify(options)}`;
  let formatter = formatters.get(key) as Intl.DateTimeFormat | undefined;
  if (!formatter) formatters.set(key, (formatter = new Intl.DateTimeFormat(intlLocale(locale), options)));
  return formatter;
}

/** The text of a cell in the PDF, formatted for the locale (dates and times in the reader's time zone). */
export function displayText(column: ExportColumn, row: Row, locale: Locale, words: DisplayWords): string {
  const value = row[column.name];
  if (isMissing(value)) return '';
  switch (column.kind) {
    case 'money': {
      const currency = currencyOf(column, row);
      const units = moneyUnits(value, currency);
      if (units === null) return String(value);
      try {
        return numberFormat(locale, { style: 'currency', currency }).format(units);
      } catch {
        return `${numberFormat(locale, { minimumFractionDigits: 2 }).format(units)} ${currency}`;
      }
    }
    case 'number': {
      const n = toNumber(value);
      return n === null ? String(value) : numberFormat(locale, { maximumFractionDigits: 6 }).format(n);
    }
    case 'boolean': return value ? words.yes : words.no;
    case 'date': {
      const day = dayOf(value);
      return day ? dateFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(day) : String(value);
    }
    case 'datetime': {
      const instant = instantOf(value);
      return instant ? dateFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(instant) : String(value);
    }
    case 'json':
      return Array.isArray(value) && value.every((item) => typeof item !== 'object' || item === null)
        ? value.map((item) => String(item ?? '')).join(', ')
        : structureText(value);
    default:
      if (typeof value === 'string' && column.valueLabels) return column.valueLabels[value] ?? value;
      return typeof value === 'object' ? JSON.stringify(value) : String(value);
  }
}

// ─── Excel: typed values ───────────────────────────────────────────────────────────────────────

export interface ExcelCell {
  value: string | number | boolean | Date | null;
  /** Excel number format, for money and dates. */
  numFmt?: string;
}

/** Excel's format for an amount: grouping, the currency's digits, and its code after the number. */
export function moneyFormat(currency: string): string {
  const digits = currencyDigits(currency);
  const decimals = digits > 0 ? `.${'0'.repeat(digits)}` : '';
  return `#,##0${decimals} "${currency.replace(/"/g, '')}";-#,##0${decimals} "${currency.replace(/"/g, '')}"`;
}

export const EXCEL_DATE_FORMAT = 'yyyy-mm-dd';
export const EXCEL_DATETIME_FORMAT = 'yyyy-mm-dd hh:mm';

/**
 * Excel has no time zones: a timestamp is written as the wall-clock time of the reader's zone
 * (what the admin showed them), a calendar day as that day.
 */
export function excelCell(column: ExportColumn, row: Row, timeZoneOffsetMinutes = (date: Date) => date.getTimezoneOffset()): ExcelCell {
  const value = row[column.name];
  if (isMissing(value)) return { value: null };
  switch (column.kind) {
    case 'money': {
      const currency = currencyOf(column, row);
      const units = moneyUnits(value, currency);
      return units === null ? { value: String(value) } : { value: units, numFmt: moneyFormat(currency) };
    }
    case 'number': {
      const n = toNumber(value);
      // Beyond 2^53 a number loses digits: keep big identifiers as text rather than round them.
      return n === null || !Number.isSafeInteger(Math.trunc(n)) ? { value: String(value) } : { value: n };
    }
    case 'boolean': return { value: Boolean(value) };
    case 'date': {
      const day = dayOf(value);
      return day ? { value: day, numFmt: EXCEL_DATE_FORMAT } : { value: String(value) };
    }
    case 'datetime': {
      const instant = instantOf(value);
      if (!instant) return { value: String(value) };
      const wallClock = new Date(instant.getTime() - timeZoneOffsetMinutes(instant) * 60_000);
      return { value: wallClock, numFmt: EXCEL_DATETIME_FORMAT };
    }
    case 'json': return { value: structureText(value) };
    default: return { value: typeof value === 'object' ? JSON.stringify(value) : String(value) };
  }
}
