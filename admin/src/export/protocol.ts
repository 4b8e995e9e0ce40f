// The messages between the export button (main thread) and the export worker. Everything the
// worker needs comes in the request: the worker has no window, no localStorage, no i18n module.
import type { CrudFilter, CrudSort } from '@refinedev/core';
import type { Locale } from '../catalog/spec.ts';
import type { ExportColumn } from './columns.ts';
import type { PdfDocumentText } from './pdf.ts';

export type ExportFormat = 'csv' | 'xlsx' | 'pdf';

export interface ExportRequest {
  format: ExportFormat;
  /** The API and the signed-in user's access token: the worker queries as that user, under RLS. */
  api: { url: string; anonKey: string; accessToken: string };
  resource: string;
  primaryKey: string | null;
  filters: CrudFilter[];
  sorters: CrudSort[];
  columns: ExportColumn[];
  locale: Locale;
  /** Title, filters summary, page label, yes/no: already in the user's language. */
  text: PdfDocumentText;
}

export type ExportEvent =
  | { type: 'progress'; fetched: number; total: number }
  | { type: 'writing'; rows: number }
  | { type: 'done'; file: Blob; rows: number }
  | { type: 'failed'; message: string; code?: string; hint?: string | null; total?: number; max?: number };

export const FILE_TYPES: Record<ExportFormat, { extension: string; mime: string }> = {
  csv: { extension: 'csv', mime: 'text/csv;charset=utf-8' },
  xlsx: { extension: 'xlsx', mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
  pdf: { extension: 'pdf', mime: 'application/pdf' },
};
