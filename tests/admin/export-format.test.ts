// Export cell formatting and column choice (admin/src/export/format.ts, columns.ts), pure, under node.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { exportColumns, exportKind, selectFor } from '../../admin/src/export/columns.ts';
import { csvText, currencyDigits, displayText, excelCell, moneyFormat, moneyUnits } from '../../admin/src/export/format.ts';
import type { FieldSpec, ResourceSpec } from '../../admin/src/catalog/spec.ts';
import { COLUMNS, ROWS } from './export-columns.fixture.ts';

const column = (name: string) => COLUMNS.find((c) => c.name === name)!;
const words = { yes: 'Oui', no: 'Non' };

describe('money', () => {
  test('minor units become decimal units by the currency’s digits', () => {
    assert.deepEqual([currencyDigits('EUR'), currencyDigits('JPY'), currencyDigits('KWD')], [2, 0, 3]);
    assert.equal(moneyUnits(123456, 'EUR'), 1234.56);
    assert.equal(moneyUnits('500', 'JPY'), 500);
    assert.equal(moneyUnits('abc', 'EUR'), null);
  });

  test('CSV writes a decimal point and every digit; PDF the locale’s currency format', () => {
    assert.equal(csvText(column('price_cents'), ROWS[0]), '1234.56');
    assert.equal(csvText(column('price_cents'), { price_cents: 5, currency: 'EUR' }), '0.05');
    assert.equal(csvText(column('price_cents'), ROWS[1]), '500');
    assert.equal(displayText(column('price_cents'), ROWS[0], 'fr', words), '1\u202f234,56\u00a0€');
    assert.equal(displayText(column('price_cents'), ROWS[0], 'en', words), '€1,234.56');
    assert.equal(displayText(column('price_cents'), ROWS[1], 'en', words), 'JP¥500');
  });

  test('a fixed currency code wins over the row; a missing currency is EUR', () => {
    const fixed = { ...column('price_cents'), currency: { code: 'JPY' } };
    assert.equal(csvText(fixed, ROWS[0]), '123456');
    const none = { ...column('price_cents'), currency: null };
    assert.equal(csvText(none, { price_cents: 250 }), '2.50');
  });

  test('Excel gets the number and a format with the currency’s digits', () => {
    assert.deepEqual(excelCell(column('price_cents'), ROWS[0]), { value: 1234.56, numFmt: '#,##0.00 "EUR";-#,##0.00 "EUR"' });
    assert.deepEqual(excelCell(column('price_cents'), ROWS[1]), { value: 500, numFmt: '#,##0 "JPY";-#,##0 "JPY"' });
    assert.equal(moneyFormat('KWD'), '#,##0.000 "KWD";-#,##0.000 "KWD"');
  });
});

describe('dates', () => {
  test('CSV: ISO 8601, timestamps in UTC', () => {
    assert.equal(csvText(column('created_at'), ROWS[0]), '2026-03-01T09:30:00.123Z');
    assert.equal(csvText(column('created_at'), { created_at: '2026-03-01T23:30:00+02:00' }), '2026-03-01T21:30:00.000Z');
    assert.equal(csvText(column('due_on'), ROWS[0]), '2026-03-31');
  });

  test('PDF: a day stays that day whatever the time zone', () => {
    assert.equal(displayText(column('due_on'), ROWS[0], 'fr', words), '31 mars 2026');
    assert.equal(displayText(column('due_on'), ROWS[0], 'en', words), '31 Mar 2026');
  });

  test('Excel: real dates, a day at midnight, a timestamp at the reader’s wall-clock time', () => {
    const day = excelCell(column('due_on'), ROWS[0]);
    assert.ok(day.value instanceof Date);
    assert.equal((day.value as Date).toISOString(), '2026-03-31T00:00:00.000Z');
    assert.equal(day.numFmt, 'yyyy-mm-dd');
    const paris = excelCell(column('created_at'), ROWS[0], () => -60); // UTC+1 in March
    assert.equal((paris.value as Date).toISOString(), '2026-03-01T10:30:00.123Z');
    assert.equal(paris.numFmt, 'yyyy-mm-dd hh:mm');
  });
});

