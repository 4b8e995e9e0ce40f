// One line saying what a list was filtered on, for the PDF's heading: "Statut = active · Nom
// contient « vin »" (the caller's "export.*" messages)". Pure: the caller passes its translate function.
import type { CrudFilter } from '@refinedev/core';
import type { ResourceSpec } from '../catalog/spec.ts';
import { activeFilters } from './activeFilters.ts';

export type Translate = (key: string, params?: Record<string, unknown>, fallback?: string) => string;

function valueText(value: unknown): string {
  if (Array.isArray(value)) return value.map(valueText).join(', ');
  if (value === null || value === undefined) return '∅';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

function describe(filter: CrudFilter, labels: Map<string, string>, t: Translate): string | null {
  if (!('field' in filter)) {
    const parts = filter.value.map((inner) => describe(inner, labels, t)).filter((part): part is string => part !== null);
    if (parts.length === 0) return null;
    return parts.length === 1 ? parts[0] : `(${parts.join(` ${t(`export.operator.${filter.operator}`)} `)})`;
  }
  // Refine drops filters without a value before querying (a cleared filter): so does the summary.
  if (filter.value === undefined || filter.value === null || filter.value === '') return null;
  const field = labels.get(filter.field) ?? (filter.field === 'search' ? t('export.search') : filter.field);
  const operator = t(`export.operator.${filter.operator}`, undefined, filter.operator);
  return filter.operator === 'null' || filter.operator === 'nnull' ? `${field} ${operator}` : `${field} ${operator} ${t('export.quoted', { value: valueText(filter.value) })}`;
}

export function describeFilters(filters: CrudFilter[], spec: Pick<ResourceSpec, 'fields'>, t: Translate): string {
  const labels = new Map(spec.fields.map((field) => [field.name, field.label]));
  const parts = activeFilters(filters).map((filter) => describe(filter, labels, t)).filter((part): part is string => part !== null);
  return parts.length === 0 ? t('export.noFilters') : `${t('export.filtersLabel')} ${parts.join(' · ')}`;
}
