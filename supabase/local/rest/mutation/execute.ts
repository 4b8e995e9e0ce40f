// Runs a write's one query in the request's transaction and shapes its body: the representation
// as an array, or as one object for Accept: application/vnd.pgrst.object+json (anything but one
// row is then a 406, and the transaction rolls back).
import { ApiError } from '../errors.ts';
import type { RestResponse, TxClient } from '../context.ts';
import { CONTENT_TYPES, contentType } from '../media.ts';
import { outerSql, type OuterRow, type OuterSpec } from './outer-query.ts';
import { representation, type Target } from './target.ts';

/** What a write tells runOuter; the representation's shape comes from the target's select and media. */
export type WriteSpec = Omit<OuterSpec, 'representation' | 'stripNulls' | 'csv'> & { wantsBody: boolean };

export async function runOuter(tx: TxClient, target: Target, { wantsBody, ...write }: WriteSpec): Promise<OuterRow> {
  const spec: OuterSpec = {
    ...write,
    representation: wantsBody ? representation(target) : undefined,
    stripNulls: target.media.stripNulls,
    csv: target.media.kind === 'csv',
  };
  const result = await tx.query<OuterRow>({ text: outerSql(spec), values: target.params.values });
  return result.rows[0];
}

export function singularityError(rows: number): ApiError {
  return new ApiError(406, 'PGRST116', 'Cannot coerce the result to a single JSON object', `The result contains ${rows} rows`);
}

/** Throws 406 PGRST116 when one object was asked for and `rows` is not 1. */
export function checkSingular(target: Target, rows: number): void {
  if (target.media.kind === 'object' && rows !== 1) throw singularityError(rows);
}

/** Body and Content-Type of a representation. */
export function representationBody(target: Target, row: OuterRow): { body: string; contentType: string } {
  const text = row.body ?? '[]';
  if (target.media.kind === 'object') return { body: text.slice(1, -1).trim(), contentType: contentType(target.media) };
  if (target.media.kind === 'csv') return { body: text, contentType: CONTENT_TYPES.csv };
  return { body: text, contentType: contentType(target.media) };
}

export function response(status: number, headers: Record<string, string | undefined>, row: OuterRow | undefined, body: string | null = null): RestResponse {
  const clean: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) if (value !== undefined) clean[name] = value;
  return { status, headers: clean, body, gucHeaders: row?.guc_headers ?? null, gucStatus: row?.guc_status ?? null };
}
