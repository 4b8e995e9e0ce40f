// Excel (.xlsx) with exceljs, loaded only when an Excel export starts (a chunk only the export
// worker fetches). Cells are typed: numbers stay numbers, dates are dates, amounts carry their
// currency's number format, so the sheet sums and sorts. Pure apart from exceljs itself.
import type { Workbook, Worksheet } from 'exceljs';
import type { ExportColumn } from './columns.ts';
import { EXCEL_DATE_FORMAT, EXCEL_DATETIME_FORMAT, excelCell, moneyFormat, type Row } from './format.ts';

/** A column's own number format: cells take it when added, so only exceptions need one of their own. */
function columnFormat(column: ExportColumn): string | undefined {
  if (column.kind === 'date') return EXCEL_DATE_FORMAT;
  if (column.kind === 'datetime') return EXCEL_DATETIME_FORMAT;
  if (column.kind === 'money') return moneyFormat(column.currency && 'code' in column.currency ? column.currency.code : 'EUR');
  return undefined;
}

/** Excel forbids : \ / ? * [ ] in sheet names and caps them at 31 characters. */
export function sheetName(title: string): string {
  return title.replace(/[:\\/?*[\]]/g, ' ').trim().slice(0, 31) || 'Export';
}

async function loadExcelJs(): Promise<typeof import('exceljs')> {
  const module = await import('exceljs');
  // exceljs is CommonJS under node and a UMD bundle in the browser: the API is the default export in both.
  return ((module as { default?: typeof import('exceljs') }).default ?? module) as typeof import('exceljs');
}

export class XlsxWriter {
  private readonly formats: Array<string | undefined>;
  private constructor(private readonly workbook: Workbook, private readonly sheet: Worksheet, private readonly columns: ExportColumn[]) {
    this.formats = columns.map(columnFormat);
  }

  static async create(columns: ExportColumn[], title: string): Promise<XlsxWriter> {
    const ExcelJS = await loadExcelJs();
    const workbook = new ExcelJS.Workbook();
    workbook.creator = 'Comptoir';
    workbook.created = new Date();
    const sheet = workbook.addWorksheet(sheetName(title), { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.columns = columns.map((column) => ({
      header: column.label,
      key: column.name,
      width: Math.min(50, Math.max(10, column.label.length + 2, column.kind === 'datetime' ? 17 : 0)),
      style: columnFormat(column) ? { numFmt: columnFormat(column) } : {},
    }));
    sheet.getRow(1).font = { bold: true };
    sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: Math.max(1, columns.length) } };
    return new XlsxWriter(workbook, sheet, columns);
  }

  add(rows: Row[]): void {
    for (const row of rows) {
      const cells = this.columns.map((column) => excelCell(column, row));
      const added = this.sheet.addRow(cells.map((cell) => cell.value));
      // Styling a cell costs exceljs a style lookup: only amounts in another currency than their column's need it.
      cells.forEach((cell, index) => {
        if (cell.numFmt && cell.numFmt !== this.formats[index]) added.getCell(index + 1).numFmt = cell.numFmt;
      });
    }
  }

  async finish(): Promise<ArrayBuffer> {
    // Inline strings: no table of shared strings to build, which for 100,000 mostly unique rows is slower and no smaller.
    const buffer = await this.workbook.xlsx.writeBuffer({ useSharedStrings: false });
    // A node Buffer or an ArrayBuffer depending on where it ran: always hand back an ArrayBuffer.
    const bytes = buffer as unknown as ArrayBuffer | Uint8Array;
    return bytes instanceof ArrayBuffer ? bytes : (bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  }
}