describe('other values', () => {
  test('empty is empty in every format', () => {
    for (const c of COLUMNS) {
      assert.equal(csvText(c, ROWS[2]), '', c.name);
      assert.equal(displayText(c, ROWS[2], 'fr', words), '', c.name);
      assert.deepEqual(excelCell(c, ROWS[2]), { value: null }, c.name);
    }
  });

  test('booleans, numbers and structures', () => {
    assert.deepEqual([csvText(column('active'), ROWS[0]), csvText(column('active'), ROWS[1])], ['true', 'false']);
    assert.deepEqual([displayText(column('active'), ROWS[0], 'fr', words), displayText(column('active'), ROWS[1], 'fr', words)], ['Oui', 'Non']);
    assert.deepEqual(excelCell(column('active'), ROWS[1]), { value: false });
    assert.equal(csvText(column('quantity'), ROWS[1]), '0');
    assert.deepEqual(excelCell(column('quantity'), ROWS[0]), { value: 12 });
    assert.equal(displayText(column('quantity'), { quantity: 1234567.5 }, 'fr', words), '1\u202f234\u202f567,5');
    assert.deepEqual(excelCell(column('quantity'), { quantity: '123456789012345678901' }), { value: '123456789012345678901' });
    assert.equal(csvText(column('tags'), ROWS[0]), '["bio","rouge"]');
    assert.equal(displayText(column('tags'), ROWS[0], 'fr', words), 'bio, rouge');
    assert.equal(displayText(column('tags'), { tags: { a: 1 } }, 'fr', words), '{"a":1}');
  });
});

describe('columns', () => {
  const field = (name: string, widget: FieldSpec['widget'], type: string, extra: Partial<FieldSpec> = {}) =>
    ({ name, label: `L:${name}`, widget, type, currency: null, ...extra }) as FieldSpec;
  const spec = {
    fields: [
      field('id', 'uuid', 'uuid'),
      field('total_cents', 'money', 'bigint', { currency: { column: 'currency' } }),
      field('currency', 'text', 'character(3)'),
      field('position', 'readonly', 'integer'),
      field('codes', 'array', 'integer[]'),
      field('placed_at', 'datetime', 'timestamp with time zone'),
    ],
  } as ResourceSpec;

  test('the visible columns in the list’s order, labelled, unknown names left out', () => {
    const columns = exportColumns(spec, ['placed_at', 'total_cents', 'gone', 'position', 'codes']);
    assert.deepEqual(columns.map((c) => [c.name, c.label, c.kind]), [
      ['placed_at', 'L:placed_at', 'datetime'], ['total_cents', 'L:total_cents', 'money'], ['position', 'L:position', 'number'], ['codes', 'L:codes', 'json'],
    ]);
    assert.deepEqual(columns[1].currency, { column: 'currency' });
    assert.equal(exportKind({ widget: 'text', type: 'numeric(10,2)' }), 'number');
    assert.equal(exportKind({ widget: 'text', type: 'text' }), 'text');
  });

  test('a value list carries its words for people: the PDF shows them, CSV keeps the stored value', () => {
    const withStatus = { ...spec, fields: [...spec.fields, field('status', 'enum', 'text', { enumValues: ['pending', 'paid'] })] } as ResourceSpec;
    const [status] = exportColumns(withStatus, ['status'], (column, value) => `${column}:${value.toUpperCase()}`);
    assert.deepEqual(status.valueLabels, { pending: 'status:PENDING', paid: 'status:PAID' });
    assert.equal(displayText(status, { status: 'paid' }, 'fr', { yes: 'oui', no: 'non' }), 'status:PAID');
    assert.equal(displayText(status, { status: 'unknown' }, 'fr', { yes: 'oui', no: 'non' }), 'unknown');
    assert.equal(csvText(status, { status: 'paid' }), 'paid');
    assert.equal(exportColumns(withStatus, ['status'])[0].valueLabels, undefined);
  });

  test('the select asks for the currency column an amount needs, once', () => {
    assert.equal(selectFor(exportColumns(spec, ['total_cents', 'id'])), 'total_cents,id,currency');
    assert.equal(selectFor(exportColumns(spec, ['currency', 'total_cents'])), 'currency,total_cents');
  });
});
