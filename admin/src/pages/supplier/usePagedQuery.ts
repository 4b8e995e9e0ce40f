// A page of rows loaded through supabase-js, reloaded when its inputs change; rows can be patched
// in place after a save, so the table shows what the database returned without a reload.
import { useCallback, useEffect, useState } from 'react';
import type { Page } from './queries.ts';

export interface PagedState<T> {
  rows: T[];
  total: number;
  loading: boolean;
  error: string | null;
  patch: (id: string, change: Partial<T>) => void;
  reload: () => void;
}

export function usePagedQuery<T extends { id: string }>(load: () => Promise<Page<T>>, deps: unknown[]): PagedState<T> {
  const [page, setPage] = useState<Page<T>>({ rows: [], total: 0 });
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [generation, setGeneration] = useState(0);
  useEffect(() => {
    let current = true;
    setLoading(true);
    load().then(
      (next) => { if (current) { setPage(next); setError(null); } },
      (failure: Error) => { if (current) setError(failure.message); },
    ).finally(() => { if (current) setLoading(false); });
    return () => { current = false; };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, generation]);
  const patch = useCallback((id: string, change: Partial<T>) => {
    setPage((before) => ({ ...before, rows: before.rows.map((row) => (row.id === id ? { ...row, ...change } : row)) }));
  }, []);
  const reload = useCallback(() => setGeneration((n) => n + 1), []);
  return { ...page, loading, error, patch, reload };
}
