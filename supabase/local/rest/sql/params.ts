// Bind parameters and identifier quoting for the SQL the REST engine builds.
import { ApiError } from '../errors.ts';

export function ident(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

export function qualified(schema: string, name: string): string {
  return `${ident(schema)}.${ident(name)}`;
}

/** A string literal. An E'' string with `\\` and `'` escaped reads the same whatever
 * standard_conforming_strings says, so nothing inside can end it. */
export function literal(value: string): string {
  return `E'${value.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
}

const PLAIN_TYPE = /^[A-Za-z_][A-Za-z0-9_]*(?: [A-Za-z_][A-Za-z0-9_]*)*$/;

/** A type name from `::cast`: plain words as written (`int`, `double precision`), anything else quoted. */
export function typeName(name: string): string {
  return PLAIN_TYPE.test(name) ? name : ident(name);
}

/** Collects values and hands out their placeholders ($1, $2 …). Values are sent untyped, so
 * Postgres infers each one's type from where it is used (the column's type), as PostgREST does.
 * Inline mode writes each value as an (untyped) escaped string literal instead, so the statement
 * can travel with BEGIN and COMMIT in one simple-protocol round trip (the read path does this). */
export class SqlParams {
  readonly values: unknown[] = [];
  readonly inline: boolean;
  constructor(start: unknown[] = [], options: { inline?: boolean } = {}) {
    this.values.push(...start);
    this.inline = options.inline ?? false;
  }
  add(value: unknown): string {
    if (this.inline) return inlineLiteral(value);
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

function inlineLiteral(value: unknown): string {
  if (value === null || value === undefined) return 'NULL';
  const text = typeof value === 'string' ? value : typeof value === 'object' ? JSON.stringify(value) : String(value);
  if (text.includes('\0')) throw new ApiError(400, '22021', 'invalid byte sequence for encoding "UTF8": 0x00');
  return literal(text);
}

/** A Postgres array literal for text values: {"a","b \"c\""}. */
export function pgArrayLiteral(values: string[]): string {
  return `{${values.map((v) => `"${v.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`).join(',')}}`;
}
