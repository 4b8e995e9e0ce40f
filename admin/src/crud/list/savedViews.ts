// Saved views: a name for the list's current filters, sorting, columns and page size, kept in the
// browser (localStorage) per signed-in user and resource. What is read back is checked field by
// field and trimmed to the columns the resource still has, because the schema (and so the spec)
// can change between the day a view was saved and the day it is applied.
import type { CrudFilter, CrudSort } from '@refinedev/core';

export interface SavedView {
  name: string;
  filters: CrudFilter[];
  sorters: CrudSort[];
  columns: string[];
  pageSize: number;
}

/** The slice of Web Storage the views need (window.localStorage in the browser). */
export type ViewStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export function viewsKey(userId: string, resource: string): string {
  return `comptoir.views.${userId}.${resource}`;
}

const PAGE_SIZES = [10, 20, 50, 100, 200];

function filterIsValid(filter: unknown, columns: Set<string>): filter is CrudFilter {
  if (!filter || typeof filter !== 'object') return false;
  const f = filter as Record<string, unknown>;
  if (typeof f.operator !== 'string') return false;
  if (f.operator === 'or' || f.operator === 'and') return Array.isArray(f.value) && f.value.every((inner) => filterIsValid(inner, columns));
  return typeof f.field === 'string' && columns.has(f.field);
}

/** A view as stored → a view valid for the resource's current columns, or null if unusable. */
export function sanitizeView(raw: unknown, columns: string[]): SavedView | null {
  if (!raw || typeof raw !== 'object') return null;
  const v = raw as Record<string, unknown>;
  if (typeof v.name !== 'string' || !v.name.trim()) return null;
  const known = new Set(columns);
  const filters = Array.isArray(v.filters) ? v.filters.filter((f) => filterIsValid(f, known)) : [];
  const sorters = Array.isArray(v.sorters)
    ? v.sorters.filter((s): s is CrudSort => !!s && typeof s === 'object' && known.has((s as CrudSort).field) && ['asc', 'desc'].includes((s as CrudSort).order))
    : [];
  const shown = Array.isArray(v.columns) ? v.columns.filter((c): c is string => typeof c === 'string' && known.has(c)) : [];
  const pageSize = typeof v.pageSize === 'number' && PAGE_SIZES.includes(v.pageSize) ? v.pageSize : 20;
  return { name: v.name.trim(), filters, sorters, columns: shown, pageSize };
}

/** The user's views of a resource, sorted by name; unreadable storage yields none. */
export function loadViews(storage: ViewStorage, userId: string, resource: string, columns: string[]): SavedView[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(storage.getItem(viewsKey(userId, resource)) ?? '[]');
  } catch {
    return [];
  }
  if (!Array.isArray(parsed)) return [];
  return parsed
    .map((raw) => sanitizeView(raw, columns))
    .filter((view): view is SavedView => view !== null)
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** Saves `view`, replacing one of the same name (names are case-insensitive). Returns the new list. */
export function saveView(storage: ViewStorage, userId: string, resource: string, columns: string[], view: SavedView): SavedView[] {
  const clean = sanitizeView(view, columns);
  if (!clean) throw new Error('A saved view needs a name.');
  const others = loadViews(storage, userId, resource, columns).filter((v) => v.name.toLowerCase() !== clean.name.toLowerCase());
  const views = [...others, clean].sort((a, b) => a.name.localeCompare(b.name));
  storage.setItem(viewsKey(userId, resource), JSON.stringify(views));
  return views;
}

export function deleteView(storage: ViewStorage, userId: string, resource: string, columns: string[], name: string): SavedView[] {
  const views = loadViews(storage, userId, resource, columns).filter((v) => v.name !== name);
  if (views.length) storage.setItem(viewsKey(userId, resource), JSON.stringify(views));
  else storage.removeItem(viewsKey(userId, resource));
  return views;
}
