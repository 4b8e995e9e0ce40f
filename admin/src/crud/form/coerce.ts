// Between what the database returns / accepts and what each form input holds: money as currency
// units, dates as dayjs, JSON as text, empty text as null where the column allows it. Pure, so the
// create and edit forms and the bulk edit agree on every widget.
import dayjs, { type Dayjs } from 'dayjs';
import type { FieldSpec } from '../../catalog/spec.ts';
import { currencyDigits, fromMinorUnits, toMinorUnits } from './money.ts';

type Row = Record<string, unknown>;

/** The currency a money field is typed in: the fixed code, the row's currency column, else EUR. */
export function currencyOf(field: FieldSpec, row: Row | undefined): string {
  if (field.currency && 'code' in field.currency) return field.currency.code;
  if (field.currency && 'column' in field.currency) {
    const code = row?.[field.currency.column];
    if (typeof code === 'string' && /^[A-Za-z]{3}$/.test(code.trim())) return code.trim().toUpperCase();
  }
  return 'EUR';
}

const isNumberType = (type: string) => /^(smallint|integer|bigint|int[248]?|numeric|decimal|real|double precision|float[48]?)/.test(type);

/** Database value → the value the input for this widget holds. */
export function toFormValue(field: FieldSpec, value: unknown, row?: Row): unknown {
  if (value === null || value === undefined) return field.widget === 'boolean' ? false : undefined;
  switch (field.widget) {
    case 'money':
      return fromMinorUnits(value as number, currencyDigits(currencyOf(field, row)));
    case 'date':
    case 'datetime':
      return dayjs(value as string);
    case 'time':
      return dayjs(`1970-01-01T${String(value)}`);
    case 'json':
      return JSON.stringify(value, null, 2);
    case 'array':
      return Array.isArray(value) ? value.map((item) => (field.elementWidget === 'number' ? item : String(item))) : [];
    default:
      return value;
  }
}

/** The input's value → what the database should receive for this column. */
export function toDbValue(field: FieldSpec, value: unknown, row?: Row): unknown {
  const empty = value === undefined || value === null || (typeof value === 'string' && value.trim() === '' && field.widget !== 'text' && field.widget !== 'textarea');
  if (empty) return null;
  switch (field.widget) {
    case 'money':
      return toMinorUnits(value as string | number, currencyDigits(currencyOf(field, row)));
    case 'number':
      return typeof value === 'string' ? Number(value.replace(',', '.')) : value;
    case 'date':
      return (value as Dayjs).format('YYYY-MM-DD');
    case 'datetime':
      return (value as Dayjs).toISOString();
    case 'time':
      return (value as Dayjs).format('HH:mm:ss');
    case 'json':
      return typeof value === 'string' ? JSON.parse(value) : value;
    case 'array':
      return (value as unknown[]).map((item) => (field.elementWidget === 'number' || isNumberType(field.type.replace(/\[\]$/, '')) ? Number(item) : item));
    case 'boolean':
      return Boolean(value);
    case 'text':
    case 'textarea':
    case 'email':
    case 'url':
    case 'color':
      // An emptied optional text is "no value", not an empty string a unique index would trip on.
      return typeof value === 'string' && value.trim() === '' && field.nullable ? null : value;
    default:
      return value;
  }
}

/** Whether a text is acceptable JSON (the JSON input's validation). */
export function jsonProblem(text: unknown): string | null {
  if (text === undefined || text === null || (typeof text === 'string' && text.trim() === '')) return null;
  try {
    JSON.parse(String(text));
    return null;
  } catch (error) {
    return (error as Error).message;
  }
}

/** Only the columns whose value differs from the loaded row: an edit sends nothing else. */
export function changedColumns(before: Row, after: Row): Row {
  const changed: Row = {};
  for (const [name, value] of Object.entries(after)) {
    if (!sameValue(before[name], value)) changed[name] = value;
  }
  return changed;
}

function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if ((a === null || a === undefined) && (b === null || b === undefined)) return true;
  // timestamptz comes back as "2026-12-06T10:00:00+00:00" but is sent as "...00.000Z".
  if (typeof a === 'string' && typeof b === 'string' && /^\d{4}-\d\d-\d\dT/.test(a) && /^\d{4}-\d\d-\d\dT/.test(b)) {
    return Date.parse(a) === Date.parse(b);
  }
  // bigint money may come back as a number or a string depending on the column type.
  if (typeof a === 'number' && typeof b === 'string') return String(a) === b;
  if (typeof a === 'string' && typeof b === 'number') return a === String(b);
  return JSON.stringify(a) === JSON.stringify(b);
}

/** The form's values → the row to insert / the columns to update, for the given fields. */
export function formToRow(fields: FieldSpec[], values: Row, row?: Row): Row {
  const result: Row = {};
  for (const field of fields) {
    if (!(field.name in values)) continue;
    result[field.name] = toDbValue(field, values[field.name], { ...row, ...values });
  }
  return result;
}

/** A loaded row → the form's initial values. */
export function rowToForm(fields: FieldSpec[], row: Row): Row {
  const result: Row = {};
  for (const field of fields) result[field.name] = toFormValue(field, row[field.name], row);
  return result;
}
