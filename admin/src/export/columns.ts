// What an export writes, column by column: the list's visible columns, labelled in the user's
// locale, each with the kind of value it holds (so CSV, Excel and PDF can each format it their way).
// Pure data: the worker receives these, and tests build them without a browser.
import type { FieldSpec, ResourceSpec } from '../catalog/spec.ts';

export type ExportKind = 'text' | 'number' | 'money' | 'boolean' | 'date' | 'datetime' | 'json';

export interface ExportColumn {
  name: string;
  label: string;
  kind: ExportKind;
  /** Money only: where the ISO currency of the amount comes from (a sibling column, or fixed). */
  currency: { column: string } | { code: string } | null;
  /** Value lists only: each stored value's word in the reader's language (PDF cells show it). */
  valueLabels?: Record<string, string>;
}

const NUMERIC_TYPES = /^(smallint|integer|bigint|real|double precision|numeric|decimal)/;

export function exportKind(field: Pick<FieldSpec, 'widget' | 'type'>): ExportKind {
  switch (field.widget) {
    case 'money': return 'money';
    case 'number': return 'number';
    case 'boolean': return 'boolean';
    case 'date': return 'date';
    case 'datetime': return 'datetime';
    case 'json': case 'array': return 'json';
    default:
      // A comment may give a numeric column another widget (readonly): it is still a number in Excel.
      return NUMERIC_TYPES.test(field.type) && !field.type.endsWith('[]') ? 'number' : 'text';
  }
}

/** The visible columns the spec knows, in the list's order; unknown names are skipped. */
/** The visible columns as exported; `label` names a stored value of a value list for people (valueLabel). */
export function exportColumns(spec: ResourceSpec, visible: string[], label?: (column: string, value: string) => string): ExportColumn[] {
  const byName = new Map(spec.fields.map((field) => [field.name, field]));
  return visible.flatMap((name) => {
    const field = byName.get(name);
    if (!field) return [];
    const kind = exportKind(field);
    const column: ExportColumn = { name, label: field.label, kind, currency: kind === 'money' ? field.currency : null };
    if (label && field.enumValues) column.valueLabels = Object.fromEntries(field.enumValues.map((value) => [value, label(name, value)]));
    return [column];
  });
}

/** PostgREST `select`: the exported columns plus the currency columns their amounts need. */
export function selectFor(columns: ExportColumn[]): string {
  const names = new Set(columns.map((column) => column.name));
  for (const column of columns) if (column.currency && 'column' in column.currency) names.add(column.currency.column);
  return [...names].join(',');
}
