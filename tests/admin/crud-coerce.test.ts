// Form values ↔ database values per widget, and "only changed columns" on edit.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import dayjs from 'dayjs';
import { changedColumns, currencyOf, formToRow, jsonProblem, rowToForm, toDbValue, toFormValue } from '../../admin/src/crud/form/coerce.ts';
import { field } from './crud-fixtures.ts';

const price = field('price_cents', { widget: 'money', type: 'bigint', currency: { column: 'currency' } });
const yen = field('amount', { widget: 'money', type: 'bigint', currency: { code: 'JPY' } });

test('money follows the row currency, a fixed code, else EUR', () => {
  assert.equal(currencyOf(price, { currency: 'usd' }), 'USD');
  assert.equal(currencyOf(price, { currency: null }), 'EUR');
  assert.equal(currencyOf(yen, { currency: 'EUR' }), 'JPY');
  assert.equal(toFormValue(price, 1250, { currency: 'EUR' }), '12.50');
  assert.equal(toFormValue(yen, 1250), '1250');
  assert.equal(toDbValue(price, '12,50', { currency: 'EUR' }), 1250);
  assert.equal(toDbValue(yen, '1250'), 1250);
  assert.equal(toDbValue(price, null), null);
});

test('dates, times and JSON', () => {
  const day = field('due_on', { widget: 'date', type: 'date' });
  const at = field('paid_at', { widget: 'datetime', type: 'timestamp with time zone' });
  const doc = field('attributes', { widget: 'json', type: 'jsonb' });
  assert.ok(dayjs.isDayjs(toFormValue(day, '2026-12-06')));
  assert.equal(toDbValue(day, dayjs('2026-12-06')), '2026-12-06');
  assert.equal(toDbValue(at, toFormValue(at, '2026-12-06T10:30:00+00:00')), '2026-12-06T10:30:00.000Z');
  assert.equal(toFormValue(doc, { size: 'M' }), '{\n  "size": "M"\n}');
  assert.deepEqual(toDbValue(doc, '{"size":"L"}'), { size: 'L' });
  assert.notEqual(jsonProblem('{"size":'), null);
  assert.equal(jsonProblem('[1,2]'), null);
  assert.equal(jsonProblem(''), null);
});

test('empty optional text is null, required text stays text; arrays keep their element type', () => {
  const brand = field('brand', { nullable: true });
  const name = field('name', { nullable: false });
  const tags = field('tags', { widget: 'array', type: 'text[]', elementWidget: 'text' });
  const sizes = field('sizes', { widget: 'array', type: 'integer[]', elementWidget: 'number' });
  assert.equal(toDbValue(brand, '  '), null);
  assert.equal(toDbValue(name, ''), '');
  assert.deepEqual(toDbValue(tags, ['a', 'b']), ['a', 'b']);
  assert.deepEqual(toDbValue(sizes, ['38', '40']), [38, 40]);
  assert.equal(toDbValue(field('ok', { widget: 'boolean', type: 'boolean' }), false), false);
  assert.equal(toFormValue(field('ok', { widget: 'boolean', type: 'boolean' }), null), false);
});

test('an edit sends only what changed', () => {
  const fields = [field('name', { nullable: false }), price, field('currency'), field('tags', { widget: 'array', type: 'text[]', elementWidget: 'text' }),
    field('paid_at', { widget: 'datetime', type: 'timestamp with time zone' })];
  const loaded = { id: 'x', name: 'Bol', price_cents: 1250, currency: 'EUR', tags: ['a'], paid_at: '2026-12-06T10:30:00+00:00' };
  const values = rowToForm(fields, loaded);
  assert.deepEqual(changedColumns(loaded, formToRow(fields, values, loaded)), {}, 'an untouched form changes nothing');
  const edited = { ...values, price_cents: '13.00', tags: ['a', 'b'] };
  assert.deepEqual(changedColumns(loaded, formToRow(fields, edited, loaded)), { price_cents: 1300, tags: ['a', 'b'] });
});
