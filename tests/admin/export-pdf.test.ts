// PDF writer (admin/src/export/pdf.ts): a landscape document whose pages carry the title, the
// filters, the rows in the locale's formats and "page n / total".
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { inflateSync } from 'node:zlib';
import { PdfWriter } from '../../admin/src/export/pdf.ts';
import { COLUMNS, ROWS } from './export-columns.fixture.ts';

const TEXT = { title: 'Produits', filters: 'Filtres : Statut = « actif »', generated: 'Exporté le 1 mars 2026', pageOf: 'Page {{page}} / {{pages}}', yes: 'Oui', no: 'Non' };

/** Every string shown on the pages, from the PDF's (deflated) content streams. */
function shownText(pdf: ArrayBuffer): string {
  const raw = Buffer.from(pdf).toString('latin1');
  const streams = [...raw.matchAll(/stream\r?\n([\s\S]*?)\r?\nendstream/g)].map((m) => {
    const bytes = Buffer.from(m[1], 'latin1');
    try { return inflateSync(bytes).toString('latin1'); } catch { return m[1]; }
  });
  return streams.join('\n').match(/\((?:\\.|[^\\)])*\)\s*Tj/g)?.map((s) => s.slice(1, s.lastIndexOf(')')).replace(/\\(.)/g, '$1')).join('|') ?? '';
}

test('a landscape PDF with title, filters, formatted rows and page numbers', async () => {
  const writer = new PdfWriter(COLUMNS, 'fr', TEXT);
  writer.add(ROWS);
  const pdf = await writer.finish();
  const raw = Buffer.from(pdf).toString('latin1');
  assert.ok(raw.startsWith('%PDF-'));
  assert.match(raw, /\/MediaBox \[0 0 841\.8\d* 595\.2\d*\]/, "A4 landscape: wider than high");
  const text = shownText(pdf);
  for (const expected of ['Produits', 'Filtres : Statut = \xab actif \xbb', 'Exporté le 1 mars 2026', 'Page 1 / 1', 'Nom', 'Échéance',
    'Vin rouge, "Cuvée" 2024', '31 mars 2026', 'Oui', 'Non']) {
    assert.ok(text.includes(Buffer.from(expected, 'latin1').toString('latin1')), `${expected} in ${text.slice(0, 400)}`);
  }
});

test('many rows make many pages, each numbered out of the total', async () => {
  const writer = new PdfWriter(COLUMNS.slice(0, 3), 'en', { ...TEXT, pageOf: 'Page {{page}} of {{pages}}' });
  writer.add(Array.from({ length: 300 }, (_, i) => ({ name: `Row ${i}`, price_cents: i, currency: 'EUR', quantity: i })));
  assert.equal(writer.rowCount, 300);
  const text = shownText(await writer.finish());
  const pages = [...text.matchAll(/Page (\d+) of (\d+)/g)];
  assert.ok(pages.length > 3, `${pages.length} pages`);
  assert.deepEqual(pages.map((m) => Number(m[1])), pages.map((_, i) => i + 1));
  assert.ok(pages.every((m) => Number(m[2]) === pages.length));
  assert.ok(text.includes('Row 0') && text.includes('Row 299'));
});
