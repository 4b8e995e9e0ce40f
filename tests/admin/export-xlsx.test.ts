// Excel writer (admin/src/export/xlsx.ts): the file exceljs reads back has typed cells.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import { XlsxWriter, sheetName } from '../../admin/src/export/xlsx.ts';
import { COLUMNS, ROWS } from './export-columns.fixture.ts';

async function readBack(buffer: ArrayBuffer) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer);
  return workbook.worksheets[0];
}

test('a header of labels, then numbers, amounts, booleans and dates as typed cells', async () => {
  const writer = await XlsxWriter.create(COLUMNS, 'Produits: stock/prix');
  writer.add(ROWS.slice(0, 1));
  writer.add(ROWS.slice(1));
  const sheet = await readBack(await writer.finish());
  assert.equal(sheet.name, 'Produits  stock prix');
  assert.deepEqual((sheet.getRow(1).values as unknown[]).slice(1), COLUMNS.map((c) => c.label));
  assert.equal(sheet.rowCount, 4);
  const row = sheet.getRow(2);
  assert.equal(row.getCell(1).value, 'Vin rouge, "Cuvée" 2024');
  assert.equal(row.getCell(2).value, 1234.56);
  assert.equal(row.getCell(2).numFmt, '#,##0.00 "EUR";-#,##0.00 "EUR"');
  assert.equal(row.getCell(3).value, 12);
  assert.equal(row.getCell(4).value, true);
  assert.ok(row.getCell(5).value instanceof Date, 'a timestamp is a date cell');
  assert.equal(row.getCell(5).numFmt, 'yyyy-mm-dd hh:mm');
  assert.equal((row.getCell(6).value as Date).toISOString(), '2026-03-31T00:00:00.000Z');
  assert.equal(row.getCell(6).numFmt, 'yyyy-mm-dd');
  assert.equal(row.getCell(7).value, '["bio","rouge"]');
  // An amount in another currency than its column's carries its own format.
  assert.equal(sheet.getRow(3).getCell(2).value, 500);
  assert.equal(sheet.getRow(3).getCell(2).numFmt, '#,##0 "JPY";-#,##0 "JPY"');
  assert.equal(sheet.getRow(3).getCell(4).value, false);
  assert.equal(sheet.getRow(4).getCell(1).value, null);
});

test('text that looks like a formula stays text in Excel', async () => {
  const writer = await XlsxWriter.create([COLUMNS[0]], 'x');
  writer.add([{ name: '=1+1' }]);
  const cell = (await readBack(await writer.finish())).getRow(2).getCell(1);
  assert.equal(cell.value, '=1+1');
  assert.equal(cell.type, ExcelJS.ValueType.String);
});

test('sheet names obey Excel’s rules', () => {
  assert.equal(sheetName('a'.repeat(40)), 'a'.repeat(31));
  assert.equal(sheetName('[?*]'), 'Export');
});
