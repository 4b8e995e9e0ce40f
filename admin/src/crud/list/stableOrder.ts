// Pages that do not overlap: SQL gives rows that tie on the sort columns (same brand, same status)
// in any order, so page 2 may repeat a row of page 1 and skip another. A list that names its key
// (meta.stableOrderKey) gets that key appended as the last sort column, which makes every row's
// place unique. Refine's own "permanent" sorters would go first and override the user's sort,
// hence this wrapper around the data provider (wired in App.tsx).
import type { CrudSort, DataProvider } from '@refinedev/core';

/** The sorters with the key appended, unless the key already is one of them. */
export function withTieBreaker(sorters: CrudSort[] | undefined, key: string | undefined): CrudSort[] | undefined {
  if (!key) return sorters;
  const given = sorters ?? [];
  return given.some((s) => s.field === key) ? given : [...given, { field: key, order: 'asc' }];
}

export function withStableOrder<T extends DataProvider>(provider: T): T {
  return {
    ...provider,
    getList: (params) => provider.getList({ ...params, sorters: withTieBreaker(params.sorters, params.meta?.stableOrderKey as string | undefined) }),
  };
}
