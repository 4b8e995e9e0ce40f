// Column → Swagger 2.0 property, with PostgREST's Primary/Foreign Key notes in the description.
import type { Column, Relation, Relationship } from '../schema/types.ts';

export function swaggerType(type: string): string | undefined {
  switch (type) {
    case 'character varying':
    case 'character':
    case 'text':
      return 'string';
    case 'boolean':
      return 'boolean';
    case 'smallint':
    case 'integer':
    case 'bigint':
      return 'integer';
    case 'numeric':
    case 'real':
    case 'double precision':
      return 'number';
    case 'json':
    case 'jsonb':
      return undefined;
    default:
      return type.endsWith('[]') ? 'array' : 'string';
  }
}

/** The default as PostgREST shows it: for string types the literal without its `::type` cast and
 * quotes, for others the expression itself, in both cases only when it reads as JSON. */
function defaultValue(expr: string | null, type: string): unknown {
  if (expr === null) return undefined;
  let text = expr;
  if (swaggerType(type) === 'string') {
    const suffix = `::${type}`;
    text = JSON.stringify(expr.endsWith(suffix) ? expr.slice(0, -suffix.length).replace(/^'+|'+$/g, '') : expr);
  }
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

export function columnDescription(rel: Relation, col: Column, rels: Relationship[]): string | undefined {
  const notes: string[] = [];
  if (rel.primaryKey.includes(col.name)) notes.push('This is a Primary Key.<pk/>');
  const fk = rels.find((r) => r.fkOwner && r.columns.length === 1 && r.columns[0][0] === col.name);
  if (fk) {
    const [, target] = fk.columns[0];
    notes.push(`This is a Foreign Key to \`${fk.foreignTable.name}.${target}\`.<fk table='${fk.foreignTable.name}' column='${target}'/>`);
  }
  if (notes.length === 0) return col.description ?? undefined;
  return `${col.description ? `${col.description}\n\n` : ''}Note:\n${notes.join('\n')}`;
}

export function property(rel: Relation, col: Column, rels: Relationship[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const def = defaultValue(col.default, col.type);
  if (def !== undefined) out.default = def;
  const description = columnDescription(rel, col, rels);
  if (description !== undefined) out.description = description;
  if (col.enumValues.length) out.enum = col.enumValues;
  out.format = col.type;
  if (col.maxLength !== null) out.maxLength = col.maxLength;
  const type = swaggerType(col.type);
  if (type) out.type = type;
  if (type === 'array') {
    const itemType = swaggerType(col.type.slice(0, -2));
    out.items = itemType ? { type: itemType } : {};
  }
  return out;
}
