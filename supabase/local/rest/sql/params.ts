// Bind parameters and identifier quoting for the SQL the REST engine builds.

export function ident(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

export function qualified(schema: string, name: string): string {
  return `${ident(schema)}.${ident(name)}`;
}

/** A string literal (standard_conforming_strings is on in every supported Postgres). */
export function literal(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

/** Collects values and hands out their placeholders ($1, $2 …). Values are sent untyped, so
 * Postgres infers each one's type from where it is used (the column's type), as PostgREST does. */
export class SqlParams {
  readonly values: unknown[] = [];
  constructor(start: unknown[] = []) {
    this.values.push(...start);
  }
  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

/** A Postgres array literal for text values: {"a","b \"c\""}. */
export function pgArrayLiteral(values: string[]): string {
  return `{${values.map((v) => `"${v.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`).join(',')}}`;
}
