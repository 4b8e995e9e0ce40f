// The filters a list really queries with: Refine's useTable drops those without a value (a cleared
// filter) and empty and/or groups before calling the data provider (unionFilters in
// @refinedev/core); the export and its summary apply the same rule to what the list hands them.
import type { CrudFilter } from '@refinedev/core';

export function activeFilters(filters: CrudFilter[]): CrudFilter[] {
  return filters.filter((filter) =>
    filter.value !== undefined && filter.value !== null
    && ((filter.operator !== 'or' && filter.operator !== 'and') || filter.value.length !== 0));
}
