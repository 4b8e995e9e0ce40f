// CSV as RFC 4180 says (comma, CRLF, quotes doubled, a field quoted when it holds a comma, a quote
// or a line break), with a UTF-8 byte order mark so Excel reads accents right. Pure.
import type { ExportColumn } from './columns.ts';
import { csvText, type Row } from './format.ts';

export const BOM = '\uFEFF';
const CRLF = '\r\n';

/**
 * Text a spreadsheet would run as a formula (=, @, +, - followed by more than a number, or a tab or
 * carriage return first) gets a leading apostrophe: exported rows carry what customers typed into
 * forms, and opening the file must not run it. Plain numbers and phone numbers ("+33 6 12…") stay.
 */
export function neutralizeFormula(text: string): string {
  if (/^[=@\t\r]/.test(text)) return `'${text}`;
  if (/^[+-]/.test(text) && !/^[+-][\d\s().,]*$/.test(text)) return `'${text}`;
  return text;
}

export function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvHeader(columns: ExportColumn[]): string {
  return columns.map((column) => csvField(column.label)).join(',') + CRLF;
}

export function csvLine(columns: ExportColumn[], row: Row): string {
  return columns.map((column) => {
    const text = csvText(column, row);
    return csvField(column.kind === 'text' || column.kind === 'json' ? neutralizeFormula(text) : text);
  }).join(',') + CRLF;
}

/** Rows come in pages: each page becomes one string, so 100,000 rows are a hundred parts, not one huge string. */
export class CsvWriter {
  private readonly parts: string[];
  constructor(private readonly columns: ExportColumn[]) {
    this.parts = [BOM, csvHeader(columns)];
  }
  add(rows: Row[]): void {
    let chunk = '';
    for (const row of rows) chunk += csvLine(this.columns, row);
    this.parts.push(chunk);
  }
  /** The file as text parts, BOM first, for a Blob. */
  finish(): string[] {
    return this.parts;
  }
}

/** The whole file as one string (tests, small exports). */
export function toCsv(columns: ExportColumn[], rows: Row[]): string {
  const writer = new CsvWriter(columns);
  writer.add(rows);
  return writer.finish().join('');
}
