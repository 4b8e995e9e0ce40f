// The titles of the rows a page's foreign keys point to: one request per referenced resource
// (`select key,title where key in (ids of this page)`), through Refine's query client so pages
// share the cache.
import { useQueries } from '@tanstack/react-query';
import type { FieldSpec, ResourceSpec } from '../../catalog/spec.ts';
import { useSpecs } from '../../catalog/SpecsContext.ts';
import { supabase } from '../../supabase.ts';

export type TitleLookup = (field: FieldSpec, value: unknown) => string | undefined;

type Row = Record<string, unknown>;

export function useReferenceTitles(fields: FieldSpec[], rows: Row[]): TitleLookup {
  const { specs } = useSpecs();
  // Group the fields by the resource they point to (several columns may point to one table).
  const targets = new Map<string, { spec: ResourceSpec; column: string; title: string; ids: Set<string> }>();
  for (const field of fields) {
    const ref = field.reference;
    const target = ref ? specs.get(ref.resource) : undefined;
    if (!ref || !target?.can.select) continue;
    const key = `${ref.resource}.${ref.column}.${ref.titleColumn}`;
    const entry = targets.get(key) ?? { spec: target, column: ref.column, title: ref.titleColumn, ids: new Set<string>() };
    for (const row of rows) {
      const value = row[field.name];
      if (value !== null && value !== undefined && value !== '') entry.ids.add(String(value));
    }
    targets.set(key, entry);
  }
  const entries = [...targets.entries()].filter(([, entry]) => entry.ids.size > 0);
  const results = useQueries({
    queries: entries.map(([key, entry]) => {
      const ids = [...entry.ids].sort();
      return {
        queryKey: ['comptoir', 'titles', key, ids],
        staleTime: 60_000,
        queryFn: async () => {
          const columns = entry.column === entry.title ? entry.column : `${entry.column},${entry.title}`;
          const { data, error } = await supabase.from(entry.spec.name).select(columns).in(entry.column, ids);
          if (error) throw error;
          return new Map(((data ?? []) as unknown as Row[]).map((row) => [String(row[entry.column]), String(row[entry.title] ?? '')]));
        },
      };
    }),
  });
  const byKey = new Map(entries.map(([key], index) => [key, results[index]?.data]));
  return (field, value) => {
    const ref = field.reference;
    if (!ref || value === null || value === undefined) return undefined;
    return byKey.get(`${ref.resource}.${ref.column}.${ref.titleColumn}`)?.get(String(value));
  };
}
