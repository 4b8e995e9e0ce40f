// The body of a POST/PATCH/PUT as PostgREST reads it: JSON (one object or an array of objects
// with the same keys), an HTML form, or CSV. The rows go to SQL as one JSON array text, so the
// whole body is one bind parameter.
import { ApiError } from '../errors.ts';

export interface Payload {
  /** A JSON array of objects, as text. */
  json: string;
  /** Keys of the objects, in the order of the first one ([] for `{}`, `[]`, `[{}]`). */
  keys: string[];
  rows: number;
  /** The body was a single object, not an array. */
  single: boolean;
}

const invalidJson = () => new ApiError(400, 'PGRST102', 'Empty or invalid json');
const keysMustMatch = () => new ApiError(400, 'PGRST102', 'All object keys must match');

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function sameKeys(keys: string[], object: Record<string, unknown>): boolean {
  let n = 0;
  for (const key in object) {
    if (!Object.hasOwn(object, key)) continue;
    n += 1;
    if (n > keys.length) return false;
  }
  return n === keys.length && keys.every((k) => Object.hasOwn(object, k));
}

/**
 * JSON text → payload; the text is passed on as it came (wrapped in [] for one object).
 * With `columns=`, the objects of an array may have different keys (a missing one is null or its default).
 */
export function jsonPayload(text: string, anyKeys = false): Payload {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw invalidJson();
  }
  if (isObject(value)) return { json: `[${text}]`, keys: Object.keys(value), rows: 1, single: true };
  if (!Array.isArray(value)) throw keysMustMatch();
  if (value.length === 0) return { json: '[]', keys: [], rows: 0, single: false };
  const first = value[0];
  if (!isObject(first)) throw keysMustMatch();
  const keys = Object.keys(first);
  for (let i = 1; i < value.length; i++) {
    const row = value[i];
    if (!isObject(row) || (!anyKeys && !sameKeys(keys, row))) throw keysMustMatch();
  }
  return { json: text, keys, rows: value.length, single: false };
}

/** `a=1&b=two` → one row of text values. */
export function formPayload(text: string): Payload {
  const row: Record<string, string> = {};
  for (const [key, value] of new URLSearchParams(text)) row[key] = value;
  return { json: JSON.stringify([row]), keys: Object.keys(row), rows: 1, single: true };
}

function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  let wasQuoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') {
      quoted = true;
      wasQuoted = true;
    } else if (ch === ',') {
      record.push(wasQuoted ? `"${field}` : field);
      field = '';
      wasQuoted = false;
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i += 1;
      record.push(wasQuoted ? `"${field}` : field);
      records.push(record);
      record = [];
      field = '';
      wasQuoted = false;
    } else field += ch;
  }
  if (field !== '' || wasQuoted || record.length) {
    record.push(wasQuoted ? `"${field}` : field);
    records.push(record);
  }
  return records;
}

/** CSV with a header line; an unquoted NULL is SQL null. */
export function csvPayload(text: string): Payload {
  const [header, ...lines] = parseCsv(text);
  if (!header) throw invalidJson();
  const keys = header.map((k) => (k.startsWith('"') ? k.slice(1) : k));
  const rows = lines.map((line) => {
    if (line.length !== keys.length) throw new ApiError(400, 'PGRST102', 'All lines must have same number of fields');
    const row: Record<string, string | null> = {};
    keys.forEach((key, i) => {
      const cell = line[i];
      row[key] = cell === 'NULL' ? null : cell.startsWith('"') ? cell.slice(1) : cell;
    });
    return row;
  });
  return { json: JSON.stringify(rows), keys, rows: rows.length, single: false };
}

const JSON_TYPES = new Set(['', 'application/json', '*/*', 'application/vnd.pgrst.object+json', 'application/vnd.pgrst.object', 'application/vnd.pgrst.array+json']);

/** Reads the body by its Content-Type (JSON when absent); other types are a 400 PGRST102. */
export function readPayload(body: Buffer | null, contentType: string | undefined, anyKeys = false): Payload {
  const text = body ? body.toString('utf8') : '';
  const type = (contentType ?? '').split(';')[0].trim().toLowerCase();
  if (type === 'application/x-www-form-urlencoded') return formPayload(text);
  if (type === 'text/csv') return csvPayload(text);
  if (!JSON_TYPES.has(type)) throw new ApiError(400, 'PGRST102', `Content-Type not acceptable: ${type}`);
  return jsonPayload(text, anyKeys);
}
