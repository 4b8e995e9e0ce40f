// PDF with jspdf + jspdf-autotable, loaded only when a PDF export starts (chunks only the export
// worker fetches): a landscape A4 table with a title, what the list was filtered on, when it was
// made, the header repeated on every page, and "page n / total" at the foot. Cells are text for
// people (the locale's money and dates). Pure apart from jspdf itself.
import type { Locale } from '../catalog/spec.ts';
import type { ExportColumn } from './columns.ts';
import { displayText, type DisplayWords, type Row } from './format.ts';

export interface PdfDocumentText extends DisplayWords {
  title: string;
  /** One line: what the list was filtered on (or that it was not). */
  filters: string;
  /** One line: who made it when, already in the user's words. */
  generated: string;
  /** "Page {{page}} / {{pages}}" in the user's language. */
  pageOf: string;
}

const MARGIN = 28; // points: 1 cm

export class PdfWriter {
  private readonly body: string[][] = [];
  constructor(private readonly columns: ExportColumn[], private readonly locale: Locale, private readonly text: PdfDocumentText) {}

  add(rows: Row[]): void {
    for (const row of rows) this.body.push(this.columns.map((column) => displayText(column, row, this.locale, this.text)));
  }

  get rowCount(): number {
    return this.body.length;
  }

  async finish(): Promise<ArrayBuffer> {
    const [{ jsPDF }, { autoTable }] = await Promise.all([import('jspdf'), import('jspdf-autotable')]);
    const doc = new jsPDF({ orientation: 'landscape', unit: 'pt', format: 'a4', compress: true });
    const width = doc.internal.pageSize.getWidth();
    const height = doc.internal.pageSize.getHeight();

    doc.setFontSize(16);
    doc.text(this.text.title, MARGIN, MARGIN + 12);
    doc.setFontSize(9);
    doc.setTextColor(90);
    const filterLines = doc.splitTextToSize(this.text.filters, width - 2 * MARGIN) as string[];
    doc.text(filterLines, MARGIN, MARGIN + 30);
    const generatedY = MARGIN + 30 + filterLines.length * 11;
    doc.text(this.text.generated, MARGIN, generatedY);
    doc.setTextColor(0);

    autoTable(doc, {
      head: [this.columns.map((column) => column.label)],
      body: this.body,
      startY: generatedY + 12,
      margin: { top: MARGIN, right: MARGIN, bottom: MARGIN + 14, left: MARGIN },
      theme: 'striped',
      showHead: 'everyPage',
      styles: { fontSize: 7.5, cellPadding: 3, overflow: 'linebreak' },
      headStyles: { fillColor: [139, 58, 58], textColor: 255 },
      columnStyles: Object.fromEntries(this.columns.map((column, index) => [
        index, column.kind === 'money' || column.kind === 'number' ? { halign: 'right' as const } : {},
      ])),
    });

    // Page numbers once the table has made every page, so "of total" is known.
    const pages = doc.getNumberOfPages();
    doc.setFontSize(8);
    doc.setTextColor(90);
    for (let page = 1; page <= pages; page++) {
      doc.setPage(page);
      const label = this.text.pageOf.replace('{{page}}', String(page)).replace('{{pages}}', String(pages));
      doc.text(label, width - MARGIN, height - MARGIN / 2, { align: 'right' });
      doc.text(this.text.title, MARGIN, height - MARGIN / 2);
    }
    return doc.output('arraybuffer');
  }
}
