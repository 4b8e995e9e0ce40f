// French by default, English available. Messages live per screen area in messages/*.ts, each
// exporting { fr, en } trees with the same keys (tests/admin/i18n.test.ts checks they match).
import type { I18nProvider } from '@refinedev/core';
import dayjs from 'dayjs';
import 'dayjs/locale/fr';
import 'dayjs/locale/en';
// antd's en_GB date pickers ask dayjs for 'en-gb' (weeks from Monday); without it they fall back to US 'en'.
import 'dayjs/locale/en-gb';
import type { Locale } from '../catalog/spec.ts';
import { labelOf } from './valueLabels.ts';

type Tree = { [key: string]: string | Tree };
const modules = import.meta.glob<{ default: { fr: Tree; en: Tree } }>('./messages/*.ts', { eager: true });

function flatten(tree: Tree, prefix = '', into: Record<string, string> = {}) {
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') into[path] = value;
    else flatten(value, path, into);
  }
  return into;
}

const dictionaries: Record<Locale, Record<string, string>> = { fr: {}, en: {} };
for (const module of Object.values(modules)) {
  Object.assign(dictionaries.fr, flatten(module.default.fr));
  Object.assign(dictionaries.en, flatten(module.default.en));
}

const STORAGE_KEY = 'comptoir-locale';
let current: Locale = (localStorage.getItem(STORAGE_KEY) as Locale | null) ?? 'fr';
dayjs.locale(current);

export function getLocale(): Locale {
  return current;
}

export function setLocale(locale: Locale) {
  current = locale;
  localStorage.setItem(STORAGE_KEY, locale);
  dayjs.locale(locale);
  document.documentElement.lang = locale;
}

/** Translates `key`, filling {{name}} placeholders; falls back to the default, then to the key. */
export function t(key: string, params?: Record<string, unknown>, fallback?: string): string {
  const text = dictionaries[current][key] ?? fallback ?? key;
  if (!params) return text;
  return text.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name: string) => String(params[name] ?? ''));
}

/**
 * A stored value (status, kind, channel…) in the user's language: valueLabel('status', 'pending', 'orders')
 * → « En attente ». `table` picks the word that agrees with the row's noun (« Annulée » for an order,
 * « Annulé » for a payment); a value without a message shows as stored.
 */
export function valueLabel(column: string, value: string, table?: string): string {
  return labelOf(dictionaries[current], column, value, table);
}

export const i18nProvider: I18nProvider = {
  translate: (key, options, fallback) => {
    if (typeof options === 'string') return t(key, undefined, options);
    return t(key, options as Record<string, unknown> | undefined, fallback);
  },
  changeLocale: async (locale) => setLocale(locale as Locale),
  getLocale: () => current,
};

// Intl formatters are slow to build and a list formats hundreds of cells: one per locale and options.
const formatters = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();
const intlLocale = () => (current === 'fr' ? 'fr-FR' : 'en-GB');

function numberFormat(locale: string, options: Intl.NumberFormatOptions = {}): Intl.NumberFormat {
  const key = `n|${locale}|${JSON.stringify(options)}`;
  let formatter = formatters.get(key) as Intl.NumberFormat | undefined;
  if (!formatter) formatters.set(key, (formatter = new Intl.NumberFormat(locale, options)));
  return formatter;
}

function dateFormat(options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `d|${intlLocale()}|${JSON.stringify(options)}`;
  let formatter = formatters.get(key) as Intl.DateTimeFormat | undefined;
  if (!formatter) formatters.set(key, (formatter = new Intl.DateTimeFormat(intlLocale(), options)));
  return formatter;
}

/** Money in minor units, formatted for the locale: formatMoney(123456, 'EUR') → "1 234,56 €" in French. */
export function formatMoney(minorUnits: number | null | undefined, currency = 'EUR'): string {
  if (minorUnits === null || minorUnits === undefined) return '';
  const digits = numberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  return numberFormat(intlLocale(), { style: 'currency', currency }).format(minorUnits / 10 ** digits);
}

export function formatNumber(value: number | null | undefined): string {
  if (value === null || value === undefined) return '';
  return numberFormat(intlLocale()).format(value);
}

export function formatDate(value: string | null | undefined, withTime = false): string {
  if (!value) return '';
  return dateFormat(withTime ? { dateStyle: 'medium', timeStyle: 'short' } : { dateStyle: 'medium' }).format(new Date(value));
}
