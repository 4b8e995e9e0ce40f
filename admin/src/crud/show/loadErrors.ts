// How the show and edit screens read a failed load of one row (pure, tested in tests/admin/crud-load-errors.test.ts).

/** The error of a failed load, as @refinedev/supabase passes on PostgREST's { code, message }. */
export interface LoadError {
  message?: string;
  code?: string | number;
}

/** Postgres / PostgREST codes that mean "no such row" rather than a failure: a malformed key, no row for .single(). */
const NOT_FOUND_CODES = new Set(['22P02', 'PGRST116']);

/**
 * Whether a load that gave no row is, for the user, just a missing row. No error at all is the usual
 * case: row-level security hides a row by returning none, exactly as if it did not exist.
 */
export function meansNotFound(error: LoadError | null | undefined): boolean {
  if (!error) return true;
  return NOT_FOUND_CODES.has(String(error.code ?? ''));
}

/**
 * React Query's retry for loading one row: a refusal from the database (it has a code) will not change
 * by asking again, so it is shown at once; a network failure is tried twice more.
 */
export function retryLoad(failures: number, error: LoadError | null | undefined): boolean {
  return !error?.code && failures < 2;
}
