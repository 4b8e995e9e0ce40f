// CSV writer (admin/src/export/csv.ts): RFC 4180 quoting, BOM, CRLF, labels, formula neutralising.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BOM, CsvWriter, csvField, neutralizeFormula, toCsv } from '../../admin/src/export/csv.ts';
import { COLUMNS, ROWS } from './export-columns.fixture.ts';

test('a BOM, the labels as header, CRLF after every record, RFC 4180 quoting', () => {
  const text = toCsv(COLUMNS, ROWS);
  assert.ok(text.startsWith(BOM));
  assert.equal(text.slice(1), [
    'Nom,Prix,Quantité,Actif,Créé le,Échéance,Étiquettes',
    '"Vin rouge, ""Cuvée"" 2024",1234.56,12,true,2026-03-01T09:30:00.123Z,2026-03-31,"[""bio"",""rouge""]"',
    '"Line\nbreak",500,0,false,,,[]',
    ',,,,,,',
    '',
  ].join('\r\n'));
});

test('a field is quoted only when it holds a comma, a quote, CR or LF', () => {
  assert.deepEqual(['plain', 'a,b', 'say "hi"', 'cr\rhere', 'lf\nhere', ''].map(csvField),
    ['plain', '"a,b"', '"say ""hi"""', '"cr\rhere"', '"lf\nhere"', '']);
  assert.equal(toCsv([{ name: 'x', label: 'Prix, TTC', kind: 'text', currency: null }], []), `${BOM}"Prix, TTC"\r\n`);
});

test('text a spreadsheet would run as a formula is neutralised, numbers and phones are not', () => {
  assert.deepEqual(['=HYPERLINK("x")', '@SUM(A1)', '+cmd|calc', '-2+3+cmd|calc', '\tx', '+33 6 12 34 56 78', '-12.5', 'a=b'].map(neutralizeFormula),
    ["'=HYPERLINK(\"x\")", "'@SUM(A1)", "'+cmd|calc", "'-2+3+cmd|calc", "'\tx", '+33 6 12 34 56 78', '-12.5', 'a=b']);
  const text = toCsv([COLUMNS[0]], [{ name: '=1+1' }]);
  assert.equal(text, `${BOM}Nom\r\n'=1+1\r\n`);
  // Amounts and numbers are written by the export itself, never neutralised.
  assert.equal(toCsv([COLUMNS[1]], [{ price_cents: -500, currency: 'EUR' }]), `${BOM}Prix\r\n-5.00\r\n`);
});

test('pages added one after another make one file, in order', () => {
  const writer = new CsvWriter([COLUMNS[2]]);
  writer.add([{ quantity: 1 }, { quantity: 2 }]);
  writer.add([]);
  writer.add([{ quantity: 3 }]);
  assert.equal(writer.finish().join(''), `${BOM}Quantité\r\n1\r\n2\r\n3\r\n`);
});
