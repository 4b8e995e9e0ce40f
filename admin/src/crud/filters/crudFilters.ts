// The list's filter controls read and write Refine CrudFilters directly, so the URL (Refine's
// syncWithLocation), saved views and the export all see one state. One function pair per control:
// the filters a control value stands for, and the control value a set of filters stands for.
import type { CrudFilter, LogicalFilter } from '@refinedev/core';
import type { FieldSpec, ResourceSpec } from '../../catalog/spec.ts';
import { currencyDigits, fromMinorUnits, toMinorUnits } from '../form/money.ts';

/** A range's ends; either may be open. Numbers and money in units as typed, dates as YYYY-MM-DD. */
export type Range = [string | null, string | null];
export type FilterValue = string | string[] | boolean | Range | null;

type Operator = LogicalFilter['operator'];

const isLogical = (filter: CrudFilter): filter is LogicalFilter => 'field' in filter;

/** The filters a list shows for `field` (every operator on that column). */
export function filtersOn(filters: CrudFilter[], column: string): LogicalFilter[] {
  return filters.filter(isLogical).filter((f) => f.field === column);
}

function moneyDigits(field: FieldSpec): number {
  return currencyDigits(field.currency && 'code' in field.currency ? field.currency.code : 'EUR');
}

function dayBound(day: string, end: boolean, withTime: boolean): string {
  if (!withTime) return day;
  // Local midnight, as the person picking a day means it; sent as an instant.
  const [y, m, d] = day.split('-').map(Number);
  return new Date(y, m - 1, end ? d + 1 : d).toISOString();
}

/** The CrudFilters meaning "this control holds `value`" (empty: none). */
export function filtersFor(field: FieldSpec, value: FilterValue): LogicalFilter[] {
  if (value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) return [];
  const one = (operator: Operator, v: unknown): LogicalFilter => ({ field: field.name, operator, value: v });
  switch (field.filter) {
    case 'text':
      return [one('contains', String(value).trim())];
    case 'uuid':
      return [one('eq', String(value).trim())];
    case 'boolean':
      return [one('eq', value === true || value === 'true')];
    case 'enum':
    case 'reference':
      return [one('in', ([] as string[]).concat(value as string | string[]))];
    case 'array':
      return [one('ina', ([] as string[]).concat(value as string | string[]))];
    case 'number':
    case 'money': {
      const [min, max] = value as Range;
      const convert = (v: string) => (field.filter === 'money' ? toMinorUnits(v, moneyDigits(field)) : Number(v.replace(',', '.')));
      const out: LogicalFilter[] = [];
      if (min !== null && min !== '' && Number.isFinite(convert(min))) out.push(one('gte', convert(min)));
      if (max !== null && max !== '' && Number.isFinite(convert(max))) out.push(one('lte', convert(max)));
      return out;
    }
    case 'date':
    case 'datetime': {
      const [from, to] = value as Range;
      const withTime = field.filter === 'datetime';
      const out: LogicalFilter[] = [];
      if (from) out.push(one('gte', dayBound(from, false, withTime)));
      // A day range includes its last day: "< next midnight" for instants, "<= day" for dates.
      if (to) out.push(withTime ? one('lt', dayBound(to, true, true)) : one('lte', to));
      return out;
    }
    default:
      return [];
  }
}

function localDay(instant: string): string {
  const date = new Date(instant);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** The value a control shows for the filters currently on its column. */
export function valueFrom(field: FieldSpec, filters: CrudFilter[]): FilterValue {
  const mine = filtersOn(filters, field.name);
  if (mine.length === 0) return null;
  const find = (operator: Operator) => mine.find((f) => f.operator === operator)?.value;
  switch (field.filter) {
    case 'text':
      return (find('contains') as string | undefined) ?? null;
    case 'uuid':
      return (find('eq') as string | undefined) ?? null;
    case 'boolean': {
      const v = find('eq');
      return v === undefined ? null : v === true || v === 'true';
    }
    case 'enum':
    case 'reference':
      return ([] as string[]).concat((find('in') as string[] | undefined) ?? []);
    case 'array':
      return ([] as string[]).concat((find('ina') as string[] | undefined) ?? []);
    case 'number':
    case 'money': {
      const show = (v: unknown) => (v === undefined ? null : field.filter === 'money' ? fromMinorUnits(v as number, moneyDigits(field)) : String(v));
      return [show(find('gte')), show(find('lte'))];
    }
    case 'date':
    case 'datetime': {
      const from = find('gte') as string | undefined;
      if (field.filter === 'date') return [from ?? null, (find('lte') as string | undefined) ?? null];
      const to = find('lt') as string | undefined;
      // "< next midnight" shows as the day before it.
      const last = to ? localDay(new Date(Date.parse(to) - 1).toISOString()) : null;
      return [from ? localDay(from) : null, last];
    }
    default:
      return null;
  }
}

/** `filters` with those on `field` replaced by the ones `value` stands for. */
export function withFilter(filters: CrudFilter[], field: FieldSpec, value: FilterValue): CrudFilter[] {
  const others = filters.filter((f) => !isLogical(f) || f.field !== field.name);
  return [...others, ...filtersFor(field, value)];
}

/**
 * The search box: full-text (`wfts`, in the index's own text search configuration so stemming
 * matches) when the table has a search index, else "title contains".
 */
export function searchFilter(spec: Pick<ResourceSpec, 'search' | 'titleColumn'>, text: string): LogicalFilter | null {
  const value = text.trim();
  if (!value) return null;
  if (spec.search) {
    const operator = (spec.search.config ? `wfts(${spec.search.config})` : 'wfts') as Operator;
    return { field: spec.search.column, operator, value };
  }
  return { field: spec.titleColumn, operator: 'contains', value };
}

export function searchColumn(spec: Pick<ResourceSpec, 'search' | 'titleColumn'>): string {
  return spec.search ? spec.search.column : spec.titleColumn;
}

/** The search box's text for the current filters. */
export function searchText(spec: Pick<ResourceSpec, 'search' | 'titleColumn'>, filters: CrudFilter[]): string {
  const column = searchColumn(spec);
  const found = filtersOn(filters, column).find((f) => (spec.search ? String(f.operator).startsWith('wfts') : f.operator === 'contains'));
  return found ? String(found.value) : '';
}

export function withSearch(spec: Pick<ResourceSpec, 'search' | 'titleColumn'>, filters: CrudFilter[], text: string): CrudFilter[] {
  const column = searchColumn(spec);
  const others = filters.filter((f) => !isLogical(f) || f.field !== column);
  const search = searchFilter(spec, text);
  return search ? [...others, search] : others;
}
